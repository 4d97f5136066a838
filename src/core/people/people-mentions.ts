import { describeCandidate, type Gender, type NameCandidate } from './name-candidates.ts';
import { typoAllowance, wordKey } from './name-keys.ts';
import { candidateSurnameKeys, nameKey, type PassageNames } from './name-statistics.ts';
import type { PeopleGroups, PersonDraft } from './people-groups.ts';
import { introducesRelative, type DescriptionSpan } from './person-descriptions.ts';
import { hasCue } from './person-evidence.ts';
import type { Passage } from '../types.ts';

/** A place where a person is named, resolved to them. Offsets are the file's. */
export interface ResolvedMention {
  draft: PersonDraft;
  passage: Passage;
  start: number;
  end: number;
  /** As written, a courtesy title included ("Mr. Witkoff"). */
  surface: string;
  descriptions: DescriptionSpan[];
}

interface Found {
  passage: Passage;
  candidate: NameCandidate;
  /** Index in the document of the name this one is an announced spelling of. */
  spells?: number;
}

/** Lone words whose slip-of-a-letter look-up is done: the same word costs one look-up per build. */
type SlipCache = Map<string, PersonDraft[]>;

function slipTargets(groups: PeopleGroups, key: string, cache: SlipCache): PersonDraft[] {
  let targets = cache.get(key);
  if (!targets) {
    targets = [];
    for (const [, [drafts, distance]] of groups.surnames.fuzzyGet(key, typoAllowance(key))) if (distance > 0) targets.push(...drafts);
    cache.set(key, targets);
  }
  return targets;
}

/**
 * Resolves one document's names in text order. A full name is its person; a
 * lone surname (or "Mr. X") is the nearest preceding full name with that
 * surname in the document whose courtesy title agrees ("Ms. Okafor" skips a
 * Mr. Okafor named since: CoreNLP's name-match sieve), else the first
 * following one, else the only person of that surname in the corpus; a lone
 * given name is the nearest preceding person of that given name; a slip of a
 * letter is the one person of the document it can be.
 */
function resolveDocument(found: readonly Found[], groups: PeopleGroups, cache: SlipCache, genders: Map<PersonDraft, Gender>): ResolvedMention[] {
  const firstFull = new Map<string, PersonDraft>();
  for (const { candidate } of found) {
    const draft = candidate.words.length >= 2 ? groups.byForm.get(nameKey(candidate.words)) : undefined;
    if (draft) for (const key of draft.surnameKeys) if (!firstFull.has(key)) firstFull.set(key, draft);
  }
  const inDocument = new Set(firstFull.values());
  /** For each surname key, the people last named in full with it, the most recent last. */
  const recent = new Map<string, PersonDraft[]>();
  const recentGiven = new Map<string, PersonDraft>();
  const resolved: (PersonDraft | undefined)[] = [];
  /** People the document introduces as someone's relative ("Her son, Thomas Ellery"). */
  const relatives = new Set<PersonDraft>();
  const agrees = (draft: PersonDraft, gender: Gender | undefined): boolean => !gender || (genders.get(draft) ?? gender) === gender;
  const nearestPreceding = (key: string, candidate: NameCandidate): PersonDraft | undefined => {
    const named = recent.get(key);
    if (!named) return undefined;
    const agreeing = named.filter((draft) => agrees(draft, candidate.gender));
    if (candidate.gender) {
      if (agreeing.length === 1 && agreeing[0]) genders.set(agreeing[0], candidate.gender);
      return agreeing.at(-1);
    }
    // News style names a relative who shares the surname in full and keeps the bare surname, or "Dr. X",
    // for the one they are the relative of: "Her son, Thomas Ellery, confirmed the death. Dr. Ellery had …".
    return agreeing.filter((draft) => !relatives.has(draft)).at(-1) ?? agreeing.at(-1);
  };
  const resolveLone = (candidate: NameCandidate): PersonDraft | undefined => {
    const keys = candidateSurnameKeys(candidate);
    // A surname just named in full wins over a look of a country ("al‑Sudani" … "Sudani").
    for (const key of keys) {
      const named = nearestPreceding(key, candidate);
      if (named) return named;
    }
    if (hasCue(candidate.cues, 'organisation')) return undefined;
    // A first name alone after a full name ("Jane said" after "Jane Roe, 32") is that person before anyone
    // of that surname elsewhere in the corpus.
    for (const key of keys) {
      const drafts = groups.bySurname.get(key);
      const draft = firstFull.get(key) ?? recentGiven.get(key) ?? (drafts?.length === 1 ? drafts[0] : undefined);
      if (draft) return draft;
    }
    const key = keys[0] ?? '';
    if (!hasCue(candidate.cues, 'honorific', 'titleRun', 'speech') || typoAllowance(key) === 0) return undefined;
    const targets = new Set(slipTargets(groups, key, cache).filter((draft) => inDocument.has(draft)));
    return targets.size === 1 ? [...targets][0] : undefined;
  };
  const mentions: ResolvedMention[] = [];
  for (const { passage, candidate, spells } of found) {
    const full = candidate.words.length >= 2;
    let draft = full ? groups.byForm.get(nameKey(candidate.words)) : resolveLone(candidate);
    if (!draft && spells !== undefined) draft = resolved[spells];
    resolved.push(draft);
    if (!draft) continue;
    inDocument.add(draft);
    if (full) {
      if (candidate.descriptions.some((span) => introducesRelative(passage.text, span))) relatives.add(draft);
      for (const key of draft.surnameKeys) recent.set(key, [...(recent.get(key) ?? []).filter((other) => other !== draft), draft]);
      recentGiven.set(wordKey(candidate.words[0]?.surface ?? ''), draft);
    }
    mentions.push({
      draft,
      passage,
      start: passage.start + candidate.mentionStart,
      end: passage.start + candidate.end,
      surface: passage.text.slice(candidate.mentionStart, candidate.end),
      descriptions: describeCandidate(passage.text, candidate).map((span) => ({ ...span, start: passage.start + span.start, end: passage.start + span.end })),
    });
  }
  return mentions;
}

/** Pass two: every mention of a person in the body passages (and bylines), one document at a time; `names` as for pass one. */
export function resolveMentions(passages: readonly Passage[], groups: PeopleGroups, names: PassageNames): ResolvedMention[] {
  const mentions: ResolvedMention[] = [];
  const cache: SlipCache = new Map();
  const genders = new Map<PersonDraft, Gender>();
  let document: Found[] = [];
  let file: string | undefined;
  const finishDocument = (): void => {
    for (const mention of resolveDocument(document, groups, cache, genders)) mentions.push(mention);
  };
  passages.forEach((passage, position) => {
    if (passage.file !== file) {
      finishDocument();
      document = [];
      file = passage.file;
    }
    const first = document.length;
    for (const candidate of names[position] ?? []) {
      document.push({ passage, candidate, ...(candidate.variantOf === undefined ? {} : { spells: first + candidate.variantOf }) });
    }
  });
  finishDocument();
  return mentions;
}
