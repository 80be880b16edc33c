/**
 * The analysis contract (../shared/docs/ANALYSIS.md). Other tools read this shape: keep the
 * fields stable and add new ones beside them.
 */

/** A span of the input text: JavaScript string indices, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** One sentence (or heading) of the segmentation that every `sentence` index refers to. */
export interface Sentence extends Span {
  heading: boolean;
}

/** One brief item: a complete sentence or a cleanly shortened clause of one source sentence. */
export interface BriefItem {
  text: string;
  sentence: number;
}

/** A resolved value: YYYY-MM-DD | YYYY-MM | YYYY | YYYY-Qn | YYYY-MM-DDTHH:MM, or null. */
export type TimeValue = string | null;

/** TimeML's kinds of time expression. */
export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** One time expression as written, with its resolved value. */
export interface TemporalExpression extends Span {
  text: string;
  /** The point in time the timeline can use, or null (a length, a recurrence, a decade, "مؤخرا"). */
  value: TimeValue;
  /** What kind of time it is (TimeML): DATE, TIME (a clock time or a part of a day), DURATION or SET. */
  type: TimexType;
  /**
   * Its TIMEX3 value: the point (= value) for a date or time; P3D / PT2H / P26Y for a length; the
   * period for a recurrence (P1Y, P1W); 196X / 18XX for a decade / century; YYYY-Www for a week;
   * PAST_REF / PRESENT_REF / FUTURE_REF for fuzzy times; null when nothing can be said.
   */
  timex: string | null;
  /** START, MID or END for a part of a period (مطلع، منتصف، أواخر); absent otherwise. */
  mod?: 'START' | 'MID' | 'END';
}

/** One dated event of the timeline. */
export interface TimelineEntry extends Span {
  date: string;
  when: string;
  event: string;
  sentence: number;
}

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'SRC';

/** One entity mention in the text. */
export interface Mention extends Span {
  type: EntityType;
  text: string;
}

/** One real-world referent with its aliases, role, mentions and quotes. */
export interface WhoEntry {
  name: string;
  type: EntityType;
  role: string;
  aliases: string[];
  mentions: Span[];
  said: string[];
}

/** The result of analysing one article. */
export interface Analysis {
  id?: string;
  sentences: Sentence[];
  brief: BriefItem[];
  timeline: TimelineEntry[];
  who: WhoEntry[];
  mentions: Mention[];
  temporal: TemporalExpression[];
  sources: string[];
  /** The day relative expressions count from, and where it came from (absent when there is none valid). */
  reference?: { date: string; from: ReferenceFrom };
  /** Steps of the pipeline that failed on this article (absent when every step ran clean). */
  failures?: StepFailure[];
}

/** Where a reference day came from: the publication date, the article's own date in its text, or the day the analysis ran. */
export type ReferenceFrom = 'published' | 'text' | 'today';

/** A pipeline step that threw on an article: its name and the error message. Its part stays empty. */
export interface StepFailure {
  step: string;
  message: string;
}

/** What the core is given: text, optional title, and the reference date for relative expressions. */
export interface ArticleInput {
  id?: string;
  text: string;
  title?: string;
  /** Reference calendar day, YYYY-MM-DD (the publication date in the article's own time zone). */
  reference: string;
  /** Clock time of publication, HH:MM, when known (for "هذا الصباح"-style expressions). */
  referenceTime?: string;
  /** The article has no publication date and `reference` is the day of the analysis: its own date in its text, if any, counts instead. */
  referenceIsToday?: boolean;
}
