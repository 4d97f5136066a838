import type { CommandAnswer } from './answer.ts';
import type { Library } from './library.ts';
import { resultFor, searchPassages } from './search.ts';

/** /when: the passages that rank highest for the event. */
export function answerWhen(library: Library, query: string, limit: number): CommandAnswer {
  const results = searchPassages(library, query, { limit }).map((hit) =>
    resultFor(library, hit.passage, hit.passage, hit.score, hit.matchedTerms),
  );
  return { results };
}
