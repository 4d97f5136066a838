import { isCountryWord, isOrganisationHead, isRoleNoun, isSentenceOpener, isTitleHead, isTitleModifier } from '../people/people.ts';
import type { ParagraphContext } from './paragraph-context.ts';
import type { Span } from '../text/text.ts';
import { reportedSpeakers, type SpeakerRef } from './quote-attribution.ts';
import type { PeopleIndex, Person, PersonDescription, PersonMention } from '../types.ts';

/** How many paragraphs back a pronoun may look for the person it stands for: its own and the one before. */
const PRONOUN_REACH = 1;
/** How far back it may look past paragraphs that name no one and open with the same pronoun ("He raised that point …"). */
const MAX_PRONOUN_REACH = 3;
/** How far before a mention a courtesy title may stand ("Mrs. " is five characters). */
const HONORIFIC_REACH = 6;

interface PlacedMention {
  mention: PersonMention;
  /** Index of its paragraph among the document's body paragraphs. */
  paragraph: number;
}

/** Turns what an attribution points at into a person of the people index, or nobody when that would be a guess. */
export interface SpeakerResolver {
  resolve(ref: SpeakerRef, paragraph: number, previousSpeaker: number | undefined): number | undefined;
  /**
   * The speaker of a quotation that stands as a sentence of its own, with no
   * attribution: the one person the sentence before reports as speaking
   * ("Roe noted there should be no shame. “…”"), in its paragraph or at the
   * end of the one before; in its paragraph, also the one person that
   * sentence names as its subject ("Roe returned to the issue. “…”").
   */
  resolvePreceding(paragraph: number, spanStart: number): number | undefined;
}

/**
 * Resolves speakers within one document, from its body paragraphs and the
 * people index's mentions of that document (mentions inside quotations are
 * left out: a person quoted as saying "Witkoff" is not Witkoff speaking).
 */
export function createSpeakerResolver(contexts: readonly ParagraphContext[], people: PeopleIndex, file: string): SpeakerResolver {
  const placed = placeMentions(contexts, people.mentionsIn(file));
  /** What the document calls each person, "he" or "she", from courtesy titles and from the pronouns resolved so far. */
  const genders = new Map<number, string>();
  for (const { mention, paragraph } of placed) {
    const context = contexts[paragraph];
    const before = context?.text.slice(Math.max(0, mention.start - context.offset - HONORIFIC_REACH), mention.end - context.offset) ?? '';
    const honorific = /\b(Mrs|Ms|Miss|Mr)\.?\s+\S+/u.exec(before)?.[1];
    if (honorific && !genders.has(mention.personId)) genders.set(mention.personId, honorific === 'Mr' ? 'he' : 'she');
  }

  const mentionText = (mention: PersonMention): string => {
    const context = contexts.find((entry) => mention.start >= entry.offset && mention.end <= entry.offset + entry.text.length);
    return context?.text.slice(mention.start - context.offset, mention.end - context.offset) ?? '';
  };

  const mentionsWithin = (paragraph: number, start: number, end: number): PlacedMention[] => {
    const offset = contexts[paragraph]?.offset ?? 0;
    return placed.filter((entry) => entry.paragraph === paragraph && entry.mention.start < offset + end && entry.mention.end > offset + start);
  };

  const resolveName = (ref: SpeakerRef, paragraph: number): number | undefined => {
    // The person is the one the name's last words name: "Israeli National Security Minister Itamar Ben-Gvir" is no Israeli.
    const offset = contexts[paragraph]?.offset ?? 0;
    const words = (contexts[paragraph]?.text ?? '').slice(ref.start, ref.end).split(/\s+/u);
    const named = mentionsWithin(paragraph, ref.start, ref.end).find((entry) => entry.mention.end >= offset + ref.end);
    const namedPerson = named ? people.people[named.mention.personId] : undefined;
    if (named) return namedPerson && namesSomeoneElseHere(namedPerson, words) ? undefined : named.mention.personId;
    // "Prime Minister Henrik Dahl": drop leading titles until the index knows the name.
    for (let first = 0; first < words.length; first += 1) {
      const person = people.find(words.slice(first).join(' '));
      if (person) return namesSomeoneElseHere(person, words.slice(first)) ? undefined : person.id;
    }
    return undefined;
  };

  /**
   * Whether a name the index gives to someone this document never mentions
   * in full ("Ward", known from another article's Denzel Ward) is here the surname
   * of a person the document writes in full and the index does not know
   * ("Lewis Ward, research director …"): the article's own person is meant.
   */
  const namesSomeoneElseHere = (person: Person, written: readonly string[]): boolean => {
    const inFull = ({ mention }: PlacedMention): boolean => mention.personId === person.id && /\s/u.test(mentionText(mention));
    if (written.length !== 1 || placed.some(inFull)) return false;
    const surname = written[0] ?? '';
    const known = new Set([person.name, ...person.aliases].map((name) => name.toLowerCase()));
    return contexts.some((context) =>
      context.words.some((word, index) => {
        const previous = context.words[index - 1];
        if (!previous || context.text.slice(word.start, word.end) !== surname || !previous.capitalised || !/^\s+$/u.test(context.text.slice(previous.end, word.start))) return false;
        if (isTitleHead(previous.term) || isSentenceOpener(previous.term)) return false;
        return !known.has(context.text.slice(previous.start, word.end).toLowerCase());
      }),
    );
  };

  /**
   * "he"/"she": the one person named in the nearest earlier sentence that
   * names anyone (in this paragraph or the one before, or further back past
   * paragraphs that name no one and carry the same pronoun on), or the one
   * it reports as speaking; with several, the one it reports as speaking,
   * else the previous speaker if among them. A sentence whose subject is the
   * same pronoun ("He then cited Roe’s report") only carries the reference
   * further back. With no one named within reach, the person the same
   * pronoun stood for in this paragraph or the one before. Nobody when that
   * sentence names only people the pronoun cannot be (one the document calls
   * "Ms." or "she" is no "he"), or names someone the people index does not
   * know: the pronoun may well be theirs.
   */
  let lastPronoun: { pronoun: string; paragraph: number; person: number } | undefined;
  const resolvePronoun = (ref: SpeakerRef, paragraph: number, previousSpeaker: number | undefined): number | undefined => {
    const pronoun = (contexts[paragraph]?.text.slice(ref.start, ref.end) ?? '').toLowerCase();
    const fits = (id: number): boolean => (genders.get(id) ?? pronoun) === pronoun;
    let floor = Math.max(0, paragraph - PRONOUN_REACH);
    // "Dario was questioned …, in which he said": a capitalised word the index does not know may be whom "he" stands for.
    let passedUnknownOpener = false;
    for (let index = paragraph; index >= floor; index -= 1) {
      const context = contexts[index];
      if (!context) break;
      const sentences = context.sentences.filter((sentence) => index < paragraph || sentence.start < ref.start).reverse();
      for (const sentence of sentences) {
        const end = index < paragraph ? sentence.end : Math.min(sentence.end, ref.start);
        const mentions = mentionsWithin(index, sentence.start, end);
        const named = withoutPossessors(new Set(mentions.map((entry) => entry.mention.personId)), mentions, (entry) => /^['’]/u.test(context.text.slice(entry.mention.end - context.offset)));
        if (opensWithPronoun(context, sentence.start, pronoun)) continue;
        if (named.size === 0) {
          if (namesSomeoneUnknown(context, sentence.start, end, mentions)) return undefined;
          passedUnknownOpener ||= opensWithUnknownName(context, sentence.start, end, mentions);
          continue;
        }
        const reported = reportedSpeakers(context, sentence.start, end).map((speaker) => resolveName(speaker, index));
        // "Jo Roe, who represents Smith’s family, said he …": the one reported speaking is meant, known to the index or not.
        if (reported.includes(undefined)) return undefined;
        const speaking = new Set(reported.filter((id) => id !== undefined && named.has(id)));
        // "Carlineo was arrested for a call he made to Omar’s office": someone unknown may be the one meant.
        const unknownNamed = opensWithUnknownName(context, sentence.start, end, mentions) || namesSomeoneUnknown(context, sentence.start, end, mentions, true);
        if (speaking.size !== 1 && unknownNamed) return undefined;
        // Gender only rules a choice out, never in: with several people named, "he" may be one the sentence groups ("the two").
        const chosen = chooseAmong(named, () => reported, previousSpeaker);
        if (chosen === undefined || !fits(chosen)) return undefined;
        genders.set(chosen, pronoun);
        lastPronoun = { pronoun, paragraph, person: chosen };
        return chosen;
      }
      const carriesOn = index < paragraph && index === floor && floor > paragraph - MAX_PRONOUN_REACH && mentionsWithin(index, 0, context.text.length).length === 0;
      if (carriesOn && opensWithPronoun(context, 0, pronoun)) floor = Math.max(0, floor - 1);
    }
    // No one named within reach: the same pronoun, resolved in this paragraph or the one before, still stands for the same person.
    if (passedUnknownOpener || lastPronoun?.pronoun !== pronoun || lastPronoun.paragraph < paragraph - PRONOUN_REACH) return undefined;
    lastPronoun = { pronoun, paragraph, person: lastPronoun.person };
    return lastPronoun.person;
  };

  /**
   * "the prime minister": the nearest earlier person the people index
   * describes in this document with that role, else the only one it describes
   * so later. Leading modifiers the document never uses ("the embattled prime
   * minister") are dropped until a description matches.
   */
  const resolveRole = (ref: Extract<SpeakerRef, { kind: 'role' }>, paragraph: number): number | undefined => {
    const words = [...ref.modifiers, ref.head];
    let described: PersonDescription[] = [];
    for (let first = 0; first < words.length && described.length === 0; first += 1) {
      described = people.describedAs(words.slice(first).join(' '), file);
    }
    const at = (contexts[paragraph]?.offset ?? 0) + ref.start;
    const preceding = described.filter((description) => description.mentionStart < at).sort((a, b) => a.mentionStart - b.mentionStart).at(-1);
    if (preceding) return preceding.personId;
    const holders = new Set(described.map((description) => description.personId));
    return holders.size === 1 ? [...holders][0] : undefined;
  };

  const resolveReported = (paragraph: number, sentence: Span): number | undefined => {
    const context = contexts[paragraph];
    if (!context) return undefined;
    const speakers = reportedSpeakers(context, sentence.start, sentence.end, true).map((ref) =>
      ref.kind === 'pronoun' ? resolvePronoun(ref, paragraph, undefined) : resolveName(ref, paragraph),
    );
    const distinct = new Set(speakers);
    return distinct.size === 1 ? speakers[0] : undefined;
  };

  /** The one person a sentence names, when they open it as its subject: "Aderholt returned to the issue later. “…?”". */
  const soleSubject = (paragraph: number, sentence: Span): number | undefined => {
    const context = contexts[paragraph];
    const mentions = mentionsWithin(paragraph, sentence.start, sentence.end);
    const first = mentions[0];
    if (!context || !first || mentions.some((entry) => entry.mention.personId !== first.mention.personId)) return undefined;
    const lead = context.text.slice(sentence.start, first.mention.start - context.offset);
    const opens = !/(?:^|\s)[^\p{Lu}\s]/u.test(lead);
    return opens && !namesSomeoneUnknown(context, sentence.start, sentence.end, mentions) ? first.mention.personId : undefined;
  };

  return {
    resolvePreceding(paragraph, spanStart) {
      const own = contexts[paragraph]?.sentences.filter((sentence) => sentence.end <= spanStart).at(-1);
      if (own) return resolveReported(paragraph, own) ?? soleSubject(paragraph, own);
      const before = contexts[paragraph - 1]?.sentences.at(-1);
      return before ? resolveReported(paragraph - 1, before) : undefined;
    },
    resolve(ref, paragraph, previousSpeaker) {
      if (ref.kind === 'name') return resolveName(ref, paragraph);
      if (ref.kind === 'pronoun') return resolvePronoun(ref, paragraph, previousSpeaker);
      if (ref.kind === 'role') return resolveRole(ref, paragraph);
      return undefined;
    },
  };
}

/** The document's mentions outside quotations, each with the index of its body paragraph. */
function placeMentions(contexts: readonly ParagraphContext[], mentions: readonly PersonMention[]): PlacedMention[] {
  const placed: PlacedMention[] = [];
  for (const mention of mentions) {
    const paragraph = contexts.findIndex((context) => mention.start >= context.offset && mention.end <= context.offset + context.text.length);
    const context = contexts[paragraph];
    if (!context) continue;
    const start = mention.start - context.offset;
    if (context.spans.some((span) => start >= span.start && start < span.end)) continue;
    placed.push({ mention, paragraph });
  }
  return placed.sort((a, b) => a.mention.start - b.mention.start);
}

/**
 * Of several people a sentence names, those it names other than as the
 * owner of something: in "Wild defenseman Jo Roe, who joked about Lee’s
 * sticks, could see …" a "he" after is Roe, whose the sentence is.
 */
function withoutPossessors(named: ReadonlySet<number>, mentions: readonly PlacedMention[], isPossessive: (entry: PlacedMention) => boolean): ReadonlySet<number> {
  if (named.size < 2) return named;
  const subjects = new Set(mentions.filter((entry) => !isPossessive(entry)).map(({ mention }) => mention.personId));
  return subjects.size > 0 ? subjects : named;
}

/** One of several people a sentence names: the only one, or the one it reports as speaking, or the previous speaker. */
function chooseAmong(candidates: ReadonlySet<number>, speaking: () => Array<number | undefined>, previousSpeaker: number | undefined): number | undefined {
  if (candidates.size <= 1) return [...candidates][0];
  const reported = new Set(speaking().filter((id): id is number => id !== undefined && candidates.has(id)));
  if (reported.size === 1) return [...reported][0];
  return previousSpeaker !== undefined && candidates.has(previousSpeaker) ? previousSpeaker : undefined;
}

/** Whether the sentence at `start` has `pronoun` for its subject: "He then cited …". */
function opensWithPronoun(context: ParagraphContext, start: number, pronoun: string): boolean {
  const opening = context.words.find((word) => word.start >= start);
  return opening !== undefined && opening.term === pronoun && !context.quoted[context.words.indexOf(opening)];
}

/**
 * Whether the sentence at `start` opens with a capitalised word the people
 * index has no mention for and that is no common sentence opener or title
 * ("Carlineo was arrested …"): a person it does not know may be its subject.
 * Not before a noun of office ("Harbour pilot Jo Roe …"), which it only qualifies.
 */
function opensWithUnknownName(context: ParagraphContext, start: number, end: number, mentions: readonly PlacedMention[]): boolean {
  const index = context.words.findIndex((word) => word.start >= start);
  const word = context.words[index];
  if (!word || word.end > end || !word.capitalised || context.quoted[index]) return false;
  if (mentions.some(({ mention }) => mention.start <= context.offset + word.start && mention.end >= context.offset + word.end)) return false;
  const next = context.words[index + 1];
  // "Wild defenseman Ryan Suter": before a noun of office the word qualifies someone the sentence goes on to name.
  const followedByVerb = next !== undefined && !next.capitalised && !isRoleNoun(next.term) && /^\s+$/u.test(context.text.slice(word.end, next.start));
  return followedByVerb && !isSentenceOpener(word.term) && !isTitleHead(word.term) && !isOrganisationHead(word.term) && !isCountryWord(word.term) && !isRoleNoun(word.term);
}

/**
 * Whether words `start..end` hold what looks like a person's full name the
 * people index has no mention for: two or more capitalised words in a row,
 * past any leading title or sentence opener, not ending like an
 * organisation's or a place's name ("Striker Jonah Baptiste", not "White House").
 * With `titled`, only a name a title stands before ("Councillor Sanna
 * Holt"): beside people the index knows, a bare capitalised run is more
 * often an organisation or a place it rightly left out.
 */
function namesSomeoneUnknown(context: ParagraphContext, start: number, end: number, mentions: readonly PlacedMention[], titled = false): boolean {
  const mentioned = (index: number): boolean => {
    const word = context.words[index];
    return word !== undefined && mentions.some(({ mention }) => mention.start < context.offset + word.end && mention.end > context.offset + word.start);
  };
  let run: string[] = [];
  const isPersonLike = (): boolean => {
    const words = [...run];
    let title = false;
    while (words.length > 0 && (isSentenceOpener(words[0] ?? '') || isTitleHead(words[0] ?? '') || isTitleModifier(words[0] ?? ''))) {
      title ||= isTitleHead(words[0] ?? '');
      words.shift();
    }
    const last = words.at(-1) ?? '';
    return words.length >= 2 && (title || !titled) && !isOrganisationHead(last) && !isCountryWord(last);
  };
  for (const [index, word] of context.words.entries()) {
    if (word.start < start || word.end > end) continue;
    const joined = run.length > 0 && /^\s+$/u.test(context.text.slice(context.words[index - 1]?.end ?? 0, word.start));
    const outside = !context.quoted[index] && !mentioned(index);
    if (!word.capitalised || !outside || !joined) {
      if (isPersonLike()) return true;
      run = [];
    }
    if (word.capitalised && outside) run.push(word.term);
  }
  return isPersonLike();
}
