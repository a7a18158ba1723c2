/**
 * n8n-facing helpers every node uses: routing items to named outputs, reading the invoice an upstream node put
 * on the item, appending audit entries, and the per-item error policy (continueOnFail or NodeOperationError).
 */
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeOutputConfiguration,
} from 'n8n-workflow';

import {
	auditEntry,
	parseInvoice,
	type AuditEntry,
	type FieldError,
	type Invoice,
	valueAtPath,
} from '../../src';

/** Declares named outputs in the order `Outputs` returns them, so canvas labels explain the flow. */
export function namedOutputs(names: readonly string[]): INodeOutputConfiguration[] {
	return names.map((displayName) => ({ type: 'main', displayName }));
}

/** Collects items per named output and returns them in declaration order (one array per output). */
export class Outputs<Name extends string> {
	private readonly buckets: INodeExecutionData[][];
	private readonly index: Record<string, number>;

	constructor(private readonly names: readonly Name[]) {
		this.buckets = names.map(() => []);
		this.index = Object.fromEntries(names.map((name, position) => [name, position]));
	}

	push(
		name: Name,
		json: IDataObject,
		itemIndex: number,
		extra?: Partial<INodeExecutionData>,
	): void {
		// One object literal of a fixed shape per item (no spread of an empty object on the hot path).
		const item: INodeExecutionData = { json, pairedItem: { item: itemIndex } };
		this.buckets[this.index[name]].push(extra ? Object.assign(item, extra) : item);
	}

	/**
	 * As push, with `pairedItem` in n8n's short form, the bare input index (n8n-workflow's `pairedItem: number`, read
	 * by the engine, expressions and the editor): no object per item, and a smaller saved execution. Index 0 keeps
	 * the object form, because the editor's item linking skips a falsy `pairedItem`.
	 */
	pushIndexed(name: Name, json: IDataObject, itemIndex: number): void {
		this.buckets[this.index[name]].push({
			json,
			pairedItem: itemIndex === 0 ? { item: 0 } : itemIndex,
		});
	}

	/**
	 * A failed item, the n8n way. With Continue On Fail set to the error output, the item's JSON holds only the
	 * error (and the fix in `details`): n8n-core moves exactly such items to the error output and adds the input
	 * item's fields back. Otherwise the item keeps its fields plus `error` on `fallback` (Invalid, Escalate ...).
	 */
	failed(
		ctx: IExecuteFunctions,
		fallback: Name,
		json: IDataObject,
		error: Error | string,
		itemIndex: number,
	): void {
		const message = typeof error === 'string' ? error : error.message;
		if (usesErrorOutput(ctx)) {
			const details = (error as { description?: unknown }).description;
			this.buckets[0].push({
				json:
					typeof details === 'string' && details ? { error: message, details } : { error: message },
				pairedItem: { item: itemIndex },
			});
			return;
		}
		this.push(fallback, { ...json, error: message }, itemIndex);
	}

	count(name: Name): number {
		return this.buckets[this.index[name]].length;
	}

	/** All items on one output, for nodes with a "single output with a route field" mode. */
	merged(): INodeExecutionData[][] {
		return [this.buckets.flat()];
	}

	result(): INodeExecutionData[][] {
		return this.buckets;
	}

	get outputNames(): readonly Name[] {
		return this.names;
	}
}

const errorOutputByContext = new WeakMap<object, boolean>();
/** Whether the node's Continue On Fail setting is "continue (using error output)" (read once per execution). */
export function usesErrorOutput(ctx: IExecuteFunctions): boolean {
	let uses = errorOutputByContext.get(ctx);
	if (uses === undefined) {
		uses = ctx.continueOnFail() && ctx.getNode().onError === 'continueErrorOutput';
		errorOutputByContext.set(ctx, uses);
	}
	return uses;
}

/** A value at a dotted path of an item's JSON ("invoice", "data.invoice"): the package's one path reader. */
export function valueAt(json: IDataObject, path: string): unknown {
	return valueAtPath(json, path);
}

export type InvoiceRead = { ok: true; invoice: Invoice } | { ok: false; errors: FieldError[] };

/** Reads and validates the normalised invoice an upstream node (Payment State Check) put on the item. */
export function readInvoice(json: IDataObject, path = 'invoice'): InvoiceRead {
	const value = valueAt(json, path);
	if (value === undefined || value === null) {
		return {
			ok: false,
			errors: [
				{
					path,
					message: `no invoice at "${path}": put a Payment State Check node before this one, or set "Invoice Field" to where the invoice is`,
				},
			],
		};
	}
	return parseInvoice(value);
}

/**
 * A shallow copy of the item's JSON with `fields` and one more audit entry (the input item is never mutated): one
 * new object and one new array, with no intermediate copies.
 */
export function withAudit(json: IDataObject, entry: AuditEntry, fields?: IDataObject): IDataObject {
	const audit = json.audit;
	const result = Object.assign({}, json, fields);
	result.audit = Array.isArray(audit)
		? (audit as IDataObject[]).concat(entry as unknown as IDataObject)
		: [entry as unknown as IDataObject];
	return result;
}

export { auditEntry };

/** One line that says what is wrong with a record, field by field. */
export function describeErrors(errors: readonly FieldError[]): string {
	return errors.map((error) => error.message).join('; ');
}

/**
 * Runs `work` for every input item with n8n's per-item error policy: with "Continue On Fail" (or the error output)
 * a failing item becomes an item carrying `{ error }` on `fallback`, paired with its input; otherwise the run stops
 * with a NodeOperationError that names the item and says what to fix, unless `orInvalid` is given: then the bad
 * record goes there (to Invalid) and the run goes on (nodes that read raw records: one bad record stops nothing).
 */
export function forEachItem(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	work: (item: INodeExecutionData, itemIndex: number) => void,
	onContinue: (error: Error, item: INodeExecutionData, itemIndex: number) => void,
	fixHint: string,
	orInvalid?: (error: Error, item: INodeExecutionData, itemIndex: number) => void,
): void {
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			work(items[itemIndex], itemIndex);
		} catch (caught) {
			const error = caught instanceof Error ? caught : new Error(String(caught));
			if (ctx.continueOnFail()) {
				onContinue(error, items[itemIndex], itemIndex);
				continue;
			}
			if (orInvalid) {
				orInvalid(error, items[itemIndex], itemIndex);
				continue;
			}
			if (error instanceof NodeOperationError) throw error;
			throw new NodeOperationError(ctx.getNode(), error, { itemIndex, description: fixHint });
		}
	}
}

/** Async twin of forEachItem for nodes that await per item (AI mode). */
export async function forEachItemAsync(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	work: (item: INodeExecutionData, itemIndex: number) => Promise<void>,
	onContinue: (error: Error, item: INodeExecutionData, itemIndex: number) => void,
	fixHint: string,
): Promise<void> {
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			await work(items[itemIndex], itemIndex);
		} catch (caught) {
			const error = caught instanceof Error ? caught : new Error(String(caught));
			if (ctx.continueOnFail()) {
				onContinue(error, items[itemIndex], itemIndex);
				continue;
			}
			if (error instanceof NodeOperationError) throw error;
			throw new NodeOperationError(ctx.getNode(), error, { itemIndex, description: fixHint });
		}
	}
}

/** The as-of instant for this execution: the parameter when set, else now. Read once per execution. */
export function asOfParameter(value: unknown): Date | string {
	if (value instanceof Date) return value;
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (
		value &&
		typeof value === 'object' &&
		'toISO' in value &&
		typeof (value as { toISO: unknown }).toISO === 'function'
	) {
		return String((value as { toISO: () => string }).toISO());
	}
	return new Date();
}
