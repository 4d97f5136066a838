import { isParticle } from './name-lexicon.ts';
import { normalise } from '../text/text.ts';

const MAX_REMEMBERED = 200_000;

/**
 * Remembers a function of a word: a corpus repeats its names and words, and
 * folding them is the build's hottest step. Forgets all when full, so memory
 * stays bounded on any corpus.
 */
export function remembered<T>(compute: (surface: string) => T): (surface: string) => T {
  const memory = new Map<string, T>();
  return (surface) => {
    let value = memory.get(surface);
    if (value === undefined) {
      if (memory.size >= MAX_REMEMBERED) memory.clear();
      value = compute(surface);
      memory.set(surface, value);
    }
    return value;
  };
}

/** Plain ASCII letters, which `normalise` only lower-cases: most words, answered without a look-up. */
const ASCII_LETTERS = /^[A-Za-z]+$/u;
const foldRemembered = remembered(normalise);
const keyRemembered = remembered((surface) => foldWord(surface).replace(/[\s'.-]/gu, ''));

/** `normalise` for a word or a short phrase, remembered. */
export function foldWord(surface: string): string {
  return ASCII_LETTERS.test(surface) ? surface.toLowerCase() : foldRemembered(surface);
}

/**
 * A name word folded for comparison: case, diacritics, dashes, apostrophes,
 * spaces and dots gone, so "al‑Hayya" (U+2011), "al-Hayya" and "Al Hayya"
 * meet on "alhayya".
 */
export function wordKey(surface: string): string {
  return ASCII_LETTERS.test(surface) ? surface.toLowerCase() : keyRemembered(surface);
}

/** The keys a surname is known by: whole, and without a leading particle ("al‑Hayya" → "alhayya", "hayya"). Shared: do not change it. */
export const surnameKeys = remembered((surface): readonly string[] => {
  const keys = [wordKey(surface)];
  const words = foldWord(surface).split(/[\s'-]+/u);
  let first = 0;
  while (first < words.length - 1 && isParticle(words[first] ?? '')) first += 1;
  if (first > 0) keys.push(wordKey(words.slice(first).join(' ')));
  return keys;
});

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
