/**
 * What a forum post of a digest story holds after its first message: the story's timeline and its
 * who list, merged over its articles as /timeline N and /who N show them. Built from the stored
 * articles and the analyses the feed poller kept (an article without one is analysed now).
 */
import type { Message } from '../messages/model.ts';
import { analyzeArticle } from './analysis.ts';
import type { Services } from './services.ts';
import type { ArticleStore, StoredArticle } from '../store/types.ts';
import { timelineMessage, whoMessage, type Analysed, type ViewOptions } from './views.ts';

/** The timeline and the who list of the story made of `articleIds` (none when no article is left). */
export async function storyThreadMessages(
  store: Pick<ArticleStore, 'getArticles' | 'getAnalysis'>,
  services: Services,
  articleIds: number[],
  now: Date,
): Promise<Message[]> {
  const analysed: Analysed[] = [];
  for (const record of await store.getArticles(articleIds)) {
    const article: StoredArticle = {
      id: String(record.id),
      title: record.title,
      text: record.text,
      ...(record.url ? { url: record.url } : {}),
      ...(record.published ? { published: record.published } : {}),
    };
    const kept = (await store.getAnalysis(record.id))?.analysis;
    analysed.push({ article, analysis: kept ?? (await analyzeArticle(services, article, now)) });
  }
  if (analysed.length === 0) return [];
  // One article: its buttons (the timeline as a picture, the other view) work in the thread.
  const options: ViewOptions = analysed.length === 1 ? { key: services.keys.keyFor(analysed[0]!.article), pictureButton: true } : {};
  return [timelineMessage(analysed, options), whoMessage(analysed, options)];
}
