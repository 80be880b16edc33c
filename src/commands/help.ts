/** /start and /help — what the bot does, with examples, and the list of commands. */
import { m, type Block, type Message } from '../messages/model.ts';
import type { Services } from './services.ts';
import type { Command, Platform } from './types.ts';

/** How to give an article, by platform (the console has no replies; chats have no files). */
function howTo(platform: Platform): string[] {
  if (platform === 'console') {
    return [
      'أي سطر لا يبدأ بـ / يُعامل كأنه /brief: الصق رابطًا أو نص مقال.',
      'مقال من عدة فقرات: /brief ./article.txt (مسار ملف نصي).',
      '/timeline و/who بلا شيء بعدهما تعملان على آخر مقال.',
    ];
  }
  return [
    'رُدّ بـ /brief أو /timeline أو /who على رسالة فيها مقال أو رابط.',
    'في المحادثة الخاصة: أرسل الرابط أو النص أو حوّل منشور قناة، وسأرد بموجزه.',
    '/timeline و/who بلا شيء بعدهما تعملان على آخر مقال، ومع رقم تعملان على بند من آخر موجز.',
  ];
}

/** The help message: purpose, examples, and every command of `commands`. */
export function helpMessage(platform: Platform, commands: readonly Command<Services>[]): Message {
  const blocks: Block[] = [
    m.heading('موجز — أخبار عربية في سطور'),
    m.paragraph('أقرأ المقال الإخباري العربي وأعطيك موجزه، وخطه الزمني (متى حدث ماذا)، ومن هم الأشخاص والجهات فيه.'),
    m.heading('أمثلة'),
    m.list([
      [m.code('/brief https://example.com/news/123')],
      [m.code('/brief'), m.text(' ثم نص المقال بعده')],
      [m.code('/timeline'), m.text(' — الخط الزمني لآخر مقال')],
      [m.code('/who 2'), m.text(' — من هم في البند 2 من آخر موجز')],
    ]),
    m.list(howTo(platform).map((line) => [m.text(line)])),
    m.heading('الأوامر'),
    m.list(commands.map((c) => [m.code(`/${c.name}`), m.text(` — ${c.description}`)])),
  ];
  return { blocks };
}

/** The /help command; `commands` is read when it runs, so it lists the whole registry. */
export function helpCommand(name: 'help' | 'start', commands: () => readonly Command<Services>[]): Command<Services> {
  return {
    name,
    description: name === 'start' ? 'ما الذي يفعله البوت' : 'المساعدة وأمثلة الاستخدام',
    async run(ctx) {
      return helpMessage(ctx.platform, commands());
    },
  };
}
