/** The work of one `mojaz analyze --jsonl` worker thread: a batch of input lines to their output lines, or started up to the who step. */
import type { Reference } from '../core/analyze.ts';
import { resultLine, startLine, type LineStart } from './analyze.ts';

/** The output line of each input line, in order. */
export function resultLines(lines: readonly string[], fallback: Reference): string[] {
  return lines.map((line) => resultLine(line, fallback));
}

/** Each input line started by startLine (the steps before the who step), in order. */
export function startLines(lines: readonly string[], fallback: Reference): LineStart[] {
  return lines.map((line) => startLine(line, fallback));
}
