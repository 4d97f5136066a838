import { nameIndexBuilder, typedWords, type NameIndex } from './name-index.ts';
import { givenNamesAgree } from './name-keys.ts';
import { isRoleNoun } from './name-lexicon.ts';
import { isStopWord, tokenize } from '../text/text.ts';
import type { Passage, PeopleIndex, Person, PersonDescription, PersonMention } from '../types.ts';

/** Everything the index knows about one person, ranked by mentions (Person.id is the rank). */
export interface PersonRecord {
  person: Person;
  mentions: PersonMention[];
  descriptions: PersonDescription[];
  surnameKeys: string[];
  givenKeys: string[];
}

/** A description's words, for matching a role asked for. */
interface DescriptionTerms {
  description: PersonDescription;
  /** Its terms without stop words, and whether each is the head of its phrase (last, or before a stop word). */
  terms: string[];
  heads: boolean[];
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A text's terms, a hyphened compound once as a whole ("son‑in‑law"), not again as its parts. */
function wholeTerms(text: string): string[] {
  const tokens = tokenize(text);
  return tokens
    .filter((token) => !tokens.some((other) => other.start <= token.start && other.end >= token.end && other.end - other.start > token.end - token.start))
    .map((token) => token.term);
}

function termsOf(description: PersonDescription, text: string): DescriptionTerms {
  const all = wholeTerms(text);
  const terms: string[] = [];
  const heads: boolean[] = [];
  all.forEach((term, index) => {
    if (isStopWord(term)) return;
    const next = all[index + 1];
    terms.push(term);
    heads.push(next === undefined || isStopWord(next));
  });
  return { description, terms, heads };
}

/**
 * How well a description gives a role: 3 when it holds the role's words in
 * order and as the head of its phrase ("the finance minister"), 2 in order,
 * 1 when it holds them all apart ("the leader of the … Union" for "union
 * leader"), 0 when it misses one.
 */
function roleScore(entry: DescriptionTerms, wanted: readonly string[]): number {
  if (!wanted.every((term) => entry.terms.includes(term))) return 0;
  let best = 1;
  for (let start = 0; start + wanted.length <= entry.terms.length; start += 1) {
    if (!wanted.every((term, offset) => entry.terms[start + offset] === term)) continue;
    best = Math.max(best, entry.heads[start + wanted.length - 1] ? 3 : 2);
  }
  return best;
}

/** The key of a file's entries for a term: resolving a role inside one article does not scan the whole corpus. */
const fileTermKey = (file: string, term: string): string => `${file}\u0000${term}`;

/** Builds a PeopleIndex one record at a time, so that a caller can spread the work over turns of its event loop. */
export interface PeopleIndexBuilder {
  /** Records come ranked, most-mentioned first: the n-th added has Person.id n. */
  add(record: PersonRecord): void;
  /**
   * A record in steps: its person, then its descriptions one at a time (the
   * most-mentioned person of 10,000 articles has 12,000, 180 ms of work), so
   * that a caller can stop between any two. The same as `add` once all are taken.
   */
  stepsOf(record: PersonRecord): Iterable<void>;
  finish(): PeopleIndex;
}

/**
 * The queries over the people of a corpus: by name (any alias, honorific,
 * possessive or announced spelling), by partial name, by a slip, by role.
 * `records` are ranked most-mentioned first; descriptions are read from `passages`.
 */
export function createPeopleIndex(records: readonly PersonRecord[], passages: readonly Passage[]): PeopleIndex {
  const builder = peopleIndexBuilder(passages);
  for (const record of records) builder.add(record);
  return builder.finish();
}

export function peopleIndexBuilder(passages: readonly Passage[]): PeopleIndexBuilder {
  const records: PersonRecord[] = [];
  const people: Person[] = [];
  const byAlias = new Map<string, number[]>();
  const bySurname = new Map<string, number[]>();
  const byGiven = new Map<string, number[]>();
  const byFile = new Map<string, PersonMention[]>();
  const byTerm = new Map<string, DescriptionTerms[]>();
  const byFileTerm = new Map<string, DescriptionTerms[]>();
  const names = nameIndexBuilder();
  function* stepsOf(record: PersonRecord): Generator<void> {
    const { person, mentions, descriptions, surnameKeys, givenKeys } = record;
    records.push(record);
    people.push(person);
    for (const surface of new Set([person.name, ...person.aliases].map((name) => typedWords(name).join('')))) addTo(byAlias, surface, person.id);
    for (const key of surnameKeys) addTo(bySurname, key, person.id);
    for (const key of givenKeys) addTo(byGiven, key, person.id);
    for (const mention of mentions) addTo(byFile, mention.file, mention);
    names.add(person.id, [person.name, ...person.aliases]);
    for (const description of descriptions) {
      yield;
      const passage = passages[description.passageId];
      const text = passage ? passage.text.slice(description.start - passage.start, description.end - passage.start) : '';
      const entry = termsOf(description, text);
      for (const term of new Set(entry.terms)) {
        addTo(byTerm, term, entry);
        addTo(byFileTerm, fileTermKey(description.file, term), entry);
      }
    }
  }
  const add = (record: PersonRecord): void => {
    const steps = stepsOf(record);
    while (!steps.next().done);
  };
  const finish = (): PeopleIndex => {
    for (const mentions of byFile.values()) mentions.sort((a, b) => a.start - b.start);
    return peopleIndexOver({ records, people, byAlias, bySurname, byGiven, byFile, byTerm, byFileTerm, names: names.finish() });
  };
  return { add, stepsOf, finish };
}

interface PeopleTables {
  records: readonly PersonRecord[];
  people: readonly Person[];
  byAlias: Map<string, number[]>;
  bySurname: Map<string, number[]>;
  byGiven: Map<string, number[]>;
  byFile: Map<string, PersonMention[]>;
  byTerm: Map<string, DescriptionTerms[]>;
  byFileTerm: Map<string, DescriptionTerms[]>;
  names: NameIndex;
}

function peopleIndexOver({ records, people, byAlias, bySurname, byGiven, byFile, byTerm, byFileTerm, names }: PeopleTables): PeopleIndex {
  const toPeople = (ids: readonly number[]): Person[] => [...new Set(ids)].sort((a, b) => a - b).map((id) => people[id] as Person);

  const lookup = (name: string): Person[] => {
    const words = typedWords(name);
    const last = words.at(-1);
    if (!last) return [];
    if (words.length === 1) return toPeople(bySurname.get(last) ?? byGiven.get(last) ?? byAlias.get(last) ?? []);
    const exact = byAlias.get(words.join(''));
    if (exact) return toPeople(exact);
    const given = words[0] ?? '';
    const surnames = bySurname.get(last) ?? bySurname.get(words.slice(1).join('')) ?? [];
    return toPeople(surnames.filter((id) => records[id]?.givenKeys.some((known) => givenNamesAgree(known, given))));
  };

  const describedAs = (role: string, file?: string): PersonDescription[] => {
    const entriesOf = (term: string): DescriptionTerms[] => (file === undefined ? byTerm.get(term) : byFileTerm.get(fileTermKey(file, term))) ?? [];
    const wanted = wholeTerms(role).filter((term) => !isStopWord(term));
    const [rarest] = [...new Set(wanted)].sort((a, b) => entriesOf(a).length - entriesOf(b).length);
    if (!rarest || !wanted.some(isRoleNoun)) return [];
    const all = entriesOf(rarest).map((entry) => ({ entry, score: roleScore(entry, wanted) })).filter(({ score }) => score > 0);
    const best = Math.max(0, ...all.map(({ score }) => score));
    const scored = all.filter(({ score }) => score === best);
    const holderScore = new Map<number, number>();
    for (const { entry, score } of scored) holderScore.set(entry.description.personId, (holderScore.get(entry.description.personId) ?? 0) + score);
    return scored
      .sort((a, b) => (holderScore.get(b.entry.description.personId) ?? 0) - (holderScore.get(a.entry.description.personId) ?? 0) || b.score - a.score)
      .map(({ entry }) => entry.description);
  };

  return {
    people,
    find: (name) => {
      const found = lookup(name);
      return found.length === 1 ? found[0] : undefined;
    },
    lookup,
    complete: (partial, limit) => names.complete(partial, limit).map((id) => people[id] as Person),
    suggest: (name, limit) => names.closest(name, limit).map((close) => ({ person: people[close.id] as Person, distance: close.distance })),
    mentionsIn: (file) => byFile.get(file) ?? [],
    mentionsOf: (personId) => records[personId]?.mentions ?? [],
    descriptionsOf: (personId) => records[personId]?.descriptions ?? [],
    describedAs,
    roleHolder: (role, file) => {
      const [holder] = [...(file ? describedAs(role, file) : []), ...describedAs(role)];
      return holder ? people[holder.personId] : undefined;
    },
  };
}
