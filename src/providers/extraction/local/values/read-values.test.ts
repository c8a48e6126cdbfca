/** Typed readers: what they keep of a text, how convincing it is, and when they read nothing. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { validateExtractionSchema } from "../../../../domain/extraction-schema/index.ts";
import type { DocumentConventions } from "./conventions.ts";
import { readBoolean, readEnum, readMoney, readNumber, readString } from "./read-values.ts";

const US: DocumentConventions = { decimal: ".", dateOrder: "mdy", currency: "USD" };

describe("readNumber", () => {
  it("prefers money-like numbers and skips numbers inside dates", () => {
    assert.equal(readNumber("ON August 3 , 2014 $4.11", US, { integer: false, percent: false })?.value, 4.11);
    assert.equal(readNumber("Tax 15% on $ 112.90", US, { integer: false, percent: true })?.value, 15);
  });

  it("reads integers as integers", () => {
    assert.equal(readNumber("Rooms 1", US, { integer: true, percent: false })?.value, 1);
  });
});

describe("readMoney", () => {
  it("takes the currency printed next to the amount, else the document's", () => {
    const rupees = readMoney("Rs 1939", US);
    assert.equal(rupees?.amount.value, 1939);
    assert.equal(rupees?.code, "INR");
    assert.equal(readMoney("12.00", US)?.code, "USD");
  });
});

describe("readBoolean", () => {
  it("reads checkboxes and yes/no words", () => {
    assert.equal(readBoolean("[x] Paid")?.value, true);
    assert.equal(readBoolean("☑")?.value, true);
    assert.equal(readBoolean("[ ] Paid")?.value, false);
    assert.equal(readBoolean("☐")?.value, false);
    assert.equal(readBoolean("Yes")?.value, true);
    assert.equal(readBoolean("nein")?.value, false);
    assert.equal(readBoolean("Maybe later"), undefined);
  });
});

describe("readString", () => {
  it("narrows semantic kinds to the part that looks right", () => {
    assert.equal(readString("visit aws.amazon.com/contact-us/", "website")?.value, "aws.amazon.com");
    assert.equal(readString("mail: a.b@example.com today", "email")?.value, "a.b@example.com");
    assert.equal(readString(": # BLR_WFLD2015", "identifier")?.value, "BLR_WFLD2015");
    assert.equal(readString("DE 232 446 240 Steuer-Nr. 044", "identifier")?.value, "DE 232 446 240");
    assert.equal(readString("Coolblue B.V. Weena 664", "organization")?.value, "Coolblue B.V.");
  });

  it("trims separators and rates identifiers without digits low", () => {
    assert.equal(readString(" : Jane Doe ", "text")?.value, "Jane Doe");
    assert.equal(readString("Reference", "identifier")?.quality, 0.3);
  });
});

describe("readEnum", () => {
  const schema = validateExtractionSchema({
    type: "object",
    properties: {
      method: {
        type: ["string", "null"],
        enum: ["credit_card", "bank_transfer", "cash", null],
        "extend:descriptions": ["Card payment", "Wire or SEPA transfer", "Paid in cash"],
      },
    },
  });
  const node = schema.fields[0]!;
  if (node.kind !== "enum") throw new Error("enum expected");

  it("matches values by words, spelling and descriptions", () => {
    assert.equal(readEnum("Credit Card", node)?.value, "credit_card");
    assert.equal(readEnum("Cash at Hotel", node)?.value, "cash");
    assert.equal(readEnum("SEPA transfer", node)?.value, "bank_transfer");
  });

  it("returns nothing when no value matches well", () => {
    assert.equal(readEnum("Cheque", node), undefined);
  });
});

describe("readString by semantic kind", () => {
  it("keeps a short payment-method text whole and picks the method out of a sentence", () => {
    assert.equal(readString("Cash at Hotel", "payment_method")?.value, "Cash at Hotel");
    assert.equal(
      readString("u heeft vooruitbetaald met Credit Card.", "payment_method")?.value,
      "Credit Card",
    );
    assert.equal(readString("''iDEAL'' op 21 april 2015 € 717,97", "payment_method")?.value, "iDEAL");
    assert.equal(readString("Net 30 days", "payment_method"), undefined);
  });

  it("reads an Incoterm's code, and a SIREN from its registry mention or a SIRET", () => {
    assert.equal(readString("DPU - DELIVERED AT PLACE UNLOADED", "incoterm")?.value, "DPU");
    assert.equal(readString("SAS au capital - B 421 938 861 RCS Paris", "siren")?.value, "421 938 861");
    assert.equal(readString("53084813400017", "siren")?.value, "530848134");
    assert.equal(readString("Tel. 01 23 45", "siren"), undefined);
  });
});
