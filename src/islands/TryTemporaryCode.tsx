import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { formatUtcDateTime } from "../shared/dates.ts";
import { DemoError, type DemoUser, demoApi, type SandboxState } from "./demo-client.ts";
import { auditLabels, formatCountdown, outcomeMessage } from "./demo-text.ts";

type Step = "admin" | "users" | "user" | "dialog" | "login";
const stepNumber: Record<Step, number> = { admin: 1, users: 2, user: 3, dialog: 4, login: 5 };
const stepTitle: Record<Step, string> = {
  admin: "Open the Users list",
  users: "Select the user",
  user: "Open the multi-factor settings",
  dialog: "Generate the temporary code",
  login: "Sign in with the code",
};

interface Issued {
  userId: string;
  code: string;
  expiresAt: number;
  oneTime: boolean;
}

/**
 * The seed topic's five steps against the real API, in a sandbox of fictional users.
 * Focus moves to each step's heading; a polite live region says what changed.
 */
export default function TryTemporaryCode() {
  const [mounted, setMounted] = useState(false);
  const [sandbox, setSandbox] = useState<SandboxState | undefined>();
  const [clockSkew, setClockSkew] = useState(0);
  const [step, setStep] = useState<Step>("admin");
  const [kind, setKind] = useState<"client" | "staff">("client");
  const [userId, setUserId] = useState<string | undefined>();
  const [issued, setIssued] = useState<Issued | undefined>();
  const [oneTime, setOneTime] = useState(false);
  const [showCodeField, setShowCodeField] = useState(false);
  const [username, setUsername] = useState("");
  const [typed, setTyped] = useState("");
  const [result, setResult] = useState<{ ok: boolean; text: string } | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [announcement, setAnnouncement] = useState("");
  const [, setTick] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusNext = useRef(false);
  const codeRef = useRef<HTMLInputElement>(null);

  useEffect(() => setMounted(true), []);
  useEffect(() => {
    if (!issued) return;
    const timer = setInterval(() => setTick((t) => t + 1), 1000);
    return () => clearInterval(timer);
  }, [issued]);
  // A layout effect: focus lands on the new step before anything else can run.
  useLayoutEffect(() => {
    if (focusNext.current) headingRef.current?.focus();
    focusNext.current = false;
  }, [step, sandbox === undefined]);
  useLayoutEffect(() => {
    if (showCodeField) codeRef.current?.focus();
  }, [showCodeField]);

  // The sandbox's clock runs with the real one, shifted by however far the demo advanced it.
  const sandboxNow = () => Date.now() + clockSkew;
  const user: DemoUser | undefined = sandbox?.users.find((u) => u.id === userId);

  const accept = (state: SandboxState) => {
    setSandbox(state);
    setClockSkew(state.now - Date.now());
  };
  const go = (next: Step, message: string) => {
    focusNext.current = true;
    setStep(next);
    setAnnouncement(`Step ${stepNumber[next]} of 5: ${message}`);
  };
  const act = async (work: () => Promise<void>) => {
    setProblem(undefined);
    try {
      await work();
    } catch (error) {
      setProblem(error instanceof DemoError ? error.message : "Something went wrong.");
    }
  };

  const start = () =>
    act(async () => {
      accept(await demoApi.start());
      setIssued(undefined);
      setResult(undefined);
      setUserId(undefined);
      go("admin", "the Admin tab is open.");
    });

  if (!mounted) {
    return <p class="demo__note">This live demo needs JavaScript. The steps above work the same way in the product.</p>;
  }

  if (!sandbox) {
    return (
      <div class="demo__intro">
        <p>Walk through the five steps in a sandbox of fictional users, then sign in as the user with the code.</p>
        {problem && (
          <p class="field-error" role="alert">
            {problem}
          </p>
        )}
        <button type="button" class="button" onClick={start}>
          Start the demo
        </button>
      </div>
    );
  }

  const refresh = async () => accept(await demoApi.state());
  /** Acts on the sandbox, reloads its state, then says what changed. */
  const update = <T,>(work: () => Promise<T>, message: (result: T) => string) =>
    act(async () => {
      const result = await work();
      await refresh();
      setAnnouncement(message(result));
    });
  const live = issued && user && issued.userId === user.id ? issued : undefined;
  const codeState = user?.code?.state;
  const remaining = live ? live.expiresAt - sandboxNow() : 0;

  return (
    <div class="demo__frame">
      <div class="demo__toolbar">
        <p>
          Demo clock: <time dateTime={new Date(sandboxNow()).toISOString()}>{formatUtcDateTime(sandboxNow())}</time>
        </p>
        <button
          type="button"
          class="button button--quiet"
          onClick={() =>
            act(async () => {
              accept(await demoApi.advance(24));
              setAnnouncement("The demo clock moved 24 hours ahead.");
            })
          }
        >
          Advance the clock 24 hours
        </button>
        <button type="button" class="button button--quiet" onClick={start}>
          Reset the demo
        </button>
      </div>

      <p class="demo__progress">Step {stepNumber[step]} of 5</p>
      <h3 tabIndex={-1} ref={headingRef}>
        {stepNumber[step]}. {stepTitle[step]}
      </h3>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}

      {step === "admin" && (
        <section class="demo__screen" aria-label="Admin tab">
          <p class="demo__tab">Admin</p>
          {(["client", "staff"] as const).map((k) => (
            <section key={k} aria-labelledby={`demo-section-${k}`}>
              <h4 id={`demo-section-${k}`}>{k === "client" ? "NetClient CS" : "NetStaff CS"}</h4>
              <button
                type="button"
                class="demo__link"
                aria-describedby={`demo-section-${k}`}
                onClick={() => {
                  setKind(k);
                  go("users", `the ${k === "client" ? "NetClient CS" : "NetStaff CS"} users are listed.`);
                }}
              >
                Users
              </button>
            </section>
          ))}
        </section>
      )}

      {step === "users" && (
        <ul class="demo__users">
          {sandbox.users
            .filter((u) => u.kind === kind)
            .map((u) => (
              <li key={u.id}>
                <button
                  type="button"
                  class="demo__link"
                  onClick={() => {
                    setUserId(u.id);
                    setUsername(u.username);
                    go("user", `${u.name} is selected.`);
                  }}
                >
                  {u.name} ({u.username})
                </button>
              </li>
            ))}
        </ul>
      )}

      {step === "user" && user && (
        <section class="demo__screen" aria-labelledby="demo-identification">
          <h4 id="demo-identification">Identification</h4>
          <dl>
            <dt>Name</dt>
            <dd>{user.name}</dd>
            <dt>User name</dt>
            <dd>{user.username}</dd>
            <dt>Multi-factor Authentication</dt>
            <dd>
              On{" "}
              <button
                type="button"
                class="button button--quiet"
                onClick={() => go("dialog", "the multi-factor settings are open.")}
              >
                View Settings
              </button>
            </dd>
            <dt>Paired mobile device</dt>
            <dd>
              {user.devicePaired ? "Connected " : "Disconnected "}
              <button
                type="button"
                class="button button--quiet"
                onClick={() =>
                  update(
                    () => demoApi.setDevice(user.id, !user.devicePaired),
                    ({ paired }) => (paired ? "The device is paired again." : "The paired device is disconnected."),
                  )
                }
              >
                {user.devicePaired ? "Disconnect device" : "Pair device again"}
              </button>
            </dd>
          </dl>
          {!user.devicePaired && (
            <p class="note">
              Disconnecting the paired device does not turn off multi-factor authentication.
              {codeState === "active"
                ? ` ${user.name} can still sign in with the active temporary code.`
                : ` ${user.name} needs a temporary code to sign in.`}
            </p>
          )}
        </section>
      )}

      {step === "dialog" && user && (
        <div
          class="demo__dialog"
          role="dialog"
          aria-modal="false"
          aria-labelledby="demo-dialog-title"
          onKeyDown={(e) => {
            if (e.key === "Escape") go("user", "the settings dialog is closed.");
          }}
        >
          <h4 id="demo-dialog-title">Multi-factor Authentication settings for {user.name}</h4>
          <label class="choice">
            <input type="checkbox" checked={oneTime} onChange={(e) => setOneTime(e.currentTarget.checked)} />
            One-time code (stops working after the first sign-in)
          </label>
          <p>
            <button
              type="button"
              class="demo__link"
              onClick={() =>
                update(
                  async () => {
                    const made = await demoApi.issue(user.id, { oneTime });
                    setIssued({ userId: user.id, ...made });
                    return made;
                  },
                  (made) => `A temporary code was generated. It expires at ${formatUtcDateTime(made.expiresAt)}.`,
                )
              }
            >
              Generate a temporary, 24-hour numerical code
            </button>
          </p>
          {live && codeState === "active" && (
            <div class="demo__code">
              <p>
                Code: <output class="demo__digits">{live.code}</output>
              </p>
              <p>
                Expires at {formatUtcDateTime(live.expiresAt)} ({formatCountdown(remaining)}). Shown once: it is stored
                only as a keyed hash.
              </p>
              <button
                type="button"
                class="button button--quiet"
                onClick={() =>
                  update(
                    () => demoApi.revoke(user.id),
                    () => "The code is revoked.",
                  )
                }
              >
                Revoke the code
              </button>
            </div>
          )}
          {codeState && codeState !== "active" && <p>The latest code is {codeState}.</p>}
          <p class="demo__actions">
            <button
              type="button"
              class="button"
              onClick={() => {
                setShowCodeField(false);
                setTyped("");
                setResult(undefined);
                go("login", `the application's login screen is shown for ${user.name}.`);
              }}
            >
              Provide the code to the user
            </button>
            <button
              type="button"
              class="button button--quiet"
              onClick={() => go("user", "the settings dialog is closed.")}
            >
              Close
            </button>
          </p>
        </div>
      )}

      {step === "login" && (
        <form
          class="demo__screen demo__login"
          aria-label="Application login screen"
          onSubmit={(e) => {
            e.preventDefault();
            // Read the fields themselves: a fast typist can submit before the last keystroke re-renders.
            const fields = new FormData(e.currentTarget);
            act(async () => {
              const { outcome } = await demoApi.signIn({
                username: String(fields.get("username") ?? ""),
                code: String(fields.get("code") ?? ""),
              });
              const message = outcomeMessage(outcome, user?.name ?? username);
              setResult(message);
              setAnnouncement(message.text);
              await refresh();
            });
          }}
        >
          <p class="demo__tab">CS Professional Suite: sign in</p>
          <div class="field">
            <label for="demo-username">User name</label>
            <input
              id="demo-username"
              name="username"
              value={username}
              autocomplete="off"
              onInput={(e) => setUsername(e.currentTarget.value)}
            />
          </div>
          {showCodeField ? (
            <div class="field">
              <label for="demo-code">Temporary code</label>
              <input
                id="demo-code"
                ref={codeRef}
                name="code"
                inputMode="numeric"
                autocomplete="one-time-code"
                value={typed}
                onInput={(e) => setTyped(e.currentTarget.value)}
              />
            </div>
          ) : (
            <p>
              <button
                type="button"
                class="demo__link"
                onClick={() => {
                  setShowCodeField(true);
                  setAnnouncement("Type the temporary code.");
                }}
              >
                Enter a code
              </button>
            </p>
          )}
          {showCodeField && (
            <button type="submit" class="button">
              Sign in
            </button>
          )}
          {result && (
            <p class={result.ok ? "demo__result demo__result--ok" : "demo__result demo__result--refused"}>
              {result.text}
            </p>
          )}
          <p>
            <button type="button" class="button button--quiet" onClick={() => go("admin", "back at the Admin tab.")}>
              Back to the Admin tab
            </button>
          </p>
        </form>
      )}

      <details class="demo__audit">
        <summary>Audit trail ({sandbox.audit.length})</summary>
        {sandbox.audit.length === 0 ? (
          <p>Nothing has happened yet.</p>
        ) : (
          <ol>
            {sandbox.audit.map((entry, index) => (
              <li key={`${entry.at}-${index}`}>
                {formatUtcDateTime(entry.at)}: {auditLabels[entry.event] ?? entry.event}
                {entry.userId ? ` (${sandbox.users.find((u) => u.id === entry.userId)?.name ?? entry.userId})` : ""}
                {entry.detail ? `, ${entry.detail}` : ""}
              </li>
            ))}
          </ol>
        )}
      </details>
      <p class="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
