import { indexTerm } from '../search/search.ts';
import type { Span, Token } from '../text/text.ts';

/**
 * Where a sentence's clauses meet: a semicolon or colon, a dash between
 * spaces, a conjunction or relative pronoun after a comma, a subordinating
 * conjunction. English news joins its events with these ("the plant opened
 * in 1990, and investors bought it last year"; "X, who …, has …"), so a time
 * expression belongs to the event of its own clause. A bare "and" joins
 * nouns as often as clauses ("warehouses and sidings"), so it is no boundary. Written by hand
 * because no maintained npm parser gives clauses within Node's budget here.
 */
const CLAUSE_BOUNDARY =
  /[;:]|\s[\u2013\u2014-]\s|,\s*(?:and|but|or|yet|so|while|whereas|which|who|whom|whose|where|when)\b|\s(?:but|while|whereas|because|although|though|after|before)\s/giu;

/** The offsets, within `text`, where a clause begins after the first. */
function clauseStarts(text: string, sentence: Span): number[] {
  return [...text.slice(sentence.start, sentence.end).matchAll(CLAUSE_BOUNDARY)].map((match) => sentence.start + match.index + (match[0].startsWith(' ') ? 1 : 0));
}

/** A time expression and where it stands within the sentences and clauses of a passage. */
export interface Placed<T> {
  item: T;
  /** Its span within the passage text. */
  span: Span;
}

interface Choice<T> {
  chosen: Placed<T>;
  /** The sentence of the expression, and the sentence of the match nearest it (the same when one holds both). */
  sentence: number;
  matchSentence: number;
}

/**
 * The expression that says when the matched event happened: one in a
 * sentence with a matched word, then the one whose clause holds most of the
 * question's distinct words, then the nearest to a matched word (in
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
  const starts = new Map<number, number[]>();
  const clauseOf = (offset: number, sentence: number): number => {
    const span = sentences[sentence];
    if (!span) return 0;
    let known = starts.get(sentence);
    if (!known) {
      known = clauseStarts(text, span);
      starts.set(sentence, known);
    }
    return known.filter((start) => start <= offset).length;
  };
  const placedMatches = matches.map((match) => {
    const sentence = sentenceOf(match.start);
    return { match, term: indexTerm(match.term), sentence, clause: clauseOf(match.start, sentence) };
  });
  const distinct = (held: typeof placedMatches): number => new Set(held.map((placed) => placed.term)).size;
  let best: { choice: Choice<T>; key: number[] } | undefined;
  for (const placed of expressions) {
    const sentence = sentenceOf(placed.span.start);
    const clause = clauseOf(placed.span.start, sentence);
    const inSentence = placedMatches.filter((match) => match.sentence === sentence);
    const inClause = inSentence.filter((match) => match.clause === clause);
    const gapTo = (match: Token): number => Math.max(0, match.start - placed.span.end, placed.span.start - match.end);
    const nearby = inSentence.length > 0 ? inSentence : placedMatches;
    const nearest = nearby.reduce<(typeof placedMatches)[number] | undefined>((closest, match) => (!closest || gapTo(match.match) < gapTo(closest.match) ? match : closest), undefined);
    const distance = nearest ? gapTo(nearest.match) + (nearest.sentence === sentence ? 0 : Math.abs(nearest.sentence - sentence) * text.length) : 0;
    const key = [inSentence.length > 0 ? 1 : 0, distinct(inClause), -distance];
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
