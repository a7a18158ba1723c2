/**
 * CSV of the open invoices (RFC 4180): comma separated, CRLF line ends, a header row; a field that contains a
 * double quote, comma, CR or LF is enclosed in double quotes with inner quotes doubled.
 *
 * Spreadsheet formula injection (CWE-1236, OWASP "CSV Injection"): a text cell that starts with = + - @, a tab or
 * a carriage return would be run as a formula by Excel, LibreOffice or Google Sheets. Such cells are prefixed with
 * a single quote ('), which the spreadsheet shows as text. Numbers the report writes itself (amounts, days) are
 * never prefixed: they are produced by the report, not copied from a customer's data, and are never negative here.
 */
import { currencyDecimals, minorToMajor } from '../money';
import type { ReportInvoiceLine } from './types';
import type { Json } from './read';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field: text is protected against formula injection and quoted when needed; numbers are written as-is. */
export function csvField(value: string | number | boolean | null | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	let text = value;
	if (FORMULA_START.test(text)) text = `'${text}`;
	return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(
	fields: ReadonlyArray<string | number | boolean | null | undefined>,
): string {
	let line = '';
	for (let index = 0; index < fields.length; index++) {
		if (index > 0) line += ',';
		line += csvField(fields[index]);
	}
	return line;
}

/** Minor units as a plain decimal text in the currency's decimals ("1234.50"; "1235" for JPY). */
export function decimalText(minor: number, currency: string): string {
	return minorToMajor(minor, currency).toFixed(currencyDecimals(currency));
}

export function openInvoicesCsv(
	reportingCurrency: string,
	rows: Iterable<ReportInvoiceLine & { invoice: Json }>,
): string {
	const header = [
		'invoice_number',
		'invoice_id',
		'customer',
		'customer_id',
		'owner',
		'state',
		'aging_bucket',
		'days_past_due',
		'issued_on',
		'due_on',
		'currency',
		'amount_due',
		`amount_due_${reportingCurrency}`,
		'disputed',
		'promised_on',
		'contact_email',
		'payment_url',
	];
	const lines = [csvLine(header)];
	for (const row of rows) {
		const invoice = row.invoice;
		const customer = invoice.customer as Json;
		const contact = (invoice.contact ?? {}) as Json;
		const promise = invoice.promise as Json | undefined;
		lines.push(
			csvLine([
				row.number,
				row.id,
				row.customer,
				typeof customer.id === 'string' ? customer.id : null,
				row.owner,
				row.state,
				row.bucket,
				row.daysPastDue,
				typeof invoice.issuedOn === 'string' ? invoice.issuedOn : null,
				row.dueOn,
				row.currency,
				decimalText(row.amountDueMinor, row.currency),
				decimalText(row.amount, reportingCurrency),
				(invoice.flags as Json).disputed === true || row.state === 'disputed',
				promise && typeof promise.date === 'string' ? promise.date : null,
				typeof contact.email === 'string' ? contact.email : null,
				typeof invoice.paymentUrl === 'string' ? invoice.paymentUrl : null,
			]),
		);
	}
	return lines.join('\r\n') + '\r\n';
}
