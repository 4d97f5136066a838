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
