import { wordKey } from './name-keys.ts';
import {
  isCountryName,
  isCountryWord,
  isHonorific,
  isKinshipNoun,
  isNameSuffix,
  isOrganisationHead,
  isParticle,
  isPlacePreposition,
  isRoleNoun,
  isSentenceOpener,
  isSpeechVerb,
  isTitleHead,
  isTitleLink,
  isTitleModifier,
} from './name-lexicon.ts';
import { findDescriptions, wordsBefore, type DescriptionSpan } from './person-descriptions.ts';
import { noEvidence, type NameEvidence } from './person-evidence.ts';
import { normalise, type Span } from './text.ts';

/** A capitalised word (or a particle inside a name) with its offsets in the passage text. */
export interface NameWord extends Span {
  surface: string;
  key: string;
  /** A lower-case particle inside a name: "van", "bin". */
  particle: boolean;
  /** All capitals ("NBC") or dotted ("U.S."): an organisation's or a country's abbreviation. */
  acronym: boolean;
  /** A single capital followed by a full stop: "E." in "David E. Sanger". */
  initial: boolean;
  /** Followed by "'s" or "’" (which the word leaves out). */
  possessive: boolean;
}

/** A name found in a passage, with the evidence around it. Offsets are the passage text's. */
export interface NameCandidate extends Span {
  /** The name's words, particles included; a borrowed surname comes last. */
  words: NameWord[];
  /** Where the mention starts: before a courtesy title ("Mr. Witkoff"), else at the name. */
  mentionStart: number;
  possessive: boolean;
  /** It opens a sentence, where any word is capitalised. */
  sentenceInitial: boolean;
  evidence: NameEvidence;
  descriptions: DescriptionSpan[];
  /** Its surname is the next name's: "Oded" in "grandparents Oded and Yocheved Lifshitz". */
  borrowedSurname: boolean;
  /** Index among the passage's candidates of the name this one is announced as a spelling of ("also spelled …"). */
  variantOf?: number;
}

/**
 * A capitalised word: a capital, letters, apostrophes and capitalised hyphen
 * parts ("Ben-Gvir"), or a particle hyphened to one ("al‑Hayya"), or a dotted
 * abbreviation ("U.S."). A word hyphened to a lower-case part ("Hamas-led")
 * is an adjective, not a name.
 */
const CAPITAL_WORD =
  /(?<![\p{L}\p{M}\p{N}'’\u2010\u2011-])(?:(?:\p{Lu}\.){2,}|(?:(?:al|el|ad|an|ar|as|ash|at|az|ibn|bin|abu|ben|d|de|da|di|du|del|van|von|le|la)[-\u2010\u2011'’])?\p{Lu}[\p{L}\p{M}'’]*(?:[-\u2010\u2011]\p{Lu}[\p{L}\p{M}'’]*)*)(?![\p{L}\p{M}\p{N}]|[-\u2010\u2011][\p{L}\p{N}])/gu;
const SPACES = /^[ \u00A0\u202F\t]+$/u;
const ABBREVIATION_GAP = /^\.[ \u00A0\u202F\t]+$/u;
const PARTICLE_GAP = /^[ \u00A0\u202F\t]+(\p{Ll}+)[ \u00A0\u202F\t]+$/u;
const COORDINATION_GAP = /^(?:,[ \u00A0\u202F]+|,?[ \u00A0\u202F]+(?:and|or)[ \u00A0\u202F]+)$/u;
const VARIANT_GAP = /\(?[ \u00A0\u202F]*(?:also (?:spelled|spelt|written|transliterated|known as|called)|a\.?k\.?a\.?|n[ée]e)(?: as)?[ \u00A0\u202F]+$/u;
const SENTENCE_BREAK = /[.!?:;…\u2014\u2013\n]/u;
const OPENING_MARKS = /[\s"“‘'([]/u;

function capitalWords(text: string): NameWord[] {
  const found: NameWord[] = [];
  for (const match of text.matchAll(CAPITAL_WORD)) {
    let surface = match[0];
    const possessive = /(?:['’]s|s['’])$/u.test(surface);
    surface = surface.replace(/['’]s?$/u, '');
    const start = match.index;
    const end = start + surface.length;
    const dotted = /^(?:\p{Lu}\.){2,}$/u.test(surface);
    const initial = surface.length === 1 && text[end] === '.';
    found.push({
      start,
      end,
      surface,
      key: wordKey(surface),
      particle: false,
      acronym: dotted || (surface.length >= 2 && /^[\p{Lu}\d]+$/u.test(surface)),
      initial,
      possessive,
    });
  }
  return found;
}

/** Whether two capitalised words belong to one run, and the particle between them if any. */
function joinRun(text: string, left: NameWord, right: NameWord): NameWord | boolean {
  if (left.possessive) return false;
  const gap = text.slice(left.end, right.start);
  if (SPACES.test(gap)) return true;
  if (ABBREVIATION_GAP.test(gap)) return left.initial || (left.surface.length <= 4 && isTitleHead(left.key));
  const particle = PARTICLE_GAP.exec(gap);
  if (particle?.[1] && isParticle(particle[1])) {
    const start = left.end + gap.indexOf(particle[1]);
    return { start, end: start + particle[1].length, surface: particle[1], key: particle[1], particle: true, acronym: false, initial: false, possessive: false };
  }
  return false;
}

/** Runs of capitalised words separated only by spaces, particles or an initial's full stop. */
function capitalRuns(text: string): NameWord[][] {
  const runs: NameWord[][] = [];
  let run: NameWord[] = [];
  for (const word of capitalWords(text)) {
    const last = run.at(-1);
    const joined = last ? joinRun(text, last, word) : false;
    if (joined === false) {
      if (run.length > 0) runs.push(run);
      run = [word];
      continue;
    }
    if (typeof joined === 'object') run.push(joined);
    run.push(word);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

function isSentenceStart(text: string, position: number): boolean {
  let cursor = position;
  while (cursor > 0 && OPENING_MARKS.test(text[cursor - 1] ?? '')) cursor -= 1;
  return cursor === 0 || SENTENCE_BREAK.test(text[cursor - 1] ?? '');
}

/** A word that cannot start a name: an abbreviation, or a country word when more words follow. */
const qualifiesName = (word: NameWord, remaining: number): boolean =>
  word.acronym || (remaining >= 3 && isCountryWord(word.key)) || (remaining === 2 && isCountryWord(word.key) && !isCountryName(word.key));

/** A word that may stand in a title before its head: "U.S.", "Israeli", "Prime", "National Security". */
const qualifiesTitle = (word: NameWord): boolean => word.acronym || isTitleHead(word.key) || isTitleModifier(word.key) || isCountryWord(word.key);

/** The index of the title head that ends a run's title part ("Prime Minister" in "Israeli Prime Minister Benjamin Netanyahu"). */
function titleEnd(run: readonly NameWord[]): number {
  for (let index = run.length - 1; index >= 0; index -= 1) {
    const word = run[index] as NameWord;
    if (word.particle || !isTitleHead(word.key)) continue;
    if (index < run.length - 1) return index;
    const qualifiersOnly = run.slice(0, index).every(qualifiesTitle);
    if (qualifiersOnly) return index;
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

function splitRun(text: string, run: NameWord[], titleBefore: Span | undefined): SplitRun {
  let words = run;
  let definite = false;
  const first = words[0];
  if (first && (first.key === 'the' || (isSentenceOpener(first.key) && isSentenceStart(text, first.start)))) {
    definite = first.key === 'the';
    words = words.slice(1);
  }
  let title: Span | undefined;
  let honorific = false;
  const end = titleEnd(words);
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
  return { ...(title ? { title } : {}), honorific, name: words, definite };
}

function lastWordBefore(text: string, position: number): string | undefined {
  return wordsBefore(text, position, 1)[0]?.folded;
}

/** The word after a name, past an inserted clause ("X, 86, …"), an auxiliary or an adverb. */
function verbAfter(text: string, position: number): string | undefined {
  const match = /^(?:,[^,.;]{1,80},)?[ \u00A0\u202F]*(?:(?:has|had|have|also|then|later|previously|once|would|will|did|does|reportedly|repeatedly|quietly|publicly|privately)[ \u00A0\u202F]+)?(\p{L}+)/u.exec(
    text.slice(position, position + 120),
  );
  return match?.[1] ? normalise(match[1]) : undefined;
}

function collectEvidence(text: string, split: SplitRun, descriptions: readonly DescriptionSpan[], name: Span & { possessive: boolean }): NameEvidence {
  const evidence = noEvidence();
  const words = split.name;
  const last = words.at(-1) as NameWord;
  const folded = normalise(words.map((word) => word.surface).join(' '));
  if (isOrganisationHead(last.key) || words.some((word) => word.acronym) || isCountryName(folded) || (words.length === 1 && isCountryWord(last.key))) {
    evidence.organisation = 1;
  }
  if (split.honorific) evidence.honorific = 1;
  else if (split.title) evidence.titleRun = 1;
  for (const description of descriptions) {
    if (description.kind === 'appositive') evidence.appositive = 1;
    else if (!split.title) evidence.role = 1;
  }
  const before = lastWordBefore(text, split.title?.start ?? name.start);
  if (split.definite || (!split.title && before === 'the')) evidence.definite = 1;
  if (!split.title && before !== undefined && isPlacePreposition(before)) evidence.place = 1;
  const after = name.possessive ? undefined : verbAfter(text, name.end);
  if ((after && isSpeechVerb(after)) || (before !== undefined && isSpeechVerb(before))) evidence.speech = 1;
  const next = /^['’]?s?[ \u00A0\u202F]+(\p{Ll}[\p{L}\u2010\u2011-]*)/u.exec(text.slice(name.end, name.end + 40))?.[1];
  const nextFolded = next ? normalise(next) : undefined;
  if (name.possessive && nextFolded && isKinshipNoun(nextFolded)) evidence.relation = 1;
  if (!name.possessive && nextFolded && isRoleNoun(nextFolded)) evidence.modifier = 1;
  return evidence;
}

function candidateOf(text: string, run: NameWord[], titleBefore: Span | undefined): { candidate?: NameCandidate; title?: Span } {
  const split = splitRun(text, run, titleBefore);
  if (split.name.length === 0) return split.title ? { title: split.title } : {};
  const first = split.name[0] as NameWord;
  const last = split.name.at(-1) as NameWord;
  const name = { start: first.start, end: last.end, possessive: last.possessive };
  const ownTitle = split.honorific ? undefined : split.title;
  const mentionStart = split.honorific && split.title ? split.title.start : name.start;
  const descriptions = findDescriptions(text, { ...name, start: mentionStart }, ownTitle);
  return {
    candidate: {
      ...name,
      words: split.name,
      mentionStart,
      sentenceInitial: isSentenceStart(text, (run[0] as NameWord).start),
      evidence: collectEvidence(text, split, descriptions, name),
      descriptions,
      borrowedSurname: false,
    },
  };
}

/** Coordinated names share their cues ("hostages Evyatar David and Rom Braslavski"). */
function shareCoordinatedEvidence(text: string, candidates: NameCandidate[]): void {
  for (let index = 1; index < candidates.length; index += 1) {
    const left = candidates[index - 1] as NameCandidate;
    const right = candidates[index] as NameCandidate;
    if (left.possessive || !COORDINATION_GAP.test(text.slice(left.end, right.mentionStart))) continue;
    for (const key of ['role', 'speech'] as const) {
      const shared = Math.max(left.evidence[key], right.evidence[key]);
      left.evidence[key] = shared;
      right.evidence[key] = shared;
    }
  }
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
    if (left.words.length !== 1 || right.words.length !== 2 || !surname || left.evidence.role === 0 || left.evidence.organisation > 0) continue;
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
 * The names in a passage's text, each with the evidence that it is a
 * person's and the spans that describe it. Titles are split from names
 * ("Prime Minister Benjamin Netanyahu"), sentence-opening words dropped, and
 * a title's place left out ("U.S. Ambassador to Israel Mike Huckabee").
 */
export function findNameCandidates(text: string): NameCandidate[] {
  const candidates: NameCandidate[] = [];
  let pendingTitle: Span | undefined;
  for (const run of capitalRuns(text)) {
    const first = run[0] as NameWord;
    const linked = pendingTitle && isTitleLink(lastWordBefore(text, first.start) ?? '') && first.start - pendingTitle.end < 12 ? pendingTitle : undefined;
    const { candidate, title } = candidateOf(text, run, linked);
    pendingTitle = candidate ? undefined : title;
    if (candidate) candidates.push(candidate);
  }
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
  while (first > 1 && isParticle(normalise((words[first - 1] as NameWord).surface))) first -= 1;
  const surface = words
    .slice(first, index + 1)
    .map((word) => word.surface)
    .join(' ');
  return { surface, index: first };
}
