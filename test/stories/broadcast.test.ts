import { test } from 'node:test';
import assert from 'node:assert/strict';
import { broadcastsOf, shareBroadcast } from '../../src/stories/broadcast.ts';

test('GIVEN a lead THEN the broadcasts it says its words were said on are the quoted or one-word names after a programme or guest word', () => {
  const cases: [string, string, string[]][] = [
    ['a quoted programme', 'وقال الشابي، ضيف برنامج "بوليتيكا" اليوم إنه على اتصال دائم بها', ['بوليتيكا']],
    ['a quoted name after a guest word', 'وقال ضيف "بوليتيكا" في "الجوهرة أف أم"، إن الظرف الحالي يقتضي', ['بوليتيكا']],
    ['one word after a guest word', 'وأشاد رئيس الحكومة الأسبق، ضيف بوليتيكا، اليوم الخميس', ['بوليتيكا']],
    ['angle quotes and two words', 'في مداخلة له اليوم في برنامج «صباح الورد» على الجوهرة', ['صباح الورد']],
    ['a programme of work is no broadcast', 'إن برنامج عمل حكومة الوحدة الوطنية يجب أن يرتكز على 3 أولويات', []],
    ['a guest of honour is no broadcast', 'وحضر الوزير ضيف شرف في افتتاح المهرجان', []],
    ['no cue', 'قال النائب في تصريح لوكالة تونس افريقيا للأنباء', []],
  ];
  for (const [name, lead, want] of cases) assert.deepEqual([...broadcastsOf(lead)], want, name);
});

test('GIVEN two sets of broadcasts THEN they share one only when a name is in both', () => {
  assert.equal(shareBroadcast(new Set(['بوليتيكا']), new Set(['صباح الورد', 'بوليتيكا'])), true);
  assert.equal(shareBroadcast(new Set(['بوليتيكا']), new Set(['صباح الورد'])), false);
  assert.equal(shareBroadcast(new Set(), new Set()), false);
});
