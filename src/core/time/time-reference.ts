import {
  addMonths,
  calendarDateOf,
  type Day,
  dayOf,
  type DaySpan,
  hull,
  monthSpan,
  single,
  weekdayOf,
  yearSpan,
} from './calendar.ts';

/**
 * What a time expression refers to, before it is anchored to a document's
 * date, and the rules that anchor it. Each rule returns the span of days the
 * expression can mean; the caller turns that span into the finest calendar
 * unit that holds it, so an expression is never resolved more finely than it
 * (and the document's date) can support.
 */

/** Which way an expression without its own direction points, from the words before it. */
export type Reading = 'past' | 'future' | 'either';

export type Modifier = 'last' | 'this' | 'next';

/** A narrowing of the period: "early March", "late next week", "earlier this year". */
export type Part = 'early' | 'mid' | 'late' | 'earlier' | 'later';

export interface DateParts {
  year?: number;
  month?: number;
  day?: number;
}

export type TimeReference = (
  /**
   * A date, month or year; without a year it is placed by the reading, or by "last"/"next"/"this" ("last July"),
   * or in the calendar year `yearOffset` from the anchor's ("October 27 last year": −1).
   */
  | { kind: 'date'; start: DateParts; end?: DateParts; modifier?: Modifier; yearOffset?: number }
  | { kind: 'weekday'; weekday: number; modifier?: Modifier }
  | { kind: 'weekend'; modifier?: Modifier }
  /** today 0, yesterday −1, tomorrow +1. */
  | { kind: 'day'; offset: number }
  /** this week 0, last month −1, next year +1: a whole calendar unit. */
  | { kind: 'unit'; unit: 'week' | 'month' | 'year'; offset: number }
  /** "six months ago" (negative), "in two weeks" (positive): a point, at the precision of `unit`. */
  | { kind: 'shift'; unit: ShiftUnit; months: number; days: number }
  /** "the past two weeks": from that far back up to the document's date. */
  | { kind: 'past'; months: number; days: number }
  /** A time expression whose date the text does not fix: anaphoric, vague, hedged or a lone time of day. */
  | { kind: 'unanchored' }
) & { part?: Part };

export type ShiftUnit = 'hour' | 'day' | 'week' | 'month' | 'year';

/**
 * How far back (or ahead) a date written without its year may lie. News omits
 * the year for dates of the current year and of the last few months; beyond
 * that a year-less date is more often a name ("the Oct. 7 attacks") or an
 * anniversary than a recent day, so it is left unresolved.
 */
export const YEARLESS_WINDOW_DAYS = 183;

const SATURDAY = 6;
const SUNDAY = 0;

/**
 * The span of days a reference can mean, given the span the document's date
 * may lie in and the reading; undefined when no sound answer exists. Every rule
 * is monotonic in the anchor day, so resolving at the anchor's first and last
 * day and taking the hull covers every day in between.
 */
export function resolveReference(reference: TimeReference, anchor: DaySpan | undefined, reading: Reading): DaySpan | undefined {
  if (reference.kind === 'date' && reference.start.year !== undefined) return narrow(absoluteSpan(reference), reference.part);
  if (!anchor || reference.kind === 'unanchored') return undefined;
  const readings: readonly ('past' | 'future')[] = reading === 'either' ? ['past', 'future'] : [reading];
  let spans: DaySpan | undefined;
  for (const day of [anchor.first, anchor.last]) {
    const plausible = readings
      .map((direction) => resolveAt(reference, day, direction))
      .filter((span): span is DaySpan => span !== undefined);
    if (plausible.length === 0) return undefined;
    for (const span of plausible) spans = spans ? hull(spans, span) : span;
  }
  return spans;
}

/** A dated expression; a range's end without its own year takes the start's ("Jan. 19 to March 1, 2025"). */
function absoluteSpan(reference: { start: DateParts; end?: DateParts }): DaySpan | undefined {
  const start = partsSpan(reference.start);
  if (!start || !reference.end) return start;
  const end = partsSpan(reference.end.year === undefined ? { ...reference.end, year: calendarDateOf(start.first).year } : reference.end);
  return end ? hull(start, end) : undefined;
}

/** A year-less date and its range's end placed in one year. */
function inYear(reference: { start: DateParts; end?: DateParts }, year: number): { start: DateParts; end?: DateParts } {
  return { start: { ...reference.start, year }, ...(reference.end ? { end: { ...reference.end, year } } : {}) };
}

function partsSpan({ year, month, day }: DateParts): DaySpan | undefined {
  if (year === undefined) return undefined;
  if (month === undefined) return yearSpan(year);
  if (day === undefined) return monthSpan(year, month);
  const found = dayOf(year, month, day);
  return found === undefined ? undefined : single(found);
}

/** One reading at one anchor day, before narrowing by the expression's part. */
function resolveAt(reference: TimeReference, anchor: Day, direction: 'past' | 'future'): DaySpan | undefined {
  const span = spanAt(reference, anchor, direction);
  return span && narrow(span, reference.part, anchor);
}

function spanAt(reference: TimeReference, anchor: Day, direction: 'past' | 'future'): DaySpan | undefined {
  switch (reference.kind) {
    case 'date': {
      if (reference.yearOffset !== undefined) return absoluteSpan({ ...reference, ...inYear(reference, calendarDateOf(anchor).year + reference.yearOffset) });
      const start = yearlessSpan(reference.start, anchor, direction, reference.modifier);
      if (!start || !reference.end) return start;
      const end = yearlessSpan(reference.end, anchor, direction, reference.modifier);
      return end && hull(start, end);
    }
    case 'weekday':
      return weekdaySpan(reference.weekday, reference.modifier, anchor, direction);
    case 'weekend':
      return weekendSpan(reference.modifier, anchor, direction);
    case 'day':
      return single(anchor + reference.offset);
    case 'unit':
      return unitSpan(reference.unit, reference.offset, anchor);
    case 'shift':
      return shiftSpan(reference, anchor);
    case 'past':
      return { first: addMonths(anchor, -reference.months) - reference.days, last: anchor };
    case 'unanchored':
      return undefined;
  }
}

/**
 * A month or month-day without a year: the nearest one on or before the
 * anchor when the text reads as past, on or after it when it reads as future,
 * and only within the anchor's year or YEARLESS_WINDOW_DAYS of it. "Last
 * July" is the latest July already over, "next March" the first one still to
 * come, "this March" the anchor's own.
 */
function yearlessSpan(parts: DateParts, anchor: Day, direction: 'past' | 'future', modifier: Modifier | undefined): DaySpan | undefined {
  if (parts.year !== undefined || parts.month === undefined) return partsSpan(parts);
  const anchorYear = calendarDateOf(anchor).year;
  const spanIn = (year: number): DaySpan | undefined => partsSpan({ ...parts, year });
  const here = spanIn(anchorYear);
  if (!here || modifier === 'this') return here;
  if (modifier === 'last') return here.last < anchor ? here : spanIn(anchorYear - 1);
  if (modifier === 'next') return here.first > anchor ? here : spanIn(anchorYear + 1);
  const fits = direction === 'past' ? here.first <= anchor : here.last >= anchor;
  const span = fits ? here : spanIn(anchorYear + (direction === 'past' ? -1 : 1));
  if (!span) return undefined;
  const distance = direction === 'past' ? anchor - span.last : span.first - anchor;
  return fits || distance <= YEARLESS_WINDOW_DAYS ? span : undefined;
}

/** "Thursday" is the nearest one in the reading's direction (the anchor itself included); "last"/"next" are stricter. */
function weekdaySpan(weekday: number, modifier: Modifier | undefined, anchor: Day, direction: 'past' | 'future'): DaySpan {
  const back = (((weekdayOf(anchor) - weekday) % 7) + 7) % 7;
  const ahead = (((weekday - weekdayOf(anchor)) % 7) + 7) % 7;
  if (modifier === 'last') return single(anchor - (back || 7));
  // "next Thursday" is read both as the coming one and as the one a week later.
  if (modifier === 'next') return { first: anchor + (ahead || 7), last: anchor + (ahead || 7) + 7 };
  return single(direction === 'past' ? anchor - back : anchor + ahead);
}

/** A weekend is its Saturday and Sunday. */
function weekendSpan(modifier: Modifier | undefined, anchor: Day, direction: 'past' | 'future'): DaySpan {
  const weekday = weekdayOf(anchor);
  const weekendEnding = (sunday: Day): DaySpan => ({ first: sunday - 1, last: sunday });
  if (modifier === 'last') return weekendEnding(anchor - (((weekday - SUNDAY) % 7) || 7));
  if (modifier === 'next') {
    const saturday = anchor + ((SATURDAY - weekday) || 7);
    return { first: saturday, last: saturday + 8 };
  }
  if (direction === 'past') {
    const saturday = anchor - ((weekday - SATURDAY + 7) % 7);
    return { first: saturday, last: saturday + 1 };
  }
  return weekendEnding(anchor + ((7 - weekday) % 7));
}

/**
 * A calendar week is read both ways English has it, from Sunday and from
 * Monday, so "this week" is the eight days that either reading allows.
 */
function unitSpan(unit: 'week' | 'month' | 'year', offset: number, anchor: Day): DaySpan {
  const { year, month } = calendarDateOf(anchor);
  if (unit === 'year') return yearSpan(year + offset);
  if (unit === 'month') return monthSpan(year, month, offset);
  const sunday = anchor - weekdayOf(anchor) + 7 * offset;
  const monday = anchor - ((weekdayOf(anchor) + 6) % 7) + 7 * offset;
  return { first: Math.min(sunday, monday), last: Math.max(sunday, monday) + 6 };
}

/** "Six months ago" is that month; "three weeks ago" that day give or take half a week; "hours ago" today or yesterday. */
function shiftSpan(reference: { unit: ShiftUnit; months: number; days: number }, anchor: Day): DaySpan {
  const target = addMonths(anchor, reference.months) + reference.days;
  const { year, month } = calendarDateOf(target);
  switch (reference.unit) {
    case 'hour':
      return target <= anchor ? { first: anchor - 1, last: anchor } : { first: anchor, last: anchor + 1 };
    case 'day':
      return single(target);
    case 'week':
      return { first: target - 3, last: target + 3 };
    case 'month':
      return monthSpan(year, month);
    case 'year':
      return yearSpan(year);
  }
}

/**
 * Narrows a period to the part the expression names: the first, middle or
 * last half ("early next week"), or the time before or after the anchor
 * within it ("earlier this year").
 */
function narrow(span: DaySpan | undefined, part: Part | undefined, anchor?: Day): DaySpan | undefined {
  if (!span || !part) return span;
  const length = span.last - span.first + 1;
  const half = Math.floor(length / 2);
  const quarter = Math.floor(length / 4);
  switch (part) {
    case 'early':
      return { first: span.first, last: span.first + Math.max(half - 1, 0) };
    case 'late':
      return { first: span.last - Math.max(half - 1, 0), last: span.last };
    case 'mid':
      return { first: span.first + quarter, last: span.last - quarter };
    case 'earlier':
      return anchor !== undefined && anchor >= span.first && anchor <= span.last ? { first: span.first, last: anchor } : span;
    case 'later':
      return anchor !== undefined && anchor >= span.first && anchor <= span.last ? { first: anchor, last: span.last } : span;
  }
}
