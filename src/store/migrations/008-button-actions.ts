/**
 * Button actions too long for Discord's custom_id (100 characters): the button carries a short key
 * (a hash of the action) and the action is kept here, so it still works after a restart and on
 * another instance. `handed_at` is when a message last carried it; actions not handed out for
 * BUTTON_ACTION_DAYS are forgotten (their button then says it has expired).
 */
import type { Migration } from './types.ts';

export const migration: Migration = {
  id: '008-button-actions',
  up(db) {
    db.exec(`
      CREATE TABLE button_actions (
        action_key TEXT PRIMARY KEY,
        action TEXT NOT NULL,
        handed_at TEXT NOT NULL
      );
      CREATE INDEX button_actions_age ON button_actions(handed_at);
    `);
  },
};
