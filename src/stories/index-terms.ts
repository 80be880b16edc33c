/**
 * An in-memory inverted index over the articles of the recent window, for finding the story a new
 * article belongs to without comparing it with every article: the new article's rarest terms pick
 * the candidates through their postings, and only those are scored (TF-IDF cosine).
 */

import { shareBroadcast } from './broadcast.ts';
import { daysContradict, kindsApart } from './happening.ts';
import { datelinesDiffer, isLocal, localDatelinesApart, placesConflict, sharePlace } from './places.ts';
import { DATE, ENTITY, type ArticleFeatures } from './terms.ts';

/** Tuning of the index. */
export interface StoryIndexOptions {
  /** Articles further apart in time than this are never the same story (default 72 h). */
  windowMs: number;
  /**
   * Least cosine similarity to join a story (default 0.2), for two articles less than half a day
   * apart; the margins below raise it for what tells two happenings apart (days between them,
   * different places, different numbers) and lower it for what ties one happening (rare names and
   * details shared). Tuned on the tuning part of test/stories/pairs.jsonl (npm run bench:grouping).
   */
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
  /**
   * Further similarity needed when both articles give numbers and share none, more than half a day
   * apart (default 0.1): two seizures, accidents or arrests of the genre differ in their counts, ages
   * and quantities, while one happening told again later repeats some of them.
   */
  numberConflictMargin: number;
  /**
   * Further similarity needed when both count what was seized or found and share none of those
   * quantities, however close in time (default 0.2): two seizures of the genre ("7 غرامات", "40
   * غراما" of cocaine in one district) differ in their quantities, one seizure told again repeats them.
   */
  quantityConflictMargin: number;
  /**
   * Further similarity needed for each day between the two articles beyond the first half day
   * (default 0.08): a follow-up days later repeats its event's words and names, while routine news
   * of another day (a seizure, an accident, a statement) shares only the genre's words. Not counted,
   * nor the number conflict, when both timelines date an event on the same day: the later article
   * tells of the earlier one's day (a toll revised, a suspect named, reactions).
   */
  dayMargin: number;
  /**
   * Similarity forgiven when the two articles, less than a day apart, share several rare terms
   * (default 0.05): reactions to one event are worded apart but name its actors and places.
   */
  specificAllowance: number;
  /**
   * Stories of at least this many articles in the window are also compared as a whole (default 7;
   * 0 turns it off): the sum of their articles' unit vectors, against the least similarity any of
   * them would need. A running story (a diplomatic rupture, an election) is told through reactions
   * and measures each worded apart, yet all name its actors and places; what its articles share
   * outweighs what each adds alone. Below 7, a story of one ceremony (an inauguration) drew a
   * president's separate acts of the next days in as a whole (chosen on the train pairs).
   */
  runningStoryMin: number;
  /**
   * The most similarity asked of a same-day retelling (default 0.12): two articles published at most
   * a day apart whose who lists name one rare person or organization, that name one place, and one
   * happening (events.json: a killing, a resignation, a visit; in the title of one of them) tell it
   * again, a reaction or a second angle worded apart ("الغنوشي : جريمة صفاقس …" and "جريمة قتل
   * المهندس التونسي : حماس …"). 1 turns it off.
   */
  retellingThreshold: number;
  /**
   * Least similarity with which an article that joins one story also ties another (default 0.2; 1
   * turns merging off): when it passes the rules, with at least this similarity, against an article
   * of another story published within a day of it (TIE_HOURS), the two stories tell one happening
   * and are merged (StoryGrouper, StoryStore.mergeStories): a London attack's toll and the attackers
   * named, started apart, are tied by the article that tells both.
   */
  mergeSimilarity: number;
  /**
   * Further similarity needed when the two leads date their happenings on different days that the
   * other article never names (default 0.15; happening.ts daysContradict), unless the article's
   * story is a running one (runningStoryMin articles in the window), whose steps each have their day:
   * two sweeps or army operations of the genre, days apart, in one region.
   */
  dayConflictMargin: number;
  /**
   * Least similarity, in place of the threshold, for two articles that name one happening (a noun of
   * events.json, in the title of one of them) and one place that is not a local town (default 0.14;
   * the threshold turns it off): the angles, reactions and follow-ups of a world event are worded
   * apart yet name the event and where it was ("هجوم باريس", "الضربة الأمريكية على سوريا", "الحظر
   * الأمريكي"). Local routine news of one genre in one governorate (arrests, protests, bodies found)
   * is many happenings, so a local place does not count. Chosen on the train pairs (0.12-0.16 alike).
   */
  eventPlaceThreshold: number;
  /**
   * Further similarity needed when both articles are set in local places and their titles name
   * happenings of two kinds (kinds.json: a police operation, a harm) and none they share (default
   * 0.15; happening.ts kindsApart): a governorate's sweep and a death there the same day.
   */
  kindConflictMargin: number;
}

export const DEFAULT_INDEX_OPTIONS: StoryIndexOptions = {
  windowMs: 72 * 3600_000,
  threshold: 0.2,
  queryTerms: 15,
  maxCandidates: 60,
  placeConflictMargin: 0.15,
  datelineConflictMargin: 0.1,
  numberConflictMargin: 0.1,
  quantityConflictMargin: 0.2,
  dayMargin: 0.08,
  specificAllowance: 0.05,
  runningStoryMin: 7,
  retellingThreshold: 0.12,
  mergeSimilarity: 0.2,
  dayConflictMargin: 0.15,
  eventPlaceThreshold: 0.14,
  kindConflictMargin: 0.15,
};

/** A story not looked at as a whole (its similarity is then the article's own). */
const NO_STORY = { similarity: 0, size: 0 };

/** Hours an article of another story may be from an article for the two stories to be tied by it (mergeSimilarity). */
const TIE_HOURS = 24;
/** Hours two articles may be apart before the day margin starts to count. */
const MARGIN_FREE_HOURS = 12;
/** A term is rare when at most this share of the articles ever indexed carry it. */
const RARE_SHARE = 0.008;
/** Shared rare terms that make two articles specific to each other. */
const SPECIFIC_TERMS = 3;

/** What the index knows about an article against one indexed article of a story (for benchmarks: bench:grouping --evidence). */
export interface PairEvidence {
  /** TF-IDF cosine of the two articles. */
  score: number;
  /** The similarity the rules ask for (threshold and margins). */
  needed: number;
  /** The part of the similarity that words give (without the who list's names and the timeline's dates). */
  words: number;
  /** Cosine of the article with the sum of the story's articles' unit vectors in the window (= score when not asked). */
  story: number;
  /** Articles of the story in the window (1 when not asked). */
  size: number;
  /** Rare terms the two share. */
  rare: number;
  /** Whether both name one rare person. */
  person: boolean;
  /** Whether both timelines date an event on one day. */
  sameDate: boolean;
  /** Days between them (not counted past the first half day when they date an event on one day). */
  days: number;
}

/** An article's weighted terms and their norm. */
interface Query {
  weights: Map<string, number>;
  norm: number;
}

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
  /** Other stories the article ties strongly (mergeSimilarity): one happening told in two stories. */
  ties?: number[];
}

/** Terms in more than this share of the indexed articles are too common to look up candidates by. */
const COMMON_SHARE = 0.05;
/** Below this many articles every term may look up candidates. */
const SMALL_INDEX = 200;

/** Whether a date term names a day (d:YYYY-MM-DD…), not a month or a year. */
const isDay = (t: string): boolean => t.length >= DATE.length + 10;

/** Whether both give numbers and none is the same. */
function numbersConflict(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  for (const n of a) if (b.has(n)) return false;
  return true;
}

/** Whether both name one happening (a noun of events.json), and one of them in its title. */
function shareEvent(a: ArticleFeatures, b: ArticleFeatures): boolean {
  for (const e of a.events) if (b.events.has(e) && (a.titleEvents.has(e) || b.titleEvents.has(e))) return true;
  return false;
}

/** Whether some place is a local town or governorate. */
function hasLocal(places: ReadonlySet<string>): boolean {
  for (const p of places) if (isLocal(p)) return true;
  return false;
}

/** Whether two articles name one happening (a noun of events.json, in one of their titles) and one place that is not a local town. */
function sameHappeningNamed(a: ArticleFeatures, b: ArticleFeatures): boolean {
  if (!shareEvent(a, b)) return false;
  for (const p of a.places) if (b.places.has(p) && !isLocal(p)) return true;
  return false;
}

/**
 * Whether two articles (that name one rare actor, at most a day apart) tell one happening again: they
 * name one place and one happening.
 */
function isRetelling(a: ArticleFeatures, b: ArticleFeatures): boolean {
  return shareEvent(a, b) && sharePlace(a, b);
}

/** Whether a shared term is a person or an organization both articles' who lists name. */
function isActorOf(term: string, a: ArticleFeatures, b: ArticleFeatures): boolean {
  if (!term.startsWith(ENTITY)) return false;
  const name = term.slice(ENTITY.length);
  return (a.people.has(name) || a.organizations.has(name)) && (b.people.has(name) || b.organizations.has(name));
}

/** Whether a shared term is a person both articles' who lists name. */
function isPersonOf(term: string, a: ArticleFeatures, b: ArticleFeatures): boolean {
  if (!term.startsWith(ENTITY)) return false;
  const name = term.slice(ENTITY.length);
  return a.people.has(name) && b.people.has(name);
}

/** The index of recent articles (pure: no store, no clock). */
export class StoryIndex {
  private readonly docs = new Map<number, Doc>();
  private readonly postings = new Map<string, number[]>();
  /** The indexed articles of each story. */
  private readonly members = new Map<number, number[]>();
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

  /** The story of the most similar article that is similar enough, or a running story similar enough as a whole. */
  match(article: ArticleFeatures, time: number): StoryMatch | undefined {
    const query = this.query(article);
    if (!query) return undefined;
    let best: StoryMatch | undefined;
    const stories = new Set<number>();
    const strong = new Set<number>();
    for (const doc of this.candidateDocs(query, time)) {
      stories.add(doc.storyId);
      const { score, needed } = this.judge(query, article, time, doc, NO_STORY);
      if (score >= needed && score >= this.options.mergeSimilarity && Math.abs(doc.time - time) <= TIE_HOURS * 3600_000) strong.add(doc.storyId);
      if (score >= needed && (!best || score > best.score)) best = { storyId: doc.storyId, articleId: doc.id, score };
    }
    for (const storyId of stories) {
      const m = this.runningStoryMatch(query, article, time, storyId);
      if (m && (!best || m.score > best.score)) best = m;
    }
    if (best && strong.has(best.storyId) && strong.size > 1) best.ties = [...strong].filter((id) => id !== best.storyId);
    return best;
  }

  /** The indexed articles worth scoring, within the window. */
  private candidateDocs(query: Query, time: number): Doc[] {
    return this.candidates(query.weights)
      .map((id) => this.docs.get(id))
      .filter((d): d is Doc => d !== undefined && Math.abs(d.time - time) <= this.options.windowMs);
  }

  /**
   * What the index knows about an article against a story: the evidence of the story's article it
   * comes nearest to joining by the rules (most similarity beyond what they ask), with its similarity
   * to the story as a whole and the story's size in the window.
   */
  private storyEvidence(query: Query, article: ArticleFeatures, time: number, storyId: number): (PairEvidence & { articleId: number }) | undefined {
    const members = this.membersNear(storyId, time);
    if (members.length === 0) return undefined;
    const story = this.storySimilarity(query, members);
    let best: (PairEvidence & { articleId: number }) | undefined;
    for (const d of members) {
      const e = this.judge(query, article, time, d, story);
      if (!best || e.score - e.needed > best.score - best.needed) best = { ...e, articleId: d.id };
    }
    return best;
  }

  /** The article's cosine with a story as a whole (the sum of its articles' unit vectors in the window) and the story's size there. */
  private storySimilarity(query: Query, members: readonly Doc[]): { similarity: number; size: number } {
    const centroid = new Map<string, number>();
    for (const d of members) {
      const { weights, norm } = this.weighted(d);
      for (const [t, v] of weights) centroid.set(t, (centroid.get(t) ?? 0) + v / (norm || 1));
    }
    let dot = 0;
    for (const [t, v] of query.weights) dot += v * (centroid.get(t) ?? 0);
    return { similarity: dot / (query.norm * StoryIndex.norm(centroid) || 1), size: members.length };
  }

  /** A story's indexed articles within the window of `time`. */
  private membersNear(storyId: number, time: number): Doc[] {
    return (this.members.get(storyId) ?? []).map((id) => this.docs.get(id)).filter((d): d is Doc => d !== undefined && Math.abs(d.time - time) <= this.options.windowMs);
  }

  /** The article compared with a running story as a whole: the sum of its articles' unit vectors in the window. */
  private runningStoryMatch(query: Query, article: ArticleFeatures, time: number, storyId: number): StoryMatch | undefined {
    const members = this.membersNear(storyId, time);
    if (this.options.runningStoryMin <= 0 || members.length < this.options.runningStoryMin) return undefined;
    let needed = Infinity;
    let nearest = members[0]!;
    for (const d of members) {
      const n = this.judge(query, article, time, d, NO_STORY).needed;
      if (n < needed) [needed, nearest] = [n, d];
    }
    const score = this.storySimilarity(query, members).similarity;
    return score >= needed ? { storyId, articleId: nearest.id, score } : undefined;
  }

  /**
   * How an article compares with one indexed article (for benchmarks and tests): their similarity,
   * the similarity it would need to join it, whether the index would look at it at all, and
   * (toStory) the same against the article's story: its member the newcomer comes nearest to joining,
   * with the story as a whole and its size.
   */
  compare(article: ArticleFeatures, time: number, id: number): (PairEvidence & { candidate: boolean; toStory: PairEvidence }) | undefined {
    const query = this.query(article);
    const doc = this.docs.get(id);
    if (!query || !doc) return undefined;
    const toStory = this.storyEvidence(query, article, time, doc.storyId);
    const direct = this.judge(query, article, time, doc, NO_STORY);
    return { ...direct, candidate: this.candidates(query.weights).includes(id), toStory: toStory ?? direct };
  }

  /** An article's weighted terms and their norm; undefined when there is nothing to compare. */
  private query(article: ArticleFeatures): Query | undefined {
    if (article.terms.size === 0 || this.docs.size === 0) return undefined;
    const weights = this.weights(article.terms);
    return { weights, norm: StoryIndex.norm(weights) };
  }

  /** The indexed articles worth scoring: those sharing enough of the query's rarest terms. */
  private candidates(qw: Map<string, number>): number[] {
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
    return [...hits.entries()]
      .filter(([, n]) => n >= minHits)
      .sort((a, b) => b[1] - a[1])
      .slice(0, this.options.maxCandidates)
      .map(([id]) => id);
  }

  /** The similarity of an article to an indexed one, the similarity it needs to join it, and what else a benchmark may weigh (PairEvidence). */
  private judge(query: Query, article: ArticleFeatures, time: number, doc: Doc, story: { similarity: number; size: number }): PairEvidence {
    const { weights: dw, norm } = this.weighted(doc);
    const rareDf = Math.max(2, this.total * RARE_SHARE);
    let dot = 0;
    let named = 0;
    let rare = 0;
    let sameDate = false;
    let person = false;
    let actor = false;
    for (const [t, v] of query.weights) {
      const u = dw.get(t);
      if (u === undefined) continue;
      dot += u * v;
      if (t.startsWith(ENTITY) || t.startsWith(DATE)) named += u * v;
      if (t.startsWith(DATE)) sameDate ||= isDay(t);
      else if ((this.df.get(t) ?? 0) <= rareDf) {
        rare++;
        person ||= isPersonOf(t, article, doc);
        actor ||= isActorOf(t, article, doc);
      }
    }
    const score = dot / (query.norm * norm || 1);
    const hours = Math.abs(doc.time - time) / 3600_000;
    // Articles whose timelines date an event on the same day tell of that day, however far apart they
    // were published: a follow-up (a toll revised, an attacker identified) is not held to the day margin.
    const apart = sameDate ? Math.min(hours, MARGIN_FREE_HOURS) : hours;
    const base = sameHappeningNamed(article, doc) ? Math.min(this.options.threshold, this.options.eventPlaceThreshold) : this.options.threshold;
    const ruled =
      base + (person ? 0 : this.placeMargin(article, doc)) + this.numberMargin(article, doc, apart) + this.timeMargin(apart, rare) + (person ? 0 : this.dayConflict(article, doc)) + this.kindConflict(article, doc);
    // One happening told again the same day, or one broadcast told in two articles within half a day.
    const retold = (actor && hours <= 24 && isRetelling(article, doc)) || (hours <= MARGIN_FREE_HOURS && shareBroadcast(article.broadcasts, doc.broadcasts));
    const needed = retold ? Math.min(ruled, this.options.retellingThreshold) : ruled;
    const words = (dot - named) / (query.norm * norm || 1);
    return { score, needed, words, story: story.size > 0 ? story.similarity : score, size: Math.max(1, story.size), rare, person, sameDate, days: apart / 24 };
  }

  /** The extra similarity two articles need when their leads date two happenings, unless the indexed one is of a running story. */
  private dayConflict(article: ArticleFeatures, doc: Doc): number {
    if (!daysContradict(article, doc)) return 0;
    const running = this.options.runningStoryMin > 0 && (this.members.get(doc.storyId)?.length ?? 0) >= this.options.runningStoryMin;
    return running ? 0 : this.options.dayConflictMargin;
  }

  /** The extra similarity two local articles need when their titles name happenings of two kinds. */
  private kindConflict(a: ArticleFeatures, b: ArticleFeatures): number {
    if (a.titleEvents.size === 0 || b.titleEvents.size === 0 || !kindsApart(a.titleEvents, b.titleEvents)) return 0;
    return hasLocal(a.places) && hasLocal(b.places) ? this.options.kindConflictMargin : 0;
  }

  /**
   * The extra similarity two articles need because of what they count (numbers only past the first
   * half day: within it, other numbers are a toll or a count updated).
   */
  private numberMargin(a: ArticleFeatures, b: ArticleFeatures, hours: number): number {
    return (
      (hours > MARGIN_FREE_HOURS && numbersConflict(a.numbers, b.numbers) ? this.options.numberConflictMargin : 0) +
      (numbersConflict(a.quantities, b.quantities) ? this.options.quantityConflictMargin : 0)
    );
  }

  /**
   * The extra similarity two articles set apart need. Not asked when both name one rare person
   * (isPersonOf): the same actor ties them, whatever places each mentions in passing ("ملف فساد في
   * قفصة" in one part of an interview, "يحكمون تونس" in another).
   */
  private placeMargin(a: ArticleFeatures, b: ArticleFeatures): number {
    if (localDatelinesApart(a.places, b.places)) return this.options.placeConflictMargin + this.options.datelineConflictMargin;
    if (!placesConflict(a, b)) return 0;
    return this.options.placeConflictMargin + (datelinesDiffer(a.places, b.places) ? this.options.datelineConflictMargin : 0);
  }

  /** The similarity two articles need (or are forgiven) for the hours between them and the rare terms they share. */
  private timeMargin(hours: number, rare: number): number {
    const margin = (this.options.dayMargin * Math.max(0, hours - MARGIN_FREE_HOURS)) / 24;
    return rare >= SPECIFIC_TERMS && hours < 24 ? margin - this.options.specificAllowance : margin;
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
    const members = this.members.get(storyId);
    if (members) members.push(id);
    else this.members.set(storyId, [id]);
    for (const t of terms.keys()) {
      let list = this.postings.get(t);
      if (!list) this.postings.set(t, (list = []));
      list.push(id);
    }
    if (time > this.latest) this.latest = time;
    if (++this.addsSinceEvict >= 1000) this.evict(this.latest - 2 * this.options.windowMs);
  }

  /** Moves the indexed articles of story `from` into story `into` (the two were merged). */
  relabel(from: number, into: number): void {
    const moved = this.members.get(from);
    if (!moved || from === into) return;
    for (const id of moved) {
      const doc = this.docs.get(id);
      if (doc) doc.storyId = into;
    }
    this.members.set(into, [...(this.members.get(into) ?? []), ...moved]);
    this.members.delete(from);
  }

  /** Drops articles older than `before` from the postings (their rarity counts stay). */
  evict(before: number): void {
    this.addsSinceEvict = 0;
    const gone = new Set<number>();
    for (const d of this.docs.values()) if (d.time < before) gone.add(d.id);
    if (gone.size === 0) return;
    for (const id of gone) this.docs.delete(id);
    for (const [story, ids] of this.members) {
      const kept = ids.filter((id) => !gone.has(id));
      if (kept.length === 0) this.members.delete(story);
      else this.members.set(story, kept);
    }
    for (const [t, list] of this.postings) {
      const kept = list.filter((id) => !gone.has(id));
      if (kept.length === 0) this.postings.delete(t);
      else this.postings.set(t, kept);
    }
  }
}
