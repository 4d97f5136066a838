/**
 * Calendar arithmetic on whole days, free of time zones: a day is its number
 * counted from 1970-01-01. Partial dates ("2025", "2025-07", "2025-07-24") are
 * spans of days, so a date known only to its year or month stays honest.
 */

/** Days since 1970-01-01 in the proleptic Gregorian calendar. */
export type Day = number;

/** The days from `first` to `last`, both included. */
export interface DaySpan {
  first: Day;
  last: Day;
}

export interface CalendarDate {
  year: number;
  /** 1–12. */
  month: number;
  /** 1–31. */
  day: number;
}

const MS_PER_DAY = 86_400_000;

/** The day of a calendar date; undefined when the date does not exist (Feb. 30). */
export function dayOf(year: number, month: number, day: number): Day | undefined {
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return time / MS_PER_DAY;
}

export function calendarDateOf(day: Day): CalendarDate {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** 0 for Sunday … 6 for Saturday, as chrono and JavaScript count them. */
export function weekdayOf(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The month `offset` months from (year, month), as a span; months overflow into years. */
export function monthSpan(year: number, month: number, offset = 0): DaySpan {
  const first = Date.UTC(year, month - 1 + offset, 1) / MS_PER_DAY;
  const last = Date.UTC(year, month + offset, 0) / MS_PER_DAY;
  return { first, last };
}

export function yearSpan(year: number): DaySpan {
  return { first: Date.UTC(year, 0, 1) / MS_PER_DAY, last: Date.UTC(year, 11, 31) / MS_PER_DAY };
}

/** The same day of the month `months` months away, clamped to the month's last day. */
export function addMonths(day: Day, months: number): Day {
  const { year, month, day: dayOfMonth } = calendarDateOf(day);
  const target = monthSpan(year, month, months);
  return Math.min(target.first + dayOfMonth - 1, target.last);
}

/** The smallest span holding both. */
export function hull(a: DaySpan, b: DaySpan): DaySpan {
  return { first: Math.min(a.first, b.first), last: Math.max(a.last, b.last) };
}

export function single(day: Day): DaySpan {
  return { first: day, last: day };
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/u;

/** The span a YYYY, YYYY-MM or YYYY-MM-DD date stands for; undefined for anything else. */
export function parsePartialDate(text: string): DaySpan | undefined {
  const match = PARTIAL_DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2] === undefined) return yearSpan(year);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  if (match[3] === undefined) return monthSpan(year, month);
  const day = dayOf(year, month, Number(match[3]));
  return day === undefined ? undefined : single(day);
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/**
 * The finest calendar unit holding the whole span, as YYYY-MM-DD (one day),
 * YYYY-MM (within one month) or YYYY (within one year); undefined when the
 * span crosses a year's end, as nothing finer than "unknown" is then true.
 */
export function formatSpan(span: DaySpan): string | undefined {
  const first = calendarDateOf(span.first);
  const last = calendarDateOf(span.last);
  if (first.year !== last.year) return undefined;
  if (first.month !== last.month) return pad(first.year, 4);
  if (first.day !== last.day) return `${pad(first.year, 4)}-${pad(first.month, 2)}`;
  return `${pad(first.year, 4)}-${pad(first.month, 2)}-${pad(first.day, 2)}`;
}
