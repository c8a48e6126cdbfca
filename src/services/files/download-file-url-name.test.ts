/**
 * File-name choice for downloads: Content-Disposition forms seen in the wild, URL fallbacks, and sanitizing
 * of names that try to escape a directory or hide their extension.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  contentDispositionFileName,
  fileNameFromResponse,
  sanitizeDownloadedFileName,
} from "./download-file-url-name.ts";

const url = (text: string): URL => new URL(text);

test("reads filename and filename* from Content-Disposition", () => {
  assert.equal(contentDispositionFileName('attachment; filename="report.pdf"'), "report.pdf");
  assert.equal(contentDispositionFileName("attachment; filename=plain.pdf"), "plain.pdf");
  assert.equal(
    contentDispositionFileName('inline; filename="a \\"quoted\\" name.pdf"'),
    'a "quoted" name.pdf',
  );
  assert.equal(
    contentDispositionFileName(`attachment; filename="fallback.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf`),
    "résumé.pdf",
  );
  assert.equal(contentDispositionFileName("attachment; FILENAME*=iso-8859-1'en'caf%E9.txt"), "café.txt");
  assert.equal(contentDispositionFileName('filename="bare.csv"'), "bare.csv");
  assert.equal(contentDispositionFileName("attachment"), undefined);
});

test("ignores an undecodable filename* and falls back to filename", () => {
  assert.equal(
    contentDispositionFileName(`attachment; filename*=UTF-8''%E0%A4%A; filename="ok.pdf"`),
    "ok.pdf",
  );
  assert.equal(contentDispositionFileName(`attachment; filename*=koi8-r''x.pdf; filename=ok.pdf`), "ok.pdf");
});

test("repairs raw UTF-8 that Node decoded as latin1", () => {
  const latin1 = Buffer.from('attachment; filename="résumé.pdf"', "utf8").toString("latin1");
  assert.equal(contentDispositionFileName(latin1), "résumé.pdf");
});

test("prefers the header, then the URL's last segment, then 'file'", () => {
  assert.equal(fileNameFromResponse('attachment; filename="a.pdf"', url("http://h/x/b.pdf")), "a.pdf");
  assert.equal(fileNameFromResponse(undefined, url("http://h/dir/My%20Scan.pdf?x=1")), "My Scan.pdf");
  assert.equal(fileNameFromResponse("attachment", url("http://h/dir/b.pdf")), "b.pdf");
  assert.equal(fileNameFromResponse('attachment; filename=".."', url("http://h/c.txt")), "c.txt");
  assert.equal(fileNameFromResponse(undefined, url("http://h/dir/")), "file");
  assert.equal(fileNameFromResponse(undefined, url("http://h")), "file");
  assert.equal(fileNameFromResponse(undefined, url("http://h/bad%E0%A4%A")), "bad%E0%A4%A");
});

test("sanitizes to a plain basename", () => {
  assert.equal(sanitizeDownloadedFileName("../../etc/passwd"), "passwd");
  assert.equal(sanitizeDownloadedFileName("C:\\Users\\x\\evil.exe"), "evil.exe");
  assert.equal(sanitizeDownloadedFileName("a\u0000b\u001fc\u007fd\u0085.pdf"), "abcd.pdf");
  assert.equal(sanitizeDownloadedFileName("invoice\u202Efdp.exe"), "invoicefdp.exe");
  assert.equal(sanitizeDownloadedFileName("dir/"), undefined);
  assert.equal(sanitizeDownloadedFileName("  "), undefined);
  assert.equal(fileNameFromResponse(undefined, url("http://h/a%2F..%2Fsecret.pdf")), "secret.pdf");
});

test("truncates to 255 characters, keeping a short extension and whole code points", () => {
  const long = `${"x".repeat(300)}.pdf`;
  const truncated = sanitizeDownloadedFileName(long)!;
  assert.equal(truncated.length, 255);
  assert.ok(truncated.endsWith(".pdf"));
  const emoji = sanitizeDownloadedFileName("😀".repeat(300))!;
  assert.equal(Array.from(emoji).length, 255);
  assert.ok(Array.from(emoji).every((char) => char === "😀"));
});
