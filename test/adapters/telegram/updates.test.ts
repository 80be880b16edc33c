import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { intentOf, messageText, type IncomingMessage } from '../../../src/adapters/telegram/updates.ts';

const privateChat = { id: 1, type: 'private' };
const group = { id: -100, type: 'supergroup' };
const channel = { id: -200, type: 'channel' };

describe('intentOf', () => {
  const cases: Array<[string, IncomingMessage, ReturnType<typeof intentOf>]> = [
    ['a command in a group', { chat: group, text: '/who 2' }, { name: 'who', args: '2' }],
    ['a command for this bot', { chat: group, text: '/brief@Mojaz_Test_Bot نص' }, { name: 'brief', args: 'نص' }],
    ['a command for another bot', { chat: group, text: '/brief@other_bot نص' }, undefined],
    ['chatter in a group', { chat: group, text: 'مرحبا' }, undefined],
    ['a post in a channel without a command', { chat: channel, text: 'خبر' }, undefined],
    ['a command in a channel post', { chat: channel, text: '/brief نص' }, { name: 'brief', args: 'نص' }],
    ['text in a private chat', { chat: privateChat, text: ' نص المقال ' }, { name: 'brief', args: '', replyText: 'نص المقال' }],
    ['a photo caption in a private chat', { chat: privateChat, caption: 'تعليق' }, { name: 'brief', args: '', replyText: 'تعليق' }],
    ['a message with no text', { chat: privateChat }, undefined],
    [
      'a reply with a command',
      { chat: group, text: '/timeline', reply_to_message: { chat: group, text: 'نص المقال' } },
      { name: 'timeline', args: '', replyText: 'نص المقال' },
    ],
    [
      'a reply to a message of another chat (quote only)',
      { chat: group, text: '/who', quote: { text: 'المقتطف' } },
      { name: 'who', args: '', replyText: 'المقتطف' },
    ],
  ];
  for (const [what, message, expected] of cases) {
    it(`GIVEN ${what} THEN ${JSON.stringify(expected)}`, () => assert.deepEqual(intentOf(message, 'mojaz_test_bot'), expected));
  }
});

describe('messageText', () => {
  it('GIVEN a hidden link (text_link) THEN its URL is appended, so a link behind a word can be fetched', () => {
    const text = messageText({
      chat: privateChat,
      text: 'اقرأ الخبر هنا',
      entities: [{ type: 'text_link', url: 'https://news.example/1' }],
    });
    assert.equal(text, 'اقرأ الخبر هنا\nhttps://news.example/1');
  });
});
