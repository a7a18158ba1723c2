/**
 * Reading helpers of the report: dates, months, people and the invoice-key set. What an item carries is read with
 * the producers' own validators and schemas (src/contract), never with guesses of its own.
 */
import { dayNumber } from '../dates';
import type { DayOf } from '../contract/invoice';
import { AGING_BUCKETS, PAYMENT_STATES, type AgingBucket, type PaymentStateName } from '../state';

export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export const STATE_INDEX: Readonly<Record<string, number>> = Object.fromEntries(
	PAYMENT_STATES.map((state, index) => [state, index]),
);
export const BUCKET_INDEX: Readonly<Record<string, number>> = Object.fromEntries(
	AGING_BUCKETS.map((bucket, index) => [bucket, index]),
);
export const STATE_OF_INDEX: readonly PaymentStateName[] = PAYMENT_STATES;
export const BUCKET_OF_INDEX: readonly AgingBucket[] = AGING_BUCKETS;

export type { DayOf };

/**
 * The day number of the `YYYY-MM-DD` that starts `text` (dayNumber's rules: digits, dashes, a real calendar day),
 * read from its character codes: no slice, no regex, no map lookup, nothing allocated. A million invoices carry
 * three or four dates each, and fresh strings from JSON would each need hashing for a cache.
 */
export function dayAt(text: string): number | null {
	const year = digitsAt(text, 0, 4);
	const month = digitsAt(text, 5, 2);
	const day = digitsAt(text, 8, 2);
	if (
		year < 0 ||
		month < 1 ||
		month > 12 ||
		day < 1 ||
		text.charCodeAt(4) !== 45 ||
		text.charCodeAt(7) !== 45
	)
		return null;
	// Years before 100 follow Date.UTC's reading of them, as dayNumber does.
	if (year < 100) return dayNumber(text.slice(0, 10));
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	if (day > (month === 2 ? (leap ? 29 : 28) : MONTH_DAYS[month - 1])) return null;
	// Days from 1970-01-01 (Howard Hinnant's days_from_civil), in integers.
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yearOfEra = y - era * 400;
	const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
	const dayOfEra =
		yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
	return era * 146_097 + dayOfEra - 719_468;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by `count` ASCII digits at `at`, or -1. */
function digitsAt(text: string, at: number, count: number): number {
	let value = 0;
	for (let index = at; index < at + count; index++) {
		const code = text.charCodeAt(index) - 48;
		if (!(code >= 0 && code <= 9)) return -1;
		value = value * 10 + code;
	}
	return value;
}

/** dayNumber for the report's pass: exactly a `YYYY-MM-DD` (ten characters), read with dayAt. */
export function dayCache(): DayOf {
	return (date: string) => (date.length === 10 ? dayAt(date) : null);
}

/** Is this a plain normalised invoice (rather than a node output item that carries one under `invoice`)? */
export function isPlainInvoice(value: Json): boolean {
	return 'amountDueMinor' in value && 'currency' in value;
}

/** Intents that are not a person answering: they do not count as replies. */
const AUTOMATED_INTENTS = new Set(['out_of_office', 'bounce']);

export function isHumanReply(intent: string): boolean {
	return !AUTOMATED_INTENTS.has(intent);
}

/** A person's display name from a string or an `{ name, email, slackId }` object. */
export function personName(value: unknown): string | null {
	if (typeof value === 'string') return value.trim() === '' ? null : value;
	if (!isRecord(value)) return null;
	for (const key of ['name', 'email', 'slackId', 'id']) {
		const text = value[key];
		if (typeof text === 'string' && text !== '') return text;
	}
	return null;
}

const MS_PER_DAY = 86_400_000;

/** The UTC day number of a `YYYY-MM-DD` date or an ISO timestamp (native Date.parse: no luxon per item). */
export function dayOfInstant(value: unknown, dayOf: DayOf = dayNumber): number | null {
	if (typeof value !== 'string' || value.length < 10) return null;
	if (value.length === 10) return dayOf(value);
	// UTC timestamps ("…Z") fall on the day they name: no need to parse the time.
	if (value.charCodeAt(value.length - 1) === 90 /* Z */ && value.charCodeAt(10) === 84 /* T */)
		return dayAt(value);
	const millis = Date.parse(value);
	return Number.isNaN(millis) ? null : Math.floor(millis / MS_PER_DAY);
}

/**
 * The day the invoice was paid, when the source told us: `invoice.paidOn` (YYYY-MM-DD) or `invoice.paidAt`
 * (timestamp; Stripe `status_transitions.paid_at`, Xero `FullyPaidOnDate`).
 */
export function paidDayOf(raw: Json, dayOf: DayOf = dayNumber): number | null {
	if (raw.paidOn !== undefined) return dayOfInstant(raw.paidOn, dayOf);
	if (raw.paidAt !== undefined) return dayOfInstant(raw.paidAt, dayOf);
	return null;
}

/** Month index (year × 12 + month − 1) of a `YYYY-MM-DD` that is already known to be valid. */
export function monthIndexOf(date: string): number {
	const year =
		(date.charCodeAt(0) - 48) * 1000 +
		(date.charCodeAt(1) - 48) * 100 +
		(date.charCodeAt(2) - 48) * 10 +
		(date.charCodeAt(3) - 48);
	const month = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
	return year * 12 + month - 1;
}

export function monthText(index: number): string {
	const year = Math.floor(index / 12);
	const month = (index % 12) + 1;
	return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}`;
}

const MONTH_KEY = /^(\d{4})-(\d{2})$/;

export function parseMonthKey(key: string): number | null {
	const match = MONTH_KEY.exec(key.trim());
	if (!match) return null;
	const month = Number(match[2]);
	if (month < 1 || month > 12) return null;
	return Number(match[1]) * 12 + month - 1;
}

/**
 * A set of invoice keys (source + id) for de-duplication, sized once for the whole book: open addressing over
 * typed arrays of item indexes and hashes, so a million distinct invoices cost two typed arrays instead of a
 * growing Set of a million strings (which was a third of the report's time). On a slot collision the stored
 * item's key is read back through `keyAt`.
 */
export class InvoiceKeys {
	private readonly slots: Int32Array;
	private readonly hashes: Int32Array;
	private readonly mask: number;

	constructor(
		capacity: number,
		private readonly keyAt: (index: number) => Json,
	) {
		let size = 16;
		while (size < capacity * 2) size *= 2;
		// Item index + 1, so the zeroed memory of a new array is already "empty" (no fill pass over it).
		this.slots = new Int32Array(size);
		this.hashes = new Int32Array(size);
		this.mask = size - 1;
	}

	/** Adds the key of item `index`; -1 when it is new, else the index of the earlier item with the same key. */
	add(source: string, id: string, index: number): number {
		const slot = this.find(source, id, index);
		const stored = this.slots[slot] - 1;
		return stored === index ? -1 : stored;
	}

	/** Makes item `index` the holder of its key (the key must be present). */
	replace(source: string, id: string, index: number): void {
		this.slots[this.find(source, id, index)] = index + 1;
	}

	/** The slot of the key: where it is held, or where `index` was just stored. */
	private find(source: string, id: string, index: number): number {
		// FNV-1a over the source and the id, separated by a NUL.
		let hash = 0x811c9dc5;
		for (let at = 0; at < source.length; at++)
			hash = Math.imul(hash ^ source.charCodeAt(at), 0x01000193);
		hash = Math.imul(hash, 0x01000193);
		for (let at = 0; at < id.length; at++) hash = Math.imul(hash ^ id.charCodeAt(at), 0x01000193);
		let slot = hash & this.mask;
		for (;;) {
			const stored = this.slots[slot] - 1;
			if (stored === -1) {
				this.slots[slot] = index + 1;
				this.hashes[slot] = hash;
				return slot;
			}
			if (this.hashes[slot] === hash) {
				if (stored === index) return slot;
				const key = this.keyAt(stored);
				if (key.id === id && (key.source ?? '') === source) return slot;
			}
			slot = (slot + 1) & this.mask;
		}
	}
}
