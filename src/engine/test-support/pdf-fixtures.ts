/**
 * Small PDFs made on the fly for engine tests (the corpus has no encrypted, empty or very long PDFs):
 * text pages at known positions via pdf-lib, and hand-written files for what pdf-lib cannot make
 * (zero pages, RC4 encryption). Also reads corpus files by path. Test support only.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { degrees, PDFDocument, StandardFonts } from "pdf-lib";

const CORPUS = new URL("../../../../shared/corpus/", import.meta.url);

/** A fresh copy of a corpus file each call: parsing takes ownership of (detaches) the bytes. */
export function corpusFile(relativePath: string): Uint8Array {
  const buffer = readFileSync(new URL(relativePath, CORPUS));
  return new Uint8Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength));
}

export interface TextLine {
  readonly text: string;
  /** In PDF user space: points from the media box's left edge. */
  readonly x: number;
  /** Baseline, in PDF user space: points up from the media box's bottom edge. */
  readonly y: number;
  readonly size?: number;
}

export interface TextPageSpec {
  readonly lines: readonly TextLine[];
  readonly width?: number;
  readonly height?: number;
  /** /Rotate in degrees (multiple of 90). */
  readonly rotate?: number;
  /** Lower-left corner of the media box, to test view box offsets. */
  readonly origin?: { readonly x: number; readonly y: number };
}

/** A PDF with Helvetica text lines at the given user-space positions. */
export async function textPdf(pages: readonly TextPageSpec[]): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (const spec of pages) {
    const width = spec.width ?? 612;
    const height = spec.height ?? 792;
    const page = document.addPage([width, height]);
    const origin = spec.origin ?? { x: 0, y: 0 };
    page.setMediaBox(origin.x, origin.y, width, height);
    if (spec.rotate !== undefined) page.setRotation(degrees(spec.rotate));
    for (const line of spec.lines)
      page.drawText(line.text, { x: line.x, y: line.y, size: line.size ?? 12, font });
  }
  return document.save();
}

/** `count` letter-size pages, each with a heading "Page n" and a short paragraph. */
export async function manyPagesPdf(count: number): Promise<Uint8Array> {
  const pages: TextPageSpec[] = [];
  for (let number = 1; number <= count; number++) {
    pages.push({
      lines: [
        { text: `Page ${number}`, x: 72, y: 720, size: 18 },
        { text: "The quick brown fox jumps over the lazy dog.", x: 72, y: 690 },
        { text: "Pack my box with five dozen liquor jugs.", x: 72, y: 676 },
      ],
    });
  }
  return textPdf(pages);
}

/**
 * A letter-size page whose content stream is `content` as given, with Helvetica as /F1: for text states
 * pdf-lib's drawText does not produce (text matrices that scale, several runs on one line).
 */
export function contentStreamPdf(content: string): Uint8Array {
  return writePdf(
    [
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
      { dictionary: "<< >>", stream: new TextEncoder().encode(content) },
    ],
    "",
  );
}

/** A syntactically valid PDF whose page tree is empty (pdf-lib always adds a page, so by hand). */
export function zeroPagePdf(): Uint8Array {
  return writePdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"], "");
}

/**
 * A one-page PDF saying `text` in Helvetica at (72, 720), encrypted with the standard security handler,
 * revision 3 (RC4, 128-bit key; PDF 32000-1 §7.6.3, algorithms 1–5).
 */
export function encryptedPdf(text: string, userPassword: string, ownerPassword: string): Uint8Array {
  const id = createHash("md5").update(`quire-fixture-${text}`).digest();
  const permissions = -4; // every permission granted
  const owner = ownerValue(ownerPassword, userPassword);
  const key = fileKey(userPassword, owner, permissions, id);
  const user = userValue(key, id);
  const content = new TextEncoder().encode(`BT /F1 24 Tf 72 720 Td (${text}) Tj ET`);
  const encryptedContent = rc4(objectKey(key, 5, 0), content);
  return writePdf(
    [
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
      { dictionary: "<< >>", stream: encryptedContent },
      `<< /Filter /Standard /V 2 /R 3 /Length 128 /P ${permissions} /O <${hex(owner)}> /U <${hex(user)}> >>`,
    ],
    `/Encrypt 6 0 R /ID [<${hex(id)}> <${hex(id)}>]`,
  );
}

type PdfObject = string | { readonly dictionary: string; readonly stream: Uint8Array };

/** Serialises objects 1…n with a classic cross-reference table; `trailerExtra` goes into the trailer. */
function writePdf(objects: readonly PdfObject[], trailerExtra: string): Uint8Array {
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  const push = (part: Buffer) => {
    parts.push(part);
    length += part.length;
  };
  objects.forEach((object, index) => {
    offsets.push(length);
    if (typeof object === "string") {
      push(Buffer.from(`${index + 1} 0 obj\n${object}\nendobj\n`, "latin1"));
    } else {
      const dictionary = object.dictionary.replace(/>>\s*$/, `/Length ${object.stream.length} >>`);
      push(Buffer.from(`${index + 1} 0 obj\n${dictionary}\nstream\n`, "latin1"));
      push(Buffer.from(object.stream));
      push(Buffer.from("\nendstream\nendobj\n", "latin1"));
    }
  });
  const xref = length;
  const entries = offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  push(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}` +
        `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`,
      "latin1",
    ),
  );
  return new Uint8Array(Buffer.concat(parts));
}

const PASSWORD_PADDING = Buffer.from(
  "28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a",
  "hex",
);

function padPassword(password: string): Buffer {
  return Buffer.concat([Buffer.from(password, "latin1"), PASSWORD_PADDING]).subarray(0, 32);
}

function md5(...parts: Uint8Array[]): Buffer {
  const hash = createHash("md5");
  for (const part of parts) hash.update(part);
  return hash.digest();
}

/** Algorithm 3: the /O entry. */
function ownerValue(ownerPassword: string, userPassword: string): Uint8Array {
  let hash = md5(padPassword(ownerPassword || userPassword));
  for (let round = 0; round < 50; round++) hash = md5(hash);
  let value: Uint8Array = rc4(hash, padPassword(userPassword));
  for (let round = 1; round <= 19; round++) value = rc4(xorKey(hash, round), value);
  return value;
}

/** Algorithm 2: the file key from the user password. */
function fileKey(userPassword: string, owner: Uint8Array, permissions: number, id: Uint8Array): Buffer {
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  let hash = md5(padPassword(userPassword), owner, p, id);
  for (let round = 0; round < 50; round++) hash = md5(hash);
  return hash;
}

/** Algorithm 5: the /U entry (16 significant bytes, padded to 32). */
function userValue(key: Uint8Array, id: Uint8Array): Uint8Array {
  let value: Uint8Array = rc4(key, md5(PASSWORD_PADDING, id));
  for (let round = 1; round <= 19; round++) value = rc4(xorKey(key, round), value);
  return Buffer.concat([value, Buffer.alloc(16)]);
}

/** Algorithm 1: the key for one object's strings and streams. */
function objectKey(key: Uint8Array, objectNumber: number, generation: number): Uint8Array {
  const suffix = Buffer.from([
    objectNumber & 0xff,
    (objectNumber >> 8) & 0xff,
    (objectNumber >> 16) & 0xff,
    generation & 0xff,
    (generation >> 8) & 0xff,
  ]);
  return md5(key, suffix).subarray(0, Math.min(key.length + 5, 16));
}

function xorKey(key: Uint8Array, value: number): Uint8Array {
  return key.map((byte) => byte ^ value);
}

function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const state = new Uint8Array(256).map((_, index) => index);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + state[i]! + key[i % key.length]!) & 0xff;
    [state[i], state[j]] = [state[j]!, state[i]!];
  }
  const output = new Uint8Array(data.length);
  let i = 0;
  j = 0;
  for (let index = 0; index < data.length; index++) {
    i = (i + 1) & 0xff;
    j = (j + state[i]!) & 0xff;
    [state[i], state[j]] = [state[j]!, state[i]!];
    output[index] = data[index]! ^ state[(state[i]! + state[j]!) & 0xff]!;
  }
  return output;
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}
