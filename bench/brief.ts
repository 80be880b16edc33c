/**
 * Brief quality on ANT, against a PROXY reference: there are no written briefs here, so each
 * article's title stands in for one. ROUGE-L (normalized word tokens) of the brief vs. the lead-1/2/3
 * baselines (truncated to 350 characters at a word boundary). Titles are short, so this rewards
 * short outputs; read it as a relative comparison with the leads, not as the held-out score.
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
const systems = ['brief', 'lead-1', 'lead-2', 'lead-3', 'item-1'];
const rows: Row[] = systems.map((name) => ({ name, p: 0, r: 0, f: 0, chars: 0, wins: 0 }));
let n = 0;
let overBudget = 0;
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
  const outputs = [brief, ...leads, items[0]?.text ?? ''];
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
}

console.log(`ROUGE-L vs. TITLE as a proxy reference (no gold briefs), ${n} articles from ${file}`);
console.log('system   precision  recall   F1      mean chars');
for (const row of rows) {
  console.log(
    `${row.name.padEnd(8)} ${(row.p / n).toFixed(4).padStart(9)} ${(row.r / n).toFixed(4).padStart(7)} ${(row.f / n).toFixed(4).padStart(7)} ${(row.chars / n).toFixed(0).padStart(10)}`,
  );
}
const bestLeadF = Math.max(...rows.slice(1, 4).map((r) => r.f / n));
console.log(`brief F1 − best lead F1: ${(rows[0]!.f / n - bestLeadF).toFixed(4)}; brief ≥ best lead on ${rows[0]!.wins}/${n} articles; over ${BRIEF_MAX_CHARS} chars: ${overBudget}`);
