/**
 * Button actions ↔ Discord custom_ids. An action that fits Discord's 100 characters travels as
 * itself; a longer one travels as a short key, a hash of the action, and is kept under it: in
 * memory, and in the store when there is one (written before the message carrying the button is
 * sent), so the button still works after a restart and on another instance. A key nobody keeps
 * any more (an old message, or no store) decodes to undefined: the button then says it has
 * expired. The registry runs the decoded action (runAction).
 */
import { createHash } from 'node:crypto';
import type { ButtonActionStore } from '../../messages/sender.ts';
import { DISCORD_CUSTOM_ID_LIMIT } from '../../messages/render/discord.ts';

/** Marks a custom_id that is a key to a kept action rather than the action itself. */
const KEY_PREFIX = '~k:';
const DEFAULT_CAPACITY = 5000;

/** The key of a long action: the same action has the same key on every instance and after a restart. */
export function actionKey(action: string): string {
  return `${KEY_PREFIX}${createHash('sha256').update(action).digest('base64url').slice(0, 24)}`;
}

/** What ActionIds keeps long actions in besides memory. */
export interface ActionIdsOptions {
  store?: ButtonActionStore;
  /** Long actions kept in memory (the most recent). */
  capacity?: number;
  clock?: () => Date;
}

/** Encodes actions into custom_ids and decodes them back. */
export class ActionIds {
  private readonly long = new Map<string, string>();
  /** Keys handed out and not yet written to the store. */
  private readonly unsaved = new Map<string, string>();
  private readonly capacity: number;

  constructor(private readonly options: ActionIdsOptions = {}) {
    this.capacity = options.capacity ?? DEFAULT_CAPACITY;
  }

  /** The custom_id for `action`, at most 100 characters. Call {@link flush} before sending it. */
  encode(action: string): string {
    if (action.length <= DISCORD_CUSTOM_ID_LIMIT && !action.startsWith(KEY_PREFIX)) return action;
    const key = actionKey(action);
    this.remember(key, action);
    if (this.options.store) this.unsaved.set(key, action);
    return key;
  }

  /** Writes the long actions handed out since the last flush to the store, so their buttons outlive this process. */
  async flush(): Promise<void> {
    const store = this.options.store;
    if (!store || this.unsaved.size === 0) return;
    const now = (this.options.clock?.() ?? new Date()).toISOString();
    for (const [key, action] of [...this.unsaved]) {
      await store.saveButtonAction(key, action, now);
      this.unsaved.delete(key);
    }
  }

  /** The action behind a custom_id, or undefined when nobody keeps its key any more. */
  async decode(customId: string): Promise<string | undefined> {
    if (!customId.startsWith(KEY_PREFIX)) return customId;
    const known = this.long.get(customId);
    if (known !== undefined) return known;
    const stored = await this.options.store?.buttonAction(customId);
    if (stored !== undefined) this.remember(customId, stored);
    return stored;
  }

  /** Keeps a long action in memory, the most recent `capacity` of them. */
  private remember(key: string, action: string): void {
    this.long.delete(key);
    this.long.set(key, action);
    // Oldest first: a Map iterates in insertion order.
    while (this.long.size > this.capacity) this.long.delete(this.long.keys().next().value!);
  }
}
