import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, it } from "node:test";
import { createServiceContext } from "../../../test/support/service-context.ts";
import { forEachDatabase } from "../../../test/support/test-databases.ts";
import { AppError } from "../../shared/app-error.ts";
import { listFiles } from "../../storage/repositories/file-repository.ts";
import type { ServiceContext } from "../context.ts";
import { downloadFileInput, prepareFileInput } from "./file-input.ts";
import { createFileDownloadUrl } from "./retrieve-file.ts";

const PAGE = { limit: 100, sortBy: "createdAt", sortDir: "asc", token: undefined } as const;

forEachDatabase("file inputs", (getDatabase) => {
  let ctx: ServiceContext;
  let workspaceId: string;
  let blobRoot: string;
  let server: Server;
  let serverUrl: string;
  let dispose: () => Promise<void>;

  before(async () => {
    ({ ctx, workspaceId, blobRoot, dispose } = await createServiceContext(await getDatabase()));
    server = createServer((_request, response) => response.end("%PDF-1.4 served over http"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/docs/report.pdf`;
  });
  after(async () => {
    server?.close();
    await dispose?.();
  });

  it("stores text and base64 inputs as files at once", async () => {
    const text = await prepareFileInput(ctx, workspaceId, { kind: "text", text: "hello", name: "note" });
    assert.equal(text.kind, "file");
    assert.equal(text.kind === "file" && text.file.name, "note.txt");
    assert.equal(text.kind === "file" && text.file.type, "TXT");
    const encoded = Buffer.from("%PDF-1.7\n%binary").toString("base64");
    const pdf = await prepareFileInput(ctx, workspaceId, { kind: "base64", base64: encoded, name: "a.pdf" });
    assert.equal(pdf.kind === "file" && pdf.file.type, "PDF");
    assert.equal(
      pdf.kind === "file" && (await ctx.blobs.getBytes(pdf.file.blobKey)).toString(),
      "%PDF-1.7\n%binary",
    );
    await assert.rejects(
      prepareFileInput(ctx, workspaceId, { kind: "base64", base64: "not base64!", name: undefined }),
      (error: unknown) => error instanceof AppError && error.code === "INVALID_REQUEST",
    );
  });

  it("resolves ids only within the workspace", async () => {
    const stored = await prepareFileInput(ctx, workspaceId, { kind: "text", text: "x", name: undefined });
    assert.equal(stored.kind, "file");
    const id = stored.kind === "file" ? stored.file.id : "";
    const found = await prepareFileInput(ctx, workspaceId, { kind: "id", id });
    assert.equal(found.kind === "file" && found.file.id, id);
    await assert.rejects(
      prepareFileInput(ctx, "ws_other", { kind: "id", id }),
      (error: unknown) => error instanceof AppError && error.code === "NOT_FOUND",
    );
  });

  it("defers URLs, then refuses a loopback URL and leaves nothing stored", async () => {
    const prepared = await prepareFileInput(ctx, workspaceId, {
      kind: "url",
      url: serverUrl,
      name: undefined,
      password: undefined,
    });
    assert.equal(prepared.kind, "url");
    const filesBefore = (await listFiles(ctx.db, workspaceId, { nameContains: undefined }, PAGE)).items
      .length;
    const blobsBefore = await readdir(blobRoot, { recursive: true });
    await assert.rejects(
      downloadFileInput(ctx, workspaceId, { url: serverUrl, name: undefined, password: undefined }),
      (error: unknown) =>
        error instanceof AppError &&
        error.code === "UNABLE_TO_DOWNLOAD_FILE" &&
        /loopback/.test(error.message),
    );
    assert.equal(
      (await listFiles(ctx.db, workspaceId, { nameContains: undefined }, PAGE)).items.length,
      filesBefore,
    );
    assert.deepEqual((await readdir(blobRoot, { recursive: true })).sort(), blobsBefore.sort());
  });

  it("downloads an allowed URL, naming the file from the URL", async () => {
    const allowed = {
      ...ctx,
      settings: { ...ctx.settings, fileUrls: { ...ctx.settings.fileUrls, allowedHosts: ["127.0.0.1"] } },
    };
    const file = await downloadFileInput(allowed, workspaceId, {
      url: serverUrl,
      name: undefined,
      password: "pw",
    });
    assert.equal(file.name, "report.pdf");
    assert.equal(file.type, "PDF");
    assert.equal(file.password, "pw");
  });

  it("accepts Quire's own signed links without opening the SSRF guard", async () => {
    const original = await prepareFileInput(ctx, workspaceId, {
      kind: "text",
      text: "signed bytes",
      name: "orig.txt",
    });
    assert.equal(original.kind, "file");
    if (original.kind !== "file") return;
    const link = await createFileDownloadUrl(ctx, original.file, "http://127.0.0.1:9");
    const copy = await downloadFileInput(ctx, workspaceId, {
      url: link,
      name: undefined,
      password: undefined,
    });
    assert.notEqual(copy.id, original.file.id);
    assert.equal(copy.name, "orig.txt");
    assert.equal((await ctx.blobs.getBytes(copy.blobKey)).toString(), "signed bytes");
  });
});
