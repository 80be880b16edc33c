/**
 * One article in, one Analysis out, through a pipeline of named steps over one document (STEPS:
 * segmentation → reference date → matching form → time expressions → timeline → who's who →
 * brief). Pure (the reference date is passed in) and total: odd input gives an empty-ish analysis,
 * a step that fails is named in `failures` and leaves its part empty rather than losing the rest,
 * and any step can be switched off.
 */
import type { Analysis, ArticleInput, ReferenceFrom, BriefItem, Mention, Sentence, StepFailure, TemporalExpression, TimelineEntry, WhoEntry } from './types.ts';
import { normalize, normalizeWithOffsets, type NormalizedText } from './text/normalize.ts';
import { segment } from './text/segment.ts';
import { findTemporal } from './temporal/index.ts';
import { buildTimeline } from './timeline.ts';
import { analyzeWho, type WhoResult } from './who/index.ts';
import type { Tagger } from './who/tagger.ts';
import { buildBrief } from './brief.ts';
import { parsePublished, referenceFromWeekday, referenceInText } from './reference.ts';

export { InvalidDateError, parsePublished, type Reference } from './reference.ts';

/** An analysis with nothing in it, for input that has no text to analyse. */
export function emptyAnalysis(id?: string): Analysis {
  return {
    ...(id === undefined ? {} : { id }),
    sentences: [],
    brief: [],
    timeline: [],
    who: [],
    mentions: [],
    temporal: [],
    sources: [],
  };
}

/** Above this length the who's-who runs per chunk, so a huge input costs linear time. */
const CHUNK_CHARS = 20_000;

/** A piece of the text for chunked runs: [start, end) in the text, and the sentences inside it. */
export interface Chunk {
  start: number;
  end: number;
  firstSentence: number;
  sentences: Sentence[];
}

/**
 * Cuts the text into pieces of about CHUNK_CHARS characters between sentences (one piece when
 * the text is shorter, as every real article is); sentences come shifted into their piece.
 */
export function chunksOf(text: string, sentences: Sentence[]): Chunk[] {
  if (text.length <= CHUNK_CHARS || sentences.length === 0) {
    return [{ start: 0, end: text.length, firstSentence: 0, sentences }];
  }
  const out: Chunk[] = [];
  let from = 0;
  let first = 0;
  for (let i = 0; i < sentences.length; i++) {
    const next = sentences[i + 1];
    const end = next === undefined ? text.length : next.start;
    if (next !== undefined && end - from < CHUNK_CHARS) continue;
    const shift = (s: Sentence): Sentence => ({ start: s.start - from, end: s.end - from, heading: s.heading });
    out.push({ start: from, end, firstSentence: first, sentences: sentences.slice(first, i + 1).map(shift) });
    from = end;
    first = i + 1;
  }
  return out;
}

/** Moves a span found in a chunk back into the whole text. */
function shifted<T extends { start: number; end: number }>(item: T, by: number): T {
  return { ...item, start: item.start + by, end: item.end + by };
}

/** The who part over chunks: the same entity found in several chunks becomes one entry again. */
function whoChunked(text: string, chunks: Chunk[], tagger?: Tagger): WhoResult {
  if (chunks.length === 1) return analyzeWho(text, chunks[0]!.sentences, tagger);
  const mentions: Mention[] = [];
  const sources = new Set<string>();
  const byKey = new Map<string, WhoEntry>();
  for (const c of chunks) {
    const part = analyzeWho(text.slice(c.start, c.end), c.sentences, tagger);
    for (const m of part.mentions) mentions.push(shifted(m, c.start));
    for (const src of part.sources) sources.add(src);
    for (const e of part.who) {
      const key = `${e.type}:${normalize(e.name)}`;
      const spans = e.mentions.map((m) => shifted(m, c.start));
      const seen = byKey.get(key);
      if (seen === undefined) {
        byKey.set(key, { ...e, aliases: [...e.aliases], mentions: spans, said: [...e.said] });
        continue;
      }
      if (seen.role === '') seen.role = e.role;
      for (const a of e.aliases) if (!seen.aliases.includes(a)) seen.aliases.push(a);
      for (const q of e.said) if (!seen.said.includes(q)) seen.said.push(q);
      seen.mentions.push(...spans);
    }
  }
  // Most central first: the entity mentioned most across the whole text.
  const who = [...byKey.values()].sort((a, b) => b.mentions.length - a.mentions.length);
  return { mentions, who, sources: [...sources] };
}

/** The steps of the analysis, in the order they run. */
export const STEP_NAMES = ['segment', 'reference', 'normalize', 'temporal', 'timeline', 'who', 'brief'] as const;
export type StepName = (typeof STEP_NAMES)[number];


/**
 * The one document the steps read and fill (as spaCy's Doc): the input, then each step's result in
 * its own field. A step reads what the steps before it left and writes its own field only.
 */
export interface PipelineDoc {
  readonly text: string;
  readonly input: ArticleInput;
  /** The named-entity tagger the who step uses (undefined: the shipped model's). */
  readonly tagger: Tagger | undefined;
  sentences: Sentence[];
  chunks: Chunk[];
  /** The reference day as written, "" when the input has none that is valid. */
  reference: string;
  /** Where the reference came from: the publication date, the article's own date in its text, or the day of the analysis. */
  referenceFrom: ReferenceFrom;
  /** The text's matching form, shared by the steps that match words. */
  norm: NormalizedText | undefined;
  temporal: TemporalExpression[];
  timeline: TimelineEntry[];
  who: WhoResult;
  brief: BriefItem[];
}

/** One named step of the pipeline. */
export interface Step {
  name: StepName;
  run(doc: PipelineDoc): void;
}

/** The pipeline: segmentation → reference date → matching form → time expressions → timeline → who's who → brief. */
export const STEPS: readonly Step[] = [
  {
    name: 'segment',
    run(doc) {
      doc.sentences = segment(doc.text);
      doc.chunks = chunksOf(doc.text, doc.sentences);
    },
  },
  {
    name: 'reference',
    run(doc) {
      doc.reference = parsePublished(String(doc.input.reference)).reference;
      doc.referenceFrom = doc.input.referenceIsToday ? 'today' : 'published';
    },
  },
  {
    // Time expressions and the timeline read the text's matching form: normalized once here.
    name: 'normalize',
    run(doc) {
      doc.norm = normalizeWithOffsets(doc.text);
    },
  },
  {
    // Linear in the text, so they see it whole (a clock time finds its day across chunk edges).
    name: 'temporal',
    run(doc) {
      if (doc.reference === '') return;
      doc.temporal = findTemporal(doc.text, doc.reference, doc.input.referenceTime, doc.norm);
      if (doc.referenceFrom !== 'today') return;
      // No publication date: the article's own date in its text, when it tells one, is what its "أمس" counts from.
      const own = referenceInText(doc.sentences, doc.temporal);
      if (own === null) {
        // Still today's week, but on the weekday the article names as its own.
        const weekday = referenceFromWeekday(doc.temporal, doc.reference);
        if (weekday === null) return;
        doc.reference = weekday;
        doc.temporal = findTemporal(doc.text, weekday, undefined, doc.norm);
        return;
      }
      doc.referenceFrom = 'text';
      if (own !== doc.reference) {
        doc.reference = own;
        doc.temporal = findTemporal(doc.text, own, undefined, doc.norm);
      }
    },
  },
  {
    name: 'timeline',
    run(doc) {
      doc.timeline = buildTimeline(doc.text, doc.sentences, doc.temporal, doc.norm);
    },
  },
  {
    name: 'who',
    run(doc) {
      doc.who = whoChunked(doc.text, doc.chunks, doc.tagger);
    },
  },
  {
    name: 'brief',
    run(doc) {
      const title = doc.input.title;
      doc.brief = buildBrief(doc.text, doc.sentences, { ...(title ? { title } : {}), mentions: doc.who.mentions, temporal: doc.temporal });
    },
  },
];

/** How to run the pipeline. */
export interface AnalyzeOptions {
  /** Steps switched off: their part of the analysis stays empty and is not reported as a failure. */
  off?: readonly StepName[];
  /** The named-entity tagger (default: the shipped model's); benchmarks pass one trained without their test data. */
  tagger?: Tagger;
}

/** A new document over the input, every step's field empty. */
function newDoc(input: ArticleInput, text: string, tagger?: Tagger): PipelineDoc {
  return {
    text,
    input,
    tagger,
    sentences: [],
    chunks: [{ start: 0, end: text.length, firstSentence: 0, sentences: [] }],
    reference: '',
    referenceFrom: 'published',
    norm: undefined,
    temporal: [],
    timeline: [],
    who: { mentions: [], who: [], sources: [] },
    brief: [],
  };
}

/** Runs `steps` over `doc`, each failure added to `failures` under the step's name; steps in `off` are skipped. */
function runSteps(doc: PipelineDoc, steps: readonly Step[], off: ReadonlySet<StepName>, failures: StepFailure[]): void {
  for (const step of steps) {
    if (off.has(step.name)) continue;
    try {
      step.run(doc);
    } catch (err) {
      failures.push({ step: step.name, message: err instanceof Error ? err.message : String(err) });
    }
  }
}

/**
 * Runs the steps over one document. A step that throws is reported in `failures` with its own
 * name and leaves its field empty; the steps after it still run on what there is.
 */
export function runPipeline(
  input: ArticleInput,
  text: string,
  options: AnalyzeOptions = {},
  steps: readonly Step[] = STEPS,
): { doc: PipelineDoc; failures: StepFailure[] } {
  const doc = newDoc(input, text, options.tagger);
  const failures: StepFailure[] = [];
  runSteps(doc, steps, new Set(options.off ?? []), failures);
  return { doc, failures };
}

/** Where the pipeline splits: the steps before the who step read no entity, the who step and the brief do. */
const SPLIT = STEPS.findIndex((step) => step.name === 'who');
const FRONT_STEPS = STEPS.slice(0, SPLIT);
const BACK_STEPS = STEPS.slice(SPLIT);

/**
 * What the steps before the who step leave for the who step and the brief, as plain data (no
 * prototype, no function), so that another thread can compute it and pass it on by
 * structured clone: `mojaz analyze --jsonl` runs this part of one article on a worker thread while
 * its own thread runs the who step of the article before.
 */
export interface FrontPart {
  sentences: Sentence[];
  chunks: Chunk[];
  reference: string;
  referenceFrom: ReferenceFrom;
  temporal: TemporalExpression[];
  timeline: TimelineEntry[];
  failures: StepFailure[];
}

/** The text the steps read: the input's, or '' when it has none. */
const textOf = (input: ArticleInput): string => (typeof input?.text === 'string' ? input.text : '');

/** Runs the steps before the who step (segmentation, reference date, matching form, time expressions, timeline). */
export function analyzeFront(input: ArticleInput, options: AnalyzeOptions = {}): FrontPart {
  const { doc, failures } = runPipeline(input, textOf(input), options, FRONT_STEPS);
  const { sentences, chunks, reference, referenceFrom, temporal, timeline } = doc;
  return { sentences, chunks, reference, referenceFrom, temporal, timeline, failures };
}

/** Runs the who step and the brief over what {@link analyzeFront} left, and gives the whole analysis. */
export function analyzeBack(input: ArticleInput, front: FrontPart, options: AnalyzeOptions = {}): Analysis {
  const id = typeof input?.id === 'string' ? input.id : undefined;
  const text = textOf(input);
  if (text.trim() === '') return emptyAnalysis(id);
  const { failures, ...done } = front;
  const doc: PipelineDoc = { ...newDoc(input, text, options.tagger), ...done };
  const all = [...failures];
  runSteps(doc, BACK_STEPS, new Set(options.off ?? []), all);
  return {
    ...(id === undefined ? {} : { id }),
    sentences: doc.sentences,
    brief: doc.brief,
    timeline: doc.timeline,
    who: doc.who.who,
    mentions: doc.who.mentions,
    temporal: doc.temporal,
    sources: doc.who.sources,
    ...(doc.reference !== '' ? { reference: { date: doc.reference, from: doc.referenceFrom } } : {}),
    ...(all.length > 0 ? { failures: all } : {}),
  };
}

/**
 * Analyses one article. Never throws: a step that fails (an invalid reference date, a bug) is
 * named in `failures` and leaves its part empty rather than losing the rest.
 */
export function analyze(input: ArticleInput, options: AnalyzeOptions = {}): Analysis {
  if (textOf(input).trim() === '') return emptyAnalysis(typeof input?.id === 'string' ? input.id : undefined);
  return analyzeBack(input, analyzeFront(input, options), options);
}
