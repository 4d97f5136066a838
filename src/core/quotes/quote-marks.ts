import { splitSentences } from '../text/text.ts';

/** A run of text between double quotation marks, in offsets local to its paragraph. */
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

const OPENING_GLYPHS = new Set(['“', '„', '‟']);
const CLOSING_GLYPHS = new Set(['”']);
const BEFORE_OPENING = /[\s([{\u2014\u2013\-/]/u;
const AFTER_CLOSING = /[\s.,;:!?)\]}\u2014\u2013\-…]/u;

type MarkRole = 'open' | 'close' | 'either';

/**
 * Whether a double mark opens or closes, from what stands on either side of
 * it, and from its glyph when the sides do not tell: scraped text mixes
 * curly and straight marks and sometimes turns a curly one the wrong way.
 */
function markRole(text: string, index: number): MarkRole {
  const before = text[index - 1];
  const after = text[index + 1];
  const canOpen = after !== undefined && !/\s/u.test(after) && (before === undefined || BEFORE_OPENING.test(before));
  const canClose = before !== undefined && !/\s/u.test(before) && (after === undefined || AFTER_CLOSING.test(after));
  const glyph = text[index] ?? '';
  if (canOpen && !canClose) return 'open';
  if (canClose && !canOpen) return 'close';
  if (OPENING_GLYPHS.has(glyph)) return 'open';
  if (CLOSING_GLYPHS.has(glyph)) return 'close';
  return 'either';
}

const DOUBLE_MARK = /["“”„‟]/gu;

/** Where a quotation whose opening mark was lost begins: the first sentence after the previous quotation, or the paragraph's start. */
function lostOpeningStart(text: string, previousEnd: number): number {
  if (previousEnd === 0) return 0;
  const sentence = splitSentences(text).find((span) => span.start >= previousEnd);
  return sentence?.start ?? previousEnd;
}

/**
 * The spans between double quotation marks in one paragraph. Single marks
 * are left alone: inside a double-quoted span they are a nested quotation,
 * and elsewhere they are far more often apostrophes than quotation marks.
 */
export function findMarkedSpans(text: string): MarkedSpan[] {
  const spans: MarkedSpan[] = [];
  let openAt: number | undefined;
  for (const mark of text.matchAll(DOUBLE_MARK)) {
    const index = mark.index;
    const role = markRole(text, index);
    if (openAt === undefined && role !== 'close') {
      openAt = index;
    } else if (openAt !== undefined && role !== 'open') {
      spans.push({ start: openAt, end: index + 1, opened: true, closed: true });
      openAt = undefined;
    } else if (openAt !== undefined) {
      // Two opening marks in a row: the first lost its closing mark, so where it ends is unknown.
      openAt = index;
    } else {
      const start = lostOpeningStart(text, spans.at(-1)?.end ?? 0);
      if (start < index) spans.push({ start, end: index + 1, opened: false, closed: true });
    }
  }
  if (openAt !== undefined) spans.push({ start: openAt, end: text.trimEnd().length, opened: true, closed: false });
  return spans;
}
