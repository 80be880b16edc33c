/** The who module's language data (src/core/lexicon/who), loaded once as normalized sets. */
import { normalize } from '../text/normalize.ts';
import triggersData from '../lexicon/who/triggers.json' with { type: 'json' };
import gazetteerData from '../lexicon/who/gazetteer.json' with { type: 'json' };
import organizationsData from '../lexicon/who/organizations.json' with { type: 'json' };
import firstNamesData from '../lexicon/who/first-names.json' with { type: 'json' };
import iraqiNamesData from '../lexicon/who/first-names-iraqi.json' with { type: 'json' };
import cuesData from '../lexicon/who/cues.json' with { type: 'json' };
import junkData from '../lexicon/who/junk.json' with { type: 'json' };
import stopwordsIso from 'stopwords-iso/stopwords-iso.json' with { type: 'json' };

/** Normalized set of a list of words. */
export function normSet(words: readonly string[]): Set<string> {
  return new Set(words.map((w) => normalize(w)));
}

/** Trigger words by class: titles (per), organization heads (org), place cues (loc). */
export const TRIGGERS = {
  per: normSet(triggersData.per),
  org: normSet(triggersData.org),
  loc: normSet(triggersData.loc),
};

/** Gazetteer entry kinds. */
export type GazKind = 'country' | 'capital' | 'region' | 'org';

/** Single-word gazetteer entries, normalized, by kind (places and, as kind 'org', organizations). */
export const GAZ_WORDS = new Map<string, GazKind>();
/** Multi-word gazetteer entries as normalized token arrays. */
export const GAZ_PHRASES: { tokens: string[]; kind: GazKind }[] = [];

const GAZ_LISTS: Record<GazKind, string[]> = { ...gazetteerData, org: organizationsData.org };
for (const kind of ['country', 'capital', 'region', 'org'] as const) {
  for (const entry of GAZ_LISTS[kind]) {
    const tokens = normalize(entry).split(' ');
    if (tokens.length === 1) {
      if (!GAZ_WORDS.has(tokens[0]!)) GAZ_WORDS.set(tokens[0]!, kind);
    } else GAZ_PHRASES.push({ tokens, kind });
  }
}

/** Common given names, normalized. */
export const FIRST_NAMES = normSet([...firstNamesData.names, ...iraqiNamesData.names]);

/** Speech verbs (قال، أضاف، أكد…), normalized. */
export const SPEECH_VERBS = normSet(cuesData.speechVerbs);

/**
 * Whether a normalized word is a speech verb, alone or behind a conjunction و/ف ("وقال", "فأكد").
 * Only a conjunction comes off: "مكتب" is no "كتب", "مقال" no "قال".
 */
export function isSpeechVerb(norm: string): boolean {
  return SPEECH_VERBS.has(norm) || (/^[وف]/.test(norm) && SPEECH_VERBS.has(norm.slice(1)));
}
/** Participles that continue the previous speaker (مضيفا، مؤكدا…). */
export const CONTINUATIONS = normSet(cuesData.continuations);
/** Verbs that report words only with "بالقول"/"بقوله" after their subject ("اكتفى المدرب بالقول"), normalized. */
export const SAYING_BY_VERBS = normSet(cuesData.sayingByVerbs);
export const REPLY_VERBS = normSet(cuesData.replyVerbs);
export const REPLIED_TO = normSet(cuesData.repliedTo);
export const COMMENTING_WORDS = normSet(cuesData.commentingWords);
export const BY_SAYING = normSet(cuesData.bySaying);
export const ACCORDING_TO = normSet(cuesData.accordingTo);
export const GOES_ON_VERBS = normSet(cuesData.goesOnVerbs);
/** Attribution cues before a source (بحسب، وفق…). */
export const ATTRIBUTION = normSet(cuesData.attribution);
/** Heads of unnamed-source descriptions, with their kind (speaker, official, source, witness…). */
export const SRC_HEADS = new Map(Object.entries(cuesData.srcHeads).map(([k, v]) => [normalize(k), v]));
/** Words that may follow an unnamed-source head inside its description. */
export const SRC_MODIFIERS = normSet(cuesData.srcModifiers);
/** Organization head nouns (trigger list plus extra heads such as الحشد، المقاومة). */
export const ORG_HEADS = new Set([...TRIGGERS.org, ...normSet(cuesData.orgHeadsExtra)]);
/** Organization heads that are one body's own name ("الكونغرس", "البنتاغون"): a mention alone, normalized. */
export const SELF_NAMING_HEADS = normSet(cuesData.selfNamingHeads);
/** Definite adjectives other than nisbas that institutions carry in their names ("المستقلة", "المشترك"), normalized. */
export const ORG_ADJECTIVES = normSet(cuesData.orgAdjectives);
/** The press a statement is made to ("للصحفيين", "للإذاعة"): no complement of a body's name, normalized. */
export const PRESS_ADDRESSEES = normSet(cuesData.pressAddressees);
export const MEDIA_HEADS = normSet(cuesData.mediaHeads);
export const ROLE_END_ADVERBS = normSet(cuesData.roleEndAdverbs);
/** One-word places that are also common adjectives ("مالي"). */
export const ADJECTIVE_PLACES = normSet(cuesData.adjectivePlaces);
/** Nouns before the quoted title of a work ("برنامج", "فيلم", "رواية"), normalized. */
export const WORK_NOUNS = normSet(cuesData.workNouns);
/** Words before a name that say what the person is besides titles ("الإعلامية", "المنشطة"), normalized. */
export const PERSON_DESCRIPTIONS = normSet(cuesData.personDescriptions);
/** Words that open a sports club's name before its city ("دينامو كييف", "ريال مدريد"), normalized. */
export const CLUB_HEADS = normSet(cuesData.clubHeads);
/** Words that end a web outlet's name after its parent's ("الجزيرة نت"), normalized. */
export const OUTLET_SUFFIXES = normSet(cuesData.outletSuffixes);
/** Cue nouns before a place name that are not part of it ("قطاع" غزة، "مدينة" الموصل), normalized. */
export const PLACE_CUE_HEADS = normSet(cuesData.placeCueHeads);
/** Cue nouns before an organization's name that are not part of it ("حركة" حماس، "صحيفة" هآرتس), normalized. */
export const ORG_CUE_HEADS = normSet(cuesData.orgCueHeads);
/** Kinship nouns that stand between two people's names ("هشام شقيق سلمان"), normalized. */
export const KINSHIP_WORDS = normSet(cuesData.kinshipWords);
/** Prepositions, which no person's name contains, normalized. */
export const NAME_PREPOSITIONS = normSet(cuesData.namePrepositions);
/** Cue nouns kept in an organization's mention ("تنظيم القاعدة") whose remainder still names it in the who list, normalized. */
export const ORG_ALIAS_HEADS = new Set([...ORG_CUE_HEADS, ...normSet(cuesData.orgAliasHeads)]);
/** Second parts of compound given names ("نور الدين", "عبد الرحمن"): never a surname alone, normalized. */
export const COMPOUND_NAME_ENDS = normSet(cuesData.compoundNameEnds);
/** Second particles of European names ("فون دير لاين", "فان دير ستيور"), normalized. */
export const INNER_NAME_PARTICLES = normSet(cuesData.innerNameParticles);
/** Family names of two words whose first is a title or common word ("قائد السبسي"), as normalized words. */
export const COMPOUND_FAMILY_NAMES: readonly string[][] = cuesData.compoundFamilyNames.map((n) => normalize(n).split(' '));
/** Verbal nouns that govern a person's name ("سراح", "اغتيال"): no part of it, normalized. */
export const NOUNS_BEFORE_NAMES = normSet(cuesData.nounsBeforeNames);
/** Labels writers add after an organization's name ("داعش الإرهابي"), normalized. */
export const ORG_EPITHETS = normSet(cuesData.orgEpithets);
/** Heads that name one body in construct with a definite noun ("وزارة الداخلية"), normalized. */
export const NAMING_CONSTRUCT_HEADS = normSet(cuesData.namingConstructHeads);
/** Facility nouns before a person's name that make the name the facility's ("مستشفى الملك سعود"), normalized, with the facility's type. */
export const FACILITY_HEADS = new Map<string, 'LOC' | 'ORG'>([
  ...[...normSet(cuesData.facilityHeads.loc)].map((w): [string, 'LOC'] => [w, 'LOC']),
  ...[...normSet(cuesData.facilityHeads.org)].map((w): [string, 'ORG'] => [w, 'ORG']),
]);
/** Royal and papal titles after which an ordinal finishes the name ("الملك عبد الله الثاني"), normalized. */
export const REGNAL_TITLES = normSet(cuesData.regnalNumbers.titles);
/** Regnal ordinals, one or two words ("الثاني", "السادس عشر"), as normalized word lists. */
export const REGNAL_ORDINALS = cuesData.regnalNumbers.ordinals.map((o) => normalize(o).split(' '));
/** Direction words before a place name that are not part of it ("شمال" أفريقيا، "جنوب" لبنان), normalized. */
export const PLACE_DIRECTIONS = normSet(cuesData.placeDirections);
/** Epithets after a place name that are not part of it (مكة "المكرمة"), normalized. */
export const PLACE_EPITHETS = normSet(cuesData.placeEpithets);
/** Words that open a two-word place name and alone name no place ("سان" of "سان بطرسبورغ", "قصر" of "قصر هلال"). */
export const PLACE_NAME_OPENERS = normSet(cuesData.placeNameOpeners);
/** Particles whose noun is in the accusative (إن، أن، لكن …), normalized. */
export const ACCUSATIVE_PARTICLES = normSet(cuesData.accusativeParticles);
/** Nouns of a kind of product or a make (طائرة، سجائر، صنف …), normalized. */
export const PRODUCT_NOUNS = normSet(cuesData.productNouns);
/** Arabic function words (stopwords-iso, MIT), normalized. */
export const STOPWORDS = normSet((stopwordsIso as Record<string, string[]>).ar ?? []);
/** Words never an entity on their own: function words, months, weekdays, formulas. */
export const JUNK = new Set([...STOPWORDS, ...normSet(junkData.words)]);

/** Gazetteer phrases indexed by their first word, each word read through `fold`. */
function phrasesByFirst(fold: (w: string) => string): Map<string, { tokens: string[]; kind: GazKind }[]> {
  const byFirst = new Map<string, { tokens: string[]; kind: GazKind }[]>();
  for (const p of GAZ_PHRASES) {
    const tokens = p.tokens.map(fold);
    const list = byFirst.get(tokens[0]!) ?? [];
    list.push({ tokens, kind: p.kind });
    byFirst.set(tokens[0]!, list);
  }
  return byFirst;
}

/** Multi-word gazetteer entries indexed by their first word. */
export const GAZ_PHRASES_BY_FIRST = phrasesByFirst((w) => w);

/**
 * A word with its hard g written one way: foreign names write g as غ or, in Egyptian and Gulf
 * spelling, as ج ("هونغ كونغ" / "هونج كونج", "بيونغ يانغ" / "بيونج يانج").
 */
export function foldHardG(word: string): string {
  return word.replace(/ج/g, 'غ');
}

/** Multi-word gazetteer entries with their words through {@link foldHardG}, indexed by their first word (rules only, no tagger feature). */
export const GAZ_PHRASES_BY_FOLDED_FIRST = phrasesByFirst(foldHardG);

/** Whether a normalized single word is a place in the gazetteer. */
export function isGazPlace(norm: string): boolean {
  const kind = GAZ_WORDS.get(norm);
  return kind !== undefined && kind !== 'org';
}
