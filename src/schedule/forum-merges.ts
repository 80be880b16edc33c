/**
 * Forum posts of merged stories. A Discord forum channel gets each digest story as a post of its
 * own; when the story is later merged into another (one happening told in both, see
 * StoryStore.mergeStories), its post's readers are told where the story goes on:
 *
 * - the forum has a post of the story it went into: the old post gets a short note linking it, and
 *   that post gets a note linking back and the merged story's timeline and who list (the update);
 * - it has none: the old post now stands for the merged story and gets that note and update itself.
 *
 * Each post is claimed in the store before it is told (moveForumPost), so of several instances one tells it.
 */
import { chatKey, chatOn } from '../messages/chat.ts';
import { m, type Inline, type Message } from '../messages/model.ts';
import type { Sender } from '../messages/sender.ts';
import type { ForumMergeStore, MergedForumPost, StoryStore } from '../store/types.ts';

/** What telling merged posts reads and posts through. */
export interface ForumMergeDeps {
  store: ForumMergeStore & Pick<StoryStore, 'storyArticleIds'>;
  sender: Sender;
  /** A link to the post (thread) `thread` of the forum chat `chatId`, when the platform gives one. */
  postLink(chatId: string, thread: string): Promise<string | undefined>;
  /** The timeline and who list of the story made of `articleIds` (commands/story-thread.ts). */
  storyThread(articleIds: number[]): Promise<Message[]>;
  log?(line: string): void;
}

/** Posts told per pass; the rest come in the next one. */
const BATCH = 50;

/** Tells the forum posts whose story was merged since the last pass; how many were told. */
export async function noteMergedForumPosts(deps: ForumMergeDeps): Promise<number> {
  let told = 0;
  for (const post of await deps.store.mergedForumPosts(BATCH)) {
    // With a post of the surviving story in the forum, the old one stands for nothing any more.
    const next = post.intoThread === undefined ? post.into.id : undefined;
    if (!(await deps.store.moveForumPost(post.chatId, post.key, post.storyId, next))) continue;
    try {
      await tellMerge(deps, post);
      told++;
    } catch (err) {
      deps.log?.(`forum post ${post.thread} of ${post.chatId}: could not tell the merge of story ${post.storyId} into ${post.into.id}: ${String(err)}`);
    }
  }
  return told;
}

/** The chat key of the post `thread` of the forum chat `forumChat`. */
function postChat(forumChat: string, thread: string): string {
  const ref = chatOn('discord', forumChat);
  if (!ref) throw new TypeError(`not a forum chat: ${forumChat}`);
  return chatKey({ platform: 'discord', id: ref.id, thread });
}

/** A story's title, linked to its post when there is a link. */
function titled(title: string, url: string | undefined): Inline {
  return url ? m.link(`«${title}»`, url) : m.text(`«${title}»`);
}

/** The note in a post whose story went into one the forum has a post of: where it goes on. */
export function mergedAwayNote(post: MergedForumPost, link: string | undefined): Message {
  return {
    blocks: [m.paragraph('ضُمّ هذا الخبر إلى خبر ', titled(post.into.title, link), ' لأنهما حدث واحد، وتُتابَع تطوراته هناك.')],
    direction: 'rtl',
  };
}

/** The note in the post a merged story now goes on in: what joined it; its timeline and who list follow. */
export function joinedNote(post: MergedForumPost, link: string | undefined): Message {
  return {
    blocks: [m.paragraph('انضمّ إلى هذا الخبر خبر ', titled(post.storyTitle, link), ' لأنهما حدث واحد. الخط الزمني ومن هم بعد الضمّ:')],
    direction: 'rtl',
  };
}

/** Posts the notes of one merged post, then the merged story's timeline and who list where it goes on. */
async function tellMerge(deps: ForumMergeDeps, post: MergedForumPost): Promise<void> {
  const here = postChat(post.chatId, post.thread);
  let goesOn = here;
  if (post.intoThread === undefined) {
    await deps.sender.send(here, joinedNote({ ...post, storyTitle: post.into.title }, undefined));
  } else {
    goesOn = postChat(post.chatId, post.intoThread);
    await deps.sender.send(here, mergedAwayNote(post, await deps.postLink(post.chatId, post.intoThread)));
    await deps.sender.send(goesOn, joinedNote(post, await deps.postLink(post.chatId, post.thread)));
  }
  for (const message of await deps.storyThread(await deps.store.storyArticleIds(post.into.id))) await deps.sender.send(goesOn, message);
}
