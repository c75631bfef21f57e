import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A chat's incoming webhook on 127.0.0.1: records what it is sent and answers each request with
 * the next status of `statuses` (then 200). With `hold`, it answers nothing until `release()`.
 */
export async function webhookReceiver(
  statuses: number[] = [],
  options: { hold?: boolean; onReceive?: (message: Received) => void } = {},
) {
  const received: Received[] = [];
  const held: (() => void)[] = [];
  let holding = options.hold ?? false;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const message = { headers: request.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(message);
      options.onReceive?.(message);
      const answer = () => response.writeHead(statuses.shift() ?? 200, { "Content-Type": "text/plain" }).end("ok");
      if (holding) held.push(answer);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/T000/B000/secret-path`,
    received,
    /** Waits (at most two seconds) until `count` requests have come. */
    async until(count: number): Promise<void> {
      for (let waited = 0; received.length < count && waited < 2000; waited += 10) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      if (received.length < count) throw new Error(`the receiver got ${received.length} of ${count} messages`);
    },
    release(): void {
      holding = false;
      for (const answer of held.splice(0)) answer();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
