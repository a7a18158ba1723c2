/**
 * `normalizeInvoice(raw, { source, mapping?, defaults? })`: one source record in, one validated Invoice out,
 * or field-level errors. `splitInvoiceRecords` unwraps the vendors' list envelopes into single records first.
 */
import { buildInvoice, type InvoiceDraft, type NormalizeDefaults } from './build';
import { INVOICE_SOURCE_REGISTRY } from './adapters';
import type { GenericField } from './adapters/generic';
import { isRecord, type Raw } from './adapters/read';
import type { InvoiceSourceDefinition, SourceRecord } from './adapters/source';
import type { InvoiceSource, NormalizeResult } from './schema';

export type { SourceRecord } from './adapters/source';

const SOURCES = new Map<string, InvoiceSourceDefinition>(
	INVOICE_SOURCE_REGISTRY.map((source) => [source.key, source]),
);

function sourceOf(key: InvoiceSource): InvoiceSourceDefinition {
	const source = SOURCES.get(key);
	if (!source) throw new RangeError(`unknown invoice source "${String(key)}"`);
	return source;
}

export interface NormalizeOptions {
	source: InvoiceSource;
	/** Generic source only: canonical field → source column name. */
	mapping?: Partial<Record<GenericField, string>>;
	/** Generic source only: values already resolved per field (e.g. by n8n expressions), winning over columns. */
	values?: Partial<Record<GenericField, unknown>>;
	defaults?: NormalizeDefaults;
}

/**
 * The invoices inside one input item. Accepts the bare vendor object and the envelopes vendors and n8n nodes emit:
 * Stripe event `data.object` and list `data[]`; Xero `{ Invoices: [] }` (whose top-level `Status: "OK"` is the
 * response's, not an invoice's); QBO `{ Invoice }` and `{ QueryResponse: { Invoice: [] } }`; FreshBooks
 * `response.result.invoice(s)`.
 */
export function splitInvoiceRecords(raw: unknown, source: InvoiceSource): SourceRecord[] {
	if (Array.isArray(raw)) {
		return raw.flatMap((entry, index) =>
			splitInvoiceRecords(entry, source).map((found) => ({
				...found,
				path: `[${index}]${found.path}`,
			})),
		);
	}
	if (!isRecord(raw)) return [{ record: raw as Raw, path: '' }];
	const list = (items: unknown, path: string): SourceRecord[] =>
		Array.isArray(items)
			? items.map((record, index) => ({ record: record as Raw, path: `${path}[${index}].` }))
			: [];
	const inside = sourceOf(source).unwrap?.(raw, list);
	if (inside) return inside;
	return [{ record: raw, path: '' }];
}

function draftOf(record: Raw, options: NormalizeOptions, prefix: string): InvoiceDraft {
	return sourceOf(options.source).read(record, prefix, options);
}

export function normalizeInvoice(raw: unknown, options: NormalizeOptions): NormalizeResult {
	const records = splitInvoiceRecords(raw, options.source);
	return records.length === 1
		? normalizeRecord(records[0], options)
		: envelopeError(records.length);
}

/** Normalises one record found by splitInvoiceRecords (its path prefixes error messages). */
export function normalizeRecord(
	{ record, path }: SourceRecord,
	options: NormalizeOptions,
): NormalizeResult {
	if (!isRecord(record)) {
		return {
			ok: false,
			errors: [
				{
					path,
					message: `expected an invoice object, got ${record === null ? 'null' : Array.isArray(record) ? 'a list' : typeof record}`,
				},
			],
		};
	}
	return buildInvoice(draftOf(record, options, path), options.defaults);
}

/**
 * normalizeRecord for a batch of one source (a node's execution): the Generic preset's aliases are resolved once
 * per row shape into a compiled reader instead of once per row. `values` are the per-item mapping expressions.
 */
export function invoiceNormalizer(
	options: Omit<NormalizeOptions, 'values'>,
): (found: SourceRecord, values?: NormalizeOptions['values']) => NormalizeResult {
	const compile = sourceOf(options.source).compile;
	if (!compile) return (found, values) => normalizeRecord(found, { ...options, values });
	const read = compile(options);
	return ({ record, path }, values) =>
		isRecord(record)
			? buildInvoice(read(record, values), options.defaults)
			: normalizeRecord({ record, path }, options);
}

function envelopeError(count: number): NormalizeResult {
	return {
		ok: false,
		errors: [
			{
				path: '',
				message:
					count === 0
						? 'the record holds no invoice'
						: `the record holds ${count} invoices: split it first (splitInvoiceRecords) or use the node, which does`,
			},
		],
	};
}
