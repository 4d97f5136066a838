import { passageNames } from './credit-lines.ts';
import type { NameCandidate } from './name-candidates.ts';
import { collectNameStatistics, lowerCaseWords, type FullNameForm } from './name-statistics.ts';
import { groupPeople, type PersonDraft } from './people-groups.ts';
import { createPeopleIndex, type PersonRecord } from './people-index.ts';
import { resolveMentions, type ResolvedMention } from './people-mentions.ts';
import { rolePhrases } from './person-descriptions.ts';
import { normalise } from '../text/text.ts';
import type { Passage, PeopleIndex, PersonDescription, PersonMention } from '../types.ts';

/** Forms in the order a name is chosen from: no slip, most words, most written, longest. */
function nameOrder(draft: PersonDraft): (a: FullNameForm, b: FullNameForm) => number {
  const isSlip = (form: FullNameForm): number => (draft.slipKeys.has(form.surnameKeys[0] ?? '') ? 1 : 0);
  const words = (form: FullNameForm): number => form.key.split(' ').length;
  // Initials say less than the names they stand for: "Benjamin Nzeribe" is fuller than "B. U. Nzeribe".
  const spelledOut = (form: FullNameForm): number => form.key.split(' ').filter((word) => word.length > 1).length;
  // A name is shown only as the corpus writes it: a surname borrowed from "Oded and Yocheved Lifshitz" ranks last.
  const composed = (form: FullNameForm): number => (form.verbatim ? 0 : 1);
  return (a, b) =>
    composed(a) - composed(b) || isSlip(a) - isSlip(b) || spelledOut(b) - spelledOut(a) || words(b) - words(a) || b.count - a.count || b.surface.length - a.surface.length;
}

/** The fullest form the corpus gives a person, verbatim. */
function chooseName(draft: PersonDraft): string {
  const [best] = [...draft.forms].sort(nameOrder(draft));
  return best?.surface ?? draft.lone?.surface ?? '';
}

/** Distinct surfaces (folded alike count as one), most frequent first, the name left out. */
function otherForms(name: string, surfaces: readonly string[]): string[] {
  const counts = new Map<string, { surface: string; count: number }>();
  for (const surface of surfaces) {
    const key = normalise(surface);
    const entry = counts.get(key) ?? { surface, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  counts.delete(normalise(name));
  return [...counts.values()].sort((a, b) => b.count - a.count).map((entry) => entry.surface);
}

function describe(draft: PersonDraft, mentions: readonly ResolvedMention[], personId: number): PersonRecord {
  const name = chooseName(draft);
  const descriptions: PersonDescription[] = [];
  const roles: string[] = [];
  for (const mention of mentions) {
    for (const span of mention.descriptions) {
      const { passage } = mention;
      descriptions.push({ personId, file: passage.file, passageId: passage.id, start: span.start, end: span.end, mentionStart: mention.start, mentionEnd: mention.end, kind: span.kind });
      roles.push(...rolePhrases(passage.text, { start: span.start - passage.start, end: span.end - passage.start }));
    }
  }
  const surfaces = [...mentions.map((mention) => mention.surface), ...draft.forms.filter((form) => form.verbatim).map((form) => form.surface), ...draft.announced];
  return {
    person: { id: personId, name, aliases: otherForms(name, surfaces), mentionCount: mentions.length, roles: otherForms('', roles) },
    mentions: mentions.map((mention): PersonMention => ({ personId, file: mention.passage.file, passageId: mention.passage.id, start: mention.start, end: mention.end })),
    descriptions,
    surnameKeys: [...draft.surnameKeys],
    givenKeys: [...draft.givenKeys],
  };
}

/**
 * What the people analysis reads of one document, which the document yields
 * on its own (most of the analysis's cost), so that it is cached with it:
 * the names each passage holds, with the evidence and descriptions around
 * them (page furniture yields none but for bylines and bio lines), and the
 * words it writes in lower case.
 */
export interface DocumentNames {
  passages: NameCandidate[][];
  lowerCaseWords: string[];
}

export function namesOfDocument(passages: readonly Passage[]): DocumentNames {
  return { passages: passages.map(passageNames), lowerCaseWords: lowerCaseWords(passages) };
}

/**
 * Who the people of a corpus are (`documents`: what each of its documents
 * yields, in the order of `passages`), in two linear passes over the names: the first counts every name with its evidence and decides who is
 * a person; the second resolves each mention, document by document. Plain
 * data, so that it can be cached and sent between threads; `createPeopleIndex`
 * answers questions over it.
 */
export function collectPeople(passages: readonly Passage[], documents: readonly DocumentNames[] = [namesOfDocument(passages)]): PersonRecord[] {
  const names = documents.flatMap((document) => document.passages);
  const groups = groupPeople(collectNameStatistics(passages, names, documents.map((document) => document.lowerCaseWords)));
  const byDraft = new Map<PersonDraft, ResolvedMention[]>();
  for (const mention of resolveMentions(passages, groups, names)) {
    const list = byDraft.get(mention.draft);
    if (list) list.push(mention);
    else byDraft.set(mention.draft, [mention]);
  }
  const ranked = [...byDraft].sort(([, a], [, b]) => b.length - a.length);
  return ranked.map(([draft, mentions], id) => describe(draft, mentions, id));
}

/** The people index of a corpus. */
export function buildPeopleIndex(passages: readonly Passage[]): PeopleIndex {
  return createPeopleIndex(collectPeople(passages), passages);
}

export { createPeopleIndex, peopleIndexBuilder, type PeopleIndexBuilder, type PersonRecord } from './people-index.ts';
export { typoAllowance, wordKey } from './name-keys.ts';
export { isCountryWord, isOrganisationHead, isParticle, isRoleNoun, isSentenceOpener, isTitleHead, isTitleModifier } from './name-lexicon.ts';
