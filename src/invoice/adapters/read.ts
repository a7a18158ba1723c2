/** Small readers shared by the source adapters: they return a value together with the path it was read from. */
import { valueAtPath } from '../../path';
import type { Read } from '../build';

export type Raw = Record<string, unknown>;

export function isRecord(value: unknown): value is Raw {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Reads a dotted path ("Contact.EmailAddress", "Addresses.0.Country") from a record; `prefix` is prepended to the reported path. */
export function at(raw: Raw, path: string, prefix = ''): Read {
	// Arrays are indexed by their digits ("OnlineInvoices.0.OnlineInvoiceUrl", "customer.preferred_locales.0").
	return { value: valueAtPath(raw, path), path: prefix ? prefix + path : path };
}

/** The first of several candidate paths that holds a value (aliases such as dueDate / due_date). */
export function first(raw: Raw, paths: readonly string[], prefix = ''): Read {
	for (const path of paths) {
		const read = at(raw, path, prefix);
		if (read.value !== undefined && read.value !== null && read.value !== '') return read;
	}
	return { value: undefined, path: prefix + paths[0] };
}

export function constant(value: unknown, path: string): Read {
	return { value, path };
}

/** `true` (the billing contact) when the address at `path` is there: the vendor sends its invoices to it. */
export function billingMark(raw: Raw, path: string, prefix = ''): Read {
	const address = at(raw, path, prefix);
	return constant(
		typeof address.value === 'string' && address.value.trim() !== '' ? true : undefined,
		address.path,
	);
}
