/**
 * Typed errors of the sources layer. Every one carries a machine `code` and an Arabic `userMessage`
 * that a command can show as is: it says what went wrong and what the user can do instead, and never
 * contains a secret or an internal address of the bot. `message` is for logs (English, may name the
 * URL's host, never credentials).
 */

/** What can go wrong while fetching a URL. */
export type FetchErrorCode =
  | 'bad-url'
  | 'blocked-address'
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'http-status'
  | 'not-text'
  | 'network';

/** What can go wrong while turning a fetched page into an article. */
export type PageErrorCode = 'not-html' | 'no-article';

/** Base of every sources error: catch this to show `userMessage` to the user. */
export class SourceError extends Error {
  override name = 'SourceError';
  constructor(
    readonly code: FetchErrorCode | PageErrorCode,
    message: string,
    readonly userMessage: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A URL could not be fetched safely or successfully. */
export class FetchError extends SourceError {
  override name = 'FetchError';
  declare readonly code: FetchErrorCode;
  /** The HTTP status, for code 'http-status'. */
  readonly status: number | undefined;
  constructor(
    code: FetchErrorCode,
    message: string,
    userMessage: string,
    options?: { cause?: unknown; status?: number },
  ) {
    super(code, message, userMessage, options);
    this.status = options?.status;
  }
}

/** A page was fetched but holds no readable article. */
export class PageError extends SourceError {
  override name = 'PageError';
  declare readonly code: PageErrorCode;
}

/** True when `err` is any sources error (so it has a safe Arabic `userMessage`). */
export function isSourceError(err: unknown): err is SourceError {
  return err instanceof SourceError;
}

const OPEN_FAILED = 'تعذّر فتح الرابط';
const OR_PASTE = 'أو الصق نص الخبر مباشرة.';

/** "N ثوانٍ" with the counted noun in the form Arabic grammar wants for N. */
export function arabicSeconds(n: number): string {
  if (n === 1) return 'ثانية واحدة';
  if (n === 2) return 'ثانيتين';
  if (n >= 3 && n <= 10) return `${n} ثوانٍ`;
  return `${n} ثانية`;
}

/** "N ميغابايت", rounded to one decimal so odd caps still read well. */
function megabytes(bytes: number): string {
  const mb = Math.round((bytes / 1_000_000) * 10) / 10;
  return `${mb} ميغابايت`;
}

/** The Arabic message for an HTTP error status. */
function statusMessage(status: number): string {
  if (status === 404 || status === 410) {
    return `${OPEN_FAILED}: الصفحة غير موجودة (${status}). تأكّد من الرابط ${OR_PASTE}`;
  }
  if (status === 401 || status === 403 || status === 451) {
    return `${OPEN_FAILED}: الموقع رفض فتح الصفحة (${status})، وقد تكون للمشتركين فقط. الصق نص الخبر مباشرة.`;
  }
  if (status === 429) {
    return `${OPEN_FAILED}: الموقع يحدّ من عدد الطلبات الآن (429). جرّب بعد قليل ${OR_PASTE}`;
  }
  if (status >= 500) {
    return `${OPEN_FAILED}: الموقع يواجه عطلًا (${status}). جرّب لاحقًا ${OR_PASTE}`;
  }
  return `${OPEN_FAILED}: الموقع ردّ بخطأ (${status}). تأكّد من الرابط ${OR_PASTE}`;
}

/** Builders for each FetchError, so wording lives in one place. */
export const fetchErrors = {
  badUrl(detail: string): FetchError {
    return new FetchError(
      'bad-url',
      `bad url: ${detail}`,
      `${OPEN_FAILED}: هذا ليس رابط صفحة ويب صالحًا (يجب أن يبدأ بـ http أو https ولا يحوي اسم مستخدم أو كلمة مرور). تأكّد من الرابط ${OR_PASTE}`,
    );
  },
  blocked(host: string): FetchError {
    return new FetchError(
      'blocked-address',
      `blocked address for host ${host}`,
      `${OPEN_FAILED}: العنوان يشير إلى شبكة داخلية أو محجوزة لا يفتحها البوت. أرسل رابطًا عامًا ${OR_PASTE}`,
    );
  },
  timeout(timeoutMs: number): FetchError {
    const seconds = Math.max(1, Math.round(timeoutMs / 1000));
    return new FetchError(
      'timeout',
      `timed out after ${timeoutMs} ms`,
      `${OPEN_FAILED}: الموقع لم يستجب خلال ${arabicSeconds(seconds)}. جرّب لاحقًا ${OR_PASTE}`,
    );
  },
  tooLarge(maxBytes: number): FetchError {
    return new FetchError(
      'too-large',
      `response larger than ${maxBytes} bytes`,
      `${OPEN_FAILED}: الصفحة أكبر من الحد المسموح (${megabytes(maxBytes)}). الصق نص الخبر مباشرة.`,
    );
  },
  tooManyRedirects(detail: string): FetchError {
    return new FetchError(
      'too-many-redirects',
      `redirects: ${detail}`,
      `${OPEN_FAILED}: الموقع يحوّل إلى روابط أخرى بلا نهاية. افتح الرابط في المتصفح وأرسل الرابط النهائي ${OR_PASTE}`,
    );
  },
  httpStatus(status: number): FetchError {
    return new FetchError('http-status', `http status ${status}`, statusMessage(status), { status });
  },
  notText(contentType: string): FetchError {
    return new FetchError(
      'not-text',
      `not a text response: ${contentType}`,
      `${OPEN_FAILED}: الرابط لا يؤدي إلى صفحة نصية بل إلى ملف (${contentType}). أرسل رابط صفحة الخبر ${OR_PASTE}`,
    );
  },
  hostNotFound(cause: unknown): FetchError {
    return new FetchError(
      'network',
      'host not found',
      `${OPEN_FAILED}: لم أجد موقعًا بهذا الاسم. تأكّد من كتابة الرابط ${OR_PASTE}`,
      { cause },
    );
  },
  network(detail: string, cause?: unknown): FetchError {
    return new FetchError(
      'network',
      `network error: ${detail}`,
      `${OPEN_FAILED}: لم أتمكن من الاتصال بالموقع. تأكّد من الرابط أو جرّب لاحقًا، ${OR_PASTE}`,
      { cause },
    );
  },
};

/** Builders for each PageError. */
export const pageErrors = {
  notHtml(contentType: string): PageError {
    return new PageError(
      'not-html',
      `not an html page: ${contentType}`,
      'الرابط لا يؤدي إلى صفحة ويب يمكن قراءتها كخبر. أرسل رابط صفحة الخبر نفسها أو الصق نص الخبر مباشرة.',
    );
  },
  noArticle(url: string): PageError {
    return new PageError(
      'no-article',
      `no article found at ${url}`,
      'لم أجد نص خبر في هذه الصفحة. أرسل رابط الخبر نفسه (لا الصفحة الرئيسية) أو الصق نص الخبر مباشرة.',
    );
  },
};
