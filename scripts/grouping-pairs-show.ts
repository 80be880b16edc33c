/**
 * Prints article pairs with what the story grouper sees of each article: title, lead, publication
 * time, places, towns, numbers, quantities, people, organizations, happening nouns and timeline days.
 * For reading the wrong joins and misses of bench:grouping --list, and for labeling new pairs.
 *
 *   npx tsx scripts/grouping-pairs-show.ts PAIRS.jsonl --analyses /tmp/ant-analyses.json [--lead 400]
 *
 * PAIRS.jsonl holds one {"a": id, "b": id, …} a line; the other fields are printed as given.
 */
import { readFileSync } from 'node:fs';
import type { Analysis } from '../src/core/types.ts';
import { featuresOf, type ArticleFeatures } from '../src/stories/terms.ts';

interface AntArticle {
  id: string;
  title: string;
  published: string;
  text: string;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const DATA = arg('data') ?? new URL('../../shared/data/ant/articles.jsonl', import.meta.url).pathname;
const LEAD = Number(arg('lead') ?? 300);
const ant = new Map(readFileSync(DATA, 'utf8').trim().split('\n').map((l) => { const a = JSON.parse(l) as AntArticle; return [a.id, a]; }));
const analyses = JSON.parse(readFileSync(arg('analyses') ?? '/tmp/ant-analyses.json', 'utf8')) as Record<string, Analysis>;

const list = (s: ReadonlySet<string>): string => [...s].join('، ');

/** One article's lines. */
function show(id: string): string {
  const a = ant.get(id);
  if (!a) return `  ${id}: not in ANT`;
  const an = analyses[id];
  const f: ArticleFeatures = featuresOf(a.title, a.text, an);
  const days = [...new Set((an?.timeline ?? []).map((t) => t.date))].join(' ');
  return [
    `  ${id} ${a.published}: ${a.title}`,
    `    ${a.text.replace(/\s+/g, ' ').slice(0, LEAD)}`,
    `    places: ${list(f.places)} | towns: ${list(f.towns)} | numbers: ${list(f.numbers)} | qty: ${list(f.quantities)}`,
    `    people: ${list(f.people)} | orgs: ${list(f.organizations)} | events: ${list(f.events)} | days: ${days}`,
  ].join('\n');
}

const file = process.argv[2]!;
readFileSync(file, 'utf8').trim().split('\n').forEach((line, n) => {
  const p = JSON.parse(line) as { a: string; b: string } & Record<string, unknown>;
  const { a, b, ...rest } = p;
  console.log(`#${n + 1} ${JSON.stringify(rest)}\n${show(a)}\n${show(b)}\n`);
});
