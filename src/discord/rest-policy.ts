import { DiscordAPIError, RateLimitError, RESTJSONErrorCodes, SnowflakeUtil, type RateLimitData } from 'discord.js';

/** Discord forgets an interaction that is not acknowledged within 3 s of its creation. */
export const CALLBACK_DEADLINE_MS = 3000;
/**
 * Edits and follow-ups stay possible for the token's 15 minutes, but a wait
 * this long means Discord is in trouble and the asker has moved on.
 */
export const MAX_WEBHOOK_WAIT_MS = 60_000;

const CALLBACK_ROUTE = '/interactions/:id/:token/callback';
const INTERACTION_ID = /\/interactions\/(\d+)\//u;

/**
 * discord.js's `rejectOnRateLimit`: whether to give up on a rate-limited
 * request rather than wait `retryAfter` and send it again. A callback that
 * would arrive after the interaction's 3 s is useless, so it is dropped; the
 * interaction's creation time is read from its id (a snowflake), as
 * discord.js's own `createdTimestamp` does.
 */
export function giveUpOnRateLimit(limit: RateLimitData, now = Date.now()): boolean {
  if (limit.route !== CALLBACK_ROUTE) return limit.retryAfter > MAX_WEBHOOK_WAIT_MS;
  const id = INTERACTION_ID.exec(limit.url)?.[1];
  const createdAt = id ? SnowflakeUtil.timestampFrom(id) : now;
  return now + limit.retryAfter > createdAt + CALLBACK_DEADLINE_MS;
}

/** Discord's answers meaning this interaction's token can no longer carry any message. */
const DEAD_INTERACTION_CODES = new Set<unknown>([
  RESTJSONErrorCodes.UnknownInteraction, // not acknowledged within 3 s
  RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged, // an earlier attempt that timed out here did arrive
  RESTJSONErrorCodes.UnknownWebhook, // never acknowledged, so no follow-up either
  RESTJSONErrorCodes.InvalidWebhookToken, // the token's 15 minutes are over
]);

/**
 * Whether telling the asker about a failure is pointless: the interaction is
 * dead, or Discord rate-limits it beyond what is worth waiting for, in which
 * case a second message would only add to the load.
 */
export function cannotReachAsker(error: unknown): boolean {
  if (error instanceof RateLimitError) return true;
  return error instanceof DiscordAPIError && DEAD_INTERACTION_CODES.has(error.code);
}
