import { isSpeechVerb } from './name-lexicon.ts';

/**
 * Whether a name speaks, right beside a quotation, words in the first person
 * singular: "“I was scared,” Roe said", "“…my son,” said Roe", "Roe told
 * them: “I …”". Organisations are quoted too ("“We are pleased,” Acme said"),
 * but only a person says "I", "me" or "my": the surest sign a quotation's
 * speaker gives that a name is a person's.
 */

const SPACE = '[ \\u00A0\\u202F]';
/** A closing mark right before the name, or before a verb of saying that stands before it: "…,” Roe said", "…,” said Roe". */
const CLOSED_BEFORE = new RegExp(`([”"])${SPACE}*(?:(\\p{L}+)${SPACE}+)?$`, 'u');
/** A verb of saying after the name, up to three lower-case words ("told reporters"), then a comma or colon and an opening mark. */
const OPENED_AFTER = new RegExp(`^${SPACE}+(\\p{Ll}+)(?:${SPACE}+\\p{Ll}+){0,3}${SPACE}*[,:]${SPACE}*([“"])`, 'u');
/** "I", "I’m", "me", "my", "mine", "myself": "I" only capitalised, so that no roman numeral or letter of a list is read as one. */
const FIRST_PERSON = /(?<![\p{L}\p{N}])(?:I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)(?![\p{L}\p{N}])/u;
/** How far a quotation may reach: a long paragraph of one speaker's words. */
const MAX_QUOTATION = 1000;

/**
 * `anchor` is where the name's mention starts (its title included), `end`
 * where the name ends, `verbAfter` the folded word after it, if any.
 */
export function speaksAsI(text: string, anchor: number, end: number, verbAfter: string | undefined): boolean {
  const before = CLOSED_BEFORE.exec(text.slice(Math.max(0, anchor - 40), anchor));
  if (before) {
    const verbBefore = before[2]?.toLowerCase();
    const spoken = verbBefore === undefined ? verbAfter !== undefined && isSpeechVerb(verbAfter) : isSpeechVerb(verbBefore);
    const close = anchor - before[0].length;
    if (spoken) return FIRST_PERSON.test(quotationEndingAt(text, close, before[1] === '"' ? '"' : '“'));
  }
  const after = OPENED_AFTER.exec(text.slice(end, end + 80));
  if (!after || !isSpeechVerb((after[1] ?? '').toLowerCase())) return false;
  const open = end + after[0].length;
  const closing = text.slice(open, open + MAX_QUOTATION).search(after[2] === '"' ? /"/u : /”/u);
  return FIRST_PERSON.test(text.slice(open, closing === -1 ? open + MAX_QUOTATION : open + closing));
}

/** The words of the quotation whose closing mark stands at `close`, back to its opening mark. */
function quotationEndingAt(text: string, close: number, opening: string): string {
  const from = Math.max(0, close - MAX_QUOTATION);
  const start = text.lastIndexOf(opening, close - 1);
  return text.slice(start >= from ? start + 1 : from, close);
}
