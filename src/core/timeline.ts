/** The timeline: dated events, oldest first, one per distinct (date, event). */
import type { Sentence, TemporalExpression, TimelineEntry } from './types.ts';

/** Builds the timeline from the segmentation and the resolved time expressions. */
export function buildTimeline(text: string, sentences: Sentence[], temporal: TemporalExpression[]): TimelineEntry[] {
  void text;
  void sentences;
  void temporal;
  return []; // placeholder until the timeline module lands (owner: temporal helper)
}
