import type { Answer, CommandName, Result } from './answer-schema.ts';
import type { Library } from './library.ts';
import { resultFor, searchPassages, suggestTerms } from './search.ts';
import { normalise } from './text.ts';

export const DEFAULT_LIMIT = 5;

export interface AnswerOptions {
  /** How many results at most; DEFAULT_LIMIT when absent. */
  limit?: number;
  /** /quote: only quotations by this person. */
  speaker?: string;
}

const QUOTATION_MARK = /["“”]/u;

/**
 * Answers one command from the Library as plain data. The query and the
 * options are what a person typed; every result's text is sliced from a file.
 */
export function answer(library: Library, command: CommandName, query: string, options: AnswerOptions = {}): Answer {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const results = command === 'quote' ? answerQuote(library, query, options.speaker, limit) : answerPassages(library, query, limit);
  const searched = [query, options.speaker ?? ''].join(' ').trim();
  const suggestions = results.length === 0 && searched !== '' ? suggestTerms(library, searched) : [];
  return { command, query, results, ...(suggestions.length > 0 ? { suggestions } : {}) };
}

function answerPassages(library: Library, query: string, limit: number): Result[] {
  return searchPassages(library, query, { limit }).map((hit) =>
    resultFor(library, hit.passage, hit.passage, hit.score, hit.matchedTerms),
  );
}

function answerQuote(library: Library, query: string, speaker: string | undefined, limit: number): Result[] {
  const speakerName = speaker ? normalise(speaker) : '';
  const hasQuotation = (text: string): boolean => QUOTATION_MARK.test(text);
  const mentionsSpeaker = (text: string): boolean => speakerName === '' || normalise(text).includes(speakerName);
  const searched = query.trim() === '' ? (speaker ?? '') : query;
  return searchPassages(library, searched, { filter: (passage) => hasQuotation(passage.text) && mentionsSpeaker(passage.text) })
    .slice(0, limit)
    .map((hit) => resultFor(library, hit.passage, hit.passage, hit.score, hit.matchedTerms));
}
