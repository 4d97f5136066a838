import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * An interaction's token, where Discord's REST paths carry it: a failed
 * request's error names its URL, and the token answers as the bot for 15
 * minutes, so a log line must not hold it.
 */
const INTERACTION_TOKEN_IN_PATH = /(\/(?:interactions\/\d+|webhooks\/\d+)\/)[A-Za-z0-9._-]{20,}/gu;

export function redactInteractionTokens(text: string): string {
  return text.replace(INTERACTION_TOKEN_IN_PATH, '$1[interaction token]');
}

/** pino's error serializer, with interaction tokens taken out of every text it keeps. */
function serializeError(error: Error): Record<string, unknown> {
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  return Object.fromEntries(Object.entries(serialized).map(([key, value]) => [key, typeof value === 'string' ? redactInteractionTokens(value) : value]));
}

/** Logs go to stderr, so `npm run ask -- --json` keeps stdout for its one JSON document. */
export function createLogger(level: string, destination: pino.DestinationStream = pino.destination({ fd: 2, sync: true })): Logger {
  return pino({ level, base: null, serializers: { err: serializeError } }, destination);
}
