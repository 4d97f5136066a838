/**
 * The general English vocabulary that tells a person's name from an
 * organisation's or a place's in news text: honorifics, titles, role nouns,
 * the head nouns that end an organisation's or a place's name, and the words
 * around a name that carry evidence. Every set holds folded words (see
 * `normalise` in text.ts); none names anyone.
 */

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/u));

/**
 * Courtesy titles: a person for sure, kept in the mention ("Mr. Witkoff"), never in the name.
 * Not text.ts's title abbreviations: those say where a period ends no sentence ("Sen.", "Jr."),
 * these which words mark a person whether abbreviated or not ("Miss", "Sir", "Dame").
 */
const HONORIFICS = words('mr mrs ms miss mx dr prof sir dame rev fr');

/**
 * Words that head a title standing before a name ("President", "Prime
 * Minister", "Envoy"): evidence of a person and a role, never part of the name.
 */
const TITLE_HEADS = words(`
  president vice minister secretary envoy ambassador senator sen representative rep congressman congresswoman
  governor gov mayor king queen prince princess emir sheikh sultan pope cardinal archbishop bishop rabbi imam
  general gen lieutenant lt colonel col major maj captain capt admiral adm sergeant sgt commander cmdr
  chancellor premier judge justice speaker chairman chairwoman chair director commissioner chief spokesman
  spokeswoman spokesperson deputy attorney prosecutor detective inspector sheriff professor lord lady reverend
  pastor superintendent ceo founder coach correspondent anchor host editor executive officer leader negotiator adviser advisor
  president-elect secretary-general director-general`);

/** Capitalised words that qualify a title rather than name a person ("Prime Minister", "Special Envoy"). */
const TITLE_MODIFIERS = words(`
  prime vice deputy special foreign defense defence finance security national chief senior acting interim crown
  attorney press supreme first former state interior justice health education economy trade energy executive
  managing general assistant associate under high grand lord middle east envoy`);

/** Role and relation nouns that, lower-case, describe a person ("the finance minister", "a peace activist"). */
const ROLE_NOUNS = words(`
  secretary spokesman spokeswoman spokesperson envoy envoys minister ministers president ambassador host anchor
  correspondent reporter journalist editor columnist nurse doctor physician surgeon activist negotiator negotiators
  leader leaders chief official officials adviser advisor aide director chairman chairwoman ceo executive founder
  hostage hostages captive captives prisoner prisoners detainee lawyer attorney judge senator lawmaker legislator
  congressman congresswoman governor mayor general commander colonel officer soldier analyst professor researcher
  scientist author writer economist historian candidate councillor councilor player coach singer actor actress
  artist businessman businesswoman developer investor billionaire entrepreneur mediator mediators diplomat
  student victim survivor witness resident protester volunteer worker member members head king queen prince
  princess emir sheikh pope rabbi imam priest bishop cleric militant commander fighter gunman founder owner
  partner son daughter wife husband father mother brother sister grandson granddaughter grandfather grandmother
  grandparents parents uncle aunt nephew niece cousin son-in-law daughter-in-law father-in-law brother-in-law
  widow fiance fiancee boyfriend girlfriend friend ally rival deputy manager president-elect premier chancellor
  speaker representative prosecutor detective inspector sheriff pilot driver farmer teacher mother-in-law
  tycoon magnate mogul financier banker donor strategist pollster consultant organizer organiser campaigner
  defender agent counterpart fellow predecessor successor colleague deputy envoy veteran contender challenger
  incumbent nominee rapper footballer striker goalkeeper midfielder lecturer neighbour neighbor
  expert architect engineer designer photographer filmmaker poet painter sculptor chef nun monk sailor barrister
  solicitor accountant inventor explorer astronaut athlete runner swimmer boxer wrestler skier golfer dancer
  composer conductor producer screenwriter playwright broadcaster presenter commentator blogger influencer
  chairperson treasurer clerk magistrate constable trooper ranger firefighter paramedic midwife scholar academic
  pupil principal headteacher superintendent dean rector provost consul suspect defendant plaintiff refugee migrant immigrant
  heir heiress widower laureate winner champion mathematician skipper trafficker financier jockey trainer referee
  umpire quarterback pitcher songwriter drummer showrunner creator marshal warden inmate convict killer shooter
  attacker assailant murderer robber thief hacker whistleblower smuggler dealer employee employer staffer intern
  assistant supervisor auditor trader broker landlord tenant homeowner motorist passenger commuter customer
  supporter voter citizen mom dad grandma grandpa stepson stepdaughter stepfather stepmother teenager
  co-founder cofounder`);

/** Relations that make "X's <noun>" evidence that X is a person ("Daniel Lifshitz's grandparents"). */
const KINSHIP_NOUNS = words(`
  son sons daughter daughters wife husband father mother brother sister brothers sisters grandson granddaughter
  grandfather grandmother grandparents grandchildren parents children family uncle aunt nephew niece cousin
  son-in-law daughter-in-law widow fiance fiancee body funeral death wedding birthday`);

/** Organisations, places and things end with these ("Health Ministry", "Gaza Strip", "NBC News"). */
const ORGANISATION_HEADS = words(`
  ministry ministries council foundation organization organisation society forces force news times post journal
  agency authority department office party committee commission court university college school hospital bank
  company corporation corp co inc ltd llc plc group institute center centre association union league army navy
  airforce command guard guards police service services administration government parliament congress senate
  house assembly cabinet board fund program programme project network media press radio tv television channel
  magazine strip city state states street square hill river sea ocean island islands mountain mountains valley
  airport station port province region district county republic kingdom emirates east west north south gulf
  crossing jihad movement brigade brigades front alliance coalition initiative summit accords accord agreement
  plan act classification index prize award day week month year years minutes hour club team museum church mosque
  temple synagogue cathedral palace tower bridge road avenue park lake desert valley border territory territories
  camp prison base embassy consulate capital peninsula coast bay channel canal plaza mall market exchange
  reserve treasury bureau unit division corps battalion regiment squad media studios records press review
  tribune herald gazette daily weekly online digital report reports live update updates world global
  international national federal institute laboratory lab system systems technologies industries holdings
  partners capital energy airlines airways motors pharmaceuticals cup games olympics championship league
  festival conference forum dialogue talks war crisis trust beach falls springs area chronicle images photos pictures
  photography wire man woman wars`);

/** Lower-case particles that sit inside a name ("Ludwig van Beethoven", "Mohammed bin Salman"). */
const PARTICLES = words('al el ad an ar as ash at az ibn bin bint ben abu de da di du del della der den van von le la dos das do ter ten zu y');

/**
 * Words that open a sentence with a capital letter without being a name
 * ("However", "Despite", "The"): dropped from the front of a run of capitalised words there.
 */
const SENTENCE_OPENERS = words(`
  a an the this that these those it its he she they we i you his her their our my your there here some many
  most several few all both each every no not nor and or but so if when while after before despite during
  although though as since until unless however meanwhile yet for from with without of to by in on at into
  about over under above below between among against along across around behind beyond near nearly more less
  prior following according instead still even also only just then now today yesterday tomorrow last next later
  earlier initially finally first second third once again already perhaps maybe indeed thus therefore hence
  moreover furthermore overall officials other another such neither either what which who whom whose where why how
  breaking looking speaking asked asking describing calling writing adding saying citing noting
  one two three four five six seven eight nine ten hundreds thousands dozens millions tens
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december`);

/** Verbs that follow a person speaking or reporting ("Witkoff said", "Leavitt stated"). */
const SPEECH_VERBS = words(`
  said says say told tells added adds asked asks explained explains stated states noted notes wrote writes
  recalled recalls remarked remarks lamented laments asserted asserts emphasized emphasised emphasizes emphasises
  argued argues insisted insists warned warns affirmed affirms indicated indicates declined declines claimed
  claims acknowledged acknowledges admitted admits replied replies responded responds urged urges suggested
  suggests criticized criticised criticizes criticises denied denies recounted recounts contributed contributes
  reported reports covers covered tweeted posted testified predicted believes believed thinks thought spoke speaks
  disclosed discloses revealed reveals described describes conceded concedes countered counters continued
  explained observed observes mused quipped cautioned cautions vowed vows pledged pledges promised promises
  remembers remembered hopes hoped fears feared wondered smiled laughed sighed`);

/**
 * Speech verbs an organisation seldom takes ("X told reporters", "X
 * recalled"), unlike "said" or "announced": more of a sign of a person.
 */
const PERSONAL_SPEECH_VERBS = words(`
  told tells recalled recalls remarked remarks lamented laments insisted insists asserted asserts explained explains
  emphasized emphasised emphasizes emphasises recounted recounts quipped mused conceded concedes admitted admits
  vowed vows testified tweeted wrote writes believes believed thinks thought spoke speaks remembers remembered
  hopes hoped fears feared wondered smiled laughed sighed`);

/** Prepositions after which a capitalised name is a place ("in Gaza", "near Khan Younis"). */
const PLACE_PREPOSITIONS = words('in at near inside outside across throughout within into toward towards around');

/** Words standing between a title and the place or body it is of ("Ambassador to Israel"). */
const TITLE_LINKS = words('to of for at');

/** Name suffixes: part of a full name, never its surname. */
const NAME_SUFFIXES = words('jr sr ii iii iv');

/**
 * Degrees and honours written after a name ("Jane Roe, MD, PhD"), folded without dots. State-like
 * abbreviations that are also degrees ("MA", "MS", "PA", "DO") are left out: after a comma they name a place as often.
 */
const POST_NOMINALS = words('md phd rn np mph mba jd llb llm dds dmd dvm pharmd edd psyd dphil msc bsc bsn frcp frcs facs facp facc faan obe mbe cbe kbe dbe kc qc cpa esq lcsw');

/** Openings of an appositive that says what a person is ("X, acting as the envoy", "X, who is …"). */
const APPOSITIVE_OPENERS = words('a an the his her their its acting serving formerly now then once also');

const DEMONYM_ENDINGS = ['i', 'ian', 'an', 'n', 'ese', 'ish'];
const countryNames = listCountryNames();
/** One-word country names, and the adjectival first words of longer ones ("Saudi", "Palestinian"). */
const countryWords = new Set(
  [...countryNames].flatMap((name) => {
    const [first, ...rest] = name.split(' ');
    if (rest.length === 0) return [name];
    // An adjective of five letters or more ("Saudi", "Palestinian"), not "San" (Marino) or "Sri" (Lanka).
    return first && first.length >= 5 && /(?:an|ish|ese|i)$/u.test(first) ? [first] : [];
  }),
);

/**
 * English country and territory names, from the ICU data built into Node
 * rather than a hand-kept list: every region code ICU can name.
 */
function listCountryNames(): Set<string> {
  const display = new Intl.DisplayNames(['en'], { type: 'region' });
  const names = new Set<string>();
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const first of letters) {
    for (const second of letters) {
      const code = first + second;
      const name = display.of(code);
      if (name && name !== code && !/unknown|pseudo/iu.test(name)) names.add(foldWord(name));
    }
  }
  return names;
}

/** English weekday names, from the ICU data built into Node: "posted on Twitter Tuesday" names no one Tuesday. */
const WEEKDAYS: ReadonlySet<string> = new Set(
  Array.from({ length: 7 }, (_, day) => new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + day)).toLowerCase()),
);

/** Lower case, no diacritics: enough folding for the fixed vocabulary above. */
function foldWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[()]/gu, '');
}

export const isHonorific = (folded: string): boolean => HONORIFICS.has(folded);
export const isWeekday = (folded: string): boolean => WEEKDAYS.has(folded);
/** A title word, or a compound opened by one ("Attorney-General", "Governor-General"). */
export const isTitleHead = (folded: string): boolean => TITLE_HEADS.has(folded) || HONORIFICS.has(folded) || (folded.includes('-') && TITLE_HEADS.has(folded.split('-')[0] ?? ''));
export const isTitleModifier = (folded: string): boolean => TITLE_MODIFIERS.has(folded);
export const isKinshipNoun = (folded: string): boolean => KINSHIP_NOUNS.has(folded);
export const isParticle = (folded: string): boolean => PARTICLES.has(folded);
export const isSentenceOpener = (folded: string): boolean => SENTENCE_OPENERS.has(folded);
export const isSpeechVerb = (folded: string): boolean => SPEECH_VERBS.has(folded);
export const isPersonalSpeechVerb = (folded: string): boolean => PERSONAL_SPEECH_VERBS.has(folded);
export const isPlacePreposition = (folded: string): boolean => PLACE_PREPOSITIONS.has(folded);
export const isTitleLink = (folded: string): boolean => TITLE_LINKS.has(folded);
export const isNameSuffix = (folded: string): boolean => NAME_SUFFIXES.has(folded);
export const isPostNominal = (folded: string): boolean => POST_NOMINALS.has(folded.replace(/\./gu, ''));
export const isAppositiveOpener = (folded: string): boolean => APPOSITIVE_OPENERS.has(folded);

/** A noun naming what a person is: a listed role, or an agent noun ending like one ("activist", "chairman"). */
export function isRoleNoun(folded: string): boolean {
  if (ROLE_NOUNS.has(folded) || TITLE_HEADS.has(folded)) return true;
  // A compound is a role when a part is: "co-founder", "vice-premier", "editor-in-chief".
  if (folded.includes('-') && folded.split('-').some((part) => ROLE_NOUNS.has(part))) return true;
  // A plural: "judges", "officers", "witnesses".
  if (folded.endsWith('s') && (ROLE_NOUNS.has(folded.slice(0, -1)) || (folded.endsWith('es') && ROLE_NOUNS.has(folded.slice(0, -2))))) return true;
  return folded.length >= 6 && /(?:ist|man|woman|person|ian)s?$/u.test(folded) && !isCountryWord(folded);
}

/** The last word of an organisation's or a place's name ("Ministry", "Strip", "News"). */
export function isOrganisationHead(folded: string): boolean {
  return ORGANISATION_HEADS.has(folded) || (folded.includes('-') && folded.split('-').some((part) => ORGANISATION_HEADS.has(part)));
}

/** The initials of a country's or union's name of several words ("us", "uk", "uae", "eu", "un"): "U.S." is no one's initials. */
const countryInitials = new Set(
  [...countryNames]
    .map((name) => name.split(' ').filter((word) => !['and', 'of', 'the'].includes(word)))
    .filter((words) => words.length > 1)
    .map((words) => words.map((word) => word[0]).join('')),
);

/** Whether a word's key is the initials of a country's name ("us" for "U.S."). */
export const isCountryInitials = (key: string): boolean => countryInitials.has(key);

/** A whole country name ("Saudi Arabia", "United States"). */
export const isCountryName = (folded: string): boolean => countryNames.has(folded);

/**
 * A word that names or qualifies a country ("Israel", "Israeli", "Egyptian",
 * "Chinese"): derived from the country names rather than listed.
 */
export function isCountryWord(folded: string): boolean {
  if (countryWords.has(folded)) return true;
  return DEMONYM_ENDINGS.some((ending) => {
    if (!folded.endsWith(ending)) return false;
    const stem = folded.slice(0, -ending.length);
    return stem.length >= 3 && [stem, `${stem}a`, `${stem}e`].some((name) => countryWords.has(name));
  });
}
