import * as chrono from 'chrono-node';
import { parsePartialDate } from './calendar.ts';
import type { DocumentDate, Passage, SourceDocument } from '../types.ts';

/** A dateline sits among the first few blocks of an article: after its headline, before the body. */
const DATELINE_BLOCKS = 6;
/** A line that is only a date ("July 24, 2025Updated 5:02 p.m. ET") is short; a sentence opening with a date is not a dateline. */
const DATELINE_MAX_CHARS = 100;

/** "Published", "Updated:", "Posted on", and a weekday, before a dateline's date. */
const DATE_LABEL =
  /^(?:(?:first\s+|last\s+)?(?:published|updated|posted|date(?:d)?)\b\s*:?\s*(?:on\s+)?)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?/iu;
/** "WASHINGTON, March 5 (Reuters) —", "GAZA CITY, Gaza Strip, March 5 —": a place in capitals, then the date. */
const CITY_DATELINE = /^\p{Lu}[\p{Lu}\p{M} .'’-]*\p{Lu}(?:,\s*\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)*)*,\s*/u;

const REFERENCE = { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 };

/**
 * The date a document was written, which its relative time expressions are
 * read against: its metadata date, or the dateline near its top when that is
 * more precise and agrees with the metadata. A dateline without a year
 * ("WASHINGTON, March 5 (Reuters)") counts only when the metadata gives the
 * year. Undefined when neither says: a date is never guessed.
 */
export function documentDate(document: SourceDocument, passages: readonly Passage[]): DocumentDate | undefined {
  const meta = document.meta.date !== undefined && parsePartialDate(document.meta.date) ? document.meta.date : undefined;
  const dateline = findDateline(passages, meta?.slice(0, 4));
  if (dateline !== undefined && (meta === undefined || (dateline.startsWith(meta) && dateline !== meta))) {
    return { date: dateline, source: 'dateline' };
  }
  return meta === undefined ? undefined : { date: meta, source: 'metadata' };
}

/** The first dateline among the document's first blocks, as YYYY-MM-DD. */
function findDateline(passages: readonly Passage[], metaYear: string | undefined): string | undefined {
  for (const passage of passages.slice(0, DATELINE_BLOCKS)) {
    const date = datelineOf(passage.text, metaYear);
    if (date) return date;
  }
  return undefined;
}

function datelineOf(text: string, metaYear: string | undefined): string | undefined {
  const city = CITY_DATELINE.exec(text)?.[0];
  if (city === undefined && text.length > DATELINE_MAX_CHARS) return undefined;
  const rest = text.slice(city?.length ?? DATE_LABEL.exec(text)?.[0].length ?? 0, (city?.length ?? 0) + DATELINE_MAX_CHARS);
  // Scraped pages glue words to numbers ("2025Updated"), which hides the year from chrono.
  const [result] = chrono.en.strict.parse(rest.replace(/(\d)(\p{L})/gu, '$1 $2'), REFERENCE);
  if (!result || result.index !== 0 || !result.start.isCertain('month') || !result.start.isCertain('day')) return undefined;
  const year = result.start.isCertain('year') ? String(result.start.get('year')) : metaYear;
  if (year === undefined) return undefined;
  const month = String(result.start.get('month')).padStart(2, '0');
  const day = String(result.start.get('day')).padStart(2, '0');
  const date = `${year}-${month}-${day}`;
  return parsePartialDate(date) ? date : undefined;
}
