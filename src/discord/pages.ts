import { ActionRowBuilder, ButtonBuilder, ButtonStyle, type ButtonInteraction } from 'discord.js';
import type { ReplyPage } from './render-answer.ts';
import { NO_MENTIONS, privately } from './reply.ts';

/** A paged reply the bot remembers so its buttons can turn pages until it expires. */
export interface PagedReply {
  ownerId: string;
  pages: readonly ReplyPage[];
}

/** Discord allows editing a reply for 15 minutes, so pages expire well before that. */
export const DEFAULT_PAGE_LIFETIME_MS = 10 * 60 * 1000;

/**
 * Paged replies kept at most: under sustained load (50 answers a second for
 * the 10 minutes they live) the oldest give way, so memory stays bounded.
 */
export const MAX_KEPT_REPLIES = 2000;

const PAGE_BUTTON = /^page:(\d+):(-?\d+)$/u;

/** A button's custom id names the reply (its interaction id) and the page it shows. */
export function pageButtonId(replyId: string, page: number): string {
  return `page:${replyId}:${page}`;
}

export function parsePageButtonId(customId: string): { replyId: string; page: number } | undefined {
  const match = PAGE_BUTTON.exec(customId);
  return match?.[1] && match[2] ? { replyId: match[1], page: Number(match[2]) } : undefined;
}

/** Previous and Next, disabled at either end. */
export function pageControls(replyId: string, page: number, count: number): ActionRowBuilder<ButtonBuilder> {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(pageButtonId(replyId, page - 1)).setLabel('Previous').setStyle(ButtonStyle.Secondary).setDisabled(page <= 0),
    new ButtonBuilder().setCustomId(pageButtonId(replyId, page + 1)).setLabel('Next').setStyle(ButtonStyle.Secondary).setDisabled(page >= count - 1),
  );
}

/**
 * Paged replies by id, each forgotten after its lifetime or when more than
 * `maxKept` are newer, when its `expire` callback removes the buttons from
 * the message.
 */
export class PageStore {
  readonly #replies = new Map<string, PagedReply & { timer: NodeJS.Timeout; expire: () => Promise<void> }>();

  constructor(
    readonly lifetimeMs: number = DEFAULT_PAGE_LIFETIME_MS,
    readonly maxKept: number = MAX_KEPT_REPLIES,
  ) {}

  get size(): number {
    return this.#replies.size;
  }

  keep(replyId: string, reply: PagedReply, expire: () => Promise<void>): void {
    const timer = setTimeout(() => this.forget(replyId), this.lifetimeMs);
    // Pending expiries must not keep a stopping bot alive.
    timer.unref();
    this.#replies.set(replyId, { ...reply, timer, expire });
    // A Map iterates in insertion order, so the first key is the oldest reply.
    const oldest = this.#replies.keys().next().value;
    if (this.#replies.size > this.maxKept && oldest !== undefined) this.forget(oldest);
  }

  private forget(replyId: string): void {
    const reply = this.#replies.get(replyId);
    if (!reply) return;
    clearTimeout(reply.timer);
    this.#replies.delete(replyId);
    void reply.expire();
  }

  get(replyId: string): PagedReply | undefined {
    return this.#replies.get(replyId);
  }

  clear(): void {
    for (const reply of this.#replies.values()) clearTimeout(reply.timer);
    this.#replies.clear();
  }
}

/**
 * A button press: only the asker may turn the pages, and only until they
 * expire. The bot's only buttons are pages, so any other is an old one.
 */
export async function turnPage(interaction: ButtonInteraction, store: PageStore): Promise<void> {
  const target = parsePageButtonId(interaction.customId);
  const reply = target && store.get(target.replyId);
  const page = target && reply?.pages[target.page];
  if (!target || !reply || !page) {
    await interaction.reply(privately('These buttons have expired. Run the command again to see the results.'));
    return;
  }
  if (interaction.user.id !== reply.ownerId) {
    await interaction.reply(privately('Only the person who asked can turn these pages. Run the command yourself to browse the results.'));
    return;
  }
  const controls = pageControls(target.replyId, target.page, reply.pages.length);
  await interaction.update({ ...page, components: [controls], allowedMentions: NO_MENTIONS });
}
