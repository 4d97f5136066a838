import {
  isAppositiveOpener,
  isHonorific,
  isKinshipNoun,
  isRoleNoun,
  isSentenceOpener,
  isSpeechVerb,
  isTitleHead,
  isTitleLink,
  isTitleModifier,
} from './name-lexicon.ts';
import { foldWord, remembered } from './name-keys.ts';
import type { Span } from '../text/text.ts';

/** How a passage says who a person is. */
export type DescriptionKind = 'appositive' | 'title';

/** A span of a passage's text that says who the person named beside it is. */
export interface DescriptionSpan extends Span {
  kind: DescriptionKind;
}

/** A word of running text with its offsets, punctuation inside it kept ("U.S.", "son‑in‑law", "Hamas’"). */
interface Word extends Span {
  surface: string;
  folded: string;
}

const WORD_CHARACTERS = /[\p{L}\p{M}\p{N}'’.\u2010\u2011-]/u;

/** Whether a character belongs to a word: ASCII decided by its code, the rest by Unicode class. */
function isWordCharacter(character: string | undefined): boolean {
  if (character === undefined) return false;
  const code = character.charCodeAt(0);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x27 || code === 0x2e || code === 0x2d;
  return WORD_CHARACTERS.test(character);
}

const isSpace = (character: string | undefined): boolean => character === ' ' || character === '\u00A0' || character === '\u202F' || character === '\t';
/** Ends an appositive: a clause's punctuation, or a full stop that is not an initial's ("U.S." goes on). */
const APPOSITIVE_END =
  /[,;:!?()\u2014\u2013"“”]|(?<![\s.]\p{Lu}|^\p{Lu}|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Lt|Col|Sen|Rep|Gov|Prof|Rev|Capt|Sgt|Inc|Ltd|Co|Corp|No|vs))\.(?=\s|$)/u;
const MAX_APPOSITIVE_WORDS = 25;
const ARTICLE_BEFORE = /(?<!\p{L})(?:the|a|an)[ \u00A0\u202F]+$/iu;
const MAX_ROLE_DEPTH = 8;

/** A word folded, its possessive and a final full stop left off ("Hamas’" → "hamas", "negotiator." → "negotiator"). */
const bareWord = remembered((surface) => foldWord(surface).replace(/(?:'s|')$/u, '').replace(/\.$/u, ''));

function wordAt(text: string, start: number, end: number): Word {
  const surface = text.slice(start, end);
  return { start, end, surface, folded: bareWord(surface) };
}

/** Up to `max` words before `position`, nearest first, stopping at any punctuation between words. */
export function wordsBefore(text: string, position: number, max: number): Word[] {
  const found: Word[] = [];
  let cursor = position;
  while (found.length < max) {
    let end = cursor;
    while (end > 0 && isSpace(text[end - 1])) end -= 1;
    if (end === cursor && found.length > 0) break;
    let start = end;
    while (start > 0 && isWordCharacter(text[start - 1])) start -= 1;
    if (start === end) break;
    found.push(wordAt(text, start, end));
    cursor = start;
  }
  return found;
}

/** Words of a span of text, in order. */
function wordsIn(text: string, start: number, end: number): Word[] {
  const found: Word[] = [];
  for (const match of text.slice(start, end).matchAll(/[\p{L}\p{M}\p{N}'’.\u2010\u2011-]+/gu)) {
    found.push(wordAt(text, start + match.index, start + match.index + match[0].length));
  }
  return found;
}

/** A word ending a sentence ("negotiator."), unlike an abbreviation ("U.S.", "Mr."). */
const endsSentence = (word: Word): boolean => /[^.]\.$/u.test(word.surface) && !/^(?:\p{L}\.)+$|^(?:Mr|Mrs|Ms|Dr|St|Jr|Sr)\.$/u.test(word.surface);
/** Words of a clause rather than of a noun phrase: "became prime minister", "named finance minister". */
const VERBS_BEFORE_ROLES = new Set(['is', 'was', 'be', 'been', 'became', 'become', 'becomes', 'has', 'had', 'have', 'serves', 'served', 'remains', 'remained']);
const isVerbLike = (folded: string): boolean => VERBS_BEFORE_ROLES.has(folded) || /(?:ed|ing)$/u.test(folded);
const isLowerCase = (word: Word): boolean => /^\p{Ll}/u.test(word.surface);
const isPossessive = (word: Word): boolean => /(?:['’]s|s['’])$/u.test(word.surface);
/** A lower-case role noun in running text, or a title word in any case ("Envoy", "President"). */
const namesRole = (word: Word): boolean => (isLowerCase(word) ? isRoleNoun(word.folded) : isTitleHead(word.folded));

/**
 * Where a role phrase ending at `words[index]` starts: back over at most two
 * lower-case modifiers ("press", "critical care"), then over capitalised words
 * or possessives ("White House", "The group’s", "Hamas’").
 */
function rolePhraseStart(words: readonly Word[], index: number): number {
  let first = index;
  let lowerCase = 0;
  while (first + 1 < words.length && lowerCase < 2) {
    const word = words[first + 1] as Word;
    if (endsSentence(word)) break;
    if (!isLowerCase(word) || isPossessive(word) || isSentenceOpener(word.folded) || isSpeechVerb(word.folded)) break;
    if (VERBS_BEFORE_ROLES.has(word.folded) || word.folded.endsWith('ly')) break;
    first += 1;
    lowerCase += 1;
  }
  while (first + 1 < words.length) {
    const word = words[first + 1] as Word;
    if (endsSentence(word)) break;
    const capitalised = !isLowerCase(word) && !isSentenceOpener(word.folded);
    if (!capitalised && !isPossessive(word)) break;
    if (isLowerCase(word) && isSentenceOpener(word.folded)) break;
    first += 1;
  }
  return (words[first] as Word).start;
}

/** "White House press secretary Karoline Leavitt", "host Lesley Stahl": a role noun right before the name. */
export function roleBefore(text: string, nameStart: number): DescriptionSpan | undefined {
  const [nearest] = wordsBefore(text, nameStart, 1);
  if (!nearest || !isLowerCase(nearest) || !isRoleNoun(nearest.folded) || isPossessive(nearest) || endsSentence(nearest)) return undefined;
  return { kind: 'title', start: rolePhraseStart(wordsBefore(text, nameStart, 8), 0), end: nearest.end };
}

/** "who is / became / heads …": a relative clause that says what a person is. */
const WHO_IS = /^who (?:is|was|has been|had been|became|becomes|serves as|served as|remains|heads|headed|leads|led|runs|ran|chairs|chaired) /u;
const WHO_DEPTH = 6;

/** Whether a comma-led phrase after a name says what the person is. */
function describesPerson(words: readonly Word[]): boolean {
  const [first] = words;
  if (!first || words.length > MAX_APPOSITIVE_WORDS) return false;
  if (words.some((word) => isSpeechVerb(word.folded))) return false;
  if (first.folded === 'who') return WHO_IS.test(words.map((word) => word.folded).join(' ')) && words.slice(2, WHO_DEPTH).some(namesRole);
  const opens =
    isAppositiveOpener(first.folded) ||
    (isLowerCase(first) && (isRoleNoun(first.folded) || isKinshipNoun(first.folded))) ||
    opensWithPossessiveName(words);
  return opens && words.slice(0, MAX_ROLE_DEPTH).some(namesRole);
}

/** "Hamas’ chief negotiator", "President Donald Trump’s Middle East special envoy": capitalised words up to a possessive. */
function opensWithPossessiveName(words: readonly Word[]): boolean {
  for (const word of words.slice(0, 5)) {
    if (isLowerCase(word)) return false;
    if (isPossessive(word)) return true;
  }
  return false;
}

/** After an age ("X, 86, …") any phrase opened like an appositive describes ("a former public defender"). */
function followsAge(words: readonly Word[]): boolean {
  const [first] = words;
  return first !== undefined && words.length <= MAX_APPOSITIVE_WORDS && isAppositiveOpener(first.folded) && !words.some((word) => isSpeechVerb(word.folded));
}

/** The next comma-led segment after `position`: its span and where it stopped. */
function segmentAfter(text: string, position: number): { span: Span; stop: string } | undefined {
  const window = text.slice(position, position + 400);
  const match = APPOSITIVE_END.exec(window);
  if (!match) return undefined;
  const start = position + (/^\s*/u.exec(window)?.[0].length ?? 0);
  const end = position + match.index;
  return end > start ? { span: { start, end }, stop: match[0] } : undefined;
}

/** "X, the finance minister, said", "X, 86, a peace activist", "X, Hamas’ chief negotiator." */
function appositiveAfter(text: string, nameEnd: number): DescriptionSpan | undefined {
  if (text[nameEnd] !== ',') return undefined;
  const first = segmentAfter(text, nameEnd + 1);
  if (!first) return undefined;
  if (/^\d{1,3}$/u.test(text.slice(first.span.start, first.span.end))) {
    const next = first.stop === ',' ? segmentAfter(text, first.span.end + 1) : undefined;
    const described = next && followsAge(wordsIn(text, next.span.start, next.span.end));
    return { kind: 'appositive', start: first.span.start, end: described ? next.span.end : first.span.end };
  }
  return describesPerson(wordsIn(text, first.span.start, first.span.end)) ? { kind: 'appositive', ...first.span } : undefined;
}

/** "U.S. special envoy to the Middle East, Steve Witkoff", "The group’s spokesman, Hazem Qassem". */
function appositiveBefore(text: string, nameStart: number): DescriptionSpan | undefined {
  const comma = /,[ \u00A0\u202F]+$/u.exec(text.slice(Math.max(0, nameStart - 4), nameStart));
  if (!comma) return undefined;
  const commaAt = nameStart - comma[0].length;
  const words = wordsBefore(text, commaAt, MAX_ROLE_DEPTH);
  const role = words.findIndex((word) => namesRole(word) && !isPossessive(word));
  if (role < 0 || words.slice(0, role + 1).some(endsSentence)) return undefined;
  // Between the role and the comma: its place or body ("envoy to the Middle East", "secretary of state").
  const linked = words.slice(0, role).every(
    (word, index) => !isLowerCase(word) || isTitleLink(word.folded) || word.folded === 'the' || words.slice(index + 1, role).some((later) => isTitleLink(later.folded)),
  );
  return linked ? { kind: 'appositive', start: rolePhraseStart(words, role), end: commaAt } : undefined;
}

/** Where a role's noun phrase starts, its article included ("the American actress"). */
function phraseStart(text: string, start: number): number {
  const article = ARTICLE_BEFORE.exec(text.slice(Math.max(0, start - 8), start));
  return article ? start - article[0].length : start;
}

/**
 * The spans around a name that say who the person is: the title run before it
 * (given by the caller, who split it from the name), a role noun right before
 * it, and appositives after or before it. Offsets are the text's.
 */
export function findDescriptions(text: string, name: Span & { possessive: boolean }, title: Span | undefined): DescriptionSpan[] {
  const found: DescriptionSpan[] = [];
  if (title) found.push({ kind: 'title', ...title });
  else {
    const before = roleBefore(text, name.start);
    // "The jury president, the American actress Julia Marsh": an appositive before the role before.
    const further = appositiveBefore(text, before ? phraseStart(text, before.start) : name.start);
    if (further) found.push(further);
    if (before) found.push(before);
  }
  const after = name.possessive ? undefined : appositiveAfter(text, name.end);
  if (after) found.push(after);
  return found;
}

/**
 * The role phrases of a description, verbatim: each role noun with the words
 * that qualify it ("finance minister", "Prime Minister", "peace activist").
 */
export function rolePhrases(text: string, span: Span): string[] {
  const words = wordsIn(text, span.start, span.end);
  const phrases: string[] = [];
  words.forEach((word, index) => {
    if (!namesRole(word) || isPossessive(word) || isHonorific(word.folded)) return;
    const next = words[index + 1];
    if (next && namesRole(next) && !isPossessive(next)) return;
    if (next && !isLowerCase(word) && !isLowerCase(next)) return;
    let first = index;
    while (first > 0 && index - first < 2) {
      const previous = words[first - 1] as Word;
      const qualifies = isLowerCase(word)
        ? isLowerCase(previous) && !isSentenceOpener(previous.folded) && !isPossessive(previous) && !/^\d/u.test(previous.folded) && !isVerbLike(previous.folded)
        : isTitleModifier(previous.folded) && !isLowerCase(previous);
      if (!qualifies) break;
      first -= 1;
    }
    phrases.push(text.slice((words[first] as Word).start, word.end));
  });
  return phrases;
}
