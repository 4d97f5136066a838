import { splitSentences } from '../text/text.ts';

/** A run of text between quotation marks (double, or single where they can be told from apostrophes), in offsets local to its paragraph. */
export interface MarkedSpan {
  /** At the opening mark, or where the text starts when the opening mark was lost. */
  start: number;
  /** After the closing mark, or at the paragraph's end when the quotation runs on. */
  end: number;
  /** False when only the closing mark is there: its opening mark was lost in scraping. */
  opened: boolean;
  /** False when the paragraph ends inside the quotation: news style continues it in the next one. */
  closed: boolean;
}

/** Glyphs that say which way a double mark faces; for a pair of single marks (‘‘, ’’, ``), its last glyph. */
const OPENING_GLYPHS = new Set(['“', '„', '‟', '‘', '`']);
const CLOSING_GLYPHS = new Set(['”', '’']);
const BEFORE_OPENING = /[\s([{\u2014\u2013\-/]/u;
const AFTER_CLOSING = /[\s.,;:!?)\]}\u2014\u2013\-…]/u;

type MarkRole = 'open' | 'close' | 'either';

/**
 * Whether a double mark opens or closes, from what stands on either side of
 * it, and from its glyph when the sides do not tell: scraped text mixes
 * curly and straight marks and sometimes turns a curly one the wrong way.
 */
function markRole(text: string, index: number, length: number): MarkRole {
  const before = text[index - 1];
  const after = text[index + length];
  const canOpen = after !== undefined && !/\s/u.test(after) && (before === undefined || BEFORE_OPENING.test(before));
  const canClose = before !== undefined && !/\s/u.test(before) && (after === undefined || AFTER_CLOSING.test(after));
  const glyph = text[index + length - 1] ?? '';
  if (canOpen && !canClose) return 'open';
  if (canClose && !canOpen) return 'close';
  if (OPENING_GLYPHS.has(glyph)) return 'open';
  if (CLOSING_GLYPHS.has(glyph)) return 'close';
  return 'either';
}

/** A double mark, or two single marks standing for one (wire copy closes quotations with ’’ or '', and typewriter style opens them with ``). */
const DOUBLE_MARK = /["“”„‟]|[‘’'`]{2}(?![‘’'`])/gu;

/** Where a quotation whose opening mark was lost begins: the first sentence after the previous quotation, or the paragraph's start. */
function lostOpeningStart(text: string, previousEnd: number): number {
  if (previousEnd === 0) return 0;
  const sentence = splitSentences(text).find((span) => span.start >= previousEnd);
  return sentence?.start ?? previousEnd;
}

/**
 * The spans between quotation marks in one paragraph: double marks, and
 * single marks (British style) outside them. Single marks inside a
 * double-quoted span are a nested quotation and stay part of it.
 */
export function findMarkedSpans(text: string): MarkedSpan[] {
  const double = findDoubleSpans(text);
  const single = findSingleSpans(text, double).filter((span) => !double.some((other) => overlapsPartly(span, other)));
  const outer = double.filter((span) => !single.some((other) => other.start <= span.start && span.end <= other.end));
  return [...outer, ...single].sort((a, b) => a.start - b.start);
}

const overlapsPartly = (a: MarkedSpan, b: MarkedSpan): boolean =>
  a.start < b.end && b.start < a.end && !(a.start <= b.start && b.end <= a.end) && !(b.start <= a.start && a.end <= b.end);

function findDoubleSpans(text: string): MarkedSpan[] {
  const spans: MarkedSpan[] = [];
  let openAt: number | undefined;
  for (const mark of text.matchAll(DOUBLE_MARK)) {
    const index = mark.index;
    const end = index + mark[0].length;
    const role = markRole(text, index, mark[0].length);
    if (openAt === undefined && role !== 'close') {
      openAt = index;
    } else if (openAt !== undefined && role !== 'open') {
      spans.push({ start: openAt, end, opened: true, closed: true });
      openAt = undefined;
    } else if (openAt !== undefined) {
      // Two opening marks in a row: the first lost its closing mark, so where it ends is unknown.
      openAt = index;
    } else {
      const start = lostOpeningStart(text, spans.at(-1)?.end ?? 0);
      if (start < index) spans.push({ start, end, opened: false, closed: true });
    }
  }
  if (openAt !== undefined) spans.push({ start: openAt, end: text.trimEnd().length, opened: true, closed: false });
  return spans;
}

const SINGLE_MARK = /['‘’]/gu;
/** An elided year or word after a mark that only looks like an opening one: ’90s, '19, ’em, ’til. */
const ELISION = /^(?:\d\d(?:s\b|\b)|(?:em|til|tis|twas|cause|n)\b)/iu;
/** Punctuation a quotation ends with right before its closing mark, or right after it. */
const PUNCTUATED_CLOSE_BEFORE = /[.,!?…]/u;
const PUNCTUATED_CLOSE_AFTER = /[.,;:!?…)]/u;

/**
 * Single-mark quotations. A single mark between two letters or digits is an
 * apostrophe (don’t, Roe’s); one that opens follows the paragraph's start, a
 * space, a bracket or a dash and precedes a word that is not an elision;
 * one that closes follows a non-space and precedes the end, a space or
 * punctuation. Of the closing candidates before the next opening one, the
 * first that punctuation stands beside wins, since a plural possessive
 * ("the players’ union") looks like a closing mark too. An opening mark with
 * no closing one is left alone: unlike double marks, a lone single mark is
 * more often an apostrophe than a quotation running on.
 */
function findSingleSpans(text: string, double: readonly MarkedSpan[]): MarkedSpan[] {
  const insideDouble = (index: number): boolean => double.some((span) => index >= span.start && index < span.end);
  const opens: number[] = [];
  const closes: number[] = [];
  for (const mark of text.matchAll(SINGLE_MARK)) {
    const index = mark.index;
    if (insideDouble(index)) continue;
    const before = text[index - 1];
    const after = text[index + 1];
    if (before !== undefined && after !== undefined && /[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after)) continue;
    const canOpen = mark[0] !== '’' && after !== undefined && !/\s/u.test(after) && (before === undefined || BEFORE_OPENING.test(before)) && !ELISION.test(text.slice(index + 1));
    const canClose = mark[0] !== '‘' && before !== undefined && !/\s/u.test(before) && (after === undefined || AFTER_CLOSING.test(after));
    if (canOpen) opens.push(index);
    else if (canClose) closes.push(index);
  }
  const spans: MarkedSpan[] = [];
  opens.forEach((open, position) => {
    if (open < (spans.at(-1)?.end ?? 0)) return;
    const limit = opens[position + 1] ?? text.length;
    const candidates = closes.filter((close) => close > open + 1 && close < limit);
    const punctuated = candidates.find((close) => PUNCTUATED_CLOSE_BEFORE.test(text[close - 1] ?? '') || PUNCTUATED_CLOSE_AFTER.test(text[close + 1] ?? ''));
    const close = punctuated ?? candidates[0];
    if (close !== undefined) spans.push({ start: open, end: close + 1, opened: true, closed: true });
  });
  return spans;
}
