/**
 * Where each drawn glyph of a page sits along its baseline: the start and end of its advance in page
 * points, the text it stands for and whether that is a space, in drawing order, grouped by the showText
 * that drew them (its baseline, extent and em size). Filled by the operator-list walk of glyph-sizes.ts
 * for upright horizontal text; glyph-positions.ts places words with it. Positions live in typed arrays
 * that grow by doubling, so a page of a few thousand glyphs costs no object per glyph.
 */

const INITIAL_CAPACITY = 1024;

/** The glyphs one showText drew: [glyphFrom, glyphTo) in the page's store, on baseline y from x to end. */
export interface GlyphGroup {
  readonly x: number;
  readonly y: number;
  readonly end: number;
  readonly size: number;
  readonly glyphFrom: number;
  readonly glyphTo: number;
}

export class PageGlyphs {
  #starts = new Float64Array(INITIAL_CAPACITY);
  #ends = new Float64Array(INITIAL_CAPACITY);
  #spaces = new Uint8Array(INITIAL_CAPACITY);
  /** The glyphs' unicode strings as pdf.js gives them (references, not copies). */
  readonly #unicodes: string[] = [];
  #count = 0;
  readonly groups: GlyphGroup[] = [];

  get count(): number {
    return this.#count;
  }

  /** Adds a glyph whose advance runs from `start` to `end` (page x); returns its index. */
  push(start: number, end: number, unicode: string, space = false): number {
    if (this.#count === this.#starts.length) {
      this.#starts = grown(this.#starts);
      this.#ends = grown(this.#ends);
      const spaces = new Uint8Array(this.#spaces.length * 2);
      spaces.set(this.#spaces);
      this.#spaces = spaces;
    }
    const index = this.#count++;
    this.#starts[index] = start;
    this.#ends[index] = end;
    this.#spaces[index] = space ? 1 : 0;
    this.#unicodes.push(unicode);
    return index;
  }

  /** Records the glyphs pushed since `group.glyphFrom` as drawn by one showText. */
  group(group: GlyphGroup): void {
    if (group.glyphTo > group.glyphFrom) this.groups.push(group);
  }

  start(index: number): number {
    return this.#starts[index]!;
  }

  end(index: number): number {
    return this.#ends[index]!;
  }

  unicode(index: number): string {
    return this.#unicodes[index]!;
  }

  /** The glyph stands for white space (it draws nothing). */
  isSpace(index: number): boolean {
    return this.#spaces[index] === 1;
  }
}

function grown(array: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const larger = new Float64Array(array.length * 2);
  larger.set(array);
  return larger;
}
