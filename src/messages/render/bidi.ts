/**
 * Right-to-left safety for mixed Arabic/Latin lines. Chat clients pick a paragraph's direction
 * from its first strong character and reorder weak characters (digits, %, /, trailing
 * punctuation) by the Unicode bidi algorithm, which scrambles lines such as
 * "رابط: https://example.com/" or "Joe Biden قال …". We isolate each left-to-right run
 * (Latin words, numbers, URLs) in FSI…PDI so it keeps its own order and sits as one unit in
 * the Arabic line, and start a line with RLM when its first strong character is Latin, so the
 * line stays right-to-left. Marks go around URLs, never inside them.
 */

/** FIRST STRONG ISOLATE: opens a run whose direction comes from its own first strong character. */
export const FSI = '\u2068';
/** POP DIRECTIONAL ISOLATE: closes the run opened by FSI. */
export const PDI = '\u2069';
/** RIGHT-TO-LEFT MARK: an invisible strong right-to-left character. */
export const RLM = '\u200F';

const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const ARABIC_STRONG = /[\u0620-\u064A\u066E-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF\u200F]/u;
const LATIN_STRONG = /[A-Za-z\u00C0-\u024F\u200E]/u;

/** A URL as chat clients link it; trailing punctuation is left outside. */
const URL_RE = /https?:\/\/[^\s<>"«»]+[^\s<>"«».,،؛:;!?؟)\]}'’]/gu;
/**
 * A left-to-right run: starts with a Latin letter or an ASCII digit, goes on over Latin letters,
 * digits and the joiners inside names and numbers ("3.5", "1,200", "04:00", "e-mail", "O'Neil",
 * "Joe Biden", "Windows 11"), and may end in a percent sign.
 */
const LTR_RUN_RE =
  /[A-Za-z\u00C0-\u024F0-9](?:[A-Za-z\u00C0-\u024F0-9]|[.,:/\-+_'’&@#]+(?=[A-Za-z\u00C0-\u024F0-9])|[ \t]+(?=[A-Za-z\u00C0-\u024F0-9]))*%?/gu;

/** Whether `text` holds at least one Arabic letter. */
export function hasArabic(text: string): boolean {
  return ARABIC_LETTER.test(text);
}

/** The direction of the first strong character of `text`, or undefined when it has none. */
export function firstStrong(text: string): 'rtl' | 'ltr' | undefined {
  for (const ch of text) {
    if (ARABIC_STRONG.test(ch)) return 'rtl';
    if (LATIN_STRONG.test(ch)) return 'ltr';
  }
  return undefined;
}

function isolateRunsOutsideUrls(text: string): string {
  return text.replace(LTR_RUN_RE, (run, offset: number, whole: string) =>
    whole[offset - 1] === FSI ? run : `${FSI}${run}${PDI}`,
  );
}

/**
 * Wraps every left-to-right run of an Arabic text (URLs whole, Latin words, numbers) in FSI…PDI.
 * Text without Arabic letters is returned unchanged (it reads left to right on its own) unless
 * `inArabicLine` says it is a piece of a longer Arabic line.
 */
export function isolateLtrRuns(text: string, inArabicLine = false): string {
  if (!inArabicLine && !hasArabic(text)) return text;
  let out = '';
  let last = 0;
  for (const match of text.matchAll(URL_RE)) {
    const start = match.index;
    out += isolateRunsOutsideUrls(text.slice(last, start));
    out += text[start - 1] === FSI ? match[0] : `${FSI}${match[0]}${PDI}`;
    last = start + match[0].length;
  }
  return out + isolateRunsOutsideUrls(text.slice(last));
}

/** Whether a line of an Arabic message needs an RLM in front to stay right-to-left. */
export function needsRlm(line: string): boolean {
  return hasArabic(line) && firstStrong(line) === 'ltr';
}

/** Makes one plain-text line safe to show in a right-to-left chat (isolation + leading RLM). */
export function bidiLine(line: string): string {
  const isolated = isolateLtrRuns(line);
  return needsRlm(line) ? RLM + isolated : isolated;
}

/** Makes every line of a plain text safe to show in a right-to-left chat. */
export function bidiText(text: string): string {
  return text.split('\n').map(bidiLine).join('\n');
}

/** Removes the marks this module adds (for comparisons, copy-paste and measuring). */
export function stripBidiMarks(text: string): string {
  return text.replace(/[\u2066-\u2069\u200E\u200F]/gu, '');
}

/**
 * Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) as users and feeds type
 * them: an RLO (U+202E) turns "exe.txt" into what looks like "txt.exe", and a stray PDI closes one
 * of the isolates mojaz itself opens. The renderers drop them from every text before adding their own.
 */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/gu;

/** `text` without bidi embeddings, overrides and isolates (mojaz marks direction itself). */
export function neutralizeBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
