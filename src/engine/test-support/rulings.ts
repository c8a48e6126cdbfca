/** Ruling lines for table tests: a horizontal rule at y `position` from x `start` to `end`, and the vertical kind. */
import type { Ruling } from "../document/ruling.ts";

export const hRule = (position: number, start: number, end: number): Ruling => ({
  orientation: "horizontal",
  position,
  start,
  end,
});

export const vRule = (position: number, start: number, end: number): Ruling => ({
  orientation: "vertical",
  position,
  start,
  end,
});
