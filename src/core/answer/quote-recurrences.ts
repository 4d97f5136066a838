import { type Library, quotationText } from '../library/library.ts';
import { terms } from '../text/text.ts';
import { documentPassages, inPassages } from '../passage-order.ts';
import type { Quotation } from '../types.ts';

/** A quotation shorter than this may recur as an ordinary phrase ("we'll see"); from it on, a contained repeat is a pull quote. */
const PULL_QUOTE_MIN_WORDS = 5;

/** A quotation's words, folded, marks and punctuation left out: what a pull quote keeps of it. */
function wordsOf(library: Library, quotation: Quotation): string {
  return terms(quotationText(library.documentsByFile, quotation)).join(' ');
}

/** Whether two quotations' words are the same, or one holds the other whole and is long enough to be the same saying. */
function sameSaying(words: string, other: string): boolean {
  if (words === other) return true;
  const [shorter, longer] = words.length < other.length ? [words, other] : [other, words];
  return shorter.split(' ').length >= PULL_QUOTE_MIN_WORDS && ` ${longer} `.includes(` ${shorter} `);
}

/**
 * Every occurrence in its document of the saying a quotation quotes — a
 * pull quote repeats a quotation of the body, with or without its marks —
 * in text order: the first is where to cite it.
 */
export function occurrencesOf(library: Library, quotation: Quotation): Quotation[] {
  const words = wordsOf(library, quotation);
  return quotationsOfDocument(library, quotation)
    .filter((other) => other === quotation || sameSaying(words, wordsOf(library, other)))
    .sort((a, b) => a.start - b.start);
}

/**
 * The quotations of a quotation's document: a document's passages have
 * consecutive ids and quotations are listed in passage order, so they are
 * found by binary search rather than by reading every quotation of the corpus.
 */
function quotationsOfDocument(library: Library, quotation: Quotation): Quotation[] {
  const { first, last } = documentPassages(library.passages, quotation.passageId);
  return inPassages(library.quotations, first, last);
}
