import { clip, DISCORD_LIMITS } from './limits.ts';

/**
 * Joins lines under a length limit; what does not fit is counted in a last
 * line rather than cut mid-line.
 */
export function fitLines(lines: readonly string[], max: number): string {
  const kept: string[] = [];
  let length = 0;
  for (const [index, line] of lines.entries()) {
    const rest = lines.length - index;
    const more = `… and ${rest} more`;
    const needed = length + line.length + (kept.length > 0 ? 1 : 0);
    const reserve = rest > 1 ? more.length + 1 : 0;
    if (needed + reserve > max) {
      kept.push(more);
      break;
    }
    kept.push(line);
    length = needed;
  }
  return clip(kept.join('\n'), max);
}

/** Splits lines into chunks of at most `perChunk` lines and `max` characters each. */
export function chunkLines(lines: readonly string[], perChunk: number, max: number = DISCORD_LIMITS.embedDescription): string[] {
  const chunks: string[] = [];
  let chunk: string[] = [];
  let length = 0;
  for (const line of lines) {
    const fitting = clip(line, max);
    if (chunk.length > 0 && (chunk.length >= perChunk || length + 1 + fitting.length > max)) {
      chunks.push(chunk.join('\n'));
      chunk = [];
      length = 0;
    }
    length += (chunk.length > 0 ? 1 : 0) + fitting.length;
    chunk.push(fitting);
  }
  if (chunk.length > 0) chunks.push(chunk.join('\n'));
  return chunks;
}
