/**
 * A number with its counted noun in Arabic, which agrees with the number: "خلاصة واحدة", "خلاصتين",
 * "3 خلاصات", "11 خلاصة". The category comes from the platform's plural rules for Arabic
 * (Intl.PluralRules: zero, one, two, few = 3–10, many = 11–99, other = 100, 101, 102 …).
 */
export interface CountedNoun {
  /** The noun alone after 0 and after 100, 11–99 ("خلاصة"). */
  singular: string;
  /** One, written out ("خلاصة واحدة"). */
  one: string;
  /** Two, the dual in the case the sentence needs ("خلاصتين" as an object, "خلاصتان" as a subject). */
  two: string;
  /** The plural after 3–10 ("خلاصات"). */
  plural: string;
}

const rules = new Intl.PluralRules('ar');

/** `n` with `noun` as Arabic grammar wants it after that number. */
export function counted(n: number, noun: CountedNoun): string {
  switch (rules.select(n)) {
    case 'one':
      return noun.one;
    case 'two':
      return noun.two;
    case 'few':
      return `${n} ${noun.plural}`;
    default:
      return `${n} ${noun.singular}`;
  }
}
