/**
 * The send limits the fan-out paces digests with. They live in src/messages/pacing.ts, where the
 * platform senders (adapters) pace each API call with the same limiter; re-exported here for the
 * schedule layer.
 */
export { DISCORD_LIMITS, SendLimiter, TELEGRAM_LIMITS, WindowLimit, isGroupChat, systemClock } from '../messages/pacing.ts';
export type { Clock, Limits, Pacer } from '../messages/pacing.ts';
