/**
 * Stripe invoices: amounts in minor units, unix-second dates, lower-case currency, status
 * draft/open/paid/void/uncollectible. Both the current (basil and later) and the pre-2025-03 shapes.
 */
import type { InvoiceDraft } from '../build';
import type { Lifecycle } from '../schema';
import { at, billingMark, first, isRecord, type Raw } from './read';
import { defineInvoiceSource } from './source';

const LIFECYCLE: Record<string, Lifecycle> = {
	draft: 'draft',
	open: 'open',
	paid: 'paid',
	void: 'void',
	uncollectible: 'uncollectible',
};

export function readStripe(raw: Raw, prefix = ''): InvoiceDraft {
	const status = typeof raw.status === 'string' ? raw.status : '';
	// Pre-basil accounts also send `paid: true` (including `paid_out_of_band`), which wins over an ambiguous status.
	const lifecycle = raw.paid === true && status !== 'void' ? 'paid' : LIFECYCLE[status];
	const customer = isRecord(raw.customer) ? raw.customer : undefined;
	const metadata = isRecord(raw.metadata) ? raw.metadata : {};
	const meta = (key: string) => at(metadata, key, `${prefix}metadata.`);
	return {
		source: 'stripe',
		amountsIn: 'minor',
		id: at(raw, 'id', prefix),
		number: at(raw, 'number', prefix),
		status: at(raw, 'status', prefix),
		lifecycle,
		currency: at(raw, 'currency', prefix),
		total: at(raw, 'total', prefix),
		amountPaid: at(raw, 'amount_paid', prefix),
		// amount_remaining is what is still owed; amount_due is what was due at finalisation.
		amountDue: first(raw, ['amount_remaining', 'amount_due'], prefix),
		issuedOn: first(raw, ['effective_at', 'status_transitions.finalized_at', 'created'], prefix),
		dueOn: at(raw, 'due_date', prefix),
		paidOn: at(raw, 'status_transitions.paid_at', prefix),
		customerId: customer ? at(customer, 'id', `${prefix}customer.`) : at(raw, 'customer', prefix),
		customerName: first(raw, ['customer_name', 'customer.name'], prefix),
		contactEmail: first(raw, ['customer_email', 'customer.email'], prefix),
		// Stripe e-mails the invoice to customer_email: the billing contact.
		isBillingContact: billingMark(raw, 'customer_email', prefix),
		contactName: first(raw, ['customer_name', 'customer.name'], prefix),
		contactPhone: first(raw, ['customer_phone', 'customer.phone'], prefix),
		paymentUrl: at(raw, 'hosted_invoice_url', prefix),
		// The hosted page shows the invoice and lets the customer download it; invoice_pdf is the file itself.
		documentUrl: at(raw, 'hosted_invoice_url', prefix),
		pdfUrl: at(raw, 'invoice_pdf', prefix),
		country: first(raw, ['customer_address.country', 'customer.address.country'], prefix),
		region: first(
			raw,
			['metadata.region', 'customer_address.state', 'customer.address.state'],
			prefix,
		),
		failedPaymentAttempts: failedAttempts(raw, prefix),
		tier: meta('tier'),
		timezone: meta('timezone'),
		locale: first(raw, ['metadata.locale', 'customer.preferred_locales.0'], prefix),
		poNumber: first(metadata, ['po_number', 'poNumber'], `${prefix}metadata.`),
		ownerEmail: meta('owner_email'),
		ownerName: meta('owner_name'),
		ownerSlackId: meta('owner_slack_id'),
		disputed: meta('disputed'),
		optedOut: meta('opted_out'),
		paused: meta('paused'),
		promiseDate: meta('promise_date'),
		messageId: meta('message_id'),
	};
}

/**
 * `attempt_count` counts attempts from the retry schedule. On an invoice that is still open with money
 * remaining, every attempt so far failed; on a paid one the last attempt succeeded and none count.
 */
function failedAttempts(raw: Raw, prefix: string) {
	const read = at(raw, 'attempt_count', prefix);
	const open = raw.status === 'open' || raw.status === 'uncollectible';
	const remaining =
		typeof raw.amount_remaining === 'number' ? raw.amount_remaining : raw.amount_due;
	if (!open || typeof remaining !== 'number' || remaining <= 0)
		return { value: undefined, path: read.path };
	return read;
}

export const stripeSource = defineInvoiceSource({
	key: 'stripe',
	name: 'Stripe',
	unwrap(raw, list) {
		if (raw.object === 'event' && isRecord(raw.data) && isRecord(raw.data.object))
			return [{ record: raw.data.object, path: 'data.object.' }];
		if (raw.object === 'list' && Array.isArray(raw.data)) return list(raw.data, 'data');
		return undefined;
	},
	read: (record, prefix) => readStripe(record, prefix),
});
