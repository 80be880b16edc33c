/**
 * Story-grouping benchmark: the 3,106 ANT articles, each analysed by the core, go in publication order
 * through the real story grouper (an in-memory store), with an edited re-publication of every tenth
 * article (a prefix on its title, a line of its own at the end, published up to 6 h later, as in
 * bench:ingest). Then the labeled article pairs of test/stories/pairs.jsonl are scored:
 *   - precision: of the labeled pairs that ended up in one story, the share labeled the same happening;
 *   - recall: of the pairs labeled the same happening, the share that ended up in one story;
 * for the tuning part, the held-out part, the fresh part (labeled after the first tuning), the fresh2 part (labeled
 * after the second), the fresh3 part (labeled after the third), the fresh4 part (labeled after the fourth), the fresh5 part (labeled after the fifth) and all of them (the 511 test pairs) apart, the train part (labeled after the
 * sixth round) and the train2 part (labeled after the seventh), the only pairs weights may be learned on, on their own and together (trains), and the share of edited
 * re-publications that landed in their original's story. An item's story is the one it is in at the end (stories an
 * article tied are merged).
 *
 *   npm run bench:grouping [-- --analyses /tmp/ant-analyses.json] [--list]
 *
 * --options '{"threshold":0.2}' overrides the index's tuning (StoryIndexOptions) for trying values;
 * --analyses caches the core's analyses in a file (read when it exists, written otherwise), so that
 * tuning runs do not re-analyse the corpus; --list prints each labeled pair the grouper gets wrong.
 * --candidates FILE writes the pairs worth labeling (how the pair set was drawn: see test/stories/README.md).
 * --stories FILE writes each ANT article's story at the end (id → story), for comparing two groupers' joins.
 * --errors FILE writes each labeled pair the grouper gets wrong as a line of JSON ({a, b, part, error:
 * "wrong join" | "missed", why, compared}), for scripts/grouping-pairs-show.ts to print with the features.
 * --evidence FILE writes what the index knew about each labeled pair's later article against the
 * earlier one's story when it came, for scripts/grouping-decision-cv.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { analyze } from '../src/core/analyze.ts';
import { referenceFor } from '../src/core/reference.ts';
import type { Analysis } from '../src/core/types.ts';
import { openStore } from '../src/store/sqlite.ts';
import { eventTime, StoryGrouper } from '../src/stories/grouper.ts';
import { StoryIndex, type PairEvidence, type StoryIndexOptions } from '../src/stories/index-terms.ts';
import { featuresOf } from '../src/stories/terms.ts';

interface AntArticle {
  id: string;
  category: string;
  title: string;
  published: string;
  text: string;
}

/** One labeled pair (test/stories/pairs.jsonl). */
interface Pair {
  a: string;
  b: string;
  same: boolean;
  part: 'tune' | 'held-out' | 'fresh' | 'fresh2' | 'fresh3' | 'fresh4' | 'fresh5' | 'train' | 'train2';
  why: string;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const DATA = arg('data') ?? new URL('../../shared/data/ant/articles.jsonl', import.meta.url).pathname;
const PAIRS = new URL('../test/stories/pairs.jsonl', import.meta.url).pathname;
const EDITED_EVERY = 10;

const ant = readFileSync(DATA, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as AntArticle);
const byId = new Map(ant.map((a) => [a.id, a]));

/** The core's analysis of every article (from the cache file when given and present). */
function analyses(): Map<string, Analysis> {
  const cache = arg('analyses');
  if (cache && existsSync(cache)) return new Map(Object.entries(JSON.parse(readFileSync(cache, 'utf8')) as Record<string, Analysis>));
  const out = new Map<string, Analysis>();
  const started = performance.now();
  for (const a of ant) {
    out.set(a.id, analyze({ id: a.id, text: a.text, title: a.title, ...referenceFor(a.published, new Date(), 'UTC') }));
  }
  console.log(`analysed ${ant.length} articles in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (cache) writeFileSync(cache, JSON.stringify(Object.fromEntries(out)));
  return out;
}

interface Item {
  key: string;
  origin: string;
  title: string;
  text: string;
  published: string;
}

/** The stream: every ANT article, and an edited re-publication of every tenth, in publication order. */
function stream(): Item[] {
  const items: Item[] = ant.map((a) => ({ key: a.id, origin: a.id, title: a.title, text: a.text, published: new Date(Date.parse(a.published)).toISOString() }));
  ant.forEach((a, i) => {
    if (i % EDITED_EVERY !== 0) return;
    const hours = (i * 7919) % 6;
    items.push({
      key: `edited-${a.id}`,
      origin: a.id,
      title: `متابعة: ${a.title}`,
      text: `${a.text}\nالمصدر: وكالات ومواقع إخبارية`,
      published: new Date(Date.parse(a.published) + hours * 3600_000).toISOString(),
    });
  });
  return items.sort((x, y) => (x.published < y.published ? -1 : x.published > y.published ? 1 : 0));
}

/** Each item's story, and how the later article of each labeled pair compared with the earlier one when it came. */
interface Grouping {
  stories: Map<string, number>;
  compared: Map<Pair, string>;
  evidence: Map<Pair, PairEvidence>;
}

/** Groups the stream through the real grouper. */
async function group(items: Item[], analysisOf: Map<string, Analysis>, pairs: Pair[]): Promise<Grouping> {
  const store = openStore(':memory:');
  const grouper = new StoryGrouper(store, JSON.parse(arg('options') ?? '{}') as Partial<StoryIndexOptions>);
  const stories = new Map<string, number>();
  const articleIds = new Map<string, number>();
  const compared = new Map<Pair, string>();
  const evidence = new Map<Pair, PairEvidence>();
  let groupMs = 0;
  for (const it of items) {
    const seenAt = new Date(Date.parse(it.published) + 600_000).toISOString();
    const r = await store.upsertArticle({ guid: it.key, title: it.title, text: it.text, published: it.published, seenAt });
    articleIds.set(it.key, r.article.id);
    const analysis = analysisOf.get(it.origin);
    if (r.status !== 'new') {
      stories.set(it.key, (await store.storyOf(r.article.id))!);
      continue;
    }
    for (const p of pairs) {
      const other = p.b === it.key ? p.a : p.a === it.key ? p.b : undefined;
      const otherId = other === undefined ? undefined : articleIds.get(other);
      if (otherId === undefined) continue;
      const c = grouper.index.compare(featuresOf(it.title, it.text, analysis), eventTime(r.article), otherId);
      if (!c) continue;
      const s = c.toStory;
      compared.set(p, `similarity ${c.score.toFixed(3)}, needs ${c.needed.toFixed(3)}${c.candidate ? '' : ', not a candidate'}; to its story: ${s.score.toFixed(3)} needs ${s.needed.toFixed(3)}, as a whole ${s.story.toFixed(3)} of ${s.size}`);
      evidence.set(p, s);
    }
    const t = performance.now();
    stories.set(it.key, (await grouper.assign(r.article, analysis, seenAt)).storyId);
    groupMs += performance.now() - t;
  }
  console.log(`grouped ${items.length} articles: ${(groupMs / 1000).toFixed(1)} s in the grouper (store writes included)`);
  // Merged stories moved their articles: each item's story is the one it is in at the end.
  for (const [key, id] of articleIds) stories.set(key, (await store.storyOf(id)) ?? stories.get(key)!);
  await store.close();
  return { stories, compared, evidence };
}

/** Writes what the index knew about each labeled pair's later article against the earlier one's story when it came (scripts/grouping-decision-cv.ts fits on it). */
function writeEvidence(pairs: Pair[], evidence: Map<Pair, PairEvidence>, out: string): void {
  const rows = pairs.flatMap((p) => {
    const e = evidence.get(p);
    return e ? [JSON.stringify({ a: p.a, b: p.b, part: p.part, same: p.same, evidence: e })] : [];
  });
  writeFileSync(out, `${rows.join('\n')}\n`);
  console.log(`wrote the evidence of ${rows.length} of ${pairs.length} labeled pairs to ${out}`);
}

/** Writes the labeled pairs the grouper gets wrong (scripts/grouping-pairs-show.ts prints them with their features). */
function writeErrors(pairs: Pair[], { stories, compared }: Grouping, out: string): void {
  const rows = pairs.flatMap((p) => {
    const together = stories.get(p.a) === stories.get(p.b);
    if (together === p.same) return [];
    return [JSON.stringify({ a: p.a, b: p.b, part: p.part, error: together ? 'wrong join' : 'missed', why: p.why, compared: compared.get(p) ?? 'never compared' })];
  });
  writeFileSync(out, `${rows.join('\n')}\n`);
  console.log(`wrote the ${rows.length} labeled pairs the grouper gets wrong to ${out}`);
}

const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)}% (${n}/${d})` : 'n/a (0/0)');

function score(pairs: Pair[], { stories, compared }: Grouping, list: boolean): void {
  const isTrain = (p: Pair): boolean => p.part === 'train' || p.part === 'train2';
  for (const part of ['tune', 'held-out', 'fresh', 'fresh2', 'fresh3', 'fresh4', 'fresh5', 'all', 'train', 'train2', 'trains'] as const) {
    // 'all' is the test pairs: every part but the training ones ('trains': both training sets).
    const ps = part === 'all' ? pairs.filter((p) => !isTrain(p)) : part === 'trains' ? pairs.filter(isTrain) : pairs.filter((p) => p.part === part);
    const joined = ps.filter((p) => stories.get(p.a) === stories.get(p.b));
    const right = joined.filter((p) => p.same).length;
    const truePairs = ps.filter((p) => p.same);
    const found = truePairs.filter((p) => stories.get(p.a) === stories.get(p.b)).length;
    console.log(`${part.padEnd(8)} ${String(ps.length).padStart(3)} pairs (${truePairs.length} same happening): joins right ${pct(right, joined.length)}; same-happening pairs joined ${pct(found, truePairs.length)}`);
  }
  if (!list) return;
  for (const p of pairs) {
    const together = stories.get(p.a) === stories.get(p.b);
    if (together === p.same) continue;
    console.log(`  ${together ? 'WRONG JOIN' : 'MISSED'} [${p.part}] ${p.a} ~ ${p.b}: ${p.why}`);
    console.log(`      ${byId.get(p.a)?.title ?? '?'}\n      ${byId.get(p.b)?.title ?? '?'}\n      directly: ${compared.get(p) ?? 'never compared'}`);
  }
}

/** Pairs worth labeling: what the grouper joins, and the nearest article each one was not joined to. */
function candidates(items: Item[], stories: Map<string, number>, analysisOf: Map<string, Analysis>, out: string): void {
  const originals = items.filter((it) => it.key === it.origin);
  const members = new Map<number, string[]>();
  for (const it of originals) {
    const s = stories.get(it.key)!;
    members.set(s, [...(members.get(s) ?? []), it.key]);
  }
  const lines: string[] = [];
  for (const ids of members.values()) {
    if (ids.length < 2) continue;
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) lines.push(JSON.stringify({ kind: 'joined', a: ids[i], b: ids[j], size: ids.length }));
  }
  // The nearest earlier article by words alone (no threshold, no place rule) that is in another story.
  const loose = new StoryIndex({ threshold: 0.12, placeConflictMargin: 0, datelineConflictMargin: 0 });
  originals.forEach((it, n) => {
    const features = featuresOf(it.title, it.text, analysisOf.get(it.key));
    const time = Date.parse(it.published);
    const m = loose.match(features, time);
    if (m) {
      const other = originals[m.articleId]!.key;
      if (stories.get(other) !== stories.get(it.key)) lines.push(JSON.stringify({ kind: 'near', a: other, b: it.key, score: Number(m.score.toFixed(3)) }));
    }
    loose.add(n, n, time, features);
  });
  writeFileSync(out, `${lines.join('\n')}\n`);
  console.log(`wrote ${lines.length} candidate pairs to ${out}`);
}

const pairs = existsSync(PAIRS) ? readFileSync(PAIRS, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Pair) : [];
const missing = pairs.flatMap((p) => [p.a, p.b]).filter((id) => !byId.has(id));
if (missing.length) throw new Error(`pairs name articles not in ${DATA}: ${missing.slice(0, 3).join(', ')}`);
const analysisOf = analyses();
const items = stream();
const grouping = await group(items, analysisOf, pairs);
const { stories } = grouping;
const edited = items.filter((it) => it.key !== it.origin);
const editedJoined = edited.filter((it) => stories.get(it.key) === stories.get(it.origin)).length;
const candidatesOut = arg('candidates');
if (candidatesOut) candidates(items, stories, analysisOf, candidatesOut);
if (pairs.length) score(pairs, grouping, process.argv.includes('--list'));
const storiesOut = arg('stories');
if (storiesOut) writeFileSync(storiesOut, JSON.stringify(Object.fromEntries(items.filter((it) => it.key === it.origin).map((it) => [it.key, stories.get(it.key)]))));
const errorsOut = arg('errors');
if (errorsOut) writeErrors(pairs, grouping, errorsOut);
const evidenceOut = arg('evidence');
if (evidenceOut) writeEvidence(pairs, grouping.evidence, evidenceOut);
const multi = new Map<number, number>();
for (const it of items) if (it.key === it.origin) multi.set(stories.get(it.key)!, (multi.get(stories.get(it.key)!) ?? 0) + 1);
console.log(`stories holding two or more different ANT articles: ${[...multi.values()].filter((n) => n > 1).length}`);
console.log(`edited re-publications in their original's story: ${pct(editedJoined, edited.length)}`);
