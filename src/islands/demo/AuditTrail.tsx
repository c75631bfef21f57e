import { formatLocalAndUtc } from "../../shared/dates.ts";
import type { SandboxState } from "../../shared/demo-contract.ts";
import { auditLabels } from "./demo-text.ts";

/** Everything that happened in the sandbox, newest first, with who it happened to. */
export function AuditTrail({ sandbox }: { sandbox: SandboxState }) {
  const nameOf = (userId: string) => sandbox.users.find((u) => u.id === userId)?.name ?? userId;
  return (
    <details class="demo__audit">
      <summary>Audit trail ({sandbox.audit.length})</summary>
      {sandbox.audit.length === 0 ? (
        <p>Nothing has happened yet.</p>
      ) : (
        <ol>
          {sandbox.audit.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              {formatLocalAndUtc(entry.at)}: {auditLabels[entry.event] ?? entry.event}
              {entry.userId ? ` (${nameOf(entry.userId)})` : ""}
              {entry.detail ? `, ${entry.detail}` : ""}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
