/**
 * The pinned lookup against a real socket: the request reaches the approved address even for a name DNS
 * cannot resolve, which shows no second lookup happens between the check and the connection.
 */
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import { pinnedLookup } from "./pinned-lookup.ts";

// autoSelectFamily reaches net.connect at runtime but is missing from http's option types.
function get(options: http.RequestOptions & { autoSelectFamily?: boolean }): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get({ ...options, agent: false }, (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          text += chunk;
        });
        response.on("end", () => resolve(text));
      })
      .on("error", reject);
  });
}

test("connects to the pinned address, never re-resolving the host name", async () => {
  const server = http.createServer((request, response) => response.end(`host=${request.headers.host}`));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const lookup = pinnedLookup([{ address: "127.0.0.1", family: 4 }]);
    // .invalid never resolves, so success proves the socket used the pinned address.
    for (const autoSelectFamily of [true, false]) {
      const body = await get({ hostname: "rebind.invalid", port, path: "/", lookup, autoSelectFamily });
      assert.equal(body, `host=rebind.invalid:${port}`);
    }
    await assert.rejects(
      get({ hostname: "rebind.invalid", port, path: "/", lookup, family: 6, autoSelectFamily: false }),
      { code: "ENOTFOUND" },
    );
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
