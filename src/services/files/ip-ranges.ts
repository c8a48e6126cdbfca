/**
 * Classifies IP addresses as public or as one of the non-public ranges the file-URL SSRF guard refuses.
 * Hand-parsed (not net.BlockList) so IPv4 carried inside IPv6 (mapped, NAT64, 6to4) is judged by its IPv4 meaning.
 */
import { isIPv4, isIPv6 } from "node:net";

export type IpAddressClass =
  | "public"
  | "loopback"
  | "unspecified"
  | "private"
  | "link-local"
  | "carrier-grade NAT"
  | "multicast"
  | "reserved";

type RangeTable<T> = readonly (readonly [base: T, prefixBits: number, kind: IpAddressClass])[];

// Documentation, benchmarking and protocol-assignment blocks are "reserved": nothing legitimate serves files there,
// and some (192.0.0.0/24) host provider-internal services.
const IPV4_RANGES: RangeTable<string> = [
  ["0.0.0.0", 8, "unspecified"],
  ["10.0.0.0", 8, "private"],
  ["100.64.0.0", 10, "carrier-grade NAT"],
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "link-local"],
  ["172.16.0.0", 12, "private"],
  ["192.0.0.0", 24, "reserved"],
  ["192.0.2.0", 24, "reserved"],
  ["192.88.99.0", 24, "reserved"],
  ["192.168.0.0", 16, "private"],
  ["198.18.0.0", 15, "reserved"],
  ["198.51.100.0", 24, "reserved"],
  ["203.0.113.0", 24, "reserved"],
  ["224.0.0.0", 4, "multicast"],
  ["240.0.0.0", 4, "reserved"],
];

// Checked after ::, ::1 and the IPv4-embedding prefixes; anything outside 2000::/3 is unallocated and refused.
const IPV6_RANGES: RangeTable<string> = [
  ["::", 96, "reserved"], // IPv4-compatible (deprecated)
  ["::ffff:0:0:0", 96, "reserved"], // SIIT IPv4-translated
  ["64:ff9b:1::", 48, "private"], // local-use NAT64
  ["100::", 64, "reserved"], // discard-only
  ["2001::", 32, "reserved"], // Teredo: the embedded client address is obfuscated, so it cannot be judged
  ["2001:db8::", 32, "reserved"], // documentation
  ["3fff::", 20, "reserved"], // documentation
  ["fc00::", 7, "private"], // unique local (includes AWS fd00:ec2::254 metadata)
  ["fe80::", 10, "link-local"],
  ["fec0::", 10, "private"], // site-local (deprecated)
  ["ff00::", 8, "multicast"],
];

const IPV4_TABLE = IPV4_RANGES.map(([base, bits, kind]) => [parseIpv4(base)!, bits, kind] as const);
const IPV6_TABLE = IPV6_RANGES.map(([base, bits, kind]) => [parseIpv6(base)!, bits, kind] as const);
const MAPPED_PREFIX = parseIpv6("::ffff:0:0")!;
const NAT64_PREFIX = parseIpv6("64:ff9b::")!;
const SIX_TO_FOUR_PREFIX = parseIpv6("2002::")!;
const GLOBAL_UNICAST_PREFIX = parseIpv6("2000::")!;

/** The class of an IPv4 or IPv6 literal (brackets and zone ids tolerated), or undefined if it is not one. */
export function classifyIpAddress(address: string): IpAddressClass | undefined {
  const bare = address.startsWith("[") && address.endsWith("]") ? address.slice(1, -1) : address;
  const v4 = parseIpv4(bare);
  if (v4 !== undefined) return classifyIpv4(v4);
  const v6 = parseIpv6(bare);
  return v6 === undefined ? undefined : classifyIpv6(v6);
}

/** A noun phrase for messages: "a loopback address". */
export function describeIpAddressClass(kind: IpAddressClass): string {
  const article = /^[aeiou]/.test(kind) ? "an" : "a";
  return `${article} ${kind} address`;
}

function classifyIpv4(value: number): IpAddressClass {
  for (const [base, bits, kind] of IPV4_TABLE) {
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    if ((value & mask) >>> 0 === base) return kind;
  }
  return "public";
}

function classifyIpv6(value: bigint): IpAddressClass {
  if (value === 0n) return "unspecified";
  if (value === 1n) return "loopback";
  const low32 = Number(value & 0xffffffffn);
  // A mapped or NAT64 address reaches the embedded IPv4 host, so ::ffff:127.0.0.1 is loopback.
  if (inPrefix(value, MAPPED_PREFIX, 96) || inPrefix(value, NAT64_PREFIX, 96)) return classifyIpv4(low32);
  if (inPrefix(value, SIX_TO_FOUR_PREFIX, 16)) return classifyIpv4(Number((value >> 80n) & 0xffffffffn));
  for (const [base, bits, kind] of IPV6_TABLE) {
    if (inPrefix(value, base, bits)) return kind;
  }
  return inPrefix(value, GLOBAL_UNICAST_PREFIX, 3) ? "public" : "reserved";
}

function inPrefix(value: bigint, base: bigint, bits: number): boolean {
  const shift = BigInt(128 - bits);
  return value >> shift === base >> shift;
}

function parseIpv4(text: string): number | undefined {
  if (!isIPv4(text)) return undefined;
  return text.split(".").reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

function parseIpv6(text: string): bigint | undefined {
  let address = text.split("%")[0] ?? "";
  if (!isIPv6(address)) return undefined;
  // Rewrite a dotted-quad tail (::ffff:1.2.3.4) as two hex groups so one parser handles both forms.
  const lastColon = address.lastIndexOf(":");
  const tail = address.slice(lastColon + 1);
  if (tail.includes(".")) {
    const v4 = parseIpv4(tail);
    if (v4 === undefined) return undefined;
    address = `${address.slice(0, lastColon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const [left = "", right] = address.split("::");
  const head = left === "" ? [] : left.split(":");
  const rest = right === undefined || right === "" ? [] : right.split(":");
  const zeros = right === undefined ? 0 : 8 - head.length - rest.length;
  const groups = [...head, ...Array.from({ length: zeros }, () => "0"), ...rest];
  if (groups.length !== 8) return undefined;
  return groups.reduce((acc, group) => (acc << 16n) | BigInt(Number.parseInt(group, 16)), 0n);
}
