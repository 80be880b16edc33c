/**
 * A figure and its baseline at another date, told in one clause ("بلغت نسبة النمو 3ر2 بالمائة خلال
 * سنة 2014، مقابل 4ر2 بالمائة، خلال سنة 2013"): each date's entry carries its own figure. The
 * baseline date's event is the clause with the baseline figure in the place of the other
 * ("بلغت نسبة النمو 4ر2 بالمائة"); the other date's event loses the baseline ("بلغت نسبة النمو 3ر2
 * بالمائة"). Reads a few words before each time, so the pass is linear in the text.
 */
import { normalize } from '../text/normalize.ts';
import data from '../lexicon/temporal/comparison.json' with { type: 'json' };

const words = (list: string[]): Set<string> => new Set(list.map((w) => normalize(w)));
const BASELINE = words(data.baselineWords);
const PERIOD = words(data.periodWords);

/** Most characters read back from a time for the word opening its baseline. */
const REACH = 120;
/** Most words between the baseline word and the time (its figure and the period words). */
const MAX_GAP_WORDS = 12;
/** Most words before a baseline's number (مقابل عجز بـ 12047 …). */
const MAX_LEAD_WORDS = 2;
/** Most unit words after a figure's number (مليون دينار (م د)). */
const MAX_UNIT_WORDS = 4;

const hasDigit = (w: string): boolean => /[0-9٠-٩]/.test(w);
/** A word without the brackets and clause marks around it. */
const bare = (w: string): string => w.replace(/^[(«"]+|[)»",،.؛:]+$/g, '');
const isPeriodWord = (w: string): boolean => PERIOD.has(normalize(bare(w)));

/**
 * The figure a time dates when it closes a baseline ("… مقابل 4ر2 بالمائة، خلال سنة 2013"): the
 * words from the baseline's number to the first period word or clause mark; null when the time
 * closes no baseline. `from` is where the time's sentence starts.
 */
export function baselineFigure(text: string, from: number, at: { start: number }): string[] | null {
  const floor = Math.max(from, at.start - REACH);
  const gap = text.slice(floor, at.start);
  if (!gap.includes('مقابل')) return null; // most times: no baseline word near
  let opener = -1;
  for (const m of gap.matchAll(/(?:^|[\s(])(\S*مقابل)\s/g)) opener = BASELINE.has(normalize(m[1]!)) ? m.index + m[0].length : -1;
  if (opener < 0) return null;
  const rest = gap.slice(opener);
  if (/[.؛:!?؟]/.test(rest.replace(/[0-9]\.[0-9]/g, ''))) return null;
  const ws = rest.split(/\s+/).filter((w) => w !== '');
  if (ws.length === 0 || ws.length > MAX_GAP_WORDS) return null;
  const first = ws.findIndex(hasDigit);
  if (first < 0 || first > MAX_LEAD_WORDS) return null;
  const figure: string[] = [];
  let k = first;
  for (; k < ws.length; k++) {
    const w = ws[k]!;
    // A figure is its number and a few unit words (مليون دينار، ألف طن، م د); و opens another clause.
    if (k > first && (isPeriodWord(w) || k - first > MAX_UNIT_WORDS || w.startsWith('و'))) break;
    const b = bare(w);
    if (b !== '') figure.push(b);
    if (/[،,)]$/.test(w)) {
      k++;
      break;
    }
  }
  // Only period words between the figure and the time: the time dates the figure.
  for (; k < ws.length; k++) if (!isPeriodWord(ws[k]!) && bare(ws[k]!) !== '') return null;
  return figure.length > 0 ? figure : null;
}

/** Index of the baseline word in `ws` whose figure starts with `figure`'s number; -1 when none. */
function baselineAt(ws: string[], figure: string[]): number {
  const number = figure.find(hasDigit);
  for (let i = 0; i < ws.length; i++) {
    if (!BASELINE.has(normalize(ws[i]!))) continue;
    for (let k = i + 1; k <= i + 1 + MAX_LEAD_WORDS && k < ws.length; k++) if (bare(ws[k]!) === number) return i;
  }
  return -1;
}

/** Index just past the figure opening at word i (its number and unit words, up to a period word or clause mark). */
function figureEnd(ws: string[], i: number): number {
  let k = i + 1;
  if (/[،,]$/.test(ws[i]!)) return k;
  for (; k < ws.length && k - i <= MAX_UNIT_WORDS && !isPeriodWord(ws[k]!) && !ws[k]!.startsWith('و'); k++) if (/[،,]$/.test(ws[k]!)) return k + 1;
  return k;
}

/** Trailing period words ("… لكامل", "… خلال نفس الفترة من") off. */
function dropTrailingPeriod(ws: string[]): string[] {
  let n = ws.length;
  while (n > 0 && isPeriodWord(ws[n - 1]!)) n--;
  return ws.slice(0, n);
}

/**
 * The event of a baseline's date: its clause up to the baseline word, with the baseline figure in
 * the place of the last figure before it. The event as it was when it holds no such figure.
 */
export function withBaselineFigure(event: string, figure: string[]): string {
  const ws = event.split(' ');
  const at = baselineAt(ws, figure);
  if (at < 0) return event;
  // "مقابل تراجع بنسبة 4.2 %" after "ارتفعت … بنسبة 5 %": the baseline names another change; its figure would read as a rise.
  const lead = ws.slice(at + 1, at + 2 + MAX_LEAD_WORDS).findIndex((w) => bare(w) === figure[0]);
  const named = ws.slice(at + 1, at + 1 + Math.max(0, lead)).map((w) => normalize(bare(w)).replace(/^ب/, ''));
  const said = new Set(ws.slice(0, at).map((w) => normalize(bare(w))));
  if (named.some((w) => w.length > 1 && !said.has(w) && ![...said].some((h) => h.startsWith(w)))) return event;
  let last = -1;
  for (let i = 0; i < at; i++) if (hasDigit(ws[i]!)) last = i;
  if (last < 0) return event;
  const end = figureEnd(ws, last);
  // "733 7 مليون دينار": a number written in groups of figures starts at its first group.
  let first = last;
  while (first > 0 && /^[0-9٠-٩]+$/.test(ws[first - 1]!)) first--;
  const head = [...ws.slice(0, first), ...figure, ...ws.slice(Math.min(end, at), at)];
  return balanced(dropTrailingPeriod(head.map((w, i) => (i === head.length - 1 ? w.replace(/[،,]$/, '') : w))).join(' '));
}

/** The text without a bracket the cut left open ("تحسنا بنسبة 18% ( 6 د/كغ"). */
function balanced(s: string): string {
  const open = s.lastIndexOf('(');
  return open >= 0 && s.indexOf(')', open) < 0 ? (s.slice(0, open) + s.slice(open + 1)).replace(/\s+/g, ' ').trim() : s;
}

/** The event without a baseline figure told of another date ("… 3ر2 بالمائة مقابل 4ر2 بالمائة" → "… 3ر2 بالمائة"). */
export function withoutBaseline(event: string, figure: string[]): string {
  const ws = event.split(' ');
  const at = baselineAt(ws, figure);
  if (at < 0) return event;
  const number = figure.find(hasDigit);
  let k = at + 1;
  while (k < ws.length && bare(ws[k]!) !== number) k++;
  const end = figureEnd(ws, k);
  let rest = ws.slice(end);
  // Only period words after the figure ("… لكامل"): they went with the baseline's time.
  if (rest.every(isPeriodWord)) rest = [];
  const head = ws.slice(0, at);
  const out = [...head, ...rest];
  return balanced(out.join(' ').replace(/[،,]$/, '').trim());
}
