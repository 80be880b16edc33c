/**
 * The platform-neutral message: commands build it, each adapter renders it (escaping, limits,
 * right-to-left) in one place. Text is plain; renderers escape it.
 */

/** Inline pieces of a paragraph or list item. */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'bold'; text: string }
  | { kind: 'italic'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'link'; text: string; url: string };

/** Block pieces of a message, in order. */
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][]; /** Number of the first item of an ordered list (default 1). */ start?: number }
  | { kind: 'separator' };

/** A button under the message: a callback the bot answers, or a link. */
export type Button =
  | { kind: 'action'; label: string; action: string }
  | { kind: 'url'; label: string; url: string };

/** A picture sent with a message: a photo on Telegram, an attachment on Discord, a file in the console. */
export interface Picture {
  /** File name, e.g. "timeline.png". */
  name: string;
  png: Uint8Array;
  width: number;
  height: number;
}

/** A file sent with a message (an OPML export): a document on Telegram, an attachment on Discord, a file in the console. */
export interface FileAttachment {
  name: string;
  bytes: Uint8Array;
  mime: string;
}

/**
 * One story of a digest as a post of its own, for a channel where every message is a new thread
 * (a Discord forum channel): the thread's title, its first message, and the stored articles the
 * story stands for (the adapter adds their timeline and who list in the thread).
 */
export interface Post {
  title: string;
  message: Message;
  articleIds: number[];
  /** The story it stands for, when it is one. */
  storyId?: number;
}

/**
 * One reply or post: blocks, then rows of buttons. Direction is right-to-left unless said
 * otherwise. With a `picture`, the blocks are its caption (keep them short: Telegram captions
 * hold 1,024 characters; a longer text follows the picture as a message of its own).
 */
export interface Message {
  blocks: Block[];
  buttons?: Button[][];
  picture?: Picture;
  /** A file sent with the message; the blocks are its caption, as with a picture. */
  file?: FileAttachment;
  direction?: 'rtl' | 'ltr';
  /**
   * A digest's stories one by one, for forum channels (each a post); every other chat reads the
   * blocks, which hold the same stories.
   */
  posts?: Post[];
}

/** Helpers to build messages tersely. */
export const m = {
  text: (text: string): Inline => ({ kind: 'text', text }),
  bold: (text: string): Inline => ({ kind: 'bold', text }),
  italic: (text: string): Inline => ({ kind: 'italic', text }),
  code: (text: string): Inline => ({ kind: 'code', text }),
  link: (text: string, url: string): Inline => ({ kind: 'link', text, url }),
  heading: (text: string): Block => ({ kind: 'heading', text }),
  paragraph: (...content: (Inline | string)[]): Block => ({
    kind: 'paragraph',
    content: content.map((c) => (typeof c === 'string' ? { kind: 'text', text: c } : c)),
  }),
  list: (items: (Inline | string)[][], ordered = false): Block => ({
    kind: 'list',
    ordered,
    items: items.map((item) => item.map((c) => (typeof c === 'string' ? { kind: 'text', text: c } : c))),
  }),
  separator: (): Block => ({ kind: 'separator' }),
};
