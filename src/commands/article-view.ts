/** The shape /timeline and /who share: resolve the subject, analyse each article, build the view. */
import type { Message } from '../messages/model.ts';
import { analyzeArticle } from './analysis.ts';
import { resolveSubject } from './resolve.ts';
import type { Services } from './services.ts';
import type { Command } from './types.ts';
import type { Analysed, ViewOptions } from './views.ts';

/** Builds the message of a view from analysed articles (several for a merged digest item). */
export type ArticleView = (articles: Analysed[], options: ViewOptions) => Message;

/** A command that shows `view` for an article, a digest item number, or the chat's last article. */
export function articleViewCommand(name: string, description: string, view: ArticleView): Command<Services> {
  return {
    name,
    description,
    options: [{ name: 'article', description: 'رابط المقال أو نصه أو رقم بند الموجز', required: false }],
    async run(ctx, services) {
      const subject = await resolveSubject(ctx, services, name, { allowLast: true, allowNumber: true });
      const articles = subject.kind === 'digest' ? subject.articles : [subject.article];
      const analysed = articles.map((article) => ({ article, analysis: analyzeArticle(services, article, ctx.now) }));
      return subject.kind === 'digest'
        ? view(analysed, { digestItem: subject.n })
        : view(analysed, { key: services.keys.keyFor(subject.article) });
    },
  };
}
