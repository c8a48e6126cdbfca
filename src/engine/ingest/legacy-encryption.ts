/**
 * Whether a legacy binary Office file is password-protected, from the few header bytes each format
 * keeps in the clear (so the file fails PASSWORD_PROTECTED_FILE at once, instead of LibreOffice failing
 * or waiting on a password prompt until its timeout):
 * - Word (.doc): the FIB's fEncrypted bit (MS-DOC 2.5.2 FibBase, bit 8 of the flags word at 0x0A).
 * - Excel (.xls): a FILEPASS record (0x002F) right after the workbook globals' BOF (MS-XLS 2.4.117).
 * - PowerPoint (.ppt): the CurrentUserAtom's headerToken 0xF3D1C4DF (MS-PPT 2.3.2), or an
 *   EncryptedSummary stream.
 * A header that cannot be read says nothing: the file is then left to the converter.
 */
import { type OleContainer, oleStreamHead } from "./ole-directory.ts";

const FIB_ENCRYPTED = 0x0100;
const WORD_IDENT = 0xa5ec;
const BOF_RECORDS = new Set([0x0809, 0x0409, 0x0209, 0x0009]);
const FILEPASS = 0x002f;
const PPT_ENCRYPTED_TOKEN = 0xf3d1c4df;

export function legacyEncrypted(bytes: Uint8Array, ole: OleContainer, kind: "doc" | "xls" | "ppt"): boolean {
  try {
    if (kind === "doc") {
      const fib = head(bytes, ole, "WordDocument", 12);
      return (
        fib !== undefined &&
        fib.getUint16(0, true) === WORD_IDENT &&
        (fib.getUint16(0x0a, true) & FIB_ENCRYPTED) !== 0
      );
    }
    if (kind === "xls") {
      const stream = head(bytes, ole, "Workbook", 512) ?? head(bytes, ole, "Book", 512);
      if (stream === undefined || !BOF_RECORDS.has(stream.getUint16(0, true))) return false;
      const next = 4 + stream.getUint16(2, true);
      return next + 2 <= stream.byteLength && stream.getUint16(next, true) === FILEPASS;
    }
    if (ole.entries.some((entry) => entry.name === "EncryptedSummary")) return true;
    const user = head(bytes, ole, "Current User", 16);
    return user !== undefined && user.getUint32(12, true) === PPT_ENCRYPTED_TOKEN;
  } catch {
    return false;
  }
}

function head(bytes: Uint8Array, ole: OleContainer, name: string, length: number): DataView | undefined {
  const data = oleStreamHead(bytes, ole, name, length);
  if (data === undefined || data.byteLength < Math.min(length, 16)) return undefined;
  return new DataView(data.buffer, data.byteOffset, data.byteLength);
}
