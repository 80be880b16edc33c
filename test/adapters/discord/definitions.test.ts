import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commandDefinitions } from '../../../src/adapters/discord/definitions.ts';
import { ActionIds } from '../../../src/adapters/discord/actions.ts';
import { openStore } from '../../../src/store/index.ts';
import { BUTTON_ACTION_DAYS } from '../../../src/store/types.ts';
import { channelOf } from '../../../src/adapters/discord/chat-id.ts';

test('GIVEN registry commands THEN Discord definitions follow its name and description rules', () => {
  const long = 'وصف طويل جدًا '.repeat(12);
  const [slash, menu] = commandDefinitions([
    { name: 'brief', description: long, options: [{ name: 'article', description: 'نص' }] },
  ]) as unknown as Record<string, unknown>[];
  const description = String(slash?.description);
  assert.ok(description.length <= 100 && description.endsWith('…'), description);
  assert.deepEqual(slash?.options, [{ type: 3, name: 'article', description: 'نص', required: false }]);
  assert.equal(menu?.name, 'موجز');
  assert.equal(commandDefinitions([{ name: 'who', description: 'x' }]).length, 1, 'no context menu without /brief');
  const [feeds] = commandDefinitions([{ name: 'feeds', description: 'x', options: [{ name: 'action', description: 'y' }, { name: 'file', description: 'z', type: 'attachment' }] }]) as unknown as { options: { type: number }[] }[];
  assert.deepEqual(feeds?.options.map((o) => o.type), [3, 11], 'a file option is an ATTACHMENT option');
  const bad: [string, string][] = [['Brief', 'article'], ['brief now', 'article'], ['b'.repeat(33), 'article'], ['brief', 'Article']];
  for (const [name, option] of bad) {
    assert.throws(() => commandDefinitions([{ name, description: 'x', options: [{ name: option, description: 'y' }] }]), RangeError, name);
  }
});

test('GIVEN actions THEN custom ids stay within 100 characters and decode back', async () => {
  const ids = new ActionIds({ capacity: 2 });
  const cases = ['timeline #abcdefghij', 'who 2', 'x'.repeat(100), 'y'.repeat(101), '~k:looks-like-a-key'];
  for (const action of cases) {
    const id = ids.encode(action);
    assert.ok(id.length <= 100, action);
    assert.equal(await ids.decode(id), action, action);
  }
  assert.equal(ids.encode('q'.repeat(300)), ids.encode('q'.repeat(300)), 'one action, one key');
  const first = ids.encode('z'.repeat(150));
  ids.encode('w'.repeat(150));
  ids.encode('v'.repeat(150));
  assert.equal(await ids.decode(first), undefined, 'oldest long action forgotten past capacity, with no store');
});

test('GIVEN a store THEN a long action outlives the process that handed it out, once flushed, and is forgotten after BUTTON_ACTION_DAYS unused', async () => {
  const store = openStore(':memory:');
  try {
    let now = new Date('2026-12-01T00:00:00Z');
    const before = new ActionIds({ store, clock: () => now });
    const long = `timeline ${'ا'.repeat(200)}`;
    const key = before.encode(long);
    assert.equal(await new ActionIds({ store }).decode(key), undefined, 'not kept before the flush');
    await before.flush();
    // A new process (a restart, another instance) over the same store.
    assert.equal(await new ActionIds({ store }).decode(key), long);
    now = new Date(now.getTime() + (BUTTON_ACTION_DAYS + 1) * 86_400_000);
    const later = new ActionIds({ store, clock: () => now });
    later.encode('who '.repeat(40));
    await later.flush();
    assert.equal(await new ActionIds({ store }).decode(key), undefined, 'expired');
  } finally {
    await store.close();
  }
});

test('GIVEN chat ids THEN only discord:<digits> names a channel, and a thread\'s key names the thread', () => {
  const cases: [string, string | undefined][] = [
    ['discord:123', '123'],
    ['discord:123:456', '456'],
    ['discord:123:abc', undefined],
    ['discord:', undefined],
    ['discord:abc', undefined],
    ['telegram:123', undefined],
  ];
  for (const [chatId, expected] of cases) assert.equal(channelOf(chatId), expected, chatId);
});
