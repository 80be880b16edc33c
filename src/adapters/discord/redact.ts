/**
 * Error text made safe to log: no bot token, no interaction token (webhook and interaction
 * callback URLs carry one).
 */

/** Makes text safe to log: the bot token and interaction tokens in URLs become "***". */
export function redact(text: string, token?: string): string {
  let out = text.replace(/\/(webhooks|interactions)\/(\d+)\/[\w.-]+/g, '/$1/$2/***');
  if (token) out = out.split(token).join('***');
  return out;
}

/** A one-line, redacted description of an error for the log. */
export function describeError(error: unknown, token?: string): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // DiscordAPIError carries the request; read it by shape so this module needs no discord.js.
  const request = error as { method?: unknown; url?: unknown };
  const url = typeof request?.url === 'string' && typeof request.method === 'string' ? ` (${request.method} ${request.url})` : '';
  return redact(`${text}${url}`, token).replace(/\s+/g, ' ').slice(0, 500);
}
