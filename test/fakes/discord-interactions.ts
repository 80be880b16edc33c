/**
 * Raw INTERACTION_CREATE payloads as Discord sends them, for the fake gateway to dispatch:
 * slash commands, message context-menu commands and button presses, in a guild or a DM.
 */
import { FAKE_APPLICATION_ID, FAKE_BOT, messageObject, snowflake } from './discord-rest.ts';
import { FAKE_CHANNEL_ID, FAKE_GUILD_ID } from './discord-gateway.ts';

/** Permission bits as Discord sends them (strings). */
export const PERMISSIONS = { none: '0', manageGuild: String(1n << 5n), administrator: String(1n << 3n) };

const USER = { id: '42', username: 'reader', discriminator: '0000', avatar: null, global_name: 'قارئ' };

/** Where the interaction happens and who does it. */
export interface Where {
  /** Omit for a guild interaction in the fake guild's channel. */
  dm?: boolean;
  permissions?: string;
  /** A thread of the fake guild (a thread of a text channel, or a forum post): its id and parent channel. */
  thread?: { id: string; parent: string };
  /** Another guild than the fake one (one a test added), and its text channel the command is used in. */
  guild?: { id: string; channel: string };
}

/** The channel object an interaction in `where` carries: the fake channel, or a thread in the guild. */
function channelOf(where: Where): Record<string, unknown> {
  const guildId = where.guild?.id ?? FAKE_GUILD_ID;
  if (!where.thread) return { id: where.guild?.channel ?? FAKE_CHANNEL_ID, type: 0, name: 'أخبار', guild_id: guildId, permissions: '0' };
  return {
    id: where.thread.id,
    type: 11,
    name: 'سلسلة',
    guild_id: guildId,
    parent_id: where.thread.parent,
    permissions: '0',
    thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date(0).toISOString(), locked: false },
  };
}

function base(type: number, data: unknown, where: Where = {}): Record<string, unknown> & { id: string; token: string } {
  const id = snowflake();
  const common = {
    id,
    application_id: FAKE_APPLICATION_ID,
    type,
    data,
    token: `itoken-${id}`,
    version: 1,
    app_permissions: '0',
    locale: 'ar',
    entitlements: [],
    authorizing_integration_owners: { '0': where.guild?.id ?? FAKE_GUILD_ID },
    attachment_size_limit: 8_000_000,
  };
  if (where.dm) {
    return { ...common, channel_id: '77', channel: { id: '77', type: 1, recipients: [USER] }, user: USER, context: 1 };
  }
  return {
    ...common,
    guild_id: where.guild?.id ?? FAKE_GUILD_ID,
    guild_locale: 'ar',
    channel_id: where.thread?.id ?? where.guild?.channel ?? FAKE_CHANNEL_ID,
    channel: channelOf(where),
    member: {
      user: USER,
      roles: [],
      permissions: where.permissions ?? PERMISSIONS.none,
      joined_at: new Date(0).toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
    },
    context: 0,
  };
}

/** A file given in an attachment option: Discord sends its id in the option and the file in `resolved`. */
export interface FakeAttachment {
  filename: string;
  size: number;
  url: string;
  content_type?: string;
}

/** A slash command with string options, and attachment options given as files. */
export function slashCommand(name: string, options: Record<string, string | FakeAttachment> = {}, where?: Where) {
  const attachments: Record<string, FakeAttachment & { id: string; proxy_url: string }> = {};
  const data = {
    id: snowflake(),
    name,
    type: 1,
    options: Object.entries(options).map(([n, value]) => {
      if (typeof value === 'string') return { name: n, type: 3, value };
      const id = snowflake();
      attachments[id] = { id, proxy_url: value.url, ...value };
      return { name: n, type: 11, value: id };
    }),
    ...(Object.keys(attachments).length > 0 ? { resolved: { attachments } } : {}),
  };
  return base(2, data, where);
}

/** The message context-menu command `name` on a message whose content is `content`. */
export function messageCommand(name: string, content: string, where?: Where) {
  const targetId = snowflake();
  const target = { ...messageObject(FAKE_CHANNEL_ID, { content }, targetId), author: USER };
  const data = { id: snowflake(), name, type: 3, target_id: targetId, resolved: { messages: { [targetId]: target } } };
  return base(2, data, where);
}

/** A press of the button `customId` under one of the bot's messages. */
export function buttonPress(customId: string, where?: Where) {
  const message = { ...messageObject(where?.thread?.id ?? FAKE_CHANNEL_ID, { content: 'موجز' }), author: FAKE_BOT };
  return { ...base(3, { custom_id: customId, component_type: 2 }, where), message };
}
