/** Mistakes the user can fix: each carries the Arabic reply that says what to do instead. */

/** A user mistake; `userMessage` is shown as is, `message` is for logs. */
export class UserError extends Error {
  override name = 'UserError';
  constructor(
    readonly userMessage: string,
    message = 'user error',
  ) {
    super(message);
  }
}

/** The Arabic message of an error meant for the user (ours or the sources layer's), if it is one. */
export function userMessageOf(err: unknown): string | undefined {
  if (err instanceof UserError) return err.userMessage;
  if (err instanceof Error && 'userMessage' in err && typeof err.userMessage === 'string' && err.userMessage) {
    return err.userMessage;
  }
  return undefined;
}
