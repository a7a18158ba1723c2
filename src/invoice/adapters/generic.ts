/**
 * Any sheet, CRM or database row. With no mapping it reads the canonical Invoice names (nested or flat) and the
 * obvious flat aliases, so a sheet whose columns follow the schema needs no configuration.
 */
import type { InvoiceDraft } from '../build';
import { first, type Raw } from './read';
import { defineInvoiceSource } from './source';

/** Canonical draft field → the names a row may use for it, canonical first. */
export const GENERIC_ALIASES = {
	id: ['id', 'invoiceId', 'invoice_id', 'Invoice ID'],
	number: ['number', 'invoiceNumber', 'invoice_number', 'Invoice Number', 'Invoice #'],
	status: ['status', 'Status'],
	currency: ['currency', 'currencyCode', 'currency_code', 'Currency'],
	total: ['total', 'amount', 'Total', 'Amount'],
	amountPaid: ['amountPaid', 'amount_paid', 'paid', 'Amount Paid'],
	amountDue: ['amountDue', 'amount_due', 'balance', 'outstanding', 'Amount Due', 'Balance'],
	issuedOn: [
		'issuedOn',
		'issueDate',
		'issue_date',
		'invoiceDate',
		'invoice_date',
		'date',
		'Issue Date',
	],
	dueOn: ['dueOn', 'dueDate', 'due_date', 'Due Date'],
	paidOn: ['paidOn', 'paid_on', 'paidDate', 'paid_date', 'datePaid', 'paymentDate', 'Paid On'],
	customerId: ['customer.id', 'customerId', 'customer_id'],
	customerName: [
		'customer.name',
		'customerName',
		'customer_name',
		'customer',
		'client',
		'Customer',
	],
	tier: ['customer.tier', 'tier', 'Tier'],
	timezone: ['customer.timezone', 'timezone', 'timeZone', 'time_zone'],
	locale: ['customer.locale', 'locale', 'language'],
	region: ['customer.region', 'region', 'Region'],
	country: ['customer.country', 'country', 'Country'],
	contactEmail: ['contact.email', 'email', 'contactEmail', 'contact_email', 'Email'],
	contactName: ['contact.name', 'contactName', 'contact_name', 'Contact'],
	contactTitle: ['contact.title', 'contactTitle', 'contact_title', 'title'],
	contactPhone: ['contact.phone', 'phone', 'contactPhone', 'contact_phone'],
	isBillingContact: ['contact.isBillingContact', 'isBillingContact', 'is_billing_contact'],
	contacts: ['contacts', 'Contacts'],
	billingEmail: ['contact.billingEmail', 'billingEmail', 'billing_email', 'Billing Email'],
	paymentUrl: ['paymentUrl', 'payment_url', 'paymentLink', 'payment_link', 'Payment Link'],
	documentUrl: ['documentUrl', 'document_url', 'invoiceUrl', 'invoice_url', 'Invoice Link'],
	pdfUrl: ['pdfUrl', 'pdf_url', 'invoicePdf', 'invoice_pdf', 'Invoice PDF'],
	poNumber: ['poNumber', 'po_number', 'PO Number', 'po'],
	poRequired: ['poRequired', 'po_required'],
	ownerName: ['owner.name', 'ownerName', 'owner_name', 'owner'],
	ownerEmail: ['owner.email', 'ownerEmail', 'owner_email'],
	ownerSlackId: ['owner.slackId', 'ownerSlackId', 'owner_slack_id'],
	disputed: ['flags.disputed', 'disputed'],
	optedOut: ['flags.optedOut', 'optedOut', 'opted_out'],
	paused: ['flags.paused', 'paused'],
	automationPaused: ['flags.automationPaused', 'automationPaused'],
	promiseDate: ['promise.date', 'promiseDate', 'promisedDate', 'promise_date', 'promised_date'],
	promiseAmount: ['promise.amount', 'promiseAmount', 'promise_amount'],
	brokenPromises: ['promise.brokenCount', 'brokenPromises', 'broken_promises', 'brokenCount'],
	failedPaymentAttempts: ['failedPaymentAttempts', 'failed_payment_attempts'],
	lastReplyAt: ['lastReplyAt', 'last_reply_at'],
	lastTouchAt: ['lastTouchAt', 'last_touch_at'],
	messageId: ['messageId', 'message_id'],
} as const satisfies Partial<Record<keyof InvoiceDraft, readonly string[]>>;

export type GenericField = keyof typeof GENERIC_ALIASES;
export const GENERIC_FIELDS = Object.keys(GENERIC_ALIASES) as GenericField[];

/** Alias path → the field it feeds and its rank (lower wins when a row has several aliases of one field). */
const ALIAS_INDEX = new Map<string, { field: GenericField; rank: number }>();
for (const field of GENERIC_FIELDS) {
	GENERIC_ALIASES[field].forEach((alias, rank) => {
		if (!ALIAS_INDEX.has(alias)) ALIAS_INDEX.set(alias, { field, rank });
	});
}
/** Canonical nested objects whose keys are read as `customer.name`, `contact.email`, … */
const NESTED = new Set(['customer', 'contact', 'owner', 'flags', 'promise']);

function isPlainObject(value: unknown): value is Raw {
	return (
		value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)
	);
}

/**
 * `values` are field values already resolved (the node's mapping expressions); they win over the row's columns.
 * `mapping` names, per canonical field, the source column to read instead of the aliases
 * (`{ dueOn: 'Payment due', customerName: 'Client' }`).
 * The row's own keys are walked once against an alias index, so the cost is per column, not per alias.
 */
export function readGeneric(
	raw: Raw,
	mapping: Partial<Record<GenericField, string>> = {},
	values: Partial<Record<GenericField, unknown>> = {},
): InvoiceDraft {
	const draft: InvoiceDraft = { source: 'generic', amountsIn: 'major' };
	const ranks: Partial<Record<GenericField, number>> = {};
	const visit = (record: Raw, prefix: string) => {
		for (const key in record) {
			const value = record[key];
			if (value === undefined || value === null || value === '') continue;
			if (isPlainObject(value) && !prefix && NESTED.has(key)) {
				visit(value, key);
				continue;
			}
			// Any other object under a known name is kept for the builder: a date object (`{ start }`) is read,
			// anything else becomes a field error instead of being skipped silently.
			const path = prefix ? `${prefix}.${key}` : key;
			const hit = ALIAS_INDEX.get(path);
			if (!hit) continue;
			const held = ranks[hit.field];
			if (held === undefined || hit.rank < held) {
				ranks[hit.field] = hit.rank;
				draft[hit.field] = { value, path };
			}
		}
	};
	visit(raw, '');
	return applyOverrides(draft, raw, mapping, values);
}

/** The mapped columns, then the resolved values, win over what the aliases found. */
function applyOverrides(
	draft: InvoiceDraft,
	raw: Raw,
	mapping: Partial<Record<GenericField, string>>,
	values: Partial<Record<GenericField, unknown>> | undefined,
): InvoiceDraft {
	for (const field in mapping) {
		const column = mapping[field as GenericField];
		if (column) draft[field as GenericField] = first(raw, [column]);
	}
	for (const field in values) {
		const value = values[field as GenericField];
		if (value !== undefined && value !== '') draft[field as GenericField] = { value, path: field };
	}
	return draft;
}

/** A row shape (its keys in order) and, per canonical field, the columns of that shape that feed it, best first. */
interface ShapePlan {
	keys: string[];
	reads: Array<{ field: GenericField; columns: string[] }>;
	/** Keys named like a nested object (customer, contact, ...): such a row holding an object is read the long way. */
	nested: string[];
}

/** Rows of a batch seldom have more shapes than this (optional columns); past it rows are read the long way. */
const MAX_SHAPES = 32;

function planFor(raw: Raw): ShapePlan {
	const keys: string[] = [];
	const byField = new Map<GenericField, Array<{ column: string; rank: number }>>();
	for (const key in raw) {
		keys.push(key);
		const hit = ALIAS_INDEX.get(key);
		if (!hit) continue;
		const columns = byField.get(hit.field) ?? [];
		columns.push({ column: key, rank: hit.rank });
		byField.set(hit.field, columns);
	}
	return {
		keys,
		reads: [...byField].map(([field, columns]) => ({
			field,
			columns: columns.sort((a, b) => a.rank - b.rank).map((entry) => entry.column),
		})),
		nested: keys.filter((key) => NESTED.has(key)),
	};
}

/** True when the row has exactly the plan's keys in the plan's order (no allocation: strings compare by identity). */
function sameShape(raw: Raw, keys: readonly string[]): boolean {
	let index = 0;
	for (const key in raw) if (key !== keys[index++]) return false;
	return index === keys.length;
}

export type GenericReader = (
	raw: Raw,
	values?: Partial<Record<GenericField, unknown>>,
) => InvoiceDraft;

/**
 * readGeneric compiled for a batch: the alias lookups are made once per row shape (the keys of a row, in order),
 * and each row of a known shape is read with plain property reads, best alias first. A row whose nested key
 * (customer, contact, ...) holds an object, or a batch with very many shapes, is read by readGeneric. Same result
 * as readGeneric for every row.
 */
export function compileGenericReader(
	mapping: Partial<Record<GenericField, string>> = {},
): GenericReader {
	const plans: ShapePlan[] = [];
	let last: ShapePlan | undefined;
	const find = (raw: Raw): ShapePlan | undefined => {
		if (last && sameShape(raw, last.keys)) return last;
		for (const plan of plans) if (plan !== last && sameShape(raw, plan.keys)) return plan;
		if (plans.length >= MAX_SHAPES) return undefined;
		const plan = planFor(raw);
		plans.push(plan);
		return plan;
	};
	return (raw, values) => {
		const plan = find(raw);
		if (!plan) return readGeneric(raw, mapping, values);
		last = plan;
		for (const key of plan.nested)
			if (isPlainObject(raw[key])) return readGeneric(raw, mapping, values);
		const draft: InvoiceDraft = { source: 'generic', amountsIn: 'major' };
		for (const { field, columns } of plan.reads) {
			for (const column of columns) {
				const value = raw[column];
				// Objects under a known name are kept for the builder, as readGeneric does.
				if (value === undefined || value === null || value === '') continue;
				draft[field] = { value, path: column };
				break;
			}
		}
		return applyOverrides(draft, raw, mapping, values);
	};
}

export const genericSource = defineInvoiceSource({
	key: 'generic',
	name: 'Generic (Sheet, CRM, Database)',
	shortName: 'Generic',
	read: (record, _prefix, { mapping, values }) => readGeneric(record, mapping, values),
	compile: ({ mapping }) => compileGenericReader(mapping),
});
