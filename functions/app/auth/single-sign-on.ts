import type { Client } from "@libsql/client";
import { createRemoteJWKSet, jwtVerify } from "jose";
import * as oidc from "openid-client";
import type { WriteQueue } from "../../db/write-queue.ts";
import { constantTimeEqual, type Hasher, randomToken } from "../lib/crypto.ts";
import { giveBackStatement, type RateLimitRule, take, windowStart } from "../lib/limiter.ts";
import { type IdentityClaims, isEmployee } from "./employee-rule.ts";
import type { SessionStore } from "./sessions.ts";
import { rememberStaff } from "./staff-link.ts";

/** Single sign-on with the company's OpenID provider, as configured (see the README). */
export interface SsoSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Shown on the button: "Sign in with {providerName}"; without it, "Sign in with your company account". */
  providerName: string | undefined;
  /** Members of this group (the `groups` claim) are employees. */
  employeeGroup: string | undefined;
  /** People with a verified e-mail address in these domains are employees. */
  allowedDomains: readonly string[];
  /** The help center's own address, which the provider sends readers back to. */
  publicUrl: string;
}

/**
 * How a sign-in at the provider ended. `next`, where the sign-in was begun, is where the reader
 * returns, whose language the page that tells a refusal speaks (unknown after a forged callback).
 */
export type SsoOutcome =
  | { kind: "signed_in"; token: string; next: string }
  | { kind: "not_employee"; email: string | undefined; next: string }
  /** The provider's verified e-mail is another account's here: an administrator must sort it out. */
  | { kind: "conflict"; email: string; next: string }
  | { kind: "failed"; why: string; next?: string };

/** The provider could not be reached, or its discovery document is broken: try again later. */
export class ProviderUnavailable extends Error {}

export const callbackPath = "/api/auth/oidc/callback";
const logoutEvent = "http://schemas.openid.net/event/backchannel-logout";
/** A sign-in begun at the provider must come back within this; housekeeping removes older ones. */
export const attemptLifetimeMs = 10 * 60_000;
/**
 * Sign-ins one client may begin and leave unfinished: as many as it may try passwords
 * (sign-in.ts). A sign-in that finishes gives its start back.
 */
const startLimit: RateLimitRule = { max: 20, windowMs: 15 * 60_000 };

/** A logout token older than this is refused, so its `jti` need not be remembered longer. */
const logoutTokenMaxAgeSeconds = 300;
const logoutClockToleranceSeconds = 30;

export type LogoutOutcome = { kind: "ended"; sessions: number } | { kind: "refused"; why: string };

export type SsoStart =
  | { kind: "redirect"; url: string; state: string }
  | { kind: "limited"; retryAfterSeconds: number };
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
  /** The provider as the logs name it. */
  const providerLabel = settings.providerName ?? "The identity provider";
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
        throw new ProviderUnavailable(`${providerLabel} cannot be reached`, { cause: error });
      }
    })();
    discovered.catch(() => {
      discovered = undefined;
    });
    return discovered;
  }

  return {
    settings,

    /**
     * Where to send the reader to sign in, and the `state` their browser must bring back; or,
     * past the client's limit, how long to wait. Counted before anything is stored: each start
     * keeps a row until it is used or expires, and any page can make a browser ask for one.
     */
    async begin(next: string, client: string): Promise<SsoStart> {
      const config = await configuration();
      const now = deps.clock();
      const check = { rule: startLimit, bucket: `sso-start:${await deps.hasher.keyed("client", client)}` };
      const taken = await take(deps.writes, [check], now);
      if (!taken.allowed) return { kind: "limited", retryAfterSeconds: taken.retryAfterSeconds };
      const verifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      await deps.writes.write([
        {
          sql: `INSERT INTO sso_attempts (state_hash, code_verifier, nonce, return_to, created_at, limit_bucket, limit_window)
                VALUES (?, ?, ?, ?, ?, ?, ?)`,
          args: [
            await deps.hasher.digest(state),
            verifier,
            nonce,
            next,
            now,
            check.bucket,
            windowStart(startLimit, now),
          ],
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
      return { kind: "redirect", url: url.href, state };
    },

    /** Checks the provider's answer and, for an employee, opens a session. */
    async finish(callback: URL, browserState: string | undefined): Promise<SsoOutcome> {
      const failed = (why: string, next?: string): SsoOutcome => ({ kind: "failed", why, ...(next ? { next } : {}) });
      const state = callback.searchParams.get("state") ?? "";
      if (!browserState || !state || !constantTimeEqual(state, browserState)) return failed("state mismatch");
      const [claimed] = await deps.writes.write([
        {
          sql: `DELETE FROM sso_attempts WHERE state_hash = ?
                RETURNING code_verifier, nonce, return_to, created_at, limit_bucket, limit_window`,
          args: [await deps.hasher.digest(state)],
        },
      ]);
      const attempt = claimed?.rows[0];
      if (!attempt) return failed("unknown or replayed state");
      const next = String(attempt.return_to);
      const providerError = callback.searchParams.get("error");
      if (providerError) return failed(`provider answered ${providerError}`, next);

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
        if (!idToken) return failed("no ID token", next);
        // Providers put e-mail and groups in the ID token or only in UserInfo: read both, but take
        // an e-mail and whether it is verified from the same one.
        const userInfo: IdentityClaims = await oidc
          .fetchUserInfo(config, tokens.access_token, idToken.sub)
          .catch(() => ({}));
        const emailSource: IdentityClaims = typeof idToken.email === "string" ? idToken : userInfo;
        claims = {
          ...userInfo,
          ...idToken,
          email: emailSource.email,
          email_verified: emailSource.email_verified,
        };
      } catch (error) {
        if (error instanceof TypeError && /fetch failed/.test(error.message)) {
          throw new ProviderUnavailable(`${providerLabel} cannot be reached`, { cause: error });
        }
        return failed(error instanceof Error ? `${error.name}: ${error.message}` : String(error), next);
      }
      // After the token's own time checks, so a clock far off is reported as what it is.
      if (deps.clock() - Number(attempt.created_at) > attemptLifetimeMs) return failed("sign-in attempt expired", next);
      const email = typeof claims.email === "string" ? claims.email.toLowerCase() : undefined;
      if (!isEmployee(claims, settings)) return { kind: "not_employee", email, next };

      const staff = await rememberStaff(
        { writes: deps.writes, clock: deps.clock, issuer: settings.issuer },
        claims,
        email,
      );
      if (staff.kind === "disabled") return { kind: "not_employee", email, next };
      if (staff.kind === "conflict") return { kind: "conflict", email: staff.email, next };
      const token = await deps.sessions.create(staff.id, typeof claims.sid === "string" ? claims.sid : "");
      // A sign-in that finished used up nothing: an office behind one address is never held up by
      // its own employees' sign-ins.
      if (typeof attempt.limit_bucket === "string") {
        await deps.writes.write([giveBackStatement(attempt.limit_bucket, Number(attempt.limit_window))]);
      }
      return { kind: "signed_in", token, next };
    },

    /**
     * Back-channel logout: the provider says a person signed out there. The logout token is
     * checked (signature by the provider's keys, issuer, audience, age, the logout event, a
     * `jti`, no nonce) and used once: its `jti` is remembered until the token is too old to be
     * accepted, and a replay ends nothing. The sessions it names end (by provider session, else
     * every session of the person).
     */
    async backChannelLogout(logoutToken: string): Promise<LogoutOutcome> {
      const config = await configuration();
      const metadata = config.serverMetadata();
      if (!metadata.jwks_uri) return { kind: "refused", why: "the provider publishes no keys" };
      jwks ??= createRemoteJWKSet(new URL(metadata.jwks_uri), { timeoutDuration: 5000 });
      let payload: Record<string, unknown>;
      try {
        ({ payload } = await jwtVerify(logoutToken, jwks, {
          issuer: metadata.issuer,
          audience: settings.clientId,
          maxTokenAge: logoutTokenMaxAgeSeconds,
          clockTolerance: logoutClockToleranceSeconds,
          requiredClaims: ["iat", "jti"],
        }));
      } catch (error) {
        return { kind: "refused", why: error instanceof Error ? error.message : "the token did not verify" };
      }
      const events = payload.events as Record<string, unknown> | undefined;
      const sub = typeof payload.sub === "string" ? payload.sub : undefined;
      const sid = typeof payload.sid === "string" ? payload.sid : undefined;
      const { jti, iat } = payload;
      if (typeof events?.[logoutEvent] !== "object" || "nonce" in payload || (!sub && !sid)) {
        return { kind: "refused", why: "not a logout token" };
      }
      if (typeof jti !== "string" || jti.length === 0 || jti.length > 256 || typeof iat !== "number") {
        return { kind: "refused", why: "no usable jti" };
      }
      // After this, the token's age alone refuses it (a minute to spare, for a clock that is off
      // between servers sharing the database and for the second jose rounds to).
      const forgetAt = (iat + logoutTokenMaxAgeSeconds + logoutClockToleranceSeconds + 60) * 1000;
      const claim = randomToken(16);
      const [remembered, ended] = await deps.writes.write([
        {
          sql: "INSERT INTO logout_tokens (jti, claim, expires_at) VALUES (?, ?, ?) ON CONFLICT (jti) DO NOTHING RETURNING jti",
          args: [jti, claim, forgetAt],
        },
        {
          sql: `DELETE FROM sessions WHERE EXISTS (SELECT 1 FROM logout_tokens WHERE jti = ? AND claim = ?)
                  AND ((? IS NOT NULL AND provider_session = ?)
                    OR (? IS NULL AND user_id IN (SELECT id FROM staff_users WHERE issuer = ? AND subject = ?)))`,
          args: [jti, claim, sid ?? null, sid ?? null, sid ?? null, metadata.issuer, sub ?? null],
        },
      ]);
      if (!remembered?.rows.length) return { kind: "refused", why: "replayed logout token" };
      return { kind: "ended", sessions: ended?.rowsAffected ?? 0 };
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

export type SingleSignOn = ReturnType<typeof singleSignOn>;
