import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { commands, parseCommand, runAction, runCommand } from '../../src/commands/registry.ts';
import type { Message } from '../../src/messages/model.ts';
import { renderPlain } from '../../src/messages/render/plain.ts';
import { ar } from '../../src/commands/ar.ts';
import { ARTICLE, fakeContext, fakeServices } from './fakes.ts';
import { itemNumber } from '../../src/commands/resolve.ts';

const text = (messages: Message[]): string => messages.map((msg) => renderPlain(msg)).join('\n\n');
const actions = (messages: Message[]): string[] =>
  messages.flatMap((msg) => (msg.buttons ?? []).flat().flatMap((b) => (b.kind === 'action' ? [b.action] : [])));

describe('parseCommand', () => {
  const cases: Array<[string, ReturnType<typeof parseCommand>]> = [
    ['/brief نص', { name: 'brief', args: 'نص' }],
    ['/Brief@mojaz_bot  https://a.example/x ', { name: 'brief', args: 'https://a.example/x', addressee: 'mojaz_bot' }],
    ['/who', { name: 'who', args: '' }],
    ['/who\nسطر ثان', { name: 'who', args: 'سطر ثان' }],
    ['مرحبا', undefined],
    ['/بريف', undefined],
  ];
  for (const [input, expected] of cases) {
    it(`GIVEN "${input}" THEN ${JSON.stringify(expected)}`, () => assert.deepEqual(parseCommand(input), expected));
  }
});

describe('/brief', () => {
  it('GIVEN pasted Arabic text THEN the brief items and buttons for timeline and who', async () => {
    const services = fakeServices();
    const out = await runCommand('brief', fakeContext({ args: ARTICLE }), services);
    const shown = text(out);
    assert.match(shown, /== الموجز ==/u);
    assert.match(shown, /- تعرضت السفارة الأميركية في بغداد/u);
    const [timeline, who] = actions(out);
    assert.match(timeline!, /^timeline #[\w-]{10}$/u);
    assert.match(who!, /^who #[\w-]{10}$/u);
    assert.ok(Buffer.byteLength(timeline!) <= 64);
    assert.equal(services.analyzeCalls[0]!.reference, '2023-12-08');
  });

  it('GIVEN a date before or after the article THEN its dates count from that day, and /timeline after it too', async () => {
    const services = fakeServices();
    await runCommand('brief', fakeContext({ args: `2023-11-30 ${ARTICLE}` }), services);
    await runCommand('brief', fakeContext({ args: `${ARTICLE} ٢٠٢٣-١١-٢٩` }), services);
    assert.deepEqual(services.analyzeCalls.map((c) => [c.reference, c.referenceIsToday]), [['2023-11-30', undefined], ['2023-11-29', undefined]]);
    assert.doesNotMatch(services.analyzeCalls[0]!.text, /2023-11-30/u);
    const bad = text(await runCommand('brief', fakeContext({ args: `2023-02-30 ${ARTICLE}` }), services));
    assert.equal(bad, ar.badDate('2023-02-30'));
  });

  it('GIVEN pasted text without a date THEN the brief and the timeline say the dates count from today; with one, they do not', async () => {
    const services = fakeServices();
    const article = ARTICLE.replace('فجر الجمعة 8 ديسمبر 2023', 'فجر الجمعة'); // no dateline in the first sentence
    const undated = text(await runCommand('brief', fakeContext({ args: article }), services));
    assert.ok(undated.includes(ar.datesFromToday));
    assert.ok(text(await runCommand('timeline', fakeContext({ args: '' }), services)).includes(ar.datesFromToday));
    const dated = text(await runCommand('brief', fakeContext({ args: `${article} 2023-12-08` }), services));
    assert.ok(!dated.includes(ar.datesFromToday));
    assert.ok(!text(await runCommand('brief', fakeContext({ args: ARTICLE }), services)).includes(ar.datesFromToday)); // its dateline counts
    assert.ok(!text(await runCommand('timeline', fakeContext({ args: '' }), services)).includes(ar.datesFromToday));
  });

  it('GIVEN a link THEN the page is fetched and its title links to it', async () => {
    const url = 'https://news.example/a';
    const services = fakeServices({ [url]: { url, title: 'هجوم على السفارة', text: ARTICLE, published: '2023-12-08' } });
    const shown = text(await runCommand('brief', fakeContext({ args: url }), services));
    assert.deepEqual(services.fetched, [url]);
    assert.match(shown, /هجوم على السفارة \(https:\/\/news\.example\/a\)/u);
  });

  it('GIVEN a reply to a message with the article THEN it is briefed', async () => {
    const shown = text(await runCommand('brief', fakeContext({ replyText: ARTICLE }), fakeServices()));
    assert.match(shown, /- وقال المتحدث باسم السفارة/u);
  });

  it('GIVEN a reply to a short post with a link THEN the link is fetched', async () => {
    const url = 'https://news.example/b';
    const services = fakeServices({ [url]: { url, text: ARTICLE } });
    await runCommand('brief', fakeContext({ replyText: `خبر عاجل: ${url}` }), services);
    assert.deepEqual(services.fetched, [url]);
  });

  const mistakes: Array<[string, string, string]> = [
    ['no argument', '', ar.missingArticle('brief')],
    ['English text', 'The US embassy in Baghdad was attacked by rockets early on Friday, officials said, and nobody was hurt.', ar.notArabic],
    ['a short text', 'هجوم على السفارة في بغداد', ar.tooShort(15)],
    ['a failing link', 'https://news.example/missing', 'تعذّر فتح الرابط (الصفحة غير موجودة).'],
  ];
  for (const [what, args, reply] of mistakes) {
    it(`GIVEN ${what} THEN a short Arabic reply says what to do`, async () => {
      const out = await runCommand('brief', fakeContext({ args }), fakeServices());
      assert.equal(text(out), reply);
      assert.equal(actions(out).length, 0);
    });
  }

  it('GIVEN a link to a page without an article THEN it says so', async () => {
    const url = 'https://news.example/empty';
    const out = await runCommand('brief', fakeContext({ args: url }), fakeServices({ [url]: { url, text: '' } }));
    assert.equal(text(out), ar.noArticleInPage);
  });

  it('GIVEN a file path outside the console THEN it is treated as text, not read', async () => {
    const services = { ...fakeServices(), readLocalFile: async () => ARTICLE };
    const out = await runCommand('brief', fakeContext({ args: './article.txt' }), services);
    assert.equal(text(out), ar.notArabic);
  });

  it('GIVEN a file path in the console THEN the file is read and briefed', async () => {
    const read: string[] = [];
    const services = { ...fakeServices(), readLocalFile: async (p: string) => (read.push(p), ARTICLE) };
    const out = await runCommand('brief', fakeContext({ platform: 'console', args: './article.txt' }), services);
    assert.deepEqual(read, ['./article.txt']);
    assert.match(text(out), /- تعرضت السفارة/u);
  });
});

describe('/brief with the generated brief on', () => {
  it('GIVEN a generated brief that passed its check THEN it is shown with a line saying so; otherwise the extractive brief', async () => {
    const services = fakeServices();
    const asked: string[] = [];
    let answer: string | undefined = 'تعرضت السفارة الأميركية في بغداد لهجوم صاروخي دون ضحايا.';
    services.llmBrief = async (input, analysis) => {
      asked.push(`${input.reference}|${analysis.brief.length}`);
      return answer;
    };
    const generated = text(await runCommand('brief', fakeContext({ args: ARTICLE }), services));
    assert.match(generated, /== الموجز ==\nتعرضت السفارة الأميركية في بغداد لهجوم صاروخي دون ضحايا\.\n\nصاغه نموذج لغوي/u);
    assert.deepEqual(asked, ['2023-12-08|2']);
    answer = undefined;
    const extractive = text(await runCommand('brief', fakeContext({ args: ARTICLE }), services));
    assert.match(extractive, /== الموجز ==\n- تعرضت السفارة الأميركية في بغداد لهجوم صاروخي فجر الجمعة/u);
    assert.doesNotMatch(extractive, /نموذج لغوي/u);
  });
});

describe('/timeline and /who', () => {
  it('GIVEN a brief THEN its timeline button gives the timeline of the same article, oldest first', async () => {
    const services = fakeServices();
    const ctx = fakeContext();
    const brief = await runCommand('brief', { ...ctx, args: ARTICLE }, services);
    const out = await runAction(actions(brief)[0]!, ctx, services);
    const shown = text(out);
    assert.match(shown, /== الخط الزمني ==\n- 6 ديسمبر 2023 — وكانت قاعدة عين الأسد[^\n]*\n- 8 ديسمبر 2023 — تعرضت السفارة/u);
    // The text answer offers the same timeline as a picture, and the who list.
    assert.deepEqual(actions(out).map((a) => a.split(' ').slice(0, 2).join(' ').replace(/ #.*/u, '')), ['timeline صورة', 'who']);
    const [picture] = await runAction(actions(out)[0]!, ctx, services);
    assert.equal(picture?.picture?.name, 'timeline.png');
    assert.deepEqual([...picture!.picture!.png.subarray(1, 4)], [0x50, 0x4e, 0x47]);
    assert.match(text([picture!]), /== الخط الزمني ==/u);
  });

  it('GIVEN "/timeline صورة" or "/timeline image" with an article THEN the picture comes back; without events no picture button', async () => {
    const services = fakeServices();
    for (const word of ['صورة', 'image']) {
      const [out] = await runCommand('timeline', fakeContext({ args: `${word} ${ARTICLE}` }), services);
      assert.ok(out?.picture && out.picture.height > 200, word);
    }
    const undated = ARTICLE.replace(/\d+ ديسمبر \d{4}/gu, 'أمس');
    const plain = await runCommand('timeline', fakeContext({ args: undated }), services);
    assert.deepEqual(actions(plain).map((a) => a.split(' ')[0]), ['who']);
  });

  it('GIVEN no argument THEN the chat\'s last article is used', async () => {
    const services = fakeServices();
    await runCommand('brief', fakeContext({ args: ARTICLE }), services);
    const shown = text(await runCommand('who', fakeContext(), services));
    assert.match(shown, /== أشخاص ==\n- محمد شياع السوداني — رئيس الوزراء العراقي: «نلتزم حماية مستشاري التحالف»/u);
    assert.match(shown, /== منظمات ==\n- السفارة الأميركية/u);
    assert.match(shown, /== أماكن ==\n- بغداد/u);
    assert.match(shown, /== مصادر ==\n- مسؤول أمني عراقي/u);
  });

  it('GIVEN a file path and a date in the console THEN /timeline and /who read the file and count from that day', async () => {
    const read: string[] = [];
    const services = { ...fakeServices(), readLocalFile: async (p: string) => (read.push(p), ARTICLE) };
    const timeline = text(await runCommand('timeline', fakeContext({ platform: 'console', args: './article.txt 2023-11-30' }), services));
    await runCommand('who', fakeContext({ platform: 'console', args: '٢٠٢٣-١١-٢٩ ./article.txt' }), services);
    assert.deepEqual(read, ['./article.txt', './article.txt']);
    assert.deepEqual(services.analyzeCalls.map((c) => c.reference), ['2023-11-30', '2023-11-29']);
    assert.match(timeline, /== الخط الزمني ==/u);
    // The date stays with the article: the next view of the chat's last article counts from it.
    await runCommand('timeline', fakeContext({ platform: 'console' }), services);
    assert.equal(services.analyzeCalls.at(-1)!.reference, '2023-11-29');
    assert.equal(text(await runCommand('who', fakeContext({ args: `${ARTICLE} 2023-13-01` }), services)), ar.badDate('2023-13-01'));
  });

  it('GIVEN no argument and no article yet THEN it says how to give one', async () => {
    assert.equal(text(await runCommand('timeline', fakeContext(), fakeServices())), ar.noLastArticle('timeline'));
  });

  it('GIVEN an unknown button key THEN it says the button expired', async () => {
    assert.equal(text(await runAction('who #zzzzzzzzzz', fakeContext(), fakeServices())), ar.expiredButton);
  });

  it('GIVEN a digest item number THEN the articles are merged, each line linking to its article', async () => {
    const services = fakeServices();
    const a = { url: 'https://a.example/1', text: ARTICLE.split(' وكانت')[0]! + ' وكانت قاعدة عين الأسد قد تعرضت لهجوم في 6 ديسمبر 2023.' };
    const b = { url: 'https://b.example/2', text: 'وفي 3 ديسمبر 2023 شن التحالف الدولي ضربة جوية على مقاتلين قرب الحدود، ما أدى إلى مقتل خمسة منهم وفق بيان رسمي صدر لاحقا.' };
    services.memory.rememberDigest('telegram:1', [[a, b]]);
    const out = await runCommand('timeline', fakeContext({ args: '١' }), services);
    const lines = text(out).split('\n').filter((l) => l.startsWith('- '));
    assert.equal(lines.length, 3);
    assert.match(lines[0]!, /^- 3 ديسمبر 2023 — .*\(https:\/\/b\.example\/2\)$/u);
    assert.match(lines[1]!, /^- 6 ديسمبر 2023 — .*\(https:\/\/a\.example\/1\)$/u);
    assert.match(lines[2]!, /^- 8 ديسمبر 2023 — .*\(https:\/\/a\.example\/1\)$/u);
    const who = text(await runCommand('who', fakeContext({ args: '1' }), services));
    assert.match(who, /== أماكن ==\n- بغداد \(https:\/\/a\.example\/1\)/u);
  });

  it('GIVEN a number with no digest THEN it says there is no such item', async () => {
    assert.equal(text(await runCommand('who', fakeContext({ args: '4' }), fakeServices())), ar.noDigestItem(4));
  });
});

describe('dispatch', () => {
  it('GIVEN an unknown command THEN a reply points to /help', async () => {
    assert.equal(text(await runCommand('foo', fakeContext(), fakeServices())), ar.unknownCommand('foo'));
  });

  it('GIVEN /help THEN every registered command is listed with examples', async () => {
    const shown = text(await runCommand('help', fakeContext(), fakeServices()));
    for (const c of commands) assert.ok(shown.includes(`/${c.name} — `), c.name);
    assert.match(shown, /\/brief https:\/\/example\.com/u);
  });

  it('GIVEN a registry command run directly (as the Discord adapter does) THEN a user mistake is still an Arabic reply', async () => {
    const brief = commands.find((c) => c.name === 'brief')!;
    const out = await brief.run(fakeContext({ args: '' }), fakeServices());
    assert.equal(text(Array.isArray(out) ? out : [out]), ar.missingArticle('brief'));
  });

  it('GIVEN an admin-only command and a non-admin THEN it is refused', async () => {
    commands.push({ name: 'secret', description: 'سري', adminOnly: true, run: async () => ({ blocks: [] }) });
    try {
      const out = await runCommand('secret', fakeContext({ isAdmin: async () => false }), fakeServices());
      assert.equal(text(out), ar.adminOnly);
    } finally {
      commands.pop();
    }
  });

  it('GIVEN a handler that fails unexpectedly THEN the error propagates to the adapter', async () => {
    const services = { ...fakeServices(), analyze: () => { throw new Error('boom'); } };
    await assert.rejects(runCommand('brief', fakeContext({ args: ARTICLE }), services), /boom/u);
  });
});

describe('who list length', () => {
  const entry = (n: number) => ({ name: `جهة ${n}`, type: 'ORG' as const, role: '', aliases: [], mentions: [], said: [] });
  const analysis = (count: number) => ({
    sentences: [], brief: [], timeline: [], mentions: [], temporal: [], sources: [],
    who: Array.from({ length: count }, (_, n) => entry(n + 1)),
  });
  const cases: Array<[number, number, string | undefined]> = [
    [8, 8, undefined],
    [9, 9, undefined],
    [12, 8, ar.more(4)],
  ];
  for (const [count, shown, more] of cases) {
    it(`GIVEN ${count} organizations THEN ${shown} are listed${more ? ' and the rest counted' : ''}`, async () => {
      const { whoMessage } = await import('../../src/commands/views.ts');
      const out = renderPlain(whoMessage([{ article: { text: 'نص' }, analysis: analysis(count) }], { key: 'k' }));
      assert.equal((out.match(/^- جهة/gmu) ?? []).length, shown);
      if (more) assert.match(out, new RegExp(`^- ${more}$`, 'mu'));
      else assert.doesNotMatch(out, /آخر/u);
    });
  }
});

describe('text checks', () => {
  it('GIVEN texts THEN isMostlyArabic and wordCount read them as a user would', async () => {
    const { isMostlyArabic, wordCount } = await import('../../src/commands/resolve.ts');
    const cases: Array<[string, boolean, number]> = [
      ['قال Joe Biden إن 78 هجومًا وقعت', true, 7],
      ['The embassy was attacked, قال', false, 5],
      ['١٢٣ 456 ...', false, 2],
      ['', false, 0],
    ];
    for (const [text, arabic, words] of cases) {
      assert.equal(isMostlyArabic(text), arabic, text);
      assert.equal(wordCount(text), words, text);
    }
    assert.equal(wordCount('أ ب ت ث ج ح', 3), 3);
  });
});

describe('digest item numbers', () => {
  it('GIVEN ASCII, Arabic-Indic and Persian digits THEN each reads as the same item number', () => {
    const cases: [string, number | undefined][] = [
      ['3', 3],
      ['٣', 3],
      ['۳', 3],
      [' ١٢ ', 12],
      ['۱۲', 12],
      ['1000', undefined],
      ['3a', undefined],
      ['', undefined],
    ];
    for (const [input, expected] of cases) assert.equal(itemNumber(input), expected, input);
  });
});

describe('registry layers', () => {
  it('GIVEN a command that acts on a named channel THEN the registry resolves the channel before the handler runs', async () => {
    const seen: string[] = [];
    commands.push({
      name: 'probe',
      description: 'اختبار',
      channelArg: true,
      run: async (ctx) => {
        seen.push(`${ctx.chatId} ${ctx.channel ?? '-'} ${ctx.args}`);
        return { blocks: [] };
      },
    });
    try {
      const adminChatOf = async (target: string): Promise<string | undefined> => (target === '@news_room' ? 'telegram:-1009' : undefined);
      await runCommand('probe', fakeContext({ args: '@news_room 07:00', adminChatOf }), fakeServices());
      await runCommand('probe', fakeContext({ args: '07:00', adminChatOf }), fakeServices());
      const refused = await runCommand('probe', fakeContext({ args: '@other_room x', adminChatOf }), fakeServices());
      assert.deepEqual(seen, ['telegram:-1009 @news_room 07:00', `${fakeContext().chatId} - 07:00`]);
      assert.match(text(refused), /@other_room/);
    } finally {
      commands.pop();
    }
  });
});
