/** Tests for the ICDAR 2013 ground-truth reader: regions, cells with and without spans, both quote styles. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseRegions, parseStructure } from "./icdar-ground-truth.ts";

test("regions per table and page", () => {
  const xml = `<document><table id='1'><region id='1' page='2'><instruction instr-id='3'/>
    <bounding-box x1='100' y1='451' x2='482' y2='543'/></region></table>
    <table id='2'><region id="1" page="3"><bounding-box x1="1" y1="2" x2="3" y2="4"/></region></table></document>`;
  assert.deepEqual(parseRegions(xml), [
    { table: 0, page: 2, bbox: { x1: 100, y1: 451, x2: 482, y2: 543 } },
    { table: 1, page: 3, bbox: { x1: 1, y1: 2, x2: 3, y2: 4 } },
  ]);
});

test("cells: spans from end-row/end-col, content decoded", () => {
  const xml = `<document><table id="1"><region col-increment="0" id="1" page="1" row-increment="0">
    <cell end-col="3" id="1" start-col="1" start-row="0"><bounding-box x1="316" x2="441" y1="533" y2="543"/>
    <content>THRESHOLD &amp; RELEASES</content></cell>
    <cell id='1' start-row='1' start-col='0'  end-row='3'><content>to air
kg/year</content></cell></region></table></document>`;
  const [region] = parseStructure(xml);
  assert.equal(region?.page, 1);
  assert.deepEqual(region?.cells, [
    { row: 0, col: 1, rowSpan: 1, colSpan: 3, text: "THRESHOLD & RELEASES" },
    { row: 1, col: 0, rowSpan: 3, colSpan: 1, text: "to air\nkg/year" },
  ]);
});
