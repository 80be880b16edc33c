/**
 * Where an article is set: its headline's dateline ("سوسة : …") and the places its analysis names.
 * Routine news from two towns reads alike ("حجز أقراص مخدرة" in سوسة and in الكاف) yet is two
 * stories, so two articles that each name places, none of which the other even mentions, need more
 * similarity to join; more still when both headlines open with different datelines.
 */
import type { AnalysisOutline } from '../store/stored-analysis.ts';
import { wordsOf } from '../core/text/tokens.ts';
import headline from '../core/lexicon/stories/headline.json' with { type: 'json' };
import { townNamed, townsIn } from './towns.ts';
import world from '../core/lexicon/who/gazetteer.json' with { type: 'json' };

const normalWords = (list: string[]): ReadonlySet<string> => new Set(list.map((w) => wordsOf(w).join(' ')));
/** Headline openers that are labels, times or prepositions, not places ("فيديو", "غدا", "بعد"). */
const LABELS = normalWords(headline.labels);
/** First words of two-word place names ("سيدي بوزيد", "عين دراهم"). */
const TOPONYM_HEADS = normalWords(headline.toponymHeads);

/** Prefix that marks a place taken from a headline's dateline. */
export const DATELINE = 'dl:';

/**
 * A title's dateline: the one or two words before a colon that opens many Arabic headlines
 * (normalized), after a label that may open it first ("عاجل : سوسة : …", "متابعة: المنستير : …").
 */
export function datelineOf(title: string): string | undefined {
  let rest = title;
  for (;;) {
    const m = /^\s*([^:：]{2,30}?)\s*[:：]\s*(\S[^]*)$/.exec(rest);
    if (!m) return undefined;
    const words = wordsOf(m[1]!);
    if (words.length === 1 && LABELS.has(words[0]!)) {
      rest = m[2]!;
      continue;
    }
    return words.length >= 1 && words.length <= 2 ? words.join(' ') : undefined;
  }
}

/**
 * Whether a headline's colon prefix is somebody speaking ("حمة الهمامي : …", "البحيري : …",
 * "النهضة : …"): a name of a person or organization of the analysis, or its last words (a surname,
 * "حركة النهضة" written "النهضة").
 */
export function isSpeaker(prefix: string, analysis?: AnalysisOutline): boolean {
  for (const e of analysis?.who ?? []) {
    if (e.type !== 'PER' && e.type !== 'ORG') continue;
    for (const name of [e.name, ...e.aliases]) {
      const n = ` ${wordsOf(name).join(' ')}`;
      if (n.endsWith(` ${prefix}`)) return true;
    }
  }
  return false;
}

/** The normalized names and aliases of the places of an analysis. */
function locationsOf(analysis?: AnalysisOutline): Set<string> {
  const out = new Set<string>();
  for (const e of analysis?.who ?? []) {
    if (e.type !== 'LOC') continue;
    for (const name of [e.name, ...e.aliases]) {
      const n = wordsOf(name).join(' ');
      if (n) out.add(n);
    }
  }
  return out;
}

/**
 * The place a headline's dateline names: the dateline when the analysis knows it as a place or it is
 * one unknown word (a town the tagger missed: "الكاف"); the place inside a two-word opener
 * ("هجوم لندن" → "لندن", "سجن المهدية" → "المهدية"); a two-word place name ("سيدي بوزيد"); nothing
 * for a speaker, a label ("فيديو", "غدا") or a topic ("الانتخابات الفرنسية").
 */
export function datelinePlace(dateline: string, locations: ReadonlySet<string>, analysis?: AnalysisOutline): string | undefined {
  if (locations.has(dateline)) return dateline;
  const words = dateline.split(' ');
  if (words.some((w) => LABELS.has(w)) || isSpeaker(dateline, analysis)) return undefined;
  if (words.length === 1) return dateline;
  const inside = words.find((w) => locations.has(w));
  if (inside) return inside;
  return TOPONYM_HEADS.has(words[0]!) ? dateline : undefined;
}

/**
 * Places an article is set in: its title's dateline's place (prefixed "dl:"), the places its analysis
 * names, and the gazetteer's towns its title and lead (`words`, normalized) name (all normalized).
 */
export function placesOf(title: string, analysis?: AnalysisOutline, words: readonly string[] = []): Set<string> {
  const locations = locationsOf(analysis);
  for (const t of townsIn(words)) locations.add(t.name);
  const dateline = datelineOf(title);
  const place = dateline === undefined ? undefined : datelinePlace(dateline, locations, analysis);
  return new Set(place === undefined ? locations : [`${DATELINE}${place}`, ...locations]);
}

/** The towns below a governorate among places ("بوفيشة", "القلعة الكبرى"; not "سوسة", which is a governorate too). */
export function localTowns(places: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const p of places) {
    const town = townNamed(bare(p));
    if (town && !town.isDivision) out.add(town.name);
  }
  return out;
}

/** Countries, and the world's capitals and major cities that are not towns of the local gazetteer ("قفصة" is), normalized. */
const WORLD: ReadonlySet<string> = new Set([...normalWords(world.country), ...[...normalWords(world.capital)].filter((c) => townNamed(c) === undefined)]);

const bare = (p: string): string => (p.startsWith(DATELINE) ? p.slice(DATELINE.length) : p);

/** What the conflict rules look at for one article. */
export interface Setting {
  places: ReadonlySet<string>;
  /** Its places that are towns below a governorate (localTowns). */
  towns: ReadonlySet<string>;
  /** Its places that its headline names (its dateline, a place written in the title). */
  headline: ReadonlySet<string>;
  /** Normalized words of the title and lead, space-joined with spaces around (" w1 w2 … "). */
  lead: string;
}

const CLITICS = ['', 'ب', 'ل', 'ك', 'و', 'ف', 'ال', 'وب', 'ول', 'وال', 'بال', 'لل'];

/** Whether a lead mentions a place, also with a clitic stuck to its front ("بسوسة") or as its people ("الجزائريين"). */
export function mentions(lead: string, place: string): boolean {
  if (lead.includes(`${place} `) && CLITICS.some((c) => lead.includes(` ${c}${place} `))) return true;
  const nisba = nisbaPattern(place);
  return nisba !== undefined && lead.includes(nisba.base) && nisba.re.test(lead);
}

/** Endings of the adjective of a place and of its people ("الجزائري", "الجزائرية", "الجزائريين"). */
const NISBA = '(?:ي|ية|يين|يون|يان)';
const nisbaPatterns = new Map<string, { base: string; re: RegExp } | undefined>();

/**
 * The nisba of a one-word place, with clitics and article ("فرنسا" → "الفرنسيون", "السعودية" →
 * "سعودي"); undefined for a longer place or a stem under three letters.
 */
function nisbaPattern(place: string): { base: string; re: RegExp } | undefined {
  if (nisbaPatterns.has(place)) return nisbaPatterns.get(place);
  const base = place.replace(/^ال/, '').replace(/(?:ية|يا|ا|ة)$/, '');
  const nisba = place.includes(' ') || base.length < 3 ? undefined : { base, re: new RegExp(` [وفبلك]{0,2}(?:ال|لل)?${base}${NISBA} `) };
  nisbaPatterns.set(place, nisba);
  return nisba;
}

/** The places among `places` that a headline is set in: its dateline, a place after في or with ب ("حادث مرور في قفصة", "بسوسة"); `title` is normalized words space-joined with spaces around. */
export function headlinePlaces(places: ReadonlySet<string>, title: string): Set<string> {
  return new Set([...places].filter((p) => p.startsWith(DATELINE) || title.includes(` في ${p} `) || title.includes(` ب${p} `)));
}

/**
 * Whether two articles are set apart: both name places and neither mentions any place of the
 * other; or one names none (the tagger missed a town: "حادث مرور قاتل في قفصة" against an
 * accident at "البلفدير") while the other's headline names a place its lead never mentions.
 */
export function placesConflict(a: Setting, b: Setting): boolean {
  if (townsApart(a, b)) return true;
  if (a.places.size === 0 || b.places.size === 0) return unmentionedHeadline(a, b) || unmentionedHeadline(b, a);
  for (const p of a.places) if (mentions(b.lead, bare(p))) return false;
  for (const p of b.places) if (mentions(a.lead, bare(p))) return false;
  return true;
}

/** Whether two articles name one place: a place of one that the other's title or lead mentions. */
export function sharePlace(a: Setting, b: Setting): boolean {
  for (const p of a.places) if (mentions(b.lead, bare(p))) return true;
  for (const p of b.places) if (mentions(a.lead, bare(p))) return true;
  return false;
}

/**
 * Whether both are set in towns below a governorate and neither mentions a town of the other: two
 * towns of one governorate ("بوفيشة من ولاية سوسة", "القلعة الكبرى من ولاية سوسة") share their
 * governorate's name, yet are two places.
 */
function townsApart(a: Setting, b: Setting): boolean {
  if (a.towns.size === 0 || b.towns.size === 0) return false;
  for (const t of a.towns) if (b.towns.has(t) || mentions(b.lead, t)) return false;
  for (const t of b.towns) if (mentions(a.lead, t)) return false;
  return true;
}

/**
 * Whether `a`'s headline names a local place (a town, not only a country or a world capital) and `b`,
 * naming none, mentions none of `a`'s places. A headline's country or capital says where an angle of a
 * world event is told ("نتائج الجولة الأولى في تونس", "مظاهرات في باريس" after a French vote), not that
 * an article naming no place is elsewhere.
 */
function unmentionedHeadline(a: Setting, b: Setting): boolean {
  if (a.headline.size === 0 || b.places.size > 0) return false;
  if ([...a.headline].every((p) => WORLD.has(bare(p)))) return false;
  for (const p of a.places) if (mentions(b.lead, bare(p))) return false;
  return true;
}

/**
 * Whether two headlines open with datelines that are two local places apart: both gazetteer towns or
 * governorates, neither the other nor in the other's governorate ("أريانة : …" against "سوسة : …").
 * The dateline is where the news is set; a passing mention of the other's town in the body ("a man
 * wanted in Ariana" in a Sousse arrest) does not bring the two together.
 */
export function localDatelinesApart(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const x = datelineIn(a);
  const y = datelineIn(b);
  if (x === undefined || y === undefined || x === y) return false;
  const tx = townNamed(x);
  const ty = townNamed(y);
  return tx !== undefined && ty !== undefined && tx.division !== ty.division;
}

/** The place of an article's dateline (normalized, without its prefix), if it has one. */
function datelineIn(places: ReadonlySet<string>): string | undefined {
  for (const p of places) if (p.startsWith(DATELINE)) return bare(p);
  return undefined;
}

/** Whether a place (of placesOf) is a town or governorate of the local gazetteer, where routine news of one genre is many happenings. */
export function isLocal(place: string): boolean {
  return townNamed(bare(place)) !== undefined;
}

/** Whether two headlines open with different datelines. */
export function datelinesDiffer(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  let x: string | undefined;
  let y: string | undefined;
  for (const p of a) if (p.startsWith(DATELINE)) x = p;
  for (const p of b) if (p.startsWith(DATELINE)) y = p;
  return x !== undefined && y !== undefined && x !== y;
}
