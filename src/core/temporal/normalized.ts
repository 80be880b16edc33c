/**
 * The matching form of the article the temporal code is reading, kept for the next caller: time
 * expressions and then the timeline normalize the same text one after the other.
 */
import { normalizeWithOffsets, type NormalizedText } from '../text/normalize.ts';

let lastText: string | null = null;
let lastNorm: NormalizedText | null = null;

/** normalizeWithOffsets(text), computed once for two calls in a row on one text (never mutate the result). */
export function normalizedText(text: string): NormalizedText {
  if (lastNorm !== null && text === lastText) return lastNorm;
  lastNorm = normalizeWithOffsets(text);
  lastText = text;
  return lastNorm;
}
