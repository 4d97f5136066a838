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
  /** Its possessive names a relative or a body: "X's grandparents", "X's body". */
  relation: number;
  /** "the" right before it: "the White House", "The New York Times". */
  definite: number;
  /** A place preposition right before it: "in Tel Aviv", "near Khan Younis". */
  place: number;
  /** A lower-case role noun right after it: it qualifies someone ("Middle East envoy", "White House press secretary"). */
  modifier: number;
  /** Its shape is an organisation's or place's: a head noun ("Ministry", "Strip"), an acronym, a country. */
  organisation: number;
}

export const noEvidence = (): NameEvidence => ({
  honorific: 0,
  titleRun: 0,
  role: 0,
  appositive: 0,
  speech: 0,
  relation: 0,
  definite: 0,
  place: 0,
  modifier: 0,
  organisation: 0,
});

export function addEvidence(total: NameEvidence, more: NameEvidence): void {
  for (const key of Object.keys(total) as (keyof NameEvidence)[]) total[key] += more[key];
}

/** What else the corpus says about a full name's parts. */
export interface NameContext {
  /** Its surname also stands alone somewhere with a person's cue ("Witkoff said", "Mr. Witkoff"). */
  surnameActsAlone: boolean;
  /** Its first word is the given name of someone already known to be a person. */
  knownGivenName: boolean;
}

/**
 * The weight of evidence that a full name ("Steve Witkoff", "Tel Aviv",
 * "Gaza Humanitarian Foundation") is a person's: positive means a person.
 * An organisation's or place's shape vetoes; person cues count double when
 * they say so outright (a title, a role, an appositive, an honorific).
 */
export function personScore(evidence: NameEvidence, context: NameContext): number {
  if (evidence.organisation > 0) return -1;
  const outright = evidence.honorific + evidence.titleRun + evidence.role + evidence.appositive + evidence.relation;
  const against = 2 * evidence.definite + evidence.place + evidence.modifier;
  return 2 * outright + evidence.speech + (context.surnameActsAlone ? 1 : 0) + (context.knownGivenName ? 1 : 0) - against;
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
