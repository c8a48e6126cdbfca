/**
 * Test fixtures: minimal DOCX and PPTX packages built from XML strings (zipped with fflate), so the
 * converters' tests state exactly the markup they read.
 */
import { strToU8, zipSync } from "fflate";

const W =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"';
const P =
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function rels(entries: readonly [id: string, type: string, target: string][]): string {
  return `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${entries
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`)
    .join("")}</Relationships>`;
}

export interface DocxParts {
  /** The children of w:body. */
  readonly body: string;
  /** The children of w:styles. */
  readonly styles?: string;
  /** The children of w:numbering. */
  readonly numbering?: string;
  /** The children of w:footnotes. */
  readonly footnotes?: string;
  /** The children of w:hdr (referenced from the body's sectPr when given). */
  readonly header?: string;
}

export function docxPackage(parts: DocxParts): Uint8Array {
  const sectPr =
    parts.header === undefined
      ? ""
      : '<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/></w:sectPr>';
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    "_rels/.rels": strToU8(rels([["rId1", "officeDocument", "word/document.xml"]])),
    "word/document.xml": strToU8(
      `<?xml version="1.0"?><w:document ${W}><w:body>${parts.body}${sectPr}</w:body></w:document>`,
    ),
    "word/_rels/document.xml.rels": strToU8(rels([["rIdH", "header", "header1.xml"]])),
  };
  if (parts.styles !== undefined)
    files["word/styles.xml"] = strToU8(`<w:styles ${W}>${parts.styles}</w:styles>`);
  if (parts.numbering !== undefined)
    files["word/numbering.xml"] = strToU8(`<w:numbering ${W}>${parts.numbering}</w:numbering>`);
  if (parts.footnotes !== undefined)
    files["word/footnotes.xml"] = strToU8(`<w:footnotes ${W}>${parts.footnotes}</w:footnotes>`);
  if (parts.header !== undefined) files["word/header1.xml"] = strToU8(`<w:hdr ${W}>${parts.header}</w:hdr>`);
  return zipSync(files);
}

/** A paragraph with one run per text; `pPr` is the paragraph properties' inner XML. */
export function paragraph(text: string, pPr = ""): string {
  return `<w:p>${pPr === "" ? "" : `<w:pPr>${pPr}</w:pPr>`}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

export interface SlideParts {
  /** The children of p:spTree. */
  readonly shapes: string;
  /** The speaker notes' text, if any. */
  readonly notes?: string;
}

/** A presentation of 720 × 540 pt slides (9,144,000 × 6,858,000 EMU), slides in the given order. */
export function pptxPackage(slides: readonly SlideParts[]): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "_rels/.rels": strToU8(rels([["rId1", "officeDocument", "ppt/presentation.xml"]])),
    "ppt/presentation.xml": strToU8(
      `<p:presentation ${P}><p:sldIdLst>${slides
        .map((_, index) => `<p:sldId id="${256 + index}" r:id="rIdS${index + 1}"/>`)
        .join("")}</p:sldIdLst><p:sldSz cx="9144000" cy="6858000"/></p:presentation>`,
    ),
    "ppt/_rels/presentation.xml.rels": strToU8(
      rels(slides.map((_, index) => [`rIdS${index + 1}`, "slide", `slides/slide${index + 1}.xml`])),
    ),
  };
  for (const [index, slide] of slides.entries()) {
    const number = index + 1;
    files[`ppt/slides/slide${number}.xml`] = strToU8(
      `<p:sld ${P}><p:cSld><p:spTree>${slide.shapes}</p:spTree></p:cSld></p:sld>`,
    );
    if (slide.notes === undefined) continue;
    files[`ppt/slides/_rels/slide${number}.xml.rels`] = strToU8(
      rels([["rIdN", "notesSlide", `../notesSlides/notesSlide${number}.xml`]]),
    );
    files[`ppt/notesSlides/notesSlide${number}.xml`] = strToU8(
      `<p:notes ${P}><p:cSld><p:spTree><p:sp><p:nvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:txBody><a:p><a:r><a:t>${slide.notes}</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:notes>`,
    );
  }
  return zipSync(files);
}

/** A text shape at (x, y) pt of size w × h pt; `placeholder` is a p:ph type ("title", "body"). */
export function textShape(
  paragraphs: string,
  at: { x: number; y: number; w: number; h: number },
  placeholder?: string,
): string {
  const emu = (points: number) => Math.round(points * 12_700);
  const ph = placeholder === undefined ? "" : `<p:ph type="${placeholder}"/>`;
  return `<p:sp><p:nvSpPr><p:cNvPr id="2" name="s"/><p:cNvSpPr/><p:nvPr>${ph}</p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="${emu(at.x)}" y="${emu(at.y)}"/><a:ext cx="${emu(at.w)}" cy="${emu(at.h)}"/></a:xfrm></p:spPr><p:txBody><a:bodyPr/>${paragraphs}</p:txBody></p:sp>`;
}
