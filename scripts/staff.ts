/**
 * Employee accounts.
 *   npm run staff -- add EMAIL [--generate]   asks for a password (or makes one and prints it once)
 *   npm run staff -- list
 *   npm run staff -- disable EMAIL            also ends the account's sessions
 *   npm run staff -- remove EMAIL             the account and its sessions, for good (frees the address)
 *   npm run staff -- reset-password EMAIL [--generate]
 * Uses the same database settings as `npm start` (LIBSQL_URL, LIBSQL_AUTH_TOKEN).
 */
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { staffAccounts } from "../functions/app/auth/accounts.ts";
import { passwordRules } from "../functions/app/auth/password.ts";
import { pbkdf2Passwords } from "../functions/app/auth/pbkdf2-password.ts";
import { randomToken } from "../functions/app/lib/crypto.ts";
import { parseNodeConfig } from "../functions/node/config.ts";
import { openMigratedDb } from "../functions/node/deps.ts";

const usage = `Usage:
  npm run staff -- add EMAIL [--generate]
  npm run staff -- list
  npm run staff -- disable EMAIL
  npm run staff -- remove EMAIL
  npm run staff -- reset-password EMAIL [--generate]`;

/** Reads a line without echoing it. */
function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const prompt = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    prompt.question(question, (answer) => {
      prompt.close();
      process.stdout.write("\n");
      resolve(answer);
    });
    muted = true;
  });
}

/** A password typed twice, or a generated one printed once when asked for or when nobody can type. */
async function choosePassword(generate: boolean): Promise<{ password: string; generated: boolean }> {
  if (generate || !process.stdin.isTTY) return { password: randomToken(18), generated: true };
  const first = await askHidden(`Password (at least ${passwordRules.minLength} characters): `);
  const second = await askHidden("The same password again: ");
  if (first !== second) throw new Error("The two passwords differ; nothing was changed.");
  return { password: first, generated: false };
}

async function main(args: string[]): Promise<number> {
  const [command, email] = args.filter((a) => !a.startsWith("--"));
  const generate = args.includes("--generate");
  const db = await openMigratedDb(parseNodeConfig(process.env).database);
  const accounts = staffAccounts(db, pbkdf2Passwords());
  try {
    switch (command) {
      case "list": {
        const all = await accounts.list();
        if (all.length === 0) console.log("No employee accounts yet.");
        for (const a of all) {
          const sso = a.issuer ? `  single sign-on (${a.issuer})${a.name ? `  ${a.name}` : ""}` : "";
          console.log(
            `${a.email}  created ${new Date(a.createdAt).toISOString()}${sso}${a.disabledAt ? "  DISABLED" : ""}`,
          );
        }
        return 0;
      }
      case "add":
      case "reset-password": {
        if (!email) break;
        const { password, generated } = await choosePassword(generate);
        if (command === "add") await accounts.add(email, password);
        else await accounts.resetPassword(email, password);
        console.log(command === "add" ? `Added ${email}.` : `New password set for ${email}; its sessions have ended.`);
        if (generated) console.log(`Password (shown once, store it now): ${password}`);
        return 0;
      }
      case "disable": {
        if (!email) break;
        await accounts.disable(email);
        console.log(`Disabled ${email}; its sessions have ended.`);
        return 0;
      }
      case "remove": {
        if (!email) break;
        await accounts.remove(email);
        console.log(`Removed ${email} and its sessions.`);
        return 0;
      }
    }
    console.error(usage);
    return 2;
  } catch (error) {
    const issues = (error as { issues?: { message: string }[] }).issues;
    console.error(issues ? issues.map((i) => i.message).join(" ") : error instanceof Error ? error.message : error);
    return 1;
  } finally {
    db.close();
  }
}

process.exit(await main(process.argv.slice(2)));
