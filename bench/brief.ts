/**
 * Brief quality on ANT, against a PROXY reference: there are no written briefs here, so each
 * article's title stands in for one. ROUGE-L (normalized word tokens) of the brief vs. the lead-1/2/3
 * baselines (truncated to 350 characters at a word boundary). Titles are short, so this rewards
 * short outputs; read it as a relative comparison with the leads, not as the held-out score.
 *
 * lead@brief is the lead cut to the brief's own length (a word boundary, not a sentence one): the
 * brief vs. lead@brief shows what the brief's choices do once length is held equal.
 *
 * A second table is length-free: of each part's content words, how many are title words not already
 * in the parts before it (the cleaned first item, what cleaning removed, each added item, and the
 * lead's second and third sentences). It says which parts carry headline content per word, whatever
 * the length of the reference.
 *
 * Usage: npm run bench:brief [-- FILE.jsonl]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { segment } from '../src/core/text/segment.ts';
import { buildBrief, BRIEF_MAX_CHARS } from '../src/core/brief.ts';
import { findTemporal } from '../src/core/temporal/index.ts';
import { analyzeWho } from '../src/core/who/index.ts';
import { parsePublished } from '../src/core/analyze.ts';
import { wordsOf } from '../src/core/text/tokens.ts';
import { isStopword } from '../src/core/text/stopwords.ts';
import { rougeL } from './rouge.ts';

const file = process.argv[2] ?? fileURLToPath(new URL('../../shared/data/ant/articles.jsonl', import.meta.url));
const articles = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as { id: string; title?: string; text: string; published?: string });

/** Cuts text to at most `max` characters at a word boundary. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return text.slice(0, cut > 0 ? cut : max);
}

type Row = { name: string; p: number; r: number; f: number; chars: number; wins: number };
// lead@brief: the lead cut to the brief's own length, to tell what the brief's choices do from
// what its length does (titles reward short outputs).
const systems = ['brief', 'lead-1', 'lead-2', 'lead-3', 'item-1', 'lead@brief'];
const rows: Row[] = systems.map((name) => ({ name, p: 0, r: 0, f: 0, chars: 0, wins: 0 }));
let n = 0;
let overBudget = 0;
let leadOver = 0;
const briefChars: number[] = [];
const leadChars: number[] = [];
/** Content words and new title words per part, for the length-free table. */
const parts = new Map<string, { words: number; hits: number }>();
function countPart(name: string, words: string[], title: Set<string>, seen: Set<string>): void {
  const part = parts.get(name) ?? { words: 0, hits: 0 };
  for (const w of words) {
    if (isStopword(w)) continue;
    part.words++;
    if (title.has(w) && !seen.has(w)) part.hits++;
  }
  parts.set(name, part);
}
/** The words of `all` left once `kept` is taken out (a multiset difference). */
function removedWords(all: string[], kept: string[]): string[] {
  const left = new Map<string, number>();
  for (const w of kept) left.set(w, (left.get(w) ?? 0) + 1);
  return all.filter((w) => {
    const c = left.get(w) ?? 0;
    if (c > 0) left.set(w, c - 1);
    return c === 0;
  });
}
const quantiles = (xs: number[]): string =>
  [0.25, 0.5, 0.75].map((q) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]).join(' / ');
for (const a of articles) {
  if (!a.title) continue;
  const ref = wordsOf(a.title);
  const sentences = segment(a.text);
  const body = sentences.filter((s) => !s.heading).map((s) => a.text.slice(s.start, s.end));
  // The brief sees what analyze() gives it except the title, which is the reference here.
  const { mentions } = analyzeWho(a.text, sentences);
  const temporal = a.published ? findTemporal(a.text, parsePublished(a.published).reference) : [];
  const items = buildBrief(a.text, sentences, { mentions, temporal });
  const brief = items.map((i) => i.text).join(' ');
  if (brief.length > BRIEF_MAX_CHARS) overBudget++;
  // item-1: the brief's first item alone (the cleaned lead), to show what the added items do.
  const leads = [1, 2, 3].map((k) => truncate(body.slice(0, k).join(' '), BRIEF_MAX_CHARS));
  const outputs = [brief, ...leads, items[0]?.text ?? '', truncate(body.join(' '), brief.length)];
  const scores = outputs.map((o) => rougeL(wordsOf(o), ref));
  const bestLead = Math.max(scores[1]!.f, scores[2]!.f, scores[3]!.f);
  scores.forEach((s, k) => {
    const row = rows[k]!;
    row.p += s.p;
    row.r += s.r;
    row.f += s.f;
    row.chars += outputs[k]!.length;
  });
  if (scores[0]!.f >= bestLead) rows[0]!.wins++;
  n++;
  briefChars.push(brief.length);
  if (body[0] !== undefined) {
    leadChars.push(body[0].length);
    if (body[0].length > BRIEF_MAX_CHARS) leadOver++;
  }
  if (items.length === 0 || body.length < 2) continue;
  const title = new Set(ref);
  const first = wordsOf(items[0]!.text);
  const span = sentences[items[0]!.sentence]!;
  countPart('item 1 (cleaned lead)', first, title, new Set());
  countPart('removed by cleaning', removedWords(wordsOf(a.text.slice(span.start, span.end)), first), title, new Set());
  const seen = new Set(first);
  items.slice(1).forEach((item, k) => {
    const w = wordsOf(item.text);
    countPart(`added item ${k + 2}`, w, title, seen);
    for (const x of w) seen.add(x);
  });
  const [s1, s2, s3] = body.slice(0, 3).map(wordsOf);
  countPart('lead sentence 2', s2!, title, new Set(s1));
  if (s3) countPart('lead sentence 3', s3, title, new Set([...s1!, ...s2!]));
}

console.log(`ROUGE-L vs. TITLE as a proxy reference (no gold briefs), ${n} articles from ${file}`);
console.log('system     precision  recall   F1      mean chars');
for (const row of rows) {
  console.log(
    `${row.name.padEnd(10)} ${(row.p / n).toFixed(4).padStart(9)} ${(row.r / n).toFixed(4).padStart(7)} ${(row.f / n).toFixed(4).padStart(7)} ${(row.chars / n).toFixed(0).padStart(10)}`,
  );
}
const bestLeadF = Math.max(...rows.slice(1, 4).map((r) => r.f / n));
console.log(`brief F1 − best lead F1: ${(rows[0]!.f / n - bestLeadF).toFixed(4)}; brief ≥ best lead on ${rows[0]!.wins}/${n} articles; over ${BRIEF_MAX_CHARS} chars: ${overBudget}`);
console.log(`chars q25/median/q75: brief ${quantiles(briefChars)}; lead sentence 1 ${quantiles(leadChars)}; lead sentence 1 over ${BRIEF_MAX_CHARS}: ${leadOver}`);
console.log('new title words per 100 content words (length-free):');
for (const [name, part] of parts) {
  console.log(`  ${name.padEnd(22)} ${((100 * part.hits) / Math.max(1, part.words)).toFixed(2).padStart(6)}  (${part.words} content words)`);
}
