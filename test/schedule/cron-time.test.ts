import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cronFields, instantsOf, isTimeZone, nextRun, previousRun, runsPerDay, type CronFields } from '../../src/schedule/cron-time.ts';

function fields(expr: string): CronFields {
  const f = cronFields(expr);
  if ('error' in f) throw new Error(f.error);
  return f;
}

const NEXT: [string, string, string, string | null][] = [
  // expression, zone, after, expected next run (UTC)
  ['0 8 * * *', 'Europe/Paris', '2026-03-28T07:00:00Z', '2026-03-29T06:00:00Z'], // CET → CEST
  ['0 8 * * *', 'Europe/Paris', '2026-10-24T06:00:00Z', '2026-10-25T07:00:00Z'], // CEST → CET
  ['30 2 * * *', 'Europe/Paris', '2026-03-28T00:00:00Z', '2026-03-28T01:30:00Z'],
  ['30 2 * * *', 'Europe/Paris', '2026-03-28T01:30:00Z', '2026-03-30T00:30:00Z'], // 02:30 does not exist on 29 March
  ['30 2 * * *', 'Europe/Paris', '2026-10-24T23:00:00Z', '2026-10-25T00:30:00Z'], // first of the two 02:30s
  ['30 2 * * *', 'Europe/Paris', '2026-10-25T00:30:00Z', '2026-10-26T01:30:00Z'], // the repeated 02:30 runs once
  ['0 7,19 * * *', 'Asia/Baghdad', '2026-03-29T00:00:00Z', '2026-03-29T04:00:00Z'],
  ['0 7,19 * * *', 'Asia/Baghdad', '2026-03-29T04:00:00Z', '2026-03-29T16:00:00Z'],
  ['0 7,19 * * *', 'Asia/Baghdad', '2026-10-25T16:00:00Z', '2026-10-26T04:00:00Z'], // no DST in Iraq
  ['0 7 * * *', 'Africa/Tunis', '2026-12-31T07:00:00Z', '2027-01-01T06:00:00Z'],
  ['0 9 * * 5', 'Asia/Riyadh', '2026-11-24T00:00:00Z', '2026-11-27T06:00:00Z'], // next Friday
  ['0 0 29 2 *', 'UTC', '2026-03-01T00:00:00Z', '2028-02-29T00:00:00Z'],
];

for (const [expr, zone, after, expected] of NEXT) {
  test(`GIVEN "${expr}" in ${zone} after ${after} THEN the next run is ${expected}`, () => {
    const got = nextRun(fields(expr), zone, new Date(after));
    assert.equal(got?.toISOString().replace('.000', '') ?? null, expected);
  });
}

const PREVIOUS: [string, string, string, string][] = [
  ['0 8 * * *', 'Europe/Paris', '2026-03-29T05:59:00Z', '2026-03-28T07:00:00Z'],
  ['0 8 * * *', 'Europe/Paris', '2026-03-29T06:00:00Z', '2026-03-29T06:00:00Z'], // at the run itself
  ['0 7,19 * * *', 'Asia/Baghdad', '2026-03-29T15:59:00Z', '2026-03-29T04:00:00Z'],
  ['30 2 * * *', 'Europe/Paris', '2026-03-29T23:00:00Z', '2026-03-28T01:30:00Z'], // skips the missing 02:30
];

for (const [expr, zone, at, expected] of PREVIOUS) {
  test(`GIVEN "${expr}" in ${zone} at ${at} THEN the previous run is ${expected}`, () => {
    assert.equal(previousRun(fields(expr), zone, new Date(at))?.toISOString().replace('.000', ''), expected);
  });
}

test('GIVEN a DST gap and a DST overlap THEN a wall time has no instant, then two', () => {
  assert.deepEqual(instantsOf(2026, 3, 29, 2, 30, 'Europe/Paris'), []);
  assert.deepEqual(
    instantsOf(2026, 10, 25, 2, 30, 'Europe/Paris').map((t) => new Date(t).toISOString()),
    ['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z'],
  );
});

const CRON_ERRORS: [string, RegExp][] = [
  ['61 7 * * *', /minute/],
  ['30 0 7 * * *', /seconds/], // digests run on whole minutes
  ['0 0 31 2 *', /impossible/],
  ['0 7 L * *', /not supported|invalid/],
];

for (const [expr, why] of CRON_ERRORS) {
  test(`GIVEN "${expr}" THEN it is refused (${why})`, () => {
    const f = cronFields(expr);
    assert.ok('error' in f);
    assert.match(f.error, why);
  });
}

test('GIVEN hourly and every-15-minutes expressions THEN runs per day count hours × minutes', () => {
  assert.equal(runsPerDay(fields('0 * * * *')), 24);
  assert.equal(runsPerDay(fields('*/15 * * * *')), 96);
});

test('GIVEN zone names THEN only IANA names are accepted', () => {
  assert.equal(isTimeZone('Asia/Baghdad'), true);
  assert.equal(isTimeZone('America/Argentina/Buenos_Aires'), true);
  assert.equal(isTimeZone('UTC'), true);
  assert.equal(isTimeZone('Mars/Olympus'), false);
  assert.equal(isTimeZone('07:00'), false);
});

test('GIVEN node-cron tasks in several zones THEN their next run is the one the pure function computes', async () => {
  const cron = (await import('node-cron')).default;
  for (const [expr, zone] of [['0 8 * * *', 'Asia/Baghdad'], ['30 6 * * 1-5', 'Europe/Paris'], ['0 */6 * * *', 'Africa/Tunis']] as const) {
    const task = cron.schedule(expr, () => {}, { timezone: zone });
    const now = new Date();
    const theirs = task.getNextRun();
    assert.equal(nextRun(fields(expr), zone, now)?.toISOString(), theirs?.toISOString(), `${expr} ${zone}`);
    await task.destroy();
  }
});
