import type { Answer, CommandName } from './answer-schema.ts';
import { answerQuote } from './answer-quote.ts';
import { answerWhen, type WhenOrder } from './answer-when.ts';
import { answerWho } from './answer-who.ts';
import type { Library } from '../library/library.ts';
import { suggestTerms } from './results.ts';

export const DEFAULT_LIMIT = 5;

export interface AnswerOptions {
  /** How many results at most; DEFAULT_LIMIT when absent. */
  limit?: number;
  /** /quote: only quotations by this person. */
  speaker?: string;
  /** /when: 'timeline' lists the answers chronologically; 'relevance' (the default) by rank. */
  order?: WhenOrder;
}

/**
 * Answers one command from the Library as plain data. The query and the
 * options are what a person typed; every result's text is sliced from a file.
 */
export function answer(library: Library, command: CommandName, query: string, options: AnswerOptions = {}): Answer {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const answered =
    command === 'who'
      ? answerWho(library, query, limit)
      : command === 'when'
        ? answerWhen(library, query, limit, options.order ? { order: options.order } : {})
        : answerQuote(library, query, options.speaker, limit);
  const searched = [query, options.speaker ?? ''].join(' ').trim();
  const { suggestions: offered, ...found } = answered;
  const suggestions = offered ?? (found.results.length === 0 && searched !== '' ? suggestTerms(library, searched) : []);
  const speaker = command === 'quote' ? options.speaker?.trim() : undefined;
  return { command, query, ...(speaker ? { speaker } : {}), ...found, ...(suggestions.length > 0 ? { suggestions } : {}) };
}

export * from './answer-schema.ts';
export type { WhenOrder } from './answer-when.ts';
