import MiniSearch from 'minisearch';
import { loadCorpus, type LoadCorpusOptions } from './corpus.ts';
import { splitPassages } from './passages.ts';
import { buildPeopleIndex } from './people.ts';
import { extractQuotations } from './quotes.ts';
import { isStopWord, terms } from './text.ts';
import type { LoadProblem, Passage, PeopleIndex, Quotation, SourceDocument } from './types.ts';

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
  for (const document of documents) passages.push(...splitPassages(document, passages.length));
  const index = createIndex();
  index.addAll(passages.filter((passage) => !passage.furniture).map(({ id, text }) => ({ id, text })));
  return {
    documents,
    documentsByFile: new Map(documents.map((document) => [document.file, document])),
    passages,
    index,
    people: buildPeopleIndex(passages),
    quotations: extractQuotations(passages),
    problems,
  };
}

/** Reads the corpus folder and builds a Library from it. */
export async function loadLibrary(directory: string, options: LoadCorpusOptions = {}): Promise<Library> {
  const { documents, problems } = await loadCorpus(directory, options);
  return buildLibrary(documents, problems);
}
