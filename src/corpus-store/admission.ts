import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { decodeDocument, DEFAULT_MAX_FILE_BYTES } from '../core/corpus/corpus.ts';
import { webPageToArticle } from './web-article.ts';

/** The largest file a moderator may add: the loader's own limit. */
export const MAX_UPLOAD_BYTES = DEFAULT_MAX_FILE_BYTES;

export type UploadKind = 'text' | 'markdown' | 'web page';

const KINDS: Readonly<Record<string, UploadKind>> = { '.txt': 'text', '.md': 'markdown', '.html': 'web page', '.htm': 'web page' };
/** A web page is stored as the Markdown article extracted from it. */
const STORED_EXTENSION: Readonly<Record<UploadKind, '.txt' | '.md'>> = { text: '.txt', markdown: '.md', 'web page': '.md' };

/** What is written to the corpus for an accepted upload. */
interface AdmittedUpload {
  kind: UploadKind;
  extension: '.txt' | '.md';
  bytes: Uint8Array;
}

type Admission = AdmittedUpload | { refusal: string };

/**
 * Whether an uploaded file may join the corpus, judged on its bytes: a
 * binary signature (file-type) under any name is refused; text must pass the
 * loader's own rules (no NUL bytes, valid UTF-8, not empty, front matter the
 * loader accepts); a web page must be HTML holding an article.
 */
export async function admitUpload(name: string, bytes: Uint8Array): Promise<Admission> {
  const kind = KINDS[path.extname(name).toLowerCase()];
  if (!kind) return { refusal: `only .txt, .md, .html and .htm files can be added, and “${path.extname(name) || name}” is none of them` };
  if (bytes.length > MAX_UPLOAD_BYTES) return { refusal: `it is ${bytes.length} bytes; the limit is ${MAX_UPLOAD_BYTES} (5 MiB)` };
  const detected = await fileTypeFromBuffer(bytes);
  // file-type knows XML by its declaration, which an XHTML page may open with.
  if (detected && !(kind === 'web page' && detected.ext === 'xml')) {
    return { refusal: `its content is ${detected.mime} (.${detected.ext}), not ${kind} as its name says` };
  }
  const extension = STORED_EXTENSION[kind];
  const stored = kind === 'web page' ? articleBytes(bytes) : { bytes };
  if ('refusal' in stored) return stored;
  const decoded = decodeDocument(`upload${extension}`, stored.bytes);
  if ('reason' in decoded) return { refusal: `it cannot be read as ${kind}: ${decoded.reason}` };
  if (decoded.metaProblem) return { refusal: `its front matter would be ignored: ${decoded.metaProblem.reason}` };
  return { kind, extension, bytes: stored.bytes };
}

function articleBytes(bytes: Uint8Array): { bytes: Uint8Array } | { refusal: string } {
  const checked = decodeDocument('page.html', bytes);
  if ('reason' in checked) return { refusal: `it cannot be read as a web page: ${checked.reason}` };
  const article = webPageToArticle(checked.document.text);
  return 'refusal' in article ? article : { bytes: new TextEncoder().encode(article.markdown) };
}
