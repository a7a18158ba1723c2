/**
 * Any sheet, CRM or database row. With no mapping it reads the canonical Invoice names (nested or flat) and the
 * obvious flat aliases, so a sheet whose columns follow the schema needs no configuration.
 */
import type { InvoiceDraft } from '../build';
import { first, type Raw } from './read';

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
			if (isPlainObject(value)) {
				if (!prefix && NESTED.has(key)) visit(value, key);
				continue;
			}
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
