import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cronOf, isQuiet, parseQuiet, parseSubscribeArgs, quietHoursOf, type SubscribeRequest } from '../../src/schedule/spec.ts';
import type { SubscriptionOptions } from '../../src/store/types.ts';

const OK: [string, SubscribeRequest][] = [
  ['', {}],
  ['07:00,19:00 Asia/Baghdad', { times: ['07:00', '19:00'], timezone: 'Asia/Baghdad' }],
  ['19:00,7:00', { times: ['07:00', '19:00'] }],
  ['٠٧:٣٠', { times: ['07:30'] }],
  ['"0 7 * * *" Africa/Tunis', { times: ['0 7 * * *'], timezone: 'Africa/Tunis' }],
  ['«0 7 * * 1-5»', { times: ['0 7 * * 1-5'] }],
  ['08:00 هدوء 23:00-07:00', { times: ['08:00'], quiet: '23:00-07:00' }],
  ['هدوء لا', { quiet: null }],
  ['@mojaz_news 07:00 Asia/Riyadh', { target: '@mojaz_news', times: ['07:00'], timezone: 'Asia/Riyadh' }],
  ['-1001234567 07:00', { target: '-1001234567', times: ['07:00'] }],
];

for (const [args, expected] of OK) {
  test(`GIVEN /subscribe ${args} THEN it parses`, () => {
    assert.deepEqual(parseSubscribeArgs(args), expected);
  });
}

const REFUSED: [string, RegExp][] = [
  ['25:00', /HH:MM/],
  ['7', /HH:MM/],
  ['07:00 Mars/Olympus', /Asia\/Baghdad/],
  ['"61 7 * * *"', /"0 7 \* \* \*"/],
  ['0 7 * * *', /بين علامتي تنصيص/],
  ['"* * * * *"', /في اليوم/],
  ['08:00 هدوء 23', /هدوء 23:00-07:00/],
  ['صباحا', /أمثلة/],
];

for (const [args, why] of REFUSED) {
  test(`GIVEN /subscribe ${args} THEN an Arabic refusal shows the right form`, () => {
    const got = parseSubscribeArgs(args);
    assert.ok('error' in got, JSON.stringify(got));
    assert.match(got.error, why);
  });
}

const QUIET: [string, string, boolean][] = [
  ['23:00-07:00', '23:30', true],
  ['23:00-07:00', '06:59', true],
  ['23:00-07:00', '07:00', false],
  ['23:00-07:00', '12:00', false],
  ['13:00-15:00', '14:00', true],
  ['13:00-15:00', '15:00', false],
];

for (const [range, at, quiet] of QUIET) {
  test(`GIVEN quiet hours ${range} THEN ${at} is ${quiet ? 'quiet' : 'not quiet'}`, () => {
    const [h, m] = at.split(':').map(Number);
    assert.equal(isQuiet(parseQuiet(range), h! * 60 + m!), quiet);
  });
}

test('GIVEN stored times THEN each maps to a daily cron, and a cron stays as written', () => {
  assert.equal(cronOf('07:30'), '30 7 * * *');
  assert.equal(cronOf('0 7 * * 1-5'), '0 7 * * 1-5');
});

test('GIVEN a subscription THEN quietHoursOf gives its own quiet hours, none when turned off, else the default', () => {
  const cases: [SubscriptionOptions, string, string | undefined][] = [
    [{ quiet: '22:00-06:00' }, '23:00-07:00', '22:00-06:00'],
    [{}, '23:00-07:00', '23:00-07:00'],
    [{ quiet: null }, '23:00-07:00', undefined],
    [{}, '', undefined],
  ];
  for (const [options, fallback, expected] of cases) assert.equal(quietHoursOf({ options }, fallback), expected, JSON.stringify(options));
});
