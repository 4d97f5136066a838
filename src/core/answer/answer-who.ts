import type { CommandAnswer, Highlight, Result } from './answer-schema.ts';
import type { Library } from '../library/library.ts';
import { typoAllowance, wordKey } from '../people/people.ts';
import { resultFor, resultForHit, searchPassages } from './results.ts';
import { splitSentences, type Span } from '../text/text.ts';
import { passagesNaming } from './who-passages.ts';
import { inPassages } from '../passage-order.ts';
import type { Passage, PeopleIndex, Person, PersonDescription, PersonMention } from '../types.ts';

/** The person a /who question is about, the others it may mean, and the descriptions that matched a role. */
interface Asked {
  person: Person;
  others: Person[];
  roleDescriptions: PersonDescription[];
}

/** How many close names to offer when no one matches. */
const SUGGESTIONS = 5;

/**
 * The person a question names: by any of their names (the most-mentioned
 * when a surname is shared), else by a role the corpus gives them, else by a
 * unique prefix or a slip of a letter or two in a long name ("Smotr", "Netanyahoo").
 */
function resolveAsked(people: PeopleIndex, query: string): Asked | undefined {
  const [named, ...others] = people.lookup(query);
  if (named) return { person: named, others, roleDescriptions: [] };
  const described = people.describedAs(query);
  const holders = [...new Set(described.map((description) => description.personId))].map((id) => people.people[id] as Person);
  const [holder, ...otherHolders] = holders;
  if (holder) return { person: holder, others: otherHolders, roleDescriptions: described.filter((description) => description.personId === holder.id) };
  const [best, next] = people.suggest(query, 2);
  if (best && best.distance <= typoAllowance(wordKey(query)) && (!next || next.distance > best.distance)) return { person: best.person, others: [], roleDescriptions: [] };
  return undefined;
}

/** The whole sentences of a passage that cover a span: a description with its name, as a citable excerpt. */
function sentenceSpan(passage: Passage, covered: Span): Span {
  const local = { start: covered.start - passage.start, end: covered.end - passage.start };
  const sentences = splitSentences(passage.text).filter((sentence) => sentence.end > local.start && sentence.start < local.end);
  const first = sentences[0];
  const last = sentences.at(-1);
  if (!first || !last) return { start: passage.start, end: passage.end };
  return { start: passage.start + first.start, end: passage.start + last.end };
}

/** Past this many words a description says no more. */
const MAX_WEIGHED_WORDS = 12;

/** Words of text[start, end), at most `max`, counted without slicing: a person may have thousands of descriptions. */
function countWords(text: string, start: number, end: number, max: number): number {
  let words = 0;
  let inWord = false;
  for (let offset = start; offset < end && words < max; offset += 1) {
    const space = /\s/u.test(text[offset] ?? ' ');
    if (!space && !inWord) words += 1;
    inWord = !space;
  }
  return words;
}

/** A description's weight: appositives say more than titles, a full name and more words say more. */
function descriptionWeight(library: Library, description: PersonDescription, matchesRole: boolean): number {
  const text = library.documentsByFile.get(description.file)?.text ?? '';
  const named = text.slice(description.mentionStart, description.mentionEnd).replace(/^\p{L}+\.\s+/u, '');
  const words = countWords(text, description.start, description.end, MAX_WEIGHED_WORDS);
  return (matchesRole ? 5 : 0) + (description.kind === 'appositive' ? 3 : 2) + (/\s/u.test(named) ? 0.5 : 0) + words / MAX_WEIGHED_WORDS;
}

/**
 * Best first, a document's second description only after every document's
 * better first ones: each item loses a point per better item of its file.
 */
function rankAcrossDocuments<T extends { file: string; weight: number }>(items: readonly T[]): T[] {
  const seen = new Map<string, number>();
  return [...items]
    .sort((a, b) => b.weight - a.weight)
    .map((item) => {
      const before = seen.get(item.file) ?? 0;
      seen.set(item.file, before + 1);
      return { item, rank: item.weight - before };
    })
    .sort((a, b) => b.rank - a.rank)
    .map(({ item }) => item);
}

function highlightMentions(span: Span, mentions: readonly PersonMention[]): Highlight[] {
  return mentions
    .filter((mention) => mention.start >= span.start && mention.end <= span.end)
    .map((mention) => ({ start: mention.start - span.start, end: mention.end - span.start }));
}

/** A result for a span of a passage, the person's mentions in it (`mentions`: those of that passage) highlighted. */
function whoResult(library: Library, passage: Passage, span: Span, score: number, mentions: readonly PersonMention[]): Result {
  const result = resultFor(library, passage, span, score, []);
  const highlights = highlightMentions(span, mentions);
  return highlights.length > 0 ? { ...result, highlights } : result;
}

/**
 * The results for a person: first the sentences that describe them (an
 * appositive or a title beside their name), best first across documents;
 * then the passages where they act or speak, most mentions first.
 */
function resultsFor(library: Library, asked: Asked, limit: number): Result[] {
  const { people } = library;
  const mentions = people.mentionsOf(asked.person.id);
  // Mentions are in corpus order, so a passage's are found by binary search.
  const mentionsIn = (passage: Passage): PersonMention[] => inPassages(mentions, passage.id);
  const matching = new Set(asked.roleDescriptions);
  const described = rankAcrossDocuments(
    people.descriptionsOf(asked.person.id).map((description) => ({ description, file: description.file, weight: descriptionWeight(library, description, matching.has(description)) })),
  );
  const results: Result[] = [];
  const shownSpans = new Set<string>();
  const shownPassages = new Set<number>();
  for (const { description, weight } of described) {
    const passage = library.passages[description.passageId];
    if (!passage || results.length >= limit) continue;
    const span = sentenceSpan(passage, { start: Math.min(description.start, description.mentionStart), end: Math.max(description.end, description.mentionEnd) });
    const key = `${passage.file}:${span.start}`;
    if (shownSpans.has(key)) continue;
    shownSpans.add(key);
    shownPassages.add(passage.id);
    results.push(whoResult(library, passage, span, weight, mentionsIn(passage)));
  }
  if (results.length >= limit) return results;
  const mentionsByPassage = new Map<number, number>();
  for (const mention of mentions) mentionsByPassage.set(mention.passageId, (mentionsByPassage.get(mention.passageId) ?? 0) + 1);
  const acting = [...mentionsByPassage]
    .filter(([passageId]) => !shownPassages.has(passageId))
    .map(([passageId, count]) => ({ passageId, count }))
    .sort((a, b) => b.count - a.count || a.passageId - b.passageId);
  for (const { passageId, count } of acting) {
    const passage = library.passages[passageId];
    if (!passage || results.length >= limit) break;
    results.push(whoResult(library, passage, passage, count / (count + 1), mentionsIn(passage)));
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
  const asked = resolveAsked(library.people, query);
  if (!asked) return { results: passagesMatching(library, query, limit), suggestions: library.people.suggest(query, SUGGESTIONS).map((match) => match.person.name) };
  const { person } = asked;
  return {
    results: resultsFor(library, asked, limit),
    person: { name: person.name, aliases: person.aliases, roles: person.roles },
    ...(asked.others.length > 0 ? { suggestions: asked.others.map((other) => other.name) } : {}),
  };
}
