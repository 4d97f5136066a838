import pino, { type Logger } from 'pino';

export type { Logger };

/** Logs go to stderr, so `npm run ask -- --json` keeps stdout for its one JSON document. */
export function createLogger(level: string): Logger {
  return pino({ level, base: null }, pino.destination({ fd: 2, sync: true }));
}
