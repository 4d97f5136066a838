import type { Library } from './library.ts';
import type { LoadProblem, SourceDocument } from '../types.ts';

/** A count before and after a rebuild. */
export interface CountChange {
  before: number;
  after: number;
}

/** What a rebuild changed, for a moderator to check at a glance. */
export interface LibraryDiff {
  /** Files, relative to the corpus folder, in the order of the new (or, for removed, old) Library. */
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: number;
  documents: CountChange;
  passages: CountChange;
  people: CountChange;
  quotations: CountChange;
  /** The new Library's load problems: files skipped, metadata ignored, and why. */
  problems: readonly LoadProblem[];
}

/** A document changed when its text or its metadata did; bytes on disk are not compared. */
function sameDocument(a: SourceDocument, b: SourceDocument): boolean {
  return a.text === b.text && JSON.stringify(a.meta) === JSON.stringify(b.meta);
}

const count = (before: number, after: number): CountChange => ({ before, after });

/** Compares the serving Library with a freshly built one, document by document. */
export function diffLibraries(before: Library, after: Library): LibraryDiff {
  const added: string[] = [];
  const changed: string[] = [];
  let unchanged = 0;
  for (const document of after.documents) {
    const previous = before.documentsByFile.get(document.file);
    if (!previous) added.push(document.file);
    else if (sameDocument(previous, document)) unchanged += 1;
    else changed.push(document.file);
  }
  return {
    added,
    changed,
    removed: before.documents.filter((document) => !after.documentsByFile.has(document.file)).map((document) => document.file),
    unchanged,
    documents: count(before.documents.length, after.documents.length),
    passages: count(before.passages.length, after.passages.length),
    people: count(before.people.people.length, after.people.people.length),
    quotations: count(before.quotations.length, after.quotations.length),
    problems: after.problems,
  };
}
