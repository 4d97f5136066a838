import { findNameCandidates, type NameCandidate } from './name-candidates.ts';
import { typoAllowance, wordKey } from './name-keys.ts';
import { candidateSurnameKeys, nameKey } from './name-statistics.ts';
import type { PeopleGroups, PersonDraft } from './people-groups.ts';
import type { DescriptionSpan } from './person-descriptions.ts';
import type { Passage } from './types.ts';

/** A place where a person is named, resolved to them. Offsets are the file's. */
export interface ResolvedMention {
  draft: PersonDraft;
  passage: Passage;
  start: number;
  end: number;
  /** As written, a courtesy title included ("Mr. Witkoff"). */
  surface: string;
  /** Written as a full name, not a lone surname or given name. */
  full: boolean;
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

const hasPersonCue = (candidate: NameCandidate): boolean => candidate.evidence.honorific + candidate.evidence.titleRun + candidate.evidence.speech > 0;

/**
 * Resolves one document's names in text order. A full name is its person; a
 * lone surname (or "Mr. X") is the nearest preceding full name with that
 * surname in the document (CoreNLP's name-match sieve), else the first
 * following one, else the only person of that surname in the corpus; a lone
 * given name is the nearest preceding person of that given name; a slip of a
 * letter is the one person of the document it can be.
 */
function resolveDocument(found: readonly Found[], groups: PeopleGroups, cache: SlipCache): ResolvedMention[] {
  const firstFull = new Map<string, PersonDraft>();
  for (const { candidate } of found) {
    const draft = candidate.words.length >= 2 ? groups.byForm.get(nameKey(candidate.words)) : undefined;
    if (draft) for (const key of draft.surnameKeys) if (!firstFull.has(key)) firstFull.set(key, draft);
  }
  const inDocument = new Set(firstFull.values());
  const recent = new Map<string, PersonDraft>();
  const recentGiven = new Map<string, PersonDraft>();
  const resolved: (PersonDraft | undefined)[] = [];
  const resolveLone = (candidate: NameCandidate): PersonDraft | undefined => {
    if (candidate.evidence.organisation > 0) return undefined;
    const keys = candidateSurnameKeys(candidate);
    for (const key of keys) {
      const drafts = groups.bySurname.get(key);
      const draft = recent.get(key) ?? firstFull.get(key) ?? (drafts?.length === 1 ? drafts[0] : undefined);
      if (draft) return draft;
      if (!drafts && recentGiven.has(key)) return recentGiven.get(key);
    }
    const key = keys[0] ?? '';
    if (!hasPersonCue(candidate) || typoAllowance(key) === 0) return undefined;
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
      for (const key of draft.surnameKeys) recent.set(key, draft);
      recentGiven.set(wordKey(candidate.words[0]?.surface ?? ''), draft);
    }
    mentions.push({
      draft,
      passage,
      start: passage.start + candidate.mentionStart,
      end: passage.start + candidate.end,
      surface: passage.text.slice(candidate.mentionStart, candidate.end),
      full: full && !candidate.borrowedSurname,
      descriptions: candidate.descriptions.map((span) => ({ ...span, start: passage.start + span.start, end: passage.start + span.end })),
    });
  }
  return mentions;
}

/** Pass two: every mention of a person in the body passages, one document at a time. */
export function resolveMentions(passages: readonly Passage[], groups: PeopleGroups): ResolvedMention[] {
  const mentions: ResolvedMention[] = [];
  const cache: SlipCache = new Map();
  let document: Found[] = [];
  let file: string | undefined;
  const finishDocument = (): void => {
    for (const mention of resolveDocument(document, groups, cache)) mentions.push(mention);
  };
  for (const passage of passages) {
    if (passage.file !== file) {
      finishDocument();
      document = [];
      file = passage.file;
    }
    if (passage.furniture) continue;
    const first = document.length;
    for (const candidate of findNameCandidates(passage.text)) {
      document.push({ passage, candidate, ...(candidate.variantOf === undefined ? {} : { spells: first + candidate.variantOf }) });
    }
  }
  finishDocument();
  return mentions;
}
