/** The reference date the core needs: the article's publication day, else today, in a time zone. */

/** Calendar day (YYYY-MM-DD) and clock time (HH:MM) of `date` in `timeZone`. */
export function dayAndTime(date: Date, timeZone: string): { day: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/**
 * The reference for an article: a published date counts as written; a published date-time counts
 * in its own offset's calendar day (as ANALYSIS.md says); without one, `now` in `timeZone`.
 */
export function referenceFor(
  published: string | undefined,
  now: Date,
  timeZone: string,
): { reference: string; referenceTime?: string } {
  const written = published ? /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/u.exec(published) : null;
  if (written) return written[2] ? { reference: written[1]!, referenceTime: written[2] } : { reference: written[1]! };
  if (published) {
    const parsed = new Date(published);
    if (!Number.isNaN(parsed.getTime())) {
      const { day, time } = dayAndTime(parsed, timeZone);
      return { reference: day, referenceTime: time };
    }
  }
  return { reference: dayAndTime(now, timeZone).day };
}
