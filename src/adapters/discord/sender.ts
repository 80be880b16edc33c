/**
 * Posts neutral messages to Discord channels (the digest scheduler's way in): render, split,
 * send each part in order. discord.js's REST client already waits out 429s as Discord says
 * (retry_after, buckets, global limit), so there is no retry loop here; a wait longer than the
 * client is configured to sit through surfaces as RateLimitedError for the caller to reschedule.
 *
 * A thread ("discord:<parent>:<thread>") is posted to by its own id. A forum channel takes no
 * plain message: every message there is a post, a new thread (POST /channels/{forum}/threads).
 * A digest becomes one post per story, titled with the story's title, its brief and sources first,
 * then its timeline and who list in the thread; any other message is one post of its own.
 */
import { createHash } from 'node:crypto';
import { Routes, type REST } from 'discord.js';
import type { Button, Message, Post } from '../../messages/model.ts';
import type { Pacer } from '../../messages/pacing.ts';
import type { ForumPost, ForumPostStore, Sender } from '../../messages/sender.ts';
import type { Metrics } from '../../log/metrics.ts';
import { renderDiscord, type DiscordMessagePayload } from '../../messages/render/discord.ts';
import type { ActionIds } from './actions.ts';
import { chatOn } from '../../messages/chat.ts';
import { mapDiscordError } from './errors.ts';
import { actionOnChannel } from '../../commands/registry.ts';

/** Discord's channel types whose messages are posts: GUILD_FORUM and GUILD_MEDIA. */
const POST_CHANNEL_TYPES = new Set([15, 16]);
/** Discord's limit on a thread's name. */
const THREAD_NAME_LIMIT = 100;
/** Forum posts remembered in process when no store keeps them. */
const POSTS_REMEMBERED = 2000;

/**
 * Forum posts kept in this process only (the sender's default, for tests and the console): lost on
 * restart. main.ts gives the sender the store, which keeps them across restarts and instances.
 */
export class MemoryForumPosts implements ForumPostStore {
  private readonly posts = new Map<string, ForumPost>();

  async forumPost(chatId: string, key: string): Promise<ForumPost | undefined> {
    return this.posts.get(`${chatId}\0${key}`);
  }

  async recordForumPost(chatId: string, key: string, post: ForumPost): Promise<void> {
    const id = `${chatId}\0${key}`;
    this.posts.delete(id);
    this.posts.set(id, post);
    // Oldest first: a Map iterates in insertion order.
    while (this.posts.size > POSTS_REMEMBERED) this.posts.delete(this.posts.keys().next().value!);
  }
}

/** A post's key among its forum's posts: a hash of its title and first message, the same when a digest is retried. */
export function postKey(title: string, firstContent: string): string {
  return createHash('sha256').update(`${title}\0${firstContent}`).digest('hex').slice(0, 32);
}

/** What the sender needs besides the REST client. */
export interface DiscordSenderOptions {
  /** Paces each post per channel on top of discord.js's buckets (see messages/pacing.ts). */
  pacer?: Pacer;
  /** A channel's type when the gateway already told it (the client's cache); otherwise the sender asks REST once. */
  knownType?: (channelId: string) => number | undefined;
  /** The messages that follow a story's post in its thread: its timeline and who list. */
  storyThread?: (post: Post) => Promise<Message[]>;
  /** Counts each message Discord accepted. */
  metrics?: Metrics;
  /** Where the forum posts already created are kept (default: in this process only). */
  forumPosts?: ForumPostStore;
  /** The time a forum post is recorded at (default: the system clock). */
  clock?: () => Date;
}

/** One rendered part with its attachment, as discord.js REST takes it. */
interface Part {
  body: DiscordMessagePayload & { attachments?: { id: number; filename: string }[] };
  files?: { name: string; data: Buffer }[];
}

/** The title of a post: the first heading or the given title, cut at a word to Discord's 100 characters. */
export function postTitle(title: string): string {
  const clean = title.replace(/\s+/gu, ' ').trim() || 'موجز';
  if (clean.length <= THREAD_NAME_LIMIT) return clean;
  const cut = clean.slice(0, THREAD_NAME_LIMIT - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > THREAD_NAME_LIMIT / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * A forum digest's buttons (its "more"), acting on the forum: pressed inside one of its posts, a
 * button would otherwise act for that post's thread, a chat of its own.
 */
function forumButtons(buttons: Button[][] | undefined, forumId: string): Button[][] {
  return (buttons ?? []).map((row) => row.map((b) => (b.kind === 'action' ? { ...b, action: actionOnChannel(b.action, `<#${forumId}>`) } : b)));
}

/** The posts with `buttons` under the last one's first message (where a reader of the forum ends). */
function withButtonsLast(posts: Post[], buttons: Button[][]): Post[] {
  const last = posts.at(-1);
  if (!last || buttons.length === 0) return posts;
  return [...posts.slice(0, -1), { ...last, message: { ...last.message, buttons: [...(last.message.buttons ?? []), ...buttons] } }];
}

/** A Sender for Discord channels, threads and forum channels over discord.js's REST client. */
export class DiscordSender implements Sender {
  private readonly types = new Map<string, number>();
  /** The guild of each forum a post link was asked for. */
  private readonly guilds = new Map<string, string>();
  /** Forum posts already created, by chat and post key: their thread id, and whether their thread is complete. */
  private readonly posted: ForumPostStore;

  constructor(
    private readonly rest: REST,
    private readonly actions: ActionIds,
    private readonly options: DiscordSenderOptions = {},
  ) {
    this.posted = options.forumPosts ?? new MemoryForumPosts();
  }

  /** Renders `message` and posts every part to the channel (or its posts to the forum); throws ChatGoneError/RateLimitedError. */
  async send(chatId: string, message: Message): Promise<void> {
    const ref = chatOn('discord', chatId);
    if (!ref) throw new TypeError(`not a Discord chat id: ${chatId}`);
    const channelId = ref.thread ?? ref.id;
    // A thread takes messages; only a channel itself may be a forum.
    if (ref.thread !== undefined || !(await this.isForum(chatId, channelId))) return this.postParts(chatId, channelId, message);
    if (!message.posts) {
      const post = { title: this.headingOf(message), message: { ...message, blocks: message.blocks.filter((b) => b.kind !== 'heading') }, articleIds: [] };
      return this.sendPost(chatId, channelId, post);
    }
    for (const post of withButtonsLast(message.posts, forumButtons(message.buttons, channelId))) await this.sendPost(chatId, channelId, post);
  }

  /** A link to the post (thread) `thread` of the forum chat `chatId`, as Discord writes one: https://discord.com/channels/<guild>/<thread>. */
  async postLink(chatId: string, thread: string): Promise<string | undefined> {
    const ref = chatOn('discord', chatId);
    if (!ref) return undefined;
    let guild = this.guilds.get(ref.id);
    if (guild === undefined) {
      const channel = (await this.call(chatId, () => this.rest.get(Routes.channel(ref.id)))) as { guild_id?: unknown };
      if (typeof channel.guild_id !== 'string') return undefined;
      guild = channel.guild_id;
      this.guilds.set(ref.id, guild);
    }
    return `https://discord.com/channels/${guild}/${thread}`;
  }

  /** Whether the channel is a forum (or media) channel, whose messages are posts. */
  private async isForum(chatId: string, channelId: string): Promise<boolean> {
    let type = this.types.get(channelId) ?? this.options.knownType?.(channelId);
    if (type === undefined) {
      const channel = (await this.call(chatId, () => this.rest.get(Routes.channel(channelId)))) as { type?: unknown };
      type = typeof channel.type === 'number' ? channel.type : 0;
    }
    this.types.set(channelId, type);
    return POST_CHANNEL_TYPES.has(type);
  }

  /** The text of a message's first heading, as a post title. */
  private headingOf(message: Message): string {
    const heading = message.blocks.find((b) => b.kind === 'heading');
    return heading?.kind === 'heading' ? heading.text : '';
  }

  /** One story as a forum post: the thread with its first message, the rest of it, then its timeline and who list. */
  private async sendPost(chatId: string, forumId: string, post: Post): Promise<void> {
    const [first, ...rest] = await this.render(post.message);
    const key = postKey(post.title, first?.body.content ?? '');
    const known = await this.posted.forumPost(chatId, key);
    if (known?.complete) return;
    const story = post.storyId !== undefined ? { storyId: post.storyId } : {};
    let thread = known?.thread;
    if (thread === undefined) {
      const created = (await this.call(chatId, () =>
        this.rest.post(Routes.threads(forumId), {
          body: { name: postTitle(post.title), message: first?.body },
          ...(first?.files ? { files: first.files } : {}),
        }),
      )) as { id: string };
      thread = created.id;
      this.options.metrics?.messageSent('discord');
      await this.remember(chatId, key, { thread, complete: false, ...story });
      for (const part of rest) await this.post(chatId, thread, part);
    }
    const followUps = post.articleIds.length > 0 && this.options.storyThread ? await this.options.storyThread(post) : [];
    for (const message of followUps) await this.postParts(chatId, thread, message);
    await this.remember(chatId, key, { thread, complete: true, ...story });
  }

  private remember(chatId: string, key: string, post: ForumPost): Promise<void> {
    return this.posted.recordForumPost(chatId, key, post, (this.options.clock?.() ?? new Date()).toISOString());
  }

  /** Every part of `message` to the channel or thread `channelId`. */
  private async postParts(chatId: string, channelId: string, message: Message): Promise<void> {
    for (const part of await this.render(message)) await this.post(chatId, channelId, part);
  }

  /** The parts of a message, the long actions of their buttons kept; its picture or file goes as an attachment of the first part. */
  private async render(message: Message): Promise<Part[]> {
    const attached = message.picture
      ? { name: message.picture.name, data: Buffer.from(message.picture.png) }
      : message.file
        ? { name: message.file.name, data: Buffer.from(message.file.bytes) }
        : undefined;
    const parts = renderDiscord(message, { customId: (a) => this.actions.encode(a) }).map((body, i): Part =>
      i === 0 && attached ? { body: { ...body, attachments: [{ id: 0, filename: attached.name }] }, files: [attached] } : { body },
    );
    await this.actions.flush();
    return parts;
  }

  private async post(chatId: string, channelId: string, part: Part): Promise<void> {
    await this.call(chatId, () => this.rest.post(Routes.channelMessages(channelId), part.files ? { body: part.body, files: part.files } : { body: part.body }));
    this.options.metrics?.messageSent('discord');
  }

  /** One API call, paced per chat, its errors in the project's terms. */
  private async call<T>(chatId: string, request: () => Promise<T>): Promise<T> {
    const release = this.options.pacer ? await this.options.pacer.acquire(chatId) : undefined;
    try {
      return await request();
    } catch (error) {
      throw mapDiscordError(error, chatId);
    } finally {
      release?.();
    }
  }
}
