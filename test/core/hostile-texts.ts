/** Hostile inputs of about `size` characters for the timeline's time bounds (tests) and bench/hostile-timeline.ts. */
export function hostileTexts(size: number): Record<string, string> {
  const fill = (unit: string): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  return {
    // Words and dates, never a punctuation mark: one sentence, one clause.
    noPunctuation: fill('وقال الوزير إن الهجوم الذي وقع في الثالث من ديسمبر أسفر عن قتلى بعد أن اختطف يوم الجمعة ثم أعلنت الشرطة أمس '),
    // Nothing but dates.
    dates: fill('3 ديسمبر 2015 '),
    // Many short dated sentences.
    shortSentences: fill('وقع هجوم أمس. '),
    // Dates in one long clause with relative pronouns between them (clause words, partings).
    relatives: fill('الذي وقع يوم الجمعة التي سبقت 5 مارس '),
  };
}
