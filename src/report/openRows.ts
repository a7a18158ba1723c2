/**
 * The open invoices for the CSV, kept as the invoices and owners the pass already read (so the CSV does not read
 * the items and owners again) and what the pass computed in typed arrays, listed in input order. (Sorting a million rows by age would visit the invoices in random memory order, which
 * cost four times the whole aggregation; the CSV goes to a spreadsheet that sorts anyway, and the report's own
 * lists are ranked.)
 */
import type { OpenInvoiceRow, OpenInvoiceRows } from './csv';
import type { InvoiceFacts } from './facts';
import { UNASSIGNED } from './items';
import { STATE_OF_INDEX, type Json } from './read';

export class OpenRows {
	private count = 0;
	private readonly invoice: Json[];
	private readonly owner: string[];
	private readonly amount: Float64Array;
	private readonly days: Int32Array;
	private readonly state: Uint8Array;

	/** `capacity` 0 keeps nothing (no CSV wanted). */
	constructor(capacity: number) {
		this.invoice = new Array<Json>(capacity);
		this.owner = new Array<string>(capacity);
		this.amount = new Float64Array(capacity);
		this.days = new Int32Array(capacity);
		this.state = new Uint8Array(capacity);
	}

	add(facts: InvoiceFacts): void {
		if (!facts.isOpen || this.invoice.length === 0) return;
		const row = this.count++;
		this.invoice[row] = facts.invoice;
		this.owner[row] = facts.owner;
		this.amount[row] = facts.amount;
		this.days[row] = facts.daysPastDue;
		this.state[row] = facts.stateIndex;
	}

	/**
	 * The rows, as a callback (`each` gets one reused row object) and as an iterable (one reused row object per
	 * iteration, for the CSV in chunks): no per-row objects are allocated here.
	 */
	rows(): OpenInvoiceRows & Iterable<OpenInvoiceRow> {
		const count = this.count;
		const fill = (line: OpenInvoiceRow, row: number) => {
			line.invoice = this.invoice[row];
			line.amount = this.amount[row];
			line.daysPastDue = this.days[row];
			line.state = STATE_OF_INDEX[this.state[row]];
			line.owner = this.owner[row];
			return line;
		};
		const rows = (each: (row: OpenInvoiceRow) => void) => {
			const line = emptyRow();
			for (let row = 0; row < count; row++) each(fill(line, row));
		};
		return Object.assign(rows, {
			count,
			*[Symbol.iterator]() {
				const line = emptyRow();
				for (let row = 0; row < count; row++) yield fill(line, row);
			},
		});
	}
}

function emptyRow(): OpenInvoiceRow {
	return { invoice: {}, amount: 0, daysPastDue: 0, state: 'overdue', owner: UNASSIGNED };
}
