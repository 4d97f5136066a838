import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIEmbed, APIInteraction } from 'discord.js';
import { startHarness, type Harness } from '../support/bot-harness.ts';
import { copySeedCorpus, type TempCorpus } from '../support/corpus-dir.ts';
import { EPHEMERAL, expectEveryMessageSendable, messageOf, type MessageBody } from '../support/discord-checks.ts';
import { nextSnowflake } from '../support/discord-emulator.ts';
import { hasDiscordSpec, specProblems } from '../support/discord-openapi.ts';
import { chatInput, newAsker, PERMISSIONS, type Asker } from '../support/interactions.ts';

const MODERATOR_ROLE = nextSnowflake();
const OTHER_ROLE = nextSnowflake();

let corpus: TempCorpus;
let harness: Harness;

beforeAll(async () => {
  corpus = await copySeedCorpus();
  harness = await startHarness({
    corpusDir: corpus.dir,
    env: { MODERATOR_ROLE_IDS: `${OTHER_ROLE.slice(0, -1)}9,${MODERATOR_ROLE}` },
    timings: { cooldownMs: 0 },
    emulator: { roles: [{ id: MODERATOR_ROLE, name: 'Moderators' }, { id: OTHER_ROLE, name: 'Readers' }] },
  });
});

afterAll(async () => {
  await harness.stop();
  await corpus.remove();
});

const moderator = (): Asker => newAsker({ permissions: PERMISSIONS.manageGuild });

/** Runs /reload; resolves with the acknowledgement and, when there is one, the report edited in. */
async function reload(asker: Asker): Promise<{ first: MessageBody & { type: number }; report?: APIEmbed | undefined }> {
  const interaction = chatInput(harness.emulator, 'reload', {}, asker);
  // The report is the edit with an embed (a long build edits in its progress first); a build in the worker may take seconds on a busy machine.
  const edited = harness.edit(interaction, (request) => (messageOf(request)?.embeds?.length ?? 0) > 0, 30_000);
  const callback = await harness.send(interaction);
  const body = callback.body as { type: number; data?: MessageBody };
  const first = { ...body.data, type: body.type };
  if (body.type !== 5) {
    // Answered at once: no edit will come, and waiting for one must not fail the run later.
    edited.catch(() => {});
    return { first };
  }
  return { first, report: messageOf(await edited)?.embeds?.[0] };
}

/** The answer to a /who, taken from the library serving at the moment it is asked. */
function askWho(name: string): { interaction: APIInteraction; reply: Promise<MessageBody> } {
  const interaction = chatInput(harness.emulator, 'who', { name }, newAsker());
  const reply = harness.send(interaction).then((request) => messageOf(request) ?? {});
  return { interaction, reply };
}

describe('/reload, moderators only', () => {
  it('refuses members without Manage Server, Administrator or a moderator role, privately', async () => {
    for (const asker of [newAsker(), newAsker({ roles: [OTHER_ROLE] }), newAsker({ inGuild: false })]) {
      const { first } = await reload(asker);
      expect(first).toMatchObject({ type: 4, flags: EPHEMERAL, content: expect.stringMatching(/Only moderators/u) });
    }
    expect(harness.logs.some((log) => log.msg === 'reload finished')).toBe(false);
  });

  // Three builds one after another, each in a fresh worker: seconds apiece on a busy machine.
  it('lets Manage Server, Administrator and the moderator roles reload, privately', async () => {
    for (const asker of [moderator(), newAsker({ permissions: PERMISSIONS.administrator }), newAsker({ roles: [MODERATOR_ROLE] })]) {
      const { first, report } = await reload(asker);
      expect(first).toMatchObject({ type: 5, flags: EPHEMERAL });
      expect(report?.title).toBe('Library reloaded');
      expect(report?.description).toMatch(/^Documents: 5 — 0 added, 0 changed, 0 removed, 5 unchanged\nPassages: \d+ · People: \d+ · Quotations: \d+$/u);
    }
  }, 60_000);

  it('answers queries from the serving library while a reload runs, then from the new one', async () => {
    await corpus.write('late/arrival.txt', 'The mediator Ysolde Brankovic arrived in Doha on Tuesday.\n');
    const reloaded = reload(moderator());
    const during = askWho('Ysolde Brankovic');
    expect((await during.reply).content).toMatch(/^No one called “Ysolde Brankovic” is in the corpus/u);
    const { report } = await reloaded;
    expect(report?.description).toMatch(/^Documents: 6 \(\+1\) — 1 added/u);
    expect(report?.fields).toContainEqual({ name: 'Added (1)', value: 'late/arrival.txt' });
    const after = await askWho('Ysolde Brankovic').reply;
    expect(after.embeds?.[0]?.description).toContain('**Ysolde Brankovic**');
  });

  it('shares one rebuild between reloads asked for at once', async () => {
    const first = reload(moderator());
    const second = reload(moderator());
    const reports = await Promise.all([first, second]);
    const [a, b] = reports.map(({ report }) => report);
    expect(a?.description).toBe(b?.description);
    expect(reports.map(({ report }) => report?.footer?.text ?? '').filter((footer) => footer.startsWith('Joined a reload'))).toHaveLength(1);
  });

  it('reports changed, removed and skipped files, and why they were skipped', async () => {
    await writeFile(path.join(corpus.dir, 'late/arrival.txt'), 'The mediator Ysolde Brankovic left Doha on Wednesday.\n');
    await rm(path.join(corpus.dir, '003_871778c968b7d911.txt'));
    await corpus.write('late/scan.txt', new Uint8Array([0, 1, 2, 3]));
    const { report } = await reload(moderator());
    expect(report?.description).toMatch(/^Documents: 5 \(-1\) — 0 added, 1 changed, 1 removed, 4 unchanged/u);
    expect(report?.fields).toContainEqual({ name: 'Changed (1)', value: 'late/arrival.txt' });
    expect(report?.fields).toContainEqual({ name: 'Removed (1)', value: '003\\_871778c968b7d911.txt' });
    expect(report?.fields).toContainEqual(expect.objectContaining({ value: expect.stringMatching(/late\/scan\.txt — binary/u) }));
  });

  it('keeps the old library serving when a reload fails, and says why', async () => {
    const away = `${corpus.dir}-away`;
    await rename(corpus.dir, away);
    try {
      const { report } = await reload(moderator());
      expect(report?.title).toBe('Reload failed: the previous library is still serving');
      expect(report?.description).toMatch(/Why: corpus: .* is not a folder; create it or point CORPUS\\_DIR at the folder of documents/u);
      expect(report?.description).toMatch(/Still answering from the 5 documents loaded before/u);
      const still = await askWho('Ysolde Brankovic').reply;
      expect(still.embeds?.[0]?.description).toContain('left Doha');
    } finally {
      await rename(away, corpus.dir);
    }
  });

  it('sends every message within Discord limits and with mentions off', () => {
    expect(expectEveryMessageSendable(harness.emulator.requests)).toBeGreaterThan(10);
  });

  it.skipIf(!hasDiscordSpec)("sends only bodies that Discord's OpenAPI spec accepts", () => {
    expect(specProblems(harness.emulator.requests)).toEqual([]);
  });
});
