import path from 'node:path';

/**
 * Short enough that "added/" + stem + "-NN.txt" under a removal timestamp
 * stays within the 100 characters of a Discord autocomplete value (and far
 * within the 255 bytes of a file name).
 */
const MAX_STEM_LENGTH = 60;
const FALLBACK_STEM = 'document';
/** Names Windows reserves whatever the extension (con.txt opens the console), matched on the part before the first dot. */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/iu;
/** Control and format characters: NUL, newlines, and the bidi marks that make "txt.exe" display as "exe.txt". */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
/** Separators on any system, and the characters Windows refuses in a name. */
const UNSAFE = /[/\\<>:"|?*]+/gu;

/** The longest prefix of at most `max` UTF-16 units (as Discord counts) that splits no character. */
function cutToLength(text: string, max: number): string {
  let kept = '';
  for (const character of text) {
    if (kept.length + character.length > max) break;
    kept += character;
  }
  return kept;
}

/**
 * The stem (name without extension) under which an uploaded file is stored:
 * one plain segment that is never hidden, never a parent reference, never a
 * reserved device name, normalised to NFC and at most MAX_STEM_LENGTH long.
 * Written by hand because sanitize-filename, the common package, keeps
 * leading dots and bidi marks and cuts only at 255 bytes, so most of these
 * rules would be ours anyway.
 */
export function safeStem(uploadedName: string): string {
  const withoutExtension = uploadedName.slice(0, uploadedName.length - path.extname(uploadedName).length);
  const cleaned = withoutExtension
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(UNSAFE, '-')
    .replace(/\.{2,}/gu, '.')
    .replace(/\s+/gu, ' ')
    // Leading dots hide a file (and the loader skips hidden files); trailing dots and spaces Windows drops.
    .replace(/^[\s.-]+|[\s.-]+$/gu, '');
  const cut = cutToLength(cleaned, MAX_STEM_LENGTH).replace(/[\s.-]+$/u, '');
  if (cut === '') return FALLBACK_STEM;
  // Windows reads "con.tar" and "con .txt" as the device too: mark the part before the dot or space.
  const device = cut.split(/[.\s]/u)[0] ?? '';
  return WINDOWS_RESERVED.test(device) ? `${device}_${cut.slice(device.length)}` : cut;
}

/** The stored name on the `attempt`-th try: "stem.ext", then "stem-2.ext", "stem-3.ext" … */
export function candidateName(stem: string, extension: string, attempt: number): string {
  return attempt === 1 ? `${stem}${extension}` : `${stem}-${attempt}${extension}`;
}
