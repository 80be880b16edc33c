/** /filter — keyword filters of this chat's digests: include, exclude, list, clear. */
import { m } from '../messages/model.ts';
import { compileFilter } from '../schedule/filters.ts';
import type { DigestServices } from '../schedule/index.ts';
import { UserError } from './errors.ts';
import type { Command } from './types.ts';
import { notice } from './views.ts';

const MAX_FILTERS = 50;
const MAX_PHRASE = 80;
const USAGE =
  'الاستعمال:\n/filter include غزة، الضفة الغربية — لا يصل إلا ما يذكر إحداها\n/filter exclude الرياضة — يُستبعد ما يذكرها\n/filter list — المرشحات\n/filter clear — حذفها كلها';

const ACTIONS: Record<string, 'include' | 'exclude' | 'list' | 'clear'> = {
  include: 'include',
  'تضمين': 'include',
  exclude: 'exclude',
  'استبعاد': 'exclude',
  list: 'list',
  'قائمة': 'list',
  clear: 'clear',
  'مسح': 'clear',
};

/** Splits "غزة، الضفة الغربية" into phrases (commas separate; words in a phrase must be consecutive). */
export function filterPhrases(text: string): string[] {
  return text
    .split(/[,،؛;]/)
    .map((p) => p.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
}

/** The /filter command. */
export const filterCommand: Command<DigestServices> = {
  name: 'filter',
  description: 'مرشحات الموجز: /filter include|exclude كلمات، أو list أو clear (أو /filter @channel …)',
  options: [{ name: 'action', description: 'include أو exclude ثم الكلمات، أو list أو clear' }],
  adminOnly: true,
  channelArg: true,
  async run(ctx, { store }) {
    const { chatId } = ctx;
    const [word = 'list', ...rest] = ctx.args.split(/\s+/).filter(Boolean);
    const action = ACTIONS[word.toLowerCase()];
    if (!action) throw new UserError(USAGE, 'bad filter action');
    if (action === 'clear') {
      const n = await store.clearFilters(chatId);
      return notice(n > 0 ? `حُذفت المرشحات (${n}). يصل الموجز الآن بكل الأخبار.` : 'لا مرشحات لحذفها.');
    }
    if (action === 'list') {
      const filters = await store.listFilters(chatId);
      if (filters.length === 0) return notice(`لا مرشحات: يصل الموجز بكل الأخبار.\n${USAGE}`);
      const label = { include: 'تضمين', exclude: 'استبعاد' } as const;
      return { blocks: [m.heading('مرشحات الموجز'), m.list(filters.map((f) => [m.bold(`${label[f.mode]}: `), m.text(f.pattern)]))] };
    }
    const phrases = filterPhrases(rest.join(' '));
    if (phrases.length === 0) throw new UserError(USAGE, 'no filter words');
    for (const p of phrases) {
      if (p.length > MAX_PHRASE || compileFilter(p).words.length === 0) {
        throw new UserError(`«${p.slice(0, MAX_PHRASE)}» لا يصلح مرشحًا: اكتب كلمة أو عبارة قصيرة.`, 'bad filter phrase');
      }
    }
    const existing = await store.listFilters(chatId);
    if (existing.length + phrases.length > MAX_FILTERS) throw new UserError(`الحد ${MAX_FILTERS} مرشحًا للمحادثة.`, 'too many filters');
    const added: string[] = [];
    for (const p of phrases) {
      if (existing.some((f) => f.mode === action && f.pattern === p)) continue;
      await store.addFilter(chatId, action, p, ctx.now.toISOString());
      added.push(p);
    }
    if (added.length === 0) return notice('هذه المرشحات موجودة أصلًا.');
    return notice(
      action === 'include'
        ? `أُضيف للتضمين: ${added.join('، ')}. لن يصل في الموجز إلا ما يذكر إحدى كلمات التضمين.`
        : `أُضيف للاستبعاد: ${added.join('، ')}. سيُستبعد من الموجز ما يذكرها.`,
    );
  },
};
