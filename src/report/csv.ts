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
import { agingBucketOf, type PaymentStateName } from '../state';
import type { Json } from './read';

/** Cells starting with these characters are formulas to a spreadsheet: = + - @ tab CR. */
export const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field: text is protected against formula injection and quoted when needed; numbers are written as-is. */
export function csvField(value: string | number | boolean | null | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	let text = value;
	const first = text.charCodeAt(0);
	// = + - @ tab CR (the FORMULA_START characters), checked without a regex: this runs for every cell.
	if (first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13)
		text = `'${text}`;
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

/** One open invoice as the report saw it (the row object may be reused between rows). */
export interface OpenInvoiceRow {
	invoice: Json;
	/** Amount due in the reporting currency (minor units). */
	amount: number;
	daysPastDue: number;
	state: PaymentStateName;
	owner: string;
}

export const OPEN_INVOICE_COLUMNS = [
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
	'amount_due_REPORTING',
	'disputed',
	'promised_on',
	'contact_email',
	'payment_url',
] as const;

function text(value: unknown): string | null {
	return typeof value === 'string' ? value : null;
}

/** The longest string V8 builds (2^29 - 24 UTF-16 units); a longer CSV can only be bytes. */
export const MAX_STRING_LENGTH = 2 ** 29 - 24;

/**
 * Collects the CSV as lines joined into chunks of 256: no string per line outlives its chunk, so a million rows
 * leave little garbage in a heap that already holds the whole book. (Measured alternatives: a growing Buffer set
 * off full garbage collections through its external memory; joining per field was slower than per line.)
 * The chunks become one string (when it fits in a string) or one Buffer of the exact size, written chunk by chunk:
 * the bytes never pass through a single string, so five million invoices do not hit V8's string length limit.
 */
class Chunks {
	private pieces: string[] = [];
	private readonly chunks: string[] = [];
	/** Length in UTF-16 units of the flushed chunks. */
	length = 0;

	push(text: string): void {
		this.pieces.push(text);
		if (this.pieces.length >= 256) this.flush();
	}

	private flush(): void {
		if (this.pieces.length === 0) return;
		const chunk = this.pieces.join('');
		this.chunks.push(chunk);
		this.length += chunk.length;
		this.pieces = [];
	}

	toString(): string {
		this.flush();
		if (this.length > MAX_STRING_LENGTH)
			throw new RangeError(
				`the CSV is ${this.length} characters, longer than a string can be: ask for it as bytes (openInvoicesCsvBytes)`,
			);
		return this.chunks.join('');
	}

	/** UTF-8 bytes, with `prefix` (a byte-order mark) first; each chunk is released once written. */
	toBuffer(prefix = ''): Buffer {
		this.flush();
		let size = Buffer.byteLength(prefix);
		for (const chunk of this.chunks) size += Buffer.byteLength(chunk);
		const bytes = Buffer.allocUnsafe(size);
		let offset = bytes.write(prefix, 0);
		for (let index = 0; index < this.chunks.length; index++) {
			offset += bytes.write(this.chunks[index], offset);
			this.chunks[index] = '';
		}
		return bytes;
	}
}

/** Calls `each` with every open invoice, in the order the CSV lists them (one row object, reused). */
export type OpenInvoiceRows = (each: (row: OpenInvoiceRow) => void) => void;

function collectCsv(
	reportingCurrency: string,
	rows: OpenInvoiceRows | Iterable<OpenInvoiceRow>,
): Chunks {
	const header = OPEN_INVOICE_COLUMNS.map((column) =>
		column === 'amount_due_REPORTING' ? `amount_due_${reportingCurrency}` : column,
	);
	const out = new Chunks();
	out.push(csvLine(header));
	out.push('\r\n');
	// decimalText with the decimals looked up once per run of one currency (rows are mostly in a few currencies).
	const reportingDecimals = currencyDecimals(reportingCurrency);
	const reportingScale = 10 ** reportingDecimals;
	let lastCurrency = '';
	let decimals = 0;
	let scale = 1;
	const write = (row: OpenInvoiceRow) => {
		const invoice = row.invoice;
		const customer = invoice.customer as Json;
		const contact = (invoice.contact ?? {}) as Json;
		const promise = invoice.promise as Json | undefined;
		const currency = invoice.currency as string;
		if (currency !== lastCurrency) {
			lastCurrency = currency;
			decimals = currencyDecimals(currency);
			scale = 10 ** decimals;
		}
		const disputed = (invoice.flags as Json).disputed === true || row.state === 'disputed';
		// Dates and the currency code were validated (YYYY-MM-DD, three capitals): nothing to quote or defuse there.
		out.push(
			csvField(text(invoice.number) ?? text(invoice.id)) +
				',' +
				csvField(text(invoice.id)) +
				',' +
				csvField(text(customer.name)) +
				',' +
				csvField(text(customer.id)) +
				',' +
				csvField(row.owner) +
				',' +
				row.state +
				',' +
				agingBucketOf(row.daysPastDue) +
				',' +
				row.daysPastDue +
				',' +
				(text(invoice.issuedOn) ?? '') +
				',' +
				(text(invoice.dueOn) ?? '') +
				',' +
				currency +
				',' +
				((invoice.amountDueMinor as number) / scale).toFixed(decimals) +
				',' +
				(row.amount / reportingScale).toFixed(reportingDecimals) +
				',' +
				(disputed ? 'true' : 'false') +
				',' +
				csvField(promise ? text(promise.date) : null) +
				',' +
				csvField(text(contact.email)) +
				',' +
				csvField(text(invoice.paymentUrl)) +
				'\r\n',
		);
	};
	if (typeof rows === 'function') rows(write);
	else for (const row of rows) write(row);
	return out;
}

/** The open invoices as CSV text (throws a RangeError past V8's string limit, about 5M invoices: use the bytes). */
export function openInvoicesCsv(
	reportingCurrency: string,
	rows: OpenInvoiceRows | Iterable<OpenInvoiceRow>,
): string {
	return collectCsv(reportingCurrency, rows).toString();
}

/** The open invoices as CSV in UTF-8 bytes, `prefix` first (a byte-order mark for Excel): any size of book. */
export function openInvoicesCsvBytes(
	reportingCurrency: string,
	rows: OpenInvoiceRows | Iterable<OpenInvoiceRow>,
	prefix = '',
): Buffer {
	return collectCsv(reportingCurrency, rows).toBuffer(prefix);
}

/**
 * The CSV as text when it fits in a string and bytes were not asked for; otherwise as bytes. Built once either way.
 */
export function openInvoicesCsvRender(
	reportingCurrency: string,
	rows: OpenInvoiceRows | Iterable<OpenInvoiceRow>,
	asBytes: false | { prefix: string },
): { text?: string; bytes?: Buffer } {
	const chunks = collectCsv(reportingCurrency, rows);
	if (!asBytes && chunks.length <= MAX_STRING_LENGTH) return { text: chunks.toString() };
	return { bytes: chunks.toBuffer(asBytes ? asBytes.prefix : '') };
}
