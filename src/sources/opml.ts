/**
 * OPML, the outline format feed readers exchange subscriptions in: reading a file's feeds (every
 * outline with an xmlUrl, at any depth) for "/feeds import", and writing a chat's feeds for
 * "/feeds export". A file that is too big, is not OPML, or lists no feed is refused with an Arabic
 * message, before anything is changed.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { arabicSeconds, FetchError } from './errors.ts';
import type { Fetcher } from './http.ts';

/** Largest OPML file read, in bytes. */
export const OPML_MAX_BYTES = 512 * 1024;
/** Most feeds one import adds. */
export const OPML_MAX_FEEDS = 200;

/** One feed of an OPML file. */
export interface OpmlFeed {
  url: string;
  title?: string;
}

/** An OPML file that cannot be imported; `userMessage` says why, in Arabic. */
export class OpmlError extends Error {
  override name = 'OpmlError';
  constructor(
    message: string,
    readonly userMessage: string,
  ) {
    super(message);
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => name === 'outline',
});

/** Whether an OPML file may name `url` as a feed: a web address (never a local file of this machine). */
export function isOpmlFeedUrl(url: string): boolean {
  return /^https?:\/\/\S+$/iu.test(url);
}

type Outline = { '@_xmlUrl'?: unknown; '@_text'?: unknown; '@_title'?: unknown; outline?: Outline[] };

/** The feeds of an OPML document, in order, each URL once; throws OpmlError when it cannot be imported. */
export function parseOpml(text: string): OpmlFeed[] {
  if (Buffer.byteLength(text, 'utf8') > OPML_MAX_BYTES) {
    throw new OpmlError('opml too large', `الملف أكبر من ${OPML_MAX_BYTES / 1024} كيلوبايت. صدّر قائمة أصغر من قارئ الخلاصات وأعد المحاولة.`);
  }
  const notOpml = new OpmlError('not opml', 'هذا الملف ليس ملف OPML صالحًا. صدّر خلاصاتك من قارئ الخلاصات بصيغة OPML وأرسله كما هو.');
  if (XMLValidator.validate(text) !== true) throw notOpml;
  let doc: { opml?: { body?: { outline?: Outline[] } } };
  try {
    doc = parser.parse(text) as typeof doc;
  } catch {
    throw notOpml;
  }
  if (!doc.opml || typeof doc.opml !== 'object') throw notOpml;
  const feeds: OpmlFeed[] = [];
  const seen = new Set<string>();
  const walk = (outlines: Outline[] | undefined, depth: number): void => {
    if (!outlines || depth > 8) return;
    for (const o of outlines) {
      const url = typeof o['@_xmlUrl'] === 'string' ? o['@_xmlUrl'].trim() : '';
      if (isOpmlFeedUrl(url) && !seen.has(url)) {
        seen.add(url);
        const title = [o['@_title'], o['@_text']].find((t): t is string => typeof t === 'string' && t.trim() !== '');
        feeds.push({ url, ...(title ? { title: title.trim() } : {}) });
      }
      walk(o.outline, depth + 1);
    }
  };
  walk(doc.opml.body?.outline, 0);
  if (feeds.length === 0) throw new OpmlError('no feeds', 'لا يحوي الملف أي خلاصة (عنصر outline له xmlUrl بعنوان http أو https).');
  if (feeds.length > OPML_MAX_FEEDS) {
    throw new OpmlError('too many feeds', `في الملف ${feeds.length} خلاصة، والحد ${OPML_MAX_FEEDS} في المرة الواحدة. قسّمه على ملفات أصغر.`);
  }
  return feeds;
}

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** An OPML 2.0 document listing `feeds`. */
export function buildOpml(title: string, feeds: OpmlFeed[], created: Date): string {
  const lines = feeds.map((f) => {
    const name = escapeXml(f.title ?? f.url);
    return `    <outline type="rss" text="${name}" title="${name}" xmlUrl="${escapeXml(f.url)}"/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeXml(title)}</title>`,
    `    <dateCreated>${created.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...lines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}

const DOWNLOAD_FAILED = 'تعذّر تنزيل الملف المرفق';
const ATTACH_AGAIN = 'أرفقه من جديد مع الأمر';

/**
 * Why an attached file could not be downloaded, said of the file (the fetcher's own messages speak
 * of web pages and links the user never typed).
 */
export function downloadFailure(err: FetchError, timeoutMs?: number): OpmlError {
  const why =
    err.code === 'timeout'
      ? `: لم يصل${timeoutMs ? ` خلال ${arabicSeconds(Math.max(1, Math.round(timeoutMs / 1000)))}` : ' في الوقت المحدد'}. ${ATTACH_AGAIN} بعد قليل.`
      : err.code === 'http-status' && (err.status === 403 || err.status === 404 || err.status === 410)
        ? ` (${err.status}): ربما انتهت صلاحية رابطه أو حُذف. ${ATTACH_AGAIN}.`
        : err.code === 'http-status' && err.status !== undefined
          ? ` (${err.status}): خادم الملفات لم يسلّمه الآن. ${ATTACH_AGAIN} بعد قليل.`
          : `: لم أتمكن من الوصول إلى خادم الملفات. ${ATTACH_AGAIN} بعد قليل.`;
  return new OpmlError(`attachment download failed: ${err.message}`, `${DOWNLOAD_FAILED}${why}`);
}

/** An attached file whose download failed for a reason the platform did not say (a Telegram file link, a console path). */
export function fileUnreadable(detail: string): OpmlError {
  return new OpmlError(`attachment read failed: ${detail}`, `${DOWNLOAD_FAILED}. ${ATTACH_AGAIN} بعد قليل.`);
}

/**
 * The text of an uploaded OPML file at `url` (a Discord attachment), fetched through the guarded
 * client and read whatever type its server gives it; undefined when it is over `maxBytes`. Other
 * failures throw an OpmlError saying, of the file, why it could not be downloaded.
 */
export async function fetchOpmlFile(fetcher: Fetcher, url: string, maxBytes: number, timeoutMs?: number): Promise<string | undefined> {
  try {
    const result = await fetcher.get(url, { maxBytes, anyType: true, accept: 'text/x-opml, application/xml, text/xml, */*;q=0.5' });
    return result.text;
  } catch (err) {
    if (err instanceof FetchError && err.code === 'too-large') return undefined;
    if (err instanceof FetchError) throw downloadFailure(err, timeoutMs);
    throw err;
  }
}
