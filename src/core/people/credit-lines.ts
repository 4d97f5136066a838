import { findNameCandidates, type NameCandidate } from './name-candidates.ts';
import { Cue } from './person-evidence.ts';
import type { Passage } from '../types.ts';

/** "By Jane Roe", "Written by", "Tested by:", "Additional reporting by": a credit that ends in "by". */
const CREDIT_BY = /^[ \u00A0\u202F]*((?:\p{L}+[ \u00A0\u202F]+){0,2}by)[ \u00A0\u202F]*:?[ \u00A0\u202F]+/iu;
/** "Contributing: Jane Roe", "Author: Jane Roe": a credit word and a colon. */
const CREDIT_COLON = /^[ \u00A0\u202F]*(contributing|contributors?|reporting|authors?|reporter|writer|editor|photos?|photographs?|words|text)[ \u00A0\u202F]*:[ \u00A0\u202F]+/iu;
const COORDINATED = /^(?:,[ \u00A0\u202F]+|,?[ \u00A0\u202F]+(?:and|&)[ \u00A0\u202F]+)$/iu;
/** Page furniture that may be a byline or a bio; a copyright line, a pasted headline or a chatbot's reply never is. */
const CREDIT_FURNITURE = new Set(['navigation', 'heading', 'fragment']);

/**
 * Marks the people a passage credits ("By Jane Roe and John Doe", "Tested
 * by: Jane Roe"): the credit describes them and says they are people.
 */
function markCredits(text: string, candidates: readonly NameCandidate[]): NameCandidate[] {
  const lead = CREDIT_BY.exec(text) ?? CREDIT_COLON.exec(text);
  const firstIndex = lead ? candidates.findIndex((candidate) => candidate.mentionStart === lead[0].length) : -1;
  const first = candidates[firstIndex];
  if (!lead?.[1] || !first) return [];
  const creditStart = lead[0].indexOf(lead[1]);
  const credit = { kind: 'title' as const, start: creditStart, end: creditStart + lead[1].length };
  const credited = [first];
  for (const next of candidates.slice(firstIndex + 1)) {
    if (!COORDINATED.test(text.slice((credited.at(-1) as NameCandidate).end, next.mentionStart))) break;
    credited.push(next);
  }
  for (const candidate of credited) {
    if (candidate.words.length < 2) continue;
    candidate.descriptions = [credit, ...candidate.descriptions];
    candidate.cues |= Cue.role;
  }
  return credited;
}

/**
 * The names of a passage that the people index reads: every name of a body
 * passage; of a line of page furniture, only a byline's names or a bio line's
 * ("Jane Roe, BBC diplomatic correspondent", "JANE ROE IS THE NETWORK'S
 * POLITICAL EDITOR"), which say who someone is as plainly as any sentence.
 */
export function passageNames(passage: Passage): NameCandidate[] {
  if (passage.furniture && !CREDIT_FURNITURE.has(passage.furniture)) return [];
  const candidates = findNameCandidates(passage.text);
  const credited = markCredits(passage.text, candidates);
  if (!passage.furniture) return candidates;
  if (credited.length > 0) return credited;
  const [first] = candidates;
  const opensWithName = first !== undefined && /^[\s"“‘'(]*$/u.test(passage.text.slice(0, first.mentionStart));
  return opensWithName && first.words.length > 1 && first.descriptions.length > 0 ? [first] : [];
}
