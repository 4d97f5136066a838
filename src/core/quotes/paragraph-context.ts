import { findMarkedSpans, type MarkedSpan } from './quote-marks.ts';
import { splitSentences, type Span, splitWords, type Word } from '../text/text.ts';

/**
 * One body paragraph, read once for every quotation in it: offsets are local
 * to `text`. Words and sentences are worked out only when first asked for:
 * most paragraphs hold no quotation and are never read that closely.
 */
export interface ParagraphContext {
  file: string;
  paragraph: number;
  /** Where `text` starts in the file. */
  offset: number;
  text: string;
  spans: MarkedSpan[];
  readonly words: Word[];
  readonly sentences: Span[];
  /** For each word, whether it stands inside a marked span (quoted words are never attribution). */
  readonly quoted: boolean[];
}

export function readParagraph(file: string, paragraph: number, offset: number, text: string): ParagraphContext {
  const spans = findMarkedSpans(text);
  let words: Word[] | undefined;
  let sentences: Span[] | undefined;
  let quoted: boolean[] | undefined;
  return {
    file,
    paragraph,
    offset,
    text,
    spans,
    get words() {
      words ??= splitWords(text);
      return words;
    },
    get sentences() {
      sentences ??= splitSentences(text);
      return sentences;
    },
    get quoted() {
      quoted ??= this.words.map((word) => spans.some((span) => word.start >= span.start && word.end <= span.end));
      return quoted;
    },
  };
}

/** The text between two words (or before the first, after the last). */
export function gapBefore(context: ParagraphContext, index: number): string {
  const word = context.words[index];
  const previous = context.words[index - 1];
  return context.text.slice(previous?.end ?? 0, word?.start ?? context.text.length);
}

/** Whether a quotation mark opens or closes a span between word `index` and the word before it. */
export function spanEdgeBefore(context: ParagraphContext, index: number): boolean {
  const from = context.words[index - 1]?.end ?? 0;
  const to = context.words[index]?.start ?? context.text.length;
  return context.spans.some((span) => (span.start >= from && span.start < to) || (span.end > from && span.end <= to));
}

/** The start of the sentence that holds `offset`. */
export function sentenceStartAt(context: ParagraphContext, offset: number): number {
  let start = 0;
  for (const sentence of context.sentences) {
    if (sentence.start > offset) break;
    start = sentence.start;
  }
  return start;
}

/** The index of the first word at or after `offset`, or words.length. */
export function wordIndexAt(context: ParagraphContext, offset: number): number {
  const index = context.words.findIndex((word) => word.start >= offset);
  return index === -1 ? context.words.length : index;
}
