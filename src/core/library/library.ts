import { loadCorpus, type LoadCorpusOptions, splitPassages } from '../corpus/corpus.ts';
import { documentDate, extractTimeExpressions } from '../time/time.ts';
import { collectPeople, createPeopleIndex, namesOfDocument, type DocumentNames, type PersonRecord } from '../people/people.ts';
import { attributeQuotations, findQuotations, type QuotationDraft } from '../quotes/quotes.ts';
import { mergeSegments, TextIndex, textIndexData, type IndexedText, type TextIndexData } from '../search/search.ts';
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

/**
 * What one document yields on its own: its passages (ids counted from 0, so
 * that the analysis can be cached and placed anywhere in a Library), its date
 * and its time expressions. Plain data, the unit a cache keeps per file.
 */
export interface DocumentAnalysis {
  passages: Passage[];
  date?: DocumentDate;
  timeExpressions: TimeExpression[];
  /** The text index of its body passages, ids counted from 0 like theirs. */
  index: TextIndexData;
  /** What the corpus-wide people analysis reads of it. */
  names: DocumentNames;
  /** Its quotations, their speakers to be resolved once the corpus's people are known. */
  quotations: QuotationDraft[];
}

export function analyseDocument(document: SourceDocument): DocumentAnalysis {
  const passages = splitPassages(document, 0);
  const date = documentDate(document, passages);
  return {
    passages,
    ...(date ? { date } : {}),
    timeExpressions: extractTimeExpressions(passages, date),
    index: textIndexData(passageEntries(passages)),
    names: namesOfDocument(passages),
    quotations: findQuotations(document, passages),
  };
}

/** The documents' analyses placed one after another: passage ids become positions in the Library. */
export interface PlacedAnalyses {
  passages: Passage[];
  documentDates: Map<string, DocumentDate>;
  timeExpressions: TimeExpression[];
  /** The documents' text indexes joined into the passage index: the corpus-wide BM25 statistics are only a sum. */
  index: TextIndexData;
}

export function placeAnalyses(documents: readonly SourceDocument[], analyses: readonly DocumentAnalysis[]): PlacedAnalyses {
  const placed: Omit<PlacedAnalyses, 'index'> = { passages: [], documentDates: new Map(), timeExpressions: [] };
  const segments: TextIndexData[] = [];
  documents.forEach((document, position) => {
    const analysis = analyses[position];
    if (!analysis) throw new Error(`no analysis for ${document.file}`);
    const offset = placed.passages.length;
    for (const passage of analysis.passages) placed.passages.push({ ...passage, id: passage.id + offset });
    if (analysis.date) placed.documentDates.set(document.file, analysis.date);
    for (const expression of analysis.timeExpressions) placed.timeExpressions.push({ ...expression, passageId: expression.passageId + offset });
    segments.push({ ...analysis.index, ids: analysis.index.ids.map((id) => id + offset) });
  });
  return { ...placed, index: mergeSegments(segments) };
}

/**
 * What only the whole corpus decides: who the people are (a name is judged on
 * all its mentions) and, since quotations ask the people index for speakers,
 * the quotations. Plain data, cached per corpus.
 */
export interface CorpusAnalysis {
  people: PersonRecord[];
  quotations: Quotation[];
  /** The text index of the quotations' text; an entry's id is the quotation's position. */
  quotationIndex: TextIndexData;
}

/** `analyses`: the documents', in order, as `passages` places them. */
export function analyseCorpus(documents: readonly SourceDocument[], passages: readonly Passage[], analyses: readonly DocumentAnalysis[]): CorpusAnalysis {
  const people = collectPeople(passages, analyses.map((analysis) => analysis.names));
  let offset = 0;
  const drafts = analyses.map((analysis) => {
    const placed = analysis.quotations.map((draft) => ({ ...draft, passageId: draft.passageId + offset }));
    offset += analysis.passages.length;
    return placed;
  });
  const quotations = attributeQuotations(documents, passages, drafts, createPeopleIndex(people, passages));
  const documentsByFile = new Map(documents.map((document) => [document.file, document]));
  return { people, quotations, quotationIndex: textIndexData(quotationEntries(documentsByFile, quotations)) };
}

/** The entries of the passage index: body passages only, furniture is never an answer. */
export function passageEntries(passages: readonly Passage[]): IndexedText[] {
  return passages.filter((passage) => !passage.furniture).map(({ id, text }) => ({ id, text }));
}

/** A quotation's text, marks included, as its file writes it. */
export function quotationText(documentsByFile: ReadonlyMap<string, SourceDocument>, quotation: Quotation): string {
  return (documentsByFile.get(quotation.file)?.text ?? '').slice(quotation.start, quotation.end);
}

/** The entries of the quotation index: an entry's id is the quotation's position. */
export function quotationEntries(documentsByFile: ReadonlyMap<string, SourceDocument>, quotations: readonly Quotation[]): IndexedText[] {
  return quotations.map((quotation, id) => ({ id, text: quotationText(documentsByFile, quotation) }));
}

/** The parts of a Library, each built elsewhere (in one go here, or off the event loop by the service). */
export interface LibraryParts {
  documents: readonly SourceDocument[];
  documentsByFile: ReadonlyMap<string, SourceDocument>;
  placed: PlacedAnalyses;
  people: PeopleIndex;
  quotations: readonly Quotation[];
  index: PassageIndex;
  quotationIndex: TextIndex;
  problems: readonly LoadProblem[];
}

export function assembleLibrary({ documents, documentsByFile, placed, people, quotations, index, quotationIndex, problems }: LibraryParts): Library {
  return {
    documents,
    documentsByFile,
    passages: placed.passages,
    index,
    people,
    quotations,
    quotationIndex,
    documentDates: placed.documentDates,
    timeExpressions: placed.timeExpressions,
    problems,
  };
}

/** A Library from its analyses, its indexes built in one go. */
export function indexLibrary(documents: readonly SourceDocument[], placed: PlacedAnalyses, corpus: CorpusAnalysis, problems: readonly LoadProblem[]): Library {
  const documentsByFile = new Map(documents.map((document) => [document.file, document]));
  return assembleLibrary({
    documents,
    documentsByFile,
    placed,
    people: createPeopleIndex(corpus.people, placed.passages),
    quotations: corpus.quotations,
    index: new TextIndex(placed.index),
    quotationIndex: new TextIndex(corpus.quotationIndex),
    problems,
  });
}

export function buildLibrary(documents: readonly SourceDocument[], problems: readonly LoadProblem[] = []): Library {
  const analyses = documents.map(analyseDocument);
  const placed = placeAnalyses(documents, analyses);
  return indexLibrary(documents, placed, analyseCorpus(documents, placed.passages, analyses), problems);
}

/** Reads the corpus folder and builds a Library from it. */
export async function loadLibrary(directory: string, options: LoadCorpusOptions = {}): Promise<Library> {
  const { documents, problems } = await loadCorpus(directory, options);
  return buildLibrary(documents, problems);
}

export { type CountChange, diffLibraries, type LibraryDiff } from './library-diff.ts';
