/**
 * Child process for the queue crash test: works one queue on PostgreSQL with a handler that never
 * returns, and prints `active <jobId> <retryCount>` once it holds a job, so the test can kill -9 it
 * mid-handler. Usage: node test/support/queue-crash-worker.ts <databaseUrl> <queueName>
 */
import { PgBossJobQueue } from "../../src/queue/pg-boss-job-queue.ts";
import { createLogger } from "../../src/shared/logger.ts";

const [url, queueName] = process.argv.slice(2);
if (url === undefined || queueName === undefined) {
  process.stderr.write("usage: queue-crash-worker.ts <databaseUrl> <queueName>\n");
  process.exit(2);
}

const queue = new PgBossJobQueue({
  connection: { connectionString: url, poolSize: 2 },
  logger: createLogger("silent"),
  timings: { pollingIntervalSeconds: 0.5 },
});
await queue.start();
await queue.work(
  queueName,
  async (job) => {
    process.stdout.write(`active ${job.id} ${job.retryCount}\n`);
    // Hangs like a wedged parse would; heartbeats keep flowing until the process is killed.
    await new Promise<never>(() => {});
  },
  { concurrency: 1 },
);
process.stdout.write("ready\n");
