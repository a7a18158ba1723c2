/**
 * The invoice slice of the contract: Payment State Check produces `$json.invoice`, every other node reads it.
 * One validator: `invoiceProblem` checks by hand, field by field, what the schema says (an invoice Payment State
 * Check produced passes in well under a microsecond, where a full zod parse, which also copies the object, costs
 * about twenty per item per node); `parseInvoice` falls back to the zod schema for every field-level error.
 */
import { dayNumber } from '../dates';
import { formatMoney, minorToMajor } from '../money';
import {
	CUSTOMER_TIERS,
	INVOICE_SOURCES,
	InvoiceSchema,
	LIFECYCLES,
	type Invoice,
	type NormalizeResult,
} from '../invoice/schema';

export {
	InvoiceSchema,
	CalendarDateSchema,
	CustomerSchema,
	ContactSchema,
	OwnerSchema,
	FlagsSchema,
	PromiseSchema,
	type Invoice,
} from '../invoice/schema';

type Json = Record<string, unknown>;

/** Day number of a `YYYY-MM-DD`, or null; a batch passes a memoised one (a book has few distinct dates). */
export type DayOf = (date: string) => number | null;

const LIFECYCLE_SET = new Set<string>(LIFECYCLES);
const SOURCE_SET = new Set<string>(INVOICE_SOURCES);
const TIER_SET = new Set<string>(CUSTOMER_TIERS);
const CURRENCY_CODE = /^[A-Z]{3}$/;

const isObject = (value: unknown): value is Json =>
	value !== null && typeof value === 'object' && !Array.isArray(value);
const nonEmpty = (value: unknown) => typeof value === 'string' && value !== '';

/** Not `YYYY-MM-DD` and not null (undefined is bad too: the schema's dates are required, nullable). */
function badDate(value: unknown, dayOf: DayOf): boolean {
	return value !== null && (typeof value !== 'string' || dayOf(value) === null);
}

/**
 * What is wrong with a would-be normalised invoice, as one field-level sentence (`invoice.dueOn: …`); null when
 * it satisfies InvoiceSchema's required fields. Allocation-free for a valid invoice.
 */
export function invoiceProblem(value: unknown, dayOf: DayOf = dayNumber): string | null {
	if (!isObject(value)) return 'invoice: not an object';
	if (!nonEmpty(value.id)) return 'invoice.id: missing';
	if (!nonEmpty(value.number)) return 'invoice.number: missing';
	if (!SOURCE_SET.has(value.source as string))
		return `invoice.source: "${String(value.source)}" is not one of ${INVOICE_SOURCES.join(', ')}`;
	if (typeof value.status !== 'string') return 'invoice.status: missing';
	if (typeof value.lifecycle !== 'string' || !LIFECYCLE_SET.has(value.lifecycle))
		return `invoice.lifecycle: "${String(value.lifecycle)}" is not one of ${LIFECYCLES.join(', ')}`;
	if (typeof value.currency !== 'string') return 'invoice.currency: missing';
	if (!CURRENCY_CODE.test(value.currency))
		return `invoice.currency: "${value.currency}" is not a 3-letter ISO 4217 code`;
	if (!Number.isSafeInteger(value.amountDueMinor))
		return 'invoice.amountDueMinor: must be an integer amount in minor units';
	if (!Number.isSafeInteger(value.totalMinor))
		return 'invoice.totalMinor: must be an integer amount in minor units';
	if (!Number.isSafeInteger(value.amountPaidMinor))
		return 'invoice.amountPaidMinor: must be an integer amount in minor units';
	// The major-unit amounts are derivable from the minor ones: a compact item leaves them out (restoreInvoice).
	for (const key of MAJOR_AMOUNTS)
		if (value[key] !== undefined && typeof value[key] !== 'number')
			return `invoice.${key}: must be a number in major units`;
	if (value.amountDueFormatted !== undefined && typeof value.amountDueFormatted !== 'string')
		return 'invoice.amountDueFormatted: not text';
	if (badDate(value.dueOn, dayOf))
		return `invoice.dueOn: "${shown(value.dueOn)}" is not a calendar date (YYYY-MM-DD)`;
	if (badDate(value.issuedOn, dayOf))
		return `invoice.issuedOn: "${shown(value.issuedOn)}" is not a calendar date (YYYY-MM-DD)`;
	const customer = value.customer;
	if (!isObject(customer) || !nonEmpty(customer.name)) return 'invoice.customer.name: missing';
	if (customer.tier !== undefined && !TIER_SET.has(customer.tier as string))
		return `invoice.customer.tier: "${shown(customer.tier)}" is not one of ${CUSTOMER_TIERS.join(', ')}`;
	if (!isObject(value.contact)) return 'invoice.contact: missing (use {} when there is no contact)';
	if (!isObject(value.flags)) return 'invoice.flags: missing (use {} when no flag is set)';
	if (value.owner !== undefined && !isObject(value.owner)) return 'invoice.owner: not an object';
	const promise = value.promise;
	if (promise !== undefined && (!isObject(promise) || badDate(promise.date, dayOf)))
		return 'invoice.promise.date: not a calendar date (YYYY-MM-DD) or null';
	return null;
}

/** The major-unit amounts: canonical, and derivable from `*Minor` and the currency (compact items leave them out). */
const MAJOR_AMOUNTS = ['total', 'amountPaid', 'amountDue'] as const;
/** What a compact invoice leaves out: each is derivable from the `*Minor` amounts, the currency and the locale. */
type Derivable = (typeof MAJOR_AMOUNTS)[number] | 'amountDueFormatted';

/**
 * An invoice as Payment State Check's Output Detail: Compact hands it on: the canonical invoice without the
 * major-unit amounts and `amountDueFormatted`, which `restoreInvoice` (and so `parseInvoice`) puts back.
 */
export type CompactInvoice = Omit<Invoice, Derivable> & Partial<Pick<Invoice, Derivable>>;

/** The invoice without what a compact item leaves out (for Output Detail: Compact). */
export function compactInvoice(invoice: Invoice): CompactInvoice {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { total, amountPaid, amountDue, amountDueFormatted, ...compact } = invoice;
	return compact;
}

/**
 * The canonical invoice from a compact one: the major-unit amounts from `*Minor` and the currency, and
 * `amountDueFormatted` as Payment State Check formats it (the customer's locale, else en-US), in a new object (the
 * item's own is not touched). An invoice that has them all, or lacks what they derive from, comes back as it is.
 */
export function restoreInvoice<T>(value: T): T {
	if (!isObject(value) || typeof value.currency !== 'string') return value;
	if (
		value.amountDue !== undefined &&
		value.total !== undefined &&
		value.amountPaid !== undefined &&
		value.amountDueFormatted !== undefined
	)
		return value;
	const currency = value.currency;
	if (!CURRENCY_CODE.test(currency)) return value;
	const restored: Json = { ...value };
	const pairs = [
		['total', 'totalMinor'],
		['amountPaid', 'amountPaidMinor'],
		['amountDue', 'amountDueMinor'],
	] as const;
	for (const [major, minor] of pairs)
		if (restored[major] === undefined && Number.isSafeInteger(restored[minor]))
			restored[major] = minorToMajor(restored[minor] as number, currency);
	if (restored.amountDueFormatted === undefined && Number.isSafeInteger(restored.amountDueMinor)) {
		const locale = isObject(value.customer) ? value.customer.locale : undefined;
		restored.amountDueFormatted = formatMoney(
			restored.amountDueMinor as number,
			currency,
			typeof locale === 'string' && locale !== '' ? locale : undefined,
		);
	}
	return restored as T;
}

/**
 * Validates a ready-made invoice (e.g. `$json.invoice` from an upstream node) with field-level errors. A compact
 * invoice comes back whole (restoreInvoice), so every consumer reads `amountDue` and the rest as usual.
 */
export function parseInvoice(value: unknown): NormalizeResult {
	if (invoiceProblem(value) === null)
		return { ok: true, invoice: restoreInvoice(value as Invoice) };
	const parsed = InvoiceSchema.safeParse(restoreInvoice(value));
	if (parsed.success) return { ok: true, invoice: parsed.data };
	return {
		ok: false,
		errors: parsed.error.issues.map((issue) => ({
			path: `invoice.${issue.path.join('.')}`,
			message: `invoice.${issue.path.join('.')}: ${issue.message}`,
		})),
	};
}

/** A value as text for an error message, even an object whose toString is not callable or a value JSON cannot hold. */
function shown(value: unknown): string {
	try {
		return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
	} catch {
		return Object.prototype.toString.call(value);
	}
}
