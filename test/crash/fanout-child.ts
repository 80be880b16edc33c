/**
 * A scheduler process for the crash test: opens the store file, starts the scheduler (catch-up of
 * the missed slot, then fan-out) and exits when everything due is delivered. Its "platform"
 * appends each accepted message to a log file; HANG_AFTER makes it stop dead right after the
 * platform accepted a message and before the ledger records it, the window a crash can hit.
 */
import { appendFileSync } from 'node:fs';
import { openStore } from '../../src/store/index.ts';
import { SqliteDigestLedger } from '../../src/store/digest-ledger.ts';
import { startScheduler } from '../../src/schedule/scheduler.ts';
import type { Message } from '../../src/messages/model.ts';
import type { Clock } from '../../src/messages/pacing.ts';

const env = process.env;
const offset = Number(env.CLOCK_OFFSET_MS ?? 0);
const sendMs = Number(env.SEND_MS ?? 5);
const hangAfter = Number(env.HANG_AFTER ?? 0);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const clock: Clock = { now: () => new Date(Date.now() + offset), sleep };

let accepted = 0;
let frozen = false;
const sender = {
  async send(chatId: string, message: Message): Promise<void> {
    await sleep(sendMs);
    // Once "crashed", nothing more reaches the platform: the process only waits to be killed.
    if (frozen) await new Promise(() => {});
    const heading = message.blocks[0]?.kind === 'heading' ? message.blocks[0].text : '';
    appendFileSync(env.LOG!, `${JSON.stringify({ chatId, heading, pid: process.pid })}\n`);
    accepted++;
    if (hangAfter > 0 && accepted === hangAfter) {
      frozen = true;
      // A pending promise alone keeps no process alive: once every send is frozen, Node would exit
      // on its own (an unsettled top-level await) before the test kills it. A timer keeps it waiting.
      setInterval(() => undefined, 60_000);
      await new Promise(() => {});
    }
  },
};

const store = openStore(env.DB!);
const scheduler = await startScheduler({
  store,
  ledger: new SqliteDigestLedger(store.db),
  sender,
  settings: { topN: 3, timezone: 'UTC', quietHours: '' },
  clock,
  cron: () => ({ stop() {} }),
  sweepMs: 0,
  leaseMs: Number(env.LEASE_MS ?? 60_000),
  concurrency: Number(env.CONCURRENCY ?? 4),
});
const report = await scheduler.sweep();
await scheduler.stop();
await store.close();
process.stdout.write(`done ${JSON.stringify(report)}\n`);
