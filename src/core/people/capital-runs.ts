import { wordKey } from './name-keys.ts';
import { isParticle, isSentenceOpener, isTitleHead } from './name-lexicon.ts';
import type { Span } from '../text/text.ts';

/*
 * The first step of finding names: runs of capitalised words, as news text
 * writes a name ("Khalil al‑Hayya", "David E. Sanger", "Mr. van der Berg").
 */

/** A capitalised word (or a particle inside a name) with its offsets in the passage text. */
export interface NameWord extends Span {
  surface: string;
  key: string;
  /** A lower-case particle inside a name: "van", "bin". */
  particle: boolean;
  /** All capitals ("NBC") or dotted ("U.S."): an organisation's or a country's abbreviation. */
  acronym: boolean;
  /** A single capital followed by a full stop: "E." in "David E. Sanger". */
  initial: boolean;
  /** Followed by "'s" or "’" (which the word leaves out). */
  possessive: boolean;
}

/**
 * A capitalised word: a capital, letters, apostrophes and capitalised hyphen
 * parts ("Ben-Gvir"), or a particle hyphened to one ("al‑Hayya"), or a dotted
 * abbreviation ("U.S."). Its edges are checked by `standsAlone`, which is
 * cheaper than look-arounds in the expression.
 */
const CAPITAL_WORD =
  /(?:\p{Lu}\.){2,}|(?:(?:al|el|ad|an|ar|as|ash|at|az|ibn|bin|abu|ben|d|de|da|di|du|del|van|von|le|la)[-\u2010\u2011'’])?\p{Lu}[\p{L}\p{M}'’\u00AD\u200B-\u200D\u2060\uFEFF]*(?:[-\u2010\u2011]\p{Lu}[\p{L}\p{M}'’\u00AD\u200B-\u200D\u2060\uFEFF]*)*/gu;
/** Soft hyphens and zero-width characters sit inside words (a page's hyphenation points): part of the word. */
const WORD_PART = /[\p{L}\p{M}\p{N}\u00AD\u200B-\u200D\u2060\uFEFF]/u;
const isHyphen = (character: string | undefined): boolean => character === '-' || character === '\u2010' || character === '\u2011';

/**
 * Whether a match is a whole word: not glued to a letter, digit, apostrophe
 * or hyphen before it, nor to a letter after it or a lower-case hyphen part
 * ("Hamas-led" is an adjective, not a name).
 */
function standsAlone(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  if (before !== undefined && (WORD_PART.test(before) || before === "'" || before === '’' || isHyphen(before))) return false;
  const after = text[end];
  if (after === undefined) return true;
  if (WORD_PART.test(after)) return false;
  return !(isHyphen(after) && WORD_PART.test(text[end + 1] ?? ''));
}

const LOWER_CASE_PARTS = /(?:[-\u2010\u2011]\p{Ll}+)+/uy;

/** Lower-case hyphen parts right after `position` ("-myung" in "Jae-myung"), or ''. */
function lowerCaseParts(text: string, position: number): string {
  LOWER_CASE_PARTS.lastIndex = position;
  return LOWER_CASE_PARTS.exec(text)?.[0] ?? '';
}

/**
 * Whether a word stands right after another capitalised word, a space
 * apart: there "Jae-myung" (Lee Jae-myung) is a given name, where alone
 * "Hamas-led" is an adjective.
 */
function followsName(text: string, previous: NameWord | undefined, start: number): boolean {
  return previous !== undefined && !previous.possessive && start - previous.end === 1 && /[ \u00A0\u202F]/u.test(text[previous.end] ?? '');
}

/** Between two words of a name: an optional full stop, spaces, and lower-case words that must be particles. */
const NAME_GAP = /^(\.)?[ \u00A0\u202F\t]+(?:\p{Ll}+[ \u00A0\u202F\t]+){0,3}$/u;
/** Longer gaps hold more than particles: not worth slicing. */
const MAX_NAME_GAP = 24;

/** The capitalised words of a text, possessives left out, with what their shape says. */
function capitalWords(text: string): NameWord[] {
  const found: NameWord[] = [];
  const pattern = new RegExp(CAPITAL_WORD);
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const syllables = followsName(text, found.at(-1), match.index) ? lowerCaseParts(text, match.index + match[0].length) : '';
    if (!standsAlone(text, match.index, match.index + match[0].length + syllables.length)) {
      // Past the first character, a whole code point: inside a surrogate pair a Unicode search starts again at the pair.
      pattern.lastIndex = match.index + String.fromCodePoint(match[0].codePointAt(0) ?? 0).length;
      continue;
    }
    pattern.lastIndex = match.index + match[0].length + syllables.length;
    let surface = match[0] + syllables;
    // Most words end in a plain letter: only the others pay for the possessive's expressions.
    const last = surface.at(-1);
    const quoted = last === "'" || last === '’' || last === 's';
    const possessive = quoted && /(?:['’]s|s['’])$/u.test(surface);
    if (quoted) surface = surface.replace(/['’]s?$/u, '');
    const start = match.index;
    const end = start + surface.length;
    const capitals = surface.length >= 2 && (surface[1] === '.' || surface[1] !== surface[1]?.toLowerCase());
    found.push({
      start,
      end,
      surface,
      key: wordKey(surface),
      particle: false,
      acronym: capitals && (/^(?:\p{Lu}\.){2,}$/u.test(surface) || /^[\p{Lu}\d]+$/u.test(surface)),
      initial: surface.length === 1 && text[end] === '.',
      possessive,
    });
  }
  return found;
}

/**
 * Whether two capitalised words belong to one run: only spaces between them,
 * an initial's or a title's full stop ("E.", "Mr."), or lower-case particles
 * ("Pieter van der Berg", "Mr. van der Berg"), which are returned to join the run.
 */
function joinRun(text: string, left: NameWord, right: NameWord): NameWord[] | undefined {
  if (left.possessive || right.start - left.end > MAX_NAME_GAP) return undefined;
  if (right.start - left.end === 1 && text[left.end] === ' ') return [];
  const gap = text.slice(left.end, right.start);
  const match = NAME_GAP.exec(gap);
  if (!match) return undefined;
  if (match[1] && !(left.initial || (left.surface.length <= 4 && isTitleHead(left.key)))) return undefined;
  // "in Group D. The team won": a full stop before a word that opens sentences ends one.
  if (match[1] && isSentenceOpener(right.key)) return undefined;
  const particles: NameWord[] = [];
  for (const particle of gap.matchAll(/\p{Ll}+/gu)) {
    if (!isParticle(particle[0])) return undefined;
    const start = left.end + particle.index;
    particles.push({ start, end: start + particle[0].length, surface: particle[0], key: particle[0], particle: true, acronym: false, initial: false, possessive: false });
  }
  return particles;
}

/** Runs of capitalised words separated only by spaces, particles or an initial's full stop. */
export function capitalRuns(text: string): NameWord[][] {
  const runs: NameWord[][] = [];
  let run: NameWord[] = [];
  for (const word of capitalWords(text)) {
    const last = run.at(-1);
    const particles = last ? joinRun(text, last, word) : undefined;
    if (!particles) {
      if (run.length > 0) runs.push(run);
      run = [word];
      continue;
    }
    run.push(...particles, word);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}
