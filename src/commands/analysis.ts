/** Runs the core on an article with the right reference date. */
import type { Analysis, ArticleInput } from '../core/types.ts';
import { referenceFor } from './reference.ts';
import { capArticleText } from '../sources/page.ts';
import type { StoredArticle } from '../store/types.ts';
import type { Services } from './services.ts';

/** The core's input for `article` (reference: its publication date, else `now` in the services' zone). */
export function articleInput(services: Services, article: StoredArticle, now: Date): ArticleInput {
  return {
    ...(article.id ? { id: article.id } : {}),
    // Capped: a hostile page or paste must not hold the analysis (and every chat) for long.
    text: capArticleText(article.text),
    ...(article.title ? { title: article.title } : {}),
    ...referenceFor(article.published, now, services.timezone),
  };
}

/** The analysis of `article` (reference: its publication date, else `now` in the services' zone). */
export async function analyzeArticle(services: Services, article: StoredArticle, now: Date): Promise<Analysis> {
  return services.analyze(articleInput(services, article, now));
}
