/**
 * Turns response bytes into text the way browsers do, simplified: a byte-order mark wins, then the
 * charset of the Content-Type header, then a <meta charset>, <meta http-equiv> or XML declaration
 * in the first bytes, else UTF-8. Unknown labels fall back to UTF-8 instead of failing, because a
 * slightly garbled page is better than none. Needs Node's full ICU for legacy Arabic encodings
 * (windows-1256, iso-8859-6), which official Node builds have.
 */
import { TextDecoder } from 'node:util';

/** How far into the body to look for a declared encoding (the HTML spec says 1024; some pages are sloppier). */
const PRESCAN_BYTES = 4096;

/** The charset parameter of a Content-Type header value, if any. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const m = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  const label = (m?.[1] ?? m?.[2] ?? '').trim();
  return label === '' ? undefined : label;
}

/** The encoding a byte-order mark announces, if the bytes start with one. */
function charsetFromBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/** The encoding declared inside the document's first bytes (<meta> or <?xml ... encoding?>). */
export function charsetFromDocument(bytes: Uint8Array): string | undefined {
  // latin1 maps each byte to one char, so ASCII markup is readable whatever the real encoding.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES)).toString(
    'latin1',
  );
  const xml = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return xml[1]!.trim();
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const m = /charset\s*=\s*["']?\s*([^"'\s;/>]+)/i.exec(tag);
    if (m) return m[1]!.trim();
  }
  return undefined;
}

/** A TextDecoder for `label`, or undefined when the label is unknown to WHATWG/ICU. */
function decoderFor(label: string): TextDecoder | undefined {
  try {
    return new TextDecoder(label.toLowerCase());
  } catch {
    return undefined;
  }
}

/** Decodes `bytes` to text; returns the text and the canonical name of the encoding used. */
export function decodeBody(
  bytes: Uint8Array,
  contentType: string | undefined,
): { text: string; charset: string } {
  let decoder = decoderFor(charsetFromBom(bytes) ?? '') ?? decoderFor(charsetFromContentType(contentType) ?? '');
  if (!decoder) {
    const declared = charsetFromDocument(bytes);
    decoder = declared ? decoderFor(declared) : undefined;
    // A UTF-16 declaration inside ASCII-readable markup is a lie; the spec says read it as UTF-8.
    if (decoder?.encoding.startsWith('utf-16')) decoder = undefined;
  }
  decoder ??= new TextDecoder('utf-8');
  return { text: decoder.decode(bytes), charset: decoder.encoding };
}
