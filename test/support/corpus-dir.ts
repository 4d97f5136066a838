import { cp, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SEED_CORPUS = fileURLToPath(new URL('../../corpus', import.meta.url));

/** A throwaway corpus folder on disk: write files into it, remove it after. */
export interface TempCorpus {
  dir: string;
  write(file: string, content: string | Uint8Array): Promise<string>;
  remove(): Promise<void>;
}

export async function makeTempCorpus(files: Record<string, string | Uint8Array> = {}): Promise<TempCorpus> {
  const dir = await mkdtemp(path.join(tmpdir(), 'verbatim-corpus-'));
  const write = async (file: string, content: string | Uint8Array): Promise<string> => {
    const target = path.join(dir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
    return target;
  };
  for (const [file, content] of Object.entries(files)) await write(file, content);
  return { dir, write, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A throwaway copy of the seed corpus, plus `extra` files: tests that change a corpus never touch corpus/. */
export async function copySeedCorpus(extra: Record<string, string | Uint8Array> = {}): Promise<TempCorpus> {
  const corpus = await makeTempCorpus(extra);
  await cp(SEED_CORPUS, corpus.dir, { recursive: true });
  return corpus;
}
