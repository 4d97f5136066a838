import * as nodeFs from 'node:fs/promises';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIAttachment, APIInteraction } from 'discord.js';
import type { CorpusFileSystem } from '../../src/corpus-store/corpus-store.ts';
import { startHarness, type Harness } from '../support/bot-harness.ts';
import { copySeedCorpus, type TempCorpus } from '../support/corpus-dir.ts';
import { EPHEMERAL, expectEveryMessageSendable, messageOf, type MessageBody } from '../support/discord-checks.ts';
import { nextSnowflake } from '../support/discord-emulator.ts';
import { hasDiscordSpec, specProblems } from '../support/discord-openapi.ts';
import { EmulatedCdn } from '../support/emulator-cdn.ts';
import { attachmentInput, chatInput, newAsker, PERMISSIONS, subcommandAutocomplete, subcommandInput, type Asker, type OptionValues } from '../support/interactions.ts';

const MODERATOR_ROLE = nextSnowflake();

/** A saved news page: navigation and footer around an article with a person, a quotation and a date. */
const PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Mediator returns to Doha as talks resume - Harbour Post</title>
<link rel="canonical" href="https://news.example.org/world/mediator-returns">
<meta property="og:site_name" content="Harbour Post">
<meta property="article:published_time" content="2025-08-12T21:40:00-04:00">
<meta name="author" content="By Imre Castellane"></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article><h1>Mediator returns to Doha as talks resume</h1>
<p>DOHA, Qatar — The mediator Ysolde Brankovic returned to Doha on Tuesday to restart the stalled talks, officials said, a week after negotiators from both delegations left the city without an agreement on the exchange.</p>
<p>“We are closer than we have been for months, and nobody wants to lose that,” Brankovic told reporters at the airport, adding that she expected both teams back by the weekend.</p>
<p>The talks had stalled over the sequencing of the release and the withdrawal, according to two officials briefed on the negotiations who spoke on condition of anonymity.</p>
</article></main><footer><p>© 2025 Harbour Post. All rights reserved.</p></footer></body></html>
`;
const TEXT_ARTICLE = 'The harbour pilot Oriane Vasquez-Thal guided the relief ship into port on Friday, the port authority said.\n';
/** A PNG's signature and header, the start of any PNG file. */
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
const SIX_MIB = 6 * 1024 * 1024;

let corpus: TempCorpus;
let cdn: EmulatedCdn;
let harness: Harness;
/** Set by a test to make the store's writes fail as on a full disk. */
let diskFull = false;

const failingWhenFull: CorpusFileSystem = {
  ...nodeFs,
  writeFile: (async (...args: Parameters<typeof nodeFs.writeFile>) => {
    if (diskFull) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    return nodeFs.writeFile(...args);
  }) as typeof nodeFs.writeFile,
};

beforeAll(async () => {
  corpus = await copySeedCorpus();
  cdn = await EmulatedCdn.start();
  harness = await startHarness({
    corpusDir: corpus.dir,
    env: { MODERATOR_ROLE_IDS: MODERATOR_ROLE, ATTACHMENT_ORIGINS: cdn.origin },
    timings: { cooldownMs: 0, downloadTimeoutMs: 2000 },
    dependencies: { corpusFileSystem: failingWhenFull },
    emulator: { roles: [{ id: MODERATOR_ROLE, name: 'Moderators' }] },
  });
});

afterAll(async () => {
  await harness.stop();
  await cdn.close();
  await corpus.remove();
});

const moderator = (): Asker => newAsker({ permissions: PERMISSIONS.manageGuild });

/** Sends a /corpus interaction; resolves with the first response and, when deferred, the edit that follows. */
async function run(interaction: APIInteraction): Promise<{ type: number; first?: MessageBody | undefined; final?: MessageBody | undefined }> {
  const callback = await harness.send(interaction);
  const body = callback.body as { type: number; data?: MessageBody };
  if (body.type !== 5) return { type: body.type, first: body.data };
  expect(body.data?.flags).toBe(EPHEMERAL);
  // The edit may already have arrived: the emulator looks through what it recorded first.
  return { type: body.type, final: messageOf(await harness.edit(interaction)) };
}

const add = (attachment: APIAttachment, asker: Asker = moderator()) => run(attachmentInput(harness.emulator, 'corpus', 'add', attachment, asker));
const corpusCommand = (subcommand: string, values: OptionValues, asker: Asker = moderator()) => run(subcommandInput(harness.emulator, 'corpus', subcommand, values, asker));

async function ask(name: string, values: OptionValues): Promise<MessageBody> {
  const callback = await harness.send(chatInput(harness.emulator, name, values, newAsker()));
  return messageOf(callback) ?? {};
}

async function choices(subcommand: string, typed: string, asker: Asker = moderator()): Promise<{ name: string; value: string }[]> {
  const callback = await harness.send(subcommandAutocomplete(harness.emulator, 'corpus', subcommand, { file: typed }, 'file', asker));
  return (callback.body as { data: { choices: { name: string; value: string }[] } }).data.choices;
}

/** Every file under the corpus folder, hidden ones included, with its bytes. */
async function snapshot(): Promise<Record<string, string>> {
  const entries = await readdir(corpus.dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.relative(corpus.dir, path.join(entry.parentPath, entry.name)));
  const contents = await Promise.all(files.map(async (file) => [file, (await readFile(path.join(corpus.dir, file))).toString('base64')] as const));
  return Object.fromEntries(contents.sort(([a], [b]) => a.localeCompare(b)));
}

const descriptionOf = (message: MessageBody | undefined): string => message?.embeds?.[0]?.description ?? '';

describe('/corpus add', () => {
  it('turns a saved web page into an article that /who, /quote and /when then find, and says what was indexed', async () => {
    const { final } = await add(cdn.host('mediator-returns.html', PAGE, { contentType: 'text/html; charset=utf-8' }));
    expect(final?.embeds?.[0]?.title).toBe('Added and indexed');
    const description = descriptionOf(final);
    expect(description).toContain('Stored as added/mediator-returns.md (web page');
    expect(description).toContain('From now on the bot quotes this stored text word for word.');
    expect(description).toContain('Title: Mediator returns to Doha as talks resume\nBy: Imre Castellane · Harbour Post');
    expect(description).toContain('Date: 2025-08-12 (from its metadata)');
    expect(description).toMatch(/Passages: 3 \(3 that answers can quote\)/u);
    expect(description).toMatch(/People \(\d+\): Ysolde Brankovic/u);
    expect(description).toMatch(/Quotations: 1, 1 with a speaker \(Ysolde Brankovic\)/u);
    expect(description).toContain('First passage: “DOHA, Qatar — The mediator Ysolde Brankovic returned to Doha');

    const stored = await readFile(path.join(corpus.dir, 'added/mediator-returns.md'), 'utf8');
    expect(stored).toBe(
      '---\ntitle: Mediator returns to Doha as talks resume\npublisher: Harbour Post\nauthor: Imre Castellane\ndate: 2025-08-12\nurl: https://news.example.org/world/mediator-returns\n---\n\n' +
        'DOHA, Qatar — The mediator Ysolde Brankovic returned to Doha on Tuesday to restart the stalled talks, officials said, a week after negotiators from both delegations left the city without an agreement on the exchange.\n\n' +
        '“We are closer than we have been for months, and nobody wants to lose that,” Brankovic told reporters at the airport, adding that she expected both teams back by the weekend.\n\n' +
        'The talks had stalled over the sequencing of the release and the withdrawal, according to two officials briefed on the negotiations who spoke on condition of anonymity.\n',
    );

    const who = await ask('who', { name: 'Ysolde Brankovic' });
    expect(who.embeds?.[0]?.footer?.text ?? '').toContain('added/mediator-returns.md');
    const quote = await ask('quote', { speaker: 'Brankovic' });
    expect(quote.embeds?.[0]?.description).toContain('We are closer than we have been for months');
    const when = await ask('when', { event: 'mediator returned to Doha' });
    expect(when.embeds?.[0]?.description).toContain('on Tuesday');
    expect(when.embeds?.[0]?.footer?.text ?? '').toContain('added/mediator-returns.md');
  });

  it('stores a plain-text article byte for byte, and /sources shows who added it and when', async () => {
    const asker = newAsker({ roles: [MODERATOR_ROLE] });
    const { final } = await add(cdn.host('harbour pilot.txt', TEXT_ARTICLE), asker);
    expect(descriptionOf(final)).toContain('Stored as added/harbour pilot.txt (text');
    expect(await readFile(path.join(corpus.dir, 'added/harbour pilot.txt'), 'utf8')).toBe(TEXT_ARTICLE);
    const sources = await ask('sources', {});
    const today = new Date().toISOString().slice(0, 10);
    expect(sources.embeds?.[0]?.description).toContain(`added/harbour pilot.txt · 0.1 kB · 1 passage · added by ${asker.user.username} on ${today}`);
    const manifest = JSON.parse(await readFile(path.join(corpus.dir, '.verbatim-manifest.json'), 'utf8')) as { files: Record<string, { by: { id: string } }> };
    expect(manifest.files['added/harbour pilot.txt']?.by.id).toBe(asker.user.id);
    expect(harness.logs).toContainEqual(expect.objectContaining({ msg: 'corpus file added', file: 'added/harbour pilot.txt', by: expect.objectContaining({ id: asker.user.id }), sha256: expect.stringMatching(/^[0-9a-f]{64}$/u) }));
  });

  it('refuses members who are not moderators, privately, and downloads nothing', async () => {
    const attachment = cdn.host('sneaky.txt', TEXT_ARTICLE);
    const { type, first } = await add(attachment, newAsker());
    expect(type).toBe(4);
    expect(first).toMatchObject({ flags: EPHEMERAL, content: expect.stringMatching(/^Only moderators can change the documents/u) });
    expect(cdn.requested.some((requested) => attachment.url.includes(requested))).toBe(false);
    expect(await choices('remove', '', newAsker())).toEqual([]);
  });

  it.each([
    ['an oversized file, by the size Discord reports', () => cdn.host('huge.txt', TEXT_ARTICLE, { size: SIX_MIB }), /huge\.txt was not added: it is 6291456 bytes; the limit is 5242880/u],
    ['an oversized file, by the length the CDN announces', () => cdn.host('liar.txt', 'a'.repeat(SIX_MIB), { size: 1000 }), /liar\.txt was not added: it is 6291456 bytes; the limit is 5242880/u],
    // Cut off as soon as the limit is passed, before the 6 MiB have all arrived.
    ['an oversized file, as it downloads', () => cdn.host('stream.txt', 'a'.repeat(SIX_MIB), { size: 1000, delivery: 'unannounced' }), /stream\.txt was not added: it is (?!6291456 )\d+ bytes; the limit is 5242880/u],
    ['a binary renamed .txt', () => cdn.host('photo.txt', PNG), /photo\.txt was not added: its content is image\/png \(\.png\), not text as its name says/u],
    ['text that is not UTF-8', () => cdn.host('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a])), /latin1\.txt was not added: it cannot be read as text: not valid UTF-8 text/u],
    ['a web page with no article', () => cdn.host('front.html', '<!DOCTYPE html><html><head><title>Home</title></head><body><nav><a href="/a">A</a> <a href="/b">B</a></nav><p>Welcome.</p></body></html>'), /front\.html was not added: no article found in the page/u],
    ['an .html file that is not HTML', () => cdn.host('notes.html', 'Just some notes, no markup at all.\n'), /notes\.html was not added: it is not a web page: it has no \\<html\\> element/u],
    ['another kind of file', () => cdn.host('report.pdf', '%PDF-1.7\n'), /report\.pdf was not added: only \.txt, \.md, \.html and \.htm files can be added/u],
    ['a download cut off midway', () => cdn.host('cut.txt', TEXT_ARTICLE.repeat(2000), { delivery: 'cut' }), /cut\.txt was not added: the download was cut off\. Nothing was changed/u],
    ['a download that stalls past the timeout', () => cdn.host('slow.txt', TEXT_ARTICLE.repeat(2000), { delivery: 'stall' }), /slow\.txt was not added: the download took longer than 2 s\. Nothing was changed/u],
  ])('refuses %s privately with the reason, and changes nothing', async (_case, attachment, reason) => {
    const before = await snapshot();
    const serving = harness.bot.library.current;
    const { final } = await add(attachment());
    expect(final?.content).toMatch(reason);
    expect(await snapshot()).toEqual(before);
    expect(harness.bot.library.current).toBe(serving);
  });

  it('downloads only from the allowed CDN origins', async () => {
    const elsewhere = { ...cdn.host('elsewhere.txt', TEXT_ARTICLE), url: 'https://example.org/elsewhere.txt' };
    const { final } = await add(elsewhere);
    expect(final?.content).toMatch(/attachments are downloaded only from Discord's CDN, not from https:\/\/example\.org/u);
  });

  it('leaves the corpus and the serving library as they were when the disk is full', async () => {
    const before = await snapshot();
    const serving = harness.bot.library.current;
    diskFull = true;
    try {
      const { final } = await add(cdn.host('full.txt', TEXT_ARTICLE));
      expect(final?.content).toMatch(/The corpus folder could not be written \(ENOSPC\), so nothing was changed/u);
    } finally {
      diskFull = false;
    }
    expect(await snapshot()).toEqual(before);
    expect(harness.bot.library.current).toBe(serving);
  });

  it('stores hostile names safely, inside added/, visible and never overwriting', async () => {
    const hostile = ['../../etc/passwd.txt', 'con.txt', `${'ç'.normalize('NFD').repeat(150)}.txt`, 'invoice\u202Etxt.exe.txt', '.hidden.txt', 'con.txt'];
    const stored: string[] = [];
    for (const name of hostile) {
      const { final } = await add(cdn.host(name, `${TEXT_ARTICLE.trim()} (${stored.length})\n`));
      stored.push(/Stored as (added\/[^\n]+?) \(text/u.exec(descriptionOf(final))?.[1]?.replaceAll('\\', '') ?? 'not stored');
    }
    expect(stored).toEqual(['added/etc-passwd.txt', 'added/con_.txt', `added/${'ç'.repeat(60)}.txt`, 'added/invoicetxt.exe.txt', 'added/hidden.txt', 'added/con_-2.txt']);
    const added = await readdir(path.join(corpus.dir, 'added'));
    expect(added).toEqual(expect.arrayContaining(stored.map((file) => file.slice('added/'.length))));
    expect(added.filter((name) => name.startsWith('.'))).toEqual([]);
    for (const file of stored) expect(harness.bot.library.current.documentsByFile.has(file)).toBe(true);
  });

  it('lands two adds sent at once', async () => {
    const [first, second] = await Promise.all([
      add(cdn.host('same name.txt', 'The archivist Pellam Okonkwo-Reyes catalogued the treaty drafts on Monday.\n')),
      add(cdn.host('same name.txt', 'The translator Wenna Halvorsen-Ibe checked the annex on Wednesday.\n')),
    ]);
    const files = [first, second].map((reply) => /Stored as (added\/[^\n]+?) \(text/u.exec(descriptionOf(reply.final))?.[1]).sort();
    expect(files).toEqual(['added/same name-2.txt', 'added/same name.txt']);
    const found = [];
    for (const event of ['archivist catalogued the treaty drafts', 'translator checked the annex']) {
      found.push(/added\/same name(?:-2)?\.txt/u.exec((await ask('when', { event })).embeds?.[0]?.footer?.text ?? '')?.[0]);
    }
    expect(found.sort()).toEqual(files);
  });
});

describe('/corpus remove and restore', () => {
  it('offers the corpus files to remove, and removed files to restore, as autocomplete', async () => {
    expect(await choices('remove', 'harbour')).toEqual([{ name: 'added/harbour pilot.txt', value: 'added/harbour pilot.txt' }]);
    const offered = (await choices('remove', '')).map((choice) => choice.value);
    expect(offered.sort()).toEqual([...harness.bot.library.current.documentsByFile.keys()].sort());
  });

  it('moves a file and its metadata to .removed/, then restores them byte for byte', async () => {
    const file = '001_9f5de07045ad877d.txt';
    const original = await readFile(path.join(corpus.dir, file));
    const sidecar = await readFile(path.join(corpus.dir, '001_9f5de07045ad877d.meta.yaml'));
    const meta = harness.bot.library.current.documentsByFile.get(file)?.meta;
    expect(meta?.author).toBe('David E. Sanger');
    const documents = harness.bot.library.current.documents.length;

    const removed = await corpusCommand('remove', { file });
    const removedAs = /To bring it back: \/corpus restore file:(\S+)/u.exec(descriptionOf(removed.final))?.[1]?.replaceAll('\\', '') ?? '';
    expect(removedAs).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d\\.\\d{3}Z/${file}$`, 'u'));
    expect(descriptionOf(removed.final)).toContain('and its metadata moved to .removed/');
    expect(harness.bot.library.current.documents.length).toBe(documents - 1);
    expect(harness.bot.library.current.documentsByFile.has(file)).toBe(false);
    // The loader skips hidden folders: the removed copy is not read back in.
    expect([...harness.bot.library.current.documentsByFile.keys()].some((loaded) => loaded.includes('.removed'))).toBe(false);
    expect(await readFile(path.join(corpus.dir, '.removed', removedAs))).toEqual(original);

    expect(await choices('restore', '001')).toEqual([{ name: expect.stringMatching(new RegExp(`^${removedAs.replaceAll('.', '\\.')} · removed by user\\d+$`, 'u')), value: removedAs }]);
    const listed = await corpusCommand('restore', {});
    expect(descriptionOf(listed.final)).toContain('— removed by');

    const restored = await corpusCommand('restore', { file: removedAs });
    expect(restored.final?.embeds?.[0]?.title).toBe('Restored');
    expect(await readFile(path.join(corpus.dir, file))).toEqual(original);
    expect(await readFile(path.join(corpus.dir, '001_9f5de07045ad877d.meta.yaml'))).toEqual(sidecar);
    expect(harness.bot.library.current.documents.length).toBe(documents);
    expect(harness.bot.library.current.documentsByFile.get(file)?.meta).toEqual(meta);
    expect(await readdir(path.join(corpus.dir, '.removed'))).toEqual([]);
    const actions = harness.logs.filter((log) => log.file === file).map((log) => [log.action, log.sha256]);
    expect(actions).toEqual([['remove', expect.stringMatching(/^[0-9a-f]{64}$/u)], ['restore', actions[0]?.[1]]]);
  });

  it('keeps who added a file through a remove and a restore', async () => {
    const removed = await corpusCommand('remove', { file: 'added/harbour pilot.txt' });
    const removedAs = /restore file:([^\n]+)/u.exec(descriptionOf(removed.final))?.[1]?.replaceAll('\\', '') ?? '';
    const asker = moderator();
    const restored = await corpusCommand('restore', { file: removedAs }, asker);
    expect(descriptionOf(restored.final)).toMatch(/is back as added\/harbour pilot\.txt\./u);
    const manifest = JSON.parse(await readFile(path.join(corpus.dir, '.verbatim-manifest.json'), 'utf8')) as { files: Record<string, { by: { id: string } }> };
    const addedBy = harness.logs.find((log) => log.action === 'add' && log.file === 'added/harbour pilot.txt')?.by as { id: string };
    expect(manifest.files['added/harbour pilot.txt']?.by.id).toBe(addedBy.id);
    expect(addedBy.id).not.toBe(asker.user.id);
  });

  it('refuses paths outside the corpus and files it does not have', async () => {
    expect((await corpusCommand('remove', { file: '../outside.txt' })).final?.content).toMatch(/is not a document of the corpus/u);
    expect((await corpusCommand('remove', { file: '.removed/x.txt' })).final?.content).toMatch(/is not a document of the corpus/u);
    expect((await corpusCommand('remove', { file: 'nowhere.txt' })).final?.content).toMatch(/There is no nowhere\.txt in the corpus/u);
    expect((await corpusCommand('restore', { file: '../../etc/passwd.txt' })).final?.content).toMatch(/is not a removed file/u);
  });
});

describe('/corpus messages', () => {
  it('sends every message within Discord limits and with mentions off', () => {
    expect(expectEveryMessageSendable(harness.emulator.requests)).toBeGreaterThan(20);
  });

  it.skipIf(!hasDiscordSpec)("sends only bodies that Discord's OpenAPI spec accepts", () => {
    expect(specProblems(harness.emulator.requests)).toEqual([]);
  });
});
