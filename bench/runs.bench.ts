/**
 * `npm run bench -- runs`: end-to-end parse runs on 1-page PDFs through the HTTP API of a real Quire
 * process (embedded PGlite): runs/s at concurrency 1 and 8, queue pickup latency (end-to-end time minus
 * the run's own processingTimeMs), and GET /healthz latency while a 200-page parse keeps the workers busy.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { textPdf } from "../src/engine/test-support/pdf-fixtures.ts";
import { startQuireProcess } from "../test/support/quire-process.ts";

export const summary = "parse runs/s at concurrency 1 and 8, queue pickup p50/p99, healthz p99 under load";

const KEY = "sk_bench_runs_0000000001";

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function onePagePdf(label: string, pages = 1): Promise<Uint8Array> {
  return textPdf(
    Array.from({ length: pages }, (_, page) => ({
      lines: [
        { text: `${label} page ${page + 1}`, x: 72, y: 720, size: 16 },
        { text: "Quarterly report: revenue grew in every region while costs stayed flat.", x: 72, y: 690 },
      ],
    })),
  );
}

export async function run(): Promise<number> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "quire-bench-runs-"));
  const server = await startQuireProcess({
    QUIRE_DATA_DIR: dataDir,
    QUIRE_API_KEY: KEY,
    RATE_LIMIT_PER_SECOND: "0",
  });
  const headers = { authorization: `Bearer ${KEY}`, "content-type": "application/json" };
  const api = async (method: string, url: string, body?: unknown) =>
    (
      await fetch(`${server.baseUrl}${url}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
    ).json() as Promise<Record<string, unknown>>;
  const upload = async (bytes: Uint8Array, name: string) => {
    const form = new FormData();
    form.append("file", new Blob([bytes]), name);
    const response = await fetch(`${server.baseUrl}/files/upload`, {
      method: "POST",
      headers: { authorization: headers.authorization },
      body: form,
    });
    return ((await response.json()) as { id: string }).id;
  };
  // One run, created and polled every 10 ms until it finishes: end-to-end and pickup latency.
  const runOnce = async (fileId: string) => {
    const started = performance.now();
    const created = await api("POST", "/parse_runs", { file: { id: fileId } });
    for (;;) {
      const current = await api("GET", `/parse_runs/${created.id as string}`);
      if (current.status !== "PROCESSING" && current.status !== "PENDING") {
        const total = performance.now() - started;
        const processing = (current.metrics as { processingTimeMs: number } | null)?.processingTimeMs ?? 0;
        return { total, pickup: Math.max(0, total - processing) };
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  try {
    const rows = ["| measure | value |", "| --- | --- |"];
    for (const concurrency of [1, 8]) {
      const count = concurrency === 1 ? 20 : 40;
      const ids = await Promise.all(
        Array.from({ length: count }, async (_, index) =>
          upload(await onePagePdf(`c${concurrency}-${index}`), `c${concurrency}-${index}.pdf`),
        ),
      );
      const results: { total: number; pickup: number }[] = [];
      const started = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < ids.length) results.push(await runOnce(ids[next++]!));
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      rows.push(
        `| runs/s, 1-page PDFs, concurrency ${concurrency} (${count} runs) | ${(count / seconds).toFixed(1)} |`,
      );
      rows.push(
        `| queue pickup p50 / p99, concurrency ${concurrency} (ms) | ${percentile(
          results.map((r) => r.pickup),
          50,
        ).toFixed(0)} / ${percentile(
          results.map((r) => r.pickup),
          99,
        ).toFixed(0)} |`,
      );
    }
    const longId = await upload(await onePagePdf("long", 200), "long.pdf");
    const created = await api("POST", "/parse_runs", { file: { id: longId } });
    const latencies: number[] = [];
    for (;;) {
      const started = performance.now();
      await fetch(`${server.baseUrl}/healthz`);
      latencies.push(performance.now() - started);
      if (latencies.length % 20 === 0) {
        const status = (await api("GET", `/parse_runs/${created.id as string}`)).status;
        if (status !== "PROCESSING") break;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    rows.push(
      `| GET /healthz p50 / p99 during a 200-page parse (${latencies.length} requests, ms) | ${percentile(latencies, 50).toFixed(1)} / ${percentile(latencies, 99).toFixed(1)} |`,
    );
    process.stdout.write(`${rows.join("\n")}\n`);
    return 0;
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
