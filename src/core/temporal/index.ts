/** Time expressions: finds every one in the text and resolves it against the reference date. */
import type { TemporalExpression } from '../types.ts';

/** Every time expression in `text`, with offsets and a value resolved against `reference` (YYYY-MM-DD). */
export function findTemporal(text: string, reference: string, referenceTime?: string): TemporalExpression[] {
  void text;
  void reference;
  void referenceTime;
  return []; // placeholder until the temporal module lands (owner: temporal helper)
}
