/**
 * Plain text from the HTML that feeds put in descriptions and content, without a DOM (fast enough
 * for bulk ingest). The tags are read by the core's hand-written scanner (src/core/text/html.ts):
 * linear in its input, so a description of 300 KB of '<' costs milliseconds, not a minute.
 */
import { htmlToText as scanHtml } from '../core/text/html.ts';

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…', mdash: '—', ndash: '–',
  laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', zwnj: '\u200c', zwj: '\u200d',
  lrm: '\u200e', rlm: '\u200f', copy: '©', reg: '®', middot: '·', bull: '•',
};

/** Decodes HTML character references (numeric and the common named ones), for attribute values. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** Plain text of an HTML fragment: scripts, styles and tags dropped, one paragraph a line (as page.ts gives them), spacing tidied. */
export function htmlToText(html: string): string {
  if (!html.includes('<') && !html.includes('&')) return html.replace(/[ \t]+/g, ' ').trim();
  return scanHtml(html);
}
