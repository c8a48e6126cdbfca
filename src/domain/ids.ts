/**
 * Prefixed, URL-safe random identifiers: the only place ids are minted. Prefixes are Extend's
 * (see spec §1.5; the Go CLI infers object kinds from them), bodies are 22 nanoid-style characters.
 */
import { randomBytes } from "node:crypto";

export const ID_PREFIX = {
  file: "file_",
  parseRun: "pr_",
  parseBatch: "bpar_",
  processorBatch: "bpr_",
  extractRun: "exr_",
  classifyRun: "clr_",
  splitRun: "splr_",
  editRun: "edr_",
  extractor: "ex_",
  extractorVersion: "exv_",
  classifier: "cl_",
  classifierVersion: "clv_",
  splitter: "spl_",
  splitterVersion: "splv_",
  workspace: "ws_",
  organization: "org_",
  apiKey: "key_",
  request: "req_",
} as const;

export type IdKind = keyof typeof ID_PREFIX;

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

/** 22 characters of a 64-symbol alphabet: 132 bits of entropy. */
export function randomToken(length = 22): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const byte of bytes) out += ALPHABET[byte & 63];
  return out;
}

export function newId(kind: IdKind): string {
  return ID_PREFIX[kind] + randomToken();
}

export function hasPrefix(id: string, kind: IdKind): boolean {
  return id.startsWith(ID_PREFIX[kind]);
}
