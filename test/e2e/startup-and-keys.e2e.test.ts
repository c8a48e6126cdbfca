/**
 * The operator's view: `npm start`'s process on an empty data dir prints a key once, serves /healthz,
 * drains on SIGTERM, keeps QUIRE_API_KEY idempotent, and `quire keys` manages keys.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { runQuireCommand, startQuireProcess } from "../support/quire-process.ts";

async function listFilesStatus(baseUrl: string, token: string): Promise<number> {
  return (await fetch(`${baseUrl}/files`, { headers: { authorization: `Bearer ${token}` } })).status;
}

describe("startup, keys and shutdown of a real process (embedded database)", () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "quire-e2e-"));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it("creates and prints a key once on an empty data dir, and keeps it across restarts", async () => {
    const first = await startQuireProcess({ QUIRE_DATA_DIR: dataDir });
    const token = /sk_[A-Za-z0-9_-]{32}/.exec(first.stdout())?.[0];
    assert.ok(token, `no key printed: ${first.stdout()}`);
    assert.equal(await listFilesStatus(first.baseUrl, token), 200);
    assert.equal(await first.stop("SIGTERM"), 0, "graceful shutdown exits 0");

    const second = await startQuireProcess({ QUIRE_DATA_DIR: dataDir });
    assert.doesNotMatch(second.stdout(), /sk_/, "the key is printed only once");
    assert.equal(await listFilesStatus(second.baseUrl, token), 200);
    // The embedded database is single-process: the CLI refuses to open it while the server runs.
    const busy = await runQuireCommand(["keys", "list"], { QUIRE_DATA_DIR: dataDir });
    assert.notEqual(busy.code, 0);
    assert.match(busy.stderr, /in use by process/);
    assert.equal(await second.stop(), 0);
  });

  it("makes QUIRE_API_KEY exist exactly once, and manages keys from the CLI", async () => {
    const env = { QUIRE_DATA_DIR: dataDir, QUIRE_API_KEY: "sk_operator_chosen_key_0001" };
    for (let start = 0; start < 2; start++) {
      const server = await startQuireProcess(env);
      assert.equal(await listFilesStatus(server.baseUrl, env.QUIRE_API_KEY), 200);
      await server.stop();
    }
    const listed = await runQuireCommand(["keys", "list"], env);
    assert.equal(listed.code, 0, listed.stderr);
    assert.equal(listed.stdout.split("\n").filter((line) => line.includes("\tQUIRE_API_KEY\t")).length, 1);

    const created = await runQuireCommand(["keys", "create", "--name", "ci", "--scope", "organization"], env);
    assert.equal(created.code, 0, created.stderr);
    const [header, newToken] = created.stdout.trim().split("\n");
    const keyId = header!.split("\t")[0]!;
    assert.match(keyId, /^key_/);
    assert.match(newToken!, /^sk_/);

    const server = await startQuireProcess(env);
    assert.equal(await listFilesStatus(server.baseUrl, newToken!), 200);
    await server.stop();

    const revoked = await runQuireCommand(["keys", "revoke", keyId], env);
    assert.equal(revoked.code, 0, revoked.stderr);
    const again = await startQuireProcess(env);
    assert.equal(await listFilesStatus(again.baseUrl, newToken!), 401);
    assert.equal(await listFilesStatus(again.baseUrl, env.QUIRE_API_KEY), 200);
    await again.stop();
  });

  it("refuses bad configuration listing every problem", async () => {
    const result = await runQuireCommand(["serve"], {
      QUIRE_DATA_DIR: dataDir,
      PORT: "x",
      BLOB_STORE: "ftp",
    });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /PORT/);
    assert.match(result.stderr, /BLOB_STORE/);
  });
});
