/**
 * Whether a generated brief says only what the article says, checked before anyone sees it: it
 * must be Arabic, within the length, and every number, month and name (and every word in Latin
 * letters) in it must be found in the article — through the article's analysis (its time values and who list) and its text, both
 * compared in the normalized matching form. Pure: text and analyses in, a verdict out.
 */
import months from '../core/lexicon/temporal/months.json' with { type: 'json' };
import numbers from '../core/lexicon/temporal/numbers.json' with { type: 'json' };
import { asciiDigits, normalize } from '../core/text/normalize.ts';
import type { Analysis } from '../core/types.ts';

/** Longest brief accepted, in characters (the extractive brief's own limit). */
export const GROUNDED_MAX_CHARS = 350;

/** The verdict: accepted, or the reason it was not (for the log; users just get the extractive brief). */
export type Grounding = { ok: true } | { ok: false; reason: string };

/** What the check compares the generated brief with. */
export interface GroundingInput {
  /** The article's text (and title). */
  article: string;
  analysis: Analysis;
  /** The generated brief. */
  brief: string;
  /** The analysis of the generated brief (its names are read from it). */
  briefAnalysis: Analysis;
  maxChars?: number;
}

/** The numbers written in digits in `text` ("1,200" and "3.5" whole), without leading zeros. */
export function numbersIn(text: string): string[] {
  return [...asciiDigits(text).matchAll(/\d+(?:[.,]\d+)*/gu)].map((m) => m[0].replace(/,(?=\d{3}\b)/gu, '').replace(/^0+(?=\d)/u, ''));
}

/**
 * Cardinals in words from two up (numbers.json counts, normalized: "خمسة", "عشرين"); one ("واحد")
 * and two-letter words ("ست") read as other words too often to be counts.
 */
const COUNT_WORDS = new Map(
  Object.entries(numbers.counts)
    .filter(([word, value]) => value >= 2 && word.length >= 3)
    .map(([word, value]) => [normalize(word), value]),
);
const TEN_WORDS = new Set(numbers.countTeen.map((w) => normalize(w)));

/** The value of a normalized word that is a count, with a clitic و ب ل ف ك before it ("بخمسة"); never with ال ("الاثنين" is Monday). */
function countWord(word: string): number | undefined {
  return COUNT_WORDS.get(word) ?? (/^[وبلفك]/u.test(word) ? COUNT_WORDS.get(word.slice(1)) : undefined);
}

/** The counts written in words in `text`, as digits: "خمسة" 5, "خمسة عشر" 15, "خمسة وعشرين" 25. */
export function countWordsIn(text: string): string[] {
  const words = [...normalize(text).matchAll(/\p{L}+/gu)].map((m) => m[0]);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const value = countWord(words[i]!);
    if (value === undefined) continue;
    const next = words[i + 1] ?? '';
    const tens = next.startsWith('و') ? COUNT_WORDS.get(next.slice(1)) : undefined;
    if (value < 10 && TEN_WORDS.has(next)) out.push(String(value + 10));
    else if (value < 10 && tens !== undefined && tens >= 20) out.push(String(value + tens));
    else {
      out.push(String(value));
      continue;
    }
    i++;
  }
  return out;
}

/** Month number of each month name (any calendar's, any region's) in the normalized text. */
const MONTH_NAMES = months.months
  .filter((m) => m.calendar === 'gregorian')
  .flatMap((m) => m.names.map((name) => ({ month: m.month, name: normalize(name) })))
  .filter((m) => m.name.length >= 4)
  // Compiled once here, not for every check.
  .map(({ month, name }) => ({ month, pattern: new RegExp(`(^|[^\\p{L}])[وب]?(ال)?${name}($|[^\\p{L}])`, 'u') }));

/** Gregorian months a normalized text names ("ديسمبر", "كانون الأول", "جانفي"). */
function monthsIn(norm: string): Set<number> {
  const out = new Set<number>();
  for (const { month, pattern } of MONTH_NAMES) if (pattern.test(norm)) out.add(month);
  return out;
}

/** Share of letters that are Arabic (0–1); digits and punctuation do not count. */
function arabicShare(text: string): number {
  let arabic = 0;
  let letters = 0;
  for (const ch of text) {
    if (/\p{L}/u.test(ch)) {
      letters++;
      if (/[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/u.test(ch)) arabic++;
    }
  }
  return letters === 0 ? 0 : arabic / letters;
}

/** The words written in Latin letters in `text` ("John", "CNN"), lower-cased: names the Arabic analysis does not read. */
export function latinWordsIn(text: string): string[] {
  return [...text.matchAll(/[A-Za-z\u00C0-\u024F]{2,}/gu)].map((m) => m[0].toLowerCase());
}

const escapeRe = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** Whether normalized `text` holds `words` as whole words (a clitic و ف ب ل ك or ال may lead). */
function hasWords(text: string, words: string): boolean {
  return new RegExp(`(^|[^\\p{L}])(?:[وفبلك]?(?:ال|لل)?)${escapeRe(words)}($|[^\\p{L}])`, 'u').test(text);
}

/** Checks a generated brief against the article. */
export function checkGrounding(input: GroundingInput): Grounding {
  const { article, analysis, brief, briefAnalysis } = input;
  const text = brief.trim();
  if (text === '') return { ok: false, reason: 'empty answer' };
  const max = input.maxChars ?? GROUNDED_MAX_CHARS;
  if (text.length > max) return { ok: false, reason: `${text.length} characters, over ${max}` };
  if (arabicShare(text) < 0.8) return { ok: false, reason: 'not Arabic' };

  // Numbers: in the article's digits, or parts of its resolved time values (a "الجمعة" resolved to 2023-12-08).
  const known = new Set(numbersIn(article));
  for (const t of analysis.temporal) {
    for (const part of (t.value ?? '').split(/[-T:]/u)) if (/^\d+$/u.test(part)) known.add(part.replace(/^0+(?=\d)/u, ''));
  }
  for (const n of numbersIn(text)) if (!known.has(n)) return { ok: false, reason: `number ${n} is not in the article` };
  // Counts in words ("بخمسة صواريخ"), in the article in digits or in words.
  for (const n of countWordsIn(article)) known.add(n);
  for (const n of countWordsIn(text)) if (!known.has(n)) return { ok: false, reason: `number ${n} (in words) is not in the article` };

  // Months: named in the article, or the month of one of its time values.
  // normalize maps Arabic-Indic and Persian digits too.
  const articleNorm = normalize(article);
  const knownMonths = monthsIn(articleNorm);
  for (const t of analysis.temporal) {
    const month = /^\d{4}-(\d{2})/u.exec(t.value ?? '')?.[1];
    if (month) knownMonths.add(Number(month));
  }
  for (const month of monthsIn(normalize(text))) if (!knownMonths.has(month)) return { ok: false, reason: `month ${month} is not in the article` };

  // Names: every name the brief's analysis finds must be written in the article, or be a name or alias of its who list.
  const whoNames = new Set(analysis.who.flatMap((w) => [w.name, ...w.aliases]).map((n) => normalize(n)));
  for (const mention of briefAnalysis.mentions) {
    const name = normalize(mention.text).trim();
    if (name === '' || whoNames.has(name) || hasWords(articleNorm, name)) continue;
    return { ok: false, reason: `name "${mention.text}" is not in the article` };
  }
  // A name in Latin letters ("وفق ما قاله John Kirby") is no mention of the Arabic analysis: it must be written in the article.
  const articleLatin = new Set(latinWordsIn(article));
  for (const word of latinWordsIn(text)) if (!articleLatin.has(word)) return { ok: false, reason: `Latin word "${word}" is not in the article` };
  return { ok: true };
}
