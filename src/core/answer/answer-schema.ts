import { z } from 'zod';

/**
 * The one shape of an answer, shared by the console, `npm run ask -- --json`
 * and Discord. It is a public interface: add optional fields, never remove or
 * retype one.
 */
export const CommandNameSchema = z.enum(['who', 'when', 'quote']);
export type CommandName = z.infer<typeof CommandNameSchema>;

export const SourceSchema = z.object({
  /** Path relative to the corpus folder. */
  file: z.string(),
  title: z.string().optional(),
  publisher: z.string().optional(),
  author: z.string().optional(),
  date: z.string().optional(),
  url: z.string().optional(),
});
export type Source = z.infer<typeof SourceSchema>;

/** A span relative to the start of a result's text. */
export const HighlightSchema = z.object({ start: z.number().int().nonnegative(), end: z.number().int().positive() });
export type Highlight = z.infer<typeof HighlightSchema>;

export const ResultSchema = z.object({
  /** An exact substring of the source file. */
  text: z.string().min(1),
  source: SourceSchema,
  /** 1-based, counting the file's non-empty blocks. */
  paragraph: z.number().int().positive(),
  score: z.number(),
  /** /quote: who said it, as the people index names them. */
  speaker: z.string().optional(),
  /**
   * /when: the time expression, verbatim, and its resolved date (YYYY,
   * YYYY-MM or YYYY-MM-DD) when sound; start/end place it within `text`.
   */
  when: z
    .object({
      text: z.string(),
      date: z.string().optional(),
      start: z.number().int().nonnegative().optional(),
      end: z.number().int().positive().optional(),
    })
    .optional(),
  /** /when: the date of the result's document, and whether its metadata or a dateline in its text gave it. */
  documentDate: z.object({ date: z.string(), source: z.enum(['metadata', 'dateline']) }).optional(),
  /**
   * /quote: true when this is a passage holding the words asked, shown because the quotation finder
   * recognised no quotation there: the plain search's answer, so that /quote is never emptier than it.
   */
  passage: z.literal(true).optional(),
  /** /quote: the other paragraphs of the same document where this quotation recurs (a pull quote), in text order. */
  recursIn: z.array(z.number().int().positive()).optional(),
  /** Offsets of `text` in the source file: file.slice(start, end) === text. */
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().positive().optional(),
  /** Query matches within `text`, for renderers to emphasise. */
  highlights: z.array(HighlightSchema).optional(),
});
export type Result = z.infer<typeof ResultSchema>;

export const AnswerSchema = z.object({
  command: CommandNameSchema,
  query: z.string(),
  /** /quote: the speaker asked for, as typed. */
  speaker: z.string().optional(),
  results: z.array(ResultSchema),
  /** Close matches from the index, offered when nothing was found; /who: others the name may mean. */
  suggestions: z.array(z.string()).optional(),
  /** /who: the person the answer is about, named as the corpus names them, with their other names and roles. */
  person: z.object({ name: z.string(), aliases: z.array(z.string()), roles: z.array(z.string()) }).optional(),
});
export type Answer = z.infer<typeof AnswerSchema>;

/** What a command's answerer returns: the results, and any fields it adds to the shared shape. */
export type CommandAnswer = Omit<Answer, 'command' | 'query'>;
