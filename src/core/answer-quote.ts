import type { CommandAnswer } from './answer.ts';
import type { Library } from './library.ts';
import { resultFor, searchPassages } from './search.ts';

/** /quote: the quotations in the passages that rank highest for the text, by the speaker when one is asked for. */
export function answerQuote(library: Library, query: string, speakerName: string | undefined, limit: number): CommandAnswer {
  const speaker = speakerName ? library.people.find(speakerName) : undefined;
  if (speakerName && !speaker) return { results: [] };
  // Until quotations carry speakers, a passage that names the person stands in for attribution.
  const mentioned = new Set(
    speaker ? library.documents.flatMap((document) => library.people.mentionsIn(document.file).filter((mention) => mention.personId === speaker.id).map((mention) => mention.passageId)) : [],
  );
  const spoken = library.quotations.filter((quotation) => !speaker || quotation.speakerId === speaker.id || mentioned.has(quotation.passageId));
  const byPassage = new Map<number, typeof spoken>();
  for (const quotation of spoken) byPassage.set(quotation.passageId, [...(byPassage.get(quotation.passageId) ?? []), quotation]);
  const searched = query.trim() === '' ? (speaker?.name ?? '') : query;
  const results = searchPassages(library, searched, { filter: (passage) => byPassage.has(passage.id) }).flatMap((hit) =>
    (byPassage.get(hit.passage.id) ?? []).map((quotation) => resultFor(library, hit.passage, quotation, hit.score, hit.matchedTerms)),
  );
  return { results: results.slice(0, limit) };
}
