import { MessageFlags, type InteractionReplyOptions, type MessageMentionOptions } from 'discord.js';
import { clip, DISCORD_LIMITS } from './limits.ts';

/**
 * Set on every message (and as the client's default): nothing the bot sends
 * pings anyone, whatever a corpus line or a query contains.
 */
export const NO_MENTIONS = { parse: [] } satisfies MessageMentionOptions;

/** A short reply only the asker sees. */
export function privately(content: string): InteractionReplyOptions & { flags: MessageFlags.Ephemeral } {
  return { content: clip(content, DISCORD_LIMITS.content), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS };
}
