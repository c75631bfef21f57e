import type { SandboxState } from "../../shared/demo-contract.ts";
import { auditLine } from "./demo-text.ts";
import type { DemoText } from "./demo-words.ts";

/** Everything that happened in the sandbox, newest first (numbered from the oldest), with who it happened to. */
export function AuditTrail({ sandbox, text }: { sandbox: SandboxState; text: DemoText }) {
  const nameOf = (userId: string) => sandbox.users.find((u) => u.id === userId)?.name ?? userId;
  return (
    <details class="demo__audit">
      <summary>{text.f(text.m.auditTrail, { count: sandbox.audit.length })}</summary>
      {sandbox.audit.length === 0 ? (
        <p>{text.m.nothingYet}</p>
      ) : (
        <ol reversed>
          {sandbox.audit.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>{auditLine(text, entry, nameOf)}</li>
          ))}
        </ol>
      )}
    </details>
  );
}
