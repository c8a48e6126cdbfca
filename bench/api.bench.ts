/**
 * The `api` suite: a real `quire serve` child process per database kind (embedded PGlite, then a fresh
 * PostgreSQL database), seeded with small files through HTTP, then GET /files/{id}, GET /files and
 * GET /healthz (the no-database baseline) at saturation and at a fixed 1,000 requests/s.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { type ApiFigures, type EndpointFigures, formatApiReport } from "./support/api-report.ts";
import { provenance, upsertSection } from "./support/benchmarks-doc.ts";
import { exportCommit } from "./support/commit-snapshot.ts";
import { monotonicMicros, type ProfileWindow, summarizeCpuProfiles } from "./support/cpu-profile-summary.ts";
import { type LoadResult, type LoadTarget, runAutocannon, runPaced } from "./support/http-load.ts";
import { createBenchDatabase } from "./support/postgres-database.ts";
import { waitForQuietMachine } from "./support/quiet-machine.ts";
import { type QuireProcess, startQuire } from "./support/quire-process.ts";
import { seedFiles } from "./support/seed-files.ts";

export const summary =
  "Files API on a real server: seeding rate, GET /files/{id}, GET /files, /healthz; PGlite and PostgreSQL";

const HELP = `usage: npm run bench -- api [flags]
  --db pglite|postgres|both   database kinds to measure (default both; postgres is skipped if unreachable)
  --files N                   files to seed (default 10000)
  --duration S                seconds per measurement (default 10)
  --rate R                    fixed offered load, requests/s (default 1000)
  --connections C             autocannon connections (default 10)
  --quiet-wait S              before each measurement, wait up to S s for other processes to idle (default 20)
  --ref COMMIT                run the server from a clean export of COMMIT (default: this working tree)
  --cpu-prof                  profile the server (node --cpu-prof) and print where its time goes
  --write                     add/update today's section in docs/BENCHMARKS.md`;

type DatabaseKind = "pglite" | "postgres";

interface Settings {
  readonly kinds: readonly DatabaseKind[];
  readonly files: number;
  readonly durationSeconds: number;
  readonly rate: number;
  readonly connections: number;
  readonly quietWaitSeconds: number;
  readonly ref: string | undefined;
  readonly cpuProfile: boolean;
  readonly write: boolean;
}

export async function run(args: readonly string[]): Promise<number> {
  const settings = parseSettings(args);
  if (settings === undefined) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const started = Date.now();
  // Captured before measuring: in a shared checkout HEAD may move while the suite runs.
  const snapshot = settings.ref === undefined ? undefined : await exportCommit(settings.ref);
  const origin = snapshot === undefined ? provenance() : { ...provenance(), commit: snapshot.commit };
  if (snapshot !== undefined) log(`measuring commit ${snapshot.commit} from ${snapshot.root}`);
  const results: ApiFigures[] = [];
  const skipped: string[] = [];
  try {
    for (const kind of settings.kinds) {
      const outcome = await measureKind(kind, settings, snapshot?.root);
      if (typeof outcome === "string") {
        log(`skipping ${kind}: ${outcome}`);
        skipped.push(`${kind}: ${outcome}`);
      } else {
        results.push(outcome);
      }
    }
  } finally {
    await snapshot?.remove();
  }
  if (results.length === 0) {
    log("nothing measured");
    return 1;
  }
  const report = formatApiReport(results, {
    ...origin,
    rate: settings.rate,
    connections: settings.connections,
    durationSeconds: settings.durationSeconds,
    files: settings.files,
    skipped,
  });
  process.stdout.write(`\n${report}\n`);
  log(`finished in ${Math.round((Date.now() - started) / 1000)} s`);
  if (settings.write) {
    // Same day, same databases, same commit: a rerun replaces the section; a new commit gets its own.
    const kinds = results.map((result) => result.kind).join("+");
    const commit = origin.commit.split(" ")[0] ?? "unknown";
    const heading = `api — ${origin.date} — ${kinds} — ${commit}`;
    await upsertSection("api", `${kinds}:${commit}`, heading, report, origin.date);
    log("recorded in docs/BENCHMARKS.md");
  }
  return results.some((result) => result.endpoints.some((e) => e.failures > 0)) ? 1 : 0;
}

async function measureKind(
  kind: DatabaseKind,
  settings: Settings,
  root: string | undefined,
): Promise<ApiFigures | string> {
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  if (kind === "postgres") {
    const created = await createBenchDatabase();
    if (!created.ok) return created.reason;
    databaseUrl = created.database.url;
    dropDatabase = created.database.drop;
  }
  // Ctrl-C must not leave a quire_bench_* database behind (the child server gets the SIGINT itself).
  const onInterrupt = () => {
    void dropDatabase().finally(() => process.exit(130));
  };
  process.once("SIGINT", onInterrupt);
  const profileDir = settings.cpuProfile ? await mkdtemp(path.join(tmpdir(), `quire-prof-${kind}-`)) : "";
  const profileWindows: ProfileWindow[] = [];
  try {
    log(`[${kind}] starting quire`);
    let server: QuireProcess;
    try {
      server = await startQuire({
        ...(root === undefined ? {} : { root }),
        databaseUrl,
        nodeArgs: settings.cpuProfile ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
      });
    } catch (error) {
      // One kind failing to start (e.g. a half-edited tree) should not throw away the other's figures.
      return `server did not start: ${(error as Error).message.split("\n").slice(0, 4).join(" ")}`;
    }
    try {
      const idleRss = await server.peakRssBytes();
      await waitForQuietMachine(settings.quietWaitSeconds, log);
      log(`[${kind}] seeding ${settings.files} files`);
      const seeded = await seedFiles(server.baseUrl, server.apiKey, settings.files, 16, (done) =>
        log(`[${kind}]   ${done} uploaded`),
      );
      log(`[${kind}] seeded at ${seeded.uploadsPerSecond.toFixed(0)} uploads/s`);
      const seedRss = await server.peakRssBytes();

      const headers = { authorization: `Bearer ${server.apiKey}` };
      const targets: LoadTarget[] = [
        { label: "GET /healthz", paths: ["/healthz"], headers },
        { label: "GET /files/{id}", paths: shuffled(seeded.ids).map((id) => `/files/${id}`), headers },
        { label: "GET /files?maxPageSize=10", paths: ["/files?maxPageSize=10"], headers },
      ];
      const endpoints: EndpointFigures[] = [];
      for (const target of targets) {
        const startMicros = monotonicMicros();
        endpoints.push(await measureEndpoint(server, target, kind, settings));
        profileWindows.push({ label: target.label, startMicros, endMicros: monotonicMicros() });
      }
      const peakRss = await server.peakRssBytes();
      return {
        kind,
        seeding: {
          files: settings.files,
          uploadsPerSecond: seeded.uploadsPerSecond,
          seconds: seeded.seconds,
        },
        rss: { idle: idleRss, afterSeeding: seedRss, peak: peakRss },
        endpoints,
      };
    } finally {
      log(`[${kind}] stopping quire`);
      await server.stop();
      if (settings.cpuProfile) {
        // Per-endpoint windows: the whole-run profile is dominated by seeding and the healthz flood.
        process.stdout.write(`\n[${kind}] ${await summarizeCpuProfiles(profileDir, profileWindows)}\n`);
      }
    }
  } finally {
    process.off("SIGINT", onInterrupt);
    await dropDatabase();
  }
}

async function measureEndpoint(
  server: QuireProcess,
  target: LoadTarget,
  kind: DatabaseKind,
  settings: Settings,
): Promise<EndpointFigures> {
  const { connections, durationSeconds, rate } = settings;
  const baseUrl = server.baseUrl;
  const backgroundBusyShare = await waitForQuietMachine(settings.quietWaitSeconds, log);
  log(`[${kind}] ${target.label}: warm-up, saturation, ${rate}/s (autocannon), ${rate}/s (paced)`);
  // Warm-up lets V8 optimize the route and fills caches (auth, prepared plans) before anything counts.
  await runAutocannon(baseUrl, target, { connections, durationSeconds: 2 });
  const saturation = await withServerStats(server, () =>
    runAutocannon(baseUrl, target, { connections, durationSeconds }),
  );
  await sleep(500);
  const fixedRate = await withServerStats(server, () =>
    runAutocannon(baseUrl, target, { connections, durationSeconds, overallRate: rate }),
  );
  await sleep(500);
  const paced = await withServerStats(server, () => runPaced(baseUrl, target, { rate, durationSeconds }));
  await sleep(500);
  const failures = [saturation, fixedRate, paced].reduce(
    (sum, r) => sum + r.result.non2xx + r.result.errors,
    0,
  );
  if (failures > 0) log(`[${kind}] ${target.label}: ${failures} non-2xx or failed requests`);
  return {
    label: target.label,
    saturation: saturation.result,
    fixedRate: fixedRate.result,
    paced: paced.result,
    failures,
    server: {
      backgroundBusyShare,
      cpuMicrosPerRequest: perRequest(saturation),
      pacedCpuShare: paced.cpuMs === undefined ? undefined : paced.cpuMs / paced.wallMs,
      fixedRateWaitMsPerSecond: waitPerSecond(fixedRate),
      pacedWaitMsPerSecond: waitPerSecond(paced),
    },
  };
}

interface Measured {
  readonly result: LoadResult;
  readonly wallMs: number;
  readonly cpuMs: number | undefined;
  readonly waitMs: number | undefined;
}

/** Runs a load and diffs the server's CPU and event-loop runqueue wait across it. */
async function withServerStats(server: QuireProcess, load: () => Promise<LoadResult>): Promise<Measured> {
  const before = await server.schedStats();
  const started = performance.now();
  const result = await load();
  const wallMs = performance.now() - started;
  const after = await server.schedStats();
  if (before === undefined || after === undefined)
    return { result, wallMs, cpuMs: undefined, waitMs: undefined };
  return {
    result,
    wallMs,
    cpuMs: after.cpuMs - before.cpuMs,
    waitMs: after.mainRunqueueWaitMs - before.mainRunqueueWaitMs,
  };
}

function perRequest(measured: Measured): number | undefined {
  const responses = measured.result.responses + measured.result.non2xx;
  return measured.cpuMs === undefined || responses === 0 ? undefined : (1000 * measured.cpuMs) / responses;
}

function waitPerSecond(measured: Measured): number | undefined {
  return measured.waitMs === undefined ? undefined : (1000 * measured.waitMs) / measured.wallMs;
}

function parseSettings(args: readonly string[]): Settings | undefined {
  const { values } = parseArgs({
    args: [...args],
    options: {
      db: { type: "string", default: "both" },
      files: { type: "string", default: "10000" },
      duration: { type: "string", default: "10" },
      rate: { type: "string", default: "1000" },
      connections: { type: "string", default: "10" },
      "quiet-wait": { type: "string", default: "20" },
      ref: { type: "string" },
      "cpu-prof": { type: "boolean", default: false },
      write: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) return undefined;
  const kinds: Record<string, readonly DatabaseKind[]> = {
    pglite: ["pglite"],
    postgres: ["postgres"],
    both: ["pglite", "postgres"],
  };
  const selected = kinds[values.db];
  if (selected === undefined) throw new Error(`--db must be pglite, postgres or both (got ${values.db})`);
  return {
    kinds: selected,
    files: positiveInteger("files", values.files),
    durationSeconds: positiveInteger("duration", values.duration),
    rate: positiveInteger("rate", values.rate),
    connections: positiveInteger("connections", values.connections),
    quietWaitSeconds: Math.max(0, Number(values["quiet-wait"]) || 0),
    ref: values.ref,
    cpuProfile: values["cpu-prof"],
    write: values.write,
  };
}

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a positive integer (got ${text})`);
  return value;
}

/** Random order, so consecutive requests hit unrelated rows and pages rather than insertion order. */
function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function log(message: string): void {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);
}
