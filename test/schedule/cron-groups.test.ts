import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CronGroups, type CronFactory } from '../../src/schedule/cron-groups.ts';

/** A cron factory that records its tasks; ticked by hand. */
function fakeCron() {
  const tasks: { schedule: string; tick: () => void; stopped: boolean }[] = [];
  const factory: CronFactory = (expression, timeZone, onTick) => {
    const t = { schedule: `${expression} ${timeZone}`, tick: onTick, stopped: false };
    tasks.push(t);
    return { stop: () => void (t.stopped = true) };
  };
  const running = (): string[] => tasks.filter((t) => !t.stopped).map((t) => t.schedule);
  const tick = (schedule: string): void => tasks.find((t) => !t.stopped && t.schedule === schedule)!.tick();
  return { factory, running, tick };
}

const at8 = { expression: '0 8 * * *', timeZone: 'Asia/Riyadh' };
const at8Cairo = { expression: '0 8 * * *', timeZone: 'Africa/Cairo' };
const at20 = { expression: '0 20 * * *', timeZone: 'Asia/Riyadh' };

test('GIVEN a thousand chats on two schedules THEN two tasks run, and a tick hands over every chat on its schedule', () => {
  const cron = fakeCron();
  const ticked: string[][] = [];
  const groups = new CronGroups<string>(cron.factory, (members) => ticked.push(members));
  for (let i = 0; i < 1000; i++) groups.set(`c${i}`, `chat ${i}`, i % 2 === 0 ? [at8, at20] : [at8]);
  assert.deepEqual(cron.running(), ['0 8 * * * Asia/Riyadh', '0 20 * * * Asia/Riyadh']);
  cron.tick('0 20 * * * Asia/Riyadh');
  assert.equal(ticked[0]!.length, 500);
  assert.ok(ticked[0]!.every((m) => Number(m.split(' ')[1]) % 2 === 0));
  cron.tick('0 8 * * * Asia/Riyadh');
  assert.equal(ticked[1]!.length, 1000);
});

const moves: { name: string; steps: [string, string, (typeof at8)[]][]; running: string[]; on8: string[] }[] = [
  { name: 'a chat moved to another zone', steps: [['a', 'A', [at8]], ['b', 'B', [at8]], ['a', 'A2', [at8Cairo]]], running: ['0 8 * * * Asia/Riyadh', '0 8 * * * Africa/Cairo'], on8: ['B'] },
  { name: 'the last chat of a schedule moved off it', steps: [['a', 'A', [at8]], ['a', 'A', [at20]]], running: ['0 20 * * * Asia/Riyadh'], on8: [] },
  { name: 'a chat given no schedule', steps: [['a', 'A', [at8]], ['b', 'B', [at8]], ['b', 'B', []]], running: ['0 8 * * * Asia/Riyadh'], on8: ['A'] },
  { name: 'one time listed twice', steps: [['a', 'A', [at8, at8]]], running: ['0 8 * * * Asia/Riyadh'], on8: ['A'] },
  { name: 'a chat updated in place', steps: [['a', 'A', [at8]], ['a', 'A2', [at8]]], running: ['0 8 * * * Asia/Riyadh'], on8: ['A2'] },
];
for (const c of moves) {
  test(`GIVEN ${c.name} THEN only the schedules in use run and a tick hands over the chats on it now`, () => {
    const cron = fakeCron();
    const ticked: string[][] = [];
    const groups = new CronGroups<string>(cron.factory, (members) => ticked.push(members));
    for (const [id, value, schedules] of c.steps) groups.set(id, value, schedules);
    assert.deepEqual(cron.running(), c.running);
    assert.equal(groups.tasks, c.running.length);
    if (c.running.includes('0 8 * * * Asia/Riyadh')) {
      cron.tick('0 8 * * * Asia/Riyadh');
      assert.deepEqual(ticked, [c.on8]);
    }
  });
}

test('GIVEN stopAll THEN every task is stopped', () => {
  const cron = fakeCron();
  const groups = new CronGroups<string>(cron.factory, () => {});
  groups.set('a', 'A', [at8, at20]);
  groups.set('b', 'B', [at8Cairo]);
  groups.stopAll();
  assert.deepEqual(cron.running(), []);
  assert.equal(groups.tasks, 0);
});
