/**
 * Which article a command is about: a link, pasted text, a replied-to or forwarded message, a
 * button's key, a digest item number, a local file (console only), or the chat's last article.
 * Every way in ends in the same checks (Arabic, long enough), with an Arabic reply when they fail.
 */
import { parsePublished } from '../core/reference.ts';
import { asciiDigits } from '../core/text/normalize.ts';
import { ar } from './ar.ts';
import { UserError } from './errors.ts';
import type { CommandContext } from './types.ts';
import type { StoredArticle } from '../store/types.ts';
import type { Services } from './services.ts';

/** Fewer words than this is a headline or a comment, not an article to brief. */
export const MIN_WORDS = 15;

const URL_RE = /https?:\/\/[^\s<>"«»]+/u;
/** Whether `text` is mostly Arabic (by letters; digits and punctuation do not count). */
export function isMostlyArabic(text: string): boolean {
  // A loop over code units: this runs on every request, on texts of thousands of letters.
  let arabic = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x621 && c <= 0x64a) || (c >= 0x66e && c <= 0x6d3) || (c >= 0x6fa && c <= 0x6ff)) arabic++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latin++;
  }
  return arabic > latin;
}

/** Number of words in `text` (runs of letters or digits), counted up to `atMost`. */
export function wordCount(text: string, atMost = Infinity): number {
  let count = 0;
  for (const _ of text.matchAll(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu)) if (++count >= atMost) break;
  return count;
}

/** The URL to fetch when `input` is a link, alone or with a few words around it (a shared post). */
export function linkIn(input: string): string | undefined {
  const match = URL_RE.exec(input);
  if (!match) return undefined;
  const rest = input.replace(match[0], ' ');
  return wordCount(rest, MIN_WORDS) < MIN_WORDS ? match[0].replace(/[.,،؛:;!?؟)\]}'"’»]+$/u, '') : undefined;
}

/** "3", "٣" or "۳" as a digest item number, else undefined. */
export function itemNumber(input: string): number | undefined {
  const ascii = asciiDigits(input.trim());
  return /^\d{1,3}$/u.test(ascii) ? Number(ascii) : undefined;
}

/**
 * The article key in a button's arguments ("#" and the key, see {@link articleArgs}); buttons
 * carry the key, never the article, because Telegram's callback_data holds 64 bytes.
 */
export function articleKeyIn(args: string): string | undefined {
  return /^#([\w-]{10})$/u.exec(args)?.[1];
}

/** The arguments that make a command act on the article behind `key`. */
export function articleArgs(key: string): string {
  return `#${key}`;
}

/** Whether `input` reads as a path to a local file (console only). */
function looksLikePath(input: string): boolean {
  return !/\s/u.test(input) && (/^(\.{0,2}\/|~\/)/u.test(input) || /\.(txt|md)$/iu.test(input));
}

/** Checks that pasted or fetched text can be briefed; throws a UserError that says why not. */
export function checkArticleText(article: StoredArticle, fetched: boolean): StoredArticle {
  const text = article.text.trim();
  if (text === '') throw new UserError(fetched ? ar.noArticleInPage : ar.tooShort(MIN_WORDS), 'empty text');
  if (!isMostlyArabic(`${article.title ?? ''} ${text}`)) {
    throw new UserError(fetched ? ar.pageNotArabic : ar.notArabic, 'not Arabic');
  }
  if (wordCount(text, MIN_WORDS) < MIN_WORDS) {
    throw new UserError(fetched ? ar.noArticleInPage : ar.tooShort(MIN_WORDS), 'too short');
  }
  return { ...article, text };
}

/** Whether `err` says the disk (or the database) is full. */
export function isDiskFull(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  return e?.code === 'SQLITE_FULL' || e?.code === 'ENOSPC' || (typeof e?.message === 'string' && /disk is full|no space left/iu.test(e.message));
}

/** The article given as `input` (link, file path in the console, or text). */
async function articleFromInput(ctx: CommandContext, services: Services, input: string): Promise<StoredArticle> {
  const url = linkIn(input);
  if (url) return checkArticleText(await services.fetchArticle(url), true);
  if (ctx.platform === 'console' && services.readLocalFile && looksLikePath(input)) {
    let text: string;
    try {
      text = await services.readLocalFile(input);
    } catch (err) {
      throw new UserError(ar.fileNotReadable(input), `cannot read ${input}: ${String(err)}`);
    }
    return checkArticleText({ text }, false);
  }
  return checkArticleText({ text: input }, false);
}

/** What a command works on: one article, or the articles of one digest item. */
export type Subject =
  | { kind: 'article'; article: StoredArticle; notice?: string }
  | { kind: 'digest'; n: number; articles: StoredArticle[] };

/**
 * Resolves the subject of /brief, /timeline or /who. `allowLast` and `allowNumber` say whether an
 * empty argument means the chat's last article and whether a number means a digest item. A date
 * first or last in the arguments (dateArgument) is one article's publication day, remembered with it
 * so that the chat's next /timeline or /who counts from it too; a digest item's articles keep theirs.
 */
export async function resolveSubject(
  ctx: CommandContext,
  services: Services,
  command: string,
  { allowLast, allowNumber }: { allowLast: boolean; allowNumber: boolean },
): Promise<Subject> {
  const { date, rest } = dateArgument(ctx.args);
  const args = rest.trim();
  const key = articleKeyIn(args);
  if (key !== undefined) {
    const article = services.keys.get(key);
    if (!article) throw new UserError(ar.expiredButton, 'unknown article key');
    return datedSubject(ctx, services, article, date);
  }
  if (allowNumber && args !== '') {
    const n = itemNumber(args);
    if (n !== undefined) {
      const articles = await services.memory.digestItem(ctx.chatId, n);
      if (!articles || articles.length === 0) throw new UserError(ar.noDigestItem(n), 'no digest item');
      return articles.length === 1 ? datedSubject(ctx, services, articles[0]!, date) : { kind: 'digest', n, articles };
    }
  }
  const input = args !== '' ? args : (ctx.replyText ?? '').trim();
  if (input !== '') {
    const found = await articleFromInput(ctx, services, input);
    return remembered(ctx, services, date === undefined ? found : { ...found, published: date });
  }
  if (allowLast) {
    const last = await services.memory.lastArticle(ctx.chatId);
    if (last) return datedSubject(ctx, services, last, date);
    throw new UserError(ar.noLastArticle(command), 'no last article');
  }
  throw new UserError(ar.missingArticle(command), 'missing argument');
}

/** A date token, its digits made ASCII first (Arabic-Indic and Persian digits read too): YYYY-MM-DD. */
const DATE_TOKEN = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$/u;

/**
 * The publication date given with /brief, /timeline or /who, first or last ("/brief 2023-12-08 <link>",
 * "/timeline <link> 2023-12-08", Discord's date option): the day the article's dates count from. Throws a UserError
 * for a date that is no real day.
 */
function dateArgument(args: string): { date?: string; rest: string } {
  const words = args.trim().split(/\s+/u);
  for (const at of [0, words.length - 1]) {
    const word = words[at];
    const ascii = word === undefined ? '' : asciiDigits(word);
    if (words.length < 2 || word === undefined || !DATE_TOKEN.test(ascii)) continue;
    const [y, m, d] = ascii.split('-') as [string, string, string];
    const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
    try {
      parsePublished(date);
    } catch {
      throw new UserError(ar.badDate(word), `bad date ${word}`);
    }
    words.splice(at, 1);
    return { date, rest: words.join(' ') };
  }
  return { rest: args };
}

/** The Discord option that carries the date (other platforms take it in the text, first or last). */
export const DATE_OPTION = { name: 'date', description: 'تاريخ نشره YYYY-MM-DD إن لم يذكره (تُحسب منه «أمس» و«الثلاثاء»)', required: false } as const;

/** `article` remembered as the chat's last; a full disk still answers, with the notice why nothing was kept. */
async function remembered(ctx: CommandContext, services: Services, article: StoredArticle): Promise<Subject> {
  try {
    await services.memory.rememberArticle(ctx.chatId, article);
  } catch (err) {
    if (!isDiskFull(err)) throw err;
    return { kind: 'article', article, notice: ar.diskFull };
  }
  return { kind: 'article', article };
}

/** An article found already (a button, a digest item, the last one): published on `date` and remembered so, when one was given. */
function datedSubject(ctx: CommandContext, services: Services, article: StoredArticle, date: string | undefined): Promise<Subject> | Subject {
  return date === undefined ? { kind: 'article', article } : remembered(ctx, services, { ...article, published: date });
}
