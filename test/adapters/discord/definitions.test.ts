import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commandDefinitions } from '../../../src/adapters/discord/definitions.ts';
import { ActionIds } from '../../../src/adapters/discord/actions.ts';
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

test('GIVEN actions THEN custom ids stay within 100 characters and decode back', () => {
  const ids = new ActionIds(2);
  const cases = ['timeline #abcdefghij', 'who 2', 'x'.repeat(100), 'y'.repeat(101), '~k:looks-like-a-key'];
  for (const action of cases) {
    const id = ids.encode(action);
    assert.ok(id.length <= 100, action);
    assert.equal(ids.decode(id), action, action);
  }
  const first = ids.encode('z'.repeat(150));
  ids.encode('w'.repeat(150));
  ids.encode('v'.repeat(150));
  assert.equal(ids.decode(first), undefined, 'oldest long action forgotten past capacity');
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
