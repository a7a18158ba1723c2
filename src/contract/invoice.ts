/**
 * The invoice slice of the contract: Payment State Check produces `$json.invoice`, every other node reads it.
 * One validator: `invoiceProblem` checks by hand, field by field, what the schema says (an invoice Payment State
 * Check produced passes in well under a microsecond, where a full zod parse, which also copies the object, costs
 * about twenty per item per node); `parseInvoice` falls back to the zod schema for every field-level error.
 */
import { dayNumber } from '../dates';
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
	for (const key of ['total', 'amountPaid', 'amountDue'] as const)
		if (typeof value[key] !== 'number') return `invoice.${key}: must be a number in major units`;
	if (typeof value.amountDueFormatted !== 'string') return 'invoice.amountDueFormatted: missing';
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

/** Validates a ready-made invoice (e.g. `$json.invoice` from an upstream node) with field-level errors. */
export function parseInvoice(value: unknown): NormalizeResult {
	if (invoiceProblem(value) === null) return { ok: true, invoice: value as Invoice };
	const parsed = InvoiceSchema.safeParse(value);
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
