/** Turning what the command line was given (file bytes, a JSON field) into article text, or a clear refusal. */
import { htmlToText, looksLikeHtml } from '../core/text/html.ts';
import { BIDI_CONTROLS } from '../messages/render/bidi.ts';

/** A mistake in what the user gave the command line: reported on one line, exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Whether bytes are binary rather than text: NUL bytes, or many control characters, in the first 8 KB. */
export function isBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** Decodes file bytes as UTF-8 text, refusing binary data and invalid UTF-8. */
export function decodeText(bytes: Uint8Array, name: string): string {
  if (isBinary(bytes)) throw new UsageError(`الملف ثنائي وليس نصًا: ${name}`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new UsageError(`الملف ليس نصًا بترميز UTF-8: ${name}`);
  }
}

/** Article text from raw input: HTML source reduced to its text, anything else as given (offsets refer to it). */
export function toArticleText(raw: string): string {
  return looksLikeHtml(raw) ? htmlToText(raw) : raw;
}

/** Text safe to print on a terminal: escape sequences and other control characters removed. */
export function terminalSafe(text: string): string {
  return text
    .replace(/\u001b\[[0-9;?]*[ -\/]*[@-~]/g, '')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
    // Bidi embeddings, overrides and isolates: an RLO would reverse what follows on the terminal.
    .replace(BIDI_CONTROLS, '');
}

/** Whether text has any Arabic letter at all. */
export function hasArabic(text: string): boolean {
  return /[\u0621-\u064a\u0671-\u06d3]/.test(text);
}
