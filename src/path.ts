/**
 * The one dotted-path reader: "invoice", "data.invoice", "Contact.EmailAddress", "Addresses.0.Country" (arrays are
 * indexed by their digits). Paths are split once and remembered: adapters and nodes read the same few dozen paths
 * for every record.
 */
const segments = new Map<string, readonly string[]>();
const MAX_REMEMBERED = 10_000;

/** The keys of a dotted path. */
export function pathKeys(path: string): readonly string[] {
	let keys = segments.get(path);
	if (!keys) {
		keys = path.split('.');
		if (segments.size < MAX_REMEMBERED) segments.set(path, keys);
	}
	return keys;
}

/** The value at a dotted path of a record, or undefined when any step is missing or not an object. */
export function valueAtPath(root: unknown, path: string): unknown {
	let value: unknown = root;
	for (const key of pathKeys(path)) {
		value =
			value !== null && typeof value === 'object'
				? (value as Record<string, unknown>)[key]
				: undefined;
	}
	return value;
}
