/**
 * Renders a neutral Message as plain text for a terminal: no markup, no invisible bidi marks
 * (most terminals print them as junk), links as "text (url)", buttons listed as the commands
 * that do the same thing.
 */
import type { Block, Inline, Message } from '../model.ts';
import { neutralizeBidi } from './bidi.ts';

function renderInline(piece: Inline): string {
  if (piece.kind === 'link') {
    const url = readableUrl(piece.url);
    const text = neutralizeBidi(piece.text);
    return text === piece.url || text === url ? url : `${text} (${url})`;
  }
  return neutralizeBidi(piece.text);
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `== ${neutralizeBidi(block.text)} ==`;
    case 'paragraph':
      return block.content.map(renderInline).join('');
    case 'list': {
      const start = block.start ?? 1;
      return block.items
        .map((item, n) => `${block.ordered ? `${start + n}.` : '-'} ${item.map(renderInline).join('')}`)
        .join('\n');
    }
    case 'separator':
      return '----';
  }
}

/** The message as terminal text; `buttonHint` says how to do what an action button would do. */
export function renderPlain(message: Message, buttonHint?: (action: string, label: string) => string | undefined): string {
  let out = '';
  message.blocks.forEach((block, i) => {
    if (i > 0) out += message.blocks[i - 1]!.kind === 'heading' ? '\n' : '\n\n';
    out += renderBlock(block);
  });
  const hints = (message.buttons ?? [])
    .flat()
    .map((b) => (b.kind === 'url' ? `${b.label}: ${b.url}` : buttonHint?.(b.action, b.label)))
    .filter((h): h is string => Boolean(h));
  if (hints.length > 0) out += `\n\n${hints.join('  |  ')}`;
  return out;
}

/** A URL as a reader types it: percent-escaped Arabic paths decoded (left as is when not decodable). */
export function readableUrl(url: string): string {
  try {
    const decoded = decodeURI(url);
    // Whitespace or controls would make the shown address ambiguous: keep those escaped.
    return /[\s\p{Cc}]/u.test(decoded) ? url : decoded;
  } catch {
    return url;
  }
}
