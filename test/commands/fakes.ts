/**
 * Test doubles for the command services: a small deterministic analyzer (so command tests do not
 * depend on the core's quality), an article, and a Services builder.
 */
import type { Analysis, ArticleInput } from '../../src/core/types.ts';
import { InMemoryArticleKeys, InMemoryChatMemory } from '../../src/commands/memory.ts';
import type { Services } from '../../src/commands/services.ts';
import type { StoredArticle } from '../../src/store/types.ts';
import type { CommandContext } from '../../src/commands/types.ts';

/** An Arabic article of a few sentences with dates, people and a quote. */
export const ARTICLE = [
  'تعرضت السفارة الأميركية في بغداد لهجوم صاروخي فجر الجمعة 8 ديسمبر 2023 دون وقوع ضحايا، وفق مسؤول أمني عراقي.',
  'وقال المتحدث باسم السفارة في بيان إن الحكومة العراقية مطالبة بحماية الطواقم الدبلوماسية.',
  'وكانت قاعدة عين الأسد قد تعرضت لهجوم بطائرة مسيرة في 6 ديسمبر 2023 تبنته فصائل عراقية.',
  'وأكد رئيس الوزراء محمد شياع السوداني التزام حكومته حماية مستشاري التحالف الدولي.',
].join(' ');

/** Sentences of `text`, split after . ؟ ! */
function sentences(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const re = /[^.؟!]+[.؟!]?/gu;
  for (const match of text.matchAll(re)) {
    const start = match.index + (match[0].length - match[0].trimStart().length);
    const end = match.index + match[0].trimEnd().length;
    if (end > start) out.push({ start, end });
  }
  return out;
}

/** A fake analyzer: brief = first two sentences; timeline from "D ديسمبر YYYY"; who from a fixed list. */
export function fakeAnalyzer(): { analyze: (input: ArticleInput) => Analysis; calls: ArticleInput[] } {
  const calls: ArticleInput[] = [];
  const analyze = (input: ArticleInput): Analysis => {
    calls.push(input);
    const sents = sentences(input.text);
    const brief = sents.slice(0, 2).map((s, i) => ({ text: input.text.slice(s.start, s.end), sentence: i }));
    const timeline = [...input.text.matchAll(/(\d{1,2}) ديسمبر (\d{4})/gu)]
      .map((match) => {
        const sentence = sents.findIndex((s) => s.start <= match.index && match.index < s.end);
        const s = sents[sentence]!;
        return {
          date: `${match[2]}-12-${match[1]!.padStart(2, '0')}`,
          when: match[0],
          start: match.index,
          end: match.index + match[0].length,
          event: input.text.slice(s.start, s.end),
          sentence,
        };
      })
      .sort((a, b) => a.date.localeCompare(b.date));
    const known = [
      { name: 'محمد شياع السوداني', type: 'PER' as const, role: 'رئيس الوزراء العراقي', said: ['نلتزم حماية مستشاري التحالف'] },
      { name: 'السفارة الأميركية', type: 'ORG' as const, role: '', said: [] },
      { name: 'بغداد', type: 'LOC' as const, role: '', said: [] },
      { name: 'مسؤول أمني عراقي', type: 'SRC' as const, role: '', said: [] },
    ];
    const who = known
      .filter((k) => input.text.includes(k.name))
      .map((k) => {
        const start = input.text.indexOf(k.name);
        return { ...k, aliases: [], mentions: [{ start, end: start + k.name.length }] };
      });
    // As the core does: without a publication date, a full date in the first sentence is the article's own.
    const dateline = sents[0] !== undefined && timeline.some((e) => e.start < sents[0]!.end);
    const from = !input.referenceIsToday ? ('published' as const) : dateline ? ('text' as const) : ('today' as const);
    const reference = { date: input.reference, from };
    return { sentences: sents.map((s) => ({ ...s, heading: false })), brief, timeline, who, mentions: [], temporal: [], sources: [], reference };
  };
  return { analyze, calls };
}

/** Services with fakes; `pages` maps URLs to articles, anything else fails like the sources layer. */
export function fakeServices(pages: Record<string, StoredArticle> = {}): Services & {
  memory: InMemoryChatMemory;
  analyzeCalls: ArticleInput[];
  fetched: string[];
} {
  const { analyze, calls } = fakeAnalyzer();
  const fetched: string[] = [];
  return {
    analyze,
    analyzeCalls: calls,
    fetched,
    async fetchArticle(url) {
      fetched.push(url);
      const page = pages[url];
      if (page) return page;
      throw Object.assign(new Error(`404 for ${url}`), { userMessage: 'تعذّر فتح الرابط (الصفحة غير موجودة).' });
    },
    memory: new InMemoryChatMemory(),
    keys: new InMemoryArticleKeys(),
    timezone: 'Asia/Riyadh',
  };
}

/** A command context for tests. */
export function fakeContext(overrides: Partial<CommandContext> = {}): CommandContext {
  return {
    platform: 'telegram',
    chatId: 'telegram:1',
    userId: '1',
    args: '',
    now: new Date('2023-12-08T12:00:00Z'),
    isAdmin: async () => true,
    ...overrides,
  };
}
