import type { Span } from '../text/text.ts';

/**
 * Where a sentence's clauses meet: a semicolon or colon, a dash between
 * spaces, a conjunction or relative pronoun after a comma, a subordinating
 * conjunction. English news joins its events with these ("the plant opened
 * in 1990, and investors bought it last year"; "X, who …, has …"), so a time
 * expression belongs to the event of its own clause. A bare "and" joins
 * nouns as often as clauses ("warehouses and sidings"), so it is no boundary.
 * Written by hand because no maintained npm parser gives clauses within
 * Node's budget here.
 */
const CLAUSE_BOUNDARY =
  /[;:]|\s[\u2013\u2014-]\s|,?\s(?:in|on|at|during|after|before|from|of|for|with|under|through|by)\s+(?:which|whom)\b|,\s*(?:and|but|or|yet|so|while|whereas|which|who|whom|whose|where|when)\b|\s(?:but|while|whereas|because|although|though|after|before)\s/giu;
/** A relative clause opens at a relative pronoun after a comma, or at a preposition and "which" ("a video in which the hostages appeared"). */
const RELATIVE_PRONOUN = /^(?:,\s*(?:which|who|whom|whose)\b|,?\s\p{L}+\s+(?:which|whom)\b)/iu;
const DASH = /^\s[\u2013\u2014-]\s$/u;
const SPACED_DASH = /\s[\u2013\u2014-]\s/u;

/**
 * The clauses of one sentence. A clause set off inside another ends where the
 * other resumes: a relative clause at its closing comma ("Rowe, who joined
 * the board in 2015, resigned on Tuesday": "Rowe … resigned on Tuesday" is
 * one clause). What a pair of dashes sets off belongs to the clause around it
 * ("On one of those nights — April 26, 2016 — they got a signal"): it names
 * or dates something of that clause. A relative clause also holds the noun it
 * describes, the word before its comma ("the license, which is set to expire
 * in February": the license expires).
 */
export interface Clauses {
  /** The clause an offset of the text stands in. */
  clauseAt(offset: number): number;
  /**
   * Every clause a word or expression holds a place in: its own, and the relative clause whose antecedent
   * it is or holds ("a video in January 2017 in which the hostages appeared": the relative clause tells of that video).
   */
  clausesOf(span: Span): number[];
}

interface Opened {
  kind: 'relative' | 'dash';
  /** The clause that goes on after this one closes. */
  resumes: number;
  /** Where a relative clause closes: its next comma. */
  closesAt?: number;
}

/** The clauses of `sentence`, a span of `text`; clause numbers are unique within the sentence. */
export function sentenceClauses(text: string, sentence: Span): Clauses {
  const local = text.slice(sentence.start, sentence.end);
  const starts: { at: number; clause: number }[] = [{ at: sentence.start, clause: 0 }];
  const antecedents: { span: Span; clause: number }[] = [];
  const open: Opened[] = [];
  let current = 0;
  let next = 1;
  const begin = (at: number, clause: number): void => {
    current = clause;
    starts.push({ at: sentence.start + at, clause });
  };
  const closeRelatives = (before: number): void => {
    for (let top = open.at(-1); top?.closesAt !== undefined && top.closesAt <= before; top = open.at(-1)) {
      open.pop();
      begin(top.closesAt, top.resumes);
    }
  };
  for (const boundary of local.matchAll(CLAUSE_BOUNDARY)) {
    closeRelatives(boundary.index);
    const at = boundary.index + (boundary[0].startsWith(' ') ? 1 : 0);
    const dash = DASH.test(boundary[0]);
    if (RELATIVE_PRONOUN.test(boundary[0])) {
      const clause = next++;
      const antecedent = /[\p{L}\p{N}][\p{L}\p{N}'’-]*$/u.exec(local.slice(0, boundary.index));
      if (antecedent) antecedents.push({ span: { start: sentence.start + antecedent.index, end: sentence.start + boundary.index }, clause });
      const comma = local.indexOf(',', boundary.index + boundary[0].length);
      open.push({ kind: 'relative', resumes: current, ...(comma < 0 ? {} : { closesAt: comma }) });
      begin(at, clause);
    } else if (dash && open.at(-1)?.kind === 'dash') {
      open.pop();
    } else if (dash && SPACED_DASH.test(local.slice(boundary.index + boundary[0].length))) {
      open.push({ kind: 'dash', resumes: current });
    } else {
      begin(at, next++);
    }
  }
  closeRelatives(local.length);
  const clauseAt = (offset: number): number => starts.findLast((start) => start.at <= offset)?.clause ?? 0;
  const antecedentOf = (words: Span): number[] =>
    antecedents.filter(({ span }) => span.start < words.end && words.start < span.end).map(({ clause }) => clause);
  return { clauseAt, clausesOf: (words) => [clauseAt(words.start), ...antecedentOf(words)] };
}
