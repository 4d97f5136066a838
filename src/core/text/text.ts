/**
 * The one normaliser and tokeniser, shared by the index, the queries and every
 * analyser, so that "al-Hayya", "al‑Hayya" (U+2011) and "Khalil al-Hayya"
 * (U+202F) all meet on the same terms.
 *
 * Written by hand because no library folds typographic dashes, spaces and
 * quotes while keeping each token's offsets in the original text, which the
 * answers need to cite exact substrings and highlight matches.
 */

/** A word of the text: its folded term and where it stands in the original. */
export interface Token {
  term: string;
  start: number;
  end: number;
}

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/u;
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/u;
/** Soft hyphens and zero-width characters vanish, joining the word around them. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/u;
const APOSTROPHES = /[\u2018\u2019\u201A\u201B\u02BC\u2032\uFF07`\u00B4]/u;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\uFF02]/u;
const COMBINING_MARKS = /\p{M}/gu;
/** Letters that Unicode decomposition leaves whole, written plain in English text: "Kjær" is typed "Kjaer", "Łukasz" "Lukasz". */
const PLAIN_LETTERS: Readonly<Record<string, string>> = { æ: 'ae', œ: 'oe', ø: 'o', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h' };

function foldCharacter(character: string): string {
  if (INVISIBLE.test(character)) return '';
  if (DASHES.test(character)) return '-';
  if (SPACES.test(character)) return ' ';
  if (APOSTROPHES.test(character)) return "'";
  if (DOUBLE_QUOTES.test(character)) return '"';
  const folded = character.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
  return PLAIN_LETTERS[folded] ?? folded;
}

/** Folded text plus, for each folded UTF-16 unit, the offset it came from. */
export interface FoldedText {
  folded: string;
  /** origin[i] is the original offset of folded[i]; origin[folded.length] is the text's length. */
  origin: number[];
}

/** Folds case, diacritics, dashes, spaces, quotes and invisible characters, keeping offsets. */
export function foldText(text: string): FoldedText {
  const parts: string[] = [];
  const origin: number[] = [];
  let offset = 0;
  while (offset < text.length) {
    const code = text.charCodeAt(offset);
    // Most news text is ASCII: fold it without regular expressions or normalisation.
    if (code < 0x80 && code !== 0x60) {
      parts.push(code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : text[offset] as string);
      origin.push(offset);
      offset += 1;
      continue;
    }
    const character = String.fromCodePoint(text.codePointAt(offset) as number);
    const replacement = foldCharacter(character);
    for (let i = 0; i < replacement.length; i += 1) origin.push(offset);
    parts.push(replacement);
    offset += character.length;
  }
  origin.push(text.length);
  return { folded: parts.join(''), origin };
}

/** The folded form of a string, for comparing names and phrases. */
export function normalise(text: string): string {
  return foldText(text).folded.replace(/\s+/g, ' ').trim();
}

const WORD = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*'?/gu;
const POSSESSIVE = /'s?$/u;
/** En and em dashes fold to "-" like hyphens, but between words they separate rather than join. */
const SEPARATING_DASH = /[\u2013-\u2015]/u;

/**
 * Splits text into folded terms with their original offsets. A hyphenated word
 * yields its parts and the joined compound, so "cease-fire" meets "ceasefire";
 * possessives drop their "'s"; inner apostrophes and abbreviation dots vanish
 * ("U.S." → "us").
 */
export function tokenize(text: string): Token[] {
  const { folded, origin } = foldText(text);
  const tokens: Token[] = [];
  const at = (index: number): number => origin[index] ?? text.length;
  const pushCompound = (word: string, start: number): void => {
    const parts = word.split('-');
    let partStart = start;
    for (const part of parts) {
      const term = part.replace(/['.]/g, '');
      if (term !== '') tokens.push({ term, start: at(partStart), end: at(partStart + part.length) });
      partStart += part.length + 1;
    }
    const compound = parts.join('').replace(/['.]/g, '');
    if (parts.length > 1 && compound !== '') {
      tokens.push({ term: compound, start: at(start), end: at(start + word.length) });
    }
  };
  for (const match of folded.matchAll(WORD)) {
    const word = match[0].replace(POSSESSIVE, '');
    let groupStart = 0;
    for (let i = 0; i <= word.length; i += 1) {
      const atEnd = i === word.length;
      if (!atEnd && !(word[i] === '-' && SEPARATING_DASH.test(text[at(match.index + i)] ?? ''))) continue;
      if (i > groupStart) pushCompound(word.slice(groupStart, i), match.index + groupStart);
      groupStart = i + 1;
    }
  }
  return tokens;
}

/** The folded terms of a text, in order. */
export function terms(text: string): string[] {
  return tokenize(text).map((token) => token.term);
}

const STOP_WORDS = new Set(
  `a an and are as at be been but by did do does for from had has have he her his how i if in into is it its
  me my of on or our she so than that the their them then there these they this those to was we were what when
  where which who whom why will with would you your`.split(/\s+/),
);

/** Words too common to rank or highlight by. */
export function isStopWord(term: string): boolean {
  return STOP_WORDS.has(term);
}

/** Abbreviated titles written with a period next to a name ("Mr. Witkoff", "Sen. Whitfield", "Jr."). */
const TITLE_ABBREVIATIONS = ['Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'St', 'Gen', 'Lt', 'Col', 'Capt', 'Sgt', 'Sen', 'Rep', 'Gov', 'Pres', 'Jr', 'Sr', 'Rev', 'Hon'];
const FOLDED_TITLE_ABBREVIATIONS = new Set(TITLE_ABBREVIATIONS.map((abbreviation) => abbreviation.toLowerCase()));

/** Whether a folded word is an abbreviated title, whose period ends no sentence. */
export function isTitleAbbreviation(term: string): boolean {
  return FOLDED_TITLE_ABBREVIATIONS.has(term);
}

/**
 * Abbreviations after which a period does not end a sentence: the titles, the
 * months, a few others and initials. Hand-written because V8's
 * Intl.Segmenter does not expose ICU's sentence-break suppressions, so it
 * splits "Mr. Trump" after "Mr.".
 */
const NON_TERMINAL_ABBREVIATION = new RegExp(
  `(?:^|[\\s(“"'‘])(?:${TITLE_ABBREVIATIONS.join('|')}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|vs|etc|[A-Z](?:\\.[A-Z])*)\\.\\s*$`,
  'u',
);

/**
 * "at 10 a.m. Friday, Dec. 6": a clock time's abbreviation followed by the day
 * it falls on (news writes the time first) ends no sentence.
 */
const CLOCK_ABBREVIATION_END = /\b[ap]\.m\.\s*$/iu;
const DAY_AFTER_A_CLOCK = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/u;

/** A sentence's span within a text. */
export interface Span {
  start: number;
  end: number;
}

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Sentence spans of a text, trailing whitespace excluded, abbreviations kept whole. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let pending: Span | undefined;
  for (const segment of sentenceSegmenter.segment(text)) {
    const start = pending?.start ?? segment.index;
    const end = segment.index + segment.segment.length;
    const sentence = text.slice(start, end);
    const nextCharacter = text[end] ?? '';
    const continues =
      (NON_TERMINAL_ABBREVIATION.test(sentence) && /[\p{Lu}\p{N}]/u.test(nextCharacter)) ||
      (CLOCK_ABBREVIATION_END.test(sentence) && DAY_AFTER_A_CLOCK.test(text.slice(end)));
    if (continues) {
      pending = { start, end };
      continue;
    }
    pending = undefined;
    spans.push(trimSpan(text, { start, end }));
  }
  if (pending) spans.push(trimSpan(text, pending));
  return spans.filter((span) => span.end > span.start);
}

/** Narrows a span so it neither starts nor ends with whitespace. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/u.test(text[start] ?? '')) start += 1;
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end -= 1;
  return { start, end };
}

export { splitWords, type Word } from './words.ts';
