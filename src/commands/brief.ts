/** /brief — the brief of an article given as a link, as text, or as the replied-to message; a date may come with it. */
import { articleInput } from './analysis.ts';
import { DATE_OPTION, resolveSubject } from './resolve.ts';
import type { Services } from './services.ts';
import type { Command } from './types.ts';
import { briefMessage, notice } from './views.ts';

/** The /brief command. */
export const briefCommand = {
  name: 'brief',
  description: 'موجز مقال: أرسل رابطه أو نصه، أو رُدّ به على رسالة',
  options: [
    { name: 'article', description: 'رابط المقال أو نصه', required: false },
    DATE_OPTION,
  ],
  async run(ctx, services) {
    const subject = await resolveSubject(ctx, services, 'brief', { allowLast: ctx.platform === 'console', allowNumber: false });
    // /brief takes no item numbers, so the subject is always one article.
    const article = subject.kind === 'article' ? subject.article : subject.articles[0]!;
    const unsaved = subject.kind === 'article' ? subject.notice : undefined;
    const input = articleInput(services, article, ctx.now);
    const analysis = await services.analyze(input);
    // The generated brief, when it is on and passed the check against the article; else the extractive one.
    const generated = services.llmBrief && analysis.brief.length > 0 ? await services.llmBrief(input, analysis) : undefined;
    const brief = briefMessage(article, analysis, services.keys.keyFor(article), generated);
    return unsaved ? [brief, notice(unsaved)] : brief;
  },
} satisfies Command<Services>;
