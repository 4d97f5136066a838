import * as chrono from 'chrono-node';
import { parsePartialDate } from './calendar.ts';
import type { DocumentDate, Passage, SourceDocument } from '../types.ts';

/** A dateline sits among the first few blocks of an article: after its headline, before the body. */
const DATELINE_BLOCKS = 6;
/** A correction or update note ("Correction added Nov. 18, 2019: …") may close an article instead. */
const CLOSING_BLOCKS = 3;
/** A line that is only a date ("July 24, 2025Updated 5:02 p.m. ET") is short; a sentence opening with a date is not a dateline. */
const DATELINE_MAX_CHARS = 100;
/** After a label or a byline, the date may follow a clock time and a weekday ("Updated 5:02 PM ET, Mon March 3, 2019"). */
const LABELLED_DATE_MAX_OFFSET = 30;

/** "Published", "Updated:", "Posted on", "Correction added", "Last modified": words that say the date that follows is the page's. */
const DATE_LABEL =
  /^(?:(?:first\s+|last\s+|originally\s+)?(?:published|updated|posted|modified|revised|corrected|date(?:d)?|corrections?(?:\s+(?:added|appended|made))?)\b\s*:?\s*(?:on\s+)?)/iu;
/** A weekday before a dateline's date ("Monday, March 3, 2025"). */
const WEEKDAY = /^(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?/iu;
/** "By Jane Roe, March 3, 2019", "By JANE ROE | Posted 3/14/2019", "By Roe and Doe — Updated …": a byline, then a separator. */
const BYLINE = /^By\s+[^,|·•\u2014\n]{2,80}?\s*(?:,|\||·|•|\u2014|\s-\s)\s*/iu;
/** "WASHINGTON, March 5 (Reuters) —", "GAZA CITY, Gaza Strip, March 5 —": a place in capitals, then the date. */
const CITY_DATELINE = /^\p{Lu}[\p{Lu}\p{M} .'’-]*\p{Lu}(?:,\s*\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)*)*,\s*/u;

const REFERENCE = { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 };

/**
 * The date a document was written, which its relative time expressions are
 * read against: its metadata date, or the dateline near its top (or a dated
 * correction or update note at its foot) when that is more precise and agrees
 * with the metadata. A dateline without a year ("WASHINGTON, March 5
 * (Reuters)") counts only when the metadata gives the year. Undefined when
 * neither says: a date is never guessed.
 */
export function documentDate(document: SourceDocument, passages: readonly Passage[]): DocumentDate | undefined {
  const meta = document.meta.date !== undefined && parsePartialDate(document.meta.date) ? document.meta.date : undefined;
  const dateline = findDateline(passages, meta?.slice(0, 4));
  if (dateline !== undefined && (meta === undefined || (dateline.startsWith(meta) && dateline !== meta))) {
    return { date: dateline, source: 'dateline' };
  }
  return meta === undefined ? undefined : { date: meta, source: 'metadata' };
}

/**
 * The first dateline among the document's first blocks, else a labelled date
 * among its last ones, else a block anywhere that is a labelled date and
 * nothing more ("(Published Monday, Nov. 18, 2019)" under an embedded video
 * or a photo, where scraped pages often put it), as YYYY-MM-DD.
 */
function findDateline(passages: readonly Passage[], metaYear: string | undefined): string | undefined {
  for (const passage of passages.slice(0, DATELINE_BLOCKS)) {
    const date = datelineOf(passage.text, metaYear, 'top');
    if (date) return date;
  }
  for (const passage of passages.slice(Math.max(DATELINE_BLOCKS, passages.length - CLOSING_BLOCKS))) {
    const date = datelineOf(passage.text, metaYear, 'foot');
    if (date) return date;
  }
  for (const passage of passages) {
    const line = /^\(?([^()]*)\)?$/u.exec(passage.text.trim())?.[1]?.trim();
    if (line === undefined || line.length > DATELINE_MAX_CHARS || !DATE_LABEL.test(line)) continue;
    const date = datelineOf(line, metaYear, 'block');
    if (date) return date;
  }
  return undefined;
}

/** Where a dateline's date begins, and whether a label or byline announced it (then it may follow a clock time). */
function datePrefix(text: string, place: Place): { length: number; labelled: boolean } | undefined {
  const label = DATE_LABEL.exec(text)?.[0];
  if (label !== undefined) return { length: label.length + (WEEKDAY.exec(text.slice(label.length))?.[0].length ?? 0), labelled: true };
  if (place !== 'top') return undefined;
  const byline = BYLINE.exec(text)?.[0];
  if (byline !== undefined) {
    const afterByline = DATE_LABEL.exec(text.slice(byline.length))?.[0] ?? '';
    return { length: byline.length + afterByline.length, labelled: true };
  }
  const city = CITY_DATELINE.exec(text)?.[0];
  if (city !== undefined) return { length: city.length, labelled: false };
  if (text.length > DATELINE_MAX_CHARS) return undefined;
  return { length: WEEKDAY.exec(text)?.[0].length ?? 0, labelled: false };
}

/**
 * Where a dateline is looked for: the top (a label, a byline, a city or a
 * short line), the foot (a label), or a block anywhere that is a label and
 * the date right after it.
 */
type Place = 'top' | 'foot' | 'block';

function datelineOf(text: string, metaYear: string | undefined, place: Place): string | undefined {
  const prefix = datePrefix(text, place);
  if (!prefix) return undefined;
  const rest = text.slice(prefix.length, prefix.length + DATELINE_MAX_CHARS);
  // Scraped pages glue words to numbers ("2025Updated"), which hides the year from chrono.
  const results = chrono.en.strict.parse(rest.replace(/(\d)(\p{L})/gu, '$1 $2'), REFERENCE);
  const result = results.find((found) => found.start.isCertain('month') && found.start.isCertain('day'));
  if (!result || result.index > (prefix.labelled && place !== 'block' ? LABELLED_DATE_MAX_OFFSET : 0)) return undefined;
  const year = result.start.isCertain('year') ? String(result.start.get('year')) : metaYear;
  if (year === undefined) return undefined;
  const month = String(result.start.get('month')).padStart(2, '0');
  const day = String(result.start.get('day')).padStart(2, '0');
  const date = `${year}-${month}-${day}`;
  return parsePartialDate(date) ? date : undefined;
}
