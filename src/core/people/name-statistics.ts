import type { NameWord } from './capital-runs.ts';
import { surnameOf, type NameCandidate } from './name-candidates.ts';
import { surnameKeys, wordKey } from './name-keys.ts';
import { addCues, noEvidence, type NameEvidence } from './person-evidence.ts';
import type { Passage } from '../types.ts';

/** Everything the corpus says about one full name ("Steve Witkoff"), over all its occurrences. */
export interface FullNameForm {
  /** Its words' keys, space-separated: the same for "Khalil al‑Hayya" and "Khalil al-Hayya". */
  key: string;
  /** As written where it stands whole; else as first found, a borrowed surname appended ("Oded" + "Lifshitz"). */
  surface: string;
  /** Whether the corpus ever writes it whole, so that it may be shown as the person's name. */
  verbatim: boolean;
  givenKey: string;
  surnameKeys: readonly string[];
  evidence: NameEvidence;
  count: number;
}

/** Everything the corpus says about one word standing alone as a name ("Witkoff", "Hamas"). */
export interface LoneName {
  key: string;
  surface: string;
  evidence: NameEvidence;
  count: number;
}

/** A spelling the text announces for a name ("Khalil al‑Hayya (also spelled al‑Khaya)"). */
export interface AnnouncedSpelling {
  /** The key of the full name or lone word it spells. */
  of: string;
  surface: string;
}

/** The names of each passage, `names[i]` those of `passages[i]` (see passageNames). */
export type PassageNames = readonly (readonly NameCandidate[])[];

/** What pass one over the corpus learns about names, before deciding who is a person. */
export interface NameStatistics {
  forms: Map<string, FullNameForm>;
  lone: Map<string, LoneName>;
  /** How often each surname key is written, in full names and alone: rare spellings may be slips. */
  surnameCounts: Map<string, number>;
  spellings: AnnouncedSpelling[];
  /**
   * The first words of full names that open a sentence, which the corpus also writes in lower case ("because",
   * "make"): a common word capitalised by its place, not a given name.
   */
  commonOpeners: Set<string>;
}

/** The key of a candidate's name: its words' keys, or for a lone word the word's. */
export function nameKey(words: readonly NameWord[]): string {
  return words.map((word) => word.key).join(' ');
}

/** The verbatim surface of a candidate's name; a borrowed surname is appended after a space. */
function nameSurface(text: string, candidate: NameCandidate): string {
  if (!candidate.borrowedSurname) return text.slice(candidate.start, candidate.end);
  return `${text.slice(candidate.start, candidate.end)} ${candidate.words.at(-1)?.surface ?? ''}`;
}

/** The surname keys of a candidate: of its surname for a full name, of the word for a lone one. */
export function candidateSurnameKeys(candidate: NameCandidate): readonly string[] {
  return surnameKeys(surnameOf(candidate.words).surface);
}

/** Written as running text writes a name: not in capitals ("JANE ROE"), without soft hyphens or zero-width characters. */
function isPlainlyWritten(surface: string): boolean {
  return /\p{Ll}/u.test(surface) && !/[\u00AD\u200B-\u200D\u2060\uFEFF]/u.test(surface);
}

function countSurname(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function addForm(statistics: NameStatistics, text: string, candidate: NameCandidate): void {
  const key = nameKey(candidate.words);
  let form = statistics.forms.get(key);
  if (!form) {
    const keys = candidateSurnameKeys(candidate);
    form = { key, surface: nameSurface(text, candidate), verbatim: false, givenKey: wordKey(candidate.words[0]?.surface ?? ''), surnameKeys: keys, evidence: noEvidence(), count: 0 };
    statistics.forms.set(key, form);
  }
  if (!candidate.borrowedSurname && (!form.verbatim || (!isPlainlyWritten(form.surface) && isPlainlyWritten(nameSurface(text, candidate))))) {
    form.surface = nameSurface(text, candidate);
    form.verbatim = true;
  }
  form.count += 1;
  addCues(form.evidence, candidate.cues);
  if (!candidate.borrowedSurname) countSurname(statistics.surnameCounts, form.surnameKeys[0] ?? key);
}

function addLone(statistics: NameStatistics, text: string, candidate: NameCandidate): void {
  const keys = candidateSurnameKeys(candidate);
  for (const key of keys) {
    let lone = statistics.lone.get(key);
    if (!lone) {
      lone = { key, surface: text.slice(candidate.start, candidate.end), evidence: noEvidence(), count: 0 };
      statistics.lone.set(key, lone);
    }
    lone.count += 1;
    addCues(lone.evidence, candidate.cues);
  }
  countSurname(statistics.surnameCounts, keys[0] ?? '');
}

/**
 * Pass one: every name in the body passages, counted with its evidence
 * (`names`: those of each passage; `lowerCase`: each document's lowerCaseWords).
 */
export function collectNameStatistics(passages: readonly Passage[], names: PassageNames, lowerCase: readonly (readonly string[])[]): NameStatistics {
  const statistics: NameStatistics = { forms: new Map(), lone: new Map(), surnameCounts: new Map(), spellings: [], commonOpeners: new Set() };
  passages.forEach((passage, position) => {
    const candidates = names[position] ?? [];
    for (const candidate of candidates) {
      if (candidate.words.length >= 2) addForm(statistics, passage.text, candidate);
      else addLone(statistics, passage.text, candidate);
      const spelled = candidate.variantOf === undefined ? undefined : candidates[candidate.variantOf];
      if (spelled) statistics.spellings.push({ of: nameKey(spelled.words), surface: passage.text.slice(candidate.start, candidate.end) });
    }
  });
  const openers = new Set([...statistics.forms.values()].filter((form) => form.evidence.opensSentence > 0).map((form) => form.givenKey));
  for (const words of lowerCase) for (const word of words) if (openers.has(word)) statistics.commonOpeners.add(word);
  return statistics;
}

/**
 * The distinct words the passages write in lower case, as words of their own:
 * a sentence-opening name whose first word the corpus also writes in lower
 * case ("Make Trump …", "make") may be no name. Found per document, since
 * scanning the whole corpus's text again on every build cost seconds.
 */
export function lowerCaseWords(passages: readonly Passage[]): string[] {
  const words = new Set<string>();
  for (const passage of passages) {
    for (const [word] of passage.text.matchAll(/(?<![\p{L}\p{M}\p{N}'’\u2010\u2011-])\p{Ll}[\p{Ll}\p{M}]*(?![\p{L}\p{M}\p{N}])/gu)) words.add(word);
  }
  return [...words];
}
