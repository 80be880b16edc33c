/** /who — the people, organizations, places and sources of an article, or of a digest item. */
import { articleViewCommand } from './article-view.ts';
import { whoMessage } from './views.ts';

/** The /who command. */
export const whoCommand = articleViewCommand(
  'who',
  'من هم: الأشخاص والجهات في مقال (رابط أو نص أو رقم بند، أو آخر مقال)',
  whoMessage,
);
