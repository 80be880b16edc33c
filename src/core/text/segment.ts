/**
 * Sentence segmentation of Arabic news text, with offsets into the text as given. One pass per
 * line: quote and bracket pairs are found first (so a full stop inside a quotation does not end
 * the sentence), then the line is cut at sentence-final punctuation. Linear in the text's length.
 */
import type { Sentence } from '../types.ts';
import lexicon from '../lexicon/text-segment.json' with { type: 'json' };
import { normalize } from './normalize.ts';
import { isArabicLetter, isArabicMark, isDigit, isLatinLetter, isSpace } from './tokens.ts';

const OPENERS: Record<string, string> = { '«': '»', '“': '”', '(': ')', '[': ']', '﴾': '﴿', '‹': '›' };
const CLOSERS = new Set(Object.values(OPENERS));
const TERMINATORS = new Set(['.', '!', '?', '؟', '…', '‼', '۔', '⁉']);
const isTerminator = (c: number): boolean =>
  c === 46 || c === 33 || c === 63 || c === 0x61f || c === 0x2026 || c === 0x203c || c === 0x6d4 || c === 0x2049;
/** What may follow a terminator and still belong to the sentence it ends. */
const TRAILERS = new Set([...TERMINATORS, '"', '»', '”', ')', ']', '’', "'", '﴿']);
const FINAL_PUNCTUATION = /[.!?؟…‼۔:;؛،,]["»”)\]’']*$/;

const ABBREVIATIONS = new Set(lexicon.abbreviationsBeforeDot.map((a) => a.toLowerCase()));
const SENTENCE_VERBS = new Set(lexicon.sentenceVerbs.map(normalize));
const CONNECTIVES = new Set(lexicon.connectivesAfterWaw.map(normalize));
const GLUED_HEADING_VERBS = new Set(lexicon.gluedHeadingVerbs.map(normalize));
const GLUED_HEADING_NON_OPENERS = new Set(lexicon.gluedHeadingNonOpeners.map(normalize));

const isLetter = (c: number): boolean => isArabicLetter(c) || isLatinLetter(c);
const isNewline = (c: number): boolean => c === 10 || c === 13 || c === 0x2029 || c === 0x2028;

/** Whether a code unit opens or closes a quotation or bracket (the only ones protectedDepth looks at). */
function isPairChar(c: number): boolean {
  return c === 34 || c === 40 || c === 41 || c === 91 || c === 93 || c === 0xab || c === 0xbb ||
    c === 0x201c || c === 0x201d || c === 0x2039 || c === 0x203a || c === 0xfd3e || c === 0xfd3f;
}

/**
 * Depth of quotation/bracket nesting at each position of text[from, to), or null when the line
 * has no pair at all: pairs are closed within the line; an opener never closed on the line
 * protects nothing, so one stray quote cannot swallow the paragraph.
 */
function protectedDepth(text: string, from: number, to: number): Int32Array | null {
  let diff: Int32Array | null = null;
  const stack: { ch: string; at: number }[] = [];
  for (let i = from; i < to; i++) {
    if (!isPairChar(text.charCodeAt(i))) continue;
    const ch = text[i]!;
    if (ch === '"') {
      let k = stack.length - 1;
      while (k >= 0 && stack[k]!.ch !== '"') k--;
      if (k >= 0) diff = closePair(stack, k, i, from, diff ?? new Int32Array(to - from + 1));
      else stack.push({ ch, at: i });
    } else if (OPENERS[ch] !== undefined) {
      stack.push({ ch, at: i });
    } else if (CLOSERS.has(ch)) {
      let k = stack.length - 1;
      while (k >= 0 && OPENERS[stack[k]!.ch] !== ch) k--;
      if (k >= 0) diff = closePair(stack, k, i, from, diff ?? new Int32Array(to - from + 1));
    }
  }
  if (diff !== null) for (let j = 1; j < diff.length; j++) diff[j]! += diff[j - 1]!;
  return diff;
}

/** Marks stack[k]..close as protected and drops the openers above it (they were never closed). */
function closePair(stack: { ch: string; at: number }[], k: number, close: number, from: number, diff: Int32Array): Int32Array {
  const open = stack[k]!.at;
  diff[open - from + 1]! += 1; // the opener itself is outside, the closer inside
  diff[close - from]! -= 1;
  stack.length = k;
  return diff;
}

/** Whether the dot at `i` is part of a number, a web address or an abbreviation rather than a full stop. */
function isNonFinalDot(text: string, i: number, lineStart: number, lineEnd: number): boolean {
  const prev = i > lineStart ? text.charCodeAt(i - 1) : 32;
  const next = i + 1 < lineEnd ? text.charCodeAt(i + 1) : 32;
  if (isDigit(prev) && isDigit(next)) return true; // 3.5
  if ((isLatinLetter(prev) || isDigit(prev)) && (isLatinLetter(next) || isDigit(next))) return true; // example.com
  if (prev === 46 || next === 46) return false; // part of "..", handled as an ellipsis
  // The word before the dot.
  let w = i;
  while (w > lineStart && !isSpace(text.charCodeAt(w - 1)) && text[w - 1] !== '(' && text[w - 1] !== '"') w--;
  const word = text.slice(w, i);
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  let letters = 0;
  for (let j = 0; j < word.length; j++) if (!isArabicMark(word.charCodeAt(j))) letters++;
  if (letters === 2 && isShortArabic(text, w, i) && spelledSequence(text, w, i, lineStart, lineEnd)) return true;
  // "سي.بي.إس" written without spaces: a dot between one- or two-letter pieces of a word.
  if (isArabicLetter(next) && isShortArabic(text, Math.max(w, text.lastIndexOf('.', i - 1) + 1), i)) {
    let e = i + 1;
    while (e < lineEnd && (isArabicLetter(text.charCodeAt(e)) || isArabicMark(text.charCodeAt(e)))) e++;
    if (isShortArabic(text, i + 1, e)) return true; // "له.وفي" is a missing space, not initials
  }
  if (letters === 1 && isLetter(word.charCodeAt(0))) {
    // "د." "م." "أ." are titles; but "2023 م." ends with the era mark.
    let p = w - 1;
    while (p > lineStart && isSpace(text.charCodeAt(p))) p--;
    return !(p >= lineStart && isDigit(text.charCodeAt(p)));
  }
  return false;
}

/** Whether text[from, to) is one or two Arabic letters (marks aside): a spelled letter such as بي، إف، آر. */
function isShortArabic(text: string, from: number, to: number): boolean {
  let letters = 0;
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    if (isArabicMark(c)) continue;
    if (!isArabicLetter(c)) return false;
    letters++;
  }
  return letters >= 1 && letters <= 2;
}

/**
 * Whether the dot ending the short word text[w, dot) belongs to dotted spelled letters (بي. بي. سي،
 * آر. إف. إي): the word before it or the word after it is also a short word followed by a dot. The
 * last dot of such a run still ends the sentence when a sentence verb follows (… سي. إن. إن. وقال).
 */
function spelledSequence(text: string, w: number, dot: number, lineStart: number, lineEnd: number): boolean {
  let a = dot + 1;
  while (a < lineEnd && isSpace(text.charCodeAt(a))) a++;
  let b = a;
  while (b < lineEnd && !isSpace(text.charCodeAt(b))) b++;
  const nextWord = text.slice(a, b);
  if (nextWord.endsWith('.') && !nextWord.endsWith('..') && isShortArabic(text, a, b - 1)) return true;
  let q = w;
  while (q > lineStart && isSpace(text.charCodeAt(q - 1))) q--;
  if (q === w || text.charCodeAt(q - 1) !== 46) return false;
  let p = q - 1;
  while (p > lineStart && !isSpace(text.charCodeAt(p - 1))) p--;
  if (!isShortArabic(text, p, q - 1)) return false;
  const verb = normalize(nextWord.replace(/[.،,:؛;!?؟]+$/, ''));
  return !(SENTENCE_VERBS.has(verb) || (/^[وف]/.test(verb) && SENTENCE_VERBS.has(verb.slice(1))));
}

/** End of the web address starting at `i`, or -1 when none starts there. */
function urlEndAt(text: string, i: number, lineEnd: number): number {
  if (!(text.startsWith('http://', i) || text.startsWith('https://', i) || text.startsWith('www.', i))) return -1;
  let j = i;
  while (j < lineEnd && !isSpace(text.charCodeAt(j))) j++;
  return j;
}

/** Pushes [start, end) trimmed of white space, when anything is left. */
function pushTrimmed(out: Sentence[], text: string, start: number, end: number): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ start, end, heading: false });
}

const QUOTE_CLOSERS: Record<string, string> = { '"': '"', '»': '«', '”': '“' };
const QUOTE_TAIL_WORDS = new Set(lexicon.quoteTailWords.map(normalize));
/** Fewest words a quotation has to be a statement rather than a quoted name or term ("حركة "النهضة"", "ما سماها "الحرب ضد الإرهاب""). */
const MIN_QUOTED_WORDS = 5;

/** The word at `i` or after the white space there (a page may lose the space: `"…."وأضاف`), normalized. */
function wordAfter(text: string, i: number, to: number): string {
  let a = i;
  while (a < to && isSpace(text.charCodeAt(a))) a++;
  let b = a;
  while (b < to && !isSpace(text.charCodeAt(b))) b++;
  return normalize(text.slice(a, b).replace(/[.،,:؛;!?؟"«»“”]+$/u, ''));
}

/**
 * Whether the closing quotation mark at `close` ends a sentence though no full stop follows it: the
 * quotation ends with its own full stop (`قال: "لن نتراجع." وأضاف …`), or holds a statement of
 * MIN_QUOTED_WORDS words or more and و + a speech verb follows (`قال "إن الوضع مستقر في كل المدن" وأضاف أن …`;
 * not `في ما سماها "الحرب ضد الإرهاب" ولم يبد …`, where the clause goes on).
 * Glued to the quotation, و + a connective or a speech verb opens a new sentence whatever the quotation's
 * length (`"…"ومنذ`, `"…"وأضافت`; not `"داعش"ونشرها`). The next word opens a clause with و or ف and is no
 * attribution tail (`"…." وفق تعبيره`).
 */
function quoteEndsSentence(text: string, close: number, from: number, to: number): boolean {
  const next = wordAfter(text, close + 1, to);
  if (!/^[وف]./u.test(next) || QUOTE_TAIL_WORDS.has(next)) return false;
  let p = close - 1;
  while (p > from && isSpace(text.charCodeAt(p))) p--;
  if (isTerminator(text.charCodeAt(p)) && text[p - 1] !== '.') return true;
  if (!next.startsWith('و')) return false;
  // `ك"لاجئين سياسيين"ومنذ منتصف العام …`: a page that lost the space lost the full stop with it.
  const glued = !isSpace(text.charCodeAt(close + 1));
  if (glued && (CONNECTIVES.has(next.slice(1)) || GLUED_HEADING_VERBS.has(next.slice(1)))) return true;
  if (!GLUED_HEADING_VERBS.has(next.slice(1))) return false;
  const open = text.lastIndexOf(QUOTE_CLOSERS[text[close]!]!, close - 1);
  return open >= from && text.slice(open + 1, close).trim().split(/\s+/u).length >= MIN_QUOTED_WORDS;
}

/** Cuts one line into sentences. */
function segmentLine(text: string, from: number, to: number, out: Sentence[]): void {
  const depth = protectedDepth(text, from, to);
  const inside = (i: number): boolean => depth !== null && depth[i - from]! > 0;
  let start = from;
  let urlEnd = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if ((c === 104 || c === 119) && i >= urlEnd && (i === from || isSpace(text.charCodeAt(i - 1)))) {
      urlEnd = urlEndAt(text, i, to); // only "http…" and "www." start a web address
    }
    if (i < urlEnd) continue;
    // A quotation closed at the outermost level may end its sentence without a full stop after it.
    if ((c === 34 || c === 0xbb || c === 0x201d) && i > start && inside(i - 1) && !inside(i) && quoteEndsSentence(text, i, start, to)) {
      pushTrimmed(out, text, start, i + 1);
      start = i + 1;
      continue;
    }
    if (!isTerminator(c) || inside(i)) continue;
    if (c === 46 && isNonFinalDot(text, i, from, to)) continue;
    let end = i + 1;
    while (end < to && TRAILERS.has(text[end]!) && !inside(end)) end++;
    // Closing quotes right after the terminator belong to this sentence even when they close a pair.
    while (end < to && (text[end] === '"' || text[end] === '»' || text[end] === '”')) end++;
    pushTrimmed(out, text, start, end);
    start = end;
    i = end - 1;
  }
  pushTrimmed(out, text, start, to);
}

/** Whether a short unpunctuated line reads as a section heading rather than a sentence. */
export function isHeadingLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.length > 80 || FINAL_PUNCTUATION.test(trimmed)) return false;
  if (/[،,:؛;]/.test(trimmed)) return false; // "المصدر : …", lists and clauses are not headings
  if (/^[-–—•*]|[-–—]$/.test(trimmed)) return false; // bullets and "-أ ف ب-" credits
  const words = trimmed.split(/\s+/);
  if (words.length > 10) return false;
  let arabic = false;
  for (let i = 0; i < trimmed.length && !arabic; i++) arabic = isArabicLetter(trimmed.charCodeAt(i));
  if (!arabic) return false;
  for (let k = 0; k < words.length; k++) {
    const w = normalize(words[k]!.replace(/["«»“”()]/g, ''));
    if (SENTENCE_VERBS.has(w)) return false;
    // A sentence that goes on from the last one starts with و/ف + a verb or connective: "وقال …",
    // "ولم …", "وفي …"; a heading may still start with a noun such as وزارة or فلسطين.
    if (k === 0 && /^[وف]/.test(w)) {
      const rest = w.slice(1);
      if (SENTENCE_VERBS.has(rest) || CONNECTIVES.has(rest) || rest.startsWith('است')) return false;
    }
  }
  return true;
}

/** Most words a heading glued to the next sentence may have. */
const MAX_GLUED_HEADING_WORDS = 5;

/**
 * Length of a subheading a page lost its line break after, at the start of a sentence: a few
 * verbless words, then و + a speech verb ("ايقاف موظفين عن العمل وقالت إدارة …"); 0 when none.
 */
export function gluedHeadingLength(sentence: string): number {
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  for (let k = 0; (m = re.exec(sentence)) !== null && k <= MAX_GLUED_HEADING_WORDS; k++) {
    const w = normalize(m[0]);
    // A sentence going on from the last ("وأغلقت …", "لكن …", "هذا وقد …") opens no heading.
    if (k === 0 && (/^[وف]/.test(w) || GLUED_HEADING_NON_OPENERS.has(w))) return 0;
    if (k > 0 && w.startsWith('و') && GLUED_HEADING_VERBS.has(w.slice(1))) {
      const head = sentence.slice(0, m.index);
      return isHeadingLine(head) ? m.index : 0;
    }
  }
  return 0;
}

/** Splits text into sentences and headings, with offsets into `text` as given. */
export function segment(text: string): Sentence[] {
  const out: Sentence[] = [];
  const n = text.length;
  let lineStart = 0;
  // Each line: where its sentences start in `out`, and whether it was a single unpunctuated segment.
  const lines: { first: number; count: number }[] = [];
  for (let i = 0; i <= n; i++) {
    if (i < n && !isNewline(text.charCodeAt(i))) continue;
    const before = out.length;
    segmentLine(text, lineStart, i, out);
    if (out.length > before) lines.push({ first: before, count: out.length - before });
    lineStart = i + 1;
  }
  // A heading introduces what follows it, so the last line never is one.
  for (let k = 0; k + 1 < lines.length; k++) {
    const line = lines[k]!;
    if (line.count !== 1) continue;
    const s = out[line.first]!;
    if (isHeadingLine(text.slice(s.start, s.end))) s.heading = true;
  }
  for (let k = 0; k < out.length; k++) {
    const s = out[k]!;
    if (s.heading) continue;
    const cut = gluedHeadingLength(text.slice(s.start, s.end));
    if (cut === 0) continue;
    let end = s.start + cut;
    while (end > s.start && /\s/.test(text[end - 1]!)) end--;
    out.splice(k, 1, { start: s.start, end, heading: true }, { start: s.start + cut, end: s.end, heading: false });
    k++;
  }
  return out;
}
