/**
 * Seeds a server with many small files through the public upload endpoint (the path users take), with
 * bounded concurrency so the seeding rate itself is a meaningful figure rather than a queue-overflow test.
 */
import { performance } from "node:perf_hooks";

export interface SeedResult {
  readonly ids: readonly string[];
  readonly seconds: number;
  readonly uploadsPerSecond: number;
}

export async function seedFiles(
  baseUrl: string,
  apiKey: string,
  count: number,
  concurrency: number,
  onProgress: (done: number) => void = () => {},
): Promise<SeedResult> {
  const ids: string[] = new Array(count);
  let next = 0;
  let done = 0;
  const started = performance.now();

  async function uploadOne(index: number): Promise<void> {
    const form = new FormData();
    const text = `Quire benchmark file ${index}\nA few lines of plain text, like a small note.\n`;
    form.append("file", new Blob([text], { type: "text/plain" }), `bench-${index}.txt`);
    const response = await fetch(`${baseUrl}/files/upload`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiKey}` },
      body: form,
    });
    const body = (await response.json()) as { id?: string };
    if (response.status !== 200 || typeof body.id !== "string") {
      throw new Error(`upload ${index} failed: HTTP ${response.status} ${JSON.stringify(body)}`);
    }
    ids[index] = body.id;
  }

  // A fixed pool of workers pulling the next index: at most `concurrency` uploads in flight.
  const worker = async () => {
    while (next < count) {
      const index = next++;
      await uploadOne(index);
      done++;
      if (done % 1000 === 0) onProgress(done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { ids, seconds, uploadsPerSecond: count / seconds };
}
