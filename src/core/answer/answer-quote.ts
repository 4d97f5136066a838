import type { CommandAnswer, Result } from './answer-schema.ts';
import { type Library, quotationText } from '../library/library.ts';
import { findPhrase, phrasePattern, phraseWords } from './phrases.ts';
import { occurrencesOf } from './quote-recurrences.ts';
import { resultFor, resultForHit, searchPassages, type PassageHit } from './results.ts';
import { queryTerms, searchTextIndex } from '../search/search.ts';
import type { Passage, Quotation } from '../types.ts';

/** How many speakers to offer when nothing matches. */
const SUGGESTED_SPEAKERS = 5;
/**
 * How many of the best BM25 hits are read for the typed words verbatim (reading
 * them costs a fold each), and the fewest ranked: a common word is in
 * thousands of quotations, and sorting them all cost more than the search.
 */
const PHRASE_CANDIDATES = 200;
/** Fewer typed words than this are no phrase to find verbatim: one word is what BM25 already matches. */
const MIN_PHRASE_WORDS = 2;
/** How many close names to ask the people index for, before keeping those who have quotations. */
const SUGGESTION_POOL = 50;

/**
 * /quote: quotations, verbatim with their marks, each with its speaker as the
 * people index names them. A text ranks quotations by BM25 over their words;
 * a speaker (any name the people index knows them by, or a slip of the name
 * of one who has quotations) keeps only theirs, in corpus order when no text
 * is given. A text also finds the passages holding its words where no
 * quotation was recognised: the quotation finder misses some, and /quote must
 * never be emptier than the plain search it sits on. Those passages come
 * after the quotations, except that one holding the typed words verbatim
 * comes before quotations that do not: what a person types word for word is
 * what they remember reading (see `verbatimFirst`).
 * When nothing matches, the speakers who do have quotations are offered, the
 * closest to the asked speaker first.
 */
export function answerQuote(library: Library, query: string, speakerName: string | undefined, limit: number): CommandAnswer {
  const asked = speakerName?.trim() ?? '';
  const quoted = countQuotationsBySpeaker(library);
  const speakers = asked === '' ? undefined : findSpeakers(library, asked, quoted);
  const text = query.trim();
  const keep = (id: number): boolean => speakers === undefined || speakers.has(library.quotations[id]?.speakerId ?? -1);
  const hits =
    speakers?.size === 0
      ? noMatches<QuotationHit>()
      : text === ''
        ? { verbatim: [], rest: library.quotations.flatMap((_quotation, id) => (keep(id) ? [{ id, score: 0, terms: [] as string[] }] : [])) }
        : queryTerms(text).length === 0
          ? { verbatim: quotationsHoldingPhrase(library, text, keep), rest: [] }
          : verbatimFirst(searchTextIndex(library.quotationIndex, text, keep, { limit: Math.max(PHRASE_CANDIDATES, 2 * limit) }), text, (hit) => quotationText(library.documentsByFile, library.quotations[hit.id] as Quotation));
  const shown = new Set<Quotation>();
  const verbatim = quotationResults(library, hits.verbatim, shown, limit);
  const rest = quotationResults(library, hits.rest, shown, limit - verbatim.length);
  // Passages are searched only where they can be shown: a verbatim one goes before the other quotations; any other only after all of them.
  const passagesShown = speakers === undefined && text !== '' && (phraseWords(text).length >= MIN_PHRASE_WORDS || verbatim.length + rest.length < limit);
  const passages = passagesShown ? passagesWithoutQuotations(library, text, shown) : noMatches<PassageHit>();
  const results: Result[] = [...verbatim];
  const room = (): number => limit - results.length;
  results.push(...asPassageResults(library, passages.verbatim.slice(0, room())));
  results.push(...rest.slice(0, room()));
  results.push(...asPassageResults(library, passages.rest.slice(0, room())));
  return results.length > 0 ? { results } : { results, suggestions: suggestSpeakers(library, asked, quoted) };
}

interface QuotationHit {
  id: number;
  score: number;
  terms: string[];
}

/** Hits split by whether they hold the typed words verbatim, each part in BM25 order. */
interface Matches<Hit> {
  verbatim: Hit[];
  rest: Hit[];
}

const noMatches = <Hit>(): Matches<Hit> => ({ verbatim: [], rest: [] });

/** Up to `limit` quotations, each cited once at its first occurrence; `shown` gathers every occurrence cited. */
function quotationResults(library: Library, hits: readonly QuotationHit[], shown: Set<Quotation>, limit: number): Result[] {
  const results: Result[] = [];
  for (const hit of hits) {
    if (results.length >= limit) break;
    const quotation = library.quotations[hit.id];
    if (!quotation || shown.has(quotation)) continue;
    const [first, ...recurrences] = occurrencesOf(library, quotation);
    for (const occurrence of [first, ...recurrences]) if (occurrence) shown.add(occurrence);
    results.push(resultForQuotation(library, first ?? quotation, recurrences, hit.score, hit.terms));
  }
  return results;
}

/**
 * People quote what they remember word for word, little words included ("to
 * be able to do that"), which BM25 leaves out as stop words: among the best
 * hits, those holding the typed words verbatim (adjacent, in order, folded)
 * are told from the rest, each group in BM25 order.
 */
function verbatimFirst<Hit>(hits: readonly Hit[], typed: string, textOf: (hit: Hit) => string): Matches<Hit> {
  const words = phraseWords(typed);
  if (words.length < MIN_PHRASE_WORDS) return { verbatim: [], rest: [...hits] };
  const pattern = phrasePattern(words);
  const verbatim = new Set(hits.slice(0, PHRASE_CANDIDATES).filter((hit) => findPhrase(textOf(hit), pattern).length > 0));
  return { verbatim: [...verbatim], rest: hits.filter((hit) => !verbatim.has(hit)) };
}

/**
 * Quotations holding typed words that are all stop words ("And if there was,
 * you have"), which the index does not keep: read one by one, in corpus
 * order. Only a question the index cannot answer at all pays for the reading.
 */
function quotationsHoldingPhrase(library: Library, typed: string, keep: (id: number) => boolean): QuotationHit[] {
  const words = phraseWords(typed);
  if (words.length < MIN_PHRASE_WORDS) return [];
  const pattern = phrasePattern(words);
  return library.quotations.flatMap((quotation, id) =>
    keep(id) && findPhrase(quotationText(library.documentsByFile, quotation), pattern).length > 0 ? [{ id, score: 0, terms: [] }] : [],
  );
}

/** Passages matching `text` that hold none of the quotations already shown. */
function passagesWithoutQuotations(library: Library, text: string, shown: ReadonlySet<Quotation>): Matches<PassageHit> {
  const shownPassages = new Set([...shown].map((quotation) => quotation.passageId));
  const hits = searchPassages(library, text, PHRASE_CANDIDATES + shownPassages.size).filter((hit) => !shownPassages.has(hit.passage.id));
  return verbatimFirst(hits, text, (hit) => hit.passage.text);
}

/** Passage hits as results, flagged as plain passages; made only for those shown, since each costs a tokenisation for its highlights. */
function asPassageResults(library: Library, hits: readonly PassageHit[]): Result[] {
  return hits.map((hit) => ({ ...resultForHit(library, hit), passage: true as const }));
}

/** A quotation cited at its first occurrence, with the paragraphs it recurs in and the speaker any occurrence names. */
function resultForQuotation(library: Library, quotation: Quotation, recurrences: readonly Quotation[], score: number, matchedTerms: readonly string[]): Result {
  const passage = library.passages[quotation.passageId] as Passage;
  const speakerId = [quotation, ...recurrences].find((occurrence) => occurrence.speakerId !== undefined)?.speakerId;
  const speaker = speakerId === undefined ? undefined : library.people.people[speakerId];
  const recursIn = [...new Set(recurrences.map((occurrence) => occurrence.paragraph))];
  return {
    ...resultFor(library, passage, quotation, score, matchedTerms),
    ...(speaker ? { speaker: speaker.name } : {}),
    ...(recursIn.length > 0 ? { recursIn } : {}),
  };
}

/** Counted once per Library, which never changes: reading every quotation costs milliseconds at 10,000 articles. */
const quotationCounts = new WeakMap<Library, Map<number, number>>();

function countQuotationsBySpeaker(library: Library): Map<number, number> {
  const known = quotationCounts.get(library);
  if (known) return known;
  const counts = new Map<number, number>();
  for (const { speakerId } of library.quotations) if (speakerId !== undefined) counts.set(speakerId, (counts.get(speakerId) ?? 0) + 1);
  quotationCounts.set(library, counts);
  return counts;
}

/**
 * The people a typed speaker means: everyone the people index finds under
 * that name (several when they share a surname), else the closest slip of a
 * name among the people who have quotations.
 */
function findSpeakers(library: Library, asked: string, quoted: ReadonlyMap<number, number>): Set<number> {
  const named = library.people.lookup(asked);
  if (named.length > 0) return new Set(named.map((person) => person.id));
  const [closest] = library.people.suggest(asked, SUGGESTION_POOL).filter((match) => quoted.has(match.person.id));
  return new Set(closest ? [closest.person.id] : []);
}

/** Names of people with quotations: those closest to `asked` first, then the most quoted. */
function suggestSpeakers(library: Library, asked: string, quoted: ReadonlyMap<number, number>): string[] {
  const closest = asked === '' ? [] : library.people.suggest(asked, SUGGESTION_POOL).map((match) => match.person.id);
  const mostQuoted = [...quoted.keys()].sort((a, b) => (quoted.get(b) ?? 0) - (quoted.get(a) ?? 0) || a - b);
  const names: string[] = [];
  for (const id of [...closest, ...mostQuoted]) {
    const name = quoted.has(id) ? library.people.people[id]?.name : undefined;
    if (name && !names.includes(name)) names.push(name);
    if (names.length >= SUGGESTED_SPEAKERS) break;
  }
  return names;
}
