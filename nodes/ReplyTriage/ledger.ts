/**
 * Reply Triage's Ledger input: which invoices each reply concerns (src/ledger/match.ts), and the `reply` rows it adds
 * to the collections ledger. Kept apart from the classification so each concern has one home.
 */
import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import {
	buildMatchIndex,
	eventToRow,
	matchReply,
	readLedgerRows,
	replyEvents,
	restoreInvoice,
	type MatchIndex,
	type MatchInvoice,
	type ReplyMatch,
	type TriagedReply,
} from '../../src';

export const LEDGER_INPUT_NAME = 'Ledger';

export const matchInvoicesProperty: INodeProperties = {
	displayName: 'Match Replies to Invoices',
	name: 'matchInvoices',
	type: 'boolean',
	default: false,
	description:
		"Whether to match each reply to the invoices it concerns, from what arrives on the Ledger input (collections_ledger Data Table rows and/or items with an invoice): by thread headers, then invoice numbers, then the sender's address or domain. One item leaves per matched invoice, with the reply row to append at ledgerRow; a reply that matches nothing goes to Escalate.",
};

export const matchInvoicesNotice: INodeProperties = {
	displayName:
		"Connect a Data Table node (row > get, all rows of collections_ledger, Always Output Data on) and/or your open invoices to the Ledger input, and append each item's ledgerRow with a Data Table insert",
	name: 'matchInvoicesNotice',
	type: 'notice',
	default: '',
	displayOptions: { show: { matchInvoices: [true] } },
};

/**
 * What the Ledger input knows: Data Table rows (they have a `kind`) and invoices (an item's `invoiceField`, or a bare
 * normalised invoice). Empty items (a Data Table node's Always Output Data) are skipped. Returns the index and how
 * many rows could not be read.
 */
export function readLedgerInput(
	items: readonly INodeExecutionData[],
	invoiceField: string,
): { index: MatchIndex; invalidRows: number } {
	const rows: IDataObject[] = [];
	const invoices: MatchInvoice[] = [];
	for (const { json } of items) {
		if (!json || Object.keys(json).length === 0) continue;
		if (typeof json.kind === 'string') {
			rows.push(json);
			continue;
		}
		const nested = json[invoiceField];
		const invoice = (nested && typeof nested === 'object' ? nested : json) as IDataObject;
		// A compact invoice (Payment State Check's Output Detail: Compact) gets its amountDue back from the contract.
		if (typeof invoice.id === 'string' && invoice.id !== '')
			invoices.push(restoreInvoice(invoice) as unknown as MatchInvoice);
	}
	const read = readLedgerRows(rows);
	return { index: buildMatchIndex(read.events, invoices), invalidRows: read.invalid.length };
}

function headersOf(json: IDataObject, parsed?: Record<string, string | string[]>) {
	const headers: Record<string, string | string[]> = { ...(parsed ?? {}) };
	const raw = json.headers;
	if (raw && typeof raw === 'object' && !Array.isArray(raw))
		for (const [name, value] of Object.entries(raw as IDataObject))
			if (typeof value === 'string' || Array.isArray(value))
				headers[name] = value as string | string[];
	for (const name of ['inReplyTo', 'references'] as const) {
		const value = json[name];
		if (typeof value === 'string' || Array.isArray(value))
			headers[name === 'inReplyTo' ? 'in-reply-to' : 'references'] = value as string | string[];
	}
	return headers;
}

function ownMessageId(
	json: IDataObject,
	headers: Record<string, string | string[]>,
): string | undefined {
	if (typeof json.messageId === 'string' && json.messageId) return json.messageId;
	const header = Object.entries(headers).find(([name]) => name.toLowerCase() === 'message-id')?.[1];
	const value = Array.isArray(header) ? header[0] : header;
	return value ? (/<[^<>\s]+>/.exec(value)?.[0] ?? value.trim()) : undefined;
}

function instant(value: unknown, fallback: string): string {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? fallback : value.toISOString();
	const parsed =
		typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : Number.NaN;
	if (typeof value === 'string' && /^\d{10,13}$/.test(value))
		return new Date(Number(value)).toISOString();
	return Number.isFinite(parsed) ? new Date(parsed).toISOString() : fallback;
}

export interface MatchedReply {
	match: ReplyMatch;
	/** One per matched invoice (none when nothing matched): the item's json additions. */
	perInvoice: Array<{ replyMatch: IDataObject; ledgerRow: IDataObject; invoice?: IDataObject }>;
}

/** Matches one triaged reply and builds its ledger rows. */
export function matchTriagedReply(
	json: IDataObject,
	reply: {
		subject?: string;
		text?: string;
		from?: string;
		receivedAt?: string | number | Date;
		headers?: Record<string, string | string[]>;
	},
	triage: TriagedReply & { extracted?: { invoiceNumbers?: string[] } },
	index: MatchIndex,
	ledgerInvoices: Map<string, IDataObject>,
	now: string,
): MatchedReply {
	const headers = headersOf(json, reply.headers);
	const match = matchReply(
		{
			from: reply.from ?? '',
			subject: reply.subject,
			text: reply.text,
			headers,
			invoiceNumbers: triage.extracted?.invoiceNumbers ?? [],
		},
		index,
	);
	const events = replyEvents(match, triage, {
		receivedAt: instant(reply.receivedAt, now),
		messageId: ownMessageId(json, headers),
	});
	return {
		match,
		perInvoice: match.invoices.map((invoice, i) => ({
			replyMatch: { matched: true, ...invoice } as IDataObject,
			ledgerRow: eventToRow(events[i]) as unknown as IDataObject,
			...(ledgerInvoices.has(invoice.invoiceId)
				? { invoice: ledgerInvoices.get(invoice.invoiceId) }
				: {}),
		})),
	};
}

/** The invoices on the Ledger input by id, so a matched reply can carry its invoice to the next node. */
export function ledgerInvoicesById(
	items: readonly INodeExecutionData[],
	invoiceField: string,
): Map<string, IDataObject> {
	const byId = new Map<string, IDataObject>();
	for (const { json } of items) {
		if (!json || typeof json.kind === 'string') continue;
		const nested = json[invoiceField];
		const invoice = (nested && typeof nested === 'object' ? nested : undefined) as
			| IDataObject
			| undefined;
		if (invoice && typeof invoice.id === 'string') byId.set(invoice.id, invoice);
	}
	return byId;
}
