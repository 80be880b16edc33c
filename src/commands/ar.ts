/**
 * The Arabic text the commands show. Kept in one place so wording stays consistent and can be
 * reviewed (or translated) without reading handlers.
 */
import { quoteArg } from '../messages/quote.ts';

export const ar = {
  missingArticle: (command: string): string =>
    `أرسل /${command} متبوعًا برابط مقال أو بنصه، أو رُدّ بـ /${command} على رسالة فيها مقال.`,
  noLastArticle: (command: string): string =>
    `لا يوجد مقال سابق في هذه المحادثة. أرسل /${command} مع رابط مقال أو نصه، أو ابدأ بـ /brief.`,
  noDigestItem: (n: number): string =>
    `لا يوجد بند رقم ${n} في آخر موجز أُرسل هنا. اكتب رقم بند ظاهر في الموجز، أو أرسل رابط المقال.`,
  notArabic: 'يبدو أن هذا النص ليس بالعربية. أرسل مقالًا عربيًا، رابطًا أو نصًا.',
  pageNotArabic: 'الصفحة لا تحوي مقالًا عربيًا. جرّب رابط مقال عربي، أو الصق نص المقال.',
  tooShort: (min: number): string =>
    `النص قصير جدًا لموجز. أرسل مقالًا من ${min} كلمة على الأقل، أو رابطه.`,
  noArticleInPage: 'لم أجد مقالًا في هذه الصفحة. جرّب رابط المقال نفسه، أو الصق نصه.',
  expiredButton: 'انتهت صلاحية هذا الزر. أرسل رابط المقال أو نصه من جديد.',
  badDate: (value: string): string => `التاريخ ${quoteArg(value, 40)} غير صالح. اكتبه بالصيغة YYYY-MM-DD، مثل /brief 2023-12-08 ثم الرابط أو النص.`,
  fileNotReadable: (path: string): string => `تعذّرت قراءة الملف ${quoteArg(path, 80)}. تأكد من المسار، أو الصق النص مباشرة.`,
  /** A path given to /feeds import in the console that is no readable file (pasting does not apply there). */
  opmlNotReadable: (path: string): string => `تعذّرت قراءة الملف ${quoteArg(path, 80)}. تأكد من المسار إلى ملف OPML.`,
  diskFull: 'تنبيه: قرص الخادم ممتلئ، فلم أحفظ هذا المقال؛ لن تجده /timeline أو /who دون رابطه. أخبر مشغّل البوت.',
  unknownCommand: (name: string): string => `لا أعرف الأمر /${quoteArg(name)}. اكتب /help لقائمة الأوامر.`,
  adminOnly: 'هذا الأمر لمشرفي المحادثة فقط.',
  apology: 'عذرًا، حدث خطأ غير متوقع أثناء تنفيذ طلبك. حاول مجددًا بعد قليل.',
  noBrief: 'لم أستخرج موجزًا من هذا النص. جرّب مقالًا إخباريًا أطول.',
  noTimeline: 'لم أجد أحداثًا مؤرخة في هذا المقال.',
  /** Said under dates when the article has no publication date and tells none of its own. */
  datesFromToday: 'لا تاريخ نشر لهذا المقال: التواريخ محسوبة نسبة إلى اليوم.',
  noWho: 'لم أجد أشخاصًا أو جهات مسمّاة في هذا المقال.',
  headings: {
    brief: 'الموجز',
    timeline: 'الخط الزمني',
    who: 'من هم',
    digestItem: (n: number): string => `البند ${n} من آخر موجز`,
  },
  buttons: { timeline: 'الخط الزمني', who: 'من هم؟', brief: 'الموجز', picture: 'الخط الزمني صورةً' },
  /** The word after /timeline that asks for the picture ("/timeline صورة 2"). */
  pictureWord: 'صورة',
  generatedBrief: 'صاغه نموذج لغوي، وتحقّق موجز من أن كل رقم وتاريخ واسم فيه وارد في المقال.',
  picturePath: (path: string): string => `صورة الخط الزمني: ${path}`,
  filePath: (path: string): string => `الملف: ${path}`,
  moreEvents: (n: number): string => (n === 1 ? 'وحدث آخر' : n === 2 ? 'وحدثان آخران' : n <= 10 ? `و${n} أحداث أخرى` : `و${n} حدثًا آخر`),
  source: 'المصدر',
  groups: { PER: 'أشخاص', ORG: 'منظمات', LOC: 'أماكن', SRC: 'مصادر' },
  more: (n: number): string => (n === 1 ? 'وواحد آخر' : n === 2 ? 'واثنان آخران' : `و${n} آخرون`),
} as const;
