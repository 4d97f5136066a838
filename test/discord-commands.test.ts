import { PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commands } from '../commands/index.ts';
import { who } from '../commands/who.ts';
import { indexCommands, type Command } from '../src/discord/command.ts';
import { Cooldown } from '../src/discord/cooldown.ts';
import { pageButtonId, pageControls, PageStore, parsePageButtonId } from '../src/discord/pages.ts';
import { giveUpOnRateLimit } from '../src/discord/rest-policy.ts';

describe('the command modules', () => {
  it('lists every command once, by name', () => {
    expect([...commands.keys()]).toEqual(['who', 'when', 'quote', 'sources', 'reload', 'corpus']);
  });

  it('gives every answering command a private: flag, and /reload and /corpus Manage Server in servers only', () => {
    for (const name of ['who', 'when', 'quote', 'sources']) {
      expect(commands.get(name)?.data.options).toContainEqual(expect.objectContaining({ name: 'private', type: 5, required: false }));
    }
    for (const name of ['reload', 'corpus']) {
      expect(commands.get(name)?.data).toMatchObject({ default_member_permissions: String(PermissionFlagsBits.ManageGuild), contexts: [0] });
    }
  });

  it('refuses a module of the wrong shape, naming the command', () => {
    const noHandler = { data: who.data } as unknown as Command;
    expect(() => indexCommands([noHandler])).toThrow(/command \/who: execute must be a function/u);
    const noAutocomplete = { data: who.data, execute: who.execute } as Command;
    expect(() => indexCommands([noAutocomplete])).toThrow(/command \/who: .*autocomplete option but no autocomplete handler/u);
    const badName = { ...who, data: { ...who.data, name: 'Who Is' } };
    expect(() => indexCommands([badName])).toThrow(/data\.name must be 1–32 lower-case/u);
    expect(() => indexCommands([who, who])).toThrow(/defined twice/u);
  });
});

describe('page buttons', () => {
  it('encode the reply and the page in the custom id, within Discord’s 100 characters', () => {
    const id = pageButtonId('1300000000000000001', 3);
    expect(id.length).toBeLessThanOrEqual(100);
    expect(parsePageButtonId(id)).toEqual({ replyId: '1300000000000000001', page: 3 });
    expect(parsePageButtonId('vote:1:2')).toBeUndefined();
  });

  it('disable Previous on the first page and Next on the last', () => {
    const disabled = (page: number) => pageControls('1', page, 3).toJSON().components.map((button) => Boolean(button.disabled));
    expect(disabled(0)).toEqual([true, false]);
    expect(disabled(1)).toEqual([false, false]);
    expect(disabled(2)).toEqual([false, true]);
  });
});

describe('the cooldown', () => {
  it('makes each person wait between commands, without extending the wait on refusals', () => {
    const cooldown = new Cooldown(2000);
    expect(cooldown.take('ada', 10_000)).toBe(0);
    expect(cooldown.take('bob', 10_500)).toBe(0);
    expect(cooldown.take('ada', 11_500)).toBe(500);
    expect(cooldown.take('ada', 11_900)).toBe(100);
    expect(cooldown.take('ada', 12_000)).toBe(0);
  });
});

describe('memory under sustained use', () => {
  it('forgets a person once their pause has run out, at the next command', () => {
    const cooldown = new Cooldown(2000);
    for (let user = 0; user < 50; user += 1) cooldown.take(`user${user}`, 10_000 + user);
    expect(cooldown.size).toBe(50);
    cooldown.take('late', 12_100);
    expect(cooldown.size).toBe(1);
  });

  it('keeps at most maxKept paged replies, expiring the oldest first', async () => {
    const expired: string[] = [];
    const store = new PageStore(60_000, 2);
    for (const id of ['1', '2', '3']) store.keep(id, { ownerId: 'ada', pages: [] }, async () => void expired.push(id));
    expect([store.size, store.get('1'), expired]).toEqual([2, undefined, ['1']]);
    expect(store.get('3')).toBeDefined();
    store.clear();
  });
});

describe('rate limits worth waiting for', () => {
  const limit = { global: false, method: 'POST', majorParameter: 'burst', hash: 'h', limit: 5, timeToReset: 0, sublimitTimeout: 0, scope: 'user' as const };
  // An interaction id whose snowflake says it was created at 1,700,000,000,000 ms.
  const createdAt = 1_700_000_000_000;
  const id = ((BigInt(createdAt) - 1_420_070_400_000n) << 22n).toString();
  const callback = { ...limit, route: '/interactions/:id/:token/callback', url: `https://discord.com/api/v10/interactions/${id}/token/callback` };

  it('waits for a callback only while it would still land within the 3 s of its interaction', () => {
    expect(giveUpOnRateLimit({ ...callback, retryAfter: 1500 }, createdAt + 1000)).toBe(false);
    expect(giveUpOnRateLimit({ ...callback, retryAfter: 1500 }, createdAt + 2000)).toBe(true);
  });

  it('waits up to a minute for edits and follow-ups', () => {
    const edit = { ...limit, route: '/webhooks/:id/:token/messages/:id', url: 'https://discord.com/api/v10/webhooks/1/t/messages/@original' };
    expect(giveUpOnRateLimit({ ...edit, retryAfter: 30_000 })).toBe(false);
    expect(giveUpOnRateLimit({ ...edit, retryAfter: 90_000 })).toBe(true);
  });
});
