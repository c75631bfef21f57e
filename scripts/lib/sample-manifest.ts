/** Build manifests of a small sample site, which API tests and benchmarks run against. */
export const sampleManifest = {
  audience: "public",
  topics: [
    { id: "temporary-login-code", title: "Mobile device inaccessible", path: "/topics/temporary-login-code/" },
    {
      id: "multi-factor-authentication-overview",
      title: "MFA overview",
      path: "/topics/multi-factor-authentication-overview/",
    },
  ],
};

export const internalSampleManifest = {
  audience: "internal",
  topics: [
    ...sampleManifest.topics,
    {
      id: "internal-admin-temporary-code",
      title: "Internal: an admin needs a temporary code",
      path: "/topics/internal-admin-temporary-code/",
    },
  ],
};
