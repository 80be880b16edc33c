/**
 * Every schema migration, in the order they apply. To change the schema, add a file
 * NNN-name.ts exporting `migration` and append it here; never edit one that has shipped.
 */
import type { Migration } from './types.ts';
import { migration as content } from './001-content.ts';
import { migration as chats } from './002-chats.ts';
import { migration as digestLedger } from './003-digest-ledger.ts';
import { migration as digestPeriod } from './004-digest-period.ts';
import { migration as feedLease } from './005-feed-lease.ts';
import { migration as sendSlots } from './006-send-slots.ts';
import { migration as forumPosts } from './007-forum-posts.ts';
import { migration as buttonActions } from './008-button-actions.ts';
import { migration as chatSendSlots } from './009-chat-send-slots.ts';
import { migration as storyMerge } from './010-story-merge.ts';
import { migration as forumPostStory } from './011-forum-post-story.ts';

export type { Migration };

/** The migrations, oldest first. */
export const migrations: readonly Migration[] = [content, chats, digestLedger, digestPeriod, feedLease, sendSlots, forumPosts, buttonActions, chatSendSlots, storyMerge, forumPostStory];
