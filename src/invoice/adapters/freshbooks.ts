/**
 * FreshBooks invoices: money objects `{ amount: "1222.00", code: "USD" }` (decimal strings in major units),
 * `v3_status` (prefer it over the integer `status`), `YYYY-MM-DD` dates, the name split across fname/lname/organization.
 */
import type { InvoiceDraft } from '../build';
import type { Lifecycle } from '../schema';
import { at, billingMark, constant, first, isRecord, type Raw } from './read';
import { defineInvoiceSource } from './source';

const LIFECYCLE: Record<string, Lifecycle> = {
	draft: 'draft',
	created: 'draft',
	paid: 'paid',
	autopaid: 'paid',
	'auto-paid': 'paid',
	success: 'paid',
	'deposit-paid': 'open',
	declined: 'void',
};

export function readFreshBooks(raw: Raw, prefix = ''): InvoiceDraft {
	const status = typeof raw.v3_status === 'string' ? raw.v3_status : '';
	const deleted = raw.vis_state === 1 || raw.vis_state === '1';
	const person = [raw.fname, raw.lname]
		.filter((part) => typeof part === 'string' && part)
		.join(' ');
	return {
		source: 'freshbooks',
		amountsIn: 'major',
		id: first(raw, ['invoiceid', 'id'], prefix),
		number: at(raw, 'invoice_number', prefix),
		status: at(raw, 'v3_status', prefix),
		lifecycle: deleted
			? 'void'
			: (LIFECYCLE[status] ?? (status === 'disputed' ? 'open' : undefined)),
		currency: first(raw, ['currency_code', 'amount.code'], prefix),
		total: at(raw, 'amount.amount', prefix),
		amountPaid: at(raw, 'paid.amount', prefix),
		amountDue: at(raw, 'outstanding.amount', prefix),
		issuedOn: at(raw, 'create_date', prefix),
		dueOn: at(raw, 'due_date', prefix),
		paidOn: at(raw, 'date_paid', prefix),
		customerId: at(raw, 'customerid', prefix),
		customerName: first(raw, ['organization', 'current_organization'], prefix),
		contactEmail: at(raw, 'email', prefix),
		// FreshBooks sends the invoice to the client's e-mail; the invoice's other contacts are listed beside it.
		isBillingContact: billingMark(raw, 'email', prefix),
		contacts: at(raw, 'contacts', prefix),
		contactName: constant(person || undefined, `${prefix}fname`),
		poNumber: at(raw, 'po_number', prefix),
		// The share link comes from .../invoices/{id}/share_link?share_method=share_link; a workflow merges it in.
		documentUrl: first(raw, ['share_link.share_link', 'share_link', 'links.client_view'], prefix),
		country: at(raw, 'country', prefix),
		region: at(raw, 'province', prefix),
		disputed: constant(status === 'disputed' ? true : undefined, `${prefix}v3_status`),
		failedPaymentAttempts: constant(
			status === 'failed' || status === 'retry' ? 1 : undefined,
			`${prefix}v3_status`,
		),
		locale: at(raw, 'language', prefix),
	};
}

export const freshbooksSource = defineInvoiceSource({
	key: 'freshbooks',
	name: 'FreshBooks',
	unwrap(raw, list) {
		const result =
			isRecord(raw.response) && isRecord(raw.response.result) ? raw.response.result : undefined;
		if (result && isRecord(result.invoice))
			return [{ record: result.invoice, path: 'response.result.invoice.' }];
		if (result && Array.isArray(result.invoices))
			return list(result.invoices, 'response.result.invoices');
		return undefined;
	},
	read: (record, prefix) => readFreshBooks(record, prefix),
});
