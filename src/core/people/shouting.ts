import { isOrganisationHead, isRoleNoun, isSentenceOpener, isSpeechVerb } from './name-lexicon.ts';
import { isStopWord } from '../text/text.ts';

/** Two lower-case letters in a row: the text is not all capitals. Most passages answer on their first words. */
const LOWER_CASE_PAIR = /\p{Ll}{2}/u;
const CAPITALS = /\p{Lu}/gu;
const WORD = /[\p{L}\p{M}'’\u00AD\u200B-\u200D\u2060\uFEFF]+/gu;

/** Whether a text is written in capitals ("JANE ROE IS THE NETWORK'S POLITICAL EDITOR"), where every word looks like an abbreviation. */
function isShouted(text: string): boolean {
  return !LOWER_CASE_PAIR.test(text) && (text.match(CAPITALS)?.length ?? 0) >= 8;
}

/** A word of a shouted text that running text writes in lower case: a function word, a verb of speech, a role. */
const isCommonWord = (lower: string): boolean => isStopWord(lower) || isSentenceOpener(lower) || isSpeechVerb(lower) || (isRoleNoun(lower) && !isOrganisationHead(lower));

/**
 * A shouted text as running text would write it, offset for offset: common
 * words in lower case, the rest with a capital only at their start ("Jane
 * Roe is the Network's Political editor"), so that names are found in it as
 * anywhere else. Any other text is returned as it is.
 */
export function withoutShouting(text: string): string {
  if (!isShouted(text)) return text;
  return text.replace(WORD, (word) => {
    const lower = word.toLowerCase();
    // A letter whose lower case is longer ("İ") would move every offset after it: such a word is left as written.
    if (lower.length !== word.length) return word;
    const key = lower.replace(/['’]s$/u, '');
    return isCommonWord(key) ? lower : word.slice(0, 1) + lower.slice(1);
  });
}
