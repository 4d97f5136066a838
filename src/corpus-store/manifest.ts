import path from 'node:path';
import { z } from 'zod';
import { replaceFile, type CorpusFileSystem } from './file-system.ts';

/** Beside the documents, hidden so that the loader and the watcher pass it by. */
const MANIFEST_FILE = '.verbatim-manifest.json';

const ActorSchema = z.object({
  /** Where the change was made: a Discord command or the host's console. */
  via: z.enum(['discord', 'console']),
  /** The Discord user id; absent at the console. */
  id: z.string().optional(),
  name: z.string(),
});
export type Actor = z.infer<typeof ActorSchema>;

/** Who made a change, when, and the SHA-256 of the file's bytes. */
const ChangeSchema = z.object({ by: ActorSchema, at: z.iso.datetime(), sha256: z.string() });

const AddedSchema = ChangeSchema.extend({
  /** The name the file was uploaded under, before it was made safe. */
  uploadedAs: z.string(),
});
export type AddedRecord = z.infer<typeof AddedSchema>;

const RemovedSchema = ChangeSchema.extend({
  /** Where the file was in the corpus, relative to it. */
  file: z.string(),
  /** Who added it, when it came in through the store. */
  added: AddedSchema.optional(),
});
export type RemovedRecord = z.infer<typeof RemovedSchema>;

const ManifestSchema = z.object({
  version: z.literal(1),
  /** Files added through the store, by their path in the corpus. */
  files: z.record(z.string(), AddedSchema),
  /** Files moved to .removed/, by their path under it. */
  removed: z.record(z.string(), RemovedSchema),
});
export type Manifest = z.infer<typeof ManifestSchema>;

const emptyManifest = (): Manifest => ({ version: 1, files: {}, removed: {} });

/** The manifest of `directory`; none yet is an empty one, a damaged one is an error naming the file. */
export async function readManifest(fs: CorpusFileSystem, directory: string): Promise<Manifest> {
  const file = path.join(directory, MANIFEST_FILE);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyManifest();
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const parsed = ManifestSchema.safeParse(data);
  if (!parsed.success) throw new Error(`${file} is damaged (${parsed.error.issues[0]?.message ?? 'unexpected shape'}); restore it from a backup or move it away to start a new one`);
  return parsed.data;
}

export function writeManifest(fs: CorpusFileSystem, directory: string, manifest: Manifest): Promise<void> {
  return replaceFile(fs, path.join(directory, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}
