/**
 * Extractors and extractor versions through the official SDK: create (config or clone), retrieve,
 * list, update the draft, publish major/minor versions, resolve draft | latest | N.M | id, and the
 * schema rules' 400s with Extend's paths.
 */
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { Extend, ExtendClient } from "extend-ai";
import { startTestServer, type TestServer } from "../support/start-test-server.ts";
import { forEachDatabaseKind } from "../support/test-databases.ts";

const INVOICE_SCHEMA = {
  type: "object",
  properties: {
    invoice_number: { type: ["string", "null"], description: "The invoice number" },
    total: { type: ["number", "null"] },
  },
  required: ["invoice_number", "total"],
};

forEachDatabaseKind("Extractors via the official SDK", (kind) => {
  let server: TestServer;
  let client: ExtendClient;
  before(async () => {
    server = await startTestServer(kind);
    client = new ExtendClient({ token: server.apiKey, baseUrl: server.baseUrl, maxRetries: 0 });
  });
  after(() => server?.stop());

  it("creates, updates, publishes and resolves versions", async () => {
    const created = await client.extractors.create({ name: "Invoices", config: { schema: INVOICE_SCHEMA } });
    assert.equal(created.object, "extractor");
    assert.match(created.id, /^ex_/);
    assert.equal(created.draftVersion.version, "draft");
    assert.match(created.draftVersion.id, /^exv_/);
    assert.equal(created.draftVersion.extractorId, created.id);
    assert.deepEqual(created.draftVersion.createdBy, { type: "api_key", name: "QUIRE_API_KEY" });
    assert.deepEqual((created.draftVersion.config as Extend.ExtractConfigJson).schema, INVOICE_SCHEMA);

    const minor = await client.extractorVersions.create(created.id, {
      releaseType: "minor",
      description: "first",
    });
    assert.equal(minor.version, "0.1");
    assert.equal(minor.description, "first");
    const major = await client.extractorVersions.create(created.id, { releaseType: "major" });
    assert.equal(major.version, "1.0");

    const renamed = await client.extractors.update(created.id, {
      name: "Invoices v2",
      config: { schema: INVOICE_SCHEMA, extractionRules: "Use the grand total." },
    });
    assert.equal(renamed.name, "Invoices v2");
    assert.equal(
      (renamed.draftVersion.config as Extend.ExtractConfigJson).extractionRules,
      "Use the grand total.",
    );
    const published = await client.extractorVersions.retrieve(created.id, "1.0");
    assert.equal(
      (published.config as Extend.ExtractConfigJson).extractionRules,
      undefined,
      "published versions never change",
    );
    const nextMinor = await client.extractorVersions.create(created.id, { releaseType: "minor" });
    assert.equal(nextMinor.version, "1.1");
    assert.equal((nextMinor.config as Extend.ExtractConfigJson).extractionRules, "Use the grand total.");

    assert.equal((await client.extractorVersions.retrieve(created.id, "latest")).version, "1.1");
    assert.equal((await client.extractorVersions.retrieve(created.id, "draft")).version, "draft");
    assert.equal((await client.extractorVersions.retrieve(created.id, minor.id)).version, "0.1");
    await assert.rejects(client.extractorVersions.retrieve(created.id, "9.9"), Extend.NotFoundError);

    const versions = await client.extractorVersions.list(created.id, { maxPageSize: 2 });
    assert.deepEqual(
      versions.data.map((version) => version.version),
      ["draft", "1.1"],
    );
    const rest = await client.extractorVersions.list(created.id, {
      maxPageSize: 2,
      nextPageToken: versions.nextPageToken!,
    });
    assert.deepEqual(
      rest.data.map((version) => version.version),
      ["1.0", "0.1"],
    );
    assert.equal(rest.nextPageToken, undefined);
  });

  it("clones another extractor's draft, lists summaries, and isolates workspaces", async () => {
    const source = await client.extractors.create({ name: "Source", config: { schema: INVOICE_SCHEMA } });
    const clone = await client.extractors.create({ name: "Clone", cloneExtractorId: source.id });
    assert.notEqual(clone.id, source.id);
    assert.deepEqual(clone.draftVersion.config, source.draftVersion.config);
    const listed = await client.extractors.list({ maxPageSize: 100, sortBy: "createdAt", sortDir: "asc" });
    const ids = listed.data.map((extractor) => extractor.id);
    assert.ok(ids.indexOf(source.id) < ids.indexOf(clone.id));
    assert.equal("draftVersion" in listed.data[0]!, false, "summaries carry no draft");
    await assert.rejects(client.extractors.retrieve("ex_missing"), Extend.NotFoundError);
  });

  it("rejects schemas that break Extend's rules with the offending path", async () => {
    const bad = (schema: Record<string, unknown>) =>
      client.extractors.create({ name: "Bad", config: { schema } });
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ type: "object", properties: { name: { type: "string" } } }, /schema\.properties\.name/],
      [{ type: "array", items: { type: "object", properties: {} } }, /schema/],
      [
        { type: "object", properties: { status: { type: ["string", "null"], enum: ["paid", "due"] } } },
        /schema\.properties\.status/,
      ],
      [
        { type: "object", properties: { x: { anyOf: [{ type: ["string", "null"] }] } } },
        /anyOf|schema\.properties\.x/,
      ],
    ];
    for (const [schema, path] of cases) {
      await assert.rejects(bad(schema), (error: unknown) => {
        assert.ok(error instanceof Extend.BadRequestError, JSON.stringify(schema));
        assert.match((error.body as { message: string }).message, path);
        return true;
      });
    }
    await assert.rejects(
      client.extractors.create({
        name: "Both",
        config: { schema: INVOICE_SCHEMA },
        cloneExtractorId: "ex_x",
      }),
      Extend.BadRequestError,
    );
  });
});
