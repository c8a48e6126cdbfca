/**
 * Reading-order agreement with a reference order (docling's body tree). Reference items and output
 * units (engine blocks, or the baseline's pdf.js text items) are matched by geometry: a unit belongs to
 * an item when they overlap by at least half of the smaller box. An item's position in the output is the
 * median output index of its units (robust to one stray fragment). Score: among pairs of matched items
 * on the same page whose positions differ, the fraction in the reference's relative order — i.e.
 * (1 + Kendall's tau) / 2 without ties. Pairs that land in the same unit are ties and not counted: a
 * merged block says nothing about order. Cross-page pairs are left out; page order is trivially right.
 */
import { type Box, intersectionArea } from "./region-match.ts";

export interface PositionedItem {
  /** 1-based. */
  readonly page: number;
  readonly box: Box;
}

export interface ReadingOrderScore {
  readonly items: number;
  /** Reference items that at least one unit belongs to. */
  readonly matched: number;
  readonly pairs: number;
  readonly concordant: number;
}

const MIN_SHARED_FRACTION = 0.5;
// Boxes of a single glyph row can be nearly flat; a half-point margin keeps their area meaningful.
const MARGIN = 0.5;

/** `reference` in reading order; `units` in output order. */
export function readingOrderAgreement(
  reference: readonly PositionedItem[],
  units: readonly PositionedItem[],
): ReadingOrderScore {
  const grow = (box: Box): Box => ({
    left: box.left - MARGIN,
    top: box.top - MARGIN,
    right: box.right + MARGIN,
    bottom: box.bottom + MARGIN,
  });
  const area = (box: Box) => (box.right - box.left) * (box.bottom - box.top);
  const unitsByPage = new Map<number, { index: number; box: Box }[]>();
  units.forEach((unit, index) => {
    const list = unitsByPage.get(unit.page) ?? [];
    list.push({ index, box: grow(unit.box) });
    unitsByPage.set(unit.page, list);
  });
  const positions = reference.map((item) => {
    const box = grow(item.box);
    const orders = (unitsByPage.get(item.page) ?? [])
      .filter(
        (unit) =>
          intersectionArea(box, unit.box) >= MIN_SHARED_FRACTION * Math.min(area(box), area(unit.box)),
      )
      .map((unit) => unit.index);
    return orders.length === 0 ? undefined : orders[Math.floor((orders.length - 1) / 2)];
  });
  let pairs = 0;
  let concordant = 0;
  for (let i = 0; i < reference.length; i++)
    for (let j = i + 1; j < reference.length; j++) {
      const a = positions[i];
      const b = positions[j];
      if (a === undefined || b === undefined || a === b || reference[i]!.page !== reference[j]!.page)
        continue;
      pairs++;
      if (a < b) concordant++;
    }
  return {
    items: reference.length,
    matched: positions.filter((position) => position !== undefined).length,
    pairs,
    concordant,
  };
}
