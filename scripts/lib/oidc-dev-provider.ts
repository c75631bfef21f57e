/**
 * A real OpenID provider (oidc-provider) for trying single sign-on locally and for the tests:
 * one client, two people, a plain login form. Only ever on 127.0.0.1; not for production.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import Provider from "oidc-provider";

export const devClient = { id: "help-center", secret: "dev-secret" } as const;
export const employeeGroup = "help-center-staff";

/** A person the local provider signs in. */
export interface DevUser {
  id: string;
  email: string;
  password: string;
  name: string;
  groups: readonly string[];
  /** Whether the provider vouches for the address (`email_verified`). Default: true. */
  emailVerified?: boolean;
}

/** The two people of the local provider: one employee, one customer (in no group). */
export const devUsers: readonly [DevUser, DevUser] = [
  {
    id: "employee-1",
    email: "employee@example.com",
    password: "employee-password",
    name: "Emma Employee",
    groups: [employeeGroup],
  },
  { id: "customer-1", email: "customer@example.org", password: "customer-password", name: "Carl Customer", groups: [] },
];

export interface DevProvider {
  issuer: string;
  /** A back-channel logout token as the provider would send it, signed with its key (for tests). */
  logoutToken(claims: {
    sub?: string;
    sid?: string;
    aud?: string;
    iat?: number;
    nonce?: string;
    /** Default: a new random one; null leaves it out. */
    jti?: string | null;
  }): Promise<string>;
  /** The settings under which the help center uses this provider. */
  settings: Record<string, string>;
  close(): Promise<void>;
}

const escapeText = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid: string, problem?: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign in · Local identity provider</title></head>
<body><main><h1>Local identity provider</h1>${problem ? `<p role="alert">${escapeText(problem)}</p>` : ""}
<form method="post" action="/interaction/${escapeText(uid)}/login">
<p><label for="email">E-mail</label> <input id="email" name="email" type="email" autocomplete="username" required></p>
<p><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Sign in</button></p></form></main></body></html>`;
}

async function formOf(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/**
 * Starts the provider on 127.0.0.1:`port` (0: any free port) for a help center at `publicUrl`.
 * `people` (default: `devUsers`) is read at each sign-in: a test may change a person's e-mail
 * between two sign-ins, or add one, as an administrator would at a real provider.
 */
export async function startDevProvider(options: {
  port: number;
  publicUrl: string;
  people?: DevUser[];
}): Promise<DevProvider> {
  const people = options.people ?? [...devUsers];
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const app = options.publicUrl.replace(/\/$/, "");

  // Its own signing key, so tests can make tokens the provider would make.
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: "local-provider-key", alg: "RS256", use: "sig" };

  const provider = new Provider(issuer, {
    jwks: { keys: [signingKey] },
    clients: [
      {
        client_id: devClient.id,
        client_secret: devClient.secret,
        redirect_uris: [`${app}/api/auth/oidc/callback`],
        post_logout_redirect_uris: [`${app}/`],
        backchannel_logout_uri: `${app}/api/auth/oidc/backchannel-logout`,
        backchannel_logout_session_required: true,
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    scopes: ["openid", "email", "profile", "groups"],
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true },
      backchannelLogout: { enabled: true },
    },
    pkce: { required: () => true },
    // The provider guards its own requests against internal addresses; the help center it serves
    // runs on this machine, so back-channel logout may reach that one address (and no other).
    fetch: (input: string | URL | Request, options: RequestInit & { dispatcher?: unknown } = {}) => {
      const { dispatcher: _guard, ...unguarded } = options;
      const url = new URL(input instanceof Request ? input.url : input);
      return fetch(input, url.origin === new URL(app).origin ? unguarded : options);
    },
    cookies: { keys: ["local identity provider cookie key, for development only"] },
    findAccount: async (_ctx, id) => {
      const user = people.find((u) => u.id === id);
      if (!user) return undefined;
      return {
        accountId: user.id,
        claims: async () => ({
          sub: user.id,
          email: user.email,
          email_verified: user.emailVerified ?? true,
          name: user.name,
          groups: [...user.groups],
        }),
      };
    },
  });

  const callback = provider.callback();
  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    const match = /^\/interaction\/([^/?]+)(\/login)?/.exec(request.url ?? "");
    if (!match) return void callback(request, response);
    void (async () => {
      try {
        const details = await provider.interactionDetails(request, response);
        if (!match[2]) {
          response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
          return void response.end(loginPage(details.uid));
        }
        const form = await formOf(request);
        const user = people.find((u) => u.email === form.get("email") && u.password === form.get("password"));
        if (!user) {
          response.writeHead(401, { "Content-Type": "text/html; charset=utf-8" });
          return void response.end(loginPage(details.uid, "That e-mail address and password do not match."));
        }
        const grant = new provider.Grant({ accountId: user.id, clientId: String(details.params.client_id) });
        grant.addOIDCScope(String(details.params.scope ?? "openid"));
        const grantId = await grant.save();
        await provider.interactionFinished(
          request,
          response,
          { login: { accountId: user.id }, consent: { grantId } },
          { mergeWithLastSubmission: false },
        );
      } catch (error) {
        response.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" });
        response.end(`The sign-in could not go on: ${error instanceof Error ? error.message : String(error)}`);
      }
    })();
  });

  return {
    issuer,
    logoutToken: (claims) => {
      const jti = claims.jti === undefined ? crypto.randomUUID() : claims.jti;
      return new SignJWT({
        ...(claims.sub ? { sub: claims.sub } : {}),
        ...(claims.sid ? { sid: claims.sid } : {}),
        ...(claims.nonce ? { nonce: claims.nonce } : {}),
        ...(jti === null ? {} : { jti }),
        events: { "http://schemas.openid.net/event/backchannel-logout": {} },
      })
        .setProtectedHeader({ alg: "RS256", kid: signingKey.kid, typ: "logout+jwt" })
        .setIssuer(issuer)
        .setAudience(claims.aud ?? devClient.id)
        .setIssuedAt(claims.iat ?? Math.floor(Date.now() / 1000))
        .sign(privateKey);
    },
    settings: {
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: devClient.id,
      OIDC_CLIENT_SECRET: devClient.secret,
      OIDC_PROVIDER_NAME: "the local identity provider",
      OIDC_EMPLOYEE_GROUP: employeeGroup,
      OIDC_ALLOWED_DOMAINS: "example.com",
      PUBLIC_URL: app,
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
