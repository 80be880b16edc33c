/**
 * An in-memory inverted index over the articles of the recent window, for finding the story a new
 * article belongs to without comparing it with every article: the new article's rarest terms pick
 * the candidates through their postings, and only those are scored (TF-IDF cosine).
 */

import { datelinesDiffer, placesConflict } from './places.ts';
import type { ArticleFeatures } from './terms.ts';

/** Tuning of the index. */
export interface StoryIndexOptions {
  /** Articles further apart in time than this are never the same story (default 72 h). */
  windowMs: number;
  /** Least cosine similarity to join a story (default 0.25; on ANT most joins between 0.25 and 0.3 are follow-ups of one event). */
  threshold: number;
  /** How many of the article's top terms look up candidates (default 15). */
  queryTerms: number;
  /** How many candidates (by shared query terms) are scored fully (default 60). */
  maxCandidates: number;
  /**
   * Extra similarity needed when both articles name places and share none (default 0.15): routine
   * news from two towns ("سوسة : حجز مخدرات", "الكاف : حجز مخدرات") reads alike but is two stories.
   */
  placeConflictMargin: number;
  /** Further similarity needed when, on top of that, the two headlines open with different datelines (default 0.1). */
  datelineConflictMargin: number;
}

export const DEFAULT_INDEX_OPTIONS: StoryIndexOptions = {
  windowMs: 72 * 3600_000,
  threshold: 0.25,
  queryTerms: 15,
  maxCandidates: 60,
  placeConflictMargin: 0.15,
  datelineConflictMargin: 0.1,
};

interface Doc extends ArticleFeatures {
  id: number;
  storyId: number;
  time: number;
  /** Weighted terms and their norm, cached while the collection has not grown much since. */
  weights?: Map<string, number>;
  norm?: number;
  weightedAt?: number;
}

/** Cached weights are recomputed once the collection has grown by this share (rarity drifts slowly). */
const REWEIGH_GROWTH = 0.1;

/** The best story for an article, with its similarity. */
export interface StoryMatch {
  storyId: number;
  /** The most similar article of that story. */
  articleId: number;
  score: number;
}

/** Terms in more than this share of the indexed articles are too common to look up candidates by. */
const COMMON_SHARE = 0.05;
/** Below this many articles every term may look up candidates. */
const SMALL_INDEX = 200;

/** The index of recent articles (pure: no store, no clock). */
export class StoryIndex {
  private readonly docs = new Map<number, Doc>();
  private readonly postings = new Map<string, number[]>();
  /** Document frequency over every article ever added (rarity survives eviction). */
  private readonly df = new Map<string, number>();
  private total = 0;
  private latest = -Infinity;
  private addsSinceEvict = 0;
  readonly options: StoryIndexOptions;

  constructor(options: Partial<StoryIndexOptions> = {}) {
    this.options = { ...DEFAULT_INDEX_OPTIONS, ...options };
  }

  /** Number of articles in the index. */
  get size(): number {
    return this.docs.size;
  }

  private idf(term: string): number {
    return Math.log((this.total + 1) / ((this.df.get(term) ?? 0) + 1)) + 1;
  }

  private weights(terms: Map<string, number>): Map<string, number> {
    const w = new Map<string, number>();
    for (const [t, tf] of terms) w.set(t, (1 + Math.log(tf)) * this.idf(t));
    return w;
  }

  private static norm(w: Map<string, number>): number {
    let s = 0;
    for (const v of w.values()) s += v * v;
    return Math.sqrt(s);
  }

  private weighted(doc: Doc): { weights: Map<string, number>; norm: number } {
    if (!doc.weights || doc.norm === undefined || doc.weightedAt === undefined || this.total > doc.weightedAt * (1 + REWEIGH_GROWTH)) {
      doc.weights = this.weights(doc.terms);
      doc.norm = StoryIndex.norm(doc.weights);
      doc.weightedAt = this.total;
    }
    return { weights: doc.weights, norm: doc.norm };
  }

  /** The story whose article is most similar to `terms` within the window, when similar enough. */
  match(article: ArticleFeatures, time: number): StoryMatch | undefined {
    const { terms } = article;
    if (terms.size === 0 || this.docs.size === 0) return undefined;
    const qw = this.weights(terms);
    const qnorm = StoryIndex.norm(qw);
    const common = this.docs.size >= SMALL_INDEX ? this.docs.size * COMMON_SHARE : Infinity;
    const query = [...qw.entries()]
      .filter(([t]) => (this.postings.get(t)?.length ?? 0) <= common)
      .sort((a, b) => b[1] - a[1])
      .slice(0, this.options.queryTerms);
    const hits = new Map<number, number>();
    for (const [t] of query) {
      for (const id of this.postings.get(t) ?? []) hits.set(id, (hits.get(id) ?? 0) + 1);
    }
    const minHits = query.length >= 4 ? 2 : 1;
    const candidates = [...hits.entries()]
      .filter(([, n]) => n >= minHits)
      .sort((a, b) => b[1] - a[1])
      .slice(0, this.options.maxCandidates);
    let best: StoryMatch | undefined;
    for (const [id] of candidates) {
      const doc = this.docs.get(id);
      if (!doc || Math.abs(doc.time - time) > this.options.windowMs) continue;
      const { weights: dw, norm } = this.weighted(doc);
      let dot = 0;
      for (const [t, v] of qw) {
        const u = dw.get(t);
        if (u !== undefined) dot += u * v;
      }
      const score = dot / (qnorm * norm || 1);
      const needed = this.options.threshold + this.conflictMargin(article, doc);
      if (score >= needed && (!best || score > best.score)) best = { storyId: doc.storyId, articleId: id, score };
    }
    return best;
  }

  /** The extra similarity two articles need because of where they are set. */
  private conflictMargin(a: ArticleFeatures, b: ArticleFeatures): number {
    if (!placesConflict(a, b)) return 0;
    return this.options.placeConflictMargin + (datelinesDiffer(a.places, b.places) ? this.options.datelineConflictMargin : 0);
  }

  /** Counts an article's terms towards rarity without indexing it (e.g. a re-publication). */
  private countTerms(terms: Map<string, number>): void {
    this.total++;
    for (const t of terms.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }

  /** Indexes an article of a story. */
  add(id: number, storyId: number, time: number, article: ArticleFeatures): void {
    if (this.docs.has(id)) return;
    const { terms } = article;
    this.countTerms(terms);
    this.docs.set(id, { ...article, id, storyId, time });
    for (const t of terms.keys()) {
      let list = this.postings.get(t);
      if (!list) this.postings.set(t, (list = []));
      list.push(id);
    }
    if (time > this.latest) this.latest = time;
    if (++this.addsSinceEvict >= 1000) this.evict(this.latest - 2 * this.options.windowMs);
  }

  /** Drops articles older than `before` from the postings (their rarity counts stay). */
  evict(before: number): void {
    this.addsSinceEvict = 0;
    const gone = new Set<number>();
    for (const d of this.docs.values()) if (d.time < before) gone.add(d.id);
    if (gone.size === 0) return;
    for (const id of gone) this.docs.delete(id);
    for (const [t, list] of this.postings) {
      const kept = list.filter((id) => !gone.has(id));
      if (kept.length === 0) this.postings.delete(t);
      else this.postings.set(t, kept);
    }
  }
}
