import { loadCorpus, type LoadCorpusOptions, splitPassages } from '../corpus/corpus.ts';
import { documentDate, extractTimeExpressions } from '../time/time.ts';
import { buildPeopleIndex } from '../people/people.ts';
import { extractQuotations } from '../quotes/quotes.ts';
import { createTextIndex, type TextIndex } from '../search/search.ts';
import type { DocumentDate, LoadProblem, Passage, PeopleIndex, Quotation, SourceDocument, TimeExpression } from '../types.ts';

export type PassageIndex = TextIndex;

/**
 * Everything an answer needs, built once and never mutated: a reload builds a
 * new Library beside the serving one.
 */
export interface Library {
  readonly documents: readonly SourceDocument[];
  readonly documentsByFile: ReadonlyMap<string, SourceDocument>;
  /** All passages, page furniture included; Passage.id is the position here. */
  readonly passages: readonly Passage[];
  /** BM25 index over body passages only: furniture is never an answer. */
  readonly index: PassageIndex;
  readonly people: PeopleIndex;
  readonly quotations: readonly Quotation[];
  /** BM25 index over the quotations' text; an entry's id is its position in `quotations`. */
  readonly quotationIndex: TextIndex;
  /** Each dated document's date, by file: from its metadata or its dateline. */
  readonly documentDates: ReadonlyMap<string, DocumentDate>;
  /** Time expressions of the body passages, ordered by passage and offset. */
  readonly timeExpressions: readonly TimeExpression[];
  readonly problems: readonly LoadProblem[];
}

export function buildLibrary(documents: readonly SourceDocument[], problems: readonly LoadProblem[] = []): Library {
  const passages: Passage[] = [];
  const documentDates = new Map<string, DocumentDate>();
  const timeExpressions: TimeExpression[] = [];
  for (const document of documents) {
    const own = splitPassages(document, passages.length);
    passages.push(...own);
    const date = documentDate(document, own);
    if (date) documentDates.set(document.file, date);
    timeExpressions.push(...extractTimeExpressions(own, date));
  }
  const index = createTextIndex(passages.filter((passage) => !passage.furniture).map(({ id, text }) => ({ id, text })));
  const people = buildPeopleIndex(passages);
  const quotations = extractQuotations(documents, passages, people);
  const documentsByFile = new Map(documents.map((document) => [document.file, document]));
  return {
    documents,
    documentsByFile,
    passages,
    index,
    people,
    quotations,
    quotationIndex: createTextIndex(quotations.map((quotation, id) => ({ id, text: (documentsByFile.get(quotation.file)?.text ?? '').slice(quotation.start, quotation.end) }))),
    documentDates,
    timeExpressions,
    problems,
  };
}

/** Reads the corpus folder and builds a Library from it. */
export async function loadLibrary(directory: string, options: LoadCorpusOptions = {}): Promise<Library> {
  const { documents, problems } = await loadCorpus(directory, options);
  return buildLibrary(documents, problems);
}

export { type CountChange, diffLibraries, type LibraryDiff } from './library-diff.ts';
