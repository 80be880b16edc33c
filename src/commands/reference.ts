/** The reference date the core needs: the article's publication day, else today, in a time zone (one rule, in the core). */
export { dayAndTime, referenceFor } from '../core/reference.ts';
