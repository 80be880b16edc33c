/**
 * Clean display names: the clitics (و ف ب ل ك) glued to a name's first word are taken off when the
 * rest is a known form ("ببغداد" → "بغداد", "والعراق" → "العراق"), and kept when the whole word is
 * the name ("واشنطن", "لبنان").
 */
import { normalize } from '../text/normalize.ts';
import { strippedCandidates } from './clitics.ts';
import { dictionaryClass } from './dictionary.ts';
import { FACILITY_HEADS, FIRST_NAMES, GAZ_WORDS, TRIGGERS } from './lexicon.ts';
import { shippedModel, type NerModel } from './tagger.ts';

/** Which forms are names: `lexical` by the lexicons and the model's known words; `inArticle` also by the article's own words. */
export interface FormCheck {
  lexical: (norm: string) => boolean;
  inArticle: (norm: string) => boolean;
  /** Whether the article itself has the word (not the model's known words). */
  inText?: (norm: string) => boolean;
}

/** A form check over the lexicons, a model's known words (the shipped model's by default) and a set of the article's own words. */
export function knownForms(articleWords: ReadonlySet<string>, known: NerModel['known'] = shippedModel().known): FormCheck {
  // The model's known words keep ANERcorp's attached clitics ("وسوريا"), so they only vouch for stripped forms.
  const lexical = (n: string): boolean => GAZ_WORDS.has(n) || FIRST_NAMES.has(n);
  return { lexical, inArticle: (n) => lexical(n) || known.has(n) || articleWords.has(n) || isHeadNoun(n), inText: (n) => articleWords.has(n) };
}

/** Whether a normalized word is a title, organization head, place cue or facility noun ("لجنة", "رئيس", "مدينة", "بئر"). */
export function isHeadNoun(norm: string): boolean {
  return TRIGGERS.org.has(norm) || TRIGGERS.per.has(norm) || TRIGGERS.loc.has(norm) || FACILITY_HEADS.has(norm);
}

/** Drops `count` leading letters (with their marks) from an original word. */
export function dropLetters(word: string, count: number): string {
  let i = 0;
  let dropped = 0;
  while (i < word.length && dropped < count) {
    i++;
    dropped++;
    while (i < word.length && normalize(word[i]!) === '') i++;
  }
  return word.slice(i);
}

/**
 * Whether a form left by taking ب/ك off "بال…" is no Arabic word nor a known name ("اليرمو" of
 * "باليرمو", Palermo): the ب is the name's first letter, not a preposition before the article.
 */
export function isForeignBal(rest: string, isKnown: FormCheck): boolean {
  return !isKnown.inArticle(rest) && !isKnown.inArticle(rest.slice(2)) && dictionaryClass(rest) === 'unknown';
}

/** The display form of a name's first word, without the clitics that are not part of the name. */
export function cleanFirstWord(word: string, isKnown: FormCheck, person = false): string {
  const norm = normalize(word);
  if (word.startsWith('لـ') || word.startsWith('بـ') || word.startsWith('كـ')) return word.slice(2);
  // و/ف/ب/ك + article, or ل + ل(ل)… = ل + article: always clitics.
  const m = /^(و|ف)?(ب|ك)?ال/.exec(norm);
  if (m && (m[1] || m[2]) && norm.length - m[0].length >= 3) {
    const drop = (m[1] ? 1 : 0) + (m[2] ? 1 : 0);
    // ب/ك stays when the word with it is a name of the lexicons ("بالتيمور", whose "التيمور" reads as ال + تيمور).
    const keepsB = m[2] && (isKnown.lexical(norm.slice(drop - 1)) || isForeignBal(norm.slice(drop), isKnown));
    return keepsB ? dropLetters(word, drop - 1) : dropLetters(word, drop);
  }
  const l = /^(و|ف)?لل/.exec(norm);
  if (l && norm.length - l[0].length >= 2 && !isKnown.lexical(norm)) {
    // ل + a noun that opens with ل takes the article in between ("للجنة" = ل + اللجنة, not "الجنة").
    const conj = l[1] ? 1 : 0;
    // ل + a known name that opens with ل ("للبنان" = ل + لبنان, not "البنان").
    if (isKnown.lexical(norm.slice(conj + 1))) return dropLetters(word, conj + 1);
    if (isHeadNoun(norm.slice(conj + 1))) return 'ا' + dropLetters(word, conj);
    return 'ا' + dropLetters(word, l[0].length - 1);
  }
  // A clitic before the particle بن/بو that opens a name ("ببن قردان", "وبن عروس"): the particle stays.
  if (/^(?:[وف]?[بل]|[وف])(?:بن|بو)$/u.test(norm)) return dropLetters(word, norm.length - 2);
  if (isKnown.lexical(norm)) return word;
  // و/ف before a hamza is the conjunction: names and words taken from other languages are written
  // with a bare alef ("والتر", "وانغ"), Arabic ones with their hamza ("وأبان" → "أبان").
  if (person && /^[وف][أإآ]/u.test(word) && norm.length >= 4) return dropLetters(word, 1);
  const candidates = strippedCandidates(norm);
  for (let k = candidates.length - 1; k >= 0; k--) {
    const c = candidates[k]!;
    if (conjunctionAfterPreposition(norm, c) ? vouchedWithWaw(c, isKnown) : isKnown.inArticle(c)) return dropLetters(word, norm.length - c.length);
  }
  return word;
}

/**
 * Whether taking a preposition (ب ل ك) off a word leaves a و in front, which may be the
 * conjunction: a preposition comes after the conjunction, never before it ("بوسالم" is no
 * ب + و + سالم). The model's known words keep ANERcorp's attached clitics ("وسالم"), so they do not
 * vouch for such a rest; see {@link vouchedWithWaw}.
 */
export function conjunctionAfterPreposition(norm: string, rest: string): boolean {
  return /^[بلك]/u.test(norm) && rest.startsWith('و') && norm.length - rest.length === 1;
}

/** A rest in و… is a word when the lexicons know it ("واشنطن"), it is a head noun ("وزارة", "ولاية") or the article has it on its own. */
function vouchedWithWaw(rest: string, isKnown: FormCheck): boolean {
  return isKnown.lexical(rest) || isHeadNoun(rest) || (isKnown.inText?.(rest) ?? false);
}

/**
 * A clean display name from a mention's words. Places and organizations also lose a leading ب/ل
 * before an unknown word ("بسليانة" → "سليانة"); Maghrebi names in بو… and بن… keep theirs
 * ("بوسالم", "بنعروس", "بنقردان"); and a leading و/ف before a hamza, which foreign names write as
 * a bare alef ("وأطباء بلا حدود" → "أطباء بلا حدود", "وأكرانيا" → "أكرانيا").
 */
export function cleanName(words: readonly string[], isKnown: FormCheck, place = false): string {
  // Direction marks and zero-width characters copied with a name ("\u202bتنظيم داعش") are no part of it.
  const kept = words.map((w) => w.replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu, '')).filter((w) => w !== '' && !/^["«»“”'()]+$/.test(w));
  if (kept.length === 0) return '';
  let first = cleanFirstWord(kept[0]!, isKnown, !place && kept.length > 1);
  const norm = normalize(first);
  if (place && first === kept[0] && /^[بل]/.test(norm) && !/^ب[ون]/u.test(norm) && norm.length >= 5 && !isKnown.lexical(norm)) first = dropLetters(first, 1);
  else if (place && first === kept[0] && /^[وف][أإآ]/u.test(first) && norm.length >= 4) first = dropLetters(first, 1);
  return [first, ...kept.slice(1)].join(' ').trim();
}
