/** Dates in many printed forms, returned as ISO; day/month order from the date itself or the document. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findDates, isoDate, monthOf, provenOrder } from "./dates.ts";

const first = (text: string, order: "dmy" | "mdy" = "dmy") => findDates(text, order)[0]?.iso;

describe("findDates", () => {
  it("reads numeric dates in any separator", () => {
    assert.equal(first("2021-01-01"), "2021-01-01");
    assert.equal(first("20-10-2015"), "2015-10-20");
    assert.equal(first("03/20/2023"), "2023-03-20");
    assert.equal(first("21.05.14"), "2014-05-21");
    assert.equal(first("12 /10 /98", "mdy"), "1998-12-10");
  });

  it("reads month names in several languages", () => {
    assert.equal(first("August 3 , 2014"), "2014-08-03");
    assert.equal(first("7. Mai 2014"), "2014-05-07");
    assert.equal(first("du 02 Juillet 2015"), "2015-07-02");
    assert.equal(first("Factuurdatum: 29 maart 2014"), "2014-03-29");
    assert.equal(first("Jan 1, 2022"), "2022-01-01");
    assert.equal(first("1er juillet 2015"), "2015-07-01");
    assert.equal(first("Dec 10 '98"), "1998-12-10");
    assert.equal(first("3rd of August 2014"), "2014-08-03");
  });

  it("resolves ambiguous numeric dates by the document's order and flags them", () => {
    assert.equal(first("03/04/2021", "dmy"), "2021-04-03");
    assert.equal(first("03/04/2021", "mdy"), "2021-03-04");
    assert.equal(findDates("03/04/2021", "dmy")[0]!.ambiguous, true);
    assert.equal(findDates("13/04/2021", "mdy")[0]!.ambiguous, false);
    assert.deepEqual(provenOrder("31/12/2017 and 03/20/2023"), ["dmy", "mdy"]);
  });

  it("rejects impossible dates and reads the first of a range", () => {
    assert.equal(first("31/02/2021"), undefined);
    assert.equal(first("01.05.14-31.05.14"), "2014-05-01");
    assert.equal(isoDate(2024, 2, 29), "2024-02-29");
    assert.equal(isoDate(2023, 2, 29), undefined);
  });

  it("knows abbreviated and genitive month names", () => {
    assert.equal(monthOf("Sept."), 9);
    assert.equal(monthOf("stycznia"), 1);
    assert.equal(monthOf("Oktober"), 10);
    assert.equal(monthOf("Monday"), undefined);
  });
});
