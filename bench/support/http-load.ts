/**
 * HTTP load for benchmarks: autocannon closed-loop runs (saturation, and its `overallRate` fixed-rate
 * mode) and an open-loop paced generator that offers requests at evenly spaced instants. Latencies are
 * collected per response at sub-millisecond resolution (autocannon's own histogram rounds to whole ms).
 */
import http from "node:http";
import { performance } from "node:perf_hooks";
import autocannon, { type AutocannonRequest } from "autocannon";

export interface LoadTarget {
  readonly label: string;
  /** Paths cycled in order, so a run spreads over many rows instead of hammering one cached row. */
  readonly paths: readonly string[];
  readonly headers: Readonly<Record<string, string>>;
}

export interface LoadResult {
  /** Completed 2xx responses per second of wall time. */
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly responses: number;
  readonly non2xx: number;
  readonly errors: number;
  /** Paced runs only: how late the client sent (timer granularity, its own GC); large = client-bound. */
  readonly sendLagP99Ms?: number;
}

export interface AutocannonRun {
  readonly connections: number;
  readonly durationSeconds: number;
  /** Requests/s over all connections; unset = as fast as the server answers (saturation). */
  readonly overallRate?: number;
}

export async function runAutocannon(
  baseUrl: string,
  target: LoadTarget,
  run: AutocannonRun,
): Promise<LoadResult> {
  let cursor = 0;
  const paths = target.paths;
  const request: AutocannonRequest = {
    method: "GET",
    setupRequest: (req) => {
      req.path = paths[cursor++ % paths.length]!;
      return req;
    },
  };
  const latencies = new LatencyRecorder();
  let non2xx = 0;
  const instance = autocannon({
    url: baseUrl,
    connections: run.connections,
    duration: run.durationSeconds,
    headers: { ...target.headers },
    requests: [request],
    ...(run.overallRate === undefined
      ? {}
      : {
          overallRate: run.overallRate,
          // autocannon "corrects" with an expected interval of ceil(1/rate) = 1 ms whatever the rate,
          // which invents samples; we record raw response times instead (see BENCHMARKS.md caveats).
          ignoreCoordinatedOmission: true,
        }),
  });
  instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode >= 200 && statusCode < 300) latencies.add(responseTime);
    else non2xx++;
  });
  const result = await instance;
  return latencies.summarize(result.duration, non2xx, result.errors);
}

export interface PacedRun {
  readonly rate: number;
  readonly durationSeconds: number;
}

/**
 * Open-loop load: request k is sent at start + k/rate whether or not earlier ones have answered (no
 * coordinated omission: a stalled server shows up as queueing, not as fewer samples). This is what
 * "p99 at 1,000 requests/s" means; autocannon's overallRate instead lets each connection fire its
 * per-second quota back to back and then idle. Latency runs from the actual send, not the due instant,
 * so the ~1 ms timer granularity of this client is not billed to the server; sendLagP99Ms reports it.
 */
export async function runPaced(baseUrl: string, target: LoadTarget, run: PacedRun): Promise<LoadResult> {
  const url = new URL(baseUrl);
  // Enough sockets that a slow response never delays the next send; idle ones are reused (keep-alive).
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const total = Math.round(run.rate * run.durationSeconds);
  const intervalMs = 1000 / run.rate;
  const latencies = new LatencyRecorder();
  const sendLags = new LatencyRecorder();
  let non2xx = 0;
  let errors = 0;
  let sent = 0;
  let settled = 0;
  const started = performance.now();

  await new Promise<void>((resolve) => {
    const settle = () => {
      if (++settled === total) resolve();
    };
    const send = (index: number) => {
      const sentAt = performance.now();
      sendLags.add(sentAt - (started + index * intervalMs));
      const req = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          path: target.paths[index % target.paths.length],
          headers: target.headers,
        },
        (res) => {
          res.on("data", () => {});
          res.on("end", () => {
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) latencies.add(performance.now() - sentAt);
            else non2xx++;
            settle();
          });
        },
      );
      req.on("error", () => {
        errors++;
        settle();
      });
      req.end();
    };
    // setTimeout(1) rather than a busy loop: the client shares this 2-core machine with the server.
    const tick = () => {
      const dueCount = Math.min(total, Math.floor((performance.now() - started) / intervalMs) + 1);
      while (sent < dueCount) send(sent++);
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
  agent.destroy();
  const result = latencies.summarize((performance.now() - started) / 1000, non2xx, errors);
  return { ...result, sendLagP99Ms: sendLags.summarize(1, 0, 0).p99Ms };
}

class LatencyRecorder {
  #values: number[] = [];

  add(ms: number): void {
    this.#values.push(ms);
  }

  summarize(seconds: number, non2xx: number, errors: number): LoadResult {
    const sorted = Float64Array.from(this.#values).sort();
    return {
      requestsPerSecond: sorted.length / seconds,
      p50Ms: percentile(sorted, 0.5),
      p99Ms: percentile(sorted, 0.99),
      maxMs: sorted.length === 0 ? Number.NaN : sorted[sorted.length - 1]!,
      responses: sorted.length,
      non2xx,
      errors,
    };
  }
}

/** Nearest-rank percentile of ascending values; NaN when empty. */
function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank]!;
}
