/** Shared data types of the core. Answers and their schema live in answer-schema.ts. */

/** What a document says about itself; every field only where the document supports it. */
export interface DocumentMeta {
  title?: string | undefined;
  publisher?: string | undefined;
  author?: string | undefined;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date?: string | undefined;
  url?: string | undefined;
}

/** One file of the corpus as read from disk. */
export interface SourceDocument {
  /** Path relative to the corpus folder, with forward slashes. */
  file: string;
  /** The whole decoded file (a leading BOM removed); passages are offsets into it. */
  text: string;
  /** Where the body starts: after the front matter of a Markdown file, else 0. */
  bodyStart: number;
  format: 'text' | 'markdown';
  meta: DocumentMeta;
  bytes: number;
}

/** A file the loader could not use whole, and why. */
export interface LoadProblem {
  file: string;
  reason: string;
  /** True when the whole file was left out; false when only its metadata was. */
  skipped: boolean;
}

/** Why a block of text is page furniture rather than the article's body. */
export type FurnitureKind = 'navigation' | 'heading' | 'copyright' | 'link-headline' | 'assistant-reply' | 'fragment';

/** A piece of a paragraph: the unit that is indexed and cited. */
export interface Passage {
  /** Position in Library.passages, also the index's document id. */
  id: number;
  file: string;
  /** 1-based, counting the file's non-empty blocks (furniture included). */
  paragraph: number;
  /** Offsets into SourceDocument.text; text === document.text.slice(start, end). */
  start: number;
  end: number;
  text: string;
  /** Set when the block is page furniture: kept in the Library, shown by no answer. */
  furniture?: FurnitureKind;
}

/** A person the corpus names, under the fullest name it gives them. */
export interface Person {
  id: number;
  /** The fullest form the corpus writes whole, e.g. "Steve Witkoff"; a surname shared in "Oded and Yocheved Lifshitz" groups Oded with other forms of his name but is never shown joined to it. */
  name: string;
  /** The other forms the corpus uses for them, verbatim ("Witkoff", "Mr. Witkoff"). */
  aliases: string[];
  mentionCount: number;
  /** Roles the corpus gives them, verbatim, most frequent first ("finance minister", "Prime Minister"). */
  roles: string[];
}

/** One place in a file where a person is named. */
export interface PersonMention {
  personId: number;
  file: string;
  passageId: number;
  /** Offsets into the file's text of the name as written, a courtesy title included ("Mr. Witkoff"), a possessive "’s" not. */
  start: number;
  end: number;
}

/** A span of a passage that says who a person is: an appositive or a title beside their name. */
export interface PersonDescription {
  personId: number;
  file: string;
  passageId: number;
  /** The describing words, offsets into the file: "the finance minister", "White House press secretary". */
  start: number;
  end: number;
  /** The mention it describes, offsets into the file. */
  mentionStart: number;
  mentionEnd: number;
  /** An appositive ("X, 86, a peace activist") or a title before the name ("President X"). */
  kind: 'appositive' | 'title';
}

/** A name close to one asked for. */
export interface NameMatch {
  person: Person;
  /** 0 when the asked words begin words of the person's names, else how many letters differ. */
  distance: number;
}

/** The people of the corpus: who is who, under which names, and where. */
export interface PeopleIndex {
  /** Most-mentioned first; a person's id is their position here. */
  readonly people: readonly Person[];
  /** The person a typed or written name refers to, when that is unambiguous. */
  find(name: string): Person | undefined;
  /** Everyone a name may refer to, most-mentioned first: several when they share a surname ("Lifshitz"). */
  lookup(name: string): Person[];
  /** Names for autocomplete: matches of a partial name, most-mentioned first. */
  complete(partial: string, limit: number): Person[];
  /** Names close to one that is not in the corpus (a slip, a prefix), closest then most-mentioned first. */
  suggest(name: string, limit: number): NameMatch[];
  /** A file's mentions in text order, for resolving "Mr. X", "he" or a role to a person. */
  mentionsIn(file: string): readonly PersonMention[];
  /** A person's mentions across the corpus, in corpus order. */
  mentionsOf(personId: number): readonly PersonMention[];
  /** The spans that say who a person is, in corpus order. */
  descriptionsOf(personId: number): readonly PersonDescription[];
  /** Descriptions that give a role ("finance minister", "press secretary": words ending in a role noun), best match first; only `file`'s when given. */
  describedAs(role: string, file?: string): PersonDescription[];
  /** Who holds a role: in `file` when that file gives it to someone, else across the corpus. */
  roleHolder(role: string, file?: string): Person | undefined;
}

/** A direct quotation: the span with its marks, and its speaker when one is found honestly. */
export interface Quotation {
  file: string;
  passageId: number;
  paragraph: number;
  /** Offsets into the file's text, quotation marks included. */
  start: number;
  end: number;
  /** Person.id of the speaker, absent when none can be named without guessing. */
  speakerId?: number;
}

/** The date a document was written, which its relative time expressions are read against. */
export interface DocumentDate {
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  /** Where it was found: the document's metadata, or a dateline near the top of its text. */
  source: 'metadata' | 'dateline';
}

/** A time expression in a body passage, resolved against its document's date when that is sound. */
export interface TimeExpression {
  file: string;
  passageId: number;
  /** Offsets into the file's text: the expression verbatim. */
  start: number;
  end: number;
  /** YYYY, YYYY-MM or YYYY-MM-DD, no finer than the expression and the document's date support. */
  date?: string;
}
