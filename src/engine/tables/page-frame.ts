/**
 * Reading frames for tables printed sideways: a quarter or half turn of the page that makes text of a
 * given angle run left to right, so the detectors only ever see upright text. Maps boxes, words and
 * rulings into the frame and boxes back. Page points, top-left origin, in both spaces.
 */
import type { Box } from "../document/box.ts";
import type { Ruling } from "../document/ruling.ts";
import type { Word } from "../document/word.ts";

/** The quarter turns detection supports: text angle 0, 90 (reads downwards), -90 (upwards), 180. */
export type FrameAngle = 0 | 90 | -90 | 180;

export interface ReadingFrame {
  readonly angle: FrameAngle;
  /** Page size in page space, points. */
  readonly width: number;
  readonly height: number;
}

/** The frame angle of a word angle, when it is a quarter turn (± 2°); undefined for slanted text. */
export function frameAngleOf(angle: number): FrameAngle | undefined {
  for (const candidate of [0, 90, -90, 180] as const) {
    const difference = Math.abs(((angle - candidate + 540) % 360) - 180);
    if (difference <= 2) return candidate;
  }
  return undefined;
}

/** Page box → frame box. */
export function toFrame(frame: ReadingFrame, box: Box): Box {
  const { width, height } = frame;
  switch (frame.angle) {
    case 0:
      return box;
    // Text reads downwards and glyph tops face right: frame x runs down the page, frame y leftwards.
    case 90:
      return { left: box.top, right: box.bottom, top: width - box.right, bottom: width - box.left };
    // Text reads upwards, glyph tops face left: frame x runs up the page, frame y rightwards.
    case -90:
      return { left: height - box.bottom, right: height - box.top, top: box.left, bottom: box.right };
    case 180:
      return {
        left: width - box.right,
        right: width - box.left,
        top: height - box.bottom,
        bottom: height - box.top,
      };
  }
}

/** Frame box → page box (the inverse of toFrame). */
export function fromFrame(frame: ReadingFrame, box: Box): Box {
  const { width, height } = frame;
  switch (frame.angle) {
    case 0:
      return box;
    case 90:
      return { left: width - box.bottom, right: width - box.top, top: box.left, bottom: box.right };
    case -90:
      return { left: box.top, right: box.bottom, top: height - box.right, bottom: height - box.left };
    case 180:
      return {
        left: width - box.right,
        right: width - box.left,
        top: height - box.bottom,
        bottom: height - box.top,
      };
  }
}

/** The word as seen in the frame: box and baseline turned, angle relative to the frame. */
export function wordToFrame(frame: ReadingFrame, word: Word): Word {
  if (frame.angle === 0) return word;
  const point = toFrame(frame, {
    left: word.baseline.x,
    right: word.baseline.x,
    top: word.baseline.y,
    bottom: word.baseline.y,
  });
  let angle = word.angle - frame.angle;
  if (angle <= -180) angle += 360;
  if (angle > 180) angle -= 360;
  return {
    ...word,
    box: toFrame(frame, word.box),
    baseline: { x: point.left, y: point.top },
    angle: angle + 0,
  };
}

/** The ruling as seen in the frame: a quarter turn swaps horizontal and vertical. */
export function rulingToFrame(frame: ReadingFrame, ruling: Ruling): Ruling {
  if (frame.angle === 0) return ruling;
  const box =
    ruling.orientation === "horizontal"
      ? { left: ruling.start, right: ruling.end, top: ruling.position, bottom: ruling.position }
      : { left: ruling.position, right: ruling.position, top: ruling.start, bottom: ruling.end };
  const turned = toFrame(frame, box);
  return turned.bottom - turned.top < turned.right - turned.left
    ? { orientation: "horizontal", position: turned.top, start: turned.left, end: turned.right }
    : { orientation: "vertical", position: turned.left, start: turned.top, end: turned.bottom };
}
