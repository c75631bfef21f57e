import type { SandboxState } from "../../shared/demo-contract.ts";
import { auditLine } from "./demo-text.ts";

/** Everything that happened in the sandbox, newest first (numbered from the oldest), with who it happened to. */
export function AuditTrail({ sandbox }: { sandbox: SandboxState }) {
  const nameOf = (userId: string) => sandbox.users.find((u) => u.id === userId)?.name ?? userId;
  return (
    <details class="demo__audit">
      <summary>Audit trail ({sandbox.audit.length})</summary>
      {sandbox.audit.length === 0 ? (
        <p>Nothing has happened yet.</p>
      ) : (
        <ol reversed>
          {sandbox.audit.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>{auditLine(entry, nameOf)}</li>
          ))}
        </ol>
      )}
    </details>
  );
}
