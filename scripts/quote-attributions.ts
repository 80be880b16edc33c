/**
 * Who-said-what over a corpus, for reading by hand: every attribution ("said" of a who entry) of a
 * `mojaz analyze --jsonl` output, with the sentence around it in the article.
 *
 *   npx tsx scripts/quote-attributions.ts sample OUT.jsonl [--n 80] [--seed 10] [--skip 0]
 *     a seeded random sample of attributions (the same seed draws the same sample from the same
 *     output; --skip passes over the first draws, for a fresh sample after an earlier one)
 *   npx tsx scripts/quote-attributions.ts diff BEFORE.jsonl AFTER.jsonl
 *     every attribution that went, came or changed speaker between two outputs
 *
 * --data names the articles (default ../shared/data/ant/articles.jsonl), joined by id.
 */
import { readFileSync } from 'node:fs';

interface Article {
  id: string;
  title: string;
  text: string;
}

interface WhoEntry {
  name: string;
  type: string;
  role: string;
  said: string[];
}

/** One quote given to a speaker. */
export interface Attribution {
  id: string;
  speaker: string;
  type: string;
  role: string;
  said: string;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Every attribution of an analysis output, in file order. */
export function attributionsOf(jsonl: string): Attribution[] {
  const out: Attribution[] = [];
  for (const line of jsonl.split('\n')) {
    if (!line.trim()) continue;
    const a = JSON.parse(line) as { id: string; who?: WhoEntry[] };
    for (const w of a.who ?? []) for (const said of w.said) out.push({ id: a.id, speaker: w.name, type: w.type, role: w.role, said });
  }
  return out;
}

/** A small seeded generator (mulberry32): the same seed gives the same draws. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Indices 0..n-1 in a seeded random order (Fisher–Yates). */
export function shuffled(n: number, seed: number): number[] {
  const next = seeded(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** The text around a quote in its article: from the sentence before it to the end of its own. */
function context(article: Article | undefined, said: string): string {
  if (!article) return '(article not found)';
  const text = article.text;
  const at = text.indexOf(said.slice(0, 40));
  if (at < 0) return '(quote not found in the text)';
  const from = Math.max(text.lastIndexOf('.', Math.max(0, text.lastIndexOf('.', at - 1) - 1)) + 1, at - 400);
  const stop = text.indexOf('.', at + said.length);
  const to = stop < 0 ? text.length : Math.min(stop + 1, at + said.length + 200);
  return text.slice(from, to).replace(/\s+/gu, ' ').trim();
}

const key = (a: Attribution): string => `${a.id}\t${a.said}`;
const show = (a: Attribution): string => `${a.speaker} [${a.type}${a.role ? `, ${a.role}` : ''}]`;

function sample(file: string, articles: Map<string, Article>): void {
  const all = attributionsOf(readFileSync(file, 'utf8'));
  const n = Number(arg('n') ?? 80);
  const skip = Number(arg('skip') ?? 0);
  const order = shuffled(all.length, Number(arg('seed') ?? 10)).slice(skip, skip + n);
  console.log(`${all.length} attributions; sample of ${order.length} (seed ${arg('seed') ?? 10}, skip ${skip})\n`);
  order.forEach((i, k) => {
    const a = all[i]!;
    console.log(`#${k + 1} ${a.id}\n  speaker: ${show(a)}\n  said: «${a.said.slice(0, 160)}»\n  context: ${context(articles.get(a.id), a.said)}\n`);
  });
}

function diff(beforeFile: string, afterFile: string, articles: Map<string, Article>): void {
  const before = new Map(attributionsOf(readFileSync(beforeFile, 'utf8')).map((a) => [key(a), a]));
  const after = new Map(attributionsOf(readFileSync(afterFile, 'utf8')).map((a) => [key(a), a]));
  let gone = 0;
  let came = 0;
  let moved = 0;
  for (const [k, b] of before) {
    const a = after.get(k);
    if (a && a.speaker === b.speaker) continue;
    if (a) moved++;
    else gone++;
    console.log(`${a ? 'MOVED' : 'GONE '} ${b.id}: ${show(b)} → ${a ? show(a) : '(nobody)'}\n  said: «${b.said.slice(0, 160)}»\n  context: ${context(articles.get(b.id), b.said)}\n`);
  }
  for (const [k, a] of after) {
    if (before.has(k)) continue;
    came++;
    console.log(`CAME  ${a.id}: ${show(a)}\n  said: «${a.said.slice(0, 160)}»\n  context: ${context(articles.get(a.id), a.said)}\n`);
  }
  console.log(`before ${before.size}, after ${after.size}: ${gone} gone, ${came} came, ${moved} moved to another speaker`);
}

const DATA = arg('data') ?? new URL('../../shared/data/ant/articles.jsonl', import.meta.url).pathname;
const articles = new Map(
  readFileSync(DATA, 'utf8')
    .trim()
    .split('\n')
    .map((l) => {
      const a = JSON.parse(l) as Article;
      return [a.id, a] as const;
    }),
);
const [mode, first, second] = process.argv.slice(2);
if (mode === 'sample' && first) sample(first, articles);
else if (mode === 'diff' && first && second) diff(first, second, articles);
else console.error('usage: quote-attributions.ts sample OUT.jsonl [--n 80] [--seed 10] [--skip 0] | diff BEFORE.jsonl AFTER.jsonl');
