import { SPEAKER_VOICE, TITLE_CUES, TITLE_FUNCTION_WORDS } from './attribution-lexicon.ts';
import { readParagraph, type ParagraphContext } from './paragraph-context.ts';
import { attributeAfter, attributeBefore, attributeTrailing, type Attribution, type SpeakerRef } from './quote-attribution.ts';
import type { MarkedSpan } from './quote-marks.ts';
import { createSpeakerResolver } from './speaker-resolution.ts';
import { terms } from '../text/text.ts';
import type { Passage, PeopleIndex, Quotation, SourceDocument } from '../types.ts';

/**
 * Spans of fewer words than this need evidence that they were spoken: scare
 * quotes and coined terms ("all or nothing", "voluntary migration") are a
 * word or three, and no one is said to have said them.
 */
const MIN_WORDS_WITHOUT_EVIDENCE = 4;

/**
 * A short span repeating this many words or more of a quotation earlier in
 * its document is that speaker's words quoted again (“investing for growth.”
 * after “… in addition to investing for growth that will drive revenues.”).
 */
const MIN_ECHO_WORDS = 2;

interface BodyParagraph {
  context: ParagraphContext;
  passages: Passage[];
}

/** Where a found quotation's speaker comes from, to be resolved once the people index is known. */
export type SpeakerSource =
  | { kind: 'attribution'; ref: SpeakerRef }
  /** The speaker of an earlier quotation of the document (by its position among them): echoed, or continued. */
  | { kind: 'earlier'; of: number }
  /** A quotation standing as a sentence of its own: the person the sentence before reports as speaking. */
  | { kind: 'preceding'; spanStart: number }
  | { kind: 'none' };

/** A quotation of one document with where its speaker comes from: what the text alone decides, cached with the document. */
export interface QuotationDraft {
  passageId: number;
  paragraph: number;
  start: number;
  end: number;
  /** Its paragraph's position among the document's body paragraphs, as the speaker resolver counts them. */
  bodyParagraph: number;
  speaker: SpeakerSource;
}

/**
 * Finds the direct quotations of one document's body text (`passages`: its
 * own), and where each one's speaker is to come from.
 *
 * A quotation is a span between double marks (curly or straight), or one
 * whose opening mark was lost when an attribution follows ("…” — Jared
 * Kushner."), or one left open at a paragraph's end when the next paragraph
 * opens with a mark (news style for a quotation running over paragraphs).
 * Titles and coined terms are not quotations; a span of a few words is one
 * only with evidence that it was spoken (see `isSpoken`), or when it repeats
 * words of a quotation earlier in its document, whose speaker it keeps.
 *
 * The speaker comes from the attribution beside the span, resolved through
 * the people index by attributeQuotations. A quotation without attribution continues the speaker of
 * the quotation before it in its paragraph; a paragraph that is nothing but
 * quotation continues the speaker of the previous paragraph's last quotation
 * (news style runs one speaker's words over several paragraphs that way).
 * Where the attribution names no one person (sources, officials, "they", an
 * ambiguous "he"), the quotation has no speaker.
 */
export function findQuotations(document: SourceDocument, passages: readonly Passage[]): QuotationDraft[] {
  const paragraphs = groupBodyParagraphs([document], passages).get(document.file) ?? [];
  const drafts: QuotationDraft[] = [];
  let carried: number | undefined;
  /** The words of the document's quotations so far, with the quotation: a short span may echo one. */
  const quoted: Array<{ words: string; draft: number }> = [];
  paragraphs.forEach(({ context, passages: pieces }, index) => {
    const next = paragraphs[index + 1]?.context;
    let inParagraph: number | undefined;
    let previousEnd = 0;
    for (const span of context.spans) {
      const long = wordCount(context, span) >= MIN_WORDS_WITHOUT_EVIDENCE;
      const attribution = attributeAfter(context, span, long) ?? attributeBefore(context, span, long, previousEnd) ?? attributeTrailing(context, span);
      previousEnd = span.end;
      const spanTerms = terms(innerText(context, span));
      const words = ` ${spanTerms.join(' ')} `;
      const echoed = long || spanTerms.length < MIN_ECHO_WORDS || isTitle(context, span, attribution) ? undefined : quoted.find((entry) => entry.words.includes(words))?.draft;
      if (echoed === undefined && !isQuotation(context, span, attribution, next)) continue;
      const continued = inParagraph ?? (isAllQuoted(context) ? carried : undefined);
      const earlier = echoed ?? continued;
      const speaker: SpeakerSource = attribution
        ? { kind: 'attribution', ref: attribution.ref }
        : earlier !== undefined
          ? { kind: 'earlier', of: earlier }
          : standsAlone(context, span)
            ? { kind: 'preceding', spanStart: span.start }
            : { kind: 'none' };
      const start = context.offset + span.start;
      const passage = pieces.filter((piece) => piece.start <= start).at(-1) ?? (pieces[0] as Passage);
      quoted.push({ words, draft: drafts.length });
      inParagraph = drafts.length;
      drafts.push({ passageId: passage.id, paragraph: passage.paragraph, start, end: context.offset + span.end, bodyParagraph: index, speaker });
    }
    const last = context.spans.at(-1);
    carried = last && inParagraph !== undefined && drafts[inParagraph]?.end === context.offset + last.end ? inParagraph : undefined;
  });
  return drafts;
}

/**
 * The quotations of a corpus with their speakers, resolved through the
 * people index from the drafts of each document (`drafts[i]`: those of
 * `documents[i]`, placed among `passages`).
 */
export function attributeQuotations(documents: readonly SourceDocument[], passages: readonly Passage[], drafts: readonly (readonly QuotationDraft[])[], people: PeopleIndex): Quotation[] {
  const needsResolver = new Set(documents.filter((_document, position) => drafts[position]?.some(({ speaker }) => speaker.kind === 'attribution' || speaker.kind === 'preceding')).map((document) => document.file));
  const paragraphsByFile = groupBodyParagraphs(
    documents.filter((document) => needsResolver.has(document.file)),
    passages.filter((passage) => needsResolver.has(passage.file)),
  );
  const quotations: Quotation[] = [];
  documents.forEach((document, position) => {
    const contexts = (paragraphsByFile.get(document.file) ?? []).map((paragraph) => paragraph.context);
    const resolver = needsResolver.has(document.file) ? createSpeakerResolver(contexts, people, document.file) : undefined;
    const speakers: Array<number | undefined> = [];
    for (const { speaker, bodyParagraph, ...placed } of drafts[position] ?? []) {
      const speakerId =
        speaker.kind === 'attribution'
          ? resolver?.resolve(speaker.ref, bodyParagraph, speakers.at(-1))
          : speaker.kind === 'earlier'
            ? speakers[speaker.of]
            : speaker.kind === 'preceding'
              ? resolver?.resolvePreceding(bodyParagraph, speaker.spanStart)
              : undefined;
      speakers.push(speakerId);
      quotations.push({ file: document.file, ...placed, ...(speakerId !== undefined ? { speakerId } : {}) });
    }
  });
  return quotations;
}

function groupBodyParagraphs(documents: readonly SourceDocument[], passages: readonly Passage[]): Map<string, BodyParagraph[]> {
  const texts = new Map(documents.map((document) => [document.file, document.text]));
  const grouped = new Map<string, BodyParagraph[]>();
  let pieces: Passage[] = [];
  const flush = (): void => {
    const first = pieces[0];
    const last = pieces.at(-1);
    if (!first || !last) return;
    const text = (texts.get(first.file) ?? '').slice(first.start, last.end);
    const paragraphs = grouped.get(first.file) ?? [];
    paragraphs.push({ context: readParagraph(first.file, first.paragraph, first.start, text), passages: pieces });
    grouped.set(first.file, paragraphs);
    pieces = [];
  };
  for (const passage of passages) {
    if (passage.furniture) continue;
    const current = pieces[0];
    if (current && (current.file !== passage.file || current.paragraph !== passage.paragraph)) flush();
    pieces.push(passage);
  }
  flush();
  return grouped;
}

/** A paragraph with no words outside its quotation marks. */
function isAllQuoted(context: ParagraphContext): boolean {
  let outside = context.text;
  for (const span of [...context.spans].reverse()) outside = outside.slice(0, span.start) + outside.slice(span.end);
  return !/[\p{L}\p{N}]/u.test(outside);
}

function innerText(context: ParagraphContext, span: MarkedSpan): string {
  return context.text.slice(span.opened ? span.start + 1 : span.start, span.closed ? span.end - 1 : span.end);
}

function wordCount(context: ParagraphContext, span: MarkedSpan): number {
  return innerText(context, span).split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** The rules that tell a quotation from other text in marks; see findQuotations. */
function isQuotation(context: ParagraphContext, span: MarkedSpan, attribution: Attribution | undefined, next: ParagraphContext | undefined): boolean {
  if (!span.opened && !(attribution?.side === 'after' && attribution.adjacent)) return false;
  if (!span.closed && !(next?.spans[0]?.start === 0 && next.spans[0].opened)) return false;
  if (isTitle(context, span, attribution)) return false;
  if (wordCount(context, span) >= MIN_WORDS_WITHOUT_EVIDENCE) return true;
  // British style sets a fragment's punctuation outside single marks ('sensational'.), a spoken sentence's inside (‘No,’ he said).
  if (isSingleMarked(context, span) && !/[.,!?…]$/u.test(innerText(context, span)) && !hasSpeakerVoice(context, span)) return false;
  return isSpoken(context, span, attribution);
}

const isSingleMarked = (context: ParagraphContext, span: MarkedSpan): boolean => /['‘’]/u.test(context.text[span.start] ?? '');

const hasSpeakerVoice = (context: ParagraphContext, span: MarkedSpan): boolean => terms(innerText(context, span)).some((term) => SPEAKER_VOICE.has(term));

/**
 * A title or a coined name: "titled “…”", "nicknamed “…”", or Title Case
 * words ("“60 Minutes,”") that no verb of saying stands beside.
 */
function isTitle(context: ParagraphContext, span: MarkedSpan, attribution: Attribution | undefined): boolean {
  const before = context.words.filter((word) => word.end <= span.start).at(-1);
  if (before && TITLE_CUES.has(before.term) && /^\s*$/u.test(context.text.slice(before.end, span.start))) return true;
  const words = innerText(context, span)
    .split(/\s+/u)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => word !== '');
  const titleCase =
    words.length >= 2 &&
    words.every((word, index) => /^[\p{Lu}\p{N}]/u.test(word) || (index > 0 && index < words.length - 1 && TITLE_FUNCTION_WORDS.has(word.toLowerCase())));
  return titleCase && !attribution?.adjacent;
}

/**
 * Evidence that a short span was spoken: an attribution right beside it, a
 * speaker's own voice in it ("may have duped me"), or the span standing as a
 * whole sentence (“It didn’t.”), which a scare quote never does.
 */
function isSpoken(context: ParagraphContext, span: MarkedSpan, attribution: Attribution | undefined): boolean {
  if (attribution?.adjacent) return true;
  if (hasSpeakerVoice(context, span)) return true;
  return opensSentence(context, span, /[.!?:]$/u) && /[.!?…]$/u.test(innerText(context, span).trimEnd());
}

/** Whether nothing of the text's own stands before the span in its sentence: the paragraph's start, another quotation, or `boundary`. */
function opensSentence(context: ParagraphContext, span: MarkedSpan, boundary: RegExp): boolean {
  const before = context.text.slice(0, span.start).trimEnd();
  return before === '' || boundary.test(before) || context.spans.some((other) => other.end === before.length);
}

/** A quotation that is a sentence of its own: it opens its sentence, and nothing follows it but a new sentence. */
function standsAlone(context: ParagraphContext, span: MarkedSpan): boolean {
  return opensSentence(context, span, /[.!?]$/u) && /^(?:\s*$|\s+[\p{Lu}“"‘'])/u.test(context.text.slice(span.end));
}
