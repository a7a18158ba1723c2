import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The vendor-published payloads in ../shared/fixtures (beside the repo in CI and on developer machines). */
export const SHARED_FIXTURES = join(__dirname, '..', '..', '..', 'shared', 'fixtures');

export function sharedFixture<T = Record<string, unknown>>(name: string): T {
	return JSON.parse(readFileSync(join(SHARED_FIXTURES, name), 'utf8')) as T;
}
