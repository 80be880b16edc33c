import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { splitMessage, splitText, inlineText } from '../../../src/messages/render/split.ts';
import { m, type Message } from '../../../src/messages/model.ts';

const sentence = (n: number): string => `هذه الجملة رقم ${n} في النص الطويل وهي تتحدث عن الأخبار اليومية.`;

describe('splitText', () => {
  it('GIVEN a text under the limit THEN it comes back whole', () => {
    assert.deepEqual(splitText('قصير', 10), ['قصير']);
  });

  const limits = [40, 100, 333, 2000];
  for (const limit of limits) {
    it(`GIVEN a long text and limit ${limit} THEN no part is over, parts join back, no word is cut`, () => {
      const paragraphs = Array.from({ length: 12 }, (_, p) =>
        Array.from({ length: 5 }, (_, s) => sentence(p * 5 + s)).join(' '),
      );
      const text = paragraphs.join('\n\n');
      const parts = splitText(text, limit);
      assert.ok(parts.length > 1);
      assert.equal(parts.join(''), text);
      for (const part of parts) assert.ok(part.length <= limit, `part of ${part.length}`);
      const words = new Set(text.split(/\s+/u));
      for (const part of parts) for (const w of part.trim().split(/\s+/u)) assert.ok(words.has(w), `cut word ${w}`);
    });
  }

  it('GIVEN paragraphs THEN the cut prefers the paragraph boundary', () => {
    const a = 'أ'.repeat(30) + ' ' + 'ب'.repeat(20);
    const text = `${a}\n\n${'ج'.repeat(20)} ${'د'.repeat(20)}`;
    const parts = splitText(text, 60);
    assert.equal(parts[0], `${a}\n\n`);
  });

  it('GIVEN sentences in one line THEN the cut falls after a sentence mark', () => {
    const text = `${'كلمة '.repeat(8)}انتهت؟ ${'كلمة '.repeat(8)}نهاية.`;
    const parts = splitText(text, 50);
    assert.match(parts[0]!, /؟ $/u);
  });

  it('GIVEN one word longer than the limit THEN it is cut hard and nothing is lost', () => {
    const word = 'x'.repeat(25);
    const parts = splitText(word, 10);
    assert.deepEqual(parts, ['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });

  it('GIVEN a surrogate pair at the limit THEN it is not split in half', () => {
    const parts = splitText('aaaa😀bbbb', 5);
    assert.equal(parts.join(''), 'aaaa😀bbbb');
    for (const p of parts) assert.ok(!/[\ud800-\udbff]$/u.test(p));
  });
});

describe('splitMessage', () => {
  // A toy renderer with markup, so that the measure differs from the plain text.
  const render = (msg: Message): string =>
    msg.blocks
      .map((b) => {
        if (b.kind === 'heading') return `<b>${b.text}</b>`;
        if (b.kind === 'separator') return '---';
        if (b.kind === 'paragraph') return b.content.map((c) => (c.kind === 'bold' ? `<b>${c.text}</b>` : c.text)).join('');
        return b.items.map((it, n) => `${b.ordered ? `${(b.start ?? 1) + n}.` : '•'} ${inlineText(it)}`).join('\n');
      })
      .join('\n\n');

  it('GIVEN a message that fits THEN one part with the buttons', () => {
    const msg: Message = { blocks: [m.heading('عنوان')], buttons: [[{ kind: 'action', label: 'زر', action: 'a' }]] };
    assert.deepEqual(splitMessage(msg, render, 100), [msg]);
  });

  it('GIVEN a long ordered list THEN parts fit, numbering continues, buttons on the last part', () => {
    const items = Array.from({ length: 40 }, (_, n) => [m.text(sentence(n))]);
    const msg: Message = {
      blocks: [m.heading('القائمة'), m.list(items, true)],
      buttons: [[{ kind: 'action', label: 'زر', action: 'a' }]],
    };
    const parts = splitMessage(msg, render, 500);
    assert.ok(parts.length > 1);
    for (const p of parts) assert.ok(render(p).length <= 500);
    const numbers = parts.flatMap((p) => render(p).match(/^\d+(?=\.)/gmu) ?? []).map(Number);
    assert.deepEqual(numbers, Array.from({ length: 40 }, (_, n) => n + 1));
    assert.equal(parts.filter((p) => p.buttons).length, 1);
    assert.ok(parts[parts.length - 1]!.buttons);
  });

  it('GIVEN a long bold run THEN each part opens and closes its own tag and no text is lost', () => {
    const long = Array.from({ length: 30 }, (_, n) => sentence(n)).join(' ');
    const msg: Message = { blocks: [m.paragraph(m.text('بداية '), m.bold(long), m.text(' نهاية'))] };
    const parts = splitMessage(msg, render, 300);
    assert.ok(parts.length > 2);
    for (const p of parts) {
      const out = render(p);
      assert.ok(out.length <= 300);
      assert.equal(out.split('<b>').length, out.split('</b>').length);
    }
    const plain = (s: string): string => s.replace(/<\/?b>/gu, '').replace(/\s+/gu, ' ').trim();
    assert.equal(plain(parts.map(render).join(' ')), plain(render(msg)));
  });
});
