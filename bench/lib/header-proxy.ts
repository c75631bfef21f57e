/**
 * A pass-through proxy on 127.0.0.1 that adds response headers to what the server sends, bytes and
 * all else unchanged (compressed bodies stay compressed). `npm run bench:lighthouse` puts both of
 * its variants behind one: with no header for the page as shipped, with a second
 * Content-Security-Policy of `script-src 'none'` for the page with its JavaScript blocked. A
 * browser enforces every policy it is sent, so that one refuses every script, inline ones too,
 * while Lighthouse's own probes (DevTools protocol) still run, which they cannot with JavaScript
 * turned off in Chromium.
 */
import { once } from "node:events";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface HeaderProxy {
  url: string;
  close(): Promise<void>;
}

export async function startHeaderProxy(target: string, added: Record<string, string> = {}): Promise<HeaderProxy> {
  const upstream = new URL(target);
  const server: Server = createServer((incoming, outgoing) => {
    const forwarded = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: upstream.host },
      },
      (answer) => {
        const headers: Record<string, string | string[]> = {};
        for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined) headers[name] = value;
        for (const [name, value] of Object.entries(added)) {
          const before = headers[name];
          headers[name] = before === undefined ? value : [before, value].flat();
        }
        outgoing.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on("error", (error) => outgoing.destroy(error));
    incoming.pipe(forwarded);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    },
  };
}
