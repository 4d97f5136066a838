import { ParsingComponents } from 'chrono-node';
import type { Parser, ParsingContext } from 'chrono-node';
import { isStopWord } from '../text/text.ts';

/**
 * Parsers added to chrono (its custom parser API) for what news writes and
 * chrono's English parsers do not read: bare years and year ranges, named days
 * of a year, long spans ago, and times the text leaves open (decades,
 * centuries, seasons, "that night", "recently"). The patterns chrono runs on
 * every sentence are ASCII and go without the u flag, which V8 runs faster.
 */

/** Marks an expression whose date the text does not fix: it is shown as written, never dated. */
export const VAGUE_TAG = 'verbatim/vague';

const YEAR = String.raw`(1[89]\d\d|20\d\d)`;
/** A year is not followed by more digits, a percent, a decimal ("in 2015.5") or a season's second year ("the 2022/23 season"). */
const NOT_A_NUMBER = String.raw`(?![\d%]|[.,/]\d|-\d|\s*(?:percent|per cent)\b)`;

/**
 * "in 2011", "since 2023", "early 2024", "the end of 2024", "as soon as 2023",
 * "the first half of 2020", "during the 2018 season": chrono reads no year
 * standing alone. Only a year after a temporal word is taken, with that word
 * (chrono drops a match made of digits alone), and not when a plural noun
 * follows ("after 2000 strikes" is a count) unless that word is a verb
 * ("launched in 2011 aims to"); any other word may follow ("dropped in 2015
 * because", "in 2009 enacted the act").
 */
const BARE_YEAR = new RegExp(
  String.raw`\b(?:in|since|by|until|till|through|throughout|during|from|before|after|early|late|mid|as\s+(?:soon|early|late)\s+as|` +
    String.raw`(?:end|start|beginning|middle|spring|summer|fall|autumn|(?:first|second|latter)\s+half|(?:first|second|third|fourth|final)\s+quarter)\s+of|` +
    String.raw`spring|summer|fall|autumn)[\s-]+(?:the\s+)?${YEAR}${NOT_A_NUMBER}`,
  'i',
);
/** A word that may be a plural noun: ends in -s but not -ss, -us or -is. */
const PLURAL_NOUN = /^\p{Ll}+[^siu]s$/u;
const WORDS_AFTER_A_YEAR = new Set(['after', 'before', 'until', 'since', 'while', 'amid', 'during', 'following', 'alone', 'onward', 'onwards']);

/** A word ending in -s is a verb, not a counted noun, when "to" or a determiner follows it ("launched in 2011 aims to"). */
const AFTER_A_VERB = /^\s+(?:to|the|a|an|its|their|his|her)\b/u;

const yearParser: Parser = {
  pattern: () => BARE_YEAR,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const after = context.text.slice((match.index ?? 0) + match[0].length);
    const nextWord = /^\s+(\p{Ll}+)\b/u.exec(after);
    const counted = nextWord?.[1] !== undefined && PLURAL_NOUN.test(nextWord[1]) && !isStopWord(nextWord[1]) && !WORDS_AFTER_A_YEAR.has(nextWord[1]);
    if (counted && !AFTER_A_VERB.test(after.slice(nextWord[0].length))) return null;
    return context.createParsingComponents({ year: Number(match[1]) });
  },
};

/**
 * "from 2002 to 2005", "between 2008 and 2016", "from at least 2002 to 2005":
 * chrono merges a range only of dates it reads, and it reads no bare year.
 */
const YEAR_RANGE = new RegExp(
  String.raw`\b(?:from|between)\s+(?:(?:at\s+least|about|around|roughly|approximately)\s+)?${YEAR}\s*(?:to|and|through|until|till|-|\u2013)\s*${YEAR}${NOT_A_NUMBER}`,
  'i',
);

const yearRangeParser: Parser = {
  pattern: () => YEAR_RANGE,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const [first, last] = [Number(match[1]), Number(match[2])];
    if (last < first) return null;
    return context.createParsingResult(match.index ?? 0, match[0], { year: first }, { year: last });
  },
};

/** "Black Friday 2019", "Prime Day 2019", "Christmas Eve 2018": a named day of a year, which is all the text fixes. */
const NAMED_DAY_OF_A_YEAR = new RegExp(String.raw`\b[A-Z][a-z]+\s+(?:Day|Eve|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+${YEAR}${NOT_A_NUMBER}`);

const namedDayParser: Parser = {
  pattern: () => NAMED_DAY_OF_A_YEAR,
  extract: (context: ParsingContext, match: RegExpMatchArray) => context.createParsingComponents({ year: Number(match[1]) }),
};

/**
 * chrono's counts of units ago stop at years, and its number words are its
 * own; these few are the counts news writes before "decades" or "and a half".
 */
const COUNT = String.raw`(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)`;
const COUNTS: Readonly<Record<string, number>> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/** "A decade ago", "two decades ago", "a century ago": years chrono has no unit for. */
const LONG_AGO = new RegExp(String.raw`\b${COUNT}\s+(decades?|centur(?:y|ies))\s+ago\b`, 'i');

const longAgoParser: Parser = {
  pattern: () => LONG_AGO,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const count = COUNTS[(match[1] ?? '').toLowerCase()] ?? Number(match[1]);
    const years = count * (/^decade/iu.test(match[2] ?? '') ? 10 : 100);
    return ParsingComponents.createRelativeFromReference(context.reference, { year: -years }).addTag('result/relativeDate');
  },
};

/** "A year and a half ago", "two weeks and a half ago": chrono reads "a year", not the half. */
const AND_A_HALF_AGO = new RegExp(String.raw`\b${COUNT}\s+(year|month|week|day)s?\s+and\s+a\s+half\s+ago\b`, 'i');
const HALF_OF: Readonly<Record<string, { month?: number; day?: number; hour?: number }>> = {
  year: { month: 6 },
  month: { day: 15 },
  week: { day: 3, hour: 12 },
  day: { hour: 12 },
};

const andAHalfAgoParser: Parser = {
  pattern: () => AND_A_HALF_AGO,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const count = COUNTS[(match[1] ?? '').toLowerCase()] ?? Number(match[1]);
    const unit = (match[2] ?? 'year').toLowerCase();
    const half = HALF_OF[unit] ?? {};
    const back = Object.fromEntries([[unit, -count], ...Object.entries(half).map(([key, value]) => [key, -value])]);
    return ParsingComponents.createRelativeFromReference(context.reference, back).addTag('result/relativeDate');
  },
};

/**
 * Times the text leaves open, shown as written and never dated: "in recent
 * weeks", "the coming days", "the past few months"; centuries and decades
 * ("in the 14th century", "the mid-2020s"); seasons and the day of a story
 * already told ("last season", "this fall", "that summer", "earlier that
 * night"); "shortly after," standing alone; "recently"; "since" and one
 * capitalised word closing a phrase ("Since Diwali,": before a noun alone
 * "since" is temporal, the causal "since" takes a clause); a fiscal year,
 * which is not the calendar's; "year-to-date"; a part of a game or of a
 * business year ("in the second period", "in the third quarter"; "the first
 * half of 2020" is read with its year). A season is read only with
 * its determiner, and "that" never before "fall" or "spring", which are verbs
 * there.
 */
const OPEN_TIMES = [
  String.raw`\b(?:recent|the\s+(?:coming|next\s+few|past\s+few|last\s+few))\s+(?:days|weeks|months|years)\b`,
  String.raw`\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:\d{1,2}(?:st|nd|rd|th)|(?:fif|six|seven|eigh|nine)teenth|twentieth|twenty-first)\s+century\b`,
  String.raw`\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:1[2-9]|20)\d0s\b`,
  String.raw`\b(?:this|last|next|the\s+following|the\s+previous|the\s+same)\s+(?:spring|summer|fall|autumn|winter|season)\b`,
  String.raw`\bthat\s+(?:summer|autumn|winter|season|day|night|morning|afternoon|evening|week|weekend|month|year)\b`,
  String.raw`\b(?:shortly|soon|not\s+long|immediately)\s+(?:after(?:wards?)?|afterwards?|before|thereafter)(?=\s*[,.;:]|\s*$)`,
  String.raw`\brecently\b`,
  String.raw`\bfiscal\s+(?:year\s+)?(?:1[89]|20)\d\d\b`,
  String.raw`\b(?:year|month)[\s-]to[\s-]date\b`,
  String.raw`\b(?:in|during)\s+the\s+(?:first|second|third|fourth|final|last|opening|closing)\s+(?:period|quarter|half|inning)\b(?!\s+of\b)`,
];
const OPEN_TIME = new RegExp(OPEN_TIMES.join('|'), 'i');

const openTimeParser: Parser = {
  pattern: () => OPEN_TIME,
  extract: (context: ParsingContext) => context.createParsingComponents({}).addTag(VAGUE_TAG),
};

/** "Since Diwali,": case-sensitive, as only a capitalised word names the event ("since recovering," does not). */
const SINCE_A_NAMED_TIME = /\b[Ss]ince\s+(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun))[A-Z][a-z]+(?=\s*[,.;:])/;

const sinceNamedTimeParser: Parser = {
  pattern: () => SINCE_A_NAMED_TIME,
  extract: (context: ParsingContext) => context.createParsingComponents({}).addTag(VAGUE_TAG),
};

/** "the end of the year", "the start of next week": chrono reads only some of these. */
const PERIOD_PART = /\b(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+(?:the|this|next|last)\s+(?:week|month|year)\b/i;

const periodParser: Parser = {
  pattern: () => PERIOD_PART,
  extract: (context: ParsingContext) => context.createParsingComponents({}),
};

export const NEWS_PARSERS: readonly Parser[] = [yearParser, yearRangeParser, namedDayParser, longAgoParser, andAHalfAgoParser, periodParser];

/**
 * The open times, parsed apart from chrono's own parsers: a result with no
 * date is both "date only" and "time only" to chrono's merge refiners, which
 * would join it to the next date ("in the fourth quarter last week").
 */
export const OPEN_TIME_PARSERS: readonly Parser[] = [openTimeParser, sinceNamedTimeParser];
