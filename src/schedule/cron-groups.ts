/**
 * The digest scheduler's timers: one cron task per distinct schedule (a cron expression in a time
 * zone), shared by every chat on it. A thousand chats at 08:00 in Riyadh are one task whose tick
 * hands the scheduler all of them, instead of a thousand tasks; start-up and memory grow with the
 * distinct schedules, not with the chats.
 */
import cron from 'node-cron';

/** Starts a timer-driven task; returns how to stop it. node-cron in production, a fake in tests. */
export type CronFactory = (expression: string, timeZone: string, onTick: () => void) => { stop(): void };

/** node-cron 4: one task per expression, in the schedule's time zone. */
export const nodeCronFactory: CronFactory = (expression, timeZone, onTick) => {
  const task = cron.schedule(expression, () => onTick(), { timezone: timeZone, noOverlap: false });
  // destroy, not stop: a stopped task stays in node-cron's registry, and /subscribe replaces tasks often.
  return { stop: () => void task.destroy() };
};

/** A cron expression in a time zone. */
export interface CronSchedule {
  expression: string;
  timeZone: string;
}

interface Group<T> {
  task: { stop(): void };
  members: Map<string, T>;
}

/** Chats (keyed by id, each with a value the tick hands back) on shared cron tasks. */
export class CronGroups<T> {
  private readonly groups = new Map<string, Group<T>>();
  private readonly keysOf = new Map<string, string[]>();

  constructor(
    private readonly factory: CronFactory,
    /** A task ticked: the values of every chat on it. */
    private readonly onTick: (members: T[]) => void,
  ) {}

  /** Puts chat `id` on these schedules with `value`, off any others; no schedules takes it off all. */
  set(id: string, value: T, schedules: CronSchedule[]): void {
    this.remove(id);
    const byKey = new Map(schedules.map((s) => [`${s.expression}\u0000${s.timeZone}`, s]));
    for (const [key, { expression, timeZone }] of byKey) {
      let group = this.groups.get(key);
      if (!group) {
        const members = new Map<string, T>();
        group = { task: this.factory(expression, timeZone, () => this.onTick([...members.values()])), members };
        this.groups.set(key, group);
      }
      group.members.set(id, value);
    }
    if (byKey.size > 0) this.keysOf.set(id, [...byKey.keys()]);
  }

  /** Takes chat `id` off its schedules, stopping a task no chat is left on. */
  remove(id: string): void {
    for (const key of this.keysOf.get(id) ?? []) {
      const group = this.groups.get(key);
      if (!group) continue;
      group.members.delete(id);
      if (group.members.size === 0) {
        group.task.stop();
        this.groups.delete(key);
      }
    }
    this.keysOf.delete(id);
  }

  /** Stops every task. */
  stopAll(): void {
    for (const group of this.groups.values()) group.task.stop();
    this.groups.clear();
    this.keysOf.clear();
  }

  /** How many tasks run (one per distinct schedule in use). */
  get tasks(): number {
    return this.groups.size;
  }
}
