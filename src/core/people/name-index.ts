import SearchableMap from 'minisearch/SearchableMap';
import { surnameKeys, wordKey } from './name-keys.ts';
import { isHonorific, isRoleNoun, isTitleHead, isTitleModifier } from './name-lexicon.ts';
import { normalise } from '../text/text.ts';

/** A person (by id) whose names come close to the words asked. */
export interface CloseName {
  id: number;
  /** Letters that differ, summed over the asked words (a word matching nothing counts all its letters); 0 when every word begins a word of a name. */
  distance: number;
  /** How many of the asked words matched at all. */
  matched: number;
}

/** Prefix and slip look-ups over the words of people's names, for autocomplete and "did you mean". */
export interface NameIndex {
  /** Ids of people a partial name may be, prefix matches before slips, each group in id order. */
  complete(partial: string, limit: number): number[];
  /** Ids of people whose names come closest to a name, best first. */
  closest(name: string, limit: number): CloseName[];
}

/** The keys a written name can be typed by: each word, its hyphen parts, and its surname keys. */
function typedKeys(surface: string): string[] {
  const keys: string[] = [];
  for (const word of normalise(surface).split(' ')) {
    if (isHonorific(wordKey(word))) continue;
    keys.push(...surnameKeys(word), ...word.split('-').map(wordKey));
  }
  return keys.filter((key) => key !== '');
}

/** A word of a typed name: its key, its folded form, and whether it was typed in lower case. */
interface TypedWord {
  key: string;
  folded: string;
  lowerCase: boolean;
}

/**
 * The words of a typed name, titles dropped when a name follows ("President
 * Trump" → "trump"), and so are roles typed in lower case around it
 * ("officer Jane Roe", "Roe immunologist" → "roe").
 */
export function typedWords(name: string): string[] {
  const typed: TypedWord[] = name.split(/\s+/u).flatMap((written) => {
    const folded = normalise(written);
    const key = wordKey(folded.replace(/'s?$/u, ''));
    return key === '' ? [] : [{ key, folded, lowerCase: written === written.toLowerCase() }];
  });
  const isRole = (word: TypedWord): boolean => word.lowerCase && isRoleNoun(word.folded);
  let first = 0;
  while (first < typed.length - 1 && (isTitleHead(typed[first]?.key ?? '') || isTitleModifier(typed[first]?.key ?? '') || isRole(typed[first] as TypedWord))) first += 1;
  let end = typed.length;
  while (end - 1 > first && isRole(typed[end - 1] as TypedWord)) end -= 1;
  return typed.slice(first, end).map((word) => word.key);
}

const slipAllowance = (word: string, generous: boolean): number => {
  if (word.length < (generous ? 3 : 4)) return 0;
  if (word.length < (generous ? 5 : 7)) return 1;
  return 2;
};

/** Builds a NameIndex one person at a time, so that a caller can spread the work over turns of its event loop. */
export interface NameIndexBuilder {
  /** `id` counts from 0 in the order people are ranked. */
  add(id: number, surfaces: readonly string[]): void;
  finish(): NameIndex;
}

/**
 * The look-ups over each person's names, added in the order people are
 * ranked (most-mentioned first), so sorting by id ranks by mentions. Words
 * are keys of minisearch's radix tree: a prefix or a slip of one or two
 * letters costs a walk of the tree, not a scan of every name.
 */
export function nameIndexBuilder(): NameIndexBuilder {
  const tree = new SearchableMap<number[]>();
  let count = 0;
  return {
    add(id, surfaces) {
      count = Math.max(count, id + 1);
      for (const key of new Set(surfaces.flatMap(typedKeys))) {
        const ids = tree.get(key);
        if (ids) ids.push(id);
        else tree.set(key, [id]);
      }
    },
    finish: () => nameIndexOver(tree, count),
  };
}

export function buildNameIndex(names: readonly (readonly string[])[]): NameIndex {
  const builder = nameIndexBuilder();
  names.forEach((surfaces, id) => builder.add(id, surfaces));
  return builder.finish();
}

function nameIndexOver(tree: SearchableMap<number[]>, count: number): NameIndex {
  const distancesFor = (word: string, generous: boolean): Map<number, number> => {
    const distances = new Map<number, number>();
    for (const [, ids] of tree.atPrefix(word)) for (const id of ids) distances.set(id, 0);
    const allowance = slipAllowance(word, generous);
    if (allowance === 0) return distances;
    for (const [, [ids, distance]] of tree.fuzzyGet(word, allowance)) {
      for (const id of ids) if (!distances.has(id) || (distances.get(id) ?? 0) > distance) distances.set(id, distance);
    }
    return distances;
  };
  return {
    complete(partial, limit) {
      const words = typedWords(partial);
      if (words.length === 0) return Array.from({ length: Math.max(0, Math.min(limit, count)) }, (_unused, id) => id);
      let combined: Map<number, number> | undefined;
      for (const word of words) {
        const distances = distancesFor(word, false);
        combined = combined ? new Map([...combined].filter(([id]) => distances.has(id)).map(([id, total]) => [id, total + (distances.get(id) ?? 0)])) : distances;
      }
      return [...(combined ?? [])]
        .sort(([idA, a], [idB, b]) => Math.sign(a) - Math.sign(b) || idA - idB)
        .slice(0, limit)
        .map(([id]) => id);
    },
    closest(name, limit) {
      const words = typedWords(name);
      const found = new Map<number, CloseName>();
      words.forEach((word, index) => {
        for (const [id, distance] of distancesFor(word, true)) {
          const close = found.get(id) ?? { id, distance: words.slice(0, index).reduce((sum, missed) => sum + missed.length, 0), matched: 0 };
          close.distance += distance;
          close.matched += 1;
          found.set(id, close);
        }
        for (const close of found.values()) if (close.matched <= index) close.distance += word.length;
      });
      return [...found.values()].sort((a, b) => a.distance - b.distance || a.id - b.id).slice(0, limit);
    },
  };
}
