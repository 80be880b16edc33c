/**
 * Whether a word is an ordinary Arabic word: looked up, through its clitics and inflectional
 * endings, in the Ayaspell word list (src/core/lexicon/who/arabic-words.json, built by
 * scripts/ner-dictionary.ts). A word the list does not know is most often a name, a transliterated
 * one above all ("فرويد", "كاتانغا"): what the tagger cannot learn from its training data for a
 * word that data never shows.
 */
import dictionaryData from '../lexicon/who/arabic-words.json' with { type: 'json' };

const COMMON = new Set(dictionaryData.common.split(' '));
const PROPER = new Set(dictionaryData.proper.split(' '));

/**
 * Dictionary class of a normalized word: a proper noun of the list (a country, capital, person),
 * an adjective of one ("الفرنسية" of فرنسا), a common word (through clitics and endings), or not
 * in the list.
 */
export type DictionaryClass = 'proper' | 'nisba' | 'common' | 'unknown';

/** Endings tried off a word: pronoun suffixes, plural and dual endings, the feminine, the accusative alif. */
const SUFFIXES = ['تهما', 'هما', 'كما', 'تها', 'تهم', 'يون', 'يين', 'ها', 'هم', 'هن', 'كم', 'نا', 'ات', 'ون', 'ين', 'ان', 'وا', 'ية', 'ته', 'ه', 'ة', 'ك', 'ت', 'ا'];

/** Nisba endings, longest first. */
const NISBA = ['يين', 'يون', 'يان', 'ية', 'ي'];

/** The word and the forms left by taking off leading clitics: و/ف, then ب/ل/ك (لل as ل + ال), the article or the future س. */
export function prefixStrips(word: string): string[] {
  const out = [word];
  let rest = word;
  if ((rest[0] === 'و' || rest[0] === 'ف') && rest.length > 3) out.push((rest = rest.slice(1)));
  if (rest.startsWith('لل') && rest.length > 3) {
    out.push(rest.slice(2), 'ال' + rest.slice(2));
    return out;
  }
  if ('بلك'.includes(rest[0] ?? '-') && rest.length > 3) out.push((rest = rest.slice(1)));
  if (rest.startsWith('ال') && rest.length > 3) out.push(rest.slice(2));
  else if (rest[0] === 'س' && 'يتنا'.includes(rest[1] ?? '-') && rest.length > 4) out.push(rest.slice(1));
  return out;
}

/** A form and the forms left by taking one ending off it (a stem of at least two letters), with ة and a bare final hamza restored and a final ى read as ي. */
export function suffixStrips(form: string): string[] {
  const out = [form];
  if (form.endsWith('ى')) out.push(form.slice(0, -1) + 'ي');
  for (const s of SUFFIXES) {
    if (form.length - s.length < 2 || !form.endsWith(s)) continue;
    const stem = form.slice(0, -s.length);
    out.push(stem);
    if (stem.endsWith('ت')) out.push(stem.slice(0, -1) + 'ة');
    if (s === 'ات') out.push(stem + 'ة');
    // A final hamza sits on a seat before an ending: أبناء → أبنائه.
    if (stem.endsWith('ئ') || stem.endsWith('ؤ')) out.push(stem.slice(0, -1) + 'ء');
  }
  return out;
}

/** What a nisba adjective may derive from: the form without its ending, with a final ا or ة restored ("فرنسي" → فرنسا). */
export function nisbaBases(form: string): string[] {
  const ending = NISBA.find((e) => form.endsWith(e) && form.length - e.length >= 2);
  if (!ending) return [];
  const base = form.slice(0, -ending.length);
  return [base, base + 'ا', base + 'ة'];
}

/** The dictionary class of a normalized Arabic word (see {@link DictionaryClass}). */
export function dictionaryClass(norm: string): DictionaryClass {
  const forms = prefixStrips(norm);
  if (forms.some((f) => PROPER.has(f))) return 'proper';
  if (forms.some((f) => nisbaBases(f).some((b) => PROPER.has(b)))) return 'nisba';
  if (forms.some((f) => suffixStrips(f).some((s) => COMMON.has(s)))) return 'common';
  return 'unknown';
}

/**
 * Whether a word written with a final alif reads as an indefinite accusative of an ordinary word,
 * an adverb or a circumstantial participle, never a name: the tanween written ("تعزيرياً",
 * "سورياً" of "لاجئاً سورياً"), a nisba in يا whose base is a word or a proper noun of the list
 * ("هيكليا", "زلزاليا", "إيرانيا"), or a participle in م… the list has ("منتقدا"). A proper noun
 * of the list ("سوريا", "تركيا") is not one; callers leave out the places and given names of the
 * lexicons too.
 */
export function isAccusativeWord(text: string, norm: string): boolean {
  if (/ً/u.test(text)) return true;
  if (!norm.endsWith('ا') || norm.length < 5 || PROPER.has(norm)) return false;
  const stem = norm.slice(0, -1);
  const base = stem.endsWith('ي') ? stem.slice(0, -1) : '';
  if (base.length >= 3 && (COMMON.has(base) || PROPER.has(base) || COMMON.has(base + 'ة'))) return true;
  return stem.startsWith('م') && COMMON.has(stem);
}

/**
 * Whether a normalized word is an ordinary word of the list with the accusative alif added
 * ("شابا" of شاب, "سفيرا" of سفير, "ايابا" of اياب): the word in ا is neither in the list itself
 * nor a proper noun of it. Names in ا whose stem happens to be a word ("ديانا", "بابا") pass too,
 * so callers ask for an accusative frame around it.
 */
export function isAccusativeOfWord(norm: string): boolean {
  if (!norm.endsWith('ا') || norm.length < 4 || PROPER.has(norm) || COMMON.has(norm)) return false;
  return COMMON.has(norm.slice(0, -1));
}

/**
 * Whether a normalized word (clitics off) ends in ي on an ordinary word of the list: a nisba
 * adjective ("سلفي" of سلف, "تكفيري", "هيكلي", "علفي"), a noun with "my" ("ضميري", "سبيلي") or a
 * masculine plural in construct ("ميسوري" of ميسور). The word itself may be unknown to the list,
 * which holds few nisbas. Family names have this shape too ("الهمامي", "موسي"): callers ask for
 * more.
 */
export function isYaOfWord(norm: string): boolean {
  return prefixStrips(norm).some((f) => {
    const m = /^(.{3,})(?:ي|ية)$/u.exec(f);
    if (!m) return false;
    const base = m[1]!;
    return COMMON.has(base) || COMMON.has(base + 'ة') || COMMON.has(base + 'ون');
  });
}
