import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Answer, Result } from '../core/answer/answer.ts';
import { describeNothingFound, describePerson, describeRecurrences, describeWhen, formatCitation, PLAIN_PASSAGE_LABEL } from '../render-text.ts';
import { escapeMarkdownText, renderExcerpt } from './excerpt.ts';
import { clip, DISCORD_LIMITS } from './limits.ts';

/** One screen of a reply: the text above the embeds and the embeds. */
export interface ReplyPage {
  content: string;
  embeds: APIEmbed[];
}

/** Long excerpts are windowed to this many characters of corpus text. */
export const EXCERPT_MAX_CHARS = 800;
export const RESULTS_PER_PAGE = 5;
/** A citation is a line; a longer one is a metadata mistake, clipped rather than shown whole. */
const CITATION_MAX_CHARS = 500;
/** Queries and suggestions are the asker's words or index terms, shown only briefly. */
const QUERY_MAX_CHARS = 200;
export const EMBED_COLOR = 0x2f6f9f;

/** The characters Discord counts against the 6000 per message. */
export function embedLength(embed: APIEmbed): number {
  const fields = (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + fields + (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
}

function describeQuestion(answer: Answer): string {
  return `**/${answer.command}** ${escapeMarkdownText(clip(answer.query, QUERY_MAX_CHARS))}`.trim();
}

function resultFields(result: Result): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  if (result.speaker) fields.push({ name: 'Speaker', value: clip(escapeMarkdownText(result.speaker), DISCORD_LIMITS.fieldValue), inline: true });
  const when = describeWhen(result);
  if (when) fields.push({ name: 'When', value: clip(escapeMarkdownText(when), DISCORD_LIMITS.fieldValue), inline: true });
  const recurrences = describeRecurrences(result);
  if (recurrences) fields.push({ name: 'Also in', value: clip(recurrences, DISCORD_LIMITS.fieldValue), inline: true });
  if (result.passage) fields.push({ name: 'Passage', value: PLAIN_PASSAGE_LABEL, inline: true });
  return fields;
}

/**
 * One result as an embed: the excerpt (windowed, escaped, matches in bold),
 * then its citation in the footer, which Discord shows as plain text.
 */
export function renderResult(result: Result): APIEmbed {
  const fields = resultFields(result);
  return {
    color: EMBED_COLOR,
    description: renderExcerpt(result.text, result.highlights ?? [], EXCERPT_MAX_CHARS),
    ...(fields.length > 0 ? { fields } : {}),
    footer: { text: clip(formatCitation(result.source, result.paragraph), CITATION_MAX_CHARS) },
  };
}

/** Splits embeds into pages that respect the per-message limits; every page holds at least one. */
export function paginateEmbeds(embeds: readonly APIEmbed[], perPage: number): APIEmbed[][] {
  const pages: APIEmbed[][] = [];
  let page: APIEmbed[] = [];
  let total = 0;
  for (const embed of embeds) {
    const length = embedLength(embed);
    if (page.length > 0 && (page.length >= perPage || total + length > DISCORD_LIMITS.embedTotal)) {
      pages.push(page);
      page = [];
      total = 0;
    }
    page.push(embed);
    total += length;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/** The reply when nothing matched: says so, and offers the core's close matches. */
function renderNothingFound(answer: Answer): ReplyPage {
  const hint = answer.suggestions?.length ? '' : '\nTry fewer or other words, or /sources to see what the corpus holds.';
  return { content: clip(`${escapeMarkdownText(describeNothingFound(answer))}${hint}`, DISCORD_LIMITS.content), embeds: [] };
}

/** An answer as pages of embeds, each result an exact excerpt with its citation. */
export function renderAnswer(answer: Answer): ReplyPage[] {
  if (answer.results.length === 0) return [renderNothingFound(answer)];
  const pages = paginateEmbeds(answer.results.map(renderResult), RESULTS_PER_PAGE);
  const total = answer.results.length;
  let shown = 0;
  return pages.map((embeds, index) => {
    const first = shown + 1;
    shown += embeds.length;
    const range = first === shown ? `${first}` : `${first}–${shown}`;
    const page = pages.length > 1 ? ` · page ${index + 1} of ${pages.length}` : '';
    const person = describePerson(answer);
    const heading = person ? `\n${escapeMarkdownText(person)}` : '';
    return { content: clip(`${describeQuestion(answer)} · ${range} of ${total}${page}${heading}`, DISCORD_LIMITS.content), embeds };
  });
}
