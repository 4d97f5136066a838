import SearchableMap from 'minisearch/SearchableMap';
import { isCommonGivenName } from './given-names.ts';
import { givenNamesAgree, surnameKeys, typoAllowance } from './name-keys.ts';
import { isNameSuffix, isParticle } from './name-lexicon.ts';
import type { FullNameForm, LoneName, NameStatistics } from './name-statistics.ts';
import { isPersonByItself, isPersonName, type NameEvidence } from './person-evidence.ts';

/** A person while the index is being built: the full names and keys they are known by. */
export interface PersonDraft {
  forms: FullNameForm[];
  /** Every key a lone surname may be written with: spellings, slips and announced variants included. */
  surnameKeys: Set<string>;
  /** Surname keys that are slips of a commoner spelling: the name never takes them. */
  slipKeys: Set<string>;
  givenKeys: Set<string>;
  /** Spellings the text announces ("al‑Khaya"), verbatim. */
  announced: string[];
  /** For a person the corpus names only by surname ("Mr. Smith"): that lone word. */
  lone?: LoneName;
}

/** Who is a person, and the maps that lead from a name to them. */
export interface PeopleGroups {
  drafts: PersonDraft[];
  /** Full-name key → person. */
  byForm: Map<string, PersonDraft>;
  /** Surname key → the people it may name. */
  bySurname: Map<string, PersonDraft[]>;
  /** Surname keys, for finding a slip of one or two letters. */
  surnames: SearchableMap<PersonDraft[]>;
}

const hasPersonCue = (evidence: NameEvidence): boolean => evidence.honorific + evidence.titleRun + evidence.speech + evidence.appositive > 0;

/** Words of a form's key that are not particles ("van", "de") or suffixes ("Jr."). */
const plainWords = (key: string): string[] => key.split(' ').filter((word) => !isParticle(word) && !isNameSuffix(word));

/**
 * The first two words of the corpus's runs of three or more plain words that are no organisation's
 * ("star wars" from "Star Wars Jedi"), and its two-word forms ("star wars").
 */
function runOpenings(statistics: NameStatistics): { longer: Set<string>; short: Set<string> } {
  const longer = new Set<string>();
  const short = new Set<string>();
  for (const form of statistics.forms.values()) {
    const words = plainWords(form.key);
    if (words.length === 2) short.add(words.join(' '));
    else if (words.length > 2 && form.evidence.organisation === 0) longer.add(words.slice(0, 2).join(' '));
  }
  return { longer, short };
}

/**
 * Whether a form's first word counts as a common given name. Not when the form and a longer run share
 * their first two words ("Star Wars" and "Star Wars Jedi", "Star Trek" and "Star Trek Into Darkness"):
 * a title of a work grows by words, a person's name seldom does without a particle or initials, so there
 * opening with a listed given name ("Star") says nothing.
 */
function opensWithGivenName(form: FullNameForm, openings: { longer: ReadonlySet<string>; short: ReadonlySet<string> }): boolean {
  const words = plainWords(form.key);
  const opening = words.slice(0, 2).join(' ');
  const grows = words.length === 2 ? openings.longer.has(opening) : words.length > 2 && openings.short.has(opening);
  return isCommonGivenName(form.givenKey) && !grows;
}

/** Whether a form's first word is a name: it stands inside a sentence somewhere, or is no word the corpus writes in lower case. */
const opensWithName = (form: FullNameForm, statistics: NameStatistics): boolean => form.evidence.opensSentence < form.count || !statistics.commonOpeners.has(form.givenKey);

/**
 * Which full names are people's: by their own evidence, then helped by given names learnt from the first and by
 * a lone surname's words spoken as "I" — but only a surname no person of the first pass has: the lone "James"
 * who says "I" may be Letitia James as well as the LeBron James the corpus names without a cue.
 */
function acceptForms(statistics: NameStatistics): FullNameForm[] {
  const openings = runOpenings(statistics);
  const judge = (form: FullNameForm, knownGivenName: boolean, ownedSurnames?: ReadonlySet<string>): boolean => {
    const surname = form.surnameKeys[0] ?? '';
    const lone = statistics.lone.get(surname);
    const speaksAsI = lone !== undefined && lone.evidence.firstPerson > 0 && lone.evidence.organisation === 0;
    return isPersonName(form.evidence, {
      surnameActsAlone: lone !== undefined && hasPersonCue(lone.evidence),
      surnameSpeaksAsI: speaksAsI && ownedSurnames !== undefined && !ownedSurnames.has(surname) && opensWithName(form, statistics),
      knownGivenName,
      commonGivenName: opensWithGivenName(form, openings),
    });
  };
  const forms = [...statistics.forms.values()];
  const accepted = new Set(forms.filter((form) => judge(form, false)));
  const givenNames = new Set([...accepted].filter((form) => form.givenKey.length > 1).map((form) => form.givenKey));
  const ownedSurnames = new Set([...accepted].map((form) => form.surnameKeys[0] ?? ''));
  for (const form of forms) {
    if (!accepted.has(form) && judge(form, givenNames.has(form.givenKey), ownedSurnames)) accepted.add(form);
  }
  return [...accepted].sort((a, b) => b.key.split(' ').length - a.key.split(' ').length || b.count - a.count);
}

function createDraft(form: FullNameForm): PersonDraft {
  return { forms: [form], surnameKeys: new Set(form.surnameKeys), slipKeys: new Set(), givenKeys: new Set([form.givenKey]), announced: [] };
}

function absorb(target: PersonDraft, form: FullNameForm): void {
  target.forms.push(form);
  for (const key of form.surnameKeys) target.surnameKeys.add(key);
  target.givenKeys.add(form.givenKey);
}

const agreesWith = (draft: PersonDraft, givenKey: string): boolean => [...draft.givenKeys].some((known) => givenNamesAgree(known, givenKey));

/**
 * Full names into people: one person per surname and agreeing given name, so
 * "Daniel Lifshitz" and "Yocheved Lifshitz" stay two while "David E. Sanger"
 * and "David Sanger" are one.
 */
function groupForms(forms: readonly FullNameForm[]): Map<string, PersonDraft> {
  const byForm = new Map<string, PersonDraft>();
  const bySurname = new Map<string, PersonDraft[]>();
  for (const form of forms) {
    const surname = form.surnameKeys[0] ?? form.key;
    const known = bySurname.get(surname) ?? [];
    let draft = known.find((candidate) => agreesWith(candidate, form.givenKey));
    if (draft) absorb(draft, form);
    else {
      draft = createDraft(form);
      bySurname.set(surname, [...known, draft]);
    }
    byForm.set(form.key, draft);
  }
  return byForm;
}

function indexSurnames(drafts: Iterable<PersonDraft>): Map<string, PersonDraft[]> {
  const bySurname = new Map<string, PersonDraft[]>();
  for (const draft of drafts) {
    for (const key of draft.surnameKeys) bySurname.set(key, [...(bySurname.get(key) ?? []), draft]);
  }
  return bySurname;
}

/**
 * A rare surname one or two letters from a much commoner one, under the same
 * given name, is a slip: "Yocheved Liftshitz" (twice) is "Yocheved Lifshitz".
 * Checked with minisearch's radix tree, so each rare name costs one lookup.
 */
function mergeSlips(statistics: NameStatistics, byForm: Map<string, PersonDraft>): void {
  const surnames = new SearchableMap<PersonDraft[]>();
  for (const [key, drafts] of indexSurnames(new Set(byForm.values()))) surnames.set(key, drafts);
  const countOf = (key: string): number => statistics.surnameCounts.get(key) ?? 0;
  for (const form of statistics.forms.values()) {
    const key = form.surnameKeys[0] ?? '';
    const allowance = typoAllowance(key);
    if (allowance === 0 || countOf(key) > 2 || form.evidence.organisation > 0) continue;
    const targets = new Set<PersonDraft>();
    for (const [other, [drafts, distance]] of surnames.fuzzyGet(key, allowance)) {
      if (distance === 0 || countOf(other) < 2 * countOf(key)) continue;
      for (const draft of drafts) if (agreesWith(draft, form.givenKey)) targets.add(draft);
    }
    const [target] = targets;
    if (targets.size !== 1 || !target) continue;
    const own = byForm.get(form.key);
    if (own === target) continue;
    for (const moved of own ? own.forms : [form]) {
      if (!target.forms.includes(moved)) absorb(target, moved);
      byForm.set(moved.key, target);
    }
    target.slipKeys.add(key);
  }
}

function addAnnouncedSpellings(statistics: NameStatistics, byForm: Map<string, PersonDraft>): void {
  const bySurname = indexSurnames(new Set(byForm.values()));
  for (const spelling of statistics.spellings) {
    const draft = byForm.get(spelling.of) ?? uniqueDraft(bySurname.get(spelling.of));
    if (!draft) continue;
    for (const key of surnameKeys(spelling.surface)) draft.surnameKeys.add(key);
    draft.announced.push(spelling.surface);
  }
}

const uniqueDraft = (drafts: readonly PersonDraft[] | undefined): PersonDraft | undefined => (drafts?.length === 1 ? drafts[0] : undefined);

/**
 * Decides who is a person and groups their names: full names by their
 * evidence, slips and announced spellings into the person they spell, and a
 * surname that only ever stands alone into a person when a courtesy title
 * says so.
 */
export function groupPeople(statistics: NameStatistics): PeopleGroups {
  const byForm = groupForms(acceptForms(statistics));
  mergeSlips(statistics, byForm);
  addAnnouncedSpellings(statistics, byForm);
  const drafts = [...new Set(byForm.values())];
  const named = indexSurnames(drafts);
  for (const lone of statistics.lone.values()) {
    const keys = surnameKeys(lone.surface);
    if (keys.some((key) => named.has(key)) || !isPersonByItself(lone.evidence)) continue;
    const draft: PersonDraft = { forms: [], surnameKeys: new Set(keys), slipKeys: new Set(), givenKeys: new Set(), announced: [], lone };
    drafts.push(draft);
    for (const key of keys) named.set(key, [draft]);
  }
  const bySurname = indexSurnames(drafts);
  const surnames = new SearchableMap<PersonDraft[]>();
  for (const [key, found] of bySurname) surnames.set(key, found);
  return { drafts, byForm, bySurname, surnames };
}
