/**
 * Condenses the server's V8 .cpuprofile (from `node --cpu-prof`) into where its busy time went: by
 * area (a package, a src/ folder, V8's GC) with self and inclusive shares, and the hottest functions,
 * optionally per time window (one per measured endpoint). Enough to tell "the database" from "our
 * code" from "the framework" without opening DevTools.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/**
 * A stretch of the run to summarize on its own. Times are CLOCK_MONOTONIC microseconds, the clock of
 * both V8 profile timestamps and process.hrtime (so the parent can mark windows in the child's profile).
 */
export interface ProfileWindow {
  readonly label: string;
  readonly startMicros: number;
  readonly endMicros: number;
}

export function monotonicMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

export async function summarizeCpuProfiles(
  dir: string,
  windows: readonly ProfileWindow[] = [],
  top = 12,
): Promise<string> {
  const files = (await readdir(dir)).filter((name) => name.endsWith(".cpuprofile"));
  if (files.length === 0) return `no .cpuprofile written in ${dir}`;
  const parts: string[] = [];
  for (const file of files) {
    const profile = JSON.parse(await readFile(path.join(dir, file), "utf8")) as CpuProfile;
    parts.push(`CPU profile ${path.join(dir, file)}\nwhole run: ${summarize(profile, top, undefined)}`);
    for (const window of windows) parts.push(`${window.label}: ${summarize(profile, top, window)}`);
  }
  return parts.join("\n\n");
}

function summarize(profile: CpuProfile, top: number, window: ProfileWindow | undefined): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const selfByArea = new Map<string, number>();
  const inclusiveByArea = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  let busyMicros = 0;
  let idleMicros = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    // timeDeltas[i] is the gap before sample i; it is the best per-sample duration V8 records.
    const micros = profile.timeDeltas[index] ?? 0;
    at += micros;
    if (window !== undefined && (at < window.startMicros || at > window.endMicros)) return;
    const leaf = byId.get(id);
    if (leaf === undefined) return;
    if (leaf.callFrame.functionName === "(idle)") {
      idleMicros += micros;
      return;
    }
    busyMicros += micros;
    add(selfByArea, areaOf(leaf), micros);
    add(selfByFunction, functionOf(leaf), micros);
    // Inclusive: each area on the stack once, so nested frames of one package are not double-counted.
    const seen = new Set<string>();
    for (let node: ProfileNode | undefined = leaf; node !== undefined; ) {
      seen.add(areaOf(node));
      const up = parent.get(node.id);
      node = up === undefined ? undefined : byId.get(up);
    }
    for (const area of seen) add(inclusiveByArea, area, micros);
  });

  const share = (micros: number) => `${((100 * micros) / Math.max(1, busyMicros)).toFixed(1)}%`;
  const lines = [
    `busy ${(busyMicros / 1e6).toFixed(1)} s, idle ${(idleMicros / 1e6).toFixed(1)} s; shares are of busy time`,
    "area: self / inclusive",
  ];
  for (const [area, micros] of sortDesc(selfByArea).slice(0, top)) {
    lines.push(
      `  ${share(micros).padStart(6)} / ${share(inclusiveByArea.get(area) ?? 0).padStart(6)}  ${area}`,
    );
  }
  lines.push("hottest functions (self):");
  for (const [name, micros] of sortDesc(selfByFunction).slice(0, top)) {
    lines.push(`  ${share(micros).padStart(6)}  ${name}`);
  }
  return lines.join("\n");
}

/** A package name, a src/ folder, node internals, or one of V8's pseudo-frames. */
function areaOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (url === "") return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("wasm://")) return "(wasm)";
  if (url.startsWith("node:")) return "node internals";
  const modules = url.lastIndexOf("/node_modules/");
  if (modules !== -1) {
    const rest = url.slice(modules + "/node_modules/".length).split("/");
    return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  const src = url.indexOf("/src/");
  if (src !== -1) {
    const rest = url.slice(src + 1).split("/");
    return rest.length > 2 ? `${rest[0]}/${rest[1]}` : url.slice(src + 1);
  }
  return url;
}

function functionOf(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url === "" ? "" : ` ${url.replace(/^.*\/(node_modules|src)\//, "$1/")}:${lineNumber + 1}`;
  return `${functionName || "(anonymous)"}${where}`;
}

function add(map: Map<string, number>, key: string, micros: number): void {
  map.set(key, (map.get(key) ?? 0) + micros);
}

function sortDesc(map: Map<string, number>): [string, number][] {
  return [...map].sort((a, b) => b[1] - a[1]);
}
