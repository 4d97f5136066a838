import { describe, expect, it } from 'vitest';
import { diffLibraries } from '../src/core/library/library-diff.ts';
import { buildLibrary } from '../src/core/library/library.ts';
import type { SourceDocument } from '../src/core/types.ts';

const documentOf = (file: string, text: string, meta: SourceDocument['meta'] = {}): SourceDocument => ({
  file,
  text,
  bodyStart: 0,
  format: 'text',
  meta,
  bytes: Buffer.byteLength(text),
});

describe('diffLibraries', () => {
  it('tells added, changed, removed and unchanged documents apart, and counts what the Library holds', () => {
    const before = buildLibrary([
      documentOf('kept.txt', 'The envoy Jane Roe arrived in Oslo.\n'),
      documentOf('edited.txt', 'Talks began on Monday.\n'),
      documentOf('retagged.txt', 'Talks ended on Friday.\n', { publisher: 'Wire' }),
      documentOf('gone.txt', '“We will not stop here,” the envoy Jane Roe said.\n'),
    ]);
    const after = buildLibrary(
      [
        documentOf('kept.txt', 'The envoy Jane Roe arrived in Oslo.\n'),
        documentOf('edited.txt', 'Talks began on Tuesday.\nThe envoy John Doe said “we are close” to a deal.\n'),
        documentOf('retagged.txt', 'Talks ended on Friday.\n', { publisher: 'Daily' }),
        documentOf('new/fresh.txt', 'A fresh report from Doha.\n'),
      ],
      [{ file: 'broken.txt', reason: 'binary (contains NUL bytes)', skipped: true }],
    );
    expect(diffLibraries(before, after)).toEqual({
      added: ['new/fresh.txt'],
      changed: ['edited.txt', 'retagged.txt'],
      removed: ['gone.txt'],
      unchanged: 1,
      documents: { before: 4, after: 4 },
      passages: { before: 4, after: 5 },
      people: { before: before.people.people.length, after: after.people.people.length },
      quotations: { before: 1, after: 1 },
      problems: [{ file: 'broken.txt', reason: 'binary (contains NUL bytes)', skipped: true }],
    });
    expect(after.people.people.length).toBeGreaterThan(before.people.people.length);
  });

  it('finds nothing changed between two builds of the same documents', () => {
    const documents = [documentOf('a.txt', 'One sentence.\n'), documentOf('b.txt', 'Another sentence.\n')];
    const diff = diffLibraries(buildLibrary(documents), buildLibrary(documents.map((document) => ({ ...document }))));
    expect(diff).toMatchObject({ added: [], changed: [], removed: [], unchanged: 2 });
  });
});
