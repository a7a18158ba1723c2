/**
 * Reading the items, before anything is counted: which items carry a usable invoice (read with the producers'
 * contracts, src/contract), which are skipped and why, the conversion of each currency, and which record of a
 * duplicated invoice counts for money. Duplicates are resolved by comparing the records themselves (see
 * `compareRecords`), never by their position, so the report does not depend on the order of the items.
 */
import { highValueMinor } from '../state';
import { cadenceWasSent } from '../contract/cadence';
import { EscalationReadSchema, type EscalationRead } from '../contract/escalation';
import { invoiceProblem } from '../contract/invoice';
import { TriageReadSchema, type TriageRead } from '../contract/triage';
import { conversionOf, requireCurrency, type Conversion } from './fx';
import { InvoiceKeys, isPlainInvoice, isRecord, personName, type DayOf, type Json } from './read';
import type { ReportSettings } from './options';
import type { ReportSkippedItem } from './types';

export const UNASSIGNED = 'Unassigned';

/** What the report knows of one invoice currency: how it converts, its high-value threshold, its open money. */
export interface CurrencyCell {
	conversion: Conversion | null;
	error: string | null;
	highValueMinor: number | null;
	/** Open invoices, their amount due in this currency and in the reporting currency (minor units). */
	count: number;
	amountMinor: number;
	amount: number;
}

/** The cadence, triage and escalation results an item carries (each read with its producer's schema). */
export interface ItemResults {
	sent: boolean;
	triage?: TriageRead;
	escalation?: EscalationRead;
}
export const NOTHING_ELSE: ItemResults = { sent: false };

/** An item's role: its invoice counts, it repeats an invoice another item counts, or it is skipped. */
export const COUNTED = 0;
export const DUPLICATE = 1;
export const SKIPPED = 2;

export interface ItemBook {
	/** COUNTED, DUPLICATE or SKIPPED per item. */
	role: Uint8Array;
	/** Results of the items that carry any (most items carry none). */
	results: Map<number, ItemResults>;
	/** Per invoice currency. */
	currencies: Map<string, CurrencyCell>;
	/** The reporting currency: given, or the first valid invoice's; null when there is none. */
	currency: string | null;
	/** In item order. */
	skipped: ReportSkippedItem[];
}

/** The invoice an item carries: `$json.invoice` of a node output, or the item itself when it is a plain invoice. */
export function invoiceOfItem(item: unknown): Json | null {
	const json = itemJson(item);
	if (json === null) return null;
	if (isRecord(json.invoice)) return json.invoice;
	if (isPlainInvoice(json)) return json;
	return null;
}

/** The item's JSON: the object itself, or `.json` of an n8n item (`{ json, pairedItem }`). */
export function itemJson(item: unknown): Json | null {
	if (!isRecord(item)) return null;
	return isRecord(item.json) && item.invoice === undefined && !isPlainInvoice(item)
		? item.json
		: item;
}

export function ownerOf(invoice: Json): string {
	return personName(invoice.owner) ?? UNASSIGNED;
}

export function invoiceLabel(invoice: Json): string | null {
	if (typeof invoice.number === 'string' && invoice.number !== '') return invoice.number;
	if (typeof invoice.id === 'string' && invoice.id !== '') return invoice.id;
	return null;
}

/** One pass over the items: validity, currencies, results and duplicates. */
export function readItems(
	items: readonly unknown[],
	settings: ReportSettings,
	dayOf: DayOf,
): ItemBook {
	const book: ItemBook = {
		role: new Uint8Array(items.length),
		results: new Map(),
		currencies: new Map(),
		currency: settings.currency,
		skipped: [],
	};
	const seen = new InvoiceKeys(items.length, (at) => invoiceOfItem(items[at]) as Json);
	const skip = (index: number, invoice: Json | null, reason: string) => {
		book.role[index] = SKIPPED;
		book.skipped.push({ item: index, invoice: invoice && invoiceLabel(invoice), reason });
	};
	for (let index = 0; index < items.length; index++) {
		const json = itemJson(items[index]);
		const invoice = invoiceOfItem(items[index]);
		if (invoice === null) {
			book.role[index] = SKIPPED;
			book.skipped.push(withoutInvoice(index, json));
			continue;
		}
		const problem = invoiceProblem(invoice, dayOf);
		if (problem !== null) {
			skip(index, invoice, problem);
			continue;
		}
		const code = invoice.currency as string;
		book.currency ??= requireCurrency(code);
		let cell = book.currencies.get(code);
		if (cell === undefined) {
			const conversion = conversionOf(code, book.currency, settings.fxRates[code]);
			cell = {
				conversion: 'error' in conversion ? null : conversion,
				error: 'error' in conversion ? conversion.error : null,
				highValueMinor: highValueMinor(settings.options.highValue, code),
				count: 0,
				amountMinor: 0,
				amount: 0,
			};
			book.currencies.set(code, cell);
		}
		if (cell.conversion === null) {
			skip(index, invoice, cell.error!);
			continue;
		}
		// What the other nodes left on the item, read with their own schemas (src/contract).
		const results = json === invoice ? NOTHING_ELSE : readResults(json!);
		if (typeof results === 'string') {
			skip(index, invoice, results);
			continue;
		}
		if (results !== NOTHING_ELSE) book.results.set(index, results);

		// Which record of a duplicated invoice counts for money: the most informed one, whatever the order.
		const source = typeof invoice.source === 'string' ? invoice.source : '';
		const earlier = seen.add(source, invoice.id as string, index);
		if (earlier === -1) continue;
		if (compareRecords(items, index, earlier) > 0) {
			book.role[earlier] = DUPLICATE;
			seen.replace(source, invoice.id as string, index);
		} else book.role[index] = DUPLICATE;
	}
	return book;
}

function issues(key: string, error: { issues: Array<{ path: PropertyKey[]; message: string }> }) {
	const first = error.issues[0];
	return `${[key, ...first.path.map(String)].join('.')}: ${first.message}`;
}

/**
 * The cadence, triage and escalation results on an item, each parsed with its producer's schema; a result that
 * breaks the contract is named (the item is skipped with that reason), never guessed at.
 */
function readResults(json: Json): ItemResults | string {
	if (json.cadence === undefined && json.triage === undefined && json.escalation === undefined)
		return NOTHING_ELSE;
	const results: ItemResults = { sent: cadenceWasSent(json.cadence) };
	if (json.triage !== undefined) {
		const triage = TriageReadSchema.safeParse(json.triage);
		if (!triage.success) return issues('triage', triage.error);
		results.triage = triage.data;
	}
	if (json.escalation !== undefined) {
		const escalation = EscalationReadSchema.safeParse(json.escalation);
		if (!escalation.success) return issues('escalation', escalation.error);
		results.escalation = escalation.data;
	}
	return results;
}

const LIFECYCLE_RANK: Readonly<Record<string, number>> = {
	draft: 0,
	open: 1,
	uncollectible: 2,
	void: 3,
	paid: 4,
};

/**
 * Of two records of the same invoice, is item `a`'s the more informed (> 0)? The one further along its life (paid
 * or void over open, open over draft), then the one that saw more paid, then the one with the later activity; a
 * full tie falls to the lower text of the invoice, then of the whole item, so the choice never depends on the
 * order of the items.
 */
function compareRecords(items: readonly unknown[], a: number, b: number): number {
	const left = invoiceOfItem(items[a])!;
	const right = invoiceOfItem(items[b])!;
	const rank =
		(LIFECYCLE_RANK[left.lifecycle as string] ?? 0) -
		(LIFECYCLE_RANK[right.lifecycle as string] ?? 0);
	if (rank !== 0) return rank;
	const paid = (left.amountPaidMinor as number) - (right.amountPaidMinor as number);
	if (paid !== 0) return paid;
	for (const key of ['paidOn', 'lastReplyAt', 'lastTouchAt'] as const) {
		const one = typeof left[key] === 'string' ? (left[key] as string) : '';
		const other = typeof right[key] === 'string' ? (right[key] as string) : '';
		if (one !== other) return one > other ? 1 : -1;
	}
	const due = (left.amountDueMinor as number) - (right.amountDueMinor as number);
	if (due !== 0) return -due;
	const texts = [JSON.stringify(left), JSON.stringify(right)];
	if (texts[0] === texts[1]) {
		texts[0] = JSON.stringify(itemJson(items[a]));
		texts[1] = JSON.stringify(itemJson(items[b]));
	}
	return texts[0] < texts[1] ? 1 : texts[0] > texts[1] ? -1 : 0;
}

/**
 * Why an item has no invoice: a record Payment State Check found invalid carries its reason (and the source record),
 * which is the real cause; anything else is not an invoice at all.
 */
function withoutInvoice(item: number, json: Json | null): ReportSkippedItem {
	const invalid = json !== null && isRecord(json.invalid) ? json.invalid.reason : undefined;
	if (typeof invalid === 'string') {
		const source = isRecord(json!.sourceRecord) ? json!.sourceRecord : json!;
		return {
			item,
			invoice: invoiceLabel(source),
			reason: `invalid record from Payment State Check: ${invalid}`,
		};
	}
	return {
		item,
		invoice: null,
		reason:
			'no invoice on the item: expected $json.invoice (from Payment State Check) or a normalised invoice',
	};
}
