/**
 * Adds lock-file entries for other platforms' builds of packages with per-platform optional
 * dependencies (biome, swc, @napi-rs/canvas). The registry reachable from our machines serves only
 * linux-x64 builds, so npm leaves the others out of package-lock.json and `npm ci` then refuses the
 * lock as out of sync. Each entry records what npm itself would: the exact version the parent pins,
 * `optional: true`, and the os/cpu/libc read from the package name, so npm skips it on non-matching
 * platforms and fetches it by name and version where it matches. Run after changing dependencies.
 */
import { readFile, writeFile } from "node:fs/promises";

interface LockPackage {
  version?: string;
  optionalDependencies?: Record<string, string>;
  [key: string]: unknown;
}

const lockPath = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(await readFile(lockPath, "utf8")) as { packages: Record<string, LockPackage> };

const OS = ["android", "darwin", "freebsd", "linux", "openbsd", "sunos", "win32", "aix", "netbsd"];
const CPU = ["arm64", "x64", "ia32", "arm", "riscv64", "ppc64", "s390x", "loong64", "mips64el", "wasm32"];

function platformOf(name: string): { os?: string[]; cpu?: string[]; libc?: string[] } {
  const parts = name.split("/").pop()!.split("-");
  const os = parts.find((part) => OS.includes(part));
  const cpu = parts.find((part) => CPU.includes(part));
  const libc = parts.includes("musl")
    ? "musl"
    : parts.includes("gnu") || parts.includes("gnueabihf")
      ? "glibc"
      : undefined;
  return {
    ...(os === undefined ? {} : { os: [os] }),
    ...(cpu === undefined ? {} : { cpu: [cpu] }),
    ...(libc === undefined ? {} : { libc: [libc] }),
  };
}

let added = 0;
for (const [location, entry] of Object.entries(lock.packages)) {
  for (const [dependency, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${dependency}`;
    if (lock.packages[key] !== undefined || location.includes(`${key}/node_modules`)) continue;
    if (!/^\d+\.\d+\.\d+/.test(spec)) continue; // only exact pins are per-platform builds
    const platform = platformOf(dependency);
    if (platform.os === undefined && platform.cpu === undefined) continue;
    lock.packages[key] = { version: spec, optional: true, ...platform };
    added++;
  }
}
const sorted = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : 1)),
);
await writeFile(lockPath, `${JSON.stringify({ ...lock, packages: sorted }, null, 2)}\n`);
process.stdout.write(`added ${added} platform entries\n`);
