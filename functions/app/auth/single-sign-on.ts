import type { Client } from "@libsql/client";
import { createRemoteJWKSet, jwtVerify } from "jose";
import * as oidc from "openid-client";
import type { WriteQueue } from "../../db/write-queue.ts";
import { constantTimeEqual, type Hasher } from "../lib/crypto.ts";
import type { SessionStore } from "./sessions.ts";

/** Single sign-on with the company's OpenID provider, as configured (see the README). */
export interface SsoSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Shown on the button: "Sign in with {providerName}". */
  providerName: string;
  /** Members of this group (the `groups` claim) are employees. */
  employeeGroup: string | undefined;
  /** People with a verified e-mail address in these domains are employees. */
  allowedDomains: readonly string[];
  /** The help center's own address, which the provider sends readers back to. */
  publicUrl: string;
}

/** The claims of a signed-in identity the employee rule looks at. */
export interface IdentityClaims {
  [claim: string]: unknown;
  email?: unknown;
  email_verified?: unknown;
  groups?: unknown;
}

/** Whether an identity counts as an employee: in the group, or with a verified e-mail in an allowed domain. */
export function isEmployee(claims: IdentityClaims, settings: Pick<SsoSettings, "employeeGroup" | "allowedDomains">) {
  const inGroup =
    settings.employeeGroup !== undefined &&
    Array.isArray(claims.groups) &&
    claims.groups.includes(settings.employeeGroup);
  const email = typeof claims.email === "string" ? claims.email.toLowerCase() : "";
  const domain = email.slice(email.lastIndexOf("@") + 1);
  const inDomain = claims.email_verified === true && email.includes("@") && settings.allowedDomains.includes(domain);
  return inGroup || inDomain;
}

export type SsoOutcome =
  | { kind: "signed_in"; token: string; next: string }
  | { kind: "not_employee"; email: string | undefined }
  | { kind: "failed"; message: string; why: string };

/** The provider could not be reached, or its discovery document is broken: try again later. */
export class ProviderUnavailable extends Error {}

export const callbackPath = "/api/auth/oidc/callback";
const logoutEvent = "http://schemas.openid.net/event/backchannel-logout";
/** A sign-in begun at the provider must come back within this. */
const attemptLifetimeMs = 10 * 60_000;
const isLoopback = (url: URL) =>
  url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.hostname === "[::1]";

export interface SsoDeps {
  settings: SsoSettings;
  db: Client;
  writes: WriteQueue;
  hasher: Hasher;
  clock: () => number;
  sessions: SessionStore;
}

/**
 * The authorization code flow with PKCE, `state` and `nonce`, by openid-client (a certified
 * relying-party library). What the callback must check is kept server-side under a hash of
 * `state`, used once; the browser holds `state` in a cookie, so a sign-in begun elsewhere fails.
 */
export function singleSignOn(deps: SsoDeps) {
  const { settings } = deps;
  let discovered: Promise<oidc.Configuration> | undefined;
  let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

  function configuration(): Promise<oidc.Configuration> {
    discovered ??= (async () => {
      const issuer = new URL(settings.issuer);
      try {
        return await oidc.discovery(
          issuer,
          settings.clientId,
          settings.clientSecret,
          undefined,
          // Plain http only for a provider on this machine (npm run idp).
          isLoopback(issuer) ? { execute: [oidc.allowInsecureRequests], timeout: 5 } : { timeout: 5 },
        );
      } catch (error) {
        throw new ProviderUnavailable(`${settings.providerName} cannot be reached`, { cause: error });
      }
    })();
    discovered.catch(() => {
      discovered = undefined;
    });
    return discovered;
  }

  return {
    settings,

    /** Where to send the reader to sign in, and the `state` their browser must bring back. */
    async begin(next: string): Promise<{ url: string; state: string }> {
      const config = await configuration();
      const verifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      await deps.writes.write([
        {
          sql: "INSERT INTO sso_attempts (state_hash, code_verifier, nonce, return_to, created_at) VALUES (?, ?, ?, ?, ?)",
          args: [await deps.hasher.digest(state), verifier, nonce, next, deps.clock()],
        },
      ]);
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: new URL(callbackPath, settings.publicUrl).href,
        scope: "openid email profile groups",
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: "S256",
        state,
        nonce,
      });
      return { url: url.href, state };
    },

    /** Checks the provider's answer and, for an employee, opens a session. */
    async finish(callback: URL, browserState: string | undefined): Promise<SsoOutcome> {
      const failed = (why: string): SsoOutcome => ({
        kind: "failed",
        message: `The sign-in with ${settings.providerName} could not be confirmed. Start it again.`,
        why,
      });
      const state = callback.searchParams.get("state") ?? "";
      if (!browserState || !state || !constantTimeEqual(state, browserState)) return failed("state mismatch");
      const [claimed] = await deps.writes.write([
        {
          sql: "DELETE FROM sso_attempts WHERE state_hash = ? RETURNING code_verifier, nonce, return_to, created_at",
          args: [await deps.hasher.digest(state)],
        },
      ]);
      const attempt = claimed?.rows[0];
      if (!attempt) return failed("unknown or replayed state");
      const providerError = callback.searchParams.get("error");
      if (providerError) return failed(`provider answered ${providerError}`);

      const config = await configuration();
      let claims: IdentityClaims & { sub: string; iss: string };
      try {
        const redirect = new URL(callbackPath, settings.publicUrl);
        redirect.search = callback.search;
        const tokens = await oidc.authorizationCodeGrant(config, redirect, {
          pkceCodeVerifier: String(attempt.code_verifier),
          expectedState: state,
          expectedNonce: String(attempt.nonce),
          idTokenExpected: true,
        });
        const idToken = tokens.claims();
        if (!idToken) return failed("no ID token");
        // Providers put e-mail and groups in the ID token or only in UserInfo: read both.
        const userInfo = await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub).catch(() => ({}));
        claims = { ...userInfo, ...idToken };
      } catch (error) {
        if (error instanceof TypeError && /fetch failed/.test(error.message)) {
          throw new ProviderUnavailable(`${settings.providerName} cannot be reached`, { cause: error });
        }
        return failed(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      }
      // After the token's own time checks, so a clock far off is reported as what it is.
      if (deps.clock() - Number(attempt.created_at) > attemptLifetimeMs) return failed("sign-in attempt expired");
      const email = typeof claims.email === "string" ? claims.email.toLowerCase() : undefined;
      if (!isEmployee(claims, settings)) return { kind: "not_employee", email };

      const staffId = await rememberStaff(deps, claims, email);
      if (staffId === undefined) return { kind: "not_employee", email };
      const token = await deps.sessions.create(staffId, typeof claims.sid === "string" ? claims.sid : "");
      return { kind: "signed_in", token, next: String(attempt.return_to) };
    },

    /**
     * Back-channel logout: the provider says a person signed out there. The logout token is
     * checked (signature by the provider's keys, issuer, audience, age, the logout event, no
     * nonce); the sessions it names end (by provider session, else every session of the person).
     * Returns how many ended, or undefined for a token that does not pass.
     */
    async backChannelLogout(logoutToken: string): Promise<number | undefined> {
      const config = await configuration();
      const metadata = config.serverMetadata();
      if (!metadata.jwks_uri) return undefined;
      jwks ??= createRemoteJWKSet(new URL(metadata.jwks_uri), { timeoutDuration: 5000 });
      let payload: Record<string, unknown>;
      try {
        ({ payload } = await jwtVerify(logoutToken, jwks, {
          issuer: metadata.issuer,
          audience: settings.clientId,
          maxTokenAge: "5 minutes",
          clockTolerance: 30,
        }));
      } catch {
        return undefined;
      }
      const events = payload.events as Record<string, unknown> | undefined;
      const sub = typeof payload.sub === "string" ? payload.sub : undefined;
      const sid = typeof payload.sid === "string" ? payload.sid : undefined;
      if (typeof events?.[logoutEvent] !== "object" || "nonce" in payload || (!sub && !sid)) return undefined;
      const [ended] = await deps.writes.write([
        {
          sql: `DELETE FROM sessions WHERE (? IS NOT NULL AND provider_session = ?)
                  OR (? IS NULL AND user_id IN (SELECT id FROM staff_users WHERE issuer = ? AND subject = ?))`,
          args: [sid ?? null, sid ?? null, sid ?? null, metadata.issuer, sub ?? null],
        },
      ]);
      return ended?.rowsAffected ?? 0;
    },

    /** The provider's sign-out address, when it has one (RP-initiated logout). */
    async endSessionUrl(): Promise<string | undefined> {
      try {
        const config = await configuration();
        if (!config.serverMetadata().end_session_endpoint) return undefined;
        return oidc
          .buildEndSessionUrl(config, {
            client_id: settings.clientId,
            post_logout_redirect_uri: new URL("/", settings.publicUrl).href,
          })
          .toString();
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * The staff record of an identity: one per issuer and subject, e-mail and name refreshed at each
 * sign-in. A first sign-in whose verified e-mail matches a local account takes that account over
 * (the company's provider speaks for its addresses). A disabled record stays disabled: undefined.
 */
async function rememberStaff(
  deps: SsoDeps,
  claims: IdentityClaims & { sub: string; iss: string },
  email: string | undefined,
) {
  const name = typeof claims.name === "string" ? claims.name : null;
  const address = email ?? `${claims.sub}@${new URL(deps.settings.issuer).hostname}`;
  const [row] = await deps.writes.write([
    {
      sql: `INSERT INTO staff_users (email, password_hash, created_at, issuer, subject, name)
            VALUES (?, '', ?, ?, ?, ?)
            ON CONFLICT (email) DO UPDATE SET issuer = excluded.issuer, subject = excluded.subject, name = excluded.name
              WHERE staff_users.issuer IS NULL OR (staff_users.issuer = excluded.issuer AND staff_users.subject = excluded.subject)
            RETURNING id, disabled_at`,
      args: [address, deps.clock(), claims.iss, claims.sub, name],
    },
  ]);
  const found = row?.rows[0];
  if (found) return found.disabled_at === null ? Number(found.id) : undefined;
  // The e-mail belongs to another identity of the provider, or the address changed: by subject.
  const [bySubject] = await deps.writes.write([
    {
      sql: `UPDATE staff_users SET name = ? WHERE issuer = ? AND subject = ? RETURNING id, disabled_at`,
      args: [name, claims.iss, claims.sub],
    },
  ]);
  const existing = bySubject?.rows[0];
  return existing && existing.disabled_at === null ? Number(existing.id) : undefined;
}

export type SingleSignOn = ReturnType<typeof singleSignOn>;
