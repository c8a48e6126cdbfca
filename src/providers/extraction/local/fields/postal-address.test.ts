/** Address blocks recognised by their shape, in US, Dutch and continental formats. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildDocumentLayout } from "../layout/document-layout.ts";
import { documentOf } from "../test-support/synthetic.ts";
import { addressPartOf, findAddresses } from "./postal-address.ts";

const values = (lines: string[]) => {
  const layout = buildDocumentLayout([
    documentOf(lines.map((text, index) => ({ text, x: 40, y: 40 + 12 * index }))),
  ]);
  return findAddresses(layout.lines).map((address) =>
    Object.fromEntries(Object.entries(address).map(([part, value]) => [part, value.value])),
  );
};

describe("findAddresses", () => {
  it("reads a US address and the name over it", () => {
    assert.deepEqual(values(["Azure Interior", "4557 De Silva St", "Fremont CA 94538", "United States"]), [
      {
        postal_code: "94538",
        city: "Fremont",
        state: "CA",
        street: "4557 De Silva St",
        country: "United States",
        country_code: "US",
        name: "Azure Interior",
      },
    ]);
  });

  it("reads Dutch and French postcodes", () => {
    assert.deepEqual(values(["Weena 664", "3012 CN Rotterdam", "Nederland"])[0]?.postal_code, "3012 CN");
    assert.deepEqual(values(["27 rue Henri Rolland", "69100 Villeurbanne"])[0]?.city, "Villeurbanne");
  });

  it("ignores a lone number line", () => {
    assert.deepEqual(values(["Order", "12345 Widgets"]), []);
  });
});

describe("addressPartOf", () => {
  it("tells the part from key words", () => {
    assert.equal(addressPartOf(["partner", "zip"]), "postal_code");
    assert.equal(addressPartOf(["country", "code"]), "country_code");
    assert.equal(addressPartOf(["billing", "city"]), "city");
    assert.equal(addressPartOf(["total"]), undefined);
  });
});
