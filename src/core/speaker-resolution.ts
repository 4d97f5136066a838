import type { ParagraphContext } from './paragraph-context.ts';
import { describingTerms, reportedSpeakers, type SpeakerRef } from './quote-attribution.ts';
import type { PeopleIndex, PersonMention } from './types.ts';

/** How many paragraphs back a pronoun may look for the person it stands for: its own and the one before. */
const PRONOUN_REACH = 1;

interface PlacedMention {
  mention: PersonMention;
  /** Index of its paragraph among the document's body paragraphs. */
  paragraph: number;
}

/** Turns what an attribution points at into a person of the people index, or nobody when that would be a guess. */
export interface SpeakerResolver {
  resolve(ref: SpeakerRef, paragraph: number, previousSpeaker: number | undefined): number | undefined;
}

/**
 * Resolves speakers within one document, from its body paragraphs and the
 * people index's mentions of that document (mentions inside quotations are
 * left out: a person quoted as saying "Witkoff" is not Witkoff speaking).
 */
export function createSpeakerResolver(contexts: readonly ParagraphContext[], people: PeopleIndex, file: string): SpeakerResolver {
  const placed = placeMentions(contexts, people.mentionsIn(file));
  let roles: Array<PlacedMention & { terms: Set<string> }> | undefined;

  const mentionsWithin = (paragraph: number, start: number, end: number): PlacedMention[] => {
    const offset = contexts[paragraph]?.offset ?? 0;
    return placed.filter((entry) => entry.paragraph === paragraph && entry.mention.start < offset + end && entry.mention.end > offset + start);
  };

  const resolveName = (ref: SpeakerRef, paragraph: number): number | undefined => {
    // The person is the one the name's last words name: "Israeli National Security Minister Itamar Ben-Gvir" is no Israeli.
    const offset = contexts[paragraph]?.offset ?? 0;
    const named = mentionsWithin(paragraph, ref.start, ref.end).find((entry) => entry.mention.end >= offset + ref.end);
    if (named) return named.mention.personId;
    const words = (contexts[paragraph]?.text ?? '').slice(ref.start, ref.end).split(/\s+/u);
    // "Prime Minister Henrik Dahl": drop leading titles until the index knows the name.
    for (let first = 0; first < words.length; first += 1) {
      const person = people.find(words.slice(first).join(' '));
      if (person) return person.id;
    }
    return undefined;
  };

  const resolvePronoun = (ref: SpeakerRef, paragraph: number, previousSpeaker: number | undefined): number | undefined => {
    for (let index = paragraph; index >= Math.max(0, paragraph - PRONOUN_REACH); index -= 1) {
      const context = contexts[index];
      if (!context) break;
      const sentences = context.sentences.filter((sentence) => index < paragraph || sentence.start < ref.start).reverse();
      for (const sentence of sentences) {
        const end = index < paragraph ? sentence.end : Math.min(sentence.end, ref.start);
        const candidates = new Set(mentionsWithin(index, sentence.start, end).map((entry) => entry.mention.personId));
        if (candidates.size === 0) continue;
        if (candidates.size === 1) return [...candidates][0];
        // Several people: "he" is the one the sentence reports as speaking, or else the last speaker.
        const speaking = new Set(reportedSpeakers(context, sentence.start, end).map((speaker) => resolveName(speaker, index)).filter((id) => id !== undefined && candidates.has(id)));
        if (speaking.size === 1) return [...speaking][0];
        return previousSpeaker !== undefined && candidates.has(previousSpeaker) ? previousSpeaker : undefined;
      }
    }
    return undefined;
  };

  const resolveRole = (ref: Extract<SpeakerRef, { kind: 'role' }>, paragraph: number): number | undefined => {
    roles ??= placed.map((entry) => ({ ...entry, terms: describeMention(contexts, entry) }));
    const holders = roles.filter((entry) => entry.terms.has(ref.head));
    const exact = holders.filter((entry) => ref.modifiers.every((modifier) => entry.terms.has(modifier)));
    const candidates = exact.length > 0 ? exact : holders;
    const at = (contexts[paragraph]?.offset ?? 0) + ref.start;
    const preceding = candidates.filter((entry) => entry.mention.start < at).at(-1);
    if (preceding) return preceding.mention.personId;
    const following = new Set(candidates.map((entry) => entry.mention.personId));
    return following.size === 1 ? [...following][0] : undefined;
  };

  return {
    resolve(ref, paragraph, previousSpeaker) {
      if (ref.kind === 'name') return resolveName(ref, paragraph);
      if (ref.kind === 'pronoun') return resolvePronoun(ref, paragraph, previousSpeaker);
      if (ref.kind === 'role') return resolveRole(ref, paragraph);
      return undefined;
    },
  };
}

/** The document's mentions outside quotations, each with the index of its body paragraph. */
function placeMentions(contexts: readonly ParagraphContext[], mentions: readonly PersonMention[]): PlacedMention[] {
  const placed: PlacedMention[] = [];
  for (const mention of mentions) {
    const paragraph = contexts.findIndex((context) => mention.start >= context.offset && mention.end <= context.offset + context.text.length);
    const context = contexts[paragraph];
    if (!context) continue;
    const start = mention.start - context.offset;
    if (context.spans.some((span) => start >= span.start && start < span.end)) continue;
    placed.push({ mention, paragraph });
  }
  return placed.sort((a, b) => a.mention.start - b.mention.start);
}

function describeMention(contexts: readonly ParagraphContext[], entry: PlacedMention): Set<string> {
  const context = contexts[entry.paragraph];
  if (!context) return new Set();
  const start = entry.mention.start - context.offset;
  const end = entry.mention.end - context.offset;
  const first = context.words.findIndex((word) => word.end > start);
  let last = first;
  while ((context.words[last + 1]?.start ?? Infinity) < end) last += 1;
  return first === -1 ? new Set() : describingTerms(context, first, last);
}
