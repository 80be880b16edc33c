/**
 * Button actions ↔ Discord custom_ids. An action that fits Discord's 100 characters travels as
 * itself; a longer one is kept in memory under a short key (lost on restart: the button then
 * answers that it has expired). The registry runs the decoded
 * action (runAction).
 */
import { DISCORD_CUSTOM_ID_LIMIT } from '../../messages/render/discord.ts';

/** Marks a custom_id that is a key into the in-memory table rather than the action itself. */
const KEY_PREFIX = '~k:';
const DEFAULT_CAPACITY = 5000;

/** Encodes actions into custom_ids and decodes them back. */
export class ActionIds {
  private readonly long = new Map<string, string>();
  private counter = 0;

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  /** The custom_id for `action`, at most 100 characters. */
  encode(action: string): string {
    if (action.length <= DISCORD_CUSTOM_ID_LIMIT && !action.startsWith(KEY_PREFIX)) return action;
    const key = `${KEY_PREFIX}${(this.counter++).toString(36)}`;
    this.long.set(key, action);
    // Oldest first: a Map iterates in insertion order.
    while (this.long.size > this.capacity) this.long.delete(this.long.keys().next().value!);
    return key;
  }

  /** The action behind a custom_id, or undefined when its key has been forgotten. */
  decode(customId: string): string | undefined {
    return customId.startsWith(KEY_PREFIX) ? this.long.get(customId) : customId;
  }
}
