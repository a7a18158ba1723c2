/**
 * An invoice source: the vendor's name in Payment State Check's Source picker, the envelopes its APIs wrap invoices
 * in, and the reader from one vendor record to an invoice draft. One file per source under `adapters/`, listed once
 * in `adapters/index.ts`; the source enum, normalizeInvoice and the node's picker are generated from that list.
 */
import type { InvoiceDraft } from '../build';
import type { Raw } from './read';

/** One invoice record found inside an input, with the path it sat at (for error messages). */
export interface SourceRecord {
	record: Raw;
	path: string;
}

/** The Generic source's per-run mapping: canonical field → column, and values resolved by n8n expressions. */
export interface SourceReadOptions {
	mapping?: Partial<Record<string, string>>;
	values?: Partial<Record<string, unknown>>;
}

export interface InvoiceSourceDefinition<Key extends string = string> {
	/** `invoice.source` and the node's parameter value (stable). */
	key: Key;
	/** Name in the Source picker. */
	name: string;
	/** Short name for the node's subtitle; default `name`. */
	shortName?: string;
	/** The records inside a vendor envelope (list response, event), or undefined when `raw` is a bare record. */
	unwrap?(
		raw: Raw,
		list: (items: unknown, path: string) => SourceRecord[],
	): SourceRecord[] | undefined;
	/** One vendor record → an invoice draft; `prefix` is the record's path, for error messages. */
	read(record: Raw, prefix: string, options: SourceReadOptions): InvoiceDraft;
	/** `read` prepared once for a batch (e.g. column aliases resolved per row shape), when that pays off. */
	compile?(
		options: SourceReadOptions,
	): (record: Raw, values?: SourceReadOptions['values']) => InvoiceDraft;
}

/** Declares a source with its literal key kept in the types. */
export function defineInvoiceSource<Key extends string>(
	source: InvoiceSourceDefinition<Key>,
): InvoiceSourceDefinition<Key> {
	return source;
}
