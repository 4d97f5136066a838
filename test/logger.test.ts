import { DiscordAPIError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { createLogger, redactInteractionTokens } from '../src/logger.ts';

const TOKEN = 'aW50ZXJhY3Rpb246MTMxMjM0NTY3ODkwMTIzNDU2Nzg6c2VjcmV0LXBhcnQ';

describe('the logger', () => {
  it('takes interaction tokens out of REST paths, keeping the route', () => {
    expect(redactInteractionTokens(`https://discord.com/api/v10/interactions/1312345678901234567/${TOKEN}/callback`)).toBe(
      'https://discord.com/api/v10/interactions/1312345678901234567/[interaction token]/callback',
    );
    expect(redactInteractionTokens(`/webhooks/1300000000000000000/${TOKEN}/messages/@original`)).toBe('/webhooks/1300000000000000000/[interaction token]/messages/@original');
    expect(redactInteractionTokens('/applications/1300000000000000000/commands')).toBe('/applications/1300000000000000000/commands');
  });

  it('never writes the token of a failed request to the log', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    const url = `https://discord.com/api/v10/webhooks/1300000000000000000/${TOKEN}/messages/@original`;
    const error = new DiscordAPIError({ code: 10015, message: 'Unknown Webhook' }, 10015, 404, 'PATCH', url, { body: undefined, files: undefined });
    logger.error({ err: error, interactionId: '1312345678901234567' }, 'interaction failed');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(TOKEN);
    expect(JSON.parse(lines[0] as string).err).toMatchObject({ url: 'https://discord.com/api/v10/webhooks/1300000000000000000/[interaction token]/messages/@original', code: 10015 });
  });
});
