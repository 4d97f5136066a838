import type { Passage, PeopleIndex, Person, PersonMention } from './types.ts';
import { normalise } from './text.ts';

/** Runs of capitalised words: candidate personal names. */
const CAPITALISED_RUN = /\p{Lu}[\p{L}'’]+(?:[\s\u00A0\u202F\u2011-]+\p{Lu}[\p{L}'’]+)*/gu;

/**
 * A first, simple people index: every run of two or more capitalised words is
 * a name, grouped under its last word; a lone capitalised word that is a known
 * surname is a mention of that person.
 */
export function buildPeopleIndex(passages: readonly Passage[]): PeopleIndex {
  const body = passages.filter((passage) => !passage.furniture);
  const fullNames = new Map<string, string>();
  for (const passage of body) {
    for (const match of passage.text.matchAll(CAPITALISED_RUN)) {
      const words = match[0].split(/[\s\u00A0\u202F]+/u);
      const surname = normalise(words.at(-1) ?? '');
      if (words.length >= 2 && (fullNames.get(surname)?.length ?? 0) < match[0].length) fullNames.set(surname, match[0]);
    }
  }
  const people: Person[] = [];
  const bySurname = new Map<string, Person>();
  for (const [surname, name] of fullNames) {
    const person: Person = { id: people.length, name, aliases: [], mentionCount: 0 };
    people.push(person);
    bySurname.set(surname, person);
  }
  const mentions: PersonMention[] = [];
  for (const passage of body) {
    for (const match of passage.text.matchAll(/\p{Lu}[\p{L}'’]+/gu)) {
      const person = bySurname.get(normalise(match[0]));
      if (!person) continue;
      person.mentionCount += 1;
      const start = passage.start + match.index;
      mentions.push({ personId: person.id, file: passage.file, passageId: passage.id, start, end: start + match[0].length });
    }
  }
  const find = (name: string): Person | undefined => bySurname.get(normalise(name).split(' ').at(-1) ?? '');
  return {
    people,
    find,
    complete: (partial, limit) => {
      const wanted = normalise(partial);
      return people
        .filter((person) => normalise(person.name).split(' ').some((word) => word.startsWith(wanted)))
        .sort((a, b) => b.mentionCount - a.mentionCount)
        .slice(0, limit);
    },
    mentionsIn: (file) => mentions.filter((mention) => mention.file === file),
  };
}
