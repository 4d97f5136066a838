import { CorpusRefusal } from '../corpus-store/corpus-store.ts';

export interface DownloadLimits {
  /** Origins the bytes may come from (Discord's CDN); anything else is refused. */
  allowedOrigins: readonly string[];
  maxBytes: number;
  timeoutMs: number;
}

/** What the interaction says about the file: its CDN URL and its size. */
interface AttachmentRef {
  name: string;
  url: string;
  size: number;
}

export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 30_000;

const tooLarge = (name: string, size: number, max: number): CorpusRefusal =>
  new CorpusRefusal(`${name} was not added: it is ${size} bytes; the limit is ${max} (5 MiB).`);

/**
 * Downloads an attachment from Discord's CDN: only from an allowed origin,
 * with no redirect (which could lead anywhere), refused early when Discord or
 * the server announces too many bytes and cut off as soon as more arrive, all
 * within a timeout. Any failure is a refusal that says what to do.
 */
export async function downloadAttachment(attachment: AttachmentRef, limits: DownloadLimits): Promise<Uint8Array> {
  const { name, url, size } = attachment;
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    throw new CorpusRefusal(`${name} was not added: its URL is not one Discord gives.`);
  }
  if (!limits.allowedOrigins.includes(origin)) throw new CorpusRefusal(`${name} was not added: attachments are downloaded only from Discord's CDN, not from ${origin}.`);
  if (size > limits.maxBytes) throw tooLarge(name, size, limits.maxBytes);
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    const response = await fetch(url, { redirect: 'error', signal });
    if (!response.ok || !response.body) throw new CorpusRefusal(`${name} was not added: Discord's CDN answered ${response.status}. Upload the file again and retry.`);
    const announced = Number(response.headers.get('content-length') ?? 0);
    if (announced > limits.maxBytes) throw tooLarge(name, announced, limits.maxBytes);
    const chunks: Uint8Array[] = [];
    let received = 0;
    for await (const chunk of response.body) {
      received += chunk.byteLength;
      if (received > limits.maxBytes) throw tooLarge(name, received, limits.maxBytes);
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  } catch (error) {
    if (error instanceof CorpusRefusal) throw error;
    const why = signal.aborted ? `the download took longer than ${Math.round(limits.timeoutMs / 1000)} s` : 'the download was cut off';
    throw new CorpusRefusal(`${name} was not added: ${why}. Nothing was changed; try again.`);
  }
}
