/**
 * HTML source to plain text, for when someone hands the analyser a saved page instead of its text.
 * Hand-written scanning rather than regular expressions, so that unclosed tags or scripts in
 * hostile input cost linear time.
 */

const BLOCK_TAGS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'tr', 'td', 'th', 'table', 'section', 'article', 'header', 'footer', 'main',
  'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'figure', 'figcaption', 'hr', 'title', 'dd', 'dt',
]);
const DROPPED_BLOCKS = ['script', 'style', 'noscript', 'template', 'svg', 'head'];
const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', laquo: '«', raquo: '»', hellip: '…', ndash: '–',
  mdash: '—', rlm: '', lrm: '', zwnj: '\u200c', zwj: '\u200d', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’',
};

/** Whether text looks like HTML source rather than prose that mentions a tag. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  if (head.startsWith('<!doctype') || head.startsWith('<html') || head.startsWith('<?xml')) return true;
  const tags = text.slice(0, 65536).match(/<\/?(?:p|div|br|span|a|body|article|h[1-6]|li|script|style|meta|link)\b[^<>]{0,500}>/gi);
  return (tags?.length ?? 0) >= 3;
}

/** Decodes character references (&amp; &#1576; &#x628;); unknown ones stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** The text of an HTML document: scripts and styles dropped, blocks on their own lines, entities decoded. */
export function htmlToText(html: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let i = 0;
  let noMoreGt = false;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    if (lower.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const gt = noMoreGt ? -1 : html.indexOf('>', lt + 1);
    if (gt < 0) {
      noMoreGt = true;
      out += '<';
      i = lt + 1;
      continue;
    }
    const name = /^<\/?([a-z][a-z0-9]*)/i.exec(html.slice(lt, Math.min(gt + 1, lt + 40)))?.[1]?.toLowerCase();
    if (name === undefined && !lower.startsWith('<!', lt) && !lower.startsWith('<?', lt)) {
      out += '<'; // "a < b" in prose
      i = lt + 1;
      continue;
    }
    i = gt + 1;
    if (name !== undefined && html[lt + 1] !== '/' && DROPPED_BLOCKS.includes(name)) {
      const close = lower.indexOf(`</${name}`, i);
      const closeEnd = close < 0 ? -1 : html.indexOf('>', close);
      i = closeEnd < 0 ? html.length : closeEnd + 1;
      continue;
    }
    if (name !== undefined && BLOCK_TAGS.has(name)) out += '\n';
  }
  return decodeEntities(out)
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n[ \n]*/g, '\n')
    .trim();
}
