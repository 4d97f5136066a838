import { mkdtemp, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { startHarness, type Harness } from '../support/bot-harness.ts';
import { copySeedCorpus, type TempCorpus } from '../support/corpus-dir.ts';
import { excerptText, expectEveryMessageSendable, expectSendable, messageOf, type MessageBody } from '../support/discord-checks.ts';
import { hasDiscordSpec, specProblems } from '../support/discord-openapi.ts';
import { chatInput, newAsker, PERMISSIONS, type OptionValues } from '../support/interactions.ts';

/**
 * Corpus files written to break a Discord bot — mentions, markdown, invisible
 * and bidirectional characters, a 10,000-character paragraph, files changed
 * or deleted while a reload reads them, a link out of the corpus folder —
 * answered through the real discord.js client. Every message must stay within
 * Discord's limits, ping no one, and show the excerpt verbatim: escaped, and
 * only escaped.
 */

const MENTIONS =
  'Perrin Ashdown told @everyone and @here that <@123456789012345678>, <@!123456789012345678>, <@&223456789012345678> and the <#323456789012345678> channel would meet at <t:1700000000:F>, then typed </who:423456789012345678> twice.\n';

const MARKDOWN = [
  '# Corwin Halloway told reporters the talks would resume on Monday.',
  '> Corwin Halloway said in a block quote that nothing was agreed.',
  '>>> Corwin Halloway wrote a long block quote about the annex.',
  '```js\nconst envoy = "Corwin Halloway"; // a code fence\n```',
  'The ||spoiler that Corwin Halloway resigned|| was denied on Tuesday.',
  'A [statement by Corwin Halloway](https://example.com/statement) was a masked link, and so was [this](<https://example.com/x>).',
  '-# Corwin Halloway added a subtext line, with **bold**, __underline__, ~~strike~~ and `code`.',
  '1. Corwin Halloway listed the first point.',
  '- Corwin Halloway listed a bullet.',
].join('\n\n');

/** Zero-width space, joiner and non-joiner, word joiner, soft hyphen, BOM, and the bidirectional overrides and isolates. */
const INVISIBLE = '\u200B\u200C\u200D\u2060\u00AD\uFEFF';
const BIDI = '\u202A\u202B\u202D\u202E\u202C\u2066\u2067\u2068\u2069\u200E\u200F\u061C';
const HIDDEN = `Ysolde Marrick said the ${INVISIBLE}ceasefire${INVISIBLE} text read \u202Eecnerefnoc\u202C backwards, ${BIDI} and signed it.\n`;

/** One 10,000-character sentence, the name in its middle. */
const FILLER = 'and the delegates read the clauses aloud once more ';
const HUGE = `${`${FILLER.repeat(98)}while Tamsin Oakhurst waited ${FILLER.repeat(98)}`.slice(0, 9999)}.`;

const OUTSIDE_SECRET = 'Secretia Vantablack negotiated the secret codicil on Friday.\n';

let corpus: TempCorpus;
let outside: string;
let harness: Harness;

beforeAll(async () => {
  outside = await mkdtemp(path.join(tmpdir(), 'verbatim-outside-'));
  await writeFile(path.join(outside, 'secret.txt'), OUTSIDE_SECRET);
  corpus = await copySeedCorpus({
    'hostile/mentions.txt': MENTIONS,
    'hostile/markdown.md': `---\ntitle: "# **Hostile** <@123456789012345678> @everyone"\n---\n\n${MARKDOWN}\n`,
    'hostile/hidden.txt': HIDDEN,
    'hostile/huge.txt': `${HUGE}\n`,
    // A second document naming her, which the people index asks for before /who knows a person.
    'hostile/plain.txt': 'Ysolde Marrick said the talks would resume, and signed it.\n',
  });
  await symlink(path.join(outside, 'secret.txt'), path.join(corpus.dir, 'hostile', 'link-out.txt'));
  harness = await startHarness({ corpusDir: corpus.dir, timings: { cooldownMs: 0 } });
});
afterAll(async () => {
  await harness.stop();
  await corpus.remove();
  await rm(outside, { recursive: true, force: true });
});

async function ask(name: string, values: OptionValues): Promise<MessageBody> {
  const reply = messageOf(await harness.send(chatInput(harness.emulator, name, values, newAsker()))) ?? {};
  expectSendable(reply);
  return reply;
}

/** URLs are left as written; anything else that Discord reads as markdown or a mention must come escaped. */
const URL = /https?:\/\/\S+/gu;
const SIGNIFICANT = /[*_~`|<>#[\]\\]/u;

/** The characters of `markdown` that Discord would read as markup: unescaped, outside URLs and the bold of highlights. */
function unescapedMarkup(markdown: string): string[] {
  const text = markdown.replace(URL, '').replace(/^… /u, '').replace(/ …$/u, '');
  const found: string[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index] ?? '';
    if (character === '\\') index += 1;
    else if (character === '*' && text[index + 1] === '*') index += 1;
    else if (SIGNIFICANT.test(character)) found.push(character);
  }
  return found;
}

/** The embeds that cite `file`, each checked: verbatim once unescaped, and nothing left to render. */
async function expectVerbatim(reply: MessageBody, file: string): Promise<APIEmbed[]> {
  const source = await readFile(path.join(corpus.dir, file), 'utf8');
  const cited = (reply.embeds ?? []).filter((embed) => embed.footer?.text.endsWith(` · ${file}`));
  for (const embed of cited) {
    const description = embed.description ?? '';
    expect(source).toContain(excerptText(description));
    expect(unescapedMarkup(description)).toEqual([]);
  }
  return cited;
}

describe('hostile corpus content through Discord', () => {
  it('mentions of every kind are shown as written and ping no one', async () => {
    const reply = await ask('who', { name: 'Perrin Ashdown' });
    const [embed] = await expectVerbatim(reply, 'hostile/mentions.txt');
    const shown = excerptText(embed?.description ?? '');
    for (const mention of ['@everyone', '@here', '<@123456789012345678>', '<@!123456789012345678>', '<@&223456789012345678>', '<#323456789012345678>', '<t:1700000000:F>', '</who:423456789012345678>']) {
      expect(shown).toContain(mention);
    }
    expect(embed?.description).not.toMatch(/(?<!\\)<[@#t/]/u);
  });

  it('markdown — headers, quotes, code fences, spoilers, masked links, subtext, lists — is escaped, never rendered', async () => {
    const reply = await ask('who', { name: 'Corwin Halloway' });
    const cited = await expectVerbatim(reply, 'hostile/markdown.md');
    expect(cited.length).toBeGreaterThanOrEqual(3);
    const shown = cited.map((embed) => excerptText(embed.description ?? '')).join('\n');
    expect(shown).toMatch(/\|\|spoiler|\[statement by|```|^>|^#|^-#|^1\.|^- /mu);
    // Footers are plain text in Discord: the title is shown as written there.
    expect(cited[0]?.footer?.text).toMatch(/^# \*\*Hostile\*\* <@123456789012345678> @everyone · /u);
  });

  it('invisible and bidirectional characters are kept, exactly where the file has them', async () => {
    const reply = await ask('who', { name: 'Ysolde Marrick' });
    const cited = await expectVerbatim(reply, 'hostile/hidden.txt');
    const shown = cited.map((embed) => excerptText(embed.description ?? '')).join('\n');
    expect(shown).toContain(`${INVISIBLE}ceasefire${INVISIBLE}`);
    expect(shown).toContain(BIDI);
    expect(shown).toContain('\u202Eecnerefnoc\u202C');
  });

  it('a 10,000-character paragraph is windowed around the match, within every limit', async () => {
    const reply = await ask('when', { event: 'Tamsin Oakhurst waited' });
    const [embed] = await expectVerbatim(reply, 'hostile/huge.txt');
    const description = embed?.description ?? '';
    expect(description).toMatch(/^… .*\*\*Tamsin\b.* …$/su);
    expect(excerptText(description).length).toBeLessThanOrEqual(800);
  });

  it('a query full of mentions and markdown is echoed escaped, pinging no one', async () => {
    const reply = await ask('when', { event: '@everyone <@&223456789012345678> **ceasefire** # || `x`' });
    expect(reply.content).toContain('@everyone');
    expect(unescapedMarkup((reply.content ?? '').replace(/^\*\*\/when\*\*/u, ''))).toEqual([]);
  });

  it('a link out of the corpus folder is not followed, and is reported as a problem', async () => {
    expect(harness.logs).toContainEqual(expect.objectContaining({ level: 40, file: 'hostile/link-out.txt', skipped: true, msg: expect.stringMatching(/outside the corpus folder/u) }));
    const reply = await ask('who', { name: 'Secretia Vantablack' });
    expect(JSON.stringify(reply)).not.toContain('codicil');
    const sources = await ask('sources', {});
    expect(JSON.stringify(sources.embeds)).toMatch(/link-out\.txt — a link to a file outside the corpus folder/u);
  });

  it('a reload while files are rewritten and deleted under it: each document is one version, whole, or reported', async () => {
    const churning = 'hostile/churn.txt';
    const versions = ['Lorcan Whitby spoke first, on Monday.\n', 'Lorcan Whitby spoke last, on Friday, after a long night of talks.\n'];
    await corpus.write(churning, versions[0] ?? '');
    await corpus.write('hostile/doomed.txt', 'Edda Thornquist left the talks on Sunday.\n');
    const interaction = chatInput(harness.emulator, 'reload', {}, newAsker({ permissions: PERMISSIONS.manageGuild }));
    // The report, not a progress edit: a build longer than 3 s edits the reply with its progress first.
    const finished = harness.edit(interaction, (request) => (messageOf(request)?.embeds?.length ?? 0) > 0);
    harness.emulator.interact(interaction);
    let round = 0;
    let done = false;
    // Stop churning when the reply comes, or when waiting for it fails (the await below then reports why).
    void finished.catch(() => undefined).finally(() => (done = true));
    while (!done) {
      round += 1;
      await corpus.write(churning, versions[round % 2] ?? '');
      if (round === 2) await unlink(path.join(corpus.dir, 'hostile/doomed.txt'));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expectSendable(messageOf(await finished) ?? {});
    const library = harness.bot.library.current;
    const churned = library.documents.find((document) => document.file === churning);
    const problems = library.problems.map((problem) => problem.file);
    expect(churned === undefined ? problems : versions).toContain(churned === undefined ? churning : churned.text);
    const doomed = library.documents.find((document) => document.file === 'hostile/doomed.txt');
    if (doomed) expect(doomed.text).toBe('Edda Thornquist left the talks on Sunday.\n');
    for (const passage of library.passages.filter((candidate) => candidate.file === churning)) {
      expect(churned?.text.slice(passage.start, passage.end)).toBe(passage.text);
    }
    const reply = await ask('who', { name: 'Lorcan Whitby' });
    for (const embed of reply.embeds ?? []) expect(versions.join('')).toContain(excerptText(embed.description ?? ''));
  });

  it('sent every message within Discord limits and with mentions off', () => {
    expect(expectEveryMessageSendable(harness.emulator.requests)).toBeGreaterThanOrEqual(8);
  });

  it.skipIf(!hasDiscordSpec)("sent only bodies that Discord's OpenAPI spec accepts", () => {
    expect(specProblems(harness.emulator.requests)).toEqual([]);
  });
});
