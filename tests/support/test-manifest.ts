/** The build manifest the API tests and benchmarks run against: two public topics. */
export const testManifest = {
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
