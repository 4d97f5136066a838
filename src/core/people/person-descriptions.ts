import {
  isAppositiveOpener,
  isHonorific,
  isKinshipNoun,
  isPostNominal,
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

const WORD_CHARACTERS = /[\p{L}\p{M}\p{N}'’.\u2010\u2011\u00AD\u200B-\u200D\u2060\uFEFF-]/u;

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

/** "who is / became / heads / advises …": a relative clause that says what a person is or does for a living. */
const WHO_IS =
  /^who (?:is|was|has been|had been|became|becomes|serves as|served as|works as|worked as|remains|heads|headed|leads|led|runs|ran|chairs|chaired|advises|advised|represents|represented|directs|directed|manages|managed|oversees|oversaw|owns|owned|founded|co-founded|teaches|taught|coaches|coached) /u;
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
    opensWithPossessiveName(words) ||
    isBareRolePhrase(words);
  return opens && words.slice(0, MAX_ROLE_DEPTH).some(namesRole);
}

/** "BBC diplomatic correspondent", "Acme chief executive": a short phrase from a capitalised word to a role noun. */
function isBareRolePhrase(words: readonly Word[]): boolean {
  const [first] = words;
  const last = words.at(-1);
  if (!first || !last || words.length > 6 || isLowerCase(first) || isSentenceOpener(first.folded)) return false;
  return isLowerCase(last) && isRoleNoun(last.folded) && !words.some((word) => isVerbLike(word.folded));
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
  // A line may end without a full stop ("Jane Roe, Metro reporter"): its end ends the segment.
  if (!match && position + window.length < text.length) return undefined;
  const start = position + (/^\s*/u.exec(window)?.[0].length ?? 0);
  const end = position + (match ? match.index : window.trimEnd().length);
  return end > start ? { span: { start, end }, stop: match?.[0] ?? '' } : undefined;
}

/** A segment that only qualifies the name before it: an age ("86") or a degree ("MD", "PhD"). */
function isQualifier(text: string, span: Span): boolean {
  const segment = text.slice(span.start, span.end);
  return /^\d{1,3}$/u.test(segment) || isPostNominal(bareWord(segment));
}

/** "X, the finance minister, said", "X, 86, a peace activist", "X, Hamas’ chief negotiator.", "X, MD, PhD, director of …" */
function appositiveAfter(text: string, nameEnd: number): DescriptionSpan | undefined {
  if (text[nameEnd] !== ',') return undefined;
  let segment = segmentAfter(text, nameEnd + 1);
  let qualifiers: Span | undefined;
  while (segment && isQualifier(text, segment.span)) {
    qualifiers = { start: qualifiers?.start ?? segment.span.start, end: segment.span.end };
    segment = segment.stop === ',' ? segmentAfter(text, segment.span.end + 1) : undefined;
  }
  const words = segment ? wordsIn(text, segment.span.start, segment.span.end) : [];
  if (segment && (describesPerson(words) || (qualifiers !== undefined && followsAge(words)))) {
    return { kind: 'appositive', start: qualifiers?.start ?? segment.span.start, end: segment.span.end };
  }
  return qualifiers ? { kind: 'appositive', ...qualifiers } : undefined;
}

const OPENING_MARKS = /[\s"“‘'([]/u;
const SENTENCE_BREAK = /[.!?:;…\u2014\u2013\n]/u;

/** Whether `position` opens a sentence (or a clause after a colon or a dash), opening marks aside. */
export function isSentenceStart(text: string, position: number): boolean {
  let cursor = position;
  while (cursor > 0 && OPENING_MARKS.test(text[cursor - 1] ?? '')) cursor -= 1;
  return cursor === 0 || SENTENCE_BREAK.test(text[cursor - 1] ?? '');
}

/** A verb that makes what follows say what the subject is: "is a reporter", "serves as the director". */
const COPULA = /^[ \u00A0\u202F]+(?:is|was|has been|had been|serves as|served as|works as|worked as|became|remains)[ \u00A0\u202F]+/u;
/** A bio's verbs of a beat: "reports on world news for …", "covers the courts". */
const BEAT = /^[ \u00A0\u202F]+(?:reports (?:on|for|from|about)|covers|writes (?:about|for|on)|edits|anchors|hosts)[ \u00A0\u202F]+\S/u;

/** What follows a copula, when it says what someone is ("the director of …", "a Metro reporter covering crime"). */
function roleAfterCopula(text: string, position: number): DescriptionSpan | undefined {
  const segment = segmentAfter(text, position);
  if (!segment || !describesPerson(wordsIn(text, segment.span.start, segment.span.end))) return undefined;
  return { kind: 'appositive', ...segment.span };
}

/**
 * A sentence opened by the name that says what the person is or does for a
 * living: "Jane Roe is a Metro reporter covering crime", "Jane Roe reports on
 * world news for …" (an author's bio).
 */
export function predicateAfter(text: string, nameEnd: number): DescriptionSpan | undefined {
  const following = text.slice(nameEnd, nameEnd + 40);
  if (BEAT.test(following)) {
    const segment = segmentAfter(text, nameEnd);
    return segment ? { kind: 'appositive', ...segment.span } : undefined;
  }
  const copula = COPULA.exec(following);
  return copula ? roleAfterCopula(text, nameEnd + copula[0].length) : undefined;
}

/** "… says Jane Roe, MD. She’s the director of …": the next sentence says what the person just named is. */
const PRONOUN_PREDICATE = /^([^.!?]{0,200}[.!?]["”’]?[ \u00A0\u202F]+)(?:He|She)(?:['’]s|[ \u00A0\u202F]+(?:is|was|has been|had been|serves as|served as|works as|worked as|became|remains))[ \u00A0\u202F]+/u;

/** What the sentence after a name says the person is, and where that sentence starts; undefined when it says nothing of the kind. */
export function roleInNextSentence(text: string, nameEnd: number): { description: DescriptionSpan; sentenceStart: number } | undefined {
  const match = PRONOUN_PREDICATE.exec(text.slice(nameEnd, nameEnd + 300));
  if (!match) return undefined;
  const description = roleAfterCopula(text, nameEnd + match[0].length);
  return description ? { description, sentenceStart: nameEnd + (match[1]?.length ?? 0) } : undefined;
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

/** A film's or a show's verb before a cast member's name: "The Salt House stars Mads Kjær as a fisherman". */
const CAST_VERB_BEFORE = /(?<![\p{L}-])(?:stars|starred|starring|co-stars|co-starred|co-starring|features|featured|featuring|casts|cast)[ \u00A0\u202F]+$/u;
const AS_AFTER = /^[ \u00A0\u202F]+as[ \u00A0\u202F]+/u;
const MAX_PART_WORDS = 4;

/** "stars X as a fisherman", "featuring X as the detective": a review's way of naming a cast member by the part they play. */
function castPart(text: string, name: Span): DescriptionSpan | undefined {
  const verb = CAST_VERB_BEFORE.exec(text.slice(Math.max(0, name.start - 16), name.start));
  const as = AS_AFTER.exec(text.slice(name.end, name.end + 8));
  if (!verb || !as) return undefined;
  const partStart = name.end + as[0].length;
  const words = wordsIn(text, partStart, partStart + 80).slice(0, MAX_PART_WORDS);
  const role = words.findIndex((word) => isLowerCase(word) && isRoleNoun(word.folded));
  if (role < 0 || words.slice(0, role).some((word) => endsSentence(word) || !isLowerCase(word))) return undefined;
  const part = words[role] as Word;
  return { kind: 'appositive', start: name.start - verb[0].length, end: part.end - (part.surface.endsWith('.') ? 1 : 0) };
}

const POSSESSIVE_DETERMINERS = new Set(['her', 'his', 'their', 'its', 'whose', 'my', 'our']);

/**
 * Whether a description introduces someone as another's relative: a kinship
 * noun after a possessive ("Her son, Thomas Ellery", "Daniel Lifshitz's
 * grandparents Oded and …"), not "the daughter of a miner", which says who the person is.
 */
export function introducesRelative(text: string, span: Span): boolean {
  const [noun, before] = wordsBefore(text, span.end, 2);
  if (!noun || !isKinshipNoun(noun.folded)) return false;
  return before !== undefined && (isPossessive(before) || POSSESSIVE_DETERMINERS.has(before.folded));
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
  const after = name.possessive
    ? undefined
    : (appositiveAfter(text, name.end) ?? castPart(text, name) ?? (isSentenceStart(text, title?.start ?? name.start) ? predicateAfter(text, name.end) : undefined));
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
