import { indexTerm } from '../search/search.ts';
import type { Span, Token } from '../text/text.ts';
import type { Placement } from '../time/time.ts';
import { type Clauses, sentenceClauses } from './clauses.ts';

/** A time expression and where it stands within the sentences and clauses of a passage. */
export interface Placed<T> {
  item: T;
  /** Its span within the passage text. */
  span: Span;
  /** How it places its event: of two in one clause, one on the calendar answers "when" better than one relative to the story, and that better than a time of day. */
  placement?: Placement;
}

const PLACEMENT_RANK: Readonly<Record<Placement, number>> = { calendar: 2, story: 1, 'time of day': 0 };

interface Choice<T> {
  chosen: Placed<T>;
  /** The sentence of the expression, and the sentence of the match nearest it (the same when one holds both). */
  sentence: number;
  matchSentence: number;
}

/**
 * The expression that says when the matched event happened: one in a
 * sentence with a matched word, then the one whose clause holds most of the
 * question's distinct words, then one on the calendar before one relative to
 * the story before a time of day, then the nearest to a matched word (in
 * characters). Ties go to the earlier expression. An expression in a sentence
 * with no matched word is chosen only when no other is, as the nearest.
 */
export function chooseExpression<T>(
  text: string,
  expressions: ReadonlyArray<Placed<T>>,
  matches: readonly Token[],
  sentences: readonly Span[],
): Choice<T> | undefined {
  const sentenceOf = (offset: number): number => Math.max(0, sentences.findLastIndex((sentence) => sentence.start <= offset));
  const known = new Map<number, Clauses>();
  const clausesIn = (sentence: number): Clauses => {
    let clauses = known.get(sentence);
    if (!clauses) {
      clauses = sentenceClauses(text, sentences[sentence] ?? { start: 0, end: text.length });
      known.set(sentence, clauses);
    }
    return clauses;
  };
  // A hyphenated word is indexed whole and by its parts ("Soon-Shiong": soonshiong, soon, shiong): it counts once.
  const words = matches.filter((match) => !matches.some((other) => other !== match && other.start <= match.start && match.end <= other.end && other.end - other.start > match.end - match.start));
  const placedMatches = words.map((match) => {
    const sentence = sentenceOf(match.start);
    return { match, term: indexTerm(match.term), sentence, clauses: clausesIn(sentence).clausesOf(match) };
  });
  const distinct = (held: typeof placedMatches): number => new Set(held.map((placed) => placed.term)).size;
  let best: { choice: Choice<T>; key: number[] } | undefined;
  for (const placed of expressions) {
    const sentence = sentenceOf(placed.span.start);
    const clauses = clausesIn(sentence).clausesOf(placed.span);
    const inSentence = placedMatches.filter((match) => match.sentence === sentence);
    const inClause = inSentence.filter((match) => match.clauses.some((clause) => clauses.includes(clause)));
    const gapTo = (match: Token): number => Math.max(0, match.start - placed.span.end, placed.span.start - match.end);
    const nearby = inSentence.length > 0 ? inSentence : placedMatches;
    const nearest = nearby.reduce<(typeof placedMatches)[number] | undefined>((closest, match) => (!closest || gapTo(match.match) < gapTo(closest.match) ? match : closest), undefined);
    const distance = nearest ? gapTo(nearest.match) + (nearest.sentence === sentence ? 0 : Math.abs(nearest.sentence - sentence) * text.length) : 0;
    const key = [inSentence.length > 0 ? 1 : 0, distinct(inClause), PLACEMENT_RANK[placed.placement ?? 'calendar'], -distance];
    if (!best || isGreater(key, best.key)) best = { choice: { chosen: placed, sentence, matchSentence: nearest?.sentence ?? sentence }, key };
  }
  return best?.choice;
}

function isGreater(a: readonly number[], b: readonly number[]): boolean {
  for (let position = 0; position < a.length; position += 1) {
    const difference = (a[position] ?? 0) - (b[position] ?? 0);
    if (difference !== 0) return difference > 0;
  }
  return false;
}
