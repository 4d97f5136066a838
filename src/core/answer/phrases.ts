import type { Highlight } from './answer-schema.ts';
import { foldText, normalise } from '../text/text.ts';

/** The folded words of a typed phrase, as the tokeniser folds them ("Vasquez‑Thorne" → vasquez, thorne). */
export function phraseWords(phrase: string): string[] {
  return normalise(phrase)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/**
 * The words adjacent and in order, as whole words of folded text: separated
 * only by spaces, hyphens, dots, apostrophes or a comma ("Edward N. Lorenz"
 * needs its initial; "O'Brien" meets "O’Brien", "Roe‑Smith" "Roe Smith", and
 * "don't" the typed "don t").
 */
export function phrasePattern(words: readonly string[]): RegExp {
  const escaped = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped.join("[\\s.,'-]{1,3}")}(?![\\p{L}\\p{N}])`, 'gu');
}

/** Where a text holds the phrase, as spans of the text as written. */
export function findPhrase(text: string, pattern: RegExp): Highlight[] {
  const { folded, origin } = foldText(text);
  return [...folded.matchAll(pattern)].map((match) => ({
    start: origin[match.index] ?? 0,
    end: origin[match.index + match[0].length] ?? text.length,
  }));
}
