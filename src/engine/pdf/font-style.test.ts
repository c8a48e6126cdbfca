import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DocumentFontStyles, fontStyleFromName, type PdfFontStore } from "./font-style.ts";

function style(name: string): string {
  const found = fontStyleFromName(name);
  if (found === undefined) return "unknown";
  return [found.bold ? "bold" : "", found.italic ? "italic" : ""].filter(Boolean).join("+") || "regular";
}

describe("fontStyleFromName", () => {
  it("reads weight and slant from the usual PostScript style suffixes", () => {
    const expected: Record<string, string> = {
      "Helvetica-Bold": "bold",
      Helvetica: "regular",
      "Helvetica-Oblique": "italic",
      "HelveticaNeue-BoldCond": "bold",
      "NKDKFH+HelveticaNeueLTPro-Md": "regular",
      "NKDKGI+HelveticaNeueLTCom-Bd": "bold",
      "NKDKHK+JansonTextLTStd-Italic": "italic",
      "NKDKHL+LubalinGraphStd-Demi": "bold",
      "NKEDOJ+Arial-BoldMT": "bold",
      "ABCDEF+TimesNewRoman,Bold": "bold",
      "Calibri,BoldItalic": "bold+italic",
      "TimesNewRomanPS-BoldItalicMT": "bold+italic",
      TimesNewRomanPSMT: "regular",
      "MinionPro-It": "italic",
      "MyriadPro-SemiboldIt": "bold+italic",
      "NimbusRomNo9L-Medi": "bold",
      "NimbusRomNo9L-ReguItal": "italic",
      "Roboto-Black": "bold",
      "Roboto-Light": "regular",
      "Univers-BlackOblique": "bold+italic",
      "Blackadder-Regular": "regular",
      SymbolMT: "regular",
    };
    assert.deepEqual(Object.fromEntries(Object.keys(expected).map((name) => [name, style(name)])), expected);
  });

  it("knows TeX's family codes", () => {
    assert.equal(style("AAAAAD+SFBX1000"), "bold");
    assert.equal(style("AAAAAE+SFTI1000"), "italic");
    assert.equal(style("AAAAAC+SFRM1000"), "regular");
    assert.equal(style("CMBX12"), "bold");
    assert.equal(style("CMR10"), "regular");
  });

  it("says nothing without a name", () => {
    assert.equal(fontStyleFromName(undefined), undefined);
    assert.equal(fontStyleFromName(""), undefined);
  });
});

describe("DocumentFontStyles", () => {
  it("reads styles of fonts pdf.js has resolved, remembers them, and retries unresolved ones", () => {
    const resolved = new Map<string, unknown>([["g_d0_f1", { name: "ABCDEF+Arial-BoldMT" }]]);
    let lookups = 0;
    const store: PdfFontStore = {
      has: (id) => resolved.has(id),
      get: (id) => {
        lookups++;
        return resolved.get(id);
      },
    };
    const styles = new DocumentFontStyles();
    assert.deepEqual(styles.lookup(store, "g_d0_f1"), { bold: true, italic: false });
    assert.equal(styles.lookup(store, "g_d0_f2"), undefined, "not resolved yet");
    resolved.set("g_d0_f2", { name: "Arial-ItalicMT" });
    resolved.delete("g_d0_f1"); // pdf.js cleaned its cache up
    assert.deepEqual(styles.lookup(store, "g_d0_f2"), { bold: false, italic: true });
    assert.deepEqual(styles.lookup(store, "g_d0_f1"), { bold: true, italic: false });
    assert.equal(lookups, 2);
  });
});
