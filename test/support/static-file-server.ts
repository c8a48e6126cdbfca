/** A tiny HTTP server on loopback that serves files from one directory, standing in for "a URL on the internet". */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

export interface StaticFileServer {
  readonly port: number;
  /** Requests received so far (to prove a refused URL was never fetched). */
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startStaticFileServer(root: string): Promise<StaticFileServer> {
  const requests: string[] = [];
  const server: Server = createServer(async (request, response) => {
    requests.push(request.url ?? "");
    const file = path.join(root, decodeURIComponent((request.url ?? "/").split("?")[0]!));
    if (
      !file.startsWith(root) ||
      !(await stat(file).then(
        (s) => s.isFile(),
        () => false,
      ))
    ) {
      response.statusCode = 404;
      response.end("not found");
      return;
    }
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
