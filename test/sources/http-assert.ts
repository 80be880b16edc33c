/** Assertion helpers shared by the fetcher tests. */
import assert from 'node:assert/strict';
import { FetchError } from '../../src/sources/errors.ts';

/** Awaits `work`, asserts it failed with a FetchError, and returns that error for further checks. */
export async function fetchFailure(work: Promise<unknown>): Promise<FetchError> {
  try {
    await work;
  } catch (err) {
    assert.ok(err instanceof FetchError, `expected FetchError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected the request to fail');
}
