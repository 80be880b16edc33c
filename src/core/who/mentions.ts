/**
 * Mentions from the tagger, cleaned by rules: each tagger span goes through SPAN_STEPS (junk off
 * the edges, titles and verbs off names, place cues, splits), then the article's spans through
 * LIST_STEPS (facilities, particles, noun forms, gazetteer places and phrases, organization names
 * built from a head noun and its adjectives, quoted names, propagation). Each step is a small named
 * rule with a table test, and can be left out by name.
 */
import type { EntityType } from '../types.ts';
import { isPunct, wordFact, type Doc, type DocToken, type TokenMention } from './doc.ts';
import { shippedTagger, type Tagger } from './tagger.ts';
import { spansFromTags } from './bio.ts';
import { NOUNS_BEFORE_NAMES, COMPOUND_NAME_ENDS, COMPOUND_FAMILY_NAMES, FACILITY_HEADS, OUTLET_SUFFIXES, REGNAL_ORDINALS, REGNAL_TITLES, KINSHIP_WORDS, NAME_PREPOSITIONS, ORG_CUE_HEADS, PLACE_CUE_HEADS, PLACE_DIRECTIONS, PLACE_EPITHETS, PLACE_NAME_OPENERS, ACCUSATIVE_PARTICLES, PRODUCT_NOUNS, CLUB_HEADS, FIRST_NAMES, GAZ_PHRASES_BY_FIRST, GAZ_PHRASES_BY_FOLDED_FIRST, foldHardG, JUNK, STOPWORDS, SRC_MODIFIERS, TRIGGERS, isGazPlace, ORG_HEADS, SPEECH_VERBS, isSpeechVerb, SRC_HEADS, ORG_ADJECTIVES, PRESS_ADDRESSEES, WORK_NOUNS, ADJECTIVE_PLACES, SELF_NAMING_HEADS, INNER_NAME_PARTICLES, normSet } from './lexicon.ts';
import { isTitle, isTitleWord, opensRoleBody } from './roles.ts';
import { dictionaryClass, isAccusativeOfWord, isAccusativeWord } from './dictionary.ts';

const TYPE_MAP: Record<string, EntityType | undefined> = { PERS: 'PER', LOC: 'LOC', ORG: 'ORG' };
const QUOTES = normSet(['"', '«', '»', '“', '”']);

/** Whether a token is junk as a one-word entity. */
export function isJunkWord(t: { norm: string; bare: string; stem: string }): boolean {
  if (t.stem.length < 2 || /^[0-9]+$/.test(t.norm)) return true;
  if (JUNK.has(t.norm) || JUNK.has(t.bare) || isSpeechVerb(t.norm)) return true;
  // A function word behind a conjunction ("وأين", "فهذا").
  return /^[وف]/.test(t.norm) && t.norm.length > 2 && STOPWORDS.has(t.norm.slice(1));
}

/** A definite adjective of the nisba kind ("الأميركية", "الدولي", "الشعبي", "المركزية"). */
export function isDefiniteAdjective(t: { norm: string; bare: string; stem: string }): boolean {
  // An adjective agrees with its head and carries no conjunction ("المنتخب والمنتهية ولايته").
  if (!t.norm.startsWith('ال') || t.stem.length < 3) return false;
  return /(ي|ية|يين|يون)$/.test(t.stem) || t.stem === 'متحدة' || t.stem === 'عليا' || t.stem === 'خضراء' || ORG_ADJECTIVES.has(t.norm);
}

/**
 * End of the complement that tells which body a head and its adjectives name: one "لل…" noun and
 * its definite adjectives ("المعهد الوطني" + "للإحصاء", "الهيئة العليا المستقلة" + "للاتصال
 * السمعي البصري"), or ل + a noun in construct with a definite one ("لمراقبة الانتخابات"). `e`
 * when there is none, or when the complement is another body ("المكتب الجهوي للاتحاد …").
 */
export function complementEnd(doc: Doc, e: number): number {
  const toks = doc.tokens;
  const t = toks[e];
  const sent = toks[e - 1]?.sentence;
  if (!t || t.sentence !== sent) return e;
  let end = e;
  // Another body ("المكتب الجهوي" + "للاتحاد الوطني الحر") is a name of its own, not a complement;
  // the press spoken to ("للصحفيين") is none either.
  if (t.forms.some((f) => ORG_HEADS.has(f) || ORG_HEADS.has(f.replace(/^ل/, ''))) || PRESS_ADDRESSEES.has(t.norm)) return e;
  if (t.norm.startsWith('لل') && t.norm.length > 4 && !JUNK.has(t.bare)) end = e + 1;
  else {
    const n = toks[e + 1];
    const construct = /^ل[^ل]/.test(t.norm) && t.norm.length > 4 && !JUNK.has(t.norm) && !STOPWORDS.has(t.norm.slice(1)) && n?.sentence === sent && n.norm.startsWith('ال') && !JUNK.has(n.norm) && n.stem.length >= 3;
    if (!construct) return e;
    end = e + 2;
  }
  while (end < toks.length && end - e < 4 && toks[end]!.sentence === sent && isDefiniteAdjective(toks[end]!)) end++;
  return end;
}

/**
 * A future-tense verb ("ستبعد", "وسيغيب", "فسنعمل"): س, a person prefix and a three-to-five-letter
 * stem. Given names of that shape ("ستيفن", "سيمون") are in the names list; stems ending as names
 * often do (ا، ى، ي، ة: "سيلفا", "ستيفاني") are left alone.
 */
export function isFutureVerb(t: { norm: string }): boolean {
  const w0 = /^[وف]/.test(t.norm) ? t.norm.slice(1) : t.norm;
  // The plural ending off ("سيجتمعون", "سيلتقون"): names rarely end so. (The dual "ان" is left:
  // "سيباستيان" ends like "سيلتقيان".)
  const plural = w0.length > 6 && w0.endsWith('ون');
  const w = plural ? w0.slice(0, -2) : w0;
  // A stem opening with a long vowel is a foreign name far more often ("ستيوارت", "ستوارت"), and so
  // is a short one opening with ست ("سيستو"); "سيستقبل" is longer.
  if (!/^س[يتن][^اوي].{2,4}$/.test(w) || (w.startsWith('سيست') && w.length < 7)) return false;
  return (plural || !/[اىية]$/.test(w)) && !FIRST_NAMES.has(w) && !FIRST_NAMES.has(t.norm);
}

/**
 * و/ف + a short third-person imperfect verb ("وينتمي", "ويقول"): no name opens so, unless the rest is
 * a given name ("ويحيى"). Transliterated names open with a long vowel ("ويوهان", "ويانوكوفيتش") or
 * are longer, and ت-forms are left alone ("وترامب").
 */
export function isConjoinedImperfect(t: { norm: string }): boolean {
  // A form-X verb ("واستقالت", "استقبل") never opens a name.
  if (/^[وف]?است.{2,}$/.test(t.norm)) return true;
  if (!/^[وف]ي[^اوي].{2,4}$/.test(t.norm)) return false;
  const rest = t.norm.slice(1);
  return !FIRST_NAMES.has(rest) && !FIRST_NAMES.has(t.norm);
}

/** A definite nisba adjective of a place the gazetteer knows ("السوداني", "الكولومبي", "الأميركية"). */
export function isDemonym(t: { bare: string; stem: string }): boolean {
  return t.bare.startsWith('ال') && isPlaceNisba(t.stem);
}

/** Whether a stem (no article) is the nisba of a place the gazetteer knows ("سعودي", "فرنسية", "سودانيون"). */
export function isPlaceNisba(stem: string): boolean {
  const m = /^(.{3,})(?:ي|ية|يون|يين)$/.exec(stem);
  if (!m) return false;
  const b = m[1]!;
  return [b, 'ال' + b, b + 'ا', b + 'يا', 'ال' + b + 'ية', b + 'ستان'].some((p) => isGazPlace(p));
}

/**
 * A demonym right after a title or a title and its complement ("الرئيس السوداني",
 * "وزير الدفاع السوداني"): part of the role, not a person's name.
 */
export function isRoleNisba(doc: Doc, i: number): boolean {
  const t = doc.tokens[i]!;
  // Only a demonym: family names of the same shape follow titles too ("الرئيس الباجي قائد السبسي").
  if (!isDemonym(t)) return false;
  const p1 = doc.tokens[i - 1];
  const p2 = doc.tokens[i - 2];
  if (!p1 || p1.sentence !== t.sentence) return false;
  if (isTitle(p1)) return true;
  return !!p2 && p2.sentence === t.sentence && p1.bare.startsWith('ال') && !isPunct(p1) && isTitle(p2);
}

/**
 * Words of the article that are inflected common nouns, not names: an accusative ending in
 * tanween alef whose bare noun the article also uses ("برنامجا" beside "برنامج"), or a construct
 * plural in ـو whose other plural forms it uses ("موقعو" beside "موقعي"). Given names and words
 * the tagger puts before another name word elsewhere in the article are never counted.
 */
export function nounForms(doc: Doc, tagged: readonly TokenMention[]): (t: { norm: string; stem: string }) => boolean {
  // Built on first need: most articles have no candidate at all.
  let stems: Set<string> | undefined;
  const has = (w: string): boolean => (stems ??= new Set(doc.tokens.map((t) => t.stem))).has(w);
  const inNames = new Set<string>();
  // Only inside a name, not at its end: the tagger often runs a name on into the next noun
  // ("مها أحمد برنامجا"), and a real surname's bare noun form is no word of the article ("أوباما").
  for (const m of tagged) if (m.type === 'PER') for (let i = m.s; i < m.e - 1; i++) inNames.add(doc.tokens[i]!.stem);
  return (t) => {
    if (!/[او]$/.test(t.stem) || t.stem.length < 5) return false;
    if (FIRST_NAMES.has(t.norm) || FIRST_NAMES.has(t.stem) || inNames.has(t.stem)) return false;
    const base = t.stem.slice(0, -1);
    if (t.stem.endsWith('ا')) return has(base);
    if (t.stem.endsWith('و')) return has(base + 'ي') || has(base + 'ين') || has(base + 'ون');
    return false;
  };
}

/** The singular forms a dual noun may come from ("حالتان" → حالة، "ديناران" → دينار), none for other words. */
export function dualBase(stem: string): string[] {
  if (stem.length < 5) return [];
  if (/ت(ان|ين)$/.test(stem)) return [stem.slice(0, -3) + 'ة'];
  return /ان$/.test(stem) ? [stem.slice(0, -2)] : [];
}

/**
 * Whether the article writes final ى as ي (Egyptian print: "علي" for على, "إلي" for إلى): it uses
 * "إلي" and never على or إلى. There a lone "علي" is the preposition, not the name.
 */
export function writesYaForAlifMaqsura(doc: Doc): boolean {
  let ya = false;
  for (const t of doc.tokens) {
    if (t.bare === 'على' || t.bare === 'الى') return false;
    if (t.bare === 'الي') ya = true;
  }
  return ya;
}

/** Tagger mentions of every sentence. */
function taggedMentions(doc: Doc, tagger: Tagger): TokenMention[] {
  const out: TokenMention[] = [];
  for (const { s, e } of doc.sentences) {
    if (e <= s) continue;
    const tags = tagger.tagForms(doc.tokens.slice(s, e).map((t) => t.form));
    for (const span of spansFromTags(tags)) {
      const type = TYPE_MAP[span.type];
      if (type) out.push({ type, s: s + span.start, e: s + span.end });
    }
  }
  return out;
}

/**
 * End of a person span that stops on a particle ("محمد بن راشد آل" + "مكتوم"): the next word
 * completes the name; a European name's second particle takes one more ("أورسولا فون" + "دير" +
 * "لاين", "فان دير" + "ستيور").
 */
export function completedNameEnd(doc: Doc, m: TokenMention): number {
  const e = takesNextWord(doc, m.s, m.e) ? m.e + 1 : m.e;
  const innerEnd = e - m.s >= 2 && INNER_NAME_PARTICLES.has(doc.tokens[e - 1]!.norm) && PARTICLES.has(doc.tokens[e - 2]!.norm);
  return innerEnd && takesNextWord(doc, m.s, e, true) ? e + 1 : e;
}

/** Whether the word after a span ending at e, in its sentence and no junk, completes a name that stops on a particle (or, with inner, on any word). */
function takesNextWord(doc: Doc, s: number, e: number, inner = false): boolean {
  const next = doc.tokens[e];
  return (inner || PARTICLES.has(doc.tokens[e - 1]!.norm)) && next !== undefined && next.sentence === doc.tokens[s]!.sentence && !isPunct(next) && !isJunkWord(next);
}

/**
 * End of a person span after a royal title ("الملك", "العاهل الأردني الملك", "البابا") that the
 * ordinal after it finishes ("عبد الله" + "الثاني"); the span's own end otherwise.
 */
export function regnalEnd(doc: Doc, m: TokenMention): number {
  const toks = doc.tokens;
  const sent = toks[m.s]!.sentence;
  const titled = [1, 2, 3].some((k) => {
    const t = toks[m.s - k];
    return t !== undefined && t.sentence === sent && REGNAL_TITLES.has(t.bare);
  });
  if (!titled) return m.e;
  let best = m.e;
  // The span may stop before the ordinal or inside it ("بنديكت السادس" + "عشر").
  for (const from of [m.e - 1, m.e]) {
    if (from <= m.s) continue;
    for (const words of REGNAL_ORDINALS) {
      const end = from + words.length;
      if (end > best && words.every((w, k) => toks[from + k]?.sentence === sent && toks[from + k]!.norm === w)) best = end;
    }
  }
  return best;
}

/** Whether tokens [s, e) are a country of the gazetteer written in several words ("جنوب أفريقيا"), a clitic on the first allowed. */
export function isCountryPhrase(doc: Doc, s: number, e: number): boolean {
  const rest = doc.tokens.slice(s + 1, e).map((t) => t.norm);
  return doc.tokens[s]!.forms.some((f) => (GAZ_PHRASES_BY_FIRST.get(f) ?? []).some((p) => p.kind === 'country' && p.tokens.length === e - s && p.tokens.slice(1).every((w, k) => w === rest[k])));
}

/**
 * The proper name inside a longer mention, as ANERcorp tags it: a place without a cue noun or a
 * direction before it ("قطاع غزة" → "غزة", "ومحافظة نينوى" → "نينوى", "شمال أفريقيا" → "أفريقيا") or an epithet after it ("مكة المكرمة" → "مكة");
 * an organization without a cue noun before it ("حركة حماس" → "حماس", "صحيفة يديعوت أحرونوت"). The
 * who list keeps the longer form as the name.
 */
export function properNameSpan(doc: Doc, m: TokenMention): TokenMention {
  if (m.e - m.s < 2 || (m.type !== 'LOC' && m.type !== 'ORG')) return m;
  const heads = m.type === 'LOC' ? PLACE_CUE_HEADS : ORG_CUE_HEADS;
  let { s, e } = m;
  if (m.nameEnd !== undefined && m.nameEnd > s + 1) e = m.nameEnd;
  if (doc.tokens[s]!.forms.some((f) => heads.has(f))) s++;
  // Direction words too ("شمال أفريقيا" → "أفريقيا", "جنوب شرق آسيا" → "آسيا"), unless they name a
  // country ("جنوب أفريقيا", "جنوب السودان").
  // "شرق أوسط" (the Middle East, "الشرق الأوسط" without the article) is one name, أوسط no place.
  const middle = doc.tokens[s + 1]?.bare === 'اوسط';
  if (m.type === 'LOC' && !middle && !isCountryPhrase(doc, s, e)) while (e - s >= 2 && doc.tokens[s]!.forms.some((f) => PLACE_DIRECTIONS.has(f))) s++;
  if (m.type === 'LOC' && e - s >= 2 && PLACE_EPITHETS.has(doc.tokens[e - 1]!.norm)) e--;
  return s === m.s && e === m.e ? m : { ...m, s, e };
}

/** Particles that open an Arabic name ("عبد الله", "أبو بكر", "بن علي"). */
const ARABIC_NAME_PARTICLES = ['عبد', 'أبو', 'ابو', 'بن', 'ابن', 'آل', 'أم', 'بنت'];
// The same after و open a second name ("وبن عيسى", "وأبو بكر"); not آيت, which "وايت" (White) reads as.
const NAME_OPENERS = normSet(ARABIC_NAME_PARTICLES);

/**
 * Whether token i of a person span opens a second person joined by و ("شافيز" + "وصبري", "محمود" +
 * "وعمرو الصفتي", "الحسن" + "والحسين"): و before a known given name or a name particle, before a
 * hamza (Arabic names write it, transliterated ones a bare alef: "وإيمرسون"), or before the
 * article. Names that open with و themselves ("وليد", "وائل", "وانغ", "سعد بن أبي وقاص") are left whole.
 */
export function opensConjoinedName(doc: Doc, i: number): boolean {
  const t = doc.tokens[i]!;
  const prev = doc.tokens[i - 1];
  if (!prev || !t.norm.startsWith('و') || t.norm.length < 3 || PARTICLES.has(prev.norm)) return false;
  if (FIRST_NAMES.has(t.norm) || PARTICLES.has(t.norm)) return false;
  const rest = t.norm.slice(1);
  if ((FIRST_NAMES.has(rest) && rest.length >= 3) || NAME_OPENERS.has(rest)) return true;
  return /^و[أإآ]/u.test(t.text) || (rest.startsWith('ال') && rest.length >= 6);
}

/**
 * A person span the tagger ran on past the name: it ends before a preposition ("سلمان عبر الهاتف",
 * "محمد للصحفيين"),
 * a kinship noun inside it stands between two people ("هشام شقيق سلمان عبيدي"), and so does و
 * before a second name ("شافيز وصبري": see opensConjoinedName).
 */
export function splitPerson(doc: Doc, m: TokenMention): TokenMention[] {
  const out: TokenMention[] = [];
  let s = m.s;
  for (let i = m.s; i < m.e; i++) {
    const t = doc.tokens[i]!;
    // "ل" glued to the article ("للصحفيين") governs its noun, which no name word is.
    // So does the press spoken to ("سهام مبروك" + "لمراسلة وكالة …").
    const prep = i > m.s && (NAME_PREPOSITIONS.has(t.norm) || PRESS_ADDRESSEES.has(t.norm) || (t.norm.startsWith('لل') && t.norm.length > 4));
    const kin = i > m.s && i < m.e - 1 && KINSHIP_WORDS.has(t.norm);
    const conjoined = i > s && opensConjoinedName(doc, i);
    if (!prep && !kin && !conjoined) continue;
    if (i > s) out.push({ ...m, s, e: i });
    if (prep) return out;
    s = conjoined ? i : i + 1;
  }
  if (m.e > s) out.push({ ...m, s, e: m.e });
  return out;
}

/**
 * Whether a title phrase ends right before token i ("وزيرة السياحة" سلمى، "الرئيس التنفيذي لشركة
 * أرامكو" أمين، "المتحدث باسم الحكومة الأردنية، " مهند): a title word or a spokesman's head within
 * seven words back, with no punctuation (but one comma right before i), function word or verb between.
 */
export function afterTitle(doc: Doc, i: number): boolean {
  const toks = doc.tokens;
  const sent = toks[i]?.sentence;
  let k = i - 1;
  if (toks[k]?.norm === '،' || toks[k]?.norm === ',') k--;
  for (; k >= 0 && i - k <= 7; k--) {
    const t = toks[k]!;
    if (t.sentence !== sent || isPunct(t) || isSpeechVerb(t.norm)) return false;
    if (isTitle(t) || SRC_HEADS.get(t.bare) === 'speaker') return true;
    if (JUNK.has(t.norm) && !t.bare.startsWith('ال') && t.norm !== 'باسم') return false;
  }
  return false;
}

/**
 * A given name that is also a title or function word ("أمين", "أمينة") opening a person's span
 * right after a title phrase ("الرئيس التنفيذي لشركة أرامكو أمين الناصر"): part of the name.
 */
export function isGivenNameAfterTitle(doc: Doc, i: number): boolean {
  const t = doc.tokens[i]!;
  return FIRST_NAMES.has(t.norm) && !t.bare.startsWith('ال') && afterTitle(doc, i);
}

/** Whether a word may open a titled person's name: a known given name of three letters or more that is no function word. */
const isTitledNameOpener = wordFact((w) => w.norm.length >= 3 && FIRST_NAMES.has(w.norm) && !JUNK.has(w.norm));

/**
 * People named after a title that the tagger missed: a known given name right after a title
 * phrase, its further given names or particles, and one more word as the family name ("وزيرة
 * السياحة سلمى اللومي", "المتحدث باسم الحكومة الأردنية مهند مبيضين"), or none when a definite
 * title follows as an apposition ("ملك شاهر المتحدث باسم المنظمة"). Only where no span is.
 */
export function titledGivenNames(doc: Doc, spans: readonly TokenMention[]): TokenMention[] {
  const toks = doc.tokens;
  const covered = new Set<number>();
  for (const m of spans) for (let i = m.s; i < m.e; i++) covered.add(i);
  const free = (i: number, sent: number): boolean => {
    const t = toks[i];
    return t !== undefined && t.sentence === sent && !covered.has(i) && !isPunct(t);
  };
  const out: TokenMention[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (covered.has(i) || !isTitledNameOpener(t) || !afterTitle(doc, i)) continue;
    const sent = t.sentence;
    let e = i + 1;
    while (e - i < 3 && free(e, sent) && (FIRST_NAMES.has(toks[e]!.norm) || PARTICLES.has(toks[e]!.norm))) e++;
    const last = toks[e];
    const surname =
      // No proclitic on it: "للصحفيين" after "اللاعب محمد" is whom he spoke to.
      free(e, sent) && last!.bare === last!.norm && !PRESS_ADDRESSEES.has(last!.norm) && !isJunkWord(last!) && !isTitle(last!) && !NAME_PREPOSITIONS.has(last!.norm) && !isGazPlace(last!.norm) && !isGazPlace(last!.bare) && !QUOTES.has(last!.norm);
    if (surname) out.push({ type: 'PER', s: i, e: e + 1 });
    // A family name spelt like a title ("وزيرة التضامن غادة والي قالت").
    else if (e - i === 1 && free(e, sent) && isTitleFamilyName(doc, { type: 'PER', s: i, e })) out.push({ type: 'PER', s: i, e: ++e });
    // The last given-name word is the family name when no other follows ("سهام مبروك" + "لمراسلة").
    else if (e - i >= 2 && !PARTICLES.has(toks[e - 1]!.norm)) out.push({ type: 'PER', s: i, e });
    // The given name alone, with an apposition after it: "وقال ملك شاهر المتحدث باسم المنظمة".
    else if (free(e, sent) && isTitle(last!) && last!.bare.startsWith('ال')) out.push({ type: 'PER', s: i, e });
    else continue;
    i = e;
  }
  return out;
}

/**
 * End of a person span followed by a word spelt like a preposition that has no object: the next
 * word is a preposition or punctuation, so it is the name's last part ("وانغ ون بين في إفادة",
 * "لي من، …"). The span's own end otherwise.
 */
export function prepositionLikeNameEnd(doc: Doc, m: TokenMention): number {
  const toks = doc.tokens;
  const w = toks[m.e];
  const after = toks[m.e + 1];
  if (!w || !after || w.sentence !== toks[m.s]!.sentence || w.norm.length > 3 || !(NAME_PREPOSITIONS.has(w.norm) || w.norm === 'بين')) return m.e;
  // Arabic names take no such word after them; transliterated ones end in short syllables.
  if (toks[m.e - 1]!.bare.startsWith('ال')) return m.e;
  const objectless = isPunct(after) || NAME_PREPOSITIONS.has(after.norm) || SPEECH_VERBS.has(after.norm);
  return objectless && after.sentence === w.sentence ? m.e + 1 : m.e;
}

/**
 * End of a person span that stops on a compound given name ("عبد المجيد" + "تبون", "نور الدين" +
 * "الطبوبي"): the family name after it completes the name, unless that word is a function word,
 * a title, a place, an organization head or a verb.
 */
export function afterCompoundGivenName(doc: Doc, m: TokenMention): number {
  const toks = doc.tokens;
  const last = toks[m.e - 1]!;
  const compound = (m.e - m.s === 2 && PARTICLES.has(toks[m.s]!.norm) && last.bare.startsWith('ال')) || (m.e - m.s <= 2 && COMPOUND_NAME_ENDS.has(last.norm));
  const next = toks[m.e];
  if (!compound || !next || next.sentence !== last.sentence || isPunct(next) || isJunkWord(next) || isTitle(next)) return m.e;
  if (NAME_PREPOSITIONS.has(next.norm) || isGazPlace(next.norm) || isGazPlace(next.bare) || next.forms.some((f) => ORG_HEADS.has(f))) return m.e;
  const verb = isFutureVerb(next) || isConjoinedImperfect(next) || /^ي[^ا]{2,3}$/.test(next.norm) || /^[وف]?[^ا]{3}(ت|وا)$/.test(next.norm);
  return verb || QUOTES.has(next.norm) ? m.e : m.e + 1;
}

/** An adverb or participle in the accusative ("هيكليا", "منتقدا", "تعزيرياً"), no place or given name of the lexicons: no name. */
export function isAccusativeName(t: { text: string; norm: string }): boolean {
  // A name takes no tanween ("سورياً" of "لاجئاً سورياً" is the adjective).
  return /ً/u.test(t.text) || (isAccusativeWord(t.text, t.norm) && !isGazPlace(t.norm) && !FIRST_NAMES.has(t.norm));
}

/** A token in the accusative: isAccusativeWord's adverbs, nisbas and participles, or an ordinary word in ا ("ذهابا"). */
function inAccusative(t: { text: string; norm: string }): boolean {
  return isAccusativeWord(t.text, t.norm) || isAccusativeOfWord(t.norm);
}

/**
 * Whether a span is ordinary words in the accusative standing as such, not a name: each a word of
 * the list in the accusative (no place or given name of the lexicons), the first with the
 * accusative alif added to a word ("شابا", "سفيرا", "ايابا"), and either two of them together
 * ("سفيرا شرفيا") or one in an accusative frame: right after a particle that governs the
 * accusative ("أن شابا") or next to another accusative word ("ذهابا و إيابا"). A name in ا
 * ("وقالت فيرا", "الأميرة ديانا") has no such frame.
 */
export function isAccusativePhrase(doc: Doc, m: TokenMention): boolean {
  const words = doc.tokens.slice(m.s, m.e);
  const first = words[0];
  if (!first || !isAccusativeOfWord(first.norm) || !words.every((t) => inAccusative(t) && !isGazPlace(t.norm) && !FIRST_NAMES.has(t.norm))) return false;
  if (words.length > 1) return true;
  const at = (k: number): DocToken | undefined => {
    const x = doc.tokens[k];
    return x && x.sentence === first.sentence && !isPunct(x) ? x : undefined;
  };
  const prev = at(m.s - 1);
  if (prev && ACCUSATIVE_PARTICLES.has(prev.norm)) return true;
  // "ذهابا و إيابا": a conjunction written apart is skipped.
  const before = prev?.norm === 'و' ? at(m.s - 2) : prev;
  return [before, at(m.e)].some((x) => x !== undefined && inAccusative(x));
}

/**
 * Whether token i goes from the edge of a longer name: only function words and verbs go, as months
 * and "الله" can be part of names ("تيريزا ماي", "حسن نصر الله"); name particles are stop words too,
 * but "بن علي" keeps its بن.
 */
function badAtEdge(doc: Doc, i: number): boolean {
  const t = doc.tokens[i]!;
  return isPunct(t) || (isEdgeJunk(t) && !PARTICLES.has(t.norm));
}

/** Whether token i, opening a mention that ends before e, goes: a person's name does not open with the noun governing it ("إطلاق سراح ناصر الزفزافي"). */
function leadsAway(doc: Doc, type: TokenMention['type'], i: number, e: number): boolean {
  return (
    (badAtEdge(doc, i) && !(type === 'PER' && i < e - 1 && isGivenNameAfterTitle(doc, i))) ||
    (type === 'PER' && i < e - 1 && (NOUNS_BEFORE_NAMES.has(doc.tokens[i]!.bare) || doc.tokens[i]!.norm === 'الله'))
  );
}

/** Trims junk and punctuation at mention edges; drops what is left empty. */
export function trimMention(doc: Doc, m: TokenMention): TokenMention | undefined {
  let { s, e } = m;
  while (s < e && leadsAway(doc, m.type, s, e)) s++;
  while (e > s && badAtEdge(doc, e - 1)) e--;
  if (e - s === 1) {
    const t = doc.tokens[s]!;
    // Alone, a junk word, a name particle, a bare title or head, or a demonym is no entity.
    // Some heads are a body's own name ("الكونغرس", "البنتاغون").
    const head = t.forms.some((f) => TRIGGERS.per.has(f) || (ORG_HEADS.has(f) && !SELF_NAMING_HEADS.has(f)));
    if (isJunkWord(t) || PARTICLES.has(t.norm) || head) return undefined;
    if (isAccusativeName(t)) return undefined;
    // A nationality adjective alone ("سعودي") names no organization or place.
    if (m.type !== 'PER' && isPlaceNisba(t.stem)) return undefined;
    if (m.type === 'PER' && (SRC_MODIFIERS.has(t.norm) || SRC_MODIFIERS.has(t.bare))) return undefined;
  }
  if (m.type === 'PER' && e > s && isAccusativePhrase(doc, { ...m, s, e })) return undefined;
  return e > s ? { ...m, s, e } : undefined;
}

// آيت/أيت: the Berber "sons of" of Maghreb family names ("خالد آيت الطالب").
const PARTICLES = normSet([...ARABIC_NAME_PARTICLES, 'ولد', 'ال', 'فان', 'فون', 'دي', 'دو', 'دا', 'لو', 'آيت', 'أيت']);

/** Whether a token may be trimmed off the edge of a longer mention (function words, speech verbs). */
function isEdgeJunk(t: { norm: string; bare: string; stem: string }): boolean {
  if (t.stem.length < 2) return true;
  return STOPWORDS.has(t.norm) || isSpeechVerb(t.norm);
}

// Heads too generic to make an organization name with an adjective ("القوات الأميركية").
// Hospitals are places where things happen, not actors ("المستشفى الجهوي").
const GENERIC_HEADS = normSet(['القوات', 'قوات', 'المنطقة', 'القاعدة', 'المدينة', 'الدولة', 'المستشفى', 'مستشفى']);

/**
 * An indefinite noun that may stand in a construct chain inside an organization's name ("نواب" in
 * "مجلس نواب الشعب", "كبار" in "هيئة كبار العلماء"): no article or proclitic, no function word,
 * given name, title, place, verb shape or number.
 */
export function constructNoun(doc: Doc, i: number): boolean {
  const t = doc.tokens[i];
  const head = doc.tokens[i - 1];
  if (!t || !head || t.sentence !== head.sentence || isPunct(t) || t.norm.startsWith('ال') || t.bare !== t.norm || t.norm.length < 3) return false;
  if (isJunkWord(t) || FIRST_NAMES.has(t.norm) || isTitle(t) || isGazPlace(t.norm) || t.forms.some((f) => ORG_HEADS.has(f))) return false;
  return !/^[يتل]/.test(t.norm) && !/^[وف]/.test(t.norm);
}

/** The first of a word's forms that is an organization head ("وزارة" of "بوزارة"), if any. */
const orgHeadOf = wordFact((w) => w.forms.find((f) => ORG_HEADS.has(f)));

/** Organization spans built from a head noun followed by definite adjectives. */
function headAdjectiveOrgs(doc: Doc): TokenMention[] {
  const out: TokenMention[] = [];
  const toks = doc.tokens;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const head = orgHeadOf(t);
    // "بقيادة السعودية" is "led by Saudi Arabia", no body called قيادة.
    if (!head || GENERIC_HEADS.has(head) || t.norm === 'بقيادة') continue;
    let e = i + 1;
    if (!head.startsWith('ال')) {
      // Construct state: "حزب البناء الوطني", "وزارة الخارجية الأميركية", "منظمة الصحة العالمية".
      // Through one indefinite noun in construct too: "مجلس نواب الشعب", "هيئة كبار العلماء".
      const k = constructNoun(doc, i + 1) ? i + 2 : i + 1;
      const n = toks[k];
      // "حكومة الحبيب الصيد" is a person's government, not a body named الحبيب.
      if (!n || n.sentence !== t.sentence || !n.norm.startsWith('ال') || n.stem.length < 3 || JUNK.has(n.norm) || FIRST_NAMES.has(n.norm) || isTitle(n)) continue;
      e = k + 1;
      while (e < toks.length && e - i <= 4 && toks[e]!.sentence === t.sentence && isDefiniteAdjective(toks[e]!)) e++;
      out.push({ type: 'ORG', s: i, e: complementEnd(doc, e) });
      continue;
    }
    while (e < toks.length && e - i <= 4 && toks[e]!.sentence === t.sentence && isDefiniteAdjective(toks[e]!)) e++;
    if (e > i + 1) out.push({ type: 'ORG', s: i, e: complementEnd(doc, e) });
  }
  return out;
}

/**
 * End of the proper name a cue noun introduces in a head-and-complement organization ("صحيفة
 * التايمز", "لشركة كيوتل", "نادي أندرليخت" + "البلجيكي"): the tagger's span that starts right after
 * the head, or the one word after it that the dictionary does not know. Undefined when the
 * complement describes ("وكالة الأنباء", "فريق العمل") or the head is no cue noun ("وزارة الخارجية").
 * A national team's country ("منتخب البرازيل") stays a place.
 */
export function namedComplementEnd(doc: Doc, m: TokenMention, tagged: readonly TokenMention[]): number | undefined {
  const head = doc.tokens[m.s]!;
  if (m.e - m.s < 2 || !head.forms.some((f) => ORG_CUE_HEADS.has(f) && !NATIONAL_TEAM_HEADS.has(f))) return undefined;
  const span = tagged.find((t) => t.s === m.s + 1 && t.e <= m.e);
  if (span) return span.e;
  return dictionaryClass(doc.tokens[m.s + 1]!.norm) === 'unknown' ? m.s + 2 : undefined;
}

const NATIONAL_TEAM_HEADS = normSet(['منتخب']);

/** An organization span that is an indefinite head and indefinite nisba adjectives ("معهد ثانوي", "مستشفى ميداني"). */
export function isIndefiniteDescription(doc: Doc, m: TokenMention): boolean {
  if (m.e - m.s < 2) return false;
  const head = doc.tokens[m.s]!;
  if (!ORG_HEADS.has(head.norm) && !GENERIC_HEADS.has(head.norm)) return false;
  // A feminine head takes feminine adjectives of any kind ("منظمة ضعيفة", "هيئة جديدة").
  const feminine = head.norm.endsWith('ة');
  for (let i = m.s + 1; i < m.e; i++) {
    const t = doc.tokens[i]!;
    const adjective = /(ي|ية)$/.test(t.norm) || (feminine && t.norm.endsWith('ة') && !FIRST_NAMES.has(t.norm) && !isGazPlace(t.norm));
    if (t.norm.startsWith('ال') || !adjective || t.norm.length < 4) return false;
  }
  return true;
}

/** Whether one of a word's forms is a club head ("دينامو", "وريال"). */
const isClubHead = wordFact((w) => w.forms.some((f) => CLUB_HEADS.has(f)));

/** A club head and the city after it are one organization ("دينامو كييف", "وريال مدريد"), not a place. */
export function clubOrgs(doc: Doc): TokenMention[] {
  const out: TokenMention[] = [];
  const toks = doc.tokens;
  for (let i = 0; i + 1 < toks.length; i++) {
    const city = toks[i + 1]!;
    if (city.sentence !== toks[i]!.sentence || !isClubHead(toks[i]!)) continue;
    if (isGazPlace(city.norm) || isGazPlace(city.bare)) out.push({ type: 'ORG', s: i, e: i + 2 });
  }
  return out;
}

/** A word's normalized form with its hard g written one way ({@link foldHardG}). */
const foldedNorm = wordFact((w) => foldHardG(w.norm));

/**
 * Gazetteer phrase lookups: as written, and with the hard g spelt either way ("هونج كونج"); `fold`
 * reads a word, `foldToken` a token's normalized form, the same way.
 */
const PHRASE_LOOKUPS = [
  { byFirst: GAZ_PHRASES_BY_FIRST, fold: (w: string): string => w, foldToken: (t: DocToken): string => t.norm },
  { byFirst: GAZ_PHRASES_BY_FOLDED_FIRST, fold: foldHardG, foldToken: foldedNorm },
];

/** A gazetteer phrase that may start at a word, with how its following words are read. */
interface PhraseStart {
  tokens: readonly string[];
  kind: string;
  foldToken: (t: DocToken) => string;
}

/** The gazetteer phrases that may start at a word, in lookup order, then in the order of the word's forms. */
const gazetteerPhraseStarts = wordFact((w): PhraseStart[] => {
  const out: PhraseStart[] = [];
  // A clitic before a two-letter opening word ("ببن قردان", "وبن عروس") is not among the word's forms; the rest of the phrase must match all the same.
  const short = /^(?:[وف]?[بل]|[وف])(?:بن|بو)$/u.test(w.norm) ? [w.norm.slice(-2)] : [];
  for (const { byFirst, fold, foldToken } of PHRASE_LOOKUPS) for (const first of [...w.forms, ...short]) {
    for (const { tokens, kind } of byFirst.get(fold(first)) ?? []) out.push({ tokens, kind, foldToken });
  }
  return out;
});

/**
 * Web outlets named by their parent and a suffix ("الجزيرة نت", "العربية نت"): the suffix is no
 * place of its own (the tagger reads "نت" as one), it ends an organization that opens at the
 * mention before it or, with none, at the word before it when that is no function word.
 */
export function webOutlets(doc: Doc, spans: readonly TokenMention[]): TokenMention[] {
  const toks = doc.tokens;
  let out = [...spans];
  toks.forEach((t, i) => {
    const prev = toks[i - 1];
    if (!OUTLET_SUFFIXES.has(t.norm) || !prev || prev.sentence !== t.sentence || isPunct(prev)) return;
    const before = out.find((m) => m.e === i);
    if (!before && (JUNK.has(prev.norm) || isJunkWord(prev))) return;
    const outlet: TokenMention = { type: 'ORG', s: before ? before.s : i - 1, e: i + 1 };
    out = [...out.filter((m) => m.e <= outlet.s || m.s >= outlet.e), outlet].sort((a, b) => a.s - b.s);
  });
  return out;
}

/** Multi-word places and organizations of the gazetteers ("قطاع غزة", "الأمم المتحدة"). */
export function gazetteerPhrases(doc: Doc): TokenMention[] {
  const out: TokenMention[] = [];
  const toks = doc.tokens;
  for (let i = 0; i < toks.length; i++) {
    let best = 0;
    let type: EntityType = 'LOC';
    for (const { tokens, kind, foldToken } of gazetteerPhraseStarts(toks[i]!)) {
      if (tokens.length <= best || i + tokens.length > toks.length) continue;
      const ok = tokens.every((w, k) => k === 0 || foldToken(toks[i + k]!) === w);
      if (ok && toks[i + tokens.length - 1]!.sentence === toks[i]!.sentence) {
        best = tokens.length;
        type = kind === 'org' ? 'ORG' : 'LOC';
      }
    }
    if (best > 0) {
      out.push({ type, s: i, e: i + best });
      i += best - 1;
    }
  }
  return out;
}

/** Whether a word is a place the gazetteer knows, as written, without its proclitics or without one clitic letter. */
const isGazetteerPlaceWord = wordFact((t) => {
  // A place spelled like a month once normalized ("إب" and "آب") is the month far more often.
  if (JUNK.has(t.norm) || JUNK.has(t.bare)) return false;
  // A place name takes no tanween: "سورياً" is the adjective ("لاجئاً سورياً").
  if (/ً/u.test(t.text)) return false;
  return isGazPlace(t.norm) || isGazPlace(t.bare) || ('وبلف'.includes(t.norm[0] ?? '') && t.norm.length > 4 && isGazPlace(t.norm.slice(1)));
});

/** Places the gazetteer knows that the tagger missed. */
function gazetteerPlaces(doc: Doc): TokenMention[] {
  const out: TokenMention[] = [];
  doc.tokens.forEach((t, i) => {
    if (isGazetteerPlaceWord(t)) out.push({ type: 'LOC', s: i, e: i + 1 });
  });
  return out;
}

/** Extends an ORG that opens a short quoted name to the whole quote ("المقاومة الإسلامية في العراق"). */
function extendToQuote(doc: Doc, m: TokenMention): TokenMention {
  const toks = doc.tokens;
  const open = toks[m.s - 1];
  if (m.type !== 'ORG' || !open || !QUOTES.has(open.norm)) return m;
  for (let e = m.e; e < toks.length && e - m.s <= 7; e++) {
    const t = toks[e]!;
    if (QUOTES.has(t.norm)) return { ...m, e };
    if (isPunct(t) || t.sentence !== open.sentence) break;
  }
  return m;
}

/** A short quoted name right after an organization is its name too ("شركة الطيران الإيطالية "أليتاليا""). */
function quotedAppositions(doc: Doc, mentions: readonly TokenMention[]): TokenMention[] {
  const out: TokenMention[] = [];
  const toks = doc.tokens;
  for (const m of mentions) {
    const before = toks[m.s - 1];
    if (m.type !== 'ORG' || !toks[m.e] || !QUOTES.has(toks[m.e]!.norm) || (before && QUOTES.has(before.norm))) continue;
    let e = m.e + 1;
    while (e < toks.length && e - m.e <= 4 && !isPunct(toks[e]!)) e++;
    // A participle or adverb opens no name ("منتقدا", "مبينا أن" between a stray mark and the next quote).
    if (e > m.e + 1 && e < toks.length && QUOTES.has(toks[e]!.norm) && !isAccusativeName(toks[m.e + 1]!)) out.push({ type: 'ORG', s: m.e + 1, e });
  }
  return out;
}

/**
 * One-word place mentions of a word that opens a two-word place name and alone names no place
 * ("سان", "نيو", "قصر", "حمام", "وادي"; lexicon placeNameOpeners), with the next word of the
 * sentence as the name's second part ("سان بطرسبورغ", "قصر هلال", "حمام سوسة": the place after it,
 * if tagged, is part of it). Not before punctuation, a function word, a title or a speech verb.
 */
export function withPlaceNameOpeners(doc: Doc, spans: readonly TokenMention[]): TokenMention[] {
  const toks = doc.tokens;
  const out: TokenMention[] = [];
  let skip: TokenMention | undefined;
  spans.forEach((m, k) => {
    if (m === skip) return;
    const t = toks[m.s]!;
    const n = toks[m.e];
    const next = spans[k + 1];
    const opens = m.type === 'LOC' && m.e - m.s === 1 && t.forms.some((f) => PLACE_NAME_OPENERS.has(f)) && n !== undefined && n.sentence === t.sentence;
    if (!opens || isPunct(n) || isJunkWord(n) || isTitle(n) || (next !== undefined && next.s === m.e && next.e - next.s > 1)) {
      out.push(m);
      return;
    }
    if (next !== undefined && next.s === m.e) skip = next;
    out.push({ ...m, e: m.e + 1 });
  });
  return out;
}

/** Words that open the name of a town called after a saint or a well ("سيدي بوزيد", "سيدي علي بن عون", "بئر أيوب"), normalized. */
const PLACE_NAME_HEADS = normSet(['سيدي', 'بئر']);
/** Words linking a given name to the father's ("عقبة بن نافع"), normalized. */
const NAME_LINKS = normSet(['بن', 'ابن']);

/** Whether a mention may be a person a facility is called after: a person, or a "place" that opens with a given name ("مستشفى الهادي شاكر"). */
function namedAfterPerson(doc: Doc, m: TokenMention): boolean {
  const first = doc.tokens[m.s]!;
  return m.type === 'PER' || (m.type === 'LOC' && m.e - m.s >= 2 && isGivenName(first) && !isGazPlace(first.norm));
}

/** Whether a token is a given name of the lexicon, as written or without its clitics. */
function isGivenName(t: DocToken): boolean {
  return [t.norm, t.bare].some((w) => FIRST_NAMES.has(w));
}

/** A one-word person or place span that is a given name with a family name after it the tagger left out ("مستشفى الهادي" + "شاكر"). */
function loneGivenName(doc: Doc, m: TokenMention): boolean {
  return m.e - m.s === 1 && m.type !== 'ORG' && isGivenName(doc.tokens[m.s]!) && facilityFamilyName(doc, m.e);
}

/**
 * Whether the token at i may be the family name of a lone given name a facility is called after
 * ("مستشفى الهادي" + "شاكر", where the tagger left "شاكر" out): a word of the same sentence with no
 * proclitic, no number, function word, title, place or adjective.
 */
export function facilityFamilyName(doc: Doc, i: number): boolean {
  const t = doc.tokens[i];
  const prev = doc.tokens[i - 1];
  if (!t || !prev || t.sentence !== prev.sentence || isPunct(t) || t.bare !== t.norm || t.norm.length < 3) return false;
  if (isJunkWord(t) || STOPWORDS.has(t.norm) || isTitle(t) || isGazPlace(t.norm) || isDefiniteAdjective(t) || FACILITY_HEADS.has(t.norm)) return false;
  // A clitic before a common word ("بولاية" = ب + ولاية) opens the next phrase.
  return !('وفبلك'.includes(t.norm[0]!) && dictionaryClass(t.norm.slice(1)) === 'common');
}

// Titles said with a name a facility is called after ("مستشفى الملك سعود", "مدرسة الأمير سلطان").
const FACILITY_TITLES = normSet(['الملك', 'الملكة', 'الأمير', 'الأميرة', 'الشيخ', 'الشيخة', 'السلطان', 'الإمام', 'الرئيس', 'الشهيد', 'الزعيم', 'المغفور', 'الراحل', 'الدكتور', 'البابا']);

/**
 * A person's name after a facility noun in construct ("مستشفى الملك سعود", "بشارع محمد الخامس",
 * "مدرسة الأمير سلطان الثانوية"): the facility, a place or an institution with its head and
 * adjectives, never the person. Undefined when the mention is not so placed.
 */
export function facilityOf(doc: Doc, m: TokenMention): TokenMention | undefined {
  const toks = doc.tokens;
  const lone = loneGivenName(doc, m);
  const facility = namedAfterPerson(doc, m) || lone ? facilityBefore(doc, m, lone) : undefined;
  // A town named after a saint ("سيدي علي بن عون", "سيدي بوزيد") is a place, never a person.
  if (!facility && m.type === 'PER' && m.e - m.s >= 2 && toks[m.s]!.forms.some((f) => PLACE_NAME_HEADS.has(f))) return { type: 'LOC', s: m.s, e: m.e };
  return facility;
}

/** The facility whose noun stands before a person's name (see facilityOf). */
function facilityBefore(doc: Doc, m: TokenMention, lone: boolean): TokenMention | undefined {
  const toks = doc.tokens;
  const sent = toks[m.s]!.sentence;
  let k = m.s - 1;
  while (k >= 0 && m.s - k <= 2 && toks[k]!.sentence === sent && FACILITY_TITLES.has(toks[k]!.norm)) k--;
  // The given name before a "بن" the span began at ("جامع عقبة بن نافع").
  const given = toks[k];
  if (k === m.s - 1 && NAME_LINKS.has(toks[m.s]!.norm) && given !== undefined && !isPunct(given) && !given.bare.startsWith('ال') && !given.forms.some((f) => FACILITY_HEADS.has(f))) k--;
  const head = toks[k];
  // In construct the head takes no article ("المدرسة أحمد" is no school's name).
  if (!head || head.sentence !== sent || head.bare.startsWith('ال')) return undefined;
  // Through a clitic too ("بمستشفى فرحات حشاد").
  const type = head.forms.map((f) => FACILITY_HEADS.get(f)).find((x) => x !== undefined);
  if (!type) return undefined;
  let e = m.e;
  // A lone given name takes the word after it as the family name ("مستشفى الهادي شاكر").
  if (lone) e++;
  // The city after it is no part of its name ("مطار الملك عبد العزيز بجدة").
  const last = toks[e - 1]!;
  if (e - m.s > 1 && /^ب/.test(last.norm) && isGazPlace(last.norm.slice(1))) return { type, s: k, e: e - 1 };
  // Its adjectives and one "لل…" complement ("الثانوية", "الدولي", "للإغاثة").
  while (e < toks.length && e - m.e < 2 && toks[e]!.sentence === sent && isDefiniteAdjective(toks[e]!)) e++;
  if (e < toks.length && toks[e]!.sentence === sent && toks[e]!.norm.startsWith('لل') && toks[e]!.norm.length > 4) e++;
  return { type, s: k, e };
}

/** Whether one of a word's forms is a noun of a work ("برنامج", "فيلم", "حملة"). */
const isWorkNoun = wordFact((w) => w.forms.some((f) => WORK_NOUNS.has(f)));
const isProductNoun = wordFact((w) => w.forms.some((f) => PRODUCT_NOUNS.has(f)));

/**
 * Whether a span names a make or a model: right after a noun of a kind of product or a make,
 * quote marks between left aside ("طائرة الإيرباص", 'طائرة "هيليكوبتر"', 'سجائر من صنف
 * "مارلبورو غولد"').
 */
export function isProductName(doc: Doc, m: TokenMention): boolean {
  const first = doc.tokens[m.s]!;
  let i = m.s - 1;
  while (i >= 0 && QUOTES.has(doc.tokens[i]!.norm)) i--;
  const prev = doc.tokens[i];
  return prev !== undefined && prev.sentence === first.sentence && isProductNoun(prev);
}

/**
 * Quoted titles of works: the normalized words between the marks after a work noun (برنامج "قالتلهم
 * أسكتو"، فيلم "…"، حملة "…"). A programme, a book or a campaign is what people make, not an actor.
 */
export function workTitles(doc: Doc): string[][] {
  const toks = doc.tokens;
  const out: string[][] = [];
  for (let i = 0; i + 2 < toks.length; i++) {
    if (!isWorkNoun(toks[i]!) || !QUOTES.has(toks[i + 1]!.norm)) continue;
    let e = i + 2;
    while (e < toks.length && e - i <= 8 && !QUOTES.has(toks[e]!.norm) && toks[e]!.sentence === toks[i]!.sentence) e++;
    if (e > i + 2 && e < toks.length && QUOTES.has(toks[e]!.norm)) out.push(toks.slice(i + 2, e).map((t) => t.norm));
  }
  return out;
}

/** Spans that lie inside a work's title wherever the article names it (the whole title or a part of it), of any type. */
export function withoutWorkTitles(doc: Doc, spans: TokenMention[]): TokenMention[] {
  const titles = workTitles(doc);
  if (titles.length === 0) return spans;
  const inTitle = (m: TokenMention): boolean => {
    const words = doc.tokens.slice(m.s, m.e).map((t) => t.norm);
    return titles.some((t) => t.length >= words.length && t.some((_, k) => words.every((w, j) => t[k + j] === w)));
  };
  return spans.filter((m) => !inTitle(m));
}

/** Overlays mentions: earlier lists win over later ones where spans overlap. */
export function overlay(...lists: TokenMention[][]): TokenMention[] {
  const taken: TokenMention[] = [];
  const used = new Set<number>();
  for (const list of lists) {
    for (const m of list) {
      let free = true;
      for (let i = m.s; i < m.e && free; i++) free = !used.has(i);
      if (!free) continue;
      for (let i = m.s; i < m.e; i++) used.add(i);
      taken.push(m);
    }
  }
  return taken.sort((a, b) => a.s - b.s);
}

/**
 * A rule over one tagger span: the span as it should be (a copy when changed), several when it
 * parts into two names, or undefined when it is no name at all.
 */
export interface SpanStep {
  name: string;
  run(doc: Doc, m: TokenMention): TokenMention | TokenMention[] | undefined;
}

const PER_ONLY = (run: SpanStep['run']): SpanStep['run'] => (doc, m) => (m.type === 'PER' ? run(doc, m) : m);

/**
 * Whether a person span of two words or more ends on a definite title that the body it is of
 * follows ("محمد علي القيادي" + "في حركة النهضة", "… الناطق" + "باسم …"): the title opens the role.
 */
export function endsOnRoleTitle(doc: Doc, m: TokenMention): boolean {
  const last = doc.tokens[m.e - 1]!;
  const next = doc.tokens[m.e];
  if (m.e - m.s < 2 || !next || next.sentence !== last.sentence || !last.bare.startsWith('ال') || !isTitle(last)) return false;
  return next.norm === 'باسم' || opensRoleBody(doc.tokens, m.e) || (/^ب/.test(next.norm) && next.forms.some((f) => ORG_HEADS.has(f)));
}

/** The rules every tagger span goes through, in order (table tests in test/core/who/mention-rules.test.ts). */
export const SPAN_STEPS: readonly SpanStep[] = [
  // Junk and punctuation off the edges; a junk word, a lone title or demonym is no name.
  { name: 'trim-edges', run: (doc, m) => trimMention(doc, m) },
  {
    // An imperfect verb the tagger pulled into an organization ("يتدخل الأمن السياحي") is not part of it.
    name: 'org-without-leading-verb',
    run(doc, m) {
      const lead = doc.tokens[m.s]!;
      const verb = m.type === 'ORG' && m.e - m.s > 1 && /^[يت]/.test(lead.norm) && !lead.bare.startsWith('ال') && !ORG_HEADS.has(lead.norm);
      return verb ? { ...m, s: m.s + 1 } : m;
    },
  },
  // An indefinite head and adjective describe some body, not a named one ("معهد ثانوي").
  { name: 'org-not-indefinite-description', run: (doc, m) => (m.type === 'ORG' && isIndefiniteDescription(doc, m) ? undefined : m) },
  {
    // A place cue opening a mention ("مدينة كيبيك", "ولاية قفصة") makes it a place, without the cue.
    name: 'place-cue-makes-place',
    run(doc, m) {
      const cue = m.e - m.s > 1 && m.type !== 'LOC' && doc.tokens[m.s]!.forms.some((f) => TRIGGERS.loc.has(f) && !ORG_HEADS.has(f));
      return cue ? { ...m, type: 'LOC', s: m.s + 1 } : m;
    },
  },
  {
    // Titles and the nisba that goes with them are not part of a person's name.
    name: 'person-without-title',
    run: PER_ONLY((doc, m) => {
      let s = m.s;
      while (s < m.e && (isTitle(doc.tokens[s]!) || isRoleNisba(doc, s)) && !(s < m.e - 1 && isGivenNameAfterTitle(doc, s))) s++;
      return s === m.s ? m : { ...m, s };
    }),
  },
  // Nor a title at its end that opens a role with its body ("محمد علي القيادي في حركة النهضة").
  { name: 'person-without-trailing-title', run: PER_ONLY((doc, m) => (endsOnRoleTitle(doc, m) ? { ...m, e: m.e - 1 } : m)) },
  {
    // Nor a verb before it ("سيلتقي", "وينتمي").
    name: 'person-without-leading-verb',
    run: PER_ONLY((doc, m) => {
      const t = doc.tokens[m.s];
      return t && m.s < m.e && (isFutureVerb(t) || isConjoinedImperfect(t)) ? { ...m, s: m.s + 1 } : m;
    }),
  },
  // A name ending on a particle takes the next word ("محمد بن راشد آل" + "مكتوم").
  { name: 'person-completed-after-particle', run: PER_ONLY((doc, m) => (m.s < m.e ? { ...m, e: completedNameEnd(doc, m) } : m)) },
  // A compound given name takes the family name after it ("عبد المجيد" + "تبون").
  { name: 'person-completed-after-compound-given-name', run: PER_ONLY((doc, m) => (m.s < m.e ? { ...m, e: afterCompoundGivenName(doc, m) } : m)) },
  // A monarch's or pope's ordinal finishes the name ("الملك عبد الله الثاني", "البابا بنديكت السادس عشر").
  { name: 'person-with-regnal-number', run: PER_ONLY((doc, m) => (m.s < m.e ? { ...m, e: regnalEnd(doc, m) } : m)) },
  // A verb opening the sentence before a title ("أشرف وزير …") is no person.
  { name: 'not-verb-before-title', run: PER_ONLY((doc, m) => (isVerbBeforeTitle(doc, m) ? undefined : m)) },
  // Nothing left, or an unnamed-source head ("مسؤول"), is no name.
  { name: 'not-empty-or-source-head', run: (doc, m) => (m.s >= m.e || SRC_HEADS.has(doc.tokens[m.s]!.norm) || SRC_HEADS.has(doc.tokens[m.s]!.bare) ? undefined : m) },
  {
    // A known country or city the tagger calls a person is a place.
    name: 'known-place-not-person',
    run: PER_ONLY((doc, m) => (m.e - m.s === 1 && (isGazPlace(doc.tokens[m.s]!.bare) || isGazPlace(doc.tokens[m.s]!.norm)) ? { ...m, type: 'LOC' } : m)),
  },
  // A word spelt like a preposition with no object after it ends a foreign name ("وانغ ون بين في …").
  { name: 'person-with-preposition-like-end', run: PER_ONLY((doc, m) => ({ ...m, e: prepositionLikeNameEnd(doc, m) })) },
  // A person span runs no further than a preposition, and a kinship noun parts two people.
  { name: 'person-split', run: PER_ONLY((doc, m) => splitPerson(doc, m)) },
  // Nor a descriptive adjective before a given name ("المخضرم يوسف روسي").
  { name: 'person-without-leading-adjective', run: PER_ONLY((doc, m) => withoutLeadingAdjective(doc, m)) },
  // A given name alone takes a title word after it that governs nothing as its family name ("محمد الأمين في تصريح").
  { name: 'person-with-title-family-name', run: PER_ONLY((doc, m) => (isTitleFamilyName(doc, m) ? { ...m, e: m.e + 1 } : m)) },
  // A make or a model after a product noun is no person ("طائرة الإيرباص", 'سجائر من صنف "مارلبورو غولد"').
  { name: 'person-not-product', run: PER_ONLY((doc, m) => (isProductName(doc, m) ? undefined : m)) },
  // An organization opening a short quoted name takes the whole quote.
  { name: 'org-to-closing-quote', run: (doc, m) => (m.type === 'PER' ? m : extendToQuote(doc, m)) },
];

/** Words before a place name that make an adjective-like one ("مالي") the place: prepositions and place nouns, normalized. */
const PLACE_GOVERNORS = normSet(['في', 'الى', 'إلى', 'من', 'عن', 'مع', 'دولة', 'جمهورية', 'شمال', 'جنوب', 'شرق', 'غرب', 'وسط', 'حكومة', 'رئيس', 'عاصمة']);

/**
 * Whether a one-word place that is also an adjective ("مالي") stands as the adjective: behind a
 * word with no article that is no preposition or place noun ("مبلغ مالي", "دعم مالي"), with no
 * clitic of its own ("بمالي" is the place).
 */
export function isAdjectivePlace(doc: Doc, m: TokenMention): boolean {
  const t = doc.tokens[m.s]!;
  if (m.e - m.s !== 1 || !ADJECTIVE_PLACES.has(t.norm)) return false;
  const prev = doc.tokens[m.s - 1];
  if (!prev || prev.sentence !== t.sentence || isPunct(prev) || prev.bare.startsWith('ال')) return false;
  // A verb before it has the country for subject ("أعلنت مالي", "وتقع مالي").
  if (/ت$/.test(prev.norm) || /^[وف][يت].{2,4}$/.test(prev.norm)) return false;
  return !prev.forms.some((f) => PLACE_GOVERNORS.has(f));
}

/**
 * A lone given name opening its sentence right before a title ("أشرف وزير الفلاحة …، سمير بالطيب،
 * على …"): a verb of the af'ala shape, whose subject the title introduces.
 */
export function isVerbBeforeTitle(doc: Doc, m: TokenMention): boolean {
  const t = doc.tokens[m.s]!;
  const next = doc.tokens[m.e];
  const opens = m.s === doc.sentences[t.sentence]?.s;
  return m.e - m.s === 1 && opens && next !== undefined && next.sentence === t.sentence && !next.bare.startsWith('ال') && isTitle(next);
}

/**
 * Person spans that leave out the given name right before them, after a title ("رئيسة الحزب
 * الدستوري الحرّ عبير" + "موسي"): the given name opens the span. Only a free word with no clitic.
 */
export function withGivenNameBefore(doc: Doc, spans: readonly TokenMention[]): TokenMention[] {
  return openedByWordBefore(doc, spans, (t, k) => {
    if (t.norm !== t.bare) return false;
    // A given name the lexicon may not know ("الإسبانية" + "ناديا", "العالمي" + "سيندي"): a free word
    // right after a title phrase's definite last word, with no article, clitic or pronoun ending, no place.
    const p = doc.tokens[k - 1];
    const phraseEnd = p !== undefined && p.bare.startsWith('ال') && (isTitle(p) || isDefiniteAdjective(p));
    const unknownGiven = phraseEnd && t.norm.length >= 3 && !/^(ال|[وفبلكت])/.test(t.norm) && !/(ه|ها)$/.test(t.norm) && !t.forms.some((f) => isGazPlace(f)) && !isPunct(t);
    const given = FIRST_NAMES.has(t.norm) || unknownGiven;
    return given && !JUNK.has(t.norm) && !isJunkWord(t) && !isTitle(t) && afterTitle(doc, k);
  });
}

/**
 * Person spans opened one word earlier where `opens` says the word right before them (in the same
 * sentence, in no other span) belongs to the name.
 */
function openedByWordBefore(doc: Doc, spans: readonly TokenMention[], opens: (t: Doc['tokens'][number], k: number) => boolean): TokenMention[] {
  const covered = new Set<number>();
  for (const m of spans) for (let i = m.s; i < m.e; i++) covered.add(i);
  return spans.map((m) => {
    const k = m.s - 1;
    const t = doc.tokens[k];
    if (m.type !== 'PER' || !t || covered.has(k) || t.sentence !== doc.tokens[m.s]!.sentence) return m;
    return opens(t, k) ? { ...m, s: k } : m;
  });
}

/**
 * Person spans that leave out a given name joined by و/ف right before them, as the next name in a
 * list ("وليد عبداللطيف وإبراهيم سعيد" + "ومصطفى" + "جعفر", "وغادة" + "عادل"): the tagger reads the
 * conjunction as no name, the span opens at the conjunction. Only a known given name of three letters
 * or more after the one-letter clitic, on a word no other span covers.
 */
export function withConjoinedGivenNameBefore(doc: Doc, spans: readonly TokenMention[]): TokenMention[] {
  return openedByWordBefore(doc, spans, (t) => {
    const rest = t.norm.slice(1);
    return /^[وف]/.test(t.norm) && rest.length >= 3 && FIRST_NAMES.has(rest) && !JUNK.has(rest);
  });
}

/**
 * Whether person span b, right after a with nothing between, is the rest of a's name rather than
 * a second person: it opens with a name particle ("جان إيف" + "لو دريان"), or with a word that
 * carries no conjunction or preposition ("هيلاري" + "كلينتون", "فيلار" + "مير"); "بوش" + "وبلير"
 * and "ماتيراتزي" + "لزيدان" are two people, and so are two names of two words each.
 */
export function continuesPerson(doc: Doc, a: TokenMention, b: TokenMention): boolean {
  const t = doc.tokens[b.s]!;
  if (a.e !== b.s || t.sentence !== doc.tokens[a.s]!.sentence) return false;
  if (PARTICLES.has(t.norm)) return b.e - b.s > 1;
  // Two names of two words or more are two people ("محمد الصغير" + "عبدالرحيم محمد" in a list),
  // unless the first is a compound given name ("عبد ربه" + "منصور هادي"); a name has four words at most.
  const compound = a.e - a.s === 2 && (PARTICLES.has(doc.tokens[a.s]!.norm) || COMPOUND_NAME_ENDS.has(doc.tokens[a.e - 1]!.norm));
  if ((a.e - a.s > 1 && b.e - b.s > 1 && !compound) || b.e - a.s > 4) return false;
  if (FIRST_NAMES.has(t.norm)) return true;
  // ب/ل open names too ("بلير", "لافروف"), but as often a preposition ("لزيدان", "لفرانس برس").
  return !/^[وفبل]/.test(t.norm);
}

/**
 * A person span without a definite common word that qualifies the definite words before it and
 * stands before a known given name ("النجم المغربي المخضرم" + "يوسف روسي", "الاعلامي البارز" + "تيم
 * سيباستيان"). Not before a name particle ("الأمير السعودي الوليد بن طلال"), nor after an indefinite
 * noun ("ساحة القديس بطرس").
 */
export function withoutLeadingAdjective(doc: Doc, m: TokenMention): TokenMention {
  const t = doc.tokens[m.s]!;
  const next = doc.tokens[m.s + 1];
  const prev = doc.tokens[m.s - 1];
  if (m.e - m.s < 2 || !next || !t.norm.startsWith('ال') || FIRST_NAMES.has(t.norm) || FIRST_NAMES.has(t.bare) || !FIRST_NAMES.has(next.norm) || PARTICLES.has(next.norm)) return m;
  if (!prev || prev.sentence !== t.sentence || !prev.bare.startsWith('ال')) return m;
  return dictionaryClass(t.norm) === 'common' ? { ...m, s: m.s + 1 } : m;
}

/**
 * Whether the word after a person span that is one known given name is a family name spelt like a
 * title ("محمد" + "الأمين", "أحمد" + "القاضي", "غادة" + "والي"): with no clitic, and followed by nothing a
 * title governs: the sentence's end, punctuation, or a preposition that opens no body ("في تصريح",
 * not "في حركة النهضة"). "محمد الأمين العام للحزب" keeps the title for the role.
 */
export function isTitleFamilyName(doc: Doc, m: TokenMention): boolean {
  const toks = doc.tokens;
  const t = toks[m.e];
  if (m.e - m.s !== 1 || !t || t.sentence !== toks[m.s]!.sentence || !FIRST_NAMES.has(toks[m.s]!.norm)) return false;
  const definite = t.bare.startsWith('ال') && t.norm === t.bare;
  // Written as is, clitic-like first letter and all ("والي", not "والأمين").
  if (definite ? !isTitle(t) : t.norm.startsWith('ال') || !isTitleWord(t.norm)) return false;
  const n = toks[m.e + 1];
  if (!n || n.sentence !== t.sentence || isPunct(n)) return true;
  // Indefinite, a title word governs the next word ("والي الخرطوم") unless that word is the sentence's verb or what the name said ("غادة والي قالت", "محمد أمين إن").
  if (!definite) return isSpeechVerb(n.norm) || n.norm === 'ان';
  return NAME_PREPOSITIONS.has(n.norm) && !opensRoleBody(toks, m.e + 1);
}

/**
 * Person spans of one known given name that leave out a family name spelt like a common word
 * ("يوسف" + "الشاهد", "رياض" + "الأشقر"): the word after the name, definite with no clitic, in no
 * other span, no function word, title or place, is the family name when the article has the same
 * name followed by the same word twice or more (a common noun does not follow one person twice).
 */
export function withRepeatedFamilyName(doc: Doc, spans: readonly TokenMention[]): TokenMention[] {
  const toks = doc.tokens;
  const covered = coveredTokens(spans);
  const pair = (m: TokenMention): string | undefined => {
    const g = toks[m.s]!;
    if (m.type !== 'PER' || m.e - m.s !== 1 || !FIRST_NAMES.has(g.norm) || !familyNameAfter(doc, m.s, covered)) return undefined;
    return `${g.norm} ${toks[m.e]!.norm}`;
  };
  const counts = new Map<string, number>();
  for (const m of spans) {
    const p = pair(m);
    if (p !== undefined) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  return spans.map((m) => {
    const p = pair(m);
    return p !== undefined && (counts.get(p) ?? 0) >= 2 ? { ...m, e: m.e + 1 } : m;
  });
}

/** The tokens inside any of the spans. */
function coveredTokens(spans: readonly TokenMention[]): Set<number> {
  const covered = new Set<number>();
  for (const m of spans) for (let i = m.s; i < m.e; i++) covered.add(i);
  return covered;
}

/**
 * Whether the word after token i may be the family name of the given name at i: in the same
 * sentence and in no span, definite with no clitic, of three letters or more, and no function
 * word, title or place ("الشاهد" after "يوسف", "الصيد" after "الحبيب").
 */
export function familyNameAfter(doc: Doc, i: number, covered: ReadonlySet<number>): boolean {
  const g = doc.tokens[i]!;
  const w = doc.tokens[i + 1];
  if (!w || covered.has(i + 1) || w.sentence !== g.sentence) return false;
  return w.bare.startsWith('ال') && w.norm === w.bare && w.stem.length >= 3 && !isJunkWord(w) && !STOPWORDS.has(w.norm) && !isTitle(w) && !isGazPlace(w.norm);
}

/**
 * People the tagger missed altogether, named by a known given name and a family name spelt like a
 * common word ("عن الحبيب الصيد … حكومة الحبيب الصيد"): the same two words, in no span, twice or
 * more in the article (a common noun seldom follows one given name twice).
 */
export function repeatedUntaggedNames(doc: Doc, spans: readonly TokenMention[]): TokenMention[] {
  const toks = doc.tokens;
  const covered = coveredTokens(spans);
  const at = new Map<string, number[]>();
  for (let i = 0; i + 1 < toks.length; i++) {
    // A name's second part is no given name of its own ("الدين العمومي" is the public debt).
    if (covered.has(i) || !isTitledNameOpener(toks[i]!) || COMPOUND_NAME_ENDS.has(toks[i]!.norm) || !familyNameAfter(doc, i, covered)) continue;
    const key = `${toks[i]!.norm} ${toks[i + 1]!.norm}`;
    at.set(key, [...(at.get(key) ?? []), i]);
  }
  return [...at.values()].filter((starts) => starts.length >= 2).flat().map((s) => ({ type: 'PER' as const, s, e: s + 2 }));
}

/**
 * Person spans of one known given name and the person span one word after it, joined by a middle
 * name spelt like a common word or title ("الباجي" + "قائد" + "السبسي"): one name when the article
 * has the same three words twice or more. The middle word has no clitic and is no function word
 * or kinship noun ("هشام شقيق سلمان" stays two people).
 */
export function withRepeatedMiddleName(doc: Doc, spans: readonly TokenMention[]): TokenMention[] {
  const toks = doc.tokens;
  const key = (a: TokenMention, b: TokenMention | undefined): string | undefined => {
    const g = toks[a.s]!;
    const w = toks[a.e];
    if (!b || a.type !== 'PER' || b.type !== 'PER' || a.e - a.s !== 1 || b.s !== a.e + 1 || b.e - a.s > 4 || !FIRST_NAMES.has(g.norm) || !w) return undefined;
    if (w.sentence !== g.sentence || toks[b.s]!.sentence !== g.sentence || w.norm !== w.bare || isPunct(w) || isJunkWord(w) || STOPWORDS.has(w.norm) || KINSHIP_WORDS.has(w.norm)) return undefined;
    return `${g.norm} ${w.norm} ${toks[b.s]!.norm}`;
  };
  const counts = new Map<string, number>();
  spans.forEach((a, k) => {
    const p = key(a, spans[k + 1]);
    if (p !== undefined) counts.set(p, (counts.get(p) ?? 0) + 1);
  });
  const out: TokenMention[] = [];
  for (let k = 0; k < spans.length; k++) {
    const a = spans[k]!;
    const b = spans[k + 1];
    const p = key(a, b);
    if (p !== undefined && b && (counts.get(p) ?? 0) >= 2) {
      out.push({ ...a, e: b.e });
      k++;
    } else out.push(a);
  }
  return out;
}

/** Length of the compound family name (lexicon) that starts at token i ("قائد السبسي", "لقائد السبسي"), 0 if none. */
export function compoundFamilyNameAt(doc: Doc, i: number): number {
  const toks = doc.tokens;
  const first = toks[i];
  if (!first) return 0;
  const words = COMPOUND_FAMILY_NAMES.find((w) => first.forms.includes(w[0]!) && w.every((x, k) => k === 0 || (toks[i + k]?.norm === x && toks[i + k]!.sentence === first.sentence)));
  return words?.length ?? 0;
}

/**
 * A compound family name whose first word is a title ("قائد السبسي") is one person's name, with
 * the given name right before it ("الباجي" + "قائد" + "السبسي"), found by the tagger or not: the
 * title word is no role of the name after it.
 */
export function withCompoundFamilyNames(doc: Doc, spans: readonly TokenMention[]): TokenMention[] {
  let out = [...spans];
  for (let i = 0; i < doc.tokens.length; i++) {
    const n = compoundFamilyNameAt(doc, i);
    if (n === 0) continue;
    const e = i + n;
    const sentence = doc.tokens[i]!.sentence;
    // The given name: a one-word span right before (of any type: "الباجي" is tagged a place), a person span the tagger ran into the family name,
    // or a known given name it left out ("وقال الباجي قايد السبسي").
    const before = out.find((m) => m.s < i && i <= m.e && (m.e > i ? m.type === 'PER' : m.e - m.s === 1) && doc.tokens[m.s]!.sentence === sentence);
    const prev = doc.tokens[i - 1];
    const given = prev !== undefined && prev.sentence === sentence && FIRST_NAMES.has(prev.bare) && !out.some((m) => m.s < i && i - 1 < m.e);
    const s = before?.s ?? (given ? i - 1 : i);
    // Another entity over it, or a span running on past it ("السبسي وعبد العزيز بوتفليقة"), is left alone.
    if (out.some((m) => m !== before && m.s < e && s < m.e && (m.type !== 'PER' || m.e > e))) continue;
    out = [...out.filter((m) => !(m.s < e && s < m.e)), { type: 'PER' as const, s, e }].sort((x, y) => x.s - y.s);
    i = e - 1;
  }
  return out;
}

/** A rule over all the article's spans: the spans as they should be. */
export interface ListStep {
  name: string;
  run(doc: Doc, spans: TokenMention[], context: { forced: readonly TokenMention[] }): TokenMention[];
}

/** The rules over the article's spans, in order, after SPAN_STEPS; the last ones add spans the tagger missed. */
export const LIST_STEPS: readonly ListStep[] = [
  {
    // A person's name after a facility noun names the facility ("مستشفى الملك سعود").
    name: 'facilities',
    run(doc, spans) {
      const facilities = spans.map((m) => facilityOf(doc, m)).filter((f) => f !== undefined);
      if (facilities.length === 0) return spans;
      return overlay(facilities, spans.filter((m) => !facilities.some((f) => m.s < f.e && f.s < m.e)));
    },
  },
  {
    // A person span right after another continues it ("جان إيف" + "لو دريان", "هيلاري" + "كلينتون").
    name: 'person-continued',
    run(doc, spans) {
      const out = spans.map((m) => ({ ...m }));
      for (let k = out.length - 1; k > 0; k--) {
        const a = out[k - 1]!;
        const b = out[k]!;
        if (a.type === 'PER' && b.type === 'PER' && continuesPerson(doc, a, b)) {
          a.e = b.e;
          out.splice(k, 1);
        }
      }
      return out;
    },
  },
  // A given name, a common-looking word and a person span, the same three words twice, are one name ("الباجي قائد السبسي").
  { name: 'person-with-repeated-middle-name', run: (doc, spans) => withRepeatedMiddleName(doc, spans) },
  // A family name of two words opening with a title ("قائد السبسي") is one name with the given name before it.
  { name: 'person-with-compound-family-name', run: (doc, spans) => withCompoundFamilyNames(doc, spans) },
  {
    // A lone "علي" where the article writes ى as ي is the preposition. Only alone: "محمد علي" stays.
    name: 'lone-ali-preposition',
    run(doc, spans) {
      const loneAli = (m: TokenMention): boolean => m.type === 'PER' && m.e - m.s === 1 && doc.tokens[m.s]!.bare === 'علي';
      return spans.some(loneAli) && writesYaForAlifMaqsura(doc) ? spans.filter((m) => !loneAli(m)) : spans;
    },
  },
  {
    // An inflected common noun at the end of a person span is no part of a name; a dual noun alone
    // ("حالتان", "ديناران") whose singular the article uses is none either.
    name: 'person-without-noun-forms',
    run(doc, spans) {
      const isNoun = nounForms(doc, spans);
      let stems: Set<string> | undefined;
      const isDualNoun = (t: { norm: string; stem: string }): boolean =>
        !FIRST_NAMES.has(t.norm) && !FIRST_NAMES.has(t.stem) && dualBase(t.stem).some((b) => (stems ??= new Set(doc.tokens.map((x) => x.stem))).has(b));
      const out: TokenMention[] = [];
      for (const m of spans) {
        if (m.type !== 'PER') {
          out.push(m);
          continue;
        }
        let e = m.e;
        while (e > m.s && isNoun(doc.tokens[e - 1]!)) e--;
        if (e === m.s || (e - m.s === 1 && isDualNoun(doc.tokens[m.s]!))) continue;
        out.push(e === m.e ? m : { ...m, e });
      }
      return out;
    },
  },
  // A given name that the same common-looking word follows twice takes it as the family name ("يوسف" + "الشاهد").
  { name: 'person-with-repeated-family-name', run: (doc, spans) => withRepeatedFamilyName(doc, spans) },
  // The same given name and family name twice, where the tagger found neither, name a person ("الحبيب الصيد").
  { name: 'repeated-untagged-names', run: (doc, spans) => overlay(spans, repeatedUntaggedNames(doc, spans)) },
  // A given name and a family name right after a title name a person the tagger missed.
  { name: 'titled-given-names', run: (doc, spans) => overlay(spans, titledGivenNames(doc, spans)) },
  // A given name left out right before a titled person's span opens it ("… الحرّ عبير" + "موسي").
  { name: 'person-given-name-before', run: (doc, spans) => withGivenNameBefore(doc, spans) },
  // A given name joined by و/ف right before a person span opens it ("ومصطفى" + "جعفر").
  { name: 'person-conjoined-given-name-before', run: (doc, spans) => withConjoinedGivenNameBefore(doc, spans) },
  {
    // Head+adjective organizations, gazetteer phrases and clubs win over partial tagger spans they
    // contain; cited outlets over everything. Head+adjective organizations describe rather than
    // name ("الحكومة السودانية", "مجلس الوزراء"), unless a quoted name completes them.
    name: 'lexicon-spans',
    run(doc, spans, { forced }) {
      const orgs = headAdjectiveOrgs(doc).map((m) => {
        const x = extendToQuote(doc, m);
        if (x.e !== m.e) return x;
        const e = namedComplementEnd(doc, m, spans);
        return e === undefined ? { ...x, descriptive: true } : e < x.e ? { ...x, nameEnd: e } : x;
      });
      const phrases = gazetteerPhrases(doc);
      const clubs = clubOrgs(doc);
      const wider = [...orgs, ...phrases, ...clubs];
      const keep = spans.filter((m) => !wider.some((o) => o.s <= m.s && m.e <= o.e && o.e - o.s > m.e - m.s));
      return overlay([...forced], phrases, clubs, keep, orgs, gazetteerPlaces(doc));
    },
  },
  // A place word that opens a two-word name takes the next word ("سان" + "بطرسبورغ", "حمام" + "سوسة").
  { name: 'place-name-openers', run: (doc, spans) => withPlaceNameOpeners(doc, spans) },
  // A short quoted name right after an organization is its name too.
  { name: 'quoted-appositions', run: (doc, spans) => overlay(spans, quotedAppositions(doc, spans)) },
  // A web outlet's suffix ends the organization before it ("الجزيرة نت").
  { name: 'web-outlets', run: (doc, spans) => webOutlets(doc, spans) },
  // Later occurrences of the names found, and a person's surname alone.
  { name: 'propagate', run: (doc, spans) => propagate(doc, spans) },
  // A place that is also an adjective, used as one ("مبلغ مالي"), is no place.
  { name: 'not-adjective-places', run: (doc, spans) => spans.filter((m) => m.type !== 'LOC' || !isAdjectivePlace(doc, m)) },
  // A programme's, book's or campaign's quoted title names no organization or place.
  { name: 'not-work-titles', run: (doc, spans) => withoutWorkTitles(doc, spans) },
];

/** Steps to leave out of namedMentions (by name), for tests and tuning. */
export interface MentionOptions {
  off?: readonly string[];
}

/**
 * All named mentions (PER/ORG/LOC) of the article: the tagger's spans through SPAN_STEPS, then the
 * article's spans through LIST_STEPS; `forced` spans (cited outlets) take precedence.
 */
export function namedMentions(doc: Doc, forced: TokenMention[], tagger: Tagger = shippedTagger(), options: MentionOptions = {}): TokenMention[] {
  const off = new Set(options.off ?? []);
  const spanSteps = SPAN_STEPS.filter((st) => !off.has(st.name));
  let spans: TokenMention[] = [];
  for (const raw of taggedMentions(doc, tagger)) spans.push(...throughSpanSteps(doc, raw, spanSteps));
  for (const step of LIST_STEPS) if (!off.has(step.name)) spans = step.run(doc, spans, { forced });
  return spans;
}

/**
 * One tagger span through the span steps in order: what is left of it (nothing, the span as
 * changed, or its parts). A span a step leaves as it is goes on to the next step without a copy.
 */
function throughSpanSteps(doc: Doc, raw: TokenMention, steps: readonly SpanStep[]): readonly TokenMention[] {
  let ms: readonly TokenMention[] = [raw];
  for (const step of steps) {
    if (ms.length === 1) {
      const r = step.run(doc, ms[0]!);
      if (r === ms[0]) continue;
      ms = r === undefined ? [] : Array.isArray(r) ? r : [r];
    } else {
      const next: TokenMention[] = [];
      for (const m of ms) {
        const r = step.run(doc, m);
        if (Array.isArray(r)) next.push(...r);
        else if (r !== undefined) next.push(r);
      }
      ms = next;
    }
    if (ms.length === 0) break;
  }
  return ms;
}

/** A found name's words (the first as its bare form) to look for elsewhere in the article. */
interface Pattern {
  words: string[];
  type: EntityType;
  /** Copies of a descriptive organization stay descriptive. */
  descriptive: boolean;
  /** Words of the proper name inside an organization named by a cue noun (see TokenMention.nameEnd). */
  nameLength?: number;
}

/**
 * Tags later occurrences of names already found (the tagger misses some): the same words anywhere,
 * and a person's surname on its own ("السوداني" after "محمد شياع السوداني").
 */
export function propagate(doc: Doc, mentions: TokenMention[]): TokenMention[] {
  const toks = doc.tokens;
  const patterns: Pattern[] = [];
  // Where "علي" may be the preposition (the article writes ى as ي anywhere: "الي"), it never
  // spreads as a name on its own.
  let yaSpelling: boolean | undefined;
  const ambiguousAli = (w: string): boolean => w === 'علي' && (yaSpelling ??= doc.tokens.some((t) => t.bare === 'الي' || t.bare === 'حتي'));
  // A one-word name the article also uses with the article is a common noun there ("نصر" beside "النصر").
  let bares: Set<string> | undefined;
  const commonNoun = (w: string): boolean => !w.startsWith('ال') && (bares ??= new Set(doc.tokens.map((t) => t.bare))).has('ال' + w);
  for (const m of mentions) {
    const words = toks.slice(m.s, m.e).map((t, k) => (k === 0 ? t.bare : t.norm));
    if (m.type === 'PER' && words.length === 1 && (ambiguousAli(words[0]!) || commonNoun(words[0]!))) continue;
    patterns.push({ words, type: m.type, descriptive: m.descriptive === true, ...(m.nameEnd !== undefined ? { nameLength: m.nameEnd - m.s } : {}) });
    if (m.type === 'PER' && m.e - m.s >= 2) {
      // The surname alone, unless it is the second part of a compound given name ("نور الدين") or
      // follows a particle ("أبو بكر").
      const last = toks[m.e - 1]!;
      const before = toks[m.e - 2]!;
      const compound = COMPOUND_NAME_ENDS.has(last.norm) || PARTICLES.has(before.norm);
      // Nor a family name spelt like a title ("الأمين" of "محمد الأمين"): alone it is the title.
      if (last.norm.length >= 3 && !compound && !isJunkWord(last) && !isTitle(last) && !ambiguousAli(last.bare) && !commonNoun(last.norm)) patterns.push({ words: [last.norm], type: 'PER', descriptive: false });
    }
  }
  const byFirst = new Map<string, Pattern[]>();
  for (const p of patterns) {
    const list = byFirst.get(p.words[0]!) ?? [];
    list.push(p);
    byFirst.set(p.words[0]!, list);
  }
  const extra: TokenMention[] = [];
  for (let i = 0; i < toks.length; i++) {
    let best: Pattern | undefined;
    for (const first of toks[i]!.forms) {
      for (const p of byFirst.get(first) ?? []) {
        const n = p.words.length;
        if ((best && best.words.length >= n) || i + n > toks.length || toks[i + n - 1]!.sentence !== toks[i]!.sentence) continue;
        if (p.words.every((w, k) => k === 0 || toks[i + k]!.norm === w)) best = p;
      }
    }
    if (best) extra.push({ type: best.type, s: i, e: i + best.words.length, ...(best.descriptive ? { descriptive: true } : {}), ...(best.nameLength !== undefined ? { nameEnd: i + best.nameLength } : {}) });
  }
  return overlay(mentions, extra);
}
