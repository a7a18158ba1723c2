/**
 * Xero invoices: PascalCase, major units, MS-JSON `/Date(ms+0000)/` dates (the `…String` twins are preferred),
 * status DRAFT/SUBMITTED/DELETED/AUTHORISED/PAID/VOIDED. VOIDED keeps its Total but has AmountDue 0: it is void, not paid.
 */
import type { InvoiceDraft } from '../build';
import type { Lifecycle } from '../schema';
import { at, first, type Raw } from './read';
import { defineInvoiceSource } from './source';

const LIFECYCLE: Record<string, Lifecycle> = {
	DRAFT: 'draft',
	SUBMITTED: 'draft',
	DELETED: 'void',
	VOIDED: 'void',
	AUTHORISED: 'open',
	PAID: 'paid',
};

export function readXero(raw: Raw, prefix = ''): InvoiceDraft {
	const status = typeof raw.Status === 'string' ? raw.Status.toUpperCase() : '';
	return {
		source: 'xero',
		amountsIn: 'major',
		id: at(raw, 'InvoiceID', prefix),
		number: first(raw, ['InvoiceNumber', 'Reference'], prefix),
		status: at(raw, 'Status', prefix),
		lifecycle: LIFECYCLE[status],
		currency: at(raw, 'CurrencyCode', prefix),
		total: at(raw, 'Total', prefix),
		amountPaid: at(raw, 'AmountPaid', prefix),
		amountDue: at(raw, 'AmountDue', prefix),
		issuedOn: first(raw, ['DateString', 'Date'], prefix),
		dueOn: first(raw, ['DueDateString', 'DueDate'], prefix),
		paidOn: at(raw, 'FullyPaidOnDate', prefix),
		customerId: at(raw, 'Contact.ContactID', prefix),
		customerName: at(raw, 'Contact.Name', prefix),
		contactEmail: at(raw, 'Contact.EmailAddress', prefix),
		contactName: first(raw, ['Contact.FirstName', 'Contact.Name'], prefix),
		// Contact persons with IncludeInEmails receive the invoice e-mails: they are the billing contacts.
		contacts: at(raw, 'Contact.ContactPersons', prefix),
		// The online invoice comes from GET /Invoices/{id}/OnlineInvoice; a workflow merges it into the record.
		paymentUrl: first(raw, ['OnlineInvoiceUrl', 'OnlineInvoices.0.OnlineInvoiceUrl'], prefix),
		documentUrl: first(raw, ['OnlineInvoiceUrl', 'OnlineInvoices.0.OnlineInvoiceUrl'], prefix),
		country: first(raw, ['Contact.Addresses.0.Country', 'Contact.Addresses.1.Country'], prefix),
		region: first(raw, ['Contact.Addresses.0.Region', 'Contact.Addresses.1.Region'], prefix),
		poNumber: at(raw, 'PurchaseOrderNumber', prefix),
	};
}

export const xeroSource = defineInvoiceSource({
	key: 'xero',
	name: 'Xero',
	unwrap: (raw, list) => (Array.isArray(raw.Invoices) ? list(raw.Invoices, 'Invoices') : undefined),
	read: (record, prefix) => readXero(record, prefix),
});
