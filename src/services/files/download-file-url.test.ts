/**
 * The file-URL downloader against real local HTTP servers: the SSRF guard (including over redirects and
 * before any socket is opened), size caps, timeouts, names and byte-exact streaming.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { type Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { test } from "node:test";
import { AppError } from "../../shared/app-error.ts";
import type { ErrorCode } from "../../shared/error-codes.ts";
import { openFileUrl, type UrlDownloadPolicy } from "./download-file-url.ts";

const GUARDED: UrlDownloadPolicy = {
  allowPrivate: false,
  allowedHosts: [],
  timeoutMs: 1000,
  maxBytes: 1 << 20,
};
const OPEN: UrlDownloadPolicy = { ...GUARDED, allowPrivate: true };

interface TestServer {
  readonly port: number;
  readonly origin: string;
  readonly requests: string[];
  connections: number;
  close(): Promise<void>;
}

async function startServer(handler: http.RequestListener): Promise<TestServer> {
  const server = http.createServer((request, response) => {
    state.requests.push(request.url ?? "");
    handler(request, response);
  });
  server.on("connection", () => {
    state.connections++;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const state: TestServer = {
    port,
    origin: `http://127.0.0.1:${port}`,
    requests: [],
    connections: 0,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  return state;
}

async function rejectsWith(promise: Promise<unknown>, code: ErrorCode, message?: RegExp): Promise<AppError> {
  const error = await promise.then(
    () => assert.fail(`expected ${code}`),
    (reason: unknown) => reason,
  );
  assert.ok(error instanceof AppError, `expected AppError, got ${String(error)}`);
  assert.equal(error.code, code, error.message);
  if (message) assert.match(error.message, message);
  return error;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Runs fn and reports whether any outbound TCP socket or HTTP request was created meanwhile. */
async function socketsOpenedDuring(fn: () => Promise<unknown>): Promise<number> {
  let opened = 0;
  const onOpen = (): void => {
    opened++;
  };
  subscribe("net.client.socket", onOpen);
  subscribe("http.client.request.created", onOpen);
  try {
    await fn();
  } finally {
    unsubscribe("net.client.socket", onOpen);
    unsubscribe("http.client.request.created", onOpen);
  }
  return opened;
}

test("rejects non-http schemes and unparsable URLs as INVALID_REQUEST", async () => {
  for (const url of [
    "ftp://example.com/a.pdf",
    "file:///etc/passwd",
    "data:text/plain,hi",
    "javascript:1",
    "nope",
  ]) {
    const error = await rejectsWith(openFileUrl(url, OPEN), "INVALID_REQUEST");
    assert.equal(error.message, "file.url must be an http or https URL; Path: file.url");
  }
});

test("the default policy refuses loopback in every spelling, before connecting", async () => {
  const server = await startServer((_request, response) => response.end("secret"));
  try {
    const urls = [
      `http://127.0.0.1:${server.port}/x`,
      `http://localhost:${server.port}/x`,
      `http://LOCALHOST:${server.port}/x`,
      `http://[::1]:${server.port}/x`,
      `http://[::ffff:127.0.0.1]:${server.port}/x`,
      `http://2130706433:${server.port}/x`,
      `http://0.0.0.0:${server.port}/x`,
    ];
    for (const url of urls) {
      const opened = await socketsOpenedDuring(() =>
        rejectsWith(openFileUrl(url, GUARDED), "UNABLE_TO_DOWNLOAD_FILE", /(loopback|unspecified) address/),
      );
      assert.equal(opened, 0, url);
    }
    assert.equal(server.connections, 0);
    const error = await rejectsWith(
      openFileUrl(`http://127.0.0.1:${server.port}/x`, GUARDED),
      "UNABLE_TO_DOWNLOAD_FILE",
    );
    assert.equal(
      error.message,
      "file.url resolves to 127.0.0.1, a loopback address; private addresses are refused " +
        "(set FILE_URL_ALLOW_PRIVATE=true or FILE_URL_ALLOWED_HOSTS to allow)",
    );
    await rejectsWith(
      openFileUrl(`http://localhost:${server.port}/x`, GUARDED),
      "UNABLE_TO_DOWNLOAD_FILE",
      /^file\.url host localhost resolves to (127\.0\.0\.1|::1), a loopback address/,
    );
  } finally {
    await server.close();
  }
});

test("refuses metadata, private and CGNAT addresses without attempting a connection", async () => {
  const cases: readonly (readonly [string, RegExp])[] = [
    ["http://169.254.169.254/latest/meta-data/", /169\.254\.169\.254, a link-local address/],
    ["http://10.0.0.1/", /10\.0\.0\.1, a private address/],
    ["https://192.168.1.1/a.pdf", /a private address/],
    ["http://100.64.0.1/", /a carrier-grade NAT address/],
    ["http://[fd00:ec2::254]/", /a private address/],
    ["http://224.0.0.1/", /a multicast address/],
  ];
  for (const [url, message] of cases) {
    const started = performance.now();
    const opened = await socketsOpenedDuring(() =>
      rejectsWith(openFileUrl(url, GUARDED), "UNABLE_TO_DOWNLOAD_FILE", message),
    );
    assert.equal(opened, 0, url);
    assert.ok(performance.now() - started < 200, `${url} should be refused immediately`);
  }
});

test("allowPrivate or an allowed host lets a private URL through, byte-identical", async () => {
  const body = randomBytes(1 << 20);
  const server = await startServer((_request, response) => {
    response.setHeader("content-type", "application/pdf");
    response.end(body);
  });
  try {
    for (const [policy, url] of [
      [OPEN, `${server.origin}/docs/report.pdf`],
      [{ ...GUARDED, allowedHosts: ["127.0.0.1"] }, `${server.origin}/docs/report.pdf`],
      [{ ...GUARDED, allowedHosts: ["LocalHost"] }, `http://localhost:${server.port}/docs/report.pdf`],
    ] as const) {
      const download = await openFileUrl(url, policy);
      assert.ok((await readAll(download.stream)).equals(body));
      assert.equal(download.fileName, "report.pdf");
      assert.equal(download.contentType, "application/pdf");
      assert.equal(download.contentLength, body.length);
      assert.equal(download.finalUrl, url);
    }
  } finally {
    await server.close();
  }
});

test("a redirect from an allowed host to a refused one is refused, and the target is never contacted", async () => {
  const target = await startServer((_request, response) => response.end("secret"));
  const server = await startServer((request, response) => {
    const location =
      request.url === "/to-metadata"
        ? "http://169.254.169.254/latest/"
        : `http://localhost:${target.port}/secret`;
    response.writeHead(302, { location }).end();
  });
  try {
    const policy = { ...GUARDED, allowedHosts: ["127.0.0.1"] };
    await rejectsWith(
      openFileUrl(`${server.origin}/to-localhost`, policy),
      "UNABLE_TO_DOWNLOAD_FILE",
      /^file\.url \(after 1 redirect\) host localhost resolves to .*loopback/,
    );
    await rejectsWith(
      openFileUrl(`${server.origin}/to-metadata`, policy),
      "UNABLE_TO_DOWNLOAD_FILE",
      /169\.254\.169\.254, a link-local address/,
    );
    assert.deepEqual(server.requests, ["/to-localhost", "/to-metadata"]);
    assert.equal(target.connections, 0);
  } finally {
    await Promise.all([server.close(), target.close()]);
  }
});

test("follows a redirect chain, keeping credentials off the final URL", async () => {
  const server = await startServer((request, response) => {
    if (request.url === "/a") response.writeHead(301, { location: "/b?x=1" }).end();
    else if (request.url === "/b?x=1") response.writeHead(307, { location: "files/c.pdf" }).end();
    else if (request.headers.authorization === `Basic ${Buffer.from("user:p@ss").toString("base64")}`) {
      response.end("ok");
    } else response.writeHead(401).end();
  });
  try {
    const download = await openFileUrl(`http://user:p%40ss@127.0.0.1:${server.port}/a`, OPEN);
    assert.equal((await readAll(download.stream)).toString(), "ok");
    assert.equal(download.finalUrl, `${server.origin}/files/c.pdf`);
    assert.equal(download.fileName, "c.pdf");
    assert.deepEqual(server.requests, ["/a", "/b?x=1", "/files/c.pdf"]);
  } finally {
    await server.close();
  }
});

test("redirect loops stop at maxRedirects; other redirect failures are reported", async () => {
  const server = await startServer((request, response) => {
    if (request.url === "/ftp") response.writeHead(302, { location: "ftp://example.com/x" }).end();
    else if (request.url === "/empty") response.writeHead(303).end();
    else response.writeHead(302, { location: "/loop" }).end();
  });
  try {
    await rejectsWith(
      openFileUrl(`${server.origin}/loop`, { ...OPEN, maxRedirects: 3 }),
      "UNABLE_TO_DOWNLOAD_FILE",
      /more than 3 times/,
    );
    assert.equal(server.requests.length, 4);
    server.requests.length = 0;
    await rejectsWith(
      openFileUrl(`${server.origin}/loop`, OPEN),
      "UNABLE_TO_DOWNLOAD_FILE",
      /more than 5 times/,
    );
    assert.equal(server.requests.length, 6);
    await rejectsWith(openFileUrl(`${server.origin}/ftp`, OPEN), "UNABLE_TO_DOWNLOAD_FILE", /non-http/);
    await rejectsWith(
      openFileUrl(`${server.origin}/empty`, OPEN),
      "UNABLE_TO_DOWNLOAD_FILE",
      /without a Location/,
    );
  } finally {
    await server.close();
  }
});

test("an oversize Content-Length is refused from the headers alone", async () => {
  const server = await startServer((_request, response) => {
    // Headers only: if the downloader waited for the body, this test would time out instead.
    response.writeHead(200, { "content-length": "5000" }).flushHeaders();
  });
  try {
    await rejectsWith(
      openFileUrl(`${server.origin}/big`, { ...OPEN, maxBytes: 1000, timeoutMs: 5000 }),
      "FILE_SIZE_TOO_LARGE",
      /5000 bytes, above the maximum size of 1000 bytes/,
    );
  } finally {
    await server.close();
  }
});

test("an oversize chunked body fails the stream with FILE_SIZE_TOO_LARGE; exactly maxBytes is fine", async () => {
  const server = await startServer((request, response) => {
    const total = request.url === "/exact" ? 1000 : 3000;
    for (let sent = 0; sent < total; sent += 100) response.write(Buffer.alloc(100, 7));
    response.end();
  });
  try {
    const policy = { ...OPEN, maxBytes: 1000 };
    const oversize = await openFileUrl(`${server.origin}/chunked`, policy);
    assert.equal(oversize.contentLength, undefined);
    let written = 0;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        written += chunk.length;
        callback();
      },
    });
    await rejectsWith(pipeline(oversize.stream, sink), "FILE_SIZE_TOO_LARGE", /maximum size of 1000 bytes/);
    assert.ok(written <= 1000);
    const exact = await openFileUrl(`${server.origin}/exact`, policy);
    assert.equal((await readAll(exact.stream)).length, 1000);
  } finally {
    await server.close();
  }
});

test("a server that never answers fails within about timeoutMs", async () => {
  const server = await startServer(() => {});
  try {
    const started = performance.now();
    await rejectsWith(
      openFileUrl(`${server.origin}/hang`, { ...OPEN, timeoutMs: 300 }),
      "UNABLE_TO_DOWNLOAD_FILE",
      /did not respond within 300 ms/,
    );
    const elapsed = performance.now() - started;
    assert.ok(elapsed >= 250 && elapsed < 1000, `took ${elapsed} ms`);
  } finally {
    await server.close();
  }
});

test("a body that stalls fails the stream; a slow consumer does not count as a stall", async () => {
  const big = randomBytes(1 << 20);
  const server = await startServer((request, response) => {
    if (request.url === "/big") response.end(big);
    else response.write("partial data");
  });
  try {
    const stalled = await openFileUrl(`${server.origin}/stall`, { ...OPEN, timeoutMs: 300 });
    const started = performance.now();
    await rejectsWith(readAll(stalled.stream), "UNABLE_TO_DOWNLOAD_FILE", /stopped sending data for 300 ms/);
    assert.ok(performance.now() - started < 1000);

    const slow = await openFileUrl(`${server.origin}/big`, { ...OPEN, timeoutMs: 150, maxBytes: 2 << 20 });
    const chunks: Buffer[] = [];
    let paused = false;
    for await (const chunk of slow.stream) {
      chunks.push(chunk as Buffer);
      if (!paused) {
        paused = true;
        await new Promise((resolve) => setTimeout(resolve, 400));
      }
    }
    assert.ok(Buffer.concat(chunks).equals(big));
  } finally {
    await server.close();
  }
});

test("non-2xx answers and network failures become UNABLE_TO_DOWNLOAD_FILE", async () => {
  const server = await startServer((_request, response) => response.writeHead(404).end("nope"));
  const closed = await startServer(() => {});
  await closed.close();
  try {
    await rejectsWith(
      openFileUrl(`${server.origin}/missing.pdf`, OPEN),
      "UNABLE_TO_DOWNLOAD_FILE",
      /HTTP 404 Not Found/,
    );
    await rejectsWith(openFileUrl(`${closed.origin}/x`, OPEN), "UNABLE_TO_DOWNLOAD_FILE", /ECONNREFUSED/);
    await rejectsWith(openFileUrl("http://no-such-host.invalid/x", GUARDED), "UNABLE_TO_DOWNLOAD_FILE");
  } finally {
    await server.close();
  }
});

test("takes the file name from Content-Disposition", async () => {
  const server = await startServer((_request, response) => {
    response.setHeader(
      "content-disposition",
      `attachment; filename="rates.pdf"; filename*=UTF-8''%E2%82%AC%20rates.pdf`,
    );
    response.end("%PDF-");
  });
  try {
    const download = await openFileUrl(`${server.origin}/download?id=42`, OPEN);
    assert.equal(download.fileName, "€ rates.pdf");
    await readAll(download.stream);
  } finally {
    await server.close();
  }
});

test("the caller's signal aborts both the request and the body", async () => {
  const server = await startServer((request, response) => {
    if (request.url === "/body") response.write("some");
  });
  try {
    const early = new AbortController();
    const pending = openFileUrl(`${server.origin}/hang`, OPEN, early.signal);
    early.abort(new Error("cancelled by caller"));
    await assert.rejects(pending, /cancelled by caller/);

    const late = new AbortController();
    const download = await openFileUrl(`${server.origin}/body`, OPEN, late.signal);
    const reading = readAll(download.stream);
    late.abort(new Error("run cancelled"));
    await assert.rejects(reading, /run cancelled/);
  } finally {
    await server.close();
  }
});
