import type { Passage } from './types.ts';

/**
 * Lists the Library keeps in passage order (time expressions, quotations, a
 * person's mentions) and the passages of one document, which have consecutive
 * ids: both are read by position, never by scanning the corpus.
 */

/** The position of the first item at or after a passage, by binary search in a list ordered by passage. */
function firstFromPassage(items: ReadonlyArray<{ passageId: number }>, passageId: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((items[middle]?.passageId ?? Infinity) < passageId) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The items of passages `first` to `last` (both included), from a list ordered by passage. */
export function inPassages<Item extends { passageId: number }>(items: readonly Item[], first: number, last = first): Item[] {
  const found: Item[] = [];
  for (let index = firstFromPassage(items, first); (items[index]?.passageId ?? Infinity) <= last; index += 1) found.push(items[index] as Item);
  return found;
}

/** The first and last passage ids of the document holding a passage. */
export function documentPassages(passages: readonly Passage[], passageId: number): { first: number; last: number } {
  const file = passages[passageId]?.file;
  let first = passageId;
  let last = passageId;
  while (passages[first - 1]?.file === file) first -= 1;
  while (passages[last + 1]?.file === file) last += 1;
  return { first, last };
}
