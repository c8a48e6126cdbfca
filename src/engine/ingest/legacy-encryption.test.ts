import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { oleWithStreams, passwordProtectedDoc } from "../test-support/container-fixtures.ts";
import { corpusFile } from "../test-support/pdf-fixtures.ts";
import { oleKind } from "./container-checks.ts";
import { legacyEncrypted } from "./legacy-encryption.ts";
import { oleStreamHead, readOle } from "./ole-directory.ts";
import { openDocumentSource } from "./open-document-source.ts";

const DOC = "docling-groundtruth/office/doc/sources/legacy_sample.doc";
const XLS = "docling-groundtruth/office/xls/sources/legacy_sample.xls";
const PPT = "docling-groundtruth/office/ppt/sources/legacy_sample.ppt";

/** Little-endian 16-bit words and 32-bit values as bytes. */
function words(values: readonly [number, 2 | 4][]): Uint8Array {
  const out = new Uint8Array(values.reduce((sum, [, size]) => sum + size, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const [value, size] of values) {
    if (size === 2) view.setUint16(at, value, true);
    else view.setUint32(at, value, true);
    at += size;
  }
  return out;
}

const encryptedDoc = () => passwordProtectedDoc(corpusFile(DOC));

// BOF (BIFF8, 16 bytes of body) then FILEPASS (RC4 CryptoAPI header start).
const encryptedWorkbook = words([
  [0x0809, 2],
  [16, 2],
  ...Array.from({ length: 8 }, (): [number, 2] => [0, 2]),
  [0x002f, 2],
  [6, 2],
  [1, 2],
  [2, 2],
  [2, 2],
]);
// CurrentUserAtom: record header (8 bytes), size, then headerToken.
const currentUser = (token: number) =>
  words([
    [0, 2],
    [0x0ff6, 2],
    [20, 4],
    [20, 4],
    [token, 4],
  ]);

describe("password-protected legacy Office files", () => {
  it("reads stream heads from regular sectors and from the mini stream of real files, none encrypted", () => {
    for (const [path, kind] of [
      [DOC, "doc"],
      [XLS, "xls"],
      [PPT, "ppt"],
    ] as const) {
      const bytes = corpusFile(path);
      assert.equal(legacyEncrypted(bytes, readOle(bytes), kind), false, path);
      assert.equal(oleKind(bytes), kind);
    }
    const doc = corpusFile(DOC);
    const ole = readOle(doc);
    // The \x01CompObj stream is 114 bytes, so it sits in the mini stream.
    assert.ok(ole.entries.find((entry) => entry.name === "\x01CompObj")!.size < ole.miniCutoff);
    const compObj = new TextDecoder("latin1").decode(oleStreamHead(doc, ole, "\x01CompObj", 200));
    assert.match(compObj, /Microsoft Word 97-2003 Document/);
    const user = oleStreamHead(corpusFile(PPT), readOle(corpusFile(PPT)), "Current User", 16)!;
    assert.equal(new DataView(user.buffer, user.byteOffset).getUint32(12, true), 0xe391c05f);
    const fib = oleStreamHead(doc, ole, "WordDocument", 2)!;
    assert.deepEqual([...fib], [0xec, 0xa5]);
  });

  it("recognises the encryption marks of Word, Excel and PowerPoint", () => {
    const cases: [Uint8Array, string][] = [
      [encryptedDoc(), "Word (.doc)"],
      [oleWithStreams([{ name: "Workbook", data: encryptedWorkbook }]), "Excel (.xls)"],
      [
        oleWithStreams([
          { name: "PowerPoint Document", data: new Uint8Array(64) },
          { name: "Current User", data: currentUser(0xf3d1c4df) },
        ]),
        "PowerPoint (.ppt)",
      ],
    ];
    for (const [bytes, name] of cases) {
      const kind = oleKind(bytes);
      assert.ok(typeof kind !== "string", name);
      assert.equal(kind.reason, "PASSWORD_PROTECTED_FILE");
      assert.ok(kind.message.includes(name), kind.message);
    }
    const plainPpt = oleWithStreams([
      { name: "PowerPoint Document", data: new Uint8Array(64) },
      { name: "Current User", data: currentUser(0xe391c05f) },
    ]);
    assert.equal(oleKind(plainPpt), "ppt");
  });

  it("fails a password-protected .doc at once, before any conversion is tried", async () => {
    const started = performance.now();
    const opened = await openDocumentSource(encryptedDoc(), {
      format: "ole",
      maxPages: 10,
      // A converter that would hang: the check must answer before it is reached.
      conversion: { converter: { sofficePath: "sleep", timeoutMs: 60_000, concurrency: 1 } },
    });
    assert.ok(!opened.ok);
    assert.equal(opened.reason, "PASSWORD_PROTECTED_FILE");
    assert.ok(performance.now() - started < 2000);
  });
});
