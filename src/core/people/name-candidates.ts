import { foldWord, wordKey } from './name-keys.ts';
import {
  isCountryInitials,
  isCountryName,
  isCountryWord,
  isHonorific,
  isKinshipNoun,
  isNameSuffix,
  isOrganisationHead,
  isParticle,
  isPersonalSpeechVerb,
  isPlacePreposition,
  isRoleNoun,
  isSentenceOpener,
  isSpeechVerb,
  isTitleHead,
  isTitleLink,
  isTitleModifier,
  isWeekday,
} from './name-lexicon.ts';
import { capitalRuns, type NameWord } from './capital-runs.ts';
import { findDescriptions, isSentenceStart, predicateAfter, roleBefore, roleInNextSentence, wordsBefore, type DescriptionSpan } from './person-descriptions.ts';
import { isCommonGivenName } from './given-names.ts';
import { Cue, hasCue } from './person-evidence.ts';
import { speaksAsI } from './first-person-speech.ts';
import { withoutShouting } from './shouting.ts';
import type { Span } from '../text/text.ts';

/** A name found in a passage, with the evidence around it. Offsets are the passage text's. */
export interface NameCandidate extends Span {
  /** The name's words, particles included; a borrowed surname comes last. */
  words: NameWord[];
  /** Where the mention starts: before a courtesy title ("Mr. Witkoff"), else at the name. */
  mentionStart: number;
  possessive: boolean;
  /** The evidence around this occurrence, as bits of `Cue`. */
  cues: number;
  /** What describes it; found for full names, and for a lone name by `describeCandidate` when it turns out a person's. */
  descriptions: DescriptionSpan[];
  /** Its surname is the next name's: "Oded" in "grandparents Oded and Yocheved Lifshitz". */
  borrowedSurname: boolean;
  /** A capitalised title before it ("President"), not a courtesy title. */
  title?: Span;
  /** What a courtesy title ("Ms.", "Mr.") says of the person's gender. */
  gender?: Gender;
  /** Index among the passage's candidates of the name this one is announced as a spelling of ("also spelled …"). */
  variantOf?: number;
}

const COORDINATION_GAP = /^(?:,[ \u00A0\u202F]+|,?[ \u00A0\u202F]+(?:and|or)[ \u00A0\u202F]+)$/u;
const VARIANT_GAP = /\(?[ \u00A0\u202F]*(?:also (?:spelled|spelt|written|transliterated|known as|called)|a\.?k\.?a\.?|n[ée]e)(?: as)?[ \u00A0\u202F]+$/u;
/** A word that cannot start a name: an abbreviation, or a country word when more words follow. */
const qualifiesName = (word: NameWord, remaining: number): boolean =>
  (word.acronym && !isInitials(word)) || (remaining >= 3 && isCountryWord(word.key)) || (remaining === 2 && isCountryWord(word.key) && !isCountryName(word.key));

/** A word that may stand in a title before its head: "U.S.", "Israeli", "Prime", "National Security". */
const qualifiesTitle = (word: NameWord): boolean => word.acronym || isTitleHead(word.key) || isTitleModifier(word.key) || isCountryWord(word.key);

/** The index of the title head that ends a run's title part ("Prime Minister" in "Israeli Prime Minister Benjamin Netanyahu"). */
function titleEnd(run: readonly NameWord[]): number {
  for (let index = run.length - 1; index >= 0; index -= 1) {
    const word = run[index] as NameWord;
    const head = isTitleHead(word.key);
    // A role noun that is no given name ("Public Ombudsman Nadia Cruz", not "Julian Paul Assange") is a title before a whole name.
    const role = isRoleNoun(word.key) && !isCommonGivenName(word.key) && !run[index + 1]?.particle;
    if (word.particle || !(head || role)) continue;
    // A title stands first or after its qualifiers, or before a whole name ("Goldman Sachs President John
    // Waldron"); a title word with neither is a surname ("Martin Luther King Jr.", "Stephen King").
    const namedAfter = run.slice(index + 1).filter((after) => !after.particle && !isNameSuffix(after.key)).length;
    if ((head && run.slice(0, index).every(qualifiesTitle)) || namedAfter >= 2) return index;
  }
  return -1;
}

/** What a run of capitalised words holds: a title and a name, either possibly empty. */
interface SplitRun {
  title?: Span;
  honorific: boolean;
  name: NameWord[];
  definite: boolean;
}

/** "van der Berg" without a given name is one surname, not a full name: its particles join the word. */
function joinLeadingParticles(text: string, words: NameWord[]): NameWord[] {
  const first = words.findIndex((word) => !word.particle);
  const head = words[first];
  if (first <= 0 || !head) return words;
  const start = (words[0] as NameWord).start;
  const surface = text.slice(start, head.end);
  return [{ ...head, start, surface, key: wordKey(surface) }, ...words.slice(first + 1)];
}

/**
 * A verb's "-ing" form capitalised only because it opens the sentence ("Getting Disney+ right will …"):
 * no given name of the lists ("Sterling", "Irving") and followed by more capitalised words.
 */
const isOpeningGerund = (text: string, word: NameWord, remaining: number): boolean =>
  remaining >= 2 && word.key.length >= 6 && word.key.endsWith('ing') && !isCommonGivenName(word.key) && isSentenceStart(text, word.start);

/** A word that never ends a name: a weekday ("on Twitter Tuesday"), or one letter without an initial's full stop (the pronoun in "Thought I did"). */
const endsNoName = (word: NameWord): boolean => isWeekday(word.key) || (word.surface.length === 1 && !word.initial);

function splitRun(text: string, run: NameWord[], titleBefore: Span | undefined): SplitRun {
  let words = run;
  while (words.length > 0 && endsNoName(words.at(-1) as NameWord)) words = words.slice(0, -1);
  let definite = false;
  const first = words[0];
  if (first && (first.key === 'the' || (isSentenceOpener(first.key) && isSentenceStart(text, first.start)) || isOpeningGerund(text, first, words.length))) {
    definite = first.key === 'the';
    words = words.slice(1);
  }
  let title: Span | undefined;
  let honorific = false;
  const opening = words[0];
  // "Striker Jonah Baptiste scored": a role noun, capitalised only because it opens the sentence.
  // Not before a particle: "Analysts at Morgan Stanley" is a phrase, not a title and a name.
  if (opening && words.length >= 3 && isRoleNoun(opening.key) && !isTitleHead(opening.key) && !words[1]?.particle && isSentenceStart(text, opening.start)) {
    title = { start: opening.start, end: opening.end };
    words = words.slice(1);
  }
  const end = title ? -1 : titleEnd(words);
  if (end >= 0) {
    const head = words[end] as NameWord;
    honorific = isHonorific(head.key);
    let first = end;
    while (!honorific && first > 0 && qualifiesTitle(words[first - 1] as NameWord)) first -= 1;
    title = { start: (words[first] as NameWord).start, end: head.end + (text[head.end] === '.' ? 1 : 0) };
    words = words.slice(end + 1);
  }
  const linkedTitle = !title && titleBefore;
  let domainEnd = titleBefore?.end ?? 0;
  while (words.length > 1 && (qualifiesName(words[0] as NameWord, words.length) || (linkedTitle && isOrganisationHead((words[0] as NameWord).key)))) {
    domainEnd = (words[0] as NameWord).end;
    words = words.slice(1);
  }
  if (linkedTitle && words.length >= 3) {
    domainEnd = (words.at(-3) as NameWord).end;
    words = words.slice(-2);
  }
  if (linkedTitle && words.length > 0) title = { start: titleBefore.start, end: domainEnd };
  while (words.length > 0 && (words.at(-1) as NameWord).particle) words = words.slice(0, -1);
  // "Tested by: John Milbank RRP: …": an abbreviation after a whole name is not part of it.
  while (words.length > 2 && (words.at(-1) as NameWord).acronym) words = words.slice(0, -1);
  words = joinLeadingParticles(text, words);
  return { ...(title ? { title } : {}), honorific, name: words, definite };
}

function lastWordBefore(text: string, position: number): string | undefined {
  return wordsBefore(text, position, 1)[0]?.folded;
}

/** The word after a name, past an inserted clause ("X, 86, …"), an auxiliary or an adverb. */
const VERB_AFTER =
  /^(?:,[^,.;]{1,80},)?[ \u00A0\u202F]*(?:(?:has|had|have|also|then|later|previously|once|would|will|did|does|still|never|often|now|reportedly|repeatedly|quietly|publicly|privately)[ \u00A0\u202F]+)?(\p{L}+)/u;
/** An age between commas after a name: "Noel, 31, is charged". */
const AGE_AFTER = /^,[ \u00A0\u202F]*\d{1,3},/u;
/** A quotation closed and attributed with a dash: "“…” — Steve Witkoff". */
const DASH_ATTRIBUTION = /["”][ \u00A0\u202F]*[\u2014\u2013-][ \u00A0\u202F]*$/u;
/** "He" or "She" opening the next sentence: the name before is a person's ("Sanger covers … He has been …"). */
const PRONOUN_NEXT = /^[^.!?]{0,200}[.!?]["”’]?[ \u00A0\u202F]+(He|She)[ \u00A0\u202F]/u;
/** A quotation opened right before a name and closed right after it: “Mary Poppins”, “Star Wars,”. */
const QUOTE_OPENS = /["“‘][ \u00A0\u202F]?$/u;
const QUOTE_CLOSES = /^[,.!?]?["”’](?!\p{L})/u;

/** The lower-case word right after a name or its possessive: a relative ("X's son") or a role it qualifies ("White House press secretary"). */
const NOUN_AFTER = /^['’]?s?[ \u00A0\u202F]+(\p{Ll}[\p{L}\u2010\u2011-]*)/u;

function collectCues(text: string, split: SplitRun, descriptions: readonly DescriptionSpan[], name: Span & { possessive: boolean }): number {
  let cues = 0;
  const words = split.name;
  const last = words.at(-1) as NameWord;
  const lastFolded = foldWord(last.surface);
  const folded = words.length === 1 ? lastFolded : foldWord(words.map((word) => word.surface).join(' '));
  if (isOrganisationHead(lastFolded) || isAcronymAtEdge(words) || isCountryName(folded) || (words.length === 1 && isCountryWord(last.key))) {
    cues |= Cue.organisation;
  }
  if (split.honorific) cues |= Cue.honorific;
  else if (split.title) cues |= Cue.titleRun;
  for (const description of descriptions) {
    if (description.kind === 'appositive') cues |= Cue.appositive;
    else if (!split.title) cues |= Cue.role;
  }
  const before = lastWordBefore(text, split.title?.start ?? name.start);
  if (split.definite || (!split.title && before === 'the')) cues |= Cue.definite;
  // "at Jane Roe’s conference": a possessive is someone's, not a place.
  if (!split.title && !name.possessive && before !== undefined && isPlacePreposition(before)) cues |= Cue.place;
  if (hasInitials(words)) cues |= Cue.initials;
  if (isSentenceStart(text, name.start) || /["“‘][ \u00A0\u202F]?$/u.test(text.slice(Math.max(0, name.start - 2), name.start))) cues |= Cue.opensSentence;
  const following = text.slice(name.end, name.end + 120);
  const after = name.possessive ? undefined : VERB_AFTER.exec(following)?.[1];
  const verb = after ? foldWord(after) : undefined;
  if ((verb && isSpeechVerb(verb)) || (before !== undefined && isSpeechVerb(before))) cues |= Cue.speech;
  if (verb && isPersonalSpeechVerb(verb)) cues |= Cue.personalSpeech;
  if (DASH_ATTRIBUTION.test(text.slice(Math.max(0, name.start - 6), name.start))) cues |= Cue.speech | Cue.personalSpeech;
  if (!name.possessive && speaksAsI(text, split.title?.start ?? name.start, name.end, verb)) cues |= Cue.firstPerson;
  // The rest weighs only whether a full name is a person's; a lone word needs a courtesy title or a title.
  if (words.length === 1) return cues;
  if (!name.possessive && PRONOUN_NEXT.test(text.slice(name.end, name.end + 240))) cues |= Cue.pronoun;
  if (!split.title && QUOTE_OPENS.test(text.slice(Math.max(0, name.start - 2), name.start)) && QUOTE_CLOSES.test(text.slice(name.end, name.end + 3))) cues |= Cue.quotedTitle;
  const next = NOUN_AFTER.exec(following)?.[1];
  const nextFolded = next ? foldWord(next) : undefined;
  if (name.possessive && nextFolded && isKinshipNoun(nextFolded)) cues |= Cue.relation;
  if (!name.possessive && nextFolded && isRoleNoun(nextFolded)) cues |= Cue.modifier;
  return cues;
}

/** An abbreviation opening or closing a name ("NBC News", "Wells BBC"); inside one it is initials ("Struan WA Wilkie"). */
const isAcronymAtEdge = (words: readonly NameWord[]): boolean => Boolean((words[0]?.acronym && !isInitials(words[0])) || words.at(-1)?.acronym);

/** Dotted initials that open a name ("J.J.", "C.S."), unless a country's ("U.S."). */
function isInitials(word: NameWord): boolean {
  return /^(?:\p{Lu}\.){1,3}$/u.test(word.surface) && !isCountryInitials(word.key);
}

/** A name written with initials: opening ("J.J. Abrams") or in the middle ("Edward N. Lorenz", "Struan WA Wilkie"). */
function hasInitials(words: readonly NameWord[]): boolean {
  if (words.length < 2) return false;
  const [first] = words;
  const middle = words.slice(1, -1);
  return (first !== undefined && isInitials(first)) || middle.some((word) => word.initial || (word.acronym && word.surface.length <= 3));
}

/** Only what the text itself says, by a courtesy title. */
export type Gender = 'female' | 'male';

function genderOf(text: string, split: SplitRun): Gender | undefined {
  if (!split.honorific || !split.title) return undefined;
  const courtesy = foldWord(text.slice(split.title.start, split.title.end)).replace(/\.$/u, '');
  if (courtesy === 'mr') return 'male';
  return courtesy === 'ms' || courtesy === 'mrs' || courtesy === 'miss' ? 'female' : undefined;
}

function candidateOf(text: string, run: NameWord[], titleBefore: Span | undefined): { candidate?: NameCandidate; title?: Span } {
  const split = splitRun(text, run, titleBefore);
  if (split.name.length === 0) return split.title ? { title: split.title } : {};
  const first = split.name[0] as NameWord;
  const last = split.name.at(-1) as NameWord;
  // "Jr." keeps its full stop, as the name is written.
  const suffixStop = isNameSuffix(last.key) && text[last.end] === '.' ? 1 : 0;
  const name = { start: first.start, end: last.end + suffixStop, possessive: last.possessive };
  const ownTitle = split.honorific ? undefined : split.title;
  const mentionStart = split.honorific && split.title ? split.title.start : name.start;
  const lone = split.name.length === 1;
  const descriptions = lone ? [] : findDescriptions(text, { ...name, start: mentionStart }, ownTitle);
  let cues = collectCues(text, split, descriptions, name);
  if (lone && roleBefore(text, mentionStart)) cues |= Cue.role;
  if (lone && !name.possessive && (AGE_AFTER.test(text.slice(name.end, name.end + 8)) || (isSentenceStart(text, mentionStart) && predicateAfter(text, name.end)))) cues |= Cue.appositive;
  const gender = genderOf(text, split);
  return {
    candidate: {
      ...(gender ? { gender } : {}),
      ...name,
      words: split.name,
      mentionStart,
      cues,
      descriptions,
      borrowedSurname: false,
      ...(ownTitle ? { title: ownTitle } : {}),
    },
  };
}

/** The descriptions of a lone name ("Mr. Witkoff, a real estate developer"), found once it is known to be a person's. */
export function describeCandidate(text: string, candidate: NameCandidate): DescriptionSpan[] {
  if (candidate.words.length > 1 && !candidate.borrowedSurname) return candidate.descriptions;
  return findDescriptions(withoutShouting(text), { start: candidate.mentionStart, end: candidate.end, possessive: candidate.possessive }, candidate.title);
}

/** The cues of an occurrence that say it is a person's. */
const PERSON_CUES = ['honorific', 'titleRun', 'role', 'appositive', 'speech', 'relation'] as const;

/** Coordinated names share their cues ("hostages Evyatar David and Rom Braslavski"). */
function shareCoordinatedEvidence(text: string, candidates: NameCandidate[]): void {
  for (let index = 1; index < candidates.length; index += 1) {
    const left = candidates[index - 1] as NameCandidate;
    const right = candidates[index] as NameCandidate;
    if (left.possessive || !COORDINATION_GAP.test(text.slice(left.end, right.mentionStart))) continue;
    const shared = (left.cues | right.cues) & (Cue.role | Cue.speech | Cue.personalSpeech);
    for (const [one, other] of [[left, right], [right, left]] as const) {
      if (hasCue(one.cues, 'organisation') && !hasCue(other.cues, ...PERSON_CUES)) other.cues |= Cue.modifier;
    }
    left.cues |= shared;
    right.cues |= shared;
  }
}

/** "… says Jane Roe. She’s the director of …": the last full name of a sentence is described by the next one's "She is …". */
function describeFromNextSentence(text: string, candidates: NameCandidate[]): void {
  candidates.forEach((candidate, index) => {
    if (candidate.words.length < 2 || candidate.possessive) return;
    const next = roleInNextSentence(text, candidate.end);
    if (!next) return;
    // Names inside the candidate's own appositive ("Jane Roe, MD") do not come between it and the next sentence.
    const ownEnd = Math.max(candidate.end, ...candidate.descriptions.map((description) => description.end));
    if (candidates.slice(index + 1).some((other) => other.start > ownEnd && other.start < next.sentenceStart)) return;
    candidate.descriptions.push(next.description);
    candidate.cues |= Cue.appositive;
  });
}

/**
 * "grandparents Oded and Yocheved Lifshitz": a lone given name, introduced by
 * a role, coordinated with a full name, takes that name's surname.
 */
function borrowSurnames(text: string, candidates: NameCandidate[]): void {
  for (let index = 1; index < candidates.length; index += 1) {
    const left = candidates[index - 1] as NameCandidate;
    const right = candidates[index] as NameCandidate;
    const surname = right.words.at(-1);
    if (left.words.length !== 1 || right.words.length !== 2 || !surname || !hasCue(left.cues, 'role') || hasCue(left.cues, 'organisation')) continue;
    if (!/^[ \u00A0\u202F]+and[ \u00A0\u202F]+$/u.test(text.slice(left.end, right.start))) continue;
    left.words = [...left.words, surname];
    left.borrowedSurname = true;
  }
}

function markVariants(text: string, candidates: NameCandidate[]): void {
  for (let index = 1; index < candidates.length; index += 1) {
    const previous = candidates[index - 1] as NameCandidate;
    const candidate = candidates[index] as NameCandidate;
    if (VARIANT_GAP.test(text.slice(previous.end, candidate.start)) && candidate.start - previous.end < 40) candidate.variantOf = index - 1;
  }
}

/**
 * "China’s ambassador to Britain Liu Xiaming", "the envoy to Syria Geir Pedersen": a lower-case title
 * and a link before a run of three words or more title it as a capitalised one would ("Ambassador to
 * Israel Mike Huckabee"), the place between left out of the name.
 */
function officeBefore(text: string, run: readonly NameWord[]): Span | undefined {
  const first = run[0];
  if (!first || run.length < 3) return undefined;
  const [link, office] = wordsBefore(text, first.start, 2);
  if (!link || !office || !isTitleLink(link.folded) || !isTitleHead(office.folded) || !/^\p{Ll}/u.test(office.surface)) return undefined;
  return { start: office.start, end: office.end };
}

/**
 * The names in a passage's text, each with the evidence that it is a
 * person's and the spans that describe it. Titles are split from names
 * ("Prime Minister Benjamin Netanyahu"), sentence-opening words dropped, and
 * a title's place left out ("U.S. Ambassador to Israel Mike Huckabee").
 */
export function findNameCandidates(written: string): NameCandidate[] {
  const text = withoutShouting(written);
  const candidates: NameCandidate[] = [];
  let pendingTitle: Span | undefined;
  for (const run of capitalRuns(text)) {
    const first = run[0] as NameWord;
    const linked = pendingTitle && isTitleLink(lastWordBefore(text, first.start) ?? '') && first.start - pendingTitle.end < 12 ? pendingTitle : officeBefore(text, run);
    const { candidate, title } = candidateOf(text, run, linked);
    pendingTitle = candidate ? undefined : title;
    if (candidate) candidates.push(candidate);
  }
  describeFromNextSentence(text, candidates);
  shareCoordinatedEvidence(text, candidates);
  borrowSurnames(text, candidates);
  markVariants(text, candidates);
  return candidates;
}

/** The surname of a name's words: the last word that is not a suffix, with a particle before it ("Da Silva"). */
export function surnameOf(words: readonly NameWord[]): { surface: string; index: number } {
  let index = words.length - 1;
  while (index > 0 && isNameSuffix((words[index] as NameWord).key)) index -= 1;
  let first = index;
  while (first > 1 && isParticle(foldWord((words[first - 1] as NameWord).surface))) first -= 1;
  const surface = words
    .slice(first, index + 1)
    .map((word) => word.surface)
    .join(' ');
  return { surface, index: first };
}
