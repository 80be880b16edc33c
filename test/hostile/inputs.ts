/**
 * Hostile inputs of issue 10, built in code (a few kilobytes to a megabyte each, so not committed
 * as files): what a careless feed or a hostile user can send. Shared by the hostile-input tests and
 * `bench/hostile.ts`, which times each one.
 */

/** A plain Arabic paragraph long enough to be an article's text. */
export const PARAGRAPH =
  'أعلن وزير الخارجية في مؤتمر صحفي عقده أمس في بغداد أن الحكومة ستعقد اجتماعا مع ممثلي الأمم المتحدة الأسبوع المقبل، ' +
  'وقال إن المحادثات ستتناول الوضع الإنساني في المحافظات الشمالية وسبل إيصال المساعدات إلى المتضررين من الفيضانات الأخيرة.';

/** A page whose article sits inside `depth` nested <div>s (1,500 levels is about 20 KB). */
export function nestedDivPage(depth: number): string {
  return (
    '<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>خبر</title></head><body>' +
    '<div>'.repeat(depth) +
    `<p>${PARAGRAPH}</p><p>${PARAGRAPH}</p>` +
    '</div>'.repeat(depth) +
    '</body></html>'
  );
}

/** An RSS feed with one item whose description is `size` characters of '<'. */
export function ltFeed(size: number): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>خلاصة</title><link>https://example.com/</link>' +
    `<item><title>خبر</title><link>https://example.com/1</link><guid>g1</guid><description><![CDATA[${'<'.repeat(size)}]]></description></item>` +
    '</channel></rss>'
  );
}

/** About `bytes` bytes of Arabic words with no punctuation at all (one endless sentence). */
export function unpunctuatedText(bytes: number): string {
  const words = PARAGRAPH.replace(/[،,.]/g, '').split(' ');
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const w = words[i % words.length]!;
    out.push(w);
    size += Buffer.byteLength(w) + 1;
  }
  return out.join(' ');
}
