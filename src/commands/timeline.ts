/** /timeline — the dated events of an article, or of a digest item's articles merged. */
import { articleViewCommand } from './article-view.ts';
import { timelineMessage } from './views.ts';

/** The /timeline command. */
export const timelineCommand = articleViewCommand(
  'timeline',
  'الخط الزمني لمقال: رابط أو نص أو رقم بند من الموجز، أو آخر مقال',
  timelineMessage,
);
