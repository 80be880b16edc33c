/**
 * Assigns each new article to a story: the running story it is about (same event, another outlet or
 * a follow-up within the window), or a new one. The index lives in memory; after a restart
 * {@link StoryGrouper.warm} rebuilds it from the store's recent articles.
 */
import type { AnalysisOutline } from '../store/stored-analysis.ts';
import type { ArticleRecord, ArticleStore, StoryStore } from '../store/types.ts';
import { StoryIndex, type StoryIndexOptions } from './index-terms.ts';
import { featuresOf } from './terms.ts';

/** Where an article went. */
export interface Assignment {
  storyId: number;
  /** True when it joined an existing story. */
  joined: boolean;
  score: number;
}

/** A feed's clock may run ahead a little (time zones); no further, or one bad date would push the window past everything. */
const MAX_AHEAD_MS = 24 * 3600_000;

/** The time an article is about: its publication time (never more than a day after it was first seen), else when it was first seen. */
export function eventTime(article: { published?: string; firstSeen: string }): number {
  const seen = Date.parse(article.firstSeen);
  const p = article.published ? Date.parse(article.published) : NaN;
  if (Number.isNaN(p)) return seen;
  return Number.isNaN(seen) ? p : Math.min(p, seen + MAX_AHEAD_MS);
}

/** Groups articles into stories through the store. */
export class StoryGrouper {
  index: StoryIndex;

  constructor(
    private readonly store: StoryStore & Pick<ArticleStore, 'getAnalysis'>,
    private readonly options: Partial<StoryIndexOptions> = {},
  ) {
    this.index = new StoryIndex(options);
  }

  /** Rebuilds the index from the store (after a rolled-back transaction left it ahead of the store). */
  async rewarm(now: number): Promise<number> {
    this.index = new StoryIndex(this.options);
    return this.warm(now);
  }

  /** Loads the articles first seen in the window before `now` (ms) into the index. */
  async warm(now: number): Promise<number> {
    const since = new Date(now - this.index.options.windowMs).toISOString();
    let n = 0;
    for (const a of await this.store.articlesSince(since)) {
      if (a.storyId === undefined) continue;
      const analysis = (await this.store.getAnalysis(a.articleId))?.analysis;
      this.index.add(a.articleId, a.storyId, eventTime(a), featuresOf(a.title, a.text, analysis));
      n++;
    }
    return n;
  }

  /**
   * Merges the stories an article ties strongly into one, the oldest (its id the smallest, the one
   * digests most likely showed already), in the store and the index; returns the story that is left.
   */
  private async mergeTies(storyId: number, ties: readonly number[], seenAt: string): Promise<number> {
    let into = storyId;
    for (const other of [...ties].sort((a, b) => a - b)) {
      const [keep, gone] = other < into ? [other, into] : [into, other];
      await this.store.mergeStories(keep, gone, seenAt);
      this.index.relabel(gone, keep);
      into = keep;
    }
    return into;
  }

  /**
   * Puts a newly stored article into its story (joining or creating one) and indexes it. `inNoStory`
   * says the caller knows it is in none (it was stored in the same transaction), which saves a look-up.
   */
  async assign(article: ArticleRecord, analysis: AnalysisOutline | undefined, seenAt: string, inNoStory = false): Promise<Assignment> {
    const existing = inNoStory ? undefined : await this.store.storyOf(article.id);
    const features = featuresOf(article.title, article.text, analysis);
    const time = eventTime(article);
    if (existing !== undefined) {
      this.index.add(article.id, existing, time, features);
      return { storyId: existing, joined: true, score: 1 };
    }
    const match = this.index.match(features, time);
    let result: Assignment;
    if (match) {
      await this.store.addToStory(match.storyId, article.id, match.score, seenAt);
      result = { storyId: await this.mergeTies(match.storyId, match.ties ?? [], seenAt), joined: true, score: match.score };
    } else {
      const story = await this.store.createStory(article.id, article.title, seenAt);
      result = { storyId: story.id, joined: false, score: 1 };
    }
    this.index.add(article.id, result.storyId, time, features);
    return result;
  }
}
