/**
 * An analysis in the form ingest stores it: its JSON, made once where the analysis ran (a worker
 * thread sends this string back instead of the analysis object, which is cheaper to pass between
 * threads than the object), and its outline, the little of it the story grouper reads.
 */
import type { Analysis, TimelineEntry, WhoEntry } from '../core/types.ts';

/** What the story grouper reads of an analysis: who's names, types and aliases, the timeline's dates and their sentences. An Analysis is one. */
export interface AnalysisOutline {
  who: readonly Pick<WhoEntry, 'name' | 'type' | 'aliases'>[];
  timeline: readonly Pick<TimelineEntry, 'date' | 'sentence'>[];
}

/** An analysis ready to store: its JSON without an id (the article's id is added when it is stored), and its outline. */
export interface PreparedAnalysis {
  json: string;
  outline: AnalysisOutline;
}

/** The outline of an analysis (new objects: nothing of the analysis is shared). */
export function outlineOf(analysis: AnalysisOutline): AnalysisOutline {
  return {
    who: analysis.who.map((e) => ({ name: e.name, type: e.type, aliases: [...e.aliases] })),
    timeline: analysis.timeline.map((t) => ({ date: t.date, sentence: t.sentence })),
  };
}

/** An analysis prepared for the store; an id it carries is left out (the stored one is the article's). */
export function prepareAnalysis(analysis: Analysis): PreparedAnalysis {
  const rest: Partial<Analysis> = { ...analysis };
  delete rest.id;
  return { json: JSON.stringify(rest), outline: outlineOf(analysis) };
}

/**
 * The stored JSON of a prepared analysis: with the article's id last, byte for byte what
 * `JSON.stringify({ ...analysis, id })` gives for an analysis without an id.
 */
export function storedAnalysisJson(prepared: Pick<PreparedAnalysis, 'json'>, articleId: number): string {
  const { json } = prepared;
  const id = `"id":${JSON.stringify(String(articleId))}`;
  return json === '{}' ? `{${id}}` : `${json.slice(0, -1)},${id}}`;
}
