import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIAttachment } from 'discord.js';
import { nextSnowflake } from './discord-emulator.ts';

/**
 * How the CDN serves a file: whole with its length; streamed without a
 * length; cut off after half its bytes, the full length announced; or half
 * its bytes and then nothing more, the connection left open.
 */
export type Delivery = 'whole' | 'unannounced' | 'cut' | 'stall';

interface Hosted {
  bytes: Uint8Array;
  delivery: Delivery;
  contentType: string;
}

/**
 * A loopback stand-in for Discord's CDN, beside the emulator: it serves the
 * bytes of attachments at URLs shaped like Discord's ephemeral attachment
 * URLs, and records each path asked for. Its origin goes into
 * ATTACHMENT_ORIGINS, as cdn.discordapp.com does in production.
 */
export class EmulatedCdn {
  readonly requested: string[] = [];
  private readonly files = new Map<string, Hosted>();
  private readonly http: Server;

  private constructor() {
    this.http = createServer((request, response) => this.serve(request.url ?? '/', response));
  }

  static async start(): Promise<EmulatedCdn> {
    const cdn = new EmulatedCdn();
    await new Promise<void>((resolve) => cdn.http.listen(0, '127.0.0.1', resolve));
    return cdn;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
  }

  /**
   * Hosts `bytes` and returns the attachment as Discord puts it in an
   * interaction's resolved data; `size` is what Discord reports, the byte
   * count unless a test says otherwise.
   */
  host(filename: string, bytes: Uint8Array | string, options: { delivery?: Delivery; size?: number; contentType?: string } = {}): APIAttachment {
    const id = nextSnowflake();
    const content = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
    const path = `/ephemeral-attachments/${nextSnowflake()}/${id}/${encodeURIComponent(filename)}`;
    this.files.set(path, { bytes: content, delivery: options.delivery ?? 'whole', contentType: options.contentType ?? 'text/plain; charset=utf-8' });
    const url = `${this.origin}${path}?ex=6a1b2c3d&is=6a19dabd&hm=${id}`;
    return { id, filename, size: options.size ?? content.length, url, proxy_url: url, content_type: options.contentType ?? 'text/plain; charset=utf-8', ephemeral: true };
  }

  async close(): Promise<void> {
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private serve(rawUrl: string, response: ServerResponse): void {
    const path = new URL(rawUrl, this.origin).pathname;
    this.requested.push(path);
    const file = this.files.get(path);
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    if (file.delivery === 'unannounced') {
      response.writeHead(200, { 'Content-Type': file.contentType }).end(file.bytes);
      return;
    }
    response.writeHead(200, { 'Content-Type': file.contentType, 'Content-Length': file.bytes.length });
    if (file.delivery === 'whole') {
      response.end(file.bytes);
      return;
    }
    const half = file.bytes.subarray(0, Math.floor(file.bytes.length / 2));
    // Cut: the connection drops, and the client sees a body shorter than announced.
    response.write(half, () => file.delivery === 'cut' && response.destroy());
  }
}
