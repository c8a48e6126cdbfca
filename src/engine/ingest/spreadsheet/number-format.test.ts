import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatValue, generalNumber, isoDate, serialToDate } from "./number-format.ts";

describe("formatValue", () => {
  it("shows General numbers without float noise", () => {
    assert.equal(formatValue(0.1 + 0.2, undefined), "0.3");
    assert.equal(formatValue(42, "General"), "42");
    assert.equal(generalNumber(-3), "-3");
  });

  it("applies decimals, thousands separators and scaling", () => {
    assert.equal(formatValue(1234567.891, "#,##0.00"), "1,234,567.89");
    assert.equal(formatValue(1234567.891, "#,##0"), "1,234,568");
    assert.equal(formatValue(0.5, "0.00"), "0.50");
    assert.equal(formatValue(2.5, "0"), "3");
    assert.equal(formatValue(1.005, "0.00"), "1.01");
    assert.equal(formatValue(1234567, "#,##0,"), "1,235");
    assert.equal(formatValue(7, "000"), "007");
  });

  it("applies percentages, currency and sections", () => {
    assert.equal(formatValue(0.256, "0%"), "26%");
    assert.equal(formatValue(0.256, "0.0%"), "25.6%");
    assert.equal(formatValue(1234.5, '"$"#,##0.00'), "$1,234.50");
    assert.equal(formatValue(-1234.5, "$#,##0.00_);($#,##0.00)"), "($1,234.50)");
    assert.equal(formatValue(-1234.5, "#,##0.00"), "-1,234.50");
    assert.equal(formatValue(1234.5, "[$€-407] #,##0.00"), "€ 1,234.50");
    assert.equal(formatValue(-5, "0.00;[Red]-0.00"), "-5.00");
    assert.equal(formatValue(0, '0;-0;"zero"'), "zero");
    assert.equal(formatValue(12345.678, "0.00E+00"), "1.23E+04");
    const accounting = '_($* #,##0.00_);_($* (#,##0.00);_($* "-"??_);_(@_)';
    assert.equal(formatValue(1234.5, accounting), "$1,234.50");
    assert.equal(formatValue(-1234.5, accounting), "$(1,234.50)");
    assert.equal(formatValue(0, accounting), "$-");
    assert.equal(formatValue(12, "@"), "12");
  });

  it("formats dates and times from Date values and serials", () => {
    const date = new Date(Date.UTC(2024, 0, 5, 14, 7, 9));
    assert.equal(formatValue(date, "yyyy-mm-dd"), "2024-01-05");
    assert.equal(formatValue(date, "m/d/yy"), "1/5/24");
    assert.equal(formatValue(date, "d-mmm-yy"), "5-Jan-24");
    assert.equal(formatValue(date, "dddd, mmmm d, yyyy"), "Friday, January 5, 2024");
    assert.equal(formatValue(date, "h:mm AM/PM"), "2:07 PM");
    assert.equal(formatValue(date, "hh:mm:ss"), "14:07:09");
    assert.equal(formatValue(date, "yyyy-mm-dd h:mm:ss"), "2024-01-05 14:07:09");
    // Serial 45296 is 2024-01-05 in the 1900 date system.
    assert.equal(formatValue(45296, "yyyy-mm-dd"), "2024-01-05");
    assert.equal(formatValue(1.5, "[h]:mm"), "36:00");
  });

  it("gives ISO dates for raw values", () => {
    assert.equal(isoDate(serialToDate(45296)), "2024-01-05");
    assert.equal(isoDate(new Date(Date.UTC(2024, 0, 5, 14, 7, 9))), "2024-01-05T14:07:09");
  });
});
