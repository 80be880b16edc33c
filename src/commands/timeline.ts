/**
 * /timeline — the dated events of an article, or of a digest item's articles merged. The text
 * answer has a button for the same timeline as a picture ("/timeline صورة …"); the console,
 * which has no buttons, writes the picture after the text.
 */
import { ar } from './ar.ts';
import { VIEW_OPTIONS, viewSubject } from './article-view.ts';
import type { Services } from './services.ts';
import type { Command } from './types.ts';
import { timelineMessage, timelinePictureMessage } from './views.ts';

const PICTURE_WORDS = new Set([ar.pictureWord, 'image', 'png']);

/** The arguments without a leading picture word, and whether there was one. */
function pictureRequest(args: string): { picture: boolean; rest: string } {
  const match = /^(\S+)(?:\s+([\s\S]*))?$/u.exec(args.trim());
  if (match && PICTURE_WORDS.has(match[1]!.toLowerCase())) return { picture: true, rest: match[2]?.trim() ?? '' };
  return { picture: false, rest: args };
}

/** The /timeline command. */
export const timelineCommand: Command<Services> = {
  name: 'timeline',
  description: 'الخط الزمني لمقال: رابط أو نص أو رقم بند من الموجز، أو آخر مقال',
  options: VIEW_OPTIONS,
  async run(ctx, services) {
    const { picture, rest } = pictureRequest(ctx.args);
    const { analysed, options } = await viewSubject({ ...ctx, args: rest }, services, 'timeline');
    if (picture) return timelinePictureMessage(analysed, options);
    if (ctx.platform === 'console') {
      const text = timelineMessage(analysed, options);
      const hasEvents = analysed.some(({ analysis }) => analysis.timeline.length > 0);
      // The text already has the heading and the title: the picture's path follows it alone.
      return hasEvents ? [text, { ...(await timelinePictureMessage(analysed, options)), blocks: [] }] : text;
    }
    return timelineMessage(analysed, { ...options, pictureButton: true });
  },
};
