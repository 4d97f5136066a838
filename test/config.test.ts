import { describe, expect, it } from 'vitest';
import { parseConfig, requireDeploySettings } from '../src/config.ts';

const ID = '123456789012345678';
const OTHER_ID = '223456789012345678';

describe('configuration', () => {
  it('defaults what it can and leaves the Discord settings unset', () => {
    expect(parseConfig({ DISCORD_TOKEN: '  ' })).toEqual({
      CORPUS_DIR: './corpus',
      CACHE_DIR: './.cache',
      MODERATOR_ROLE_IDS: [],
      ATTACHMENT_ORIGINS: ['https://cdn.discordapp.com', 'https://media.discordapp.net'],
      CORPUS_WATCH: false,
      LOG_LEVEL: 'info',
    });
  });

  it('reads every Discord variable', () => {
    const config = parseConfig({
      DISCORD_TOKEN: 'token',
      DISCORD_CLIENT_ID: ID,
      DISCORD_GUILD_ID: OTHER_ID,
      DISCORD_API_URL: 'http://127.0.0.1:8080/api',
      MODERATOR_ROLE_IDS: ` ${ID}, ${OTHER_ID},`,
    });
    expect(config).toMatchObject({ DISCORD_CLIENT_ID: ID, DISCORD_GUILD_ID: OTHER_ID, DISCORD_API_URL: 'http://127.0.0.1:8080/api', MODERATOR_ROLE_IDS: [ID, OTHER_ID] });
    expect(requireDeploySettings(config)).toEqual({ token: 'token', clientId: ID, guildId: OTHER_ID, apiUrl: 'http://127.0.0.1:8080/api' });
  });

  it('reads the attachment origins and the corpus watch switch', () => {
    expect(parseConfig({ ATTACHMENT_ORIGINS: 'http://127.0.0.1:4100/, https://cdn.example.org', CORPUS_WATCH: 'true' })).toMatchObject({
      ATTACHMENT_ORIGINS: ['http://127.0.0.1:4100', 'https://cdn.example.org'],
      CORPUS_WATCH: true,
    });
  });

  it.each([
    [{ ATTACHMENT_ORIGINS: 'cdn.discordapp.com' }, /ATTACHMENT_ORIGINS \(item 1\): Invalid URL.*https:\/\/cdn\.discordapp\.com/u],
    [{ CORPUS_WATCH: 'yes' }, /CORPUS_WATCH: .*Set CORPUS_WATCH in \.env to true/u],
    [{ DISCORD_GUILD_ID: 'my-server' }, /DISCORD_GUILD_ID: must be a Discord id.*Copy Server ID/u],
    [{ DISCORD_CLIENT_ID: '12' }, /DISCORD_CLIENT_ID: must be a Discord id.*Application ID/u],
    [{ DISCORD_API_URL: 'discord.com/api' }, /DISCORD_API_URL: Invalid URL.*https:\/\/discord\.com\/api/u],
    [{ DISCORD_API_URL: 'ftp://discord.com/api' }, /DISCORD_API_URL: Invalid URL/u],
    [{ MODERATOR_ROLE_IDS: `${ID},moderators` }, /MODERATOR_ROLE_IDS \(item 2\): must be a Discord id.*Copy Role ID/u],
  ])('names the variable and the fix for %j', (env, message) => {
    expect(() => parseConfig(env)).toThrow(message);
  });

  it('asks for the token and the application id before deploying', () => {
    expect(() => requireDeploySettings(parseConfig({ DISCORD_TOKEN: 'token' }))).toThrow(/^Invalid configuration[^\n]*\nDISCORD_CLIENT_ID: required to register the commands\. Set DISCORD_CLIENT_ID/u);
    expect(() => requireDeploySettings(parseConfig({}))).toThrow(/DISCORD_TOKEN: required[\s\S]*DISCORD_CLIENT_ID: required/u);
  });
});
