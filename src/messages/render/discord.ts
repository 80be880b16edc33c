/**
 * Renders a neutral Message as Discord message payloads: Discord markdown with every reserved
 * character escaped, mentions neutralized, right-to-left lines isolated (bidi.ts), and the message
 * split under Discord's 2000-character content limit by the shared splitter (split.ts), which cuts
 * the neutral message so every part is whole markdown on its own. Plain content (not embeds) because content keeps headings, lists and links selectable,
 * notifies like a normal message, and one limit (2000) is easier to reason about than an embed's
 * 4096/256/6000 trio; a long brief or digest simply becomes two or three messages.
 */
import type { APIActionRowComponent, APIButtonComponent } from 'discord.js';
import type { Block, Button, Inline, Message } from '../model.ts';
import { FSI, PDI, RLM, isolateLtrRuns, neutralizeBidi } from './bidi.ts';
import { splitMessage } from './split.ts';

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
const URL_IN_TEXT = /https?:\/\/[^\s<>\u2066-\u2069]+[^\s<>.,:;!?'")\]،؛؟\u2066-\u2069]/g;
/** RIGHT-TO-LEFT ISOLATE: opens a run laid out right to left whatever the paragraph's direction. */
const RLI = '\u2067';

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

/** Renders inline pieces of a right-to-left (`rtl`) or left-to-right line. */
function renderInlines(inlines: Inline[], rtl: boolean): string {
  // Latin words, numbers and URLs keep their own order inside an Arabic line.
  const plain = (text: string): string => escapeDiscord(rtl ? isolateLtrRuns(text, true) : text);
  const unit = (rendered: string): string => (rtl ? `${FSI}${rendered}${PDI}` : rendered);
  const text = (t: string): string => {
    let out = '';
    let last = 0;
    for (const match of t.matchAll(URL_IN_TEXT)) {
      out += plain(t.slice(last, match.index)) + unit(`<${match[0]}>`);
      last = match.index + match[0].length;
    }
    return out + plain(t.slice(last));
  };
  return inlines
    .map((raw) => {
      const inline = { ...raw, text: neutralizeBidi(raw.text) };
      switch (inline.kind) {
        case 'text':
          return text(inline.text);
        // Markers hug their text: "**a **" is not bold everywhere.
        case 'bold':
          return inline.text.trim() ? `**${plain(inline.text.trim())}**` : inline.text;
        case 'italic':
          return inline.text.trim() ? `*${plain(inline.text.trim())}*` : inline.text;
        case 'code':
          return inline.text ? unit(`\`${codeText(inline.text)}\``) : '';
        case 'link': {
          const url = safeUrl(inline.url);
          const label = inline.text.trim() ? inline.text.trim() : inline.url;
          return url ? `[${plain(label)}](<${url}>)` : text(label);
        }
      }
    })
    .join('');
}

/** The markdown lines of one block, each as [marker, inline content]. */
function blockLines(block: Block): [string, Inline[]][] {
  switch (block.kind) {
    case 'heading':
      return [['## ', [{ kind: 'text', text: block.text }]]];
    case 'paragraph':
      return [['', block.content]];
    case 'list': {
      const start = block.start ?? 1;
      return block.items.map((item, i) => [block.ordered ? `${start + i}. ` : '- ', item]);
    }
    case 'separator':
      return [['', [{ kind: 'text', text: '⸻' }]]];
  }
}

/**
 * Renders a whole message as one Discord markdown string, without any length limit. In a
 * right-to-left message every physical line goes in RLM + RLI…PDI after its markdown marker:
 * Discord lays messages out left to right, and the isolate makes the line itself read right to
 * left (trailing punctuation, list items starting with a Latin name), while the RLM makes clients
 * that pick the direction from the first strong character pick right-to-left.
 */
export function renderDiscordContent(message: Message): string {
  const rtl = (message.direction ?? 'rtl') === 'rtl';
  const wrap = (line: string): string => (rtl && line ? `${RLM}${RLI}${line}${PDI}` : line);
  return message.blocks
    .map((block) =>
      blockLines(block)
        .map(([marker, inlines]) =>
          renderInlines(inlines, rtl)
            .split('\n')
            .map((line, i) => (i === 0 ? marker : '') + wrap(line))
            .join('\n'),
        )
        .join('\n'),
    )
    .join('\n\n');
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
      // Discord refuses an empty label.
      const label = button.label.trim().slice(0, BUTTON_LABEL_LIMIT) || '…';
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
  const parts = splitMessage(message, renderDiscordContent, limit);
  const customId = options.customId ?? ((action: string) => action);
  const payloads = parts.map((part) => ({
    content: renderDiscordContent(part) || '\u200b',
    components: renderButtons(part.buttons ?? [], customId),
    allowed_mentions: { parse: [] as [] },
  }));
  if (payloads.length === 0) {
    payloads.push({ content: '\u200b', components: renderButtons(message.buttons ?? [], customId), allowed_mentions: { parse: [] } });
  }
  return payloads;
}
