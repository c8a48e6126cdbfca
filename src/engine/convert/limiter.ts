/**
 * A counting semaphore: at most `limit` tasks run at once, the rest wait in arrival order. Bounds
 * concurrent LibreOffice processes (each takes ~200 MB) within one thread.
 */
export class Limiter {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  async run<T>(limit: number, task: () => Promise<T>): Promise<T> {
    while (this.#running >= Math.max(1, limit)) {
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
    this.#running++;
    try {
      return await task();
    } finally {
      this.#running--;
      this.#waiting.shift()?.();
    }
  }
}
