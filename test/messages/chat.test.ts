import assert from 'node:assert/strict';
import test from 'node:test';
import { chatKey, chatOn, isGroupChat, parseChatKey, platformOfKey, type ChatRef } from '../../src/messages/chat.ts';
import { isGroupChat as isGroupKey } from '../../src/messages/pacing.ts';

test('GIVEN chat keys THEN parseChatKey reads platform, id and topic, and refuses what no platform gives', () => {
  const cases: [string, ChatRef | undefined][] = [
    ['telegram:-100123', { platform: 'telegram', id: '-100123' }],
    ['telegram:42', { platform: 'telegram', id: '42' }],
    ['telegram:-100123:45', { platform: 'telegram', id: '-100123', thread: '45' }],
    ['discord:987', { platform: 'discord', id: '987' }],
    ['console:local', { platform: 'console', id: 'local' }],
    ['discord:', undefined],
    ['discord:abc', undefined],
    ['discord:-5', undefined],
    ['telegram:', undefined],
    ['telegram:@channel', undefined],
    ['telegram:1:x', undefined],
    ['telegram:1:2:3', undefined],
    ['matrix:1', undefined],
    ['', undefined],
  ];
  for (const [key, expected] of cases) assert.deepEqual(parseChatKey(key), expected, key);
});

test('GIVEN a chat THEN chatKey and parseChatKey give it back', () => {
  const refs: ChatRef[] = [
    { platform: 'telegram', id: '-1001' },
    { platform: 'telegram', id: '-1001', thread: '7' },
    { platform: 'discord', id: '123456789012345678' },
    { platform: 'console', id: 'local' },
  ];
  for (const ref of refs) assert.deepEqual(parseChatKey(chatKey(ref)), ref);
  assert.equal(chatKey({ platform: 'telegram', id: '-1001' }), 'telegram:-1001');
  assert.equal(chatKey({ platform: 'telegram', id: '-1001', thread: '7' }), 'telegram:-1001:7');
});

test('GIVEN a key and a platform THEN chatOn answers only for that platform', () => {
  assert.deepEqual(chatOn('discord', 'discord:5'), { platform: 'discord', id: '5' });
  assert.equal(chatOn('discord', 'telegram:5'), undefined);
  assert.equal(chatOn('telegram', 'telegram:abc'), undefined);
});

test('GIVEN any key THEN platformOfKey is the part before the first colon', () => {
  const cases: [string, string][] = [
    ['telegram:-1', 'telegram'],
    ['discord:5', 'discord'],
    ['matrix:!room', 'matrix'],
    ['nocolon', 'nocolon'],
    ['', ''],
  ];
  for (const [key, expected] of cases) assert.equal(platformOfKey(key), expected, key);
});

test('GIVEN chats THEN only a Telegram chat with a positive id is one person', () => {
  const cases: [string, boolean][] = [
    ['telegram:42', false],
    ['telegram:-100123', true],
    ['telegram:-100123:9', true],
    ['discord:5', true],
    ['console:local', true],
    ['telegram:abc', false],
  ];
  for (const [key, group] of cases) {
    assert.equal(isGroupKey(key), group, key);
    const ref = parseChatKey(key);
    if (ref) assert.equal(isGroupChat(ref), group, key);
  }
});
