/** The application logger (pino). One instance is built in app.ts; modules receive it, never import a global. */
import { pino } from "pino";

export type Logger = pino.Logger;

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: "quire" } });
}
