import { tokenize } from './text.ts';

/** A word of a text as written, with its folded term from the shared tokeniser. */
export interface Word {
  start: number;
  end: number;
  term: string;
  /** Written with a capital first letter: a name, a title or a sentence start. */
  capitalised: boolean;
}

/**
 * The words of a text, one per written word: the shared tokeniser also yields
 * the parts of a hyphenated word ("Ben", "Gvir" of "Ben-Gvir"), which are
 * dropped here so that a name stays one word.
 */
export function splitWords(text: string): Word[] {
  const tokens = tokenize(text);
  const words: Word[] = [];
  for (const token of tokens) {
    const last = words.at(-1);
    if (last && token.start >= last.start && token.end <= last.end) continue;
    while (words.length > 0 && (words.at(-1) as Word).start >= token.start && (words.at(-1) as Word).end <= token.end) words.pop();
    words.push({ start: token.start, end: token.end, term: token.term, capitalised: /^\p{Lu}/u.test(text[token.start] ?? '') });
  }
  return words;
}
