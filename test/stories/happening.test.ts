import { test } from 'node:test';
import assert from 'node:assert/strict';
import { daysContradict, happeningDays, kindsApart, kindsOf } from '../../src/stories/happening.ts';
import { eventsOf } from '../../src/stories/terms.ts';
import { wordsOf } from '../../src/core/text/tokens.ts';

/** An outline with the given timeline (date, sentence). */
const outline = (timeline: [string, number][]) => ({ who: [], timeline: timeline.map(([date, sentence]) => ({ date, sentence })) });

test('GIVEN a timeline THEN the lead days are the days of its first sentence and the days are all its days, months and times of day left out or cut', () => {
  const cases: { name: string; timeline: [string, number][]; lead: string[]; days: string[] }[] = [
    { name: 'no timeline', timeline: [], lead: [], days: [] },
    { name: 'the lead dates the happening', timeline: [['2017-03-13', 0], ['2017-03-15', 2]], lead: ['2017-03-13'], days: ['2017-03-13', '2017-03-15'] },
    { name: 'only a later sentence gives a day', timeline: [['2017-06-14', 3]], lead: [], days: ['2017-06-14'] },
    { name: 'a month or a year is no day', timeline: [['2017-03', 0], ['2014', 1]], lead: [], days: [] },
    { name: 'a time of day is no day of its own', timeline: [['2017-06-13T02:00', 0]], lead: [], days: [] },
  ];
  for (const c of cases) {
    const h = happeningDays(outline(c.timeline));
    assert.deepEqual([...h.leadDays], c.lead, c.name);
    assert.deepEqual([...h.days], c.days, c.name);
  }
});

test('GIVEN two articles THEN their happenings contradict only when both leads give a day and the timelines share none', () => {
  const cases: { name: string; a: [string, number][]; b: [string, number][]; contradict: boolean }[] = [
    { name: 'two sweeps, Sunday and Wednesday', a: [['2017-04-02', 0]], b: [['2017-04-05', 0]], contradict: true },
    { name: 'two army operations, the lead of one and a later day in the other', a: [['2017-02-12', 0]], b: [['2017-02-17', 0], ['2017-02-15', 2]], contradict: true },
    { name: 'one happening told again', a: [['2017-03-13', 0]], b: [['2017-03-13', 0]], contradict: false },
    { name: 'a toll revised the next day names the fire day further down', a: [['2017-06-13', 0], ['2017-06-14', 3]], b: [['2017-06-15', 0], ['2017-06-14', 4]], contradict: false },
    { name: 'a follow-up whose lead gives no day', a: [['2017-02-22', 0]], b: [['2017-02-24', 2]], contradict: false },
    { name: 'neither lead gives a day', a: [], b: [['2017-02-24', 1]], contradict: false },
  ];
  for (const c of cases) {
    assert.equal(daysContradict(happeningDays(outline(c.a)), happeningDays(outline(c.b))), c.contradict, c.name);
    assert.equal(daysContradict(happeningDays(outline(c.b)), happeningDays(outline(c.a))), c.contradict, `${c.name} (the other way)`);
  }
});

test('GIVEN the happenings two titles name THEN kindsApart says whether they are an operation and a harm with none shared', () => {
  const nouns = (text: string) => eventsOf(wordsOf(text));
  const cases: [string, string, string, boolean][] = [
    ['a sweep and a suicide', 'حجز 5 بنادق صيد و إيقاف 19 مفتشا عنهم', 'شاب يحاول الانتحار حرقا', true],
    ['a sweep and a death in an accident', 'إيقاف 53 شخصا مفتشا عنهم', 'وفاة إمرأة وإصابة ابنيها في حادث مرور', true],
    ['two accidents', 'إصابة طبيب في حادث مرور', 'وفاة امرأة في حادث مرور', false],
    ['an arrest after a killing', 'القبض على شخص من أجل القتل العمد', 'العثور على جثة شاب', false],
    ['an arrest naming the death', 'إيقاف سائق بعد وفاة طفل في حادث', 'وفاة طفل دهسا', false],
    ['a title naming no happening', 'حصيلة حملة أمنية', 'وفاة امرأة', false],
  ];
  for (const [name, a, b, want] of cases) assert.equal(kindsApart(nouns(a), nouns(b)), want, name);
  assert.deepEqual([...kindsOf(nouns('وفاة شاب وإيقاف السائق'))].sort(), ['harm', 'operation']);
});
