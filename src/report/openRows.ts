/**
 * The open invoices for the CSV, kept as item indexes and what the pass computed in typed arrays (no objects), and
 * listed in input order. (Sorting a million rows by age would visit the invoices in random memory order, which
 * cost four times the whole aggregation; the CSV goes to a spreadsheet that sorts anyway, and the report's own
 * lists are ranked.)
 */
import type { OpenInvoiceRow, OpenInvoiceRows } from './csv';
import type { InvoiceFacts } from './facts';
import { invoiceOfItem, ownerOf, UNASSIGNED } from './items';
import { STATE_OF_INDEX } from './read';

export class OpenRows {
	private count = 0;
	private readonly item: Int32Array;
	private readonly amount: Float64Array;
	private readonly days: Int32Array;
	private readonly state: Uint8Array;

	/** `capacity` 0 keeps nothing (no CSV wanted). */
	constructor(capacity: number) {
		this.item = new Int32Array(capacity);
		this.amount = new Float64Array(capacity);
		this.days = new Int32Array(capacity);
		this.state = new Uint8Array(capacity);
	}

	add(facts: InvoiceFacts): void {
		if (!facts.isOpen || this.item.length === 0) return;
		const row = this.count++;
		this.item[row] = facts.index;
		this.amount[row] = facts.amount;
		this.days[row] = facts.daysPastDue;
		this.state[row] = facts.stateIndex;
	}

	/**
	 * The rows, as a callback (`each` gets one reused row object) and as an iterable (one reused row object per
	 * iteration, for the CSV in chunks): no per-row objects are allocated here.
	 */
	rows(items: readonly unknown[]): OpenInvoiceRows & Iterable<OpenInvoiceRow> {
		const count = this.count;
		const fill = (line: OpenInvoiceRow, row: number) => {
			line.invoice = invoiceOfItem(items[this.item[row]])!;
			line.amount = this.amount[row];
			line.daysPastDue = this.days[row];
			line.state = STATE_OF_INDEX[this.state[row]];
			line.owner = ownerOf(line.invoice);
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
