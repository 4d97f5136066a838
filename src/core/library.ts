import MiniSearch from 'minisearch';
import { loadCorpus, type LoadCorpusOptions } from './corpus.ts';
import { extractTimeExpressions } from './dates.ts';
import { documentDate } from './document-date.ts';
import { splitPassages } from './passages.ts';
import { buildPeopleIndex } from './people.ts';
import { extractQuotations } from './quotes.ts';
import { isStopWord, terms } from './text.ts';
import type { DocumentDate, LoadProblem, Passage, PeopleIndex, Quotation, SourceDocument, TimeExpression } from './types.ts';

/** What minisearch stores per passage: only the id and the text to index. */
interface IndexedPassage {
  id: number;
  text: string;
}

export type PassageIndex = MiniSearch<IndexedPassage>;

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
  /** Each dated document's date, by file: from its metadata or its dateline. */
  readonly documentDates: ReadonlyMap<string, DocumentDate>;
  /** Time expressions of the body passages, ordered by passage and offset. */
  readonly timeExpressions: readonly TimeExpression[];
  readonly problems: readonly LoadProblem[];
}

/** The index's tokeniser and term filter, used for passages and queries alike. */
function createIndex(): PassageIndex {
  return new MiniSearch<IndexedPassage>({
    fields: ['text'],
    storeFields: [],
    tokenize: terms,
    processTerm: (term) => (isStopWord(term) ? null : term),
  });
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
  const index = createIndex();
  index.addAll(passages.filter((passage) => !passage.furniture).map(({ id, text }) => ({ id, text })));
  return {
    documents,
    documentsByFile: new Map(documents.map((document) => [document.file, document])),
    passages,
    index,
    people: buildPeopleIndex(passages),
    quotations: extractQuotations(passages),
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
