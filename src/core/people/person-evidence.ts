/**
 * Evidence that a capitalised name is a person's rather than an
 * organisation's or a place's, counted over its occurrences, and the small
 * rule that weighs it.
 */
export interface NameEvidence {
  /** "Mr.", "Ms.", "Dr." before it. */
  honorific: number;
  /** A capitalised title before it: "President", "Prime Minister", "U.S. Ambassador to Israel". */
  titleRun: number;
  /** A lower-case role noun right before it: "press secretary Karoline Leavitt", "host Lesley Stahl". */
  role: number;
  /** An appositive that says what it is: "X, 86, a peace activist", "the finance minister, X". */
  appositive: number;
  /** A speech or reporting verb after it: "X said", "X told", or before it: "said X". */
  speech: number;
  /** That verb is one an organisation seldom takes: "X told", "X recalled". */
  personalSpeech: number;
  /** The next sentence opens with "He" or "She". */
  pronoun: number;
  /** Its possessive names a relative or a body: "X's grandparents", "X's body". */
  relation: number;
  /** "the" right before it: "the White House", "The New York Times". */
  definite: number;
  /** A place preposition right before it: "in Tel Aviv", "near Khan Younis". */
  place: number;
  /**
   * A lower-case role noun right after it: it qualifies someone ("Middle East envoy", "White House press secretary");
   * or it stands coordinated with an organisation, with no person's cue of its own ("Harbor Trust and Acme Fargo’s unit").
   */
  modifier: number;
  /** Its shape is an organisation's or place's: a head noun ("Ministry", "Strip"), an acronym, a country. */
  organisation: number;
  /** Written with initials, as only people's names are: "J.J. Abrams", "Edward N. Lorenz". */
  initials: number;
  /** It fills a quotation by itself, as a title of a work does: “Mary Poppins” and “Bambi”. */
  quotedTitle: number;
  /**
   * It speaks, beside the quotation, words in the first person singular: "“I was scared,” X said", "X told them: “My
   * son …”". An organisation says "we"; only a person says "I".
   */
  firstPerson: number;
  /** It opens a sentence or a quotation, where any word is capitalised ("Because Google's promises …", "“Make Trump go away”"). */
  opensSentence: number;
}

export const noEvidence = (): NameEvidence => ({
  honorific: 0,
  titleRun: 0,
  role: 0,
  appositive: 0,
  speech: 0,
  personalSpeech: 0,
  pronoun: 0,
  relation: 0,
  definite: 0,
  place: 0,
  modifier: 0,
  organisation: 0,
  initials: 0,
  quotedTitle: 0,
  firstPerson: 0,
  opensSentence: 0,
});

/** The cues of one occurrence as bits, cheaper than an object per name on a large corpus. */
export const Cue: Readonly<Record<keyof NameEvidence, number>> = {
  honorific: 1,
  titleRun: 2,
  role: 4,
  appositive: 8,
  speech: 16,
  personalSpeech: 32,
  pronoun: 64,
  relation: 128,
  definite: 256,
  place: 512,
  modifier: 1024,
  organisation: 2048,
  initials: 4096,
  quotedTitle: 8192,
  firstPerson: 16384,
  opensSentence: 32768,
};

const CUE_NAMES = Object.keys(Cue) as (keyof NameEvidence)[];

/** Counts one occurrence's cues into a name's evidence. */
export function addCues(total: NameEvidence, cues: number): void {
  for (const name of CUE_NAMES) if ((cues & Cue[name]) !== 0) total[name] += 1;
}

/** Whether an occurrence's cues include one of `names`. */
export const hasCue = (cues: number, ...names: (keyof NameEvidence)[]): boolean => names.some((name) => (cues & Cue[name]) !== 0);

/** What else the corpus says about a full name's parts. */
export interface NameContext {
  /** Its surname also stands alone somewhere with a person's cue ("Witkoff said", "Mr. Witkoff"). */
  surnameActsAlone: boolean;
  /**
   * That lone surname speaks words in the first person beside a quotation ("“I was there,” Lopez said"), and the
   * full name's first word is a name: it stands somewhere inside a sentence ("To LeBron James, …"), or the corpus
   * never writes it in lower case (not "Because Dempsey's study …").
   */
  surnameSpeaksAsI: boolean;
  /** Its first word is the given name of someone already known to be a person. */
  knownGivenName: boolean;
  /** Its first word is a common given name (see given-names.ts). */
  commonGivenName: boolean;
}

/** The weight a full name needs: one outright cue, or two weak ones ("Daniel Lifshitz said" and "Lifshitz told"). */
const PERSON_THRESHOLD = 2;

/**
 * Whether a full name ("Steve Witkoff", "Tel Aviv", "Goldman Sachs") is a
 * person's. An organisation's or place's shape vetoes, unless the name opens
 * with a common given name and cues that say so outright weigh two or more
 * ("Fiona Hill, a former adviser", "Russia adviser Fiona Hill": a surname
 * may be a head noun like "Hill"). Cues that say so outright (a title, a
 * role, an appositive, an honorific, a relative, initials, words spoken as
 * "I") weigh two, and so does opening with a common given name, which any
 * cue against then outweighs ("in Virginia Beach"), and a surname that
 * speaks as "I" on its own; weak ones (a speech verb, which companies share,
 * once more when it is one they seldom take, "told"; a "he" or "she" after,
 * a surname that acts alone, a given name known from someone else) weigh
 * one; "the" before and filling a quotation by itself (a title of a work)
 * weigh two against, a place preposition or a role noun after (an
 * organisation qualifying someone) one.
 */
export function isPersonName(evidence: NameEvidence, context: NameContext): boolean {
  const personal = evidence.honorific + evidence.titleRun + evidence.role + evidence.appositive + evidence.relation + evidence.initials + evidence.firstPerson;
  if (evidence.organisation > 0 && !(context.commonGivenName && personal >= 2 && evidence.definite === 0)) return false;
  const outright = personal + (context.commonGivenName ? 1 : 0) + (context.surnameSpeaksAsI ? 1 : 0);
  const weak = evidence.speech + evidence.personalSpeech + evidence.pronoun + (context.surnameActsAlone && !context.surnameSpeaksAsI ? 1 : 0) + (context.knownGivenName ? 1 : 0);
  const against = 2 * (evidence.definite + evidence.quotedTitle) + evidence.place + evidence.modifier;
  return 2 * outright + weak - against >= PERSON_THRESHOLD;
}

/**
 * Whether a surname standing alone, with no full name anywhere, is enough to
 * make a person: only a courtesy title or a capitalised title says so
 * ("Mr. Smith", "President Biden said"), since "Hamas says" and "Israel said"
 * are as common as "Smith said".
 */
export function isPersonByItself(evidence: NameEvidence): boolean {
  if (evidence.organisation > 0 || evidence.definite > evidence.honorific) return false;
  return evidence.honorific > 0 || (evidence.titleRun > 0 && evidence.speech > 0);
}
