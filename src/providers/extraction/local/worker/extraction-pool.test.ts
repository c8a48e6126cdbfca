/** The local extractor off the event loop: pooled runs happen on another thread, give the in-thread output, can be aborted. */
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { threadId } from "node:worker_threads";
import type { ExtractionRequest } from "../../field-extractor.ts";
import { extractLocally, LocalFieldExtractor } from "../local-field-extractor.ts";
import { documentOf, NUMBER, OPTIONS, type Placed, STRING, schemaOf } from "../test-support/synthetic.ts";
import { ExtractionPool } from "./extraction-pool.ts";

/** An invoice of `pages` pages, each with a header block and `rows` item rows. */
function longInvoice(pages: number, rows: number): ExtractionRequest {
  const items: Placed[] = [];
  for (let page = 1; page <= pages; page++) {
    items.push({ text: `Invoice Number: INV-${page}`, x: 40, y: 40, page });
    items.push({ text: "Description", x: 40, y: 80, page }, { text: "Amount", x: 480, y: 80, page });
    for (let row = 0; row < rows; row++) {
      const y = 100 + row * 12;
      items.push({ text: `Item ${page}-${row}`, x: 40, y, page }, { text: `$${row}.50`, x: 480, y, page });
    }
  }
  return {
    schema: schemaOf({
      invoice_number: STRING,
      items: {
        type: "array",
        items: {
          type: "object",
          properties: { description: STRING, amount: NUMBER },
          required: ["description", "amount"],
        },
      },
    }),
    documents: [documentOf(items)],
    extractionRules: undefined,
    options: OPTIONS,
  };
}

/** Event-loop turns (setImmediate callbacks) that ran before `work` settled. */
async function turnsDuring(work: Promise<unknown>): Promise<number> {
  let turns = 0;
  let done = false;
  const spin = () => {
    if (done) return;
    turns++;
    setImmediate(spin);
  };
  setImmediate(spin);
  try {
    await work;
  } finally {
    done = true;
  }
  return turns;
}

describe("ExtractionPool", () => {
  const pool = new ExtractionPool(1);
  const extractors: LocalFieldExtractor[] = [];
  after(() => Promise.all([pool.close(), ...extractors.map((extractor) => extractor.close())]));

  it("extracts on another thread and gives the same output as in-thread", async () => {
    const request = longInvoice(2, 5);
    const pooled = await pool.run(request);
    assert.notEqual(pooled.threadId, threadId);
    assert.deepEqual(pooled.output, extractLocally(request));
    assert.equal(pooled.output.value.invoice_number, "INV-1");
  });

  it("keeps the caller's event loop turning during a long extraction (in-thread it stalls)", async () => {
    const request = longInvoice(20, 40);
    const pooledExtractor = new LocalFieldExtractor({ threads: 1 });
    const inThread = new LocalFieldExtractor({ threads: "in-thread" });
    extractors.push(pooledExtractor);
    const pooledTurns = await turnsDuring(pooledExtractor.extract(request));
    const inThreadTurns = await turnsDuring(inThread.extract(request));
    assert.ok(pooledTurns > 0, `pooled: ${pooledTurns} turns`);
    assert.equal(inThreadTurns, 0, "in-thread extraction holds the loop until it is done");
  });

  it("rejects with the abort reason and terminates the thread of an aborted extraction", async () => {
    const controller = new AbortController();
    const running = pool.run(longInvoice(60, 40), controller.signal);
    setImmediate(() => controller.abort(new Error("stop")));
    await assert.rejects(running, /stop/u);
    // A fresh thread serves the next task.
    const next = await pool.run(longInvoice(1, 2));
    assert.equal(next.output.value.invoice_number, "INV-1");
  });
});
