/** Who's who: entity mentions, entities with aliases, roles and quotes, and cited sources. */
import type { Mention, Sentence, WhoEntry } from '../types.ts';

/** The who part of the analysis. */
export interface WhoResult {
  mentions: Mention[];
  who: WhoEntry[];
  sources: string[];
}

/** Finds entity mentions and groups them into entities. */
export function analyzeWho(text: string, sentences: Sentence[]): WhoResult {
  void text;
  void sentences;
  return { mentions: [], who: [], sources: [] }; // placeholder until the who module lands (owner: who helper)
}
