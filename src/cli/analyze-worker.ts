/** The work of one `mojaz analyze --jsonl` worker thread: a batch of input lines to their output lines. */
import type { Reference } from '../core/analyze.ts';
import { resultLine } from './analyze.ts';

/** The output line of each input line, in order. */
export function resultLines(lines: readonly string[], fallback: Reference): string[] {
  return lines.map((line) => resultLine(line, fallback));
}
