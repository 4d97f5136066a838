import { isParticle } from './name-lexicon.ts';
import { normalise } from './text.ts';

/** Folded words met so far: a corpus repeats its names, and folding is the build's hottest step. */
const foldedWords = new Map<string, string>();
const MAX_REMEMBERED = 200_000;

/** `normalise` for a word or a short phrase, remembered. */
export function foldWord(surface: string): string {
  let folded = foldedWords.get(surface);
  if (folded === undefined) {
    if (foldedWords.size >= MAX_REMEMBERED) foldedWords.clear();
    folded = normalise(surface);
    foldedWords.set(surface, folded);
  }
  return folded;
}

/**
 * A name word folded for comparison: case, diacritics, dashes, apostrophes,
 * spaces and dots gone, so "al‑Hayya" (U+2011), "al-Hayya" and "Al Hayya"
 * meet on "alhayya".
 */
export function wordKey(surface: string): string {
  return foldWord(surface).replace(/[\s'.-]/gu, '');
}

/** The keys a surname is known by: whole, and without a leading particle ("al‑Hayya" → "alhayya", "hayya"). */
export function surnameKeys(surface: string): string[] {
  const keys = [wordKey(surface)];
  const words = foldWord(surface).split(/[\s'-]+/u);
  let first = 0;
  while (first < words.length - 1 && isParticle(words[first] ?? '')) first += 1;
  if (first > 0) keys.push(wordKey(words.slice(first).join(' ')));
  return keys;
}

/** Two given names are one person's when equal, or when one is the other's initial ("D." and "David"). */
export function givenNamesAgree(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length === 1 && long.startsWith(short);
}

/** The most letters a rare spelling may differ by from a common one and still be a slip ("Liftshitz"/"Lifshitz"). */
export function typoAllowance(key: string): number {
  if (key.length < 5) return 0;
  return key.length < 8 ? 1 : 2;
}
