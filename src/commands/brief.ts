/** /brief — the brief of an article given as a link, as text, or as the replied-to message; a date may come with it. */
import { articleInput } from './analysis.ts';
import { ar } from './ar.ts';
import { UserError } from './errors.ts';
import { isDiskFull, resolveSubject } from './resolve.ts';
import type { Services } from './services.ts';
import type { Command } from './types.ts';
import { briefMessage, notice } from './views.ts';
import { parsePublished } from '../core/reference.ts';
import { asciiDigits } from '../core/text/normalize.ts';

/** A date token, its digits made ASCII first (Arabic-Indic and Persian digits read too): YYYY-MM-DD. */
const DATE_TOKEN = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$/u;

/**
 * The publication date given with /brief, first or last ("/brief 2023-12-08 <link>", "/brief <link>
 * 2023-12-08", Discord's date option): the day the article's dates count from. Throws a UserError
 * for a date that is no real day.
 */
function dateArgument(args: string): { date?: string; rest: string } {
  const words = args.trim().split(/\s+/u);
  for (const at of [0, words.length - 1]) {
    const word = words[at];
    const ascii = word === undefined ? '' : asciiDigits(word);
    if (words.length < 2 || word === undefined || !DATE_TOKEN.test(ascii)) continue;
    const [y, m, d] = ascii.split('-') as [string, string, string];
    const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
    try {
      parsePublished(date);
    } catch {
      throw new UserError(ar.badDate(word), `bad date ${word}`);
    }
    words.splice(at, 1);
    return { date, rest: words.join(' ') };
  }
  return { rest: args };
}

/** The /brief command. */
export const briefCommand = {
  name: 'brief',
  description: 'موجز مقال: أرسل رابطه أو نصه، أو رُدّ به على رسالة',
  options: [
    { name: 'article', description: 'رابط المقال أو نصه', required: false },
    { name: 'date', description: 'تاريخ نشره YYYY-MM-DD إن لم يذكره (تُحسب منه «أمس» و«الثلاثاء»)', required: false },
  ],
  async run(ctx, services) {
    const { date, rest } = dateArgument(ctx.args);
    const subject = await resolveSubject({ ...ctx, args: rest }, services, 'brief', { allowLast: ctx.platform === 'console', allowNumber: false });
    // /brief takes no item numbers, so the subject is always one article.
    const found = subject.kind === 'article' ? subject.article : subject.articles[0]!;
    const article = date === undefined ? found : { ...found, published: date };
    // The date stays with the article, so /timeline and /who after it count from it too.
    let unsaved = subject.kind === 'article' ? subject.notice : undefined;
    if (date !== undefined) {
      await services.memory.rememberArticle(ctx.chatId, article).catch((err: unknown) => {
        // Remembering is optional: a full disk still gets its brief.
        if (!isDiskFull(err)) throw err;
        unsaved = ar.diskFull;
      });
    }
    const input = articleInput(services, article, ctx.now);
    const analysis = await services.analyze(input);
    // The generated brief, when it is on and passed the check against the article; else the extractive one.
    const generated = services.llmBrief && analysis.brief.length > 0 ? await services.llmBrief(input, analysis) : undefined;
    const brief = briefMessage(article, analysis, services.keys.keyFor(article), generated);
    return unsaved ? [brief, notice(unsaved)] : brief;
  },
} satisfies Command<Services>;
