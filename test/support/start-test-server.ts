/**
 * A real Quire for tests: createApp with a literal configuration on a random loopback port, on
 * either database kind (PGlite in a temp data dir, or a fresh PostgreSQL database), with a known
 * workspace API key. The caller stops it (in an after() at suite level, or finally): hooks registered
 * from inside a before() hook would run as soon as that hook ends.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type App, createApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config/config.ts";
import { createLogger } from "../../src/shared/logger.ts";
import { createTestDatabase, type DatabaseKind } from "./test-databases.ts";

export interface TestServer {
  readonly app: App;
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly dataDir: string;
  stop(): Promise<void>;
}

export async function startTestServer(
  kind: DatabaseKind,
  env: Readonly<Record<string, string>> = {},
): Promise<TestServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "quire-test-"));
  const apiKey = `sk_test_${randomBytes(16).toString("hex")}`;
  let databaseUrl: string | undefined;
  let disposeDatabase = async () => {};
  if (kind === "postgres") {
    // A migrated empty database; the app's own migrate() then finds nothing to do.
    const database = await createTestDatabase("postgres");
    await database.db.close();
    databaseUrl = database.url;
    disposeDatabase = database.dispose;
  }
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    QUIRE_DATA_DIR: dataDir,
    QUIRE_API_KEY: apiKey,
    LOG_LEVEL: process.env.QUIRE_TEST_LOG_LEVEL ?? "silent",
    RATE_LIMIT_PER_SECOND: "0",
    ...(databaseUrl === undefined ? {} : { DATABASE_URL: databaseUrl }),
    ...env,
  });
  const app = await createApp(config, createLogger(config.logLevel));
  const baseUrl = (await app.start())!.replace("[::1]", "127.0.0.1");
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await app.stop();
    await disposeDatabase();
    await rm(dataDir, { recursive: true, force: true });
  };
  return { app, baseUrl, apiKey, dataDir, stop };
}
