import * as chrono from 'chrono-node';
import type { ParsedComponents, ParsedResult } from 'chrono-node';
import { dayOf } from './calendar.ts';
import { isStopWord } from '../text/text.ts';
import { NEWS_PARSERS, OPEN_TIME_PARSERS, VAGUE_TAG } from './news-parsers.ts';
import { bareClockFilter, CLOCK_TIME, isDated, partOfDayBeforeADate, withoutOverlaps } from './news-refiners.ts';
import type { DateParts, Modifier, Part, Reading, ShiftUnit, TimeReference } from './time-reference.ts';

/**
 * Finds time expressions in a sentence of news with chrono-node and reads
 * what each refers to. chrono finds dates, weekdays and relative expressions;
 * its custom parsers (news-parsers.ts) add what news needs and chrono lacks
 * (bare years, decades ago, "in recent weeks", "that night") and its refiners
 * (news-refiners.ts) mend what it misreads; the rules here drop what chrono
 * over-reads in news ("now", the verb "march", "Sun" the newspaper, "Black
 * Friday deals", durations), widen each span to its preposition and
 * modifiers, and tell which way a bare weekday or date points.
 */

/** A time expression in a sentence: offsets into the sentence, and what it refers to. */
export interface FoundExpression {
  start: number;
  end: number;
  reference: TimeReference;
  reading: Reading;
}

/**
 * chrono resolves relative expressions against a reference instant; parsing
 * against a fixed one lets each expression's offset be read back exactly
 * ("six months ago" → 1999-07-01 → six months back), whatever the document.
 */
const REFERENCE_YEAR = 2000;
const REFERENCE = { instant: new Date(Date.UTC(REFERENCE_YEAR, 0, 1, 12)), timezone: 0 };
const REFERENCE_DAY = dayOf(REFERENCE_YEAR, 1, 1) ?? 0;

const newsChrono = chrono.en.casual.clone();
newsChrono.parsers.push(...NEWS_PARSERS);
newsChrono.refiners.unshift(bareClockFilter, partOfDayBeforeADate);

const openTimes = new chrono.Chrono({ parsers: [...OPEN_TIME_PARSERS], refiners: [] });

/** Every time expression chrono and the rules above accept in a sentence, in order. */
export function findTimeExpressions(sentence: string): FoundExpression[] {
  const found: FoundExpression[] = [];
  for (const result of withoutOverlaps([...newsChrono.parse(sentence, REFERENCE), ...openTimes.parse(sentence, REFERENCE)])) {
    const expression = readResult(sentence, result);
    if (!expression) continue;
    const previous = found.at(-1);
    const joined = previous && withYearAfter(sentence, previous, expression);
    if (joined) found[found.length - 1] = joined;
    else if (!previous || previous.end <= expression.start) found.push(expression);
    // Leading words reached into the expression before ("that summer last year"): they are that one's.
    else found.push({ ...expression, start: previous.end + (/^\s*/u.exec(sentence.slice(previous.end))?.[0].length ?? 0) });
  }
  return found;
}

/**
 * "on October 27 this year", "Jan. 5 last year": chrono reads the date and
 * the year apart; together they are one expression, the date placed in that
 * calendar year.
 */
function withYearAfter(sentence: string, date: FoundExpression, next: FoundExpression): FoundExpression | undefined {
  const { reference } = date;
  const year = next.reference;
  if (reference.kind !== 'date' || reference.start.year !== undefined || reference.start.month === undefined) return undefined;
  if (year.kind !== 'unit' || year.unit !== 'year' || year.part !== undefined || !/^,?\s+$/u.test(sentence.slice(date.end, next.start))) return undefined;
  return { ...date, end: next.end, reference: { ...reference, yearOffset: year.offset } };
}

/**
 * How a time expression places its event: by a time of day alone ("at 4:25",
 * "1 p.m."), relative to another event of the story ("two days later", "that
 * night", "the next year", "75 days before"), or on the calendar (all others,
 * vague ones included). A calendar time answers "when" by itself; the others
 * need a day or an event the reader must find.
 */
export type Placement = 'time of day' | 'story' | 'calendar';

export function placementOf(expression: string): Placement {
  if (ANAPHORIC_END.test(expression) || ANAPHORIC_DAY.test(expression) || THAT_TIME.test(expression)) return 'story';
  if (!CLOCK_TIME.test(expression)) return 'calendar';
  const results = newsChrono.parse(expression, REFERENCE);
  return results.length > 0 && results.every((result) => result.start.isCertain('hour') && !isDated(result)) ? 'time of day' : 'calendar';
}

const THAT_TIME = /\bthat\s+(?:summer|autumn|winter|season|day|night|morning|afternoon|evening|week|weekend|month|year)\b/iu;

interface Core {
  start: number;
  end: number;
  text: string;
}

function readResult(sentence: string, result: ParsedResult): FoundExpression | undefined {
  const core = trimCore(sentence, result.index, result.index + result.text.length);
  if (!core || !isTimeExpression(sentence, core, result)) return undefined;
  const before = sentence.slice(Math.max(0, core.start - LEADING_REACH), core.start);
  const leading = leadingWords(before, core.text);
  const start = core.start - leading.length;
  const span = sentence.slice(start, core.end);
  const cued = readingBefore(sentence.slice(0, core.start));
  const reference = classify(result, span, core, sentence);
  if (!reference || isDuration(span, sentence.slice(0, start), reference, cued)) return undefined;
  return { start, end: core.end, reference, reading: cued };
}

/** Abbreviations whose period belongs to the expression. */
const ABBREVIATION_END = /(?:\b[ap]\.m|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z])$/u;

/** chrono's match without the commas, brackets and spaces it sometimes takes in at either end. */
function trimCore(sentence: string, start: number, end: number): Core | undefined {
  while (start < end && /[\s,(（]/u.test(sentence[start] ?? '')) start += 1;
  for (;;) {
    const last = sentence[end - 1] ?? '';
    if (/[\s,;:)）]/u.test(last)) end -= 1;
    else if (last === '.' && !ABBREVIATION_END.test(sentence.slice(start, end - 1))) end -= 1;
    else break;
  }
  return end > start ? { start, end, text: sentence.slice(start, end) } : undefined;
}

const MONTH_WORDS = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/giu;
const WEEKDAY_WORDS = /\b(?:sun|mon|tue|tues|wed|thu|thur|thurs|fri|sat)(?:day|nesday|rsday|urday|sday)?s?\b\.?/giu;
const WEEKDAY_WORD = new RegExp(WEEKDAY_WORDS.source, 'iu');
const FULL_WEEKDAY = /^(?:Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)days?$/u;
const TIME_WORD =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|sun|mon|tue|wed|thu|fri|sat)|\b(?:today|tonight|yesterday|tomorrow|morning|afternoon|evening|night|noon|midnight|days?|weeks?|weekend|months?|years?|hours?|minutes?|decades?|ago)\b/iu;
/** Words after which a month named alone is a time: "in March", "since June", "last July". */
const BEFORE_A_MONTH = /\b(?:in|since|by|until|till|through|throughout|during|from|before|after|early|late|mid|last|next|this|of|between)[\s-]+$/iu;

/** Drops what chrono reads as a time but news means otherwise. */
function isTimeExpression(sentence: string, core: Core, result: ParsedResult): boolean {
  const start = result.start;
  if (!TIME_WORD.test(core.text) && !result.tags().has(VAGUE_TAG)) return false;
  // Part of a longer word or compound: "Mar-a-Lago", "lasts"; "mid-June" and "late-September" are times.
  const before = sentence.slice(0, core.start);
  if (/[\p{L}\p{N}]$/u.test(before) || (/[\p{L}\p{N}][-‑]$/u.test(before) && !/\b(?:mid|early|late)[-‑]$/iu.test(before))) return false;
  if (/^[\p{L}\p{N}]|^[-‑]\p{L}/u.test(sentence.slice(core.end))) return false;
  // News capitalises months and spells weekdays out: "march" and "may" are verbs, "Sun" a newspaper.
  for (const month of core.text.matchAll(MONTH_WORDS)) if (!/^\p{Lu}/u.test(month[0])) return false;
  for (const weekday of core.text.matchAll(WEEKDAY_WORDS)) {
    if (!FULL_WEEKDAY.test(weekday[0].replace(/\.$/u, ''))) return false;
  }
  if (isNamedDay(sentence, core, result)) return false;
  if (start.isCertain('month') && !start.isCertain('day') && !start.isCertain('year') && !BEFORE_A_MONTH.test(before)) {
    // A month named alone without a temporal word before it is a name: "June Halpern said".
    return false;
  }
  // "2/3", "24/7", "9/11": fractions, scores and named days, not dates.
  return !(result.tags().has('parser/SlashDateFormatParser') && !start.isCertain('year'));
}

/** Words that may stand capitalised before a weekday that is a day of the calendar ("Last Friday", "On Monday"). */
const CALENDAR_WEEKDAY_LEAD = /^(?:last|next|this|every|each|since|until|till|before|after|early|late|by|from|through)$/iu;
/** After the weekday, a time of day or a preposition shows the weekday is the time of the verb before it ("testified before the committee Tuesday about"). */
const AFTER_A_CALENDAR_WEEKDAY =
  /^(?:morning|afternoon|evening|night|about|above|across|after|against|along|amid|among|around|before|behind|below|beside|between|despite|during|over|since|through|toward|towards|under|until|upon|near|following|without|within|ahead|alongside|outside|inside)$/iu;

/**
 * "Black Friday deals", "Walmart's Black Friday ad", "Super Tuesday
 * primaries": a weekday after a capitalised word and before a noun it
 * qualifies names a day of the year, not a day of the week the text is about.
 * Either condition alone is not enough: "told CNN Sunday that" and "announced
 * Monday plans to" are calendar days.
 */
function isNamedDay(sentence: string, core: Core, result: ParsedResult): boolean {
  if (!WEEKDAY_WORD.test(core.text) || result.start.isCertain('day') || !FULL_WEEKDAY.test(core.text)) return false;
  const lead = /(\p{Lu}\p{Ll}+)\s+$/u.exec(sentence.slice(0, core.start))?.[1];
  const next = /^\s+(\p{Ll}+)\b/u.exec(sentence.slice(core.end))?.[1];
  if (lead === undefined || next === undefined) return false;
  if (isStopWord(lead.toLowerCase()) || CALENDAR_WEEKDAY_LEAD.test(lead)) return false;
  return !isStopWord(next) && !AFTER_A_CALENDAR_WEEKDAY.test(next);
}

const HEDGE = String.raw`(?:nearly|almost|about|around|roughly|some|approximately|just|more\s+than|less\s+than|at\s+least|over|under)\s+`;
/** How far back leading words are looked for: further than the longest run the pattern below allows. */
const LEADING_REACH = 48;
const LEADING_PATTERN = [
  String.raw`(?:\b(?:early|earlier|late|later)\s+)?`,
  String.raw`(?:\b(?:on|in|at|over|during|since|by|until|till|through|throughout|from|before|after|as\s+of)\s+)?`,
  String.raw`(?:\b(?:early|late|mid)(?:\s+|-)|\bthe\s+(?:start|beginning|end|middle|morning|afternoon|evening|night)\s+of\s+|\b(?:the\s+)?(?:spring|summer|fall|autumn)\s+(?:of\s+)?)?`,
  String.raw`(?:\b(?:last|next|this|coming)\s+)?`,
  String.raw`(?:\b${HEDGE})?`,
];
const LEADING = new RegExp(`${LEADING_PATTERN.join('')}$`, 'i');
/** chrono's or a rule's match already holds its preposition ("on Thursday", "from 2002 to 2005"): only "early on Sunday" can come before. */
const LEADING_BEFORE_PREPOSITION = new RegExp(`${LEADING_PATTERN[0] ?? ''}$`, 'i');
/** "the" joins only expressions that take an article: "over the weekend", "in the past two weeks". */
const LEADING_WITH_ARTICLE = new RegExp(`${LEADING_PATTERN.join('')}(?:\\bthe\\s+)?$`, 'i');

/**
 * The words before chrono's match that belong to the expression: its
 * preposition ("on Thursday", "in March"), modifiers ("earlier this year",
 * "later in October 2023", "mid-June") and hedges ("nearly two years ago").
 */
function leadingWords(before: string, core: string): string {
  const pattern = /^(?:on|in|at|from|between|since|during|until|till|through|throughout|by|before|after|as)\s/iu.test(core) ? LEADING_BEFORE_PREPOSITION : /^\p{Ll}/u.test(core) ? LEADING_WITH_ARTICLE : LEADING;
  return pattern.exec(before)?.[0] ?? '';
}

const STRONG_FUTURE = /\b(?:will|won't|shall|upcoming|coming)\b|['’]ll\b|\b(?:is|are|am)\s+(?:\w+\s+)?(?:planned|scheduled|expected|due|set|slated|going)\b|\bplans?\s+to\b/iu;
/** "would not say on Monday": news idiom for declining to answer, reported in the past. */
const DECLINED_TO_SAY = /\bwould(?:\s+not|n['’]t)\s+(?:say|comment|confirm|disclose|elaborate|discuss|specify|answer)\b/iu;
/** Case-sensitive, so that the month "May" is not read as the verb. */
const POSSIBLE_FUTURE = /\b(?:[Ww]ould|[Cc]ould|[Mm]ight|may|[Ss]hould|expected|scheduled|planned|due|set\s+to|slated|intends?|aims?)\b/u;

/**
 * Which way a bare weekday or date points, from the words before it in its
 * clause: news reports the past, so past unless a future cue stands there
 * ("will meet on Sunday"); a modal or a plan ("would", "was due to") leaves
 * both ways open.
 */
function readingBefore(before: string): Reading {
  const clause = before.split(/[,;:—–()"“”]/u).at(-1) ?? '';
  const words = clause.trim().split(/\s+/u).slice(-8).join(' ');
  if (STRONG_FUTURE.test(words)) return 'future';
  if (DECLINED_TO_SAY.test(words)) return 'past';
  if (POSSIBLE_FUTURE.test(words)) return 'either';
  return 'past';
}

const VAGUE_COUNT = /\b(?:several|a\s+few|few|many|some|a\s+couple\s+of|couple\s+of|dozens\s+of)\s+(?:hours|days|weeks|months|years|decades)\b/iu;
const HEDGED = new RegExp(`\\b${HEDGE}(?!the\\b)\\S+\\s+(?:and\\s+a\\s+half\\s+)?(?:hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies))\\b`, 'iu');
const ANAPHORIC_END = /\b(?:later|earlier|after|before)$/iu;
const ANAPHORIC_DAY = /\bthe\s+(?:next|following|previous|prior)\s+(?:day|morning|afternoon|evening|night|week|weekend|month|year)\b|\bthe\s+day\s+(?:before|after)\b/iu;
const DAY_OFFSETS: readonly [RegExp, number][] = [
  [/\b(?:today|tonight)\b|\bthis\s+(?:morning|afternoon|evening)\b/iu, 0],
  [/\byesterday\b|\blast\s+night\b/iu, -1],
  [/\btomorrow\b/iu, 1],
];
const CALENDAR_UNIT = /\b(this|last|next|coming|the)\s+(week|month|year)\b/iu;
const PAST_PERIOD = /\b(?:past|last)\s+(?:\S+\s+)?(?:hours|days|weeks|months|years)\b|\bpast\s+(?:hour|day|week|month|year)\b/iu;
const WEEKEND = /\bweekend\b/iu;
const FUTURE_PERIOD = /\bthe\s+(?:next|coming|following)\s+(?:\S+\s+)?(?:hours|days|weeks|months|years)\b/iu;
const MODIFIER = /\b(last|past|this|next)\s+(?:\S+\s+)?$/iu;

/** What an accepted expression refers to; undefined drops it. */
function classify(result: ParsedResult, span: string, core: Core, sentence: string): TimeReference | undefined {
  const part = partOf(span, core.text);
  const withPart = (reference: TimeReference): TimeReference => (part ? { ...reference, part } : reference);
  const tags = result.tags();
  if (tags.has(VAGUE_TAG) || VAGUE_COUNT.test(span) || HEDGED.test(span)) return { kind: 'unanchored' };
  if (ANAPHORIC_END.test(core.text) || ANAPHORIC_DAY.test(span)) return { kind: 'unanchored' };
  const relative = tags.has('result/relativeDate');
  if (relative && /\bago$/iu.test(core.text)) return withPart(shiftOf(result.start, core.text));
  if (relative && /^(?:in|within)\s/iu.test(core.text)) return shiftOf(result.start, core.text);
  if (relative && PAST_PERIOD.test(span)) {
    // Without its article "last" is the verb: "meant to last six weeks".
    if (!/\bthe\s+(?:past|last)\b/iu.test(span)) return undefined;
    const back = shiftOf(result.start, core.text);
    return { kind: 'past', months: -back.months, days: -back.days };
  }
  for (const [pattern, offset] of DAY_OFFSETS) if (pattern.test(span)) return withPart({ kind: 'day', offset });
  const unit = CALENDAR_UNIT.exec(span);
  if (unit) return withPart({ kind: 'unit', unit: unitOf(unit[2]), offset: offsetOf(unit[1]) });
  // "over the next three months": a time ahead whose length the text gives, not its date.
  if (relative && FUTURE_PERIOD.test(span)) return { kind: 'unanchored' };
  // Any other relative reading ("after 15 months of war") is a duration or a phrase chrono stretched.
  if (relative) return undefined;
  if (WEEKEND.test(core.text)) return withPart({ kind: 'weekend', ...modifierBefore(span.slice(0, span.search(WEEKEND))) });
  const start = result.start;
  if (start.isCertain('weekday') && !start.isCertain('day')) {
    const weekday = start.get('weekday') ?? 0;
    return withPart({ kind: 'weekday', weekday, ...modifierBefore(span.slice(0, Math.max(span.search(WEEKDAY_WORD), 0))) });
  }
  if (start.isCertain('year') || start.isCertain('month')) {
    const date = dateReference(result, span, core, sentence);
    return date && withPart(date);
  }
  if (start.isCertain('hour')) return { kind: 'unanchored' };
  return undefined;
}

function dateReference(result: ParsedResult, span: string, core: Core, sentence: string): TimeReference | undefined {
  const periodPart = /\b(?:start|beginning|end|middle)\s+of\b/iu.test(span);
  const start = partsOf(result.start, periodPart);
  const end = result.end ? partsOf(result.end, periodPart) : undefined;
  // A year the text does not write was filled in from chrono's reference: not the document's.
  if (start.year !== undefined && !/\d\d/u.test(core.text)) return undefined;
  if (start.year === undefined && isAttributive(sentence, core)) return { kind: 'unanchored' };
  return { kind: 'date', start, ...(end ? { end } : {}), ...modifierBefore(span.slice(0, span.length - core.text.length)) };
}

function partsOf(components: ParsedComponents, withoutDay: boolean): DateParts {
  const parts: DateParts = {};
  const year = components.get('year');
  const month = components.get('month');
  const day = components.get('day');
  if (components.isCertain('year') && year !== null) parts.year = year;
  if (components.isCertain('month') && month !== null) parts.month = month;
  if (components.isCertain('day') && day !== null && !withoutDay) parts.day = day;
  return parts;
}

/** "the Oct. 7 attacks": a year-less date naming an event, not a day of the document's time. */
function isAttributive(sentence: string, core: Core): boolean {
  if (!/\bthe\s+$/iu.test(sentence.slice(0, core.start))) return false;
  const nextWord = /^\s+(\p{Ll}+)/u.exec(sentence.slice(core.end))?.[1];
  return nextWord !== undefined && !isStopWord(nextWord);
}

function partOf(span: string, core: string): Part | undefined {
  const leading = span.slice(0, span.length - core.length).toLowerCase();
  if (/\bearlier\b/u.test(leading)) return 'earlier';
  if (/\blater\b/u.test(leading)) return 'later';
  if (/\b(?:early|start\s+of|beginning\s+of)\b/u.test(leading) || /\b(?:start|beginning)\s+of\b/iu.test(core)) return 'early';
  if (/\b(?:late|end\s+of)\b/u.test(leading) || /\bend\s+of\b/iu.test(core)) return 'late';
  if (/\b(?:mid|middle\s+of)\b/u.test(leading) || /\bmiddle\s+of\b/iu.test(core)) return 'mid';
  return undefined;
}

/** "last", "this" or "next" among the words before the expression's head ("last Saturday", "this coming Sunday"). */
function modifierBefore(leading: string): { modifier?: Modifier } {
  const word = MODIFIER.exec(leading)?.[1]?.toLowerCase();
  if (word === 'last' || word === 'past') return { modifier: 'last' };
  if (word === 'next') return { modifier: 'next' };
  if (word === 'this') return { modifier: 'this' };
  return {};
}

function unitOf(word: string | undefined): 'week' | 'month' | 'year' {
  const unit = word?.toLowerCase();
  return unit === 'month' || unit === 'year' ? unit : 'week';
}

function offsetOf(word: string | undefined): number {
  const modifier = word?.toLowerCase();
  if (modifier === 'last') return -1;
  if (modifier === 'next' || modifier === 'coming') return 1;
  return 0;
}

const SHIFT_UNITS: readonly [RegExp, ShiftUnit][] = [
  [/\b(?:hours?|minutes?|seconds?)\b/iu, 'hour'],
  [/\bdays?\b/iu, 'day'],
  [/\bweeks?\b/iu, 'week'],
  [/\bmonths?\b/iu, 'month'],
];

/** The offset chrono computed from the fixed reference, at the precision of the smallest unit the text names. */
function shiftOf(components: ParsedComponents, text: string): { kind: 'shift'; unit: ShiftUnit; months: number; days: number } {
  const unit = SHIFT_UNITS.find(([pattern]) => pattern.test(text))?.[1] ?? 'year';
  const year = components.get('year') ?? REFERENCE_YEAR;
  const month = components.get('month') ?? 1;
  const day = components.get('day') ?? 1;
  if (unit === 'month' || unit === 'year') return { kind: 'shift', unit, months: (year - REFERENCE_YEAR) * 12 + month - 1, days: day - 1 };
  return { kind: 'shift', unit, months: 0, days: (dayOf(year, month, day) ?? REFERENCE_DAY) - REFERENCE_DAY };
}

const DURATION_VERB = /\b(?:lasted|lasting|lasts|last|took|takes|take|spent|spend|spends|waited|wait|waits)\s+$/iu;

/**
 * Durations are not points in time: "for 15 months", "within 48 hours",
 * "lasted two months before …". "in two weeks" is a time only when the
 * clause looks ahead ("will take effect in two weeks"); otherwise it is a
 * duration ("the first time in two weeks").
 */
function isDuration(span: string, before: string, reference: TimeReference, cued: Reading): boolean {
  if (/^(?:for|within)\s/iu.test(span)) return true;
  if (reference.kind === 'shift' && /^in\s/iu.test(span) && cued === 'past') return true;
  return reference.kind === 'unanchored' && ANAPHORIC_END.test(span) && DURATION_VERB.test(before);
}
