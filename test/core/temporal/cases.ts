/** Scoring of the worked temporal cases, shared by the case test and bench/temporal.ts. */
import { findTemporal } from '../../../src/core/temporal/index.ts';

/** One worked case of /work/shared/data/temporal/cases.json. */
export interface TemporalCase {
  text: string;
  expression: string;
  reference_date: string;
  value: string | null;
}

/** A case passes when an expression overlaps the given one and has exactly its value. */
export function scoreCase(c: TemporalCase): { ok: boolean; got: string } {
  const at = c.text.indexOf(c.expression);
  const end = at + c.expression.length;
  const found = findTemporal(c.text, c.reference_date);
  const overlapping = found.filter((e) => e.start < end && e.end > at);
  const ok = overlapping.some((e) => e.value === c.value);
  const got = overlapping.map((e) => `${e.text}=${e.value}`).join(' | ') || '(nothing)';
  return { ok, got };
}

/** Scores every case; failures are described one a line. */
export function scoreCases(cases: TemporalCase[]): { passed: number; failures: string[] } {
  let passed = 0;
  const failures: string[] = [];
  for (const c of cases) {
    const { ok, got } = scoreCase(c);
    if (ok) passed++;
    else failures.push(`${c.text} — want «${c.expression}» = ${c.value}, got ${got}`);
  }
  return { passed, failures };
}
