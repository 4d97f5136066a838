import type { CommandAnswer } from './answer.ts';
import type { Library } from './library.ts';
import { resultFor, searchPassages } from './search.ts';

/** /who: the passages that rank highest for the name. */
export function answerWho(library: Library, query: string, limit: number): CommandAnswer {
  const results = searchPassages(library, query, { limit }).map((hit) =>
    resultFor(library, hit.passage, hit.passage, hit.score, hit.matchedTerms),
  );
  return { results };
}
