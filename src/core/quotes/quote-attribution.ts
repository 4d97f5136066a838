import {
  CHARACTERISING_VERBS,
  DEFINITE_DETERMINERS,
  INVERTED_SPEECH_VERBS,
  OTHER_PRONOUNS,
  SINGULAR_PRONOUNS,
  SPEECH_VERBS,
  VERB_FILLERS,
} from './attribution-lexicon.ts';
import { isParticle, isRoleNoun, isTitleHead } from '../people/people.ts';
import { isTitleAbbreviation } from '../text/text.ts';
import { gapBefore, type ParagraphContext, sentenceStartAt, spanEdgeBefore, wordIndexAt } from './paragraph-context.ts';
import type { MarkedSpan } from './quote-marks.ts';

/** Who an attribution points at, as written; offsets are local to the paragraph. */
export type SpeakerRef =
  | { kind: 'name'; start: number; end: number }
  | { kind: 'pronoun'; start: number; end: number }
  | { kind: 'role'; start: number; end: number; head: string; modifiers: readonly string[] }
  /** Someone or something that is not one nameable person: "sources", "one official", "the ministry", "they". */
  | { kind: 'other'; start: number; end: number };

export interface Attribution {
  ref: SpeakerRef;
  /** Where it was found: after the closing mark (a clause or a dash) or before the opening one. */
  side: 'after' | 'before';
  /**
   * The attribution stands right beside the span ("…,” X said", "X said: “…",
   * "— X", a verb of saying a few words before): evidence that even a word or
   * two in marks were spoken rather than coined.
   */
  adjacent: boolean;
}

/** Words that end a noun phrase read backwards, or begin a new one read forwards. */
const PHRASE_BREAKS = new Set(
  `that and but or nor while when as because which who whom whose after before if since though although where
  to in on at for with from by of about than during over under into upon without according`.split(/\s+/u),
);
const PREPOSITIONS = new Set(['of', 'for', 'at', 'from', 'with', 'in']);
/** How far a name, a title and an appositive may reach, in words. */
const MAX_PHRASE_WORDS = 7;
const MAX_APPOSITIVE_WORDS = 25;
const MAX_CLAUSE_WORDS = 30;
/** A verb of saying this close before the opening mark introduces the span ("said the government had made “…”"). */
const ADJACENT_VERB_DISTANCE = 4;

interface Found {
  ref: SpeakerRef;
  /** Index of the first word of the whole subject, appositive included. */
  first: number;
}

const wordText = (context: ParagraphContext, index: number): string => {
  const word = context.words[index];
  return word ? context.text.slice(word.start, word.end) : '';
};

function isSpeechVerb(context: ParagraphContext, index: number, long: boolean): boolean {
  const term = context.words[index]?.term ?? '';
  return SPEECH_VERBS.has(term) || (long && CHARACTERISING_VERBS.has(term));
}

function isAnyVerb(term: string): boolean {
  return SPEECH_VERBS.has(term) || CHARACTERISING_VERBS.has(term) || VERB_FILLERS.has(term);
}

/** A word that can be part of a personal name: capitalised, or a prefixed name like "al‑Hayya". */
function isNameWord(context: ParagraphContext, index: number): boolean {
  const word = context.words[index];
  if (!word) return false;
  return word.capitalised || /^\p{Ll}{1,3}[-\u2011]\p{Lu}/u.test(wordText(context, index));
}

/** Whether the text between two words keeps them in one phrase: a space, a possessive, an abbreviation's dot. */
function joinsPhrase(context: ParagraphContext, index: number): boolean {
  const gap = gapBefore(context, index);
  if (/^\s+$/u.test(gap) || /^['’]s?\s+$/u.test(gap)) return true;
  const previous = context.words[index - 1];
  return /^\.\s+$/u.test(gap) && previous !== undefined && (isTitleAbbreviation(previous.term) || previous.end - previous.start === 1);
}

const isPossessor = (context: ParagraphContext, index: number): boolean => /^['’]s?\s/u.test(gapBefore(context, index + 1));

/** What a phrase of words `first..last` names: a person's name, a pronoun, a definite role, or someone else. */
function classifyPhrase(context: ParagraphContext, first: number, last: number): SpeakerRef {
  const words = context.words;
  const lastWord = words[last];
  const firstWord = words[first];
  if (!lastWord || !firstWord) return { kind: 'other', start: 0, end: 0 };
  const span = { start: firstWord.start, end: lastWord.end };
  if (first === last && SINGULAR_PRONOUNS.has(lastWord.term)) return { kind: 'pronoun', ...span };
  if (first === last && OTHER_PRONOUNS.has(lastWord.term)) return { kind: 'other', ...span };
  if (isNameWord(context, last) && !isPossessor(context, last)) {
    let start = last;
    while (start > first && joinsPhrase(context, start) && !isPossessor(context, start - 1)) {
      const previous = words[start - 1];
      if (!previous || !(isNameWord(context, start - 1) || isTitleAbbreviation(previous.term) || isParticle(previous.term))) break;
      start -= 1;
    }
    while (start < last && DEFINITE_DETERMINERS.has(words[start]?.term ?? '')) start += 1;
    return { kind: 'name', start: words[start]?.start ?? span.start, end: span.end };
  }
  if (!isRoleNoun(lastWord.term)) return { kind: 'other', ...span };
  const modifiers: string[] = [];
  for (let index = last - 1; index >= first; index -= 1) {
    const word = words[index];
    if (!word) break;
    if (isPossessor(context, index) || DEFINITE_DETERMINERS.has(word.term)) {
      return { kind: 'role', ...span, head: lastWord.term, modifiers };
    }
    modifiers.unshift(word.term);
  }
  // "a spokesperson", "one official", bare "officials": nobody in particular.
  return { kind: 'other', ...span };
}

/** The noun phrase that ends at word `last`, reaching back no further than word `floor`. */
function phraseEndingAt(context: ParagraphContext, last: number, floor: number): Found | undefined {
  const lastTerm = context.words[last]?.term ?? '';
  if (PHRASE_BREAKS.has(lastTerm) || isAnyVerb(lastTerm)) return undefined;
  let first = last;
  while (first > floor && last - first < MAX_PHRASE_WORDS - 1 && joinsPhrase(context, first)) {
    const previous = context.words[first - 1];
    if (!previous || context.quoted[first - 1] || PHRASE_BREAKS.has(previous.term) || isAnyVerb(previous.term)) break;
    first -= 1;
  }
  const ref = classifyPhrase(context, first, last);
  // "A spokesperson for Orion Freight", "Kwame Mensah of Ridgeline Securities": the head comes before the preposition.
  const before = context.words[first - 1];
  if (ref.kind === 'name' && first - 2 >= floor && before && PREPOSITIONS.has(before.term) && joinsPhrase(context, first) && joinsPhrase(context, first - 1)) {
    const head = phraseEndingAt(context, first - 2, floor);
    // "Secretary of State Mike Pompeo": a title's head names no one; the name after it does.
    const titleOnly = head?.ref.kind === 'name' && head.first === first - 2 && isTitleHead(context.words[first - 2]?.term ?? '');
    return titleOnly ? { ref, first: head.first } : head;
  }
  return { ref, first };
}

/** The noun phrase that starts at word `first`, reaching no further than word `ceiling` (exclusive). */
function phraseFrom(context: ParagraphContext, first: number, ceiling: number): SpeakerRef | undefined {
  const words = context.words;
  const word = words[first];
  if (!word || first >= ceiling || context.quoted[first] || PHRASE_BREAKS.has(word.term) || isAnyVerb(word.term)) return undefined;
  if (SINGULAR_PRONOUNS.has(word.term) || OTHER_PRONOUNS.has(word.term)) return classifyPhrase(context, first, first);
  let last = first;
  while (last + 1 < ceiling && last - first < MAX_PHRASE_WORDS - 1 && !context.quoted[last + 1] && joinsPhrase(context, last + 1)) {
    const next = words[last + 1];
    if (!next || PHRASE_BREAKS.has(next.term) || isAnyVerb(next.term) || SINGULAR_PRONOUNS.has(next.term)) break;
    // After a name, a lower-case word in the past tense is its verb ("Greene smiled"), not more of the phrase ("One source").
    if (isNameWord(context, last) && !isNameWord(context, last + 1) && next.term.endsWith('ed')) break;
    last += 1;
  }
  const ref = classifyPhrase(context, first, last);
  // "said his attorney, Grace Mwangi": the name in apposition is the speaker.
  if ((ref.kind === 'role' || ref.kind === 'other') && /^\s*,\s*$/u.test(gapBefore(context, last + 1)) && isNameWord(context, last + 1)) {
    const named = phraseFrom(context, last + 1, ceiling);
    if (named?.kind === 'name') return named;
  }
  return ref;
}

/**
 * The subject of the verb at word `verb`: the phrase right before it, past
 * auxiliaries and adverbs ("could be heard saying") and past an appositive
 * ("Bezalel Smotrich, the finance minister …, said"). "participial" when the
 * verb opens a participle clause (", stating, “…”") and so has no subject of
 * its own.
 */
function subjectBefore(context: ParagraphContext, verb: number, floor: number): Found | 'participial' | undefined {
  const words = context.words;
  let last = verb - 1;
  while (last >= floor && !context.quoted[last] && VERB_FILLERS.has(words[last]?.term ?? '') && /^\s+$/u.test(gapBefore(context, last + 1))) last -= 1;
  const gap = gapBefore(context, last + 1);
  if (/,/u.test(gap) && last === verb - 1 && (words[verb]?.term ?? '').endsWith('ing')) return 'participial';
  if (last < floor || context.quoted[last]) return undefined;
  if (COORDINATORS.has(words[last]?.term ?? '') && /^\s+$/u.test(gap)) return sharedSubject(context, floor, last);
  if (joinsPhrase(context, last + 1)) return phraseEndingAt(context, last, floor);
  if (!/^\s*,\s*$/u.test(gap)) return undefined;
  let opening = last;
  while (opening > floor && last - opening < MAX_APPOSITIVE_WORDS && !context.quoted[opening - 1] && !/[,;:.!?]/u.test(gapBefore(context, opening)) && !spanEdgeBefore(context, opening)) opening -= 1;
  if (opening <= floor || !/^\s*,\s*$/u.test(gapBefore(context, opening))) return undefined;
  const before = phraseEndingAt(context, opening - 1, floor);
  const appositive = classifyPhrase(context, opening, last);
  // "The union's general secretary, Karen Holt, said": the appositive is the name.
  if (appositive.kind === 'name' && appositive.start === words[opening]?.start && before?.ref.kind !== 'name') return { ref: appositive, first: before?.first ?? opening };
  return before;
}

/** Conjunctions that join a second verb to the first one's subject: "He describes it as “exciting,” but cautions that …". */
const COORDINATORS = new Set(['and', 'but']);

/**
 * The subject that opens the clause at word `floor`, or follows its leading
 * phrase ("In his first post, Roe thanked … and noted …"), shared by a verb
 * after "and"/"but" or a participle (", saying, “…”"): a name or a pronoun,
 * nothing vaguer.
 */
function sharedSubject(context: ParagraphContext, floor: number, coordinator: number): Found | undefined {
  const firstComma = context.words.findIndex((_, index) => index > floor && index < coordinator && /,/u.test(gapBefore(context, index)));
  for (const start of firstComma === -1 ? [floor] : [floor, firstComma]) {
    if (context.quoted[start] || PHRASE_BREAKS.has(context.words[start]?.term ?? '')) continue;
    let last = start;
    while (last + 1 < coordinator && isNameWord(context, last) && isNameWord(context, last + 1) && joinsPhrase(context, last + 1)) last += 1;
    const ref = classifyPhrase(context, start, last);
    if (ref.kind === 'name' || ref.kind === 'pronoun') return { ref, first: floor };
  }
  return undefined;
}

/**
 * The speaker of the verb at word `verb`: its subject, or, right after a
 * closing mark, the phrase after it ("“…,” said Wrobel").
 */
function speakerOfVerb(context: ParagraphContext, verb: number, floor: number, ceiling: number): Found | 'participial' | undefined {
  const subject = subjectBefore(context, verb, floor);
  if (subject !== undefined || !spanEdgeBefore(context, verb)) return subject;
  const inverted = phraseFrom(context, verb + 1, ceiling);
  return inverted ? { ref: inverted, first: verb } : undefined;
}

function clauseEnd(context: ParagraphContext, from: number): number {
  let index = from;
  while (index < context.words.length && index - from < MAX_CLAUSE_WORDS && !context.quoted[index]) {
    if (index > from && (/[.!?;:]/u.test(gapBefore(context, index)) || spanEdgeBefore(context, index)) && !joinsPhrase(context, index)) break;
    index += 1;
  }
  return index;
}

/** Whether words `first..next - 1` are a noun phrase set off by a comma before the subject: "one resident, Maria Lopez, said". */
function isLeadingPhrase(context: ParagraphContext, first: number, next: number): boolean {
  if (next - first > MAX_PHRASE_WORDS || !/^\s*,\s*$/u.test(gapBefore(context, next))) return false;
  for (let index = first; index < next; index += 1) {
    const term = context.words[index]?.term ?? '';
    if (PHRASE_BREAKS.has(term) || isAnyVerb(term) || (index > first && !joinsPhrase(context, index))) return false;
  }
  return true;
}

/** "“…,” X said", "“…,” said X", "“…” — X", "“…,” according to X". */
export function attributeAfter(context: ParagraphContext, span: MarkedSpan, long: boolean): Attribution | undefined {
  const first = wordIndexAt(context, span.end);
  const word = context.words[first];
  if (!word || context.quoted[first]) return undefined;
  const lead = context.text.slice(span.end, word.start);
  const end = clauseEnd(context, first);
  if (/^\s*(?:[\u2014\u2015\u2013]|--?)\s*$/u.test(lead)) {
    const ref = phraseFrom(context, first, end);
    return ref ? { ref, side: 'after', adjacent: true } : undefined;
  }
  if (!/^,?\s+$/u.test(lead)) return undefined;
  if (word.term === 'according' && context.words[first + 1]?.term === 'to') {
    const ref = phraseFrom(context, first + 2, end);
    return ref ? { ref, side: 'after', adjacent: true } : undefined;
  }
  // "“…,” X said": the quotation is what the clause after it says; "“…” of the patients, X said" is a longer sentence (see attributeTrailing).
  const saidWhole = /^,/u.test(lead) || /,\P{L}*$/u.test(context.text.slice(span.start, span.end));
  for (let verb = first; verb < end; verb += 1) {
    const nounLikeVerb = verb === first && INVERTED_SPEECH_VERBS.has(word.term);
    if (!isSpeechVerb(context, verb, long) && !nounLikeVerb) continue;
    const found = speakerOfVerb(context, verb, first, end);
    if (found === 'participial') return undefined;
    if (found !== undefined && (found.first === first || isLeadingPhrase(context, first, found.first))) return { ref: found.ref, side: 'after', adjacent: true };
    const leading = leadingNameBefore(context, first, verb) ?? (saidWhole && found?.ref.kind !== 'pronoun' ? nameHeadingSubject(context, first, verb) : undefined);
    if (leading && found?.ref.kind !== 'pronoun') return { ref: leading, side: 'after', adjacent: true };
    if (found !== undefined) return undefined;
    // "“…” announced in October, said Jo Roe, a scholar": the speaker follows a verb set off by a comma.
    const inverted = /^\s*,\s*$/u.test(gapBefore(context, verb)) ? phraseFrom(context, verb + 1, end) : undefined;
    if (inverted?.kind === 'name') return { ref: inverted, side: 'after', adjacent: true };
  }
  return undefined;
}

/**
 * "“…,” Jane Roe, a fellow at the Institute in Lyon, France, and co-author of
 * the study, said", "“…,” Jane Roe, an analyst at the Delhi think tank told
 * reporters": a name right after the closing mark, set off by a comma, with
 * an appositive too long or too loosely punctuated to be read as one phrase
 * before the verb. The name is the speaker.
 */
function leadingNameBefore(context: ParagraphContext, first: number, verb: number): SpeakerRef | undefined {
  const ref = phraseFrom(context, first, verb);
  if (ref?.kind !== 'name' || ref.start !== context.words[first]?.start) return undefined;
  const next = wordIndexAt(context, ref.end);
  return next < verb && /^\s*,\s*$/u.test(gapBefore(context, next)) ? ref : undefined;
}

/**
 * The person a subject of several words names: "“…,” study lead author Jo
 * Roe, a scientist at the Goddard Center in Greenbelt, Maryland, said",
 * "“…,” chairman, CEO and president Jo Roe said", "“…,” the agency's deputy
 * director of prosecutions, Jo Roe, said". Of the names between the closing
 * mark (word `first`) and the verb, the first that heads a phrase: it opens
 * the subject, follows a comma or a noun of office, and is followed by a
 * comma or the verb. A name that qualifies a noun ("NASA scientist"), owns
 * something ("the agency's") or follows a preposition ("a spokesperson for
 * Jo Roe") is not the speaker.
 */
function nameHeadingSubject(context: ParagraphContext, first: number, verb: number): SpeakerRef | undefined {
  if (verb - first > MAX_CLAUSE_WORDS) return undefined;
  for (let start = first; start < verb; start += 1) {
    if (context.quoted[start] || !isNameWord(context, start) || (start > first && joinsPhrase(context, start) && isNameWord(context, start - 1))) continue;
    const previous = context.words[start - 1];
    const opens = start === first || /,/u.test(gapBefore(context, start)) || (previous !== undefined && isRoleNoun(previous.term) && joinsPhrase(context, start));
    let last = start;
    while (last + 1 < verb && isNameWord(context, last + 1) && joinsPhrase(context, last + 1) && !isPossessor(context, last)) last += 1;
    let next = last + 1;
    while (next < verb && VERB_FILLERS.has(context.words[next]?.term ?? '') && /^\s+$/u.test(gapBefore(context, next))) next += 1;
    const closes = (next === verb && /^\s+$/u.test(gapBefore(context, next))) || /^\s*,\s*$/u.test(gapBefore(context, last + 1));
    if (!opens || !closes || isPossessor(context, last)) continue;
    const ref = classifyPhrase(context, start, last);
    if (ref.kind === 'name') return ref;
  }
  return undefined;
}

/**
 * "X said: “…”", "X told them: “…”", "X said that “…”", "According to X, “…”",
 * "…, stating, “…”" (the subject of the clause's earlier verb), "One source: “…”".
 */
export function attributeBefore(context: ParagraphContext, span: MarkedSpan, long: boolean, previousEnd: number): Attribution | undefined {
  const words = context.words;
  const sentenceStart = sentenceStartAt(context, span.start);
  const floor = wordIndexAt(context, sentenceStart);
  const regionFirst = wordIndexAt(context, Math.max(sentenceStart, previousEnd));
  const opening = wordIndexAt(context, span.start);
  if (regionFirst >= opening) return undefined;
  const colon = /:\s*$/u.test(context.text.slice(words[opening - 1]?.end ?? 0, span.start));
  for (let index = regionFirst; index + 1 < opening; index += 1) {
    if (words[index]?.term !== 'according' || words[index + 1]?.term !== 'to') continue;
    const ref = phraseFrom(context, index + 2, opening);
    if (ref) return { ref, side: 'before', adjacent: true };
  }
  let participial = false;
  let participle = opening;
  for (let verb = opening - 1; verb >= floor; verb -= 1) {
    if (!participial && verb < regionFirst) break;
    if (context.quoted[verb] || !isSpeechVerb(context, verb, long)) continue;
    const found = speakerOfVerb(context, verb, floor, opening);
    if (found === 'participial') {
      participial = true;
      participle = verb;
      continue;
    }
    // "Jo Roe, an expert at the U.K.'s University of York who …, told reporters: “…”": the appositive hides the name.
    const leading = found === undefined || found.ref.kind === 'other' ? leadingNameBefore(context, floor, verb) : undefined;
    const ref = leading ?? found?.ref;
    if (ref === undefined) continue;
    const close = SPEECH_VERBS.has(words[verb]?.term ?? '') && opening - verb - 1 <= ADJACENT_VERB_DISTANCE;
    return { ref, side: 'before', adjacent: colon || close || participial };
  }
  // "Sawyer issued a statement, saying, “…”": with no verb of saying before the participle, the clause's subject.
  const subject = participial ? sharedSubject(context, floor, participle) : undefined;
  if (subject) return { ref: subject.ref, side: 'before', adjacent: true };
  if (!colon) return undefined;
  // "Haddad was cautious: “…”", "One source: “…”": the clause before the colon names the speaker first.
  let clauseFirst = opening - 1;
  while (clauseFirst > regionFirst && !/,/u.test(gapBefore(context, clauseFirst))) clauseFirst -= 1;
  const ref = phraseFrom(context, clauseFirst, opening);
  return ref ? { ref, side: 'before', adjacent: true } : undefined;
}

/**
 * "It's important to “take really detailed histories” of the patients,
 * Dempsey said.", "The outages have been “terribly disruptive” and …, “we
 * won’t roll the dice,” CEO Jo Roe said.": a sentence that ends by naming
 * its speaker after a comma reports all of it, the quotations inside too.
 * Not adjacent: a scare quote inside such a sentence is no evidence of speech.
 */
export function attributeTrailing(context: ParagraphContext, span: MarkedSpan): Attribution | undefined {
  const sentence = context.sentences.find((entry) => entry.start <= span.start && span.end <= entry.end);
  if (!sentence) return undefined;
  const from = wordIndexAt(context, span.end);
  let verb = wordIndexAt(context, sentence.end) - 1;
  while (verb >= from && (context.quoted[verb] || !SPEECH_VERBS.has(context.words[verb]?.term ?? ''))) verb -= 1;
  const verbWord = context.words[verb];
  if (verb < from || !verbWord || context.spans.some((other) => other.start >= verbWord.end && other.start < sentence.end)) return undefined;
  const found = subjectBefore(context, verb, from);
  if (found === undefined || found === 'participial' || (found.ref.kind !== 'name' && found.ref.kind !== 'pronoun')) return undefined;
  return /,/u.test(gapBefore(context, found.first)) ? { ref: found.ref, side: 'after', adjacent: false } : undefined;
}

/**
 * The people a sentence reports as speaking: the named subjects of its verbs
 * of saying, and with `pronouns` their "he"/"she" subjects too.
 */
export function reportedSpeakers(context: ParagraphContext, start: number, end: number, pronouns = false): SpeakerRef[] {
  const floor = wordIndexAt(context, start);
  const speakers: SpeakerRef[] = [];
  for (let verb = floor; verb < context.words.length && (context.words[verb]?.start ?? end) < end; verb += 1) {
    if (context.quoted[verb] || !SPEECH_VERBS.has(context.words[verb]?.term ?? '')) continue;
    const found = subjectBefore(context, verb, floor);
    // "This system, says Jo Roe, an immunologist, helps …": the speaker follows the verb.
    const inverted = /,/u.test(gapBefore(context, verb)) ? phraseFrom(context, verb + 1, clauseEnd(context, verb + 1)) : undefined;
    const ref = found !== undefined && found !== 'participial' && found.ref.kind !== 'other' && found.ref.kind !== 'role' ? found.ref : inverted;
    if (ref?.kind === 'name' || (pronouns && ref?.kind === 'pronoun')) speakers.push(ref);
  }
  return speakers;
}
