import { randomUUID } from 'node:crypto';
import * as fsPromises from 'node:fs/promises';
import path from 'node:path';
import { candidateName } from './file-names.ts';

/** The file operations the store uses: node:fs/promises, or a wrapper that fails on purpose in tests. */
export type CorpusFileSystem = Pick<typeof fsPromises, 'link' | 'mkdir' | 'readFile' | 'readdir' | 'rename' | 'rm' | 'rmdir' | 'stat' | 'writeFile'>;

export const nodeFileSystem: CorpusFileSystem = fsPromises;

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code;

/** A hidden temporary name in `folder`: the corpus loader and the watcher skip hidden files. */
const temporaryPath = (folder: string): string => path.join(folder, `.${randomUUID()}.tmp`);

/**
 * Gives `source` the first free name among `stem.ext`, `stem-2.ext` … in
 * `folder`, never replacing a file. A hard link fails when the name exists,
 * where a rename would silently replace a file another process (the CLI
 * beside the bot) has just put there; the source name is then removed.
 * Names are compared without case, as case-insensitive file systems do.
 */
export async function placeWithoutOverwriting(fs: CorpusFileSystem, source: string, folder: string, stem: string, extension: string): Promise<string> {
  await fs.mkdir(folder, { recursive: true });
  const taken = new Set((await fs.readdir(folder)).map((name) => name.toLowerCase()));
  for (let attempt = 1; ; attempt += 1) {
    const name = candidateName(stem, extension, attempt);
    if (taken.has(name.toLowerCase())) continue;
    try {
      await fs.link(source, path.join(folder, name));
    } catch (error) {
      if (errorCode(error) === 'EEXIST') continue;
      throw error;
    }
    await fs.rm(source);
    return name;
  }
}

/** Writes `bytes` to a new file in `folder` (temporary file, then linked to its name): all of it or nothing. */
export async function writeNewFile(fs: CorpusFileSystem, folder: string, stem: string, extension: string, bytes: Uint8Array): Promise<string> {
  await fs.mkdir(folder, { recursive: true });
  const temporary = temporaryPath(folder);
  try {
    await fs.writeFile(temporary, bytes, { flag: 'wx' });
    return await placeWithoutOverwriting(fs, temporary, folder, stem, extension);
  } finally {
    await fs.rm(temporary, { force: true });
  }
}

/** Replaces `target` with `text` at once: a temporary file in the same folder, then a rename. */
export async function replaceFile(fs: CorpusFileSystem, target: string, text: string): Promise<void> {
  const temporary = temporaryPath(path.dirname(target));
  try {
    await fs.writeFile(temporary, text, { flag: 'wx' });
    await fs.rename(temporary, target);
  } finally {
    await fs.rm(temporary, { force: true });
  }
}

/** Whether a path exists (a missing parent counts as missing). */
export async function exists(fs: CorpusFileSystem, target: string): Promise<boolean> {
  try {
    await fs.stat(target);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return false;
    throw error;
  }
}
