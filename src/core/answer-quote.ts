import type { CommandAnswer } from './answer.ts';
import type { Result } from './answer-schema.ts';
import type { Library } from './library.ts';
import { resultFor } from './search.ts';
import { searchTextIndex } from './text-index.ts';
import type { Passage, Person, Quotation } from './types.ts';

/** How many speakers to offer when nothing matches. */
const SUGGESTED_SPEAKERS = 5;

/**
 * /quote: quotations, verbatim with their marks, each with its speaker as the
 * people index names them. A text ranks quotations by BM25 over their words;
 * a speaker (any name the people index knows them by, or a close misspelling
 * of one who has quotations) keeps only theirs, in corpus order when no text
 * is given. When nothing matches, the speakers who do have quotations are
 * offered, the closest to the asked speaker first.
 */
export function answerQuote(library: Library, query: string, speakerName: string | undefined, limit: number): CommandAnswer {
  const asked = speakerName?.trim() ?? '';
  const speaker = asked === '' ? undefined : findSpeaker(library, asked);
  const text = query.trim();
  if (asked !== '' && !speaker) return { results: [], suggestions: suggestSpeakers(library, asked) };
  const keep = (id: number): boolean => speaker === undefined || library.quotations[id]?.speakerId === speaker.id;
  const hits =
    text === ''
      ? library.quotations.flatMap((_quotation, id) => (keep(id) ? [{ id, score: 0, terms: [] as string[] }] : []))
      : searchTextIndex(library.quotationIndex, text, keep).map((hit) => ({ id: hit.id as number, score: hit.score, terms: hit.terms }));
  const results = hits.slice(0, limit).flatMap((hit) => {
    const quotation = library.quotations[hit.id];
    return quotation ? [resultForQuotation(library, quotation, hit.score, hit.terms)] : [];
  });
  return results.length > 0 ? { results } : { results, suggestions: suggestSpeakers(library, asked) };
}

function resultForQuotation(library: Library, quotation: Quotation, score: number, matchedTerms: readonly string[]): Result {
  const passage = library.passages[quotation.passageId] as Passage;
  const speaker = personById(library, quotation.speakerId);
  return { ...resultFor(library, passage, quotation, score, matchedTerms), ...(speaker ? { speaker: speaker.name } : {}) };
}

function personById(library: Library, id: number | undefined): Person | undefined {
  return id === undefined ? undefined : library.people.people.find((person) => person.id === id);
}

/** The person a typed speaker means: whom the people index finds, else the closest name among those with quotations. */
function findSpeaker(library: Library, asked: string): Person | undefined {
  const found = library.people.find(asked);
  if (found) return found;
  const [closest] = searchTextIndex(library.speakerIndex, asked);
  return personById(library, closest?.id as number | undefined);
}

/** Names of people with quotations: those closest to `asked` first, then the most quoted. */
function suggestSpeakers(library: Library, asked: string): string[] {
  const counts = new Map<number, number>();
  for (const quotation of library.quotations) {
    if (quotation.speakerId !== undefined) counts.set(quotation.speakerId, (counts.get(quotation.speakerId) ?? 0) + 1);
  }
  const closest = asked === '' ? [] : library.speakerIndex.search(asked, { fuzzy: 0.34, prefix: true, combineWith: 'OR' }).map((hit) => hit.id as number);
  const mostQuoted = [...counts.keys()].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0));
  const names: string[] = [];
  for (const id of [...closest, ...mostQuoted]) {
    const name = personById(library, id)?.name;
    if (name && !names.includes(name)) names.push(name);
    if (names.length >= SUGGESTED_SPEAKERS) break;
  }
  return names;
}
