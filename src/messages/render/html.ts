/**
 * Renders a neutral Message as Telegram HTML (parse_mode "HTML"): only tags Telegram accepts
 * (b, i, code, a href), every text escaped, Arabic lines bidi-isolated, and split under
 * Telegram's 4096-character limit with the buttons on the last part.
 */
import type { Block, Button, Inline, Message } from '../model.ts';
import { hasArabic, isolateLtrRuns, needsRlm, neutralizeBidi, RLM } from './bidi.ts';
import { inlineText, splitMessage } from './split.ts';

/** Telegram's limit on a message's text. Measured on the rendered HTML, which is never shorter. */
export const TELEGRAM_MESSAGE_LIMIT = 4096;
/** Telegram's limit on callback_data, in bytes. */
export const TELEGRAM_CALLBACK_DATA_LIMIT = 64;

/** Escapes text for Telegram HTML: &, < and >. */
export function escapeHtml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

/** Escapes an attribute value for Telegram HTML: &, <, > and ". */
export function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/gu, '&quot;');
}

/** Whether a URL may go into an href (Telegram rejects other schemes). */
function safeHref(url: string): boolean {
  return /^(https?:\/\/|tg:\/\/|mailto:)/iu.test(url);
}

/** One inline piece; `isolate` says the piece belongs to an Arabic line, so its Latin runs are isolated. */
function renderInline(raw: Inline, isolate: boolean): string {
  const piece = { ...raw, text: neutralizeBidi(raw.text) };
  const text = (s: string): string => escapeHtml(isolate ? isolateLtrRuns(s, true) : s);
  switch (piece.kind) {
    case 'text':
      return text(piece.text);
    case 'bold':
      return `<b>${text(piece.text)}</b>`;
    case 'italic':
      return `<i>${text(piece.text)}</i>`;
    case 'code':
      return `<code>${escapeHtml(piece.text)}</code>`;
    case 'link':
      return safeHref(piece.url)
        ? `<a href="${escapeAttribute(piece.url)}">${text(piece.text)}</a>`
        : text(piece.text);
  }
}

/** A line of inline pieces, with an RLM in front when its first strong character is Latin. */
function renderLine(content: Inline[], rtl: boolean): string {
  const plain = inlineText(content);
  const isolate = rtl && hasArabic(plain);
  const body = content.map((piece) => renderInline(piece, isolate)).join('');
  return isolate && needsRlm(plain) ? RLM + body : body;
}

function renderBlock(block: Block, rtl: boolean): string {
  switch (block.kind) {
    case 'heading':
      return renderLine([{ kind: 'bold', text: block.text }], rtl);
    case 'paragraph':
      return renderLine(block.content, rtl);
    case 'list': {
      const start = block.start ?? 1;
      return block.items
        .map((item, n) => `${block.ordered ? `${start + n}.` : '•'} ${renderLine(item, rtl)}`)
        .join('\n');
    }
    case 'separator':
      return '———';
  }
}

/** The whole message as one Telegram HTML text (no length limit applied). */
export function renderTelegramHtml(message: Message): string {
  const rtl = message.direction !== 'ltr';
  let out = '';
  message.blocks.forEach((block, i) => {
    // A heading sits right above what it heads; other blocks are a paragraph apart.
    if (i > 0) out += message.blocks[i - 1]!.kind === 'heading' ? '\n' : '\n\n';
    out += renderBlock(block, rtl);
  });
  return out;
}

/** One Telegram message to send. */
export interface TelegramPart {
  text: string;
  parse_mode: 'HTML';
  buttons?: Button[][];
}

/** Renders and splits a Message into Telegram messages under `limit`; buttons ride on the last. */
export function renderTelegramParts(message: Message, limit = TELEGRAM_MESSAGE_LIMIT): TelegramPart[] {
  return splitMessage(message, renderTelegramHtml, limit).map((part) => ({
    text: renderTelegramHtml(part),
    parse_mode: 'HTML',
    ...(part.buttons ? { buttons: part.buttons } : {}),
  }));
}
