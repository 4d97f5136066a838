import { formatSpan, parsePartialDate } from './calendar.ts';
import { splitSentences } from '../text/text.ts';
import { findTimeExpressions } from './time-expressions.ts';
import { resolveReference } from './time-reference.ts';
import { inPassages } from '../passage-order.ts';
import type { DocumentDate, Passage, TimeExpression } from '../types.ts';

/**
 * Words and numbers without which a sentence holds no time expression the
 * extractor accepts: chrono runs only on sentences that have one, which keeps
 * a build of thousands of articles fast. Names are matched capitalised, as
 * the extractor accepts them only so.
 */
// ASCII patterns without the u flag: V8 runs them several times faster, and they run on every passage.
const NAME_CUE = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)/g;
const WORD_CUE =
  /\b(?:ago|weeks?|weekends?|months?|years?|days?|yesterday|today|tonight|tomorrow|morning|afternoon|evening|night|noon|midnight|hours?|recent|recently|decades?|century|centuries|season|spring|summer|fall|autumn|winter|shortly|soon|fiscal|since|period|quarter|half|inning)\b|\b(?:1[89]|20)\d\d\b|\d0s\b|\d\s*[ap]\.?m\b|\d:\d\d|\d\/\d{1,2}\/\d/gi;

/** Where the cues stand in a text, in order: one scan per passage. */
function cuePositions(text: string): number[] {
  const positions: number[] = [];
  for (const cue of [NAME_CUE, WORD_CUE]) for (const match of text.matchAll(cue)) positions.push(match.index);
  return positions.sort((a, b) => a - b);
}

/**
 * Every time expression in a document's body passages, in text order, each
 * resolved against the document's date as finely as is sound (see
 * time-reference.ts); page furniture is skipped.
 */
export function extractTimeExpressions(passages: readonly Passage[], documentDate: DocumentDate | undefined): TimeExpression[] {
  const anchor = documentDate ? parsePartialDate(documentDate.date) : undefined;
  const expressions: TimeExpression[] = [];
  for (const passage of passages) {
    const cues = passage.furniture ? [] : cuePositions(passage.text);
    if (cues.length === 0) continue;
    let cue = 0;
    for (const sentence of splitSentences(passage.text)) {
      while ((cues[cue] ?? Infinity) < sentence.start) cue += 1;
      if ((cues[cue] ?? Infinity) >= sentence.end) continue;
      const text = passage.text.slice(sentence.start, sentence.end);
      for (const found of findTimeExpressions(text)) {
        const span = resolveReference(found.reference, anchor, found.reading);
        const date = span ? formatSpan(span) : undefined;
        const start = passage.start + sentence.start + found.start;
        const end = passage.start + sentence.start + found.end;
        expressions.push({ file: passage.file, passageId: passage.id, start, end, ...(date ? { date } : {}) });
      }
    }
  }
  return expressions;
}

/** The expressions of one passage, from a list ordered by passage. */
export function expressionsInPassage(expressions: readonly TimeExpression[], passageId: number): TimeExpression[] {
  return inPassages(expressions, passageId);
}

export { documentDate } from './document-date.ts';
export { type Placement, placementOf } from './time-expressions.ts';
