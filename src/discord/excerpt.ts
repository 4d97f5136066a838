import type { Highlight } from '../core/answer/answer.ts';

/** A span of a result's text: [start, end). */
export interface TextWindow {
  start: number;
  end: number;
}

/** How much context to keep before the first match when a long excerpt is windowed. */
const LEAD_SHARE = 1 / 3;
/** How far a cut may move to land on a space rather than mid-word. */
const SNAP_REACH = 40;

/** Discord leaves URLs as written, escapes and all, so they are not escaped. */
const URL = /https?:\/\/\S+/gu;
/** Characters that open markdown, a mention or a timestamp anywhere in a line. */
const MARKDOWN_CHARACTER = /[\\*_~`|[\]<>#]/gu;
/** List and subtext markers, which only count at the start of a line. */
const BULLET = /^(\s*)([-+])/gmu;
const NUMBERED = /^(\s*\d+)\./gmu;

function escapeOutsideUrls(text: string): string {
  return text.replace(MARKDOWN_CHARACTER, '\\$&').replace(BULLET, '$1\\$2').replace(NUMBERED, '$1\\.');
}

/**
 * Escapes corpus text so that nothing in it is read as Discord markdown,
 * mention or timestamp: a backslash before each character that could be,
 * which Discord does not show. Written by hand because discord.js's
 * escapeMarkdown leaves the last characters of runs such as `****` or `____`
 * unescaped, and those would pair with the bold of highlighted words.
 */
export function escapeMarkdownText(text: string): string {
  let escaped = '';
  let cursor = 0;
  for (const match of text.matchAll(URL)) {
    escaped += escapeOutsideUrls(text.slice(cursor, match.index)) + match[0];
    cursor = match.index + match[0].length;
  }
  return escaped + escapeOutsideUrls(text.slice(cursor));
}

/**
 * The part of `text` to show when it is longer than `maxLength`: a window
 * around the first highlight, cut at spaces where one is near. The window is
 * a plain slice, so what is shown stays an exact substring of the file.
 */
export function excerptWindow(text: string, highlights: readonly Highlight[], maxLength: number): TextWindow {
  if (text.length <= maxLength) return { start: 0, end: text.length };
  const anchor = highlights[0] ?? { start: 0, end: 0 };
  let start = Math.max(0, Math.min(anchor.start - Math.floor(maxLength * LEAD_SHARE), text.length - maxLength));
  let end = start + maxLength;
  if (start > 0) {
    const space = text.slice(start, Math.min(anchor.start, start + SNAP_REACH)).search(/\s/u);
    if (space >= 0) start += space + 1;
  }
  if (end < text.length) {
    const space = text.slice(Math.max(anchor.end, end - SNAP_REACH), end).search(/\s\S*$/u);
    if (space >= 0) end = Math.max(anchor.end, end - SNAP_REACH) + space;
  }
  while (start < end && /\s/u.test(text[start] ?? '')) start += 1;
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end -= 1;
  return { start, end };
}

/**
 * Markdown for one excerpt: the window of corpus text escaped, its highlights
 * in bold, and … outside the text wherever the window cuts the excerpt.
 */
export function renderExcerpt(text: string, highlights: readonly Highlight[], maxLength: number): string {
  const window = excerptWindow(text, highlights, maxLength);
  const parts: string[] = [window.start > 0 ? '… ' : ''];
  let cursor = window.start;
  for (const highlight of highlights) {
    const start = Math.max(highlight.start, cursor);
    const end = Math.min(highlight.end, window.end);
    if (end <= start) continue;
    parts.push(escapeMarkdownText(text.slice(cursor, start)), '**', escapeMarkdownText(text.slice(start, end)), '**');
    cursor = end;
  }
  parts.push(escapeMarkdownText(text.slice(cursor, window.end)), window.end < text.length ? ' …' : '');
  return parts.join('');
}
