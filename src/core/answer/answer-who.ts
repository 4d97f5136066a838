import type { CommandAnswer, Highlight, Result } from './answer-schema.ts';
import type { Library } from '../library/library.ts';
import { typoAllowance, wordKey } from '../people/people.ts';
import { resultFor, resultForHit, searchPassages } from './results.ts';
import type { Span } from '../text/text.ts';
import { describingSentences, rankDescriptions, type WhoCandidate } from './who-descriptions.ts';
import { namingPassages, passagesNaming } from './who-passages.ts';
import { inPassages } from '../passage-order.ts';
import type { Passage, Person, PersonDescription, PersonMention } from '../types.ts';

/** The person a /who question is about, the others it may mean, and the descriptions that matched a role. */
interface Asked {
  person: Person;
  others: Person[];
  roleDescriptions: PersonDescription[];
  /** Found by a name (as typed or with a slip), not by a role. */
  byName: boolean;
}

/** How many close names to offer when no one matches. */
const SUGGESTIONS = 5;

/** Whether the passages naming the query as typed all leave `person` unmentioned. */
function namesSomeoneElse(library: Library, query: string, person: Person): boolean {
  const naming = namingPassages(library, query, Number.POSITIVE_INFINITY);
  const mentions = library.people.mentionsOf(person.id);
  return naming.length > 0 && naming.every(({ passage }) => inPassages(mentions, passage.id).length === 0);
}

/**
 * The person a question names: by any of their names (the most-mentioned
 * when a surname is shared), else by a role the corpus gives them, else by a
 * unique prefix or a slip of a letter or two in a long name ("Smotr",
 * "Netanyahoo") — but not when the corpus writes the name as typed about
 * someone else: then it is a person the index missed ("Greez" is not a slip
 * for "Green").
 */
function resolveAsked(library: Library, query: string): Asked | undefined {
  const { people } = library;
  const [named, ...others] = people.lookup(query);
  if (named) return { person: named, others, roleDescriptions: [], byName: true };
  const described = people.describedAs(query);
  const holders = [...new Set(described.map((description) => description.personId))].map((id) => people.people[id] as Person);
  const [holder, ...otherHolders] = holders;
  if (holder) return { person: holder, others: otherHolders, roleDescriptions: described.filter((description) => description.personId === holder.id), byName: false };
  const [best, next] = people.suggest(query, 2);
  const slip = best !== undefined && best.distance <= typoAllowance(wordKey(query)) && (!next || next.distance > best.distance);
  if (best && slip && !namesSomeoneElse(library, query, best.person)) return { person: best.person, others: [], roleDescriptions: [], byName: true };
  return undefined;
}

function highlightMentions(span: Span, mentions: readonly PersonMention[]): Highlight[] {
  return mentions
    .filter((mention) => mention.start >= span.start && mention.end <= span.end)
    .map((mention) => ({ start: mention.start - span.start, end: mention.end - span.start }));
}

/**
 * A result for a span of a passage, the person's mentions in it (`mentions`:
 * those of that passage) highlighted, else where it names them as asked (`named`).
 */
function whoResult(library: Library, passage: Passage, span: Span, score: number, mentions: readonly PersonMention[], named: readonly Highlight[] = []): Result {
  const result = resultFor(library, passage, span, score, []);
  const mentioned = highlightMentions(span, mentions);
  const highlights = mentioned.length > 0 ? mentioned : [...named];
  return highlights.length > 0 ? { ...result, highlights } : result;
}

/** Each document's first candidate, in the order given: one per document before any document's second. */
function firstOfEachDocument<T extends { passage: Passage }>(candidates: readonly T[]): T[] {
  const files = new Set<string>();
  return candidates.filter(({ passage }) => !files.has(passage.file) && Boolean(files.add(passage.file)));
}

/** The passages where someone is mentioned, most mentions first. */
function actingPassages(library: Library, mentions: readonly PersonMention[]): WhoCandidate[] {
  const mentionsByPassage = new Map<number, number>();
  for (const mention of mentions) mentionsByPassage.set(mention.passageId, (mentionsByPassage.get(mention.passageId) ?? 0) + 1);
  return [...mentionsByPassage]
    .sort(([a, countA], [b, countB]) => countB - countA || a - b)
    .flatMap(([passageId, count]): WhoCandidate[] => {
      const passage = library.passages[passageId];
      return passage ? [{ passage, span: passage, score: count / (count + 1) }] : [];
    });
}

/**
 * The candidates for a person in the order they are shown: each document's
 * best description (an appositive or a title beside the name), then each
 * other document's best passage naming them as asked (the people index may
 * have missed a mention there), so that every article about them gets a
 * chance on the first page rather than one article's many descriptions; then
 * the remaining descriptions, the passages where they act or speak, and the
 * remaining passages naming them.
 */
function* candidatesFor(library: Library, asked: Asked, query: string): Generator<WhoCandidate> {
  const { people } = library;
  const described = rankDescriptions(library, people.descriptionsOf(asked.person.id), new Set(asked.roleDescriptions));
  const describedFirsts = firstOfEachDocument(described);
  for (const first of describedFirsts) yield describingSentences(first);
  // Read only when the descriptions did not fill the page: finding a famous name's every passage costs tens of milliseconds.
  // A role asked for ("finance minister") names whoever holds it in each article, not the person found.
  const naming = asked.byName ? namingPassages(library, query, Number.POSITIVE_INFINITY).map(({ passage, score, highlights }): WhoCandidate => ({ passage, span: passage, score, highlights })) : [];
  const describedFiles = new Set(describedFirsts.map(({ passage }) => passage.file));
  yield* firstOfEachDocument(naming).filter(({ passage }) => !describedFiles.has(passage.file));
  for (const entry of described) yield describingSentences(entry);
  yield* actingPassages(library, people.mentionsOf(asked.person.id));
  yield* naming;
}

/** The person's results, each passage at most once: a description's sentences, or the whole passage. */
function resultsFor(library: Library, asked: Asked, query: string, limit: number): Result[] {
  const mentions = library.people.mentionsOf(asked.person.id);
  const results: Result[] = [];
  const shownSpans = new Set<string>();
  const shownWhole = new Set<number>();
  const shown = new Set<number>();
  for (const { passage, span, score, highlights } of candidatesFor(library, asked, query)) {
    if (results.length >= limit) break;
    const whole = span.start === passage.start && span.end === passage.end;
    const key = `${passage.file}:${span.start}`;
    if (shownSpans.has(key) || shownWhole.has(passage.id) || (whole && shown.has(passage.id))) continue;
    shownSpans.add(key);
    shown.add(passage.id);
    if (whole) shownWhole.add(passage.id);
    // Mentions are in corpus order, so a passage's are found by binary search.
    results.push(whoResult(library, passage, span, score, inPassages(mentions, passage.id), highlights));
  }
  return results;
}

function passagesMatching(library: Library, query: string, limit: number): Result[] {
  const naming = passagesNaming(library, query, limit);
  if (naming.length > 0) return naming;
  return searchPassages(library, query, limit).map((hit) => resultForHit(library, hit));
}

/**
 * /who: who a person is, then where they appear. The question may name them
 * any way the corpus does, or give a role ("finance minister"). A name the
 * people index does not know answers with the passages that name it, else
 * (its words not adjacent anywhere: "Lewis Ward IDC") with the plain search's
 * passages, so that /who is never emptier than BM25; either way, the closest
 * names the index knows are offered.
 */
export function answerWho(library: Library, query: string, limit: number): CommandAnswer {
  const asked = resolveAsked(library, query);
  if (!asked) return { results: passagesMatching(library, query, limit), suggestions: library.people.suggest(query, SUGGESTIONS).map((match) => match.person.name) };
  const { person } = asked;
  return {
    results: resultsFor(library, asked, query, limit),
    person: { name: person.name, aliases: person.aliases, roles: person.roles },
    ...(asked.others.length > 0 ? { suggestions: asked.others.map((other) => other.name) } : {}),
  };
}
