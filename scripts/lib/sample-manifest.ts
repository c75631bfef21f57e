/** The sample site's languages, as content/languages.json declares the project's. */
export const sampleLanguages = { default: "en", all: ["en", "de", "es", "ar"] };

/**
 * Build manifests of a small sample site, which API tests and benchmarks run against: one topic
 * in every language, one in English and German only.
 */
export const sampleManifest = {
  audience: "public",
  languages: sampleLanguages,
  topics: [
    {
      id: "temporary-login-code",
      title: "Mobile device inaccessible",
      path: "/topics/temporary-login-code/",
      languages: sampleLanguages.all,
    },
    {
      id: "multi-factor-authentication-overview",
      title: "MFA overview",
      path: "/topics/multi-factor-authentication-overview/",
      languages: ["en", "de"],
    },
  ],
};

/** The employees' manifest adds each topic's category, words (its translations' too), last update, owner and review date. */
export const internalSampleManifest = {
  audience: "internal",
  languages: sampleLanguages,
  topics: [
    {
      ...sampleManifest.topics[0],
      translations: {
        de: {
          title: "Mobilgerät nicht zugänglich",
          description:
            "Einen temporären Anmeldecode für einen Benutzer erzeugen, der seinen Authentifikator verloren hat.",
          keywords: ["MFA zurücksetzen"],
        },
        ar: { title: "الجهاز المحمول غير متاح", description: "إنشاء رمز دخول مؤقت لمستخدم فقد جهاز المصادقة." },
      },
      category: "Security and sign-in",
      description: "Generate a temporary login code for a user who lost their authenticator.",
      keywords: ["MFA reset"],
      updated: "2026-11-20",
      owner: "identity-docs@example.com",
      reviewBy: "2027-11-20",
    },
    {
      ...sampleManifest.topics[1],
      category: "Security and sign-in",
      updated: "2025-06-01",
      owner: "Security team",
      reviewBy: "2026-06-01",
    },
    {
      id: "internal-admin-temporary-code",
      title: "Internal: an admin needs a temporary code",
      path: "/topics/internal-admin-temporary-code/",
      category: "Support procedures",
      updated: "2026-11-28",
      owner: "Support knowledge team",
    },
  ],
};
