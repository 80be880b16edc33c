/**
 * Renders a neutral Message as Discord message payloads: Discord markdown with every reserved
 * character escaped, mentions neutralized, right-to-left lines isolated, and the text split under
 * Discord's 2000-character content limit at line or sentence boundaries, never inside a markdown
 * entity. Plain content (not embeds) because content keeps headings, lists and links selectable,
 * notifies like a normal message, and one limit (2000) is easier to reason about than an embed's
 * 4096/256/6000 trio; a long brief or digest simply becomes two or three messages.
 */
import type { APIActionRowComponent, APIButtonComponent } from 'discord.js';
import type { Block, Button, Inline, Message } from '../model.ts';

/** Discord's limit on a message's content, in UTF-16 code units (what String#length counts). */
export const DISCORD_MESSAGE_LIMIT = 2000;
/** Discord's limit on a button's custom_id. */
export const DISCORD_CUSTOM_ID_LIMIT = 100;
const BUTTON_LABEL_LIMIT = 80;
const BUTTONS_PER_ROW = 5;
const ROWS_PER_MESSAGE = 5;

// discord-api-types enums are const enums; their numbers are inlined here to keep this module type-only.
const COMPONENT_ACTION_ROW = 1;
const COMPONENT_BUTTON = 2;
const BUTTON_STYLE_SECONDARY = 2;
const BUTTON_STYLE_LINK = 5;

/** One Discord message to send: content, button rows, and mentions that never ping. */
export interface DiscordMessagePayload {
  content: string;
  components: APIActionRowComponent<APIButtonComponent>[];
  allowed_mentions: { parse: [] };
}

/** How to render: the content limit (tests shrink it) and how an action becomes a custom_id. */
export interface DiscordRenderOptions {
  limit?: number;
  /** Maps a button's action to a custom_id of at most 100 characters (the adapter may shorten it). */
  customId?: (action: string) => string;
}

const RESERVED = /[\\*_~`|>#\-[\]()<]/g;
const URL_IN_TEXT = /https?:\/\/[^\s<>]+[^\s<>.,:;!?'")\]،؛؟]/g;
const RLI = '\u2067';
const PDI = '\u2069';

/** Escapes Discord markdown and neutralizes @everyone/@here so plain text shows as written. */
export function escapeDiscord(text: string): string {
  return (
    text
      .replace(RESERVED, '\\$&')
      // A zero-width space keeps "@everyone" readable without ever being a mass mention.
      .replace(/@(everyone|here)/g, '@\u200b$1')
      // "1. " or "+ " at a line start would become a list.
      .replace(/^(\s*\d+)\.(?=\s)/gm, '$1\\.')
      .replace(/^(\s*)\+(?=\s)/gm, '$1\\+')
  );
}

/** Text with bare links kept clickable: a link is wrapped in <…> (no preview), the rest escaped. */
function renderText(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    out += escapeDiscord(text.slice(last, match.index)) + `<${match[0]}>`;
    last = match.index + match[0].length;
  }
  return out + escapeDiscord(text.slice(last));
}

/** A URL safe inside [text](<url>): only http(s), with the characters that end the link encoded. */
function safeUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return parsed.href.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  } catch {
    return undefined;
  }
}

/** Inline code cannot escape a backtick, so a backtick inside becomes a look-alike. */
const codeText = (text: string): string => text.replace(/`/g, '\u02cb');

/** Renders one inline piece as one markdown entity. */
function renderInline(inline: Inline): string {
  switch (inline.kind) {
    case 'text':
      return renderText(inline.text);
    case 'bold':
      return inline.text.trim() ? `**${escapeDiscord(inline.text)}**` : escapeDiscord(inline.text);
    case 'italic':
      return inline.text.trim() ? `*${escapeDiscord(inline.text)}*` : escapeDiscord(inline.text);
    case 'code':
      return inline.text ? `\`${codeText(inline.text)}\`` : '';
    case 'link': {
      const url = safeUrl(inline.url);
      const text = inline.text.trim() ? inline.text : inline.url;
      return url ? `[${escapeDiscord(text)}](<${url}>)` : renderText(text);
    }
  }
}

/** The same inline carrying a different text (to cut a long entity into several whole ones). */
const withText = (inline: Inline, text: string): Inline => ({ ...inline, text });

/**
 * Cuts plain text into pieces of at most `limit` characters, preferring a line end, then a
 * sentence end, then a space.
 * TODO(split.ts): replace with the shared splitter once src/messages/render/split.ts lands.
 */
function cutText(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit + 1);
    const at = [/\n(?=[^\n]*$)/, /[.!?؟…](?=\s[^.!?؟…]*$)/, /\s(?=\S*$)/]
      .map((re) => window.search(re))
      .find((i) => i > 0);
    const end = at === undefined ? limit : at + 1;
    pieces.push(rest.slice(0, end));
    rest = rest.slice(end);
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/** Cuts one inline into whole entities each rendering to at most `budget` characters. */
function cutInline(inline: Inline, budget: number): string[] {
  const out: string[] = [];
  // Escaping can double the length, so a piece that still renders too long is cut again, smaller.
  const visit = (text: string, limit: number): void => {
    for (const piece of cutText(text, Math.max(1, limit))) {
      // Markers hug their text: "**a **" is not bold everywhere.
      const rendered = renderInline(withText(inline, inline.kind === 'text' ? piece : piece.trim()));
      if (rendered.length <= budget || piece.length <= 1) out.push(rendered);
      else visit(piece, Math.floor(piece.length / 2));
    }
  };
  if (inline.kind === 'link') {
    // A link too long for a message keeps its text, and the address goes as plain text after it.
    visit(inline.text, budget);
    return out;
  }
  const overhead = renderInline(withText(inline, 'x')).length - 1;
  visit(inline.text, budget - overhead);
  return out;
}

/** Packs a line's inlines into strings of at most `budget` characters, cutting only between entities. */
function packInlines(inlines: Inline[], budget: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const inline of inlines) {
    const rendered = renderInline(inline);
    if (current.length + rendered.length <= budget) {
      current += rendered;
      continue;
    }
    if (current.trim()) pieces.push(current.trimEnd());
    current = '';
    if (rendered.length <= budget) {
      current = rendered;
      continue;
    }
    const cut = cutInline(inline, budget);
    pieces.push(...cut.slice(0, -1).map((p) => p.trimEnd()));
    current = cut.at(-1) ?? '';
  }
  if (current.trim()) pieces.push(current.trimEnd());
  return pieces.map((p) => p.trimStart());
}

/** One output line: a markdown prefix ("## ", "- ") and its inline content. */
interface Line {
  prefix: string;
  inlines: Inline[];
  /** Separator before this line when it follows another in the same message. */
  before: string;
}

/** The lines of one block. */
function blockLines(block: Block): Line[] {
  switch (block.kind) {
    case 'heading':
      return [{ prefix: '## ', inlines: [{ kind: 'text', text: block.text }], before: '\n\n' }];
    case 'paragraph':
      return [{ prefix: '', inlines: block.content, before: '\n\n' }];
    case 'list':
      return block.items.map((item, i) => ({
        prefix: block.ordered ? `${i + 1}. ` : '- ',
        inlines: item,
        before: i === 0 ? '\n\n' : '\n',
      }));
    case 'separator':
      return [{ prefix: '', inlines: [{ kind: 'text', text: '⸻' }], before: '\n\n' }];
  }
}

/** Renders the blocks into content strings of at most `limit` characters each. */
function renderContent(blocks: Block[], rtl: boolean, limit: number): string[] {
  // An isolate ends at a line break, so every physical line gets its own.
  const wrap = (s: string): string =>
    rtl ? s.split('\n').map((l) => (l ? `${RLI}${l}${PDI}` : l)).join('\n') : s;
  const chunks: string[] = [];
  let current = '';
  const push = (text: string, before: string): void => {
    if (current && current.length + before.length + text.length <= limit) {
      current += before + text;
      return;
    }
    if (current) chunks.push(current);
    current = text;
  };
  for (const line of blocks.flatMap(blockLines)) {
    const room = limit - line.prefix.length;
    // Each physical line costs two isolate marks, so a piece with inner line breaks may need a smaller budget.
    let budget = room - (rtl ? 2 : 0);
    let pieces = packInlines(line.inlines, budget);
    while (budget > 1 && pieces.some((p) => wrap(p).length > room)) {
      budget = Math.floor(budget * 0.9);
      pieces = packInlines(line.inlines, budget);
    }
    pieces.forEach((piece, i) => {
      // A continuation of a cut line loses its list marker or heading, but never its direction.
      push((i === 0 ? line.prefix : '') + wrap(piece), i === 0 ? line.before : '\n');
    });
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Button rows as Discord components: at most 5 a row and 5 rows, labels cut to 80 characters. */
function renderButtons(
  rows: Button[][],
  customId: (action: string) => string,
): APIActionRowComponent<APIButtonComponent>[] {
  const buttons: APIButtonComponent[][] = [];
  for (const row of rows) {
    const out: APIButtonComponent[] = [];
    for (const button of row) {
      const label = button.label.slice(0, BUTTON_LABEL_LIMIT);
      if (button.kind === 'url') {
        const url = safeUrl(button.url);
        if (url) out.push({ type: COMPONENT_BUTTON, style: BUTTON_STYLE_LINK, label, url });
      } else {
        const id = customId(button.action);
        if (id.length > DISCORD_CUSTOM_ID_LIMIT) throw new RangeError(`custom_id over ${DISCORD_CUSTOM_ID_LIMIT} characters`);
        out.push({ type: COMPONENT_BUTTON, style: BUTTON_STYLE_SECONDARY, label, custom_id: id });
      }
    }
    for (let i = 0; i < out.length; i += BUTTONS_PER_ROW) buttons.push(out.slice(i, i + BUTTONS_PER_ROW));
  }
  return buttons
    .slice(0, ROWS_PER_MESSAGE)
    .map((components) => ({ type: COMPONENT_ACTION_ROW, components }) as APIActionRowComponent<APIButtonComponent>);
}

/** Renders a neutral message as one or more Discord messages; the buttons go under the last one. */
export function renderDiscord(message: Message, options: DiscordRenderOptions = {}): DiscordMessagePayload[] {
  const limit = options.limit ?? DISCORD_MESSAGE_LIMIT;
  const rtl = (message.direction ?? 'rtl') === 'rtl';
  const contents = renderContent(message.blocks, rtl, limit);
  if (contents.length === 0) contents.push('\u200b');
  const components = renderButtons(message.buttons ?? [], options.customId ?? ((action) => action));
  return contents.map((content, i) => ({
    content,
    components: i === contents.length - 1 ? components : [],
    allowed_mentions: { parse: [] },
  }));
}
