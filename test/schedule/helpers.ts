/** Shared fixtures for the schedule tests: a fake clock, a recording sender, seeded stories. */
import type { Message } from '../../src/messages/model.ts';
import type { Sender } from '../../src/messages/sender.ts';
import type { Clock } from '../../src/messages/pacing.ts';
import type { Store } from '../../src/store/types.ts';
import type { Analysis } from '../../src/core/types.ts';
import { openFresh } from '../../src/schedule/ledger.ts';

/** A clock whose sleep advances fake time at once. */
export class FakeClock implements Clock {
  constructor(public t: number) {}
  now(): Date {
    return new Date(this.t);
  }
  async sleep(ms: number): Promise<void> {
    this.t += ms;
  }
}

/** A sender that records what it sent, and can fail chosen attempts. */
export class RecordingSender implements Sender {
  sent: { chatId: string; message: Message; at: number }[] = [];
  attempts = 0;
  constructor(
    private readonly clock: Clock,
    private readonly fail: (chatId: string, attempt: number) => Error | undefined = () => undefined,
  ) {}
  async send(chatId: string, message: Message): Promise<void> {
    this.attempts++;
    const err = this.fail(chatId, this.attempts);
    if (err) throw err;
    this.sent.push({ chatId, message, at: this.clock.now().getTime() });
  }
  count(chatId: string): number {
    return this.sent.filter((s) => s.chatId === chatId).length;
  }
}

const analysis = (brief: string): Analysis => ({
  sentences: [],
  brief: [{ text: brief, sentence: 0 }],
  timeline: [],
  who: [],
  mentions: [],
  temporal: [],
  sources: [],
});

/** Stores one story per title, each carried by `outlets` outlets, seen at `at`; returns story ids. */
export async function seedStories(store: Store, titles: string[], at: string, outlets = 1): Promise<number[]> {
  const ids: number[] = [];
  for (const [i, title] of titles.entries()) {
    let storyId: number | undefined;
    for (let k = 0; k < outlets; k++) {
      const { article } = await store.upsertArticle({
        title,
        text: `${title}. نص الخبر رقم ${i} من المصدر ${k} ${'كلمة '.repeat(30)}`,
        outlet: `outlet-${k}`,
        url: `https://news${k}.example/${encodeURIComponent(title)}`,
        seenAt: at,
      });
      await store.saveAnalysis(article.id, 'test', analysis(`ملخص ${title}`), at);
      if (storyId === undefined) storyId = (await store.createStory(article.id, title, at)).id;
      else await store.addToStory(storyId, article.id, 1, at);
    }
    ids.push(storyId!);
  }
  return ids;
}

/** Opens one pending one-story digest for each chat at `t0` (ms), to be fanned out. */
export async function openDigests(ledger: import('../../src/schedule/ledger.ts').DigestLedger, chats: string[], t0: number, text = (chatId: string) => `موجز ${chatId}`): Promise<void> {
  const { m } = await import('../../src/messages/model.ts');
  for (const chatId of chats) {
    await openFresh(ledger, {
      chatId,
      slot: new Date(t0).toISOString(),
      now: new Date(t0).toISOString(),
      candidates: [{ storyId: 1, articleIds: [1], title: 'خبر' }],
      topN: 5,
      render: () => ({ blocks: [m.paragraph(text(chatId))] }),
    });
  }
}
