/**
 * The closed word classes that quote attribution in English news is built
 * from. Hand-written because they are small, closed and stable (the verbs of
 * saying, the auxiliaries between a name and its verb, the nouns of office),
 * and no maintained package offers them as data without a whole tagger.
 * Every entry is a folded term, as `terms` from text.ts yields it. Nouns of
 * office come from the people index's lexicon (`isRoleNoun`), so that a role
 * read here is one the index can describe someone by.
 */

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/u));

/**
 * Verbs that report speech, past and present ("says Roe", "Roe cautions"), in
 * the forms that cannot also be common nouns ("states", "notes", "claims",
 * "reports", "promises" and "jokes" are left out for that reason).
 */
export const SPEECH_VERBS = words(`
  said says saying told tells telling added adds adding asserted asserts asserting
  emphasized emphasised emphasizes emphasises emphasizing emphasising stressed stressing
  stated stating explained explains explaining remarked remarking lamented lamenting
  recalled recalls recalling recounted recounting insisted insists insisting warned warns warning
  noted noting admitted admits admitting acknowledged acknowledging declared declaring
  announced announcing argued argues arguing asked asks asking replied replies replying
  responded responding answered wrote written writes writing posted tweeted claimed claiming
  confirmed confirming concluded concluding continued conceded conceding cautioned cautioning
  contended maintained observed predicted promised pledged vowed urged urging suggested
  testified complained joked quipped shouted whispered exclaimed mused agreed countered
  denied affirmed indicated reiterated reiterating conveyed commented speculated
  cautions stresses laments recounts acknowledges declares continues concludes concedes contends
  maintains observes predicts suggests testifies complains muses agrees denies affirms indicates
  reiterates responds speculates
`);

/**
 * Verbs of saying in the forms that are also common nouns, read as verbs only
 * right after a closing mark, where no noun stands: "“…,” comments Roe",
 * "“…,” notes Roe".
 */
export const INVERTED_SPEECH_VERBS = words(`
  comments notes states claims reports jokes promises
`);

/**
 * Verbs that name or characterise rather than report: "what he calls
 * 'voluntary migration'". They tell who chose the words of a long quotation,
 * but are no evidence that a word or two in marks was spoken.
 */
export const CHARACTERISING_VERBS = words(`
  called calls calling described describes describing dubbed labelled labeled termed branded likened
`);

/** Words that may stand between a speaker and the verb: "Witkoff could be heard saying", "Mwangi later told", "Roe allegedly told". */
export const VERB_FILLERS = words(`
  also later then again once still only just further has had have was were is are be been being
  could would will may might must can should heard himself herself themselves previously reportedly
  quickly immediately simply repeatedly earlier afterwards separately privately publicly
  allegedly apparently angrily bluntly calmly candidly firmly flatly frankly openly proudly quietly softly tearfully
`);

/** Pronouns that can stand for one named person. */
export const SINGULAR_PRONOUNS = words('he she');

/** Pronouns that never name one person: groups, the writer, the reader. */
export const OTHER_PRONOUNS = words('they we i you it');

/** Words that make a noun phrase definite, so "the minister" refers to someone already known. */
export const DEFINITE_DETERMINERS = words('the his her their its this that');

/** Words before a quoted span that mark it as the title of a work, a coined name or a slogan. */
export const TITLE_CUES = words('titled entitled headlined dubbed nicknamed named called theme slogan motto');

/** Small words that stay lower case inside a Title Case title. */
export const TITLE_FUNCTION_WORDS = words('a an and as at but by for from in into of on or the to vs with');

/** First- and second-person words: whoever wrote them in marks was speaking, not coining a term. */
export const SPEAKER_VOICE = words('i me my mine we us our ours you your yours');
