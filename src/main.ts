/**
 * The composition root: settings → store → services → platforms. Telegram starts when
 * TELEGRAM_BOT_TOKEN is set, Discord when DISCORD_TOKEN and DISCORD_APPLICATION_ID are set (both
 * when both are); with neither, a chat opens in the terminal. SIGINT/SIGTERM stop everything.
 */
import { startConsole } from './adapters/console/start.ts';
import { InMemoryChatMemory } from './commands/memory.ts';
import type { ChatMemory } from './commands/services.ts';
import { createServices } from './commands/wiring.ts';
import { describeConfig, loadConfigFromProcess, type Config } from './config.ts';
import type { Sender } from './messages/sender.ts';
import { openConfiguredStore, type SqliteStore } from './store/index.ts';

type Level = Config['logLevel'];
const LEVELS: Level[] = ['debug', 'info', 'warn', 'error', 'silent'];

/** A stderr logger that drops lines below `level`. */
function createLog(level: Level): Record<'debug' | 'info' | 'warn' | 'error', (message: string) => void> {
  const at = (l: Level) => (message: string) => {
    if (LEVELS.indexOf(l) >= LEVELS.indexOf(level)) process.stderr.write(`${new Date().toISOString()} ${l} ${message}\n`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Opens the SQLite store; without it (e.g. an unwritable data dir) chats are remembered in memory. */
function openMemory(config: Config, log: ReturnType<typeof createLog>): { memory: ChatMemory; store?: SqliteStore } {
  try {
    const store = openConfiguredStore(config);
    return { memory: store, store };
  } catch (err) {
    log.warn(`store unavailable (${err instanceof Error ? err.message : String(err)}); chats are remembered in memory only`);
    return { memory: new InMemoryChatMemory() };
  }
}

/** Starts mojaz; resolves when it should exit (console: at end of input; bots: on a signal). */
async function main(): Promise<number> {
  const config = loadConfigFromProcess();
  const log = createLog(config.logLevel);
  log.info(`settings ${JSON.stringify(describeConfig(config))}`);
  const { memory, store } = openMemory(config, log);
  const services = createServices(config, memory);

  const stops: Array<() => Promise<void>> = [];
  /** Senders by platform: the digest scheduler, started after the platforms, posts through these. */
  const senders: Partial<Record<'telegram' | 'discord', Sender>> = {};

  // Platform libraries load only when used: discord.js alone takes seconds to import.
  if (config.telegram.token) {
    const { startTelegram } = await import('./adapters/telegram/index.ts');
    const telegram = await startTelegram(config, services, { log });
    senders.telegram = telegram.sender;
    stops.push(() => telegram.stop());
  }
  if (config.discord.token && config.discord.applicationId) {
    const { startDiscord } = await import('./adapters/discord/index.ts');
    const discord = await startDiscord(config, services, { log });
    senders.discord = discord.sender;
    stops.push(() => discord.stop());
    log.info('discord: connected');
  } else if (config.discord.token || config.discord.applicationId) {
    log.warn('discord is not configured: set both DISCORD_TOKEN and DISCORD_APPLICATION_ID');
  }

  const shutdown = async (): Promise<void> => {
    for (const stop of stops.reverse()) await stop().catch((err: unknown) => log.warn(`stop failed: ${String(err)}`));
    await store?.close();
  };

  if (stops.length === 0) {
    // No platform configured: the terminal chat, until end of input.
    await startConsole(services);
    await shutdown();
    return 0;
  }

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  log.info('stopping');
  await shutdown();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`mojaz: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
