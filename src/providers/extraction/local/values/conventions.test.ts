/** Document conventions: decimal separator, date order and main currency, read from all of its text. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readConventions } from "./conventions.ts";
import { findCurrencies } from "./currency.ts";

describe("readConventions", () => {
  it("reads a European invoice", () => {
    assert.deepEqual(readConventions(["Totaal € 4.904,94", "BTW € 851,27", "Datum 31/12/2017"]), {
      decimal: ",",
      dateOrder: "dmy",
      currency: "EUR",
    });
  });

  it("reads a US invoice and lets its currency decide day/month order when no date proves it", () => {
    assert.deepEqual(readConventions(["Total $4.11", "Date 03/04/2014"]), {
      decimal: ".",
      dateOrder: "mdy",
      currency: "USD",
    });
  });

  it("has no currency when none is printed", () => {
    assert.equal(readConventions(["Quantity 3"]).currency, undefined);
  });
});

describe("findCurrencies", () => {
  it("maps symbols, ISO codes and words", () => {
    assert.deepEqual(
      findCurrencies("Rs 1939, 316,83 PLN, €3.50, US$ 5, 10 zł").map((mark) => mark.code),
      ["INR", "PLN", "EUR", "USD", "PLN"],
    );
  });

  it("does not read codes inside words or lower-case words", () => {
    assert.deepEqual(findCurrencies("EUROPE usd"), []);
  });
});
