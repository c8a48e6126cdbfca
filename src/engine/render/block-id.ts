/**
 * Deterministic block ids: a hash of what the block is and where it is, so re-parsing the same file
 * gives the same ids (Extend: "deterministically generated as a hash of the block content").
 */
import { createHash } from "node:crypto";
import type { Box } from "../document/box.ts";

/** 32 hex digits (128 bits) of SHA-256 over page number, content and box rounded as on the wire. */
export function blockId(pageNumber: number, content: string, box: Box | null): string {
  const where = box === null ? "-" : [box.left, box.top, box.right, box.bottom].map(roundPoints).join(",");
  return createHash("sha256")
    .update(`${pageNumber}\u0000${where}\u0000${content}`)
    .digest("hex")
    .slice(0, 32);
}

/** Coordinates go on the wire in points to 1/100 pt: finer digits are float noise, not information. */
export function roundPoints(value: number): number {
  return Math.round(value * 100) / 100 + 0;
}
