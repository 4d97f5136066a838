import type { Library } from '../core/library/library.ts';
import type { DocumentDate, DocumentMeta } from '../core/types.ts';

/** How many names a summary lists; the count says how many there are in all. */
const NAMES_SHOWN = 10;

/** What the Library made of one file: enough for a moderator to see at once whether extraction worked. */
export interface IndexedSummary {
  file: string;
  meta: DocumentMeta;
  date?: DocumentDate;
  /** Every passage, page furniture included. */
  passages: number;
  /** Passages an answer may show. */
  bodyPassages: number;
  /** The people the file names, most-mentioned in it first. */
  people: { names: string[]; total: number };
  quotations: { total: number; attributed: number; speakers: string[] };
  /** The first passage an answer may show, verbatim. */
  firstPassage?: string;
}

function mostFrequentFirst(counts: ReadonlyMap<string, number>): string[] {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en')).map(([name]) => name);
}

function countBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const value = key(item);
    if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

/** The summary of `file` in `library`, or undefined when the Library does not hold it. */
export function summariseIndexedFile(library: Library, file: string): IndexedSummary | undefined {
  const document = library.documentsByFile.get(file);
  if (!document) return undefined;
  const passages = library.passages.filter((passage) => passage.file === file);
  const body = passages.filter((passage) => !passage.furniture);
  const nameOf = (personId: number | undefined): string | undefined => (personId === undefined ? undefined : library.people.people[personId]?.name);
  const people = mostFrequentFirst(countBy(library.people.mentionsIn(file), (mention) => nameOf(mention.personId)));
  const quotations = library.quotations.filter((quotation) => quotation.file === file);
  const speakers = mostFrequentFirst(countBy(quotations, (quotation) => nameOf(quotation.speakerId)));
  const date = library.documentDates.get(file);
  return {
    file,
    meta: document.meta,
    ...(date ? { date } : {}),
    passages: passages.length,
    bodyPassages: body.length,
    people: { names: people.slice(0, NAMES_SHOWN), total: people.length },
    quotations: { total: quotations.length, attributed: quotations.filter((quotation) => quotation.speakerId !== undefined).length, speakers: speakers.slice(0, NAMES_SHOWN) },
    ...(body[0] ? { firstPassage: body[0].text } : {}),
  };
}

/** How much of the first passage a summary shows; the stored file holds all of it. */
const FIRST_PASSAGE_CHARS = 600;

const listed = (names: readonly string[], total: number): string => (names.length === 0 ? 'none found' : `${names.join(', ')}${total > names.length ? ` and ${total - names.length} more` : ''}`);

/** The summary as lines of plain text, the same at the console and (escaped) in Discord. */
export function describeIndexedFile(summary: IndexedSummary): string[] {
  const { meta, date, people, quotations, firstPassage } = summary;
  const first = firstPassage === undefined ? 'none: every passage looks like page furniture' : `“${firstPassage.length > FIRST_PASSAGE_CHARS ? `${firstPassage.slice(0, FIRST_PASSAGE_CHARS - 1)}…` : firstPassage}”`;
  return [
    `Title: ${meta.title ?? 'none stated'}`,
    ...(meta.author || meta.publisher ? [`By: ${[meta.author, meta.publisher].filter(Boolean).join(' · ')}`] : []),
    `Date: ${date ? `${date.date} (from its ${date.source})` : 'none found'}`,
    `Passages: ${summary.passages} (${summary.bodyPassages} that answers can quote)`,
    `People (${people.total}): ${listed(people.names, people.total)}`,
    `Quotations: ${quotations.total}, ${quotations.attributed} with a speaker${quotations.speakers.length > 0 ? ` (${quotations.speakers.join(', ')})` : ''}`,
    `First passage: ${first}`,
  ];
}

/** Said with every addition: answers quote the stored file, not the upload. */
export const VERBATIM_NOTICE = 'From now on the bot quotes this stored text word for word.';
