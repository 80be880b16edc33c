/** Arabic stop words (stopwords-iso, MIT), normalized, for overlap measures that should count content words only. */
import stopwordsIso from 'stopwords-iso/stopwords-iso.json' with { type: 'json' };
import { normalize } from './normalize.ts';

const AR = new Set<string>((stopwordsIso as Record<string, string[]>).ar!.map((w) => normalize(w)));

/** Whether a normalized word is an Arabic stop word. */
export function isStopword(normalizedWord: string): boolean {
  return AR.has(normalizedWord);
}
