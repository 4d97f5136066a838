import type { APIEmbed } from 'discord.js';
import { expect } from 'vitest';
import { DISCORD_LIMITS } from '../../src/discord/limits.ts';
import { embedLength } from '../../src/discord/render-answer.ts';
import type { RecordedRequest } from './discord-emulator.ts';

/** A message body the bot sent: content, embeds, components, flags, allowed mentions. */
export interface MessageBody {
  content?: string;
  embeds?: APIEmbed[];
  components?: { components: { custom_id?: string; label?: string; disabled?: boolean }[] }[];
  flags?: number;
  allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[] };
}

/** The message in a request, if it carries one (a reply, an update, an edit or a follow-up). */
export function messageOf(request: RecordedRequest): MessageBody | undefined {
  const body = request.body as { type?: number; data?: MessageBody } | MessageBody | undefined;
  if (request.path.endsWith('/callback')) {
    const callback = body as { type?: number; data?: MessageBody };
    return callback.type === 4 || callback.type === 7 ? callback.data : undefined;
  }
  if (request.path.startsWith('/webhooks/') && (request.method === 'PATCH' || request.method === 'POST')) return body as MessageBody;
  return undefined;
}

export const EPHEMERAL = 64;

/** Every Discord limit on a message, and no mention parsed. */
export function expectSendable(message: MessageBody): void {
  expect(message.allowed_mentions).toEqual({ parse: [] });
  expect(message.content?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  const embeds = message.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embeds);
  expect(embeds.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
  for (const embed of embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.footerText);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedFields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
    }
  }
}

/** Every message the bot sent so far respects the limits and pings nobody. */
export function expectEveryMessageSendable(requests: readonly RecordedRequest[]): number {
  const messages = requests.map(messageOf).filter((message): message is MessageBody => message !== undefined);
  for (const message of messages) expectSendable(message);
  return messages.length;
}

/**
 * What Discord shows for a piece of markdown the bot wrote: backslash escapes
 * resolved and the bold markers of highlights removed.
 */
export function shownText(markdown: string): string {
  let shown = '';
  for (let index = 0; index < markdown.length; index += 1) {
    const character = markdown[index];
    if (character === '\\' && index + 1 < markdown.length) {
      index += 1;
      shown += markdown[index];
    } else if (character === '*' && markdown[index + 1] === '*') {
      index += 1;
    } else {
      shown += character;
    }
  }
  return shown;
}

/** The corpus text of an excerpt as shown, without the … that marks a cut. */
export function excerptText(description: string): string {
  return shownText(description).replace(/^… /u, '').replace(/ …$/u, '');
}

export function buttonsOf(message: MessageBody | undefined): { custom_id?: string; label?: string; disabled?: boolean }[] {
  return (message?.components ?? []).flatMap((row) => row.components);
}
