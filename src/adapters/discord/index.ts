/**
 * The Discord adapter: a discord.js client that answers slash commands, the "موجز" message
 * context-menu command and buttons through the platform-neutral command registry, and a Sender
 * for channel posts. No process-wide side effects: everything it starts, stop() ends.
 */
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, Partials, REST, Status, type RateLimitData } from 'discord.js';
import type { Config } from '../../config.ts';
import type { Services } from '../../commands/services.ts';
import type { Message, Post } from '../../messages/model.ts';
import type { Pacer } from '../../messages/pacing.ts';
import type { ButtonActionStore, ForumPostStore } from '../../messages/sender.ts';
import type { Metrics } from '../../log/metrics.ts';

import { ActionIds } from './actions.ts';
import { describeError } from '../../log/index.ts';
import { handleInteraction, type DiscordLog } from './interactions.ts';
import { DiscordSender } from './sender.ts';

export { commandDefinitions, BRIEF_MESSAGE_COMMAND } from './definitions.ts';
export { registerCommands } from './register.ts';
export { DiscordSender } from './sender.ts';
export { channelOf, chatIdOf } from './chat-id.ts';
export type { DiscordLog } from './interactions.ts';

/** A rate-limit wait longer than this is not sat through: the call fails with RateLimitedError. */
const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 30_000;

/** What startDiscord needs besides config and services. */
export interface DiscordOptions {
  /** The clock commands see as ctx.now. */
  clock?: () => Date;
  log?: DiscordLog;
  /** Longest rate-limit wait the REST client sits through before rejecting (ms). */
  maxRateLimitWaitMs?: number;
  /** Paces the digest sender's posts per channel (shared with the digest fan-out). */
  pacer?: Pacer;
  /** Downloads an attachment's text (the guarded HTTP client, capped at `maxBytes`; undefined when over it), for "/feeds import". */
  readAttachment?: (url: string, maxBytes: number) => Promise<string | undefined>;
  /** A digest story's timeline and who list, posted in its thread when the digest goes to a forum channel. */
  storyThread?: (post: Post) => Promise<Message[]>;
  /** Counts messages Discord accepted and the 429s discord.js waited out. */
  metrics?: Metrics;
  /** Keeps the forum posts digests created (the store: across restarts and instances); default in process. */
  forumPosts?: ForumPostStore;
  /** Keeps button actions too long for a custom_id (the store: their buttons work after a restart and on every instance); default in process. */
  buttonActions?: ButtonActionStore;
}

/** A running Discord bot. */
export interface DiscordBot {
  readonly client: Client;
  /** Posts to "discord:<channelId>" chats (for the digest scheduler). */
  readonly sender: DiscordSender;
  /** Whether the gateway session is up (ready, not reconnecting). */
  connected(): boolean;
  /** Disconnects from the gateway and stops every timer; safe to call twice. */
  stop(): Promise<void>;
}

/** Thrown when the Discord settings are missing; its message never contains a secret. */
export class DiscordConfigError extends Error {
  override name = 'DiscordConfigError';
}

const stderrLog: DiscordLog = {
  warn: (m) => process.stderr.write(`${m}\n`),
  error: (m) => process.stderr.write(`${m}\n`),
};

/** A discord.js REST client for the configured API root (DISCORD_API_ROOT for a shared proxy). */
export function createRest(config: Config, maxRateLimitWaitMs = DEFAULT_MAX_RATE_LIMIT_WAIT_MS): REST {
  return new REST(restOptions(config, maxRateLimitWaitMs)).setToken(config.discord.token ?? '');
}

function restOptions(config: Config, maxRateLimitWaitMs: number) {
  return {
    ...(config.discord.apiRoot ? { api: config.discord.apiRoot.replace(/\/+$/, '') } : {}),
    // Short waits are discord.js's job (it honours retry_after and buckets); long ones go back to the caller.
    rejectOnRateLimit: (data: RateLimitData) => data.retryAfter > maxRateLimitWaitMs,
  };
}

/**
 * Whether every shard's session is up: the client stays "ready" once all shards were, even when
 * one of them has since closed for good (sharding required, an intent refused) or is reconnecting.
 */
function allShardsReady(client: Client): boolean {
  return client.ws.shards.every((shard) => shard.status === Status.Ready);
}

/** The discord.js client's sharding options: shards run in this process, `shardCount` in all processes together. */
export function clientSharding(sharding: Config['discord']['sharding']): { shards?: 'auto' | number[]; shardCount?: number } {
  if (sharding.shards === undefined) return {};
  if (sharding.shards === 'auto') return { shards: 'auto' };
  const count = sharding.shards;
  return { shards: sharding.shardIds ?? Array.from({ length: count }, (_, i) => i), shardCount: count };
}

/**
 * Logs in with DISCORD_TOKEN and resolves once the gateway session is ready (every shard's, when
 * sharded). The gateway address, and with DISCORD_SHARDS=auto the shard count, come from GET
 * /gateway/bot on the configured API root.
 */
export async function startDiscord(config: Config, services: Services, options: DiscordOptions = {}): Promise<DiscordBot> {
  const { token, applicationId } = config.discord;
  if (!token || !applicationId) throw new DiscordConfigError('DISCORD_TOKEN and DISCORD_APPLICATION_ID are required');
  const log = options.log ?? stderrLog;
  const actions = new ActionIds({ ...(options.buttonActions ? { store: options.buttonActions } : {}), ...(options.clock ? { clock: options.clock } : {}) });
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // The channel an interaction carries is cached even when the gateway never sent it (a thread
    // opened before start, a DM): its type and parent say whether a command came from a thread.
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    rest: restOptions(config, options.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS),
    // Every shard runs in this process (discord.js's WebSocketManager); ready once all of them are.
    ...clientSharding(config.discord.sharding),
  });
  const deps = {
    services,
    actions,
    clock: options.clock ?? (() => new Date()),
    log,
    token,
    ...(options.readAttachment ? { readAttachment: options.readAttachment } : {}),
    ...(options.metrics ? { metrics: options.metrics } : {}),
  };
  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, deps));
  client.on(Events.Error, (error) => log.error(`client error: ${describeError(error, [token])}`));
  client.on(Events.ShardError, (error) => log.warn(`gateway error: ${describeError(error, [token])}`));
  // discord.js waits out 429s itself (buckets, retry_after); each one it meets is counted here.
  const metrics = options.metrics;
  if (metrics) client.rest.on('rateLimited', (info) => metrics.rateLimited('discord', info.retryAfter));

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await client.destroy();
  };
  try {
    const ready = once(client, Events.ClientReady);
    await client.login(token);
    await ready;
  } catch (error) {
    await stop();
    throw new Error(`discord: login failed: ${describeError(error, [token])}`);
  }
  const sender = new DiscordSender(client.rest, actions, {
    ...(options.pacer ? { pacer: options.pacer } : {}),
    ...(options.storyThread ? { storyThread: options.storyThread } : {}),
    ...(options.metrics ? { metrics: options.metrics } : {}),
    ...(options.forumPosts ? { forumPosts: options.forumPosts } : {}),
    clock: deps.clock,
    knownType: (id) => client.channels.cache.get(id)?.type,
  });
  return { client, sender, connected: () => !stopped && client.isReady() && allShardsReady(client), stop };
}
