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
 * leave little garbage in a heap that already holds the whole book. (Joining per field was slower than per line.)
 *
 * As text, the chunks are joined once at the end (while that fits in a string). As bytes, each chunk is written into
 * the output Buffer as soon as it is joined and then dropped: the CSV never exists twice, no chunk string reaches the
 * old generation (which cost a full garbage collection of the whole book at 1M invoices), and the bytes never pass
 * through one string, so five million invoices do not hit V8's string length limit. The Buffer is sized from the
 * first chunk's bytes per line and the number of rows to come, and grown (copied) only if the estimate was short.
 */
class Chunks {
	private pieces: string[] = [];
	private readonly chunks: string[] = [];
	/** Length in UTF-16 units of the flushed chunks (text) or bytes written (bytes). */
	length = 0;
	private bytes: Buffer | null = null;
	private lines = 0;

	/** `asBytes`: write into a Buffer as it goes, `prefix` (a byte-order mark or '') first; `rows`: lines to come. */
	constructor(
		private readonly asBytes: false | { prefix: string },
		private readonly rows?: number,
	) {}

	/** One whole line (the size estimate of the Buffer counts them). */
	push(line: string): void {
		this.pieces.push(line);
		this.lines++;
		if (this.pieces.length >= 256) this.flush();
	}

	private flush(): void {
		if (this.pieces.length === 0) return;
		const chunk = this.pieces.join('');
		this.pieces = [];
		if (this.asBytes) this.write(chunk);
		else {
			this.chunks.push(chunk);
			this.length += chunk.length;
		}
	}

	private write(chunk: string): void {
		let bytes = this.bytes;
		// A UTF-16 unit is at most 3 bytes of UTF-8: most chunks fit without measuring them.
		if (bytes === null || bytes.length - this.length < chunk.length * 3) {
			const size = Buffer.byteLength(chunk);
			if (bytes === null) {
				const prefix = this.asBytes ? this.asBytes.prefix : '';
				const start = Buffer.byteLength(prefix);
				const perLine = size / Math.max(1, this.lines);
				const estimate =
					this.rows === undefined
						? size * 4
						: Math.ceil(perLine * Math.max(0, this.rows + 1 - this.lines) * 1.1);
				bytes = Buffer.allocUnsafeSlow(start + size + estimate + 65_536);
				this.length = bytes.write(prefix, 0);
				this.bytes = bytes;
			} else if (bytes.length - this.length < size) {
				const perLine = this.length / Math.max(1, this.lines);
				const rest =
					this.rows === undefined
						? this.length
						: Math.ceil(perLine * Math.max(0, this.rows + 1 - this.lines) * 1.2);
				const grown = Buffer.allocUnsafeSlow(this.length + size + rest + 65_536);
				bytes.copy(grown, 0, 0, this.length);
				bytes = this.bytes = grown;
			}
		}
		this.length += bytes.write(chunk, this.length);
	}

	toString(): string {
		this.flush();
		if (this.length > MAX_STRING_LENGTH)
			throw new RangeError(
				`the CSV is ${this.length} characters, longer than a string can be: ask for it as bytes (openInvoicesCsvBytes)`,
			);
		return this.chunks.join('');
	}

	/** Text chunks past the string limit as UTF-8 bytes, each chunk released once written. */
	textToBuffer(): Buffer {
		this.flush();
		let size = 0;
		for (const chunk of this.chunks) size += Buffer.byteLength(chunk);
		const bytes = Buffer.allocUnsafe(size);
		let offset = 0;
		for (let index = 0; index < this.chunks.length; index++) {
			offset += bytes.write(this.chunks[index], offset);
			this.chunks[index] = '';
		}
		return bytes;
	}

	/** The UTF-8 bytes (asked for in the constructor), exactly as long as the CSV. */
	toBuffer(): Buffer {
		this.flush();
		if (this.bytes === null) this.write('');
		const bytes = this.bytes!;
		if (this.length === bytes.length) return bytes;
		// Pages of the estimate that were never written cost no memory; copy only when much of it went unused.
		if (bytes.length - this.length > Math.max(1 << 20, this.length >> 2)) {
			const exact = Buffer.allocUnsafeSlow(this.length);
			bytes.copy(exact, 0, 0, this.length);
			return exact;
		}
		return bytes.subarray(0, this.length);
	}
}

/**
 * Calls `each` with every open invoice, in the order the CSV lists them (one row object, reused); `count`, when
 * known, is how many rows it will pass (it sizes the Buffer of the bytes).
 */
export type OpenInvoiceRows = ((each: (row: OpenInvoiceRow) => void) => void) & { count?: number };

/** The header line and the writer of one line per open invoice: the one definition of every form of the CSV. */
function csvLines(reportingCurrency: string): {
	header: string;
	line: (row: OpenInvoiceRow) => string;
} {
	const header =
		csvLine(
			OPEN_INVOICE_COLUMNS.map((column) =>
				column === 'amount_due_REPORTING' ? `amount_due_${reportingCurrency}` : column,
			),
		) + '\r\n';
	// decimalText with the decimals looked up once per run of one currency (rows are mostly in a few currencies).
	const reportingDecimals = currencyDecimals(reportingCurrency);
	const reportingScale = 10 ** reportingDecimals;
	let lastCurrency = '';
	let decimals = 0;
	let scale = 1;
	const line = (row: OpenInvoiceRow): string => {
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
		return (
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
			'\r\n'
		);
	};
	return { header, line };
}

function collectCsv(
	reportingCurrency: string,
	rows: OpenInvoiceRows | Iterable<OpenInvoiceRow>,
	asBytes: false | { prefix: string },
): Chunks {
	const { header, line } = csvLines(reportingCurrency);
	const count =
		typeof rows === 'function' ? rows.count : Array.isArray(rows) ? rows.length : undefined;
	const out = new Chunks(asBytes, count);
	out.push(header);
	const write = (row: OpenInvoiceRow) => out.push(line(row));
	if (typeof rows === 'function') rows(write);
	else for (const row of rows) write(row);
	return out;
}

/** Lines per chunk of `openInvoicesCsvChunks`: about 37 KB, below the 128 KB from which malloc maps fresh pages. */
const CHUNK_LINES = 256;

/**
 * The open invoices as CSV in UTF-8 chunks of 256 lines (about 37 KB), `prefix` first, each made only when it is
 * read: a consumer that writes each chunk away (n8n's binary data store, a file) never holds the CSV, as a string
 * or as bytes. One Buffer of the whole CSV would be memory never touched before (about 7 ms per MB on the
 * benchmark's VM) and a large external allocation, which makes V8 mark the whole heap (1.1 GB for 1M invoices).
 * Each iteration starts again from the first row; read it before the rows' items change.
 */
export function openInvoicesCsvChunks(
	reportingCurrency: string,
	rows: Iterable<OpenInvoiceRow>,
	prefix = '',
): Iterable<Buffer> {
	return {
		*[Symbol.iterator]() {
			const { header, line } = csvLines(reportingCurrency);
			let pieces: string[] = [prefix + header];
			for (const row of rows) {
				pieces.push(line(row));
				if (pieces.length >= CHUNK_LINES) {
					yield Buffer.from(pieces.join(''), 'utf8');
					pieces = [];
				}
			}
			if (pieces.length > 0) yield Buffer.from(pieces.join(''), 'utf8');
		},
	};
}

/** The open invoices as CSV text (throws a RangeError past V8's string limit, about 5M invoices: use the bytes). */
export function openInvoicesCsv(
	reportingCurrency: string,
	rows: OpenInvoiceRows | Iterable<OpenInvoiceRow>,
): string {
	return collectCsv(reportingCurrency, rows, false).toString();
}

/** The open invoices as CSV in UTF-8 bytes, `prefix` first (a byte-order mark for Excel): any size of book. */
export function openInvoicesCsvBytes(
	reportingCurrency: string,
	rows: OpenInvoiceRows | Iterable<OpenInvoiceRow>,
	prefix = '',
): Buffer {
	return collectCsv(reportingCurrency, rows, { prefix }).toBuffer();
}

/**
 * The CSV as text when it fits in a string and bytes were not asked for; otherwise as bytes. Built once either way.
 */
export function openInvoicesCsvRender(
	reportingCurrency: string,
	rows: OpenInvoiceRows | Iterable<OpenInvoiceRow>,
	asBytes: false | { prefix: string },
): { text?: string; bytes?: Buffer } {
	if (asBytes) return { bytes: collectCsv(reportingCurrency, rows, asBytes).toBuffer() };
	const chunks = collectCsv(reportingCurrency, rows, false);
	if (chunks.length <= MAX_STRING_LENGTH) return { text: chunks.toString() };
	return { bytes: chunks.textToBuffer() };
}
