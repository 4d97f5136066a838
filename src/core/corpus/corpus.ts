import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import pMap from 'p-map';
import YAML from 'yaml';
import { z } from 'zod';
import type { DocumentMeta, LoadProblem, SourceDocument } from '../types.ts';

/**
 * Files read at once: each read is several awaited system calls, so one at a
 * time leaves the disk idle (7.5 s for 10,000 files); a few dozen keep it
 * busy without running out of file handles.
 */
const READ_CONCURRENCY = 32;

/** Larger files are reported and skipped: a corpus of articles has no use for them. */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

const DOCUMENT_EXTENSIONS = new Set(['.txt', '.md']);

/** Whether a file is a document the corpus reads, by its extension. */
export function isDocumentFile(file: string): boolean {
  return DOCUMENT_EXTENSIONS.has(path.extname(file).toLowerCase());
}

/** A plain-text document's metadata sits beside it: `article.txt` → `article.meta.yaml`. */
export function sidecarOf(document: string): string {
  return document.replace(/\.[^./]+$/u, '.meta.yaml');
}

const PARTIAL_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/u;

export const DocumentMetaSchema = z
  .object({
    title: z.string().trim().min(1).optional(),
    publisher: z.string().trim().min(1).optional(),
    author: z.string().trim().min(1).optional(),
    // YAML front matter parsers turn bare dates into Date objects; accept both.
    date: z
      .preprocess((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value), z.string())
      .refine((value) => PARTIAL_DATE.test(value), 'must be YYYY, YYYY-MM or YYYY-MM-DD')
      .optional(),
    url: z.url().optional(),
  })
  .strict();

export interface LoadedCorpus {
  documents: SourceDocument[];
  problems: LoadProblem[];
}

export interface LoadCorpusOptions {
  maxFileBytes?: number;
}

/**
 * Reads every .txt and .md file under `directory`, recursively, in a stable
 * order. A file that cannot be used is reported in `problems` and skipped;
 * nothing here throws for a bad file, only for a missing corpus folder.
 */
export async function loadCorpus(directory: string, options: LoadCorpusOptions = {}): Promise<LoadedCorpus> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const root = path.resolve(directory);
  const folder = await stat(root).catch(() => undefined);
  if (!folder?.isDirectory()) {
    throw new Error(`corpus: ${root} is not a folder; create it or point CORPUS_DIR at the folder of documents`);
  }
  const files = (await listFiles(root)).filter(isDocumentFile);
  const realRoot = await realpath(root);
  const documents: SourceDocument[] = [];
  const problems: LoadProblem[] = [];
  const outcomes = await pMap(
    files,
    async (absolute) => {
      const file = path.relative(root, absolute).split(path.sep).join('/');
      const outcome = (await leadsOutside(absolute, realRoot))
        ? { reason: 'a link to a file outside the corpus folder (not followed)' }
        : await readDocument(absolute, file, maxFileBytes);
      return { file, outcome };
    },
    { concurrency: READ_CONCURRENCY },
  );
  for (const { file, outcome } of outcomes) {
    if ('reason' in outcome) {
      problems.push({ file, reason: outcome.reason, skipped: true });
      continue;
    }
    documents.push(outcome.document);
    if (outcome.metaProblem) problems.push({ file: outcome.metaProblem.file, reason: outcome.metaProblem.reason, skipped: false });
  }
  return { documents, problems };
}

async function listFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const sorted = entries.filter((entry) => !entry.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const files: string[] = [];
  for (const entry of sorted) {
    const absolute = path.join(directory, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(absolute)));
    // A link is listed like a file, so that a broken one is reported rather than silently missed.
    else if (entry.isFile() || entry.isSymbolicLink()) files.push(absolute);
  }
  return files;
}

/**
 * Whether a link leads out of the corpus folder. Such a link is not followed:
 * the corpus is what the folder holds, and a stray link must not publish
 * whatever file it points at. A broken link is left to readDocument to report.
 */
async function leadsOutside(absolute: string, realRoot: string): Promise<boolean> {
  const target = await realpath(absolute).catch(() => undefined);
  if (target === undefined) return false;
  const relative = path.relative(realRoot, target);
  return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
}

type ReadOutcome =
  | { reason: string }
  | { document: SourceDocument; metaProblem?: { file: string; reason: string } };

async function readDocument(absolute: string, file: string, maxFileBytes: number): Promise<ReadOutcome> {
  let bytes: Buffer;
  try {
    const info = await stat(absolute);
    if (info.size > maxFileBytes) return { reason: `too large (${info.size} bytes; the limit is ${maxFileBytes})` };
    bytes = await readFile(absolute);
  } catch (error) {
    return { reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  const decoded = decodeDocument(file, bytes);
  if ('reason' in decoded || decoded.document.format === 'markdown') return decoded;
  const sidecar = await readSidecar(absolute);
  const sidecarFile = sidecarOf(file);
  if ('reason' in sidecar) return { document: decoded.document, metaProblem: { file: sidecarFile, reason: sidecar.reason } };
  return { document: { ...decoded.document, meta: sidecar.meta } };
}

/**
 * A document from its bytes, by the same rules the loader applies to every
 * file: the format from `file`'s extension, the metadata of a Markdown file
 * from its front matter (a plain-text file's sidecar is read by the loader).
 */
export function decodeDocument(file: string, bytes: Uint8Array): ReadOutcome {
  if (bytes.includes(0)) return { reason: 'binary (contains NUL bytes)' };
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { reason: 'not valid UTF-8 text' };
  }
  if (raw.trim() === '') return { reason: 'empty' };

  const format = path.extname(file).toLowerCase() === '.md' ? 'markdown' : 'text';
  const base = { file, text: raw, format, bytes: bytes.length } as const;
  if (format === 'text') return { document: { ...base, bodyStart: 0, meta: {} } };
  const parsed = parseFrontMatter(raw);
  if ('reason' in parsed) return { reason: parsed.reason };
  const meta = DocumentMetaSchema.safeParse(parsed.data);
  if (parsed.body.trim() === '') return { reason: 'empty (front matter only)' };
  return meta.success
    ? { document: { ...base, bodyStart: parsed.bodyStart, meta: meta.data } }
    : { document: { ...base, bodyStart: parsed.bodyStart, meta: {} }, metaProblem: { file, reason: describeMetaError(meta.error) } };
}

function parseFrontMatter(raw: string): { reason: string } | { data: unknown; body: string; bodyStart: number } {
  try {
    // gray-matter caches by content; pass an options object so each parse is fresh.
    const parsed = matter(raw, { engines: { yaml: (source: string) => YAML.parse(source) as object } });
    const bodyStart = raw.endsWith(parsed.content) ? raw.length - parsed.content.length : 0;
    return { data: parsed.data, body: parsed.content, bodyStart };
  } catch (error) {
    return { reason: `front matter is not valid YAML (${(error as Error).message.split('\n')[0]})` };
  }
}

async function readSidecar(documentPath: string): Promise<{ meta: DocumentMeta } | { reason: string }> {
  const sidecarPath = sidecarOf(documentPath);
  let source: string;
  try {
    source = await readFile(sidecarPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { meta: {} };
    return { reason: `metadata unreadable (${(error as NodeJS.ErrnoException).code ?? String(error)}); document loaded without it` };
  }
  let data: unknown;
  try {
    data = YAML.parse(source) ?? {};
  } catch (error) {
    return { reason: `metadata is not valid YAML (${(error as Error).message.split('\n')[0]}); document loaded without it` };
  }
  const meta = DocumentMetaSchema.safeParse(data);
  return meta.success ? { meta: meta.data } : { reason: describeMetaError(meta.error) };
}

function describeMetaError(error: z.ZodError): string {
  const details = error.issues.map((issue) => `${issue.path.join('.') || 'metadata'}: ${issue.message}`).join('; ');
  return `metadata ignored (${details}); allowed fields are title, publisher, author, date (YYYY[-MM[-DD]]) and url`;
}

export { classifyFurniture, splitPassages } from './passages.ts';
