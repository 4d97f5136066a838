import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { classifyFurniture } from '../src/core/corpus/corpus.ts';
import { createRandom } from '../test/support/random.ts';

const FIRST_NAMES = ['Amira', 'Daniel', 'Noa', 'Omar', 'Lena', 'Yusuf', 'Maya', 'Karim', 'Sara', 'Ethan', 'Leila', 'Tomas', 'Hana', 'Idris', 'Rafael', 'Zainab'];
const SURNAMES = ['Haddad', 'Levin', 'Nasser', 'Cohen', 'Farouk', 'Mizrahi', 'Saleh', 'Katz', 'Rahman', 'Peretz', 'Aziz', 'Brenner', 'Khalil', 'Dror', 'Mansour', 'Gold'];
/** 0 → "a", 25 → "z", 26 → "ba": a name suffix, since digits would not read as a name. */
function lettersOf(value: number): string {
  const letter = String.fromCharCode(97 + (value % 26));
  return value < 26 ? letter : `${lettersOf(Math.floor(value / 26))}${letter}`;
}

/**
 * Writes `count` synthetic news articles into `directory`: body paragraphs of
 * the seed corpus, shuffled and with the seed's people renamed, so that the
 * people index, quotations and dates grow with the corpus as they would.
 */
export async function generateCorpus(seedDirectory: string, directory: string, count: number, seed = 42): Promise<void> {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const paragraphs: string[] = [];
  for (const file of (await readdir(seedDirectory)).filter((name) => name.endsWith('.txt')).sort()) {
    const text = await readFile(path.join(seedDirectory, file), 'utf8');
    paragraphs.push(...text.split(/\r?\n/u).filter((line) => line.trim() !== '' && !classifyFurniture(line.trim())));
  }
  await mkdir(directory, { recursive: true });
  for (let index = 0; index < count; index += 1) {
    const renamed = new Map<string, string>();
    const rename = (surname: string): string => {
      if (!renamed.has(surname)) renamed.set(surname, `${pick(SURNAMES)}${lettersOf(Math.floor(random() * 400))}`);
      return renamed.get(surname) as string;
    };
    const body = Array.from({ length: 12 + Math.floor(random() * 12) }, () =>
      pick(paragraphs).replace(/\b(Witkoff|Kushner|Netanyahu|Leavitt|Smotrich|Hughes|Lifshitz|Huckabee)\b/gu, rename),
    );
    const lead = `${pick(FIRST_NAMES)} ${rename('Witkoff')}, a negotiator, said on Thursday that talks would resume.`;
    const subfolder = `batch-${String(Math.floor(index / 1000)).padStart(2, '0')}`;
    await mkdir(path.join(directory, subfolder), { recursive: true });
    await writeFile(path.join(directory, subfolder, `article-${String(index).padStart(5, '0')}.txt`), `${[lead, ...body].join('\n')}\n`);
  }
}
