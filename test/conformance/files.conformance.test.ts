/**
 * Files API through the official SDK (extend-ai) against a real server: upload, retrieve with a
 * working presignedUrl, list with pagination and filters, delete, and the typed errors the SDK raises.
 */
import assert from "node:assert/strict";
import { createReadStream } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, it } from "node:test";
import { Extend, ExtendClient, ExtendError } from "extend-ai";
import { startTestServer, type TestServer } from "../support/start-test-server.ts";
import { createForeignTenant, createSecondWorkspaceWithOrgKey } from "../support/tenancy-fixtures.ts";
import { forEachDatabaseKind } from "../support/test-databases.ts";

const AWS_INVOICE = path.resolve("../shared/corpus/invoice2data-invoices/compare/AmazonWebServices.pdf");

function clientFor(server: TestServer, token = server.apiKey): ExtendClient {
  return new ExtendClient({ token, baseUrl: server.baseUrl, maxRetries: 0 });
}

async function listAllFileIds(client: ExtendClient, query: Extend.FilesListRequest): Promise<string[]> {
  const ids: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.files.list({
      ...query,
      ...(token === undefined ? {} : { nextPageToken: token }),
    });
    ids.push(...page.data.map((file) => file.id));
    token = page.nextPageToken ?? undefined;
  } while (token !== undefined);
  return ids;
}

forEachDatabaseKind("Files API via the official SDK", (kind) => {
  let server: TestServer;
  let client: ExtendClient;
  before(async () => {
    server = await startTestServer(kind);
    client = clientFor(server);
  });
  after(() => server?.stop());

  it("uploads a PDF, retrieves it, and downloads it byte-identical through presignedUrl", async () => {
    const uploaded = await client.files.upload(createReadStream(AWS_INVOICE), {});
    assert.equal(uploaded.object, "file");
    assert.match(uploaded.id, /^file_[A-Za-z0-9_-]{22}$/);
    assert.equal(uploaded.name, "AmazonWebServices.pdf");
    assert.equal(uploaded.type, "PDF");
    assert.equal(uploaded.presignedUrl, null);
    assert.equal(uploaded.contents, null);
    assert.ok(!Number.isNaN(Date.parse(uploaded.createdAt)));

    const retrieved = await client.files.retrieve(uploaded.id);
    assert.equal(retrieved.id, uploaded.id);
    assert.equal(retrieved.contents, null);
    assert.ok(retrieved.presignedUrl?.startsWith(server.baseUrl));
    const response = await fetch(retrieved.presignedUrl!);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("content-type"), "application/pdf");
    assert.deepEqual(Buffer.from(await response.arrayBuffer()), await readFile(AWS_INVOICE));
  });

  it("detects the type from the bytes, not the name", async () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    const disguised = await client.files.upload(new File([png], "report.pdf"), {});
    assert.equal(disguised.type, "IMG");
    const text = await client.files.upload(new File(["a,b\n1,2\n"], "table.csv"), {});
    assert.equal(text.type, "CSV");
  });

  it("paginates with stable keyset tokens in both directions and filters by name", async () => {
    const names = ["alpha-1.txt", "alpha-2.txt", "beta-3.txt", "alpha-4.txt", "beta-5.txt"];
    const created: string[] = [];
    for (const name of names)
      created.push((await client.files.upload(new File([`content of ${name}`], name), {})).id);

    const newestFirst = await listAllFileIds(client, { maxPageSize: 2, nameContains: "alpha" });
    const alphaIds = created.filter((_, index) => names[index]!.startsWith("alpha"));
    assert.deepEqual(newestFirst, [...alphaIds].reverse());
    const oldestFirst = await listAllFileIds(client, {
      maxPageSize: 2,
      nameContains: "ALPHA",
      sortDir: "asc",
    });
    assert.deepEqual(oldestFirst, alphaIds);

    const firstPage = await client.files.list({ maxPageSize: 2, nameContains: "beta" });
    assert.equal(firstPage.object, "list");
    assert.equal(firstPage.data.length, 2);
    assert.equal(firstPage.nextPageToken, undefined, "last page carries no token");

    // A page boundary does not move when rows are inserted concurrently: the next page continues
    // right after the last row seen, and (ascending) the late row arrives at the end.
    const page1 = await client.files.list({ maxPageSize: 2, nameContains: "alpha", sortDir: "asc" });
    const late = await client.files.upload(new File(["late"], "alpha-late.txt"), {});
    const page2 = await client.files.list({
      maxPageSize: 2,
      nameContains: "alpha",
      sortDir: "asc",
      nextPageToken: page1.nextPageToken!,
    });
    assert.deepEqual(
      page2.data.map((file) => file.id),
      [alphaIds[2], late.id],
    );

    const likeMeta = await listAllFileIds(client, { nameContains: "%" });
    assert.deepEqual(likeMeta, [], "LIKE wildcards in nameContains match literally");
  });

  it("deletes the row and the blob", async () => {
    const uploaded = await client.files.upload(new File(["to be deleted"], "gone.txt"), {});
    const { presignedUrl } = await client.files.retrieve(uploaded.id);
    assert.deepEqual(await client.files.delete(uploaded.id), { id: uploaded.id });
    await assert.rejects(client.files.retrieve(uploaded.id), Extend.NotFoundError);
    await assert.rejects(client.files.delete(uploaded.id), Extend.NotFoundError);
    const response = await fetch(presignedUrl!);
    assert.equal(response.status, 404, "the signed link dies with the blob");
  });

  it("rejects bad and revoked tokens with UnauthorizedError", async () => {
    await assert.rejects(
      clientFor(server, "sk_not_a_real_key_000000").files.list(),
      Extend.UnauthorizedError,
    );
    const raw = await fetch(`${server.baseUrl}/files`);
    assert.equal(raw.status, 401);
    const body = (await raw.json()) as Record<string, unknown>;
    assert.equal(body.code, "UNAUTHORIZED");
    assert.equal(body.retryable, false);
    assert.match(String(body.requestId), /^req_/);
    assert.equal(raw.headers.get("x-extend-request-id"), body.requestId);
  });

  it("never lets one workspace see another's files (404), nor a key act in a foreign workspace", async () => {
    const mine = await client.files.upload(new File(["private"], "mine.txt"), {});
    const foreign = await createForeignTenant(server.app.services.db);
    const other = clientFor(server, foreign.token);
    await assert.rejects(other.files.retrieve(mine.id), Extend.NotFoundError);
    await assert.rejects(other.files.delete(mine.id), Extend.NotFoundError);
    assert.ok(!(await listAllFileIds(other, {})).includes(mine.id));
    await assert.rejects(
      client.files.list({ "x-extend-workspace-id": foreign.workspaceId }),
      Extend.ForbiddenError,
    );
    assert.ok((await client.files.retrieve(mine.id)).id === mine.id, "the owner still sees it");
  });

  it("routes organization-scoped keys by x-extend-workspace-id, defaulting when absent", async () => {
    const { secondWorkspaceId, orgToken } = await createSecondWorkspaceWithOrgKey(server.app.services.db);
    const org = clientFor(server, orgToken);
    const inSecond = await org.files.upload(new File(["second"], "second.txt"), {
      "x-extend-workspace-id": secondWorkspaceId,
    });
    const inDefault = await org.files.upload(new File(["default"], "default.txt"), {});
    await assert.rejects(org.files.retrieve(inSecond.id), Extend.NotFoundError);
    assert.equal(
      (await org.files.retrieve(inSecond.id, { "x-extend-workspace-id": secondWorkspaceId })).id,
      inSecond.id,
    );
    assert.equal(
      (await client.files.retrieve(inDefault.id)).id,
      inDefault.id,
      "default workspace is the key's home",
    );
    await assert.rejects(
      org.files.list({ "x-extend-workspace-id": "ws_doesnotexist" }),
      Extend.ForbiddenError,
    );
  });

  it("answers malformed requests with BadRequestError naming the field", async () => {
    for (const maxPageSize of [0, 1001]) {
      await assert.rejects(client.files.list({ maxPageSize }), (error: unknown) => {
        assert.ok(error instanceof Extend.BadRequestError);
        assert.match(JSON.stringify(error.body), /maxPageSize/);
        return true;
      });
    }
    await assert.rejects(client.files.list({ nextPageToken: "garbage!" }), Extend.BadRequestError);
    await assert.rejects(
      client.files.retrieve("file_x", { rawText: "yes" as unknown as boolean }),
      Extend.BadRequestError,
    );
    await assert.rejects(
      client.files.list({}, { headers: { "x-extend-api-version": "not-a-date" } }),
      Extend.BadRequestError,
    );
    const noFile = await fetch(`${server.baseUrl}/files/upload`, {
      method: "POST",
      headers: { authorization: `Bearer ${server.apiKey}`, "content-type": "application/json" },
      body: "{}",
    });
    assert.equal(noFile.status, 400);
  });

  it("refuses an upload over the size limit with 413 and stores nothing", async (t) => {
    const small = await startTestServer(kind, { MAX_UPLOAD_BYTES: String(64 * 1024) });
    t.after(() => small.stop());
    const smallClient = clientFor(small);
    await smallClient.files.upload(new File([Buffer.alloc(1000, 7)], "fits.bin"), {});
    const blobsBefore = await readdir(path.join(small.dataDir, "blobs"), { recursive: true });
    await assert.rejects(smallClient.files.upload(createReadStream(AWS_INVOICE), {}), (error: unknown) => {
      assert.ok(error instanceof ExtendError);
      assert.equal(error.statusCode, 413);
      assert.equal((error.body as { code: string }).code, "FILE_SIZE_TOO_LARGE");
      return true;
    });
    assert.deepEqual(
      (await smallClient.files.list({})).data.map((file) => file.name),
      ["fits.bin"],
    );
    const blobsAfter = await readdir(path.join(small.dataDir, "blobs"), { recursive: true });
    assert.deepEqual(blobsAfter.sort(), blobsBefore.sort(), "no blob or partial file left behind");
  });

  it("rate-limits per key with 429 and Retry-After", async (t) => {
    const limited = await startTestServer(kind, { RATE_LIMIT_PER_SECOND: "0.5", RATE_LIMIT_BURST: "2" });
    t.after(() => limited.stop());
    const limitedClient = clientFor(limited);
    await limitedClient.files.list();
    await limitedClient.files.list();
    await assert.rejects(limitedClient.files.list(), (error: unknown) => {
      assert.ok(error instanceof Extend.TooManyRequestsError);
      assert.equal((error.body as { code: string; retryable: boolean }).code, "RATE_LIMIT_EXCEEDED");
      assert.equal((error.body as { retryable: boolean }).retryable, true);
      assert.ok(Number(error.rawResponse?.headers.get("retry-after")) >= 1);
      return true;
    });
  });
});
