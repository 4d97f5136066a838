import { splitSentences, type Span, trimSpan } from '../text/text.ts';
import type { FurnitureKind, Passage, SourceDocument } from '../types.ts';

/** Paragraphs longer than this are cut at sentence boundaries into several passages. */
export const MAX_PASSAGE_CHARS = 700;

/** A non-empty block of a document: a paragraph, or a line of page furniture. */
interface Block extends Span {
  paragraph: number;
}

/**
 * A plain-text file has one paragraph per line (as scraped articles do); a
 * Markdown file separates paragraphs with blank lines, as Markdown defines.
 */
function splitBlocks(document: SourceDocument): Block[] {
  const separator = document.format === 'markdown' ? /\r?\n[ \t]*\r?\n/gu : /\r?\n/gu;
  const body = document.text;
  const blocks: Block[] = [];
  let start = document.bodyStart;
  const pushBlock = (end: number): void => {
    const span = trimSpan(body, { start, end });
    if (span.end > span.start) blocks.push({ ...span, paragraph: blocks.length + 1 });
  };
  separator.lastIndex = document.bodyStart;
  for (const match of body.matchAll(separator)) {
    if (match.index < document.bodyStart) continue;
    pushBlock(match.index);
    start = match.index + match[0].length;
  }
  pushBlock(body.length);
  return blocks;
}

/** A sentence's last mark, then only closing marks, spaces or emoji ("… a cyberstalker? ”", "… at the festival! 🙂"), then a footnote mark. */
const SENTENCE_END = /[.!?…:;][\s"'”’)\]\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F\u200D]*[*†‡]?$/u;
/** A quotation closed and signed with a dash: "…Martin.” — Neil Gaiman". */
const SIGNED_QUOTATION = /[.!?,…]["”’]\s*[\u2014\u2013-]\s*\p{Lu}[^.!?]{0,60}$/u;
/** A block that is one quotation from its opening mark to its closing one. */
const WHOLE_QUOTATION = /^["“‘][^"“”]+["”’]$/u;
/** A quotation or a sentence of at least this many words is prose, not a heading. */
const MIN_PROSE_WORDS = 6;
const COPYRIGHT = /^(?:©|\(c\)\s*\d{4}|copyright\b|all rights reserved)/iu;
/** "Headline - Publisher", "Headline | Publisher", "Headline: report" pasted between paragraphs. */
const LINK_HEADLINE = /(?:\s[-–—|]\s[\p{Lu}\d][^.!?]{0,60}|:\s*report)$/u;
/** A chat assistant's reply left in scraped text: an interjection, then a request to the reader. */
const ASSISTANT_OPENING = /^(?:sure|certainly|of course|absolutely|okay|ok|i'?m sorry|as an ai)\b[!,.]/iu;
const ASSISTANT_REQUEST = /\b(?:please (?:provide|share|paste|send)|could you (?:please )?(?:provide|share|paste|clarify)|would you like me to|i(?:'d| would) be happy to|let me know if)\b/iu;
const AI_SELF_REFERENCE = /\b(?:as an ai(?: language model)?|i am an ai|as a language model)\b/iu;

/**
 * Tells page furniture from body text by rules that hold on scraped news, not
 * by a list of known strings: a body paragraph is a sentence, so a block with
 * no sentence-final punctuation is a menu item, a heading, a pasted link
 * headline, a dateline or a truncated fragment.
 */
export function classifyFurniture(text: string): FurnitureKind | undefined {
  const plain = text.replace(/[\u2018\u2019]/gu, "'");
  if (COPYRIGHT.test(plain)) return 'copyright';
  if (AI_SELF_REFERENCE.test(plain) || (ASSISTANT_OPENING.test(plain) && ASSISTANT_REQUEST.test(plain))) return 'assistant-reply';
  if (SENTENCE_END.test(text) || SIGNED_QUOTATION.test(text) || isProse(text)) return undefined;
  if (LINK_HEADLINE.test(text)) return 'link-headline';
  const words = text.split(/\s+/u).length;
  if (words <= 4) return 'navigation';
  const lastWord = text.split(/\s+/u).at(-1) ?? '';
  // A line cut off mid-sentence ends on a lower-case word after a comma-led clause.
  if (/,/u.test(text) && /^\p{Ll}/u.test(lastWord)) return 'fragment';
  return 'heading';
}

const wordsOf = (text: string): string[] => text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word));
const wordCount = (text: string): number => wordsOf(text).length;
/** Most words lower case, as in a sentence; a title in marks (“Star Wars: The Rise of Skywalker”) is capitalised. */
const readsAsSentence = (text: string): boolean => {
  const words = wordsOf(text);
  return words.filter((word) => /^\P{L}*\p{Ll}/u.test(word)).length * 2 > words.length;
};

/**
 * Prose whose last sentence lacks its punctuation: a quotation standing as a
 * paragraph (“… rather than Barack Obama”) that reads as a sentence, or a paragraph whose earlier
 * sentences end as sentences do and whose last was cut off in scraping. A
 * heading, a menu or a pasted headline is neither.
 */
function isProse(text: string): boolean {
  if (WHOLE_QUOTATION.test(text)) return wordCount(text) >= MIN_PROSE_WORDS && readsAsSentence(text);
  const sentences = splitSentences(text).slice(0, -1);
  return sentences.some((sentence) => {
    const words = text.slice(sentence.start, sentence.end);
    return SENTENCE_END.test(words) && wordCount(words) >= MIN_PROSE_WORDS;
  });
}

/** Cuts a long paragraph into runs of whole sentences, each at most MAX_PASSAGE_CHARS when it can be. */
function splitLongBlock(text: string, block: Block): Span[] {
  const local = text.slice(block.start, block.end);
  if (local.length <= MAX_PASSAGE_CHARS) return [block];
  const pieces: Span[] = [];
  let current: Span | undefined;
  for (const sentence of splitSentences(local)) {
    if (current && sentence.end - current.start > MAX_PASSAGE_CHARS) {
      pieces.push(current);
      current = undefined;
    }
    current = { start: current?.start ?? sentence.start, end: sentence.end };
  }
  if (current) pieces.push(current);
  return pieces.map((piece) => ({ start: block.start + piece.start, end: block.start + piece.end }));
}

/** Splits one document into passages; `firstId` numbers them within the Library. */
export function splitPassages(document: SourceDocument, firstId: number): Passage[] {
  const passages: Passage[] = [];
  for (const block of splitBlocks(document)) {
    const furniture = classifyFurniture(document.text.slice(block.start, block.end));
    for (const span of furniture ? [block] : splitLongBlock(document.text, block)) {
      passages.push({
        id: firstId + passages.length,
        file: document.file,
        paragraph: block.paragraph,
        start: span.start,
        end: span.end,
        text: document.text.slice(span.start, span.end),
        ...(furniture ? { furniture } : {}),
      });
    }
  }
  return passages;
}
