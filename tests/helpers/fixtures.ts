import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Vendor-published invoice payloads, kept in the repository; tests/fixtures/vendors/SOURCES.md says where each is from. */
export const VENDOR_FIXTURES = join(__dirname, '..', 'fixtures', 'vendors');

export function vendorFixture<T = Record<string, unknown>>(name: string): T {
	return JSON.parse(readFileSync(join(VENDOR_FIXTURES, name), 'utf8')) as T;
}
