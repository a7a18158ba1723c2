/**
 * QuickBooks Online invoices have no status field. Balance is authoritative: Balance 0 with TotalAmt > 0 is paid;
 * a void is TotalAmt 0 (with the "Voided" private note in Intuit's sample), which Balance alone cannot tell from paid.
 */
import type { InvoiceDraft } from '../build';
import type { Lifecycle } from '../schema';
import { at, billingMark, constant, first, isRecord, type Raw } from './read';
import { defineInvoiceSource } from './source';

function lifecycleOf(raw: Raw): { lifecycle?: Lifecycle; status: string } {
	const total = Number(raw.TotalAmt);
	const balance = Number(raw.Balance);
	const note = typeof raw.PrivateNote === 'string' ? raw.PrivateNote : '';
	if (/\bvoided\b/i.test(note) || (total === 0 && balance === 0))
		return { lifecycle: 'void', status: 'Voided' };
	if (Number.isFinite(balance) && balance <= 0 && total > 0)
		return { lifecycle: 'paid', status: 'Paid' };
	if (Number.isFinite(balance) && balance < total)
		return { lifecycle: 'open', status: 'Partially paid' };
	return { lifecycle: 'open', status: 'Open' };
}

export function readQuickBooks(raw: Raw, prefix = ''): InvoiceDraft {
	const { lifecycle, status } = lifecycleOf(raw);
	return {
		source: 'quickbooks',
		amountsIn: 'major',
		id: at(raw, 'Id', prefix),
		number: at(raw, 'DocNumber', prefix),
		status: constant(status, `${prefix}Balance`),
		lifecycle,
		currency: first(raw, ['CurrencyRef.value'], prefix),
		total: at(raw, 'TotalAmt', prefix),
		amountDue: at(raw, 'Balance', prefix),
		issuedOn: at(raw, 'TxnDate', prefix),
		dueOn: at(raw, 'DueDate', prefix),
		customerId: at(raw, 'CustomerRef.value', prefix),
		customerName: at(raw, 'CustomerRef.name', prefix),
		contactEmail: at(raw, 'BillEmail.Address', prefix),
		// BillEmail is "the e-mail address where the invoice is sent": the billing contact by definition.
		isBillingContact: billingMark(raw, 'BillEmail.Address', prefix),
		// InvoiceLink (returned with ?include=invoiceLink) opens the invoice, with its payment button when enabled.
		paymentUrl: first(raw, ['InvoiceLink'], prefix),
		documentUrl: first(raw, ['InvoiceLink'], prefix),
		country: first(raw, ['BillAddr.Country'], prefix),
		region: first(raw, ['BillAddr.CountrySubDivisionCode'], prefix),
		poNumber: customField(raw, /p\.?\s*o\.?\s*(number|#)?|purchase order/i, prefix),
	};
}

/** QBO keeps a PO number, when there is one, in a custom field the company named ("P.O. Number", "PO #"). */
function customField(raw: Raw, name: RegExp, prefix: string) {
	const fields = Array.isArray(raw.CustomField) ? raw.CustomField : [];
	for (let index = 0; index < fields.length; index++) {
		const field = fields[index] as Raw;
		if (typeof field?.Name === 'string' && name.test(field.Name)) {
			return at(field, 'StringValue', `${prefix}CustomField[${index}].`);
		}
	}
	return constant(undefined, `${prefix}CustomField`);
}

export const quickbooksSource = defineInvoiceSource({
	key: 'quickbooks',
	name: 'QuickBooks Online',
	unwrap(raw, list) {
		if (isRecord(raw.QueryResponse))
			return list(raw.QueryResponse.Invoice ?? [], 'QueryResponse.Invoice');
		if (isRecord(raw.Invoice)) return [{ record: raw.Invoice, path: 'Invoice.' }];
		return undefined;
	},
	read: (record, prefix) => readQuickBooks(record, prefix),
});
