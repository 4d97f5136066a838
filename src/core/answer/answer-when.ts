import type { CommandAnswer, Result } from './answer-schema.ts';
import { expressionsInPassage, placementOf } from '../time/time.ts';
import type { Library } from '../library/library.ts';
import { type PassageHit, resultFor, searchPassages } from './results.ts';
import { tokensMatching } from '../search/search.ts';
import { splitSentences } from '../text/text.ts';
import { chooseExpression } from './when-clauses.ts';

export type WhenOrder = 'relevance' | 'timeline';

export interface WhenOptions {
  /** 'timeline' lists the answers by resolved date, undated ones last; 'relevance' (the default) by rank. */
  order?: WhenOrder;
}

/** How many ranked passages are weighed per answer asked for, so one with a time expression can overtake one without. */
const CANDIDATES_PER_RESULT = 5;
const MIN_CANDIDATES = 25;

/**
 * What a passage's BM25 score is multiplied by, giving the result's score: an answer to "when" is best
 * when a time expression stands in the sentence that matches the event, less
 * good when it stands elsewhere in the passage, weakest with none.
 */
const WEIGHT_SAME_SENTENCE = 1;
const WEIGHT_OTHER_SENTENCE = 0.75;
const WEIGHT_NO_EXPRESSION = 0.5;

interface WhenAnswer {
  result: Result;
  weight: number;
}

/**
 * /when: the passages about the event, each answered by the sentence that says
 * when it happened, with that time expression marked (`when.start`/`end`
 * within `text`) and its resolved date where one is sound. The expression
 * chosen belongs to the clause the question matched (see when-clauses.ts). A passage about the event with no time expression still answers,
 * whole, its document's date given as such.
 */
export function answerWhen(library: Library, query: string, limit: number, options: WhenOptions = {}): CommandAnswer {
  const hits = searchPassages(library, query, Math.max(limit * CANDIDATES_PER_RESULT, MIN_CANDIDATES));
  const ranked = hits
    .map((hit) => answerPassage(library, hit))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, limit)
    .map((answer) => answer.result);
  return { results: options.order === 'timeline' ? inTimelineOrder(ranked) : ranked };
}

function answerPassage(library: Library, hit: PassageHit): WhenAnswer {
  const { passage } = hit;
  const documentDate = library.documentDates.get(passage.file);
  const dated = documentDate ? { documentDate } : {};
  const sentences = splitSentences(passage.text);
  const matches = tokensMatching(passage.text, hit.matchedTerms);
  const placed = expressionsInPassage(library.timeExpressions, passage.id).map((item) => {
    const span = { start: item.start - passage.start, end: item.end - passage.start };
    return { item, span, placement: placementOf(passage.text.slice(span.start, span.end)) };
  });
  const nearest = chooseExpression(passage.text, placed, matches, sentences);
  if (!nearest) {
    const weight = hit.score * WEIGHT_NO_EXPRESSION;
    return { result: { ...resultFor(library, passage, passage, weight, hit.matchedTerms), ...dated }, weight };
  }
  const first = Math.min(nearest.sentence, nearest.matchSentence);
  const last = Math.max(nearest.sentence, nearest.matchSentence);
  const span = { start: passage.start + (sentences[first]?.start ?? 0), end: passage.start + (sentences[last]?.end ?? passage.text.length) };
  const expression = nearest.chosen.item;
  const text = library.documentsByFile.get(passage.file)?.text ?? '';
  const when = {
    text: text.slice(expression.start, expression.end),
    ...(expression.date ? { date: expression.date } : {}),
    start: expression.start - span.start,
    end: expression.end - span.start,
  };
  const weight = hit.score * (first === last ? WEIGHT_SAME_SENTENCE : WEIGHT_OTHER_SENTENCE);
  return { result: { ...resultFor(library, passage, span, weight, hit.matchedTerms), when, ...dated }, weight };
}

/** Results by resolved date, earliest first (a year before its months), undated ones last in their ranked order. */
function inTimelineOrder(results: readonly Result[]): Result[] {
  const dated = results.filter((result) => result.when?.date !== undefined);
  const undated = results.filter((result) => result.when?.date === undefined);
  const dateOf = (result: Result): string => result.when?.date ?? '';
  return [...dated.sort((a, b) => (dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : 0)), ...undated];
}
