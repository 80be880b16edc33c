/**
 * What a user typed, quoted back in a reply: at most a short prefix, on one line, without bidi
 * controls. A 6,000-character argument must not come back as two messages.
 */
import { neutralizeBidi } from './render/bidi.ts';

/** Characters of an argument quoted back at most. */
const QUOTE_CHARS = 40;

/** `text` as a short quote: whitespace runs as one space, cut to `max` characters with "…". */
export function quoteArg(text: string, max = QUOTE_CHARS): string {
  const one = neutralizeBidi(text).replace(/\s+/gu, ' ').trim();
  if (one.length <= max) return one;
  // Never cut a surrogate pair in half.
  const cut = Array.from(one).slice(0, max).join('');
  return `${cut}…`;
}
