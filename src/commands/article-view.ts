/** The shape /timeline and /who share: resolve the subject, analyse each article, build the view. */
import type { Message } from '../messages/model.ts';
import { analyzeArticle } from './analysis.ts';
import { DATE_OPTION, resolveSubject } from './resolve.ts';
import type { Services } from './services.ts';
import type { Command, CommandContext } from './types.ts';
import type { Analysed, ViewOptions } from './views.ts';

/** Builds the message of a view from analysed articles (several for a merged digest item). */
export type ArticleView = (articles: Analysed[], options: ViewOptions) => Message;

/** The analysed articles a view command is about, and the options that say what they are. */
export async function viewSubject(
  ctx: CommandContext,
  services: Services,
  name: string,
): Promise<{ analysed: Analysed[]; options: ViewOptions }> {
  const subject = await resolveSubject(ctx, services, name, { allowLast: true, allowNumber: true });
  const articles = subject.kind === 'digest' ? subject.articles : [subject.article];
  const analysed = await Promise.all(
    articles.map(async (article) => ({ article, analysis: await analyzeArticle(services, article, ctx.now) })),
  );
  return {
    analysed,
    options: subject.kind === 'digest' ? { digestItem: subject.n } : { key: services.keys.keyFor(subject.article) },
  };
}

/** The option every view command takes. */
export const ARTICLE_OPTION = { name: 'article', description: 'رابط المقال أو نصه أو رقم بند الموجز', required: false } as const;

/** The options of a view command: the article, and the day its dates count from. */
export const VIEW_OPTIONS = [ARTICLE_OPTION, DATE_OPTION];

/** A command that shows `view` for an article, a digest item number, or the chat's last article. */
export function articleViewCommand(name: string, description: string, view: ArticleView): Command<Services> {
  return {
    name,
    description,
    options: VIEW_OPTIONS,
    async run(ctx, services) {
      const { analysed, options } = await viewSubject(ctx, services, name);
      return view(analysed, options);
    },
  };
}
