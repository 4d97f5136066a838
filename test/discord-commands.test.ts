import { PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commands } from '../commands/index.ts';
import { who } from '../commands/who.ts';
import { indexCommands, type Command } from '../src/discord/command.ts';
import { Cooldown } from '../src/discord/cooldown.ts';
import { pageButtonId, pageControls, parsePageButtonId } from '../src/discord/pages.ts';

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
