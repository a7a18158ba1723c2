/**
 * What every accumulator needs to know of one counted invoice, read once: its payment state (the item's own when
 * it is for the report's day, else computed), amounts, days, and what its item says happened today. One object
 * is reused for the whole pass (`load` overwrites it), so a million invoices allocate nothing here.
 */
import { checkPaymentState, type PaymentState, type PaymentStateName } from '../state';
import type { Invoice } from '../invoice/schema';
import { readPaymentState } from '../contract/paymentState';
import type { TriageRead } from '../contract/triage';
import { convertMinor, type Conversion } from './fx';
import { ownerOf, UNASSIGNED, type CurrencyCell, type ItemResults } from './items';
import type { ReportSettings } from './options';
import {
	BUCKET_INDEX,
	dayOfInstant,
	isRecord,
	paidDayOf,
	STATE_INDEX,
	type DayOf,
	type Json,
} from './read';

/** How a promise to pay on this invoice turned out as of the report's day. */
export type PromiseOutcome = 'kept' | 'broken' | 'pending' | 'unknown' | null;

export class InvoiceFacts {
	index = 0;
	invoice: Json = {};
	/** The item's JSON (the invoice itself for a plain invoice). */
	json: Json = {};
	cell!: CurrencyCell;
	conversion!: Conversion;
	triage: TriageRead | undefined;
	/** Today's activity on the item: a reminder Record confirmed, a triaged reply's intent, an escalation. */
	sent = false;
	intent: string | null = null;
	escalated = false;

	state: PaymentStateName = 'not_due';
	stateIndex = 0;
	bucketIndex = 0;
	daysPastDue = 0;
	lifecycle = '';
	dueMinor = 0;
	paidMinor = 0;
	dueDay: number | null = null;
	/** The day it was paid, when the source says (only read for an invoice with money paid). */
	paidDay: number | null = null;
	/** Open with money owed: a receivable. */
	isOpen = false;
	fullyPaid = false;
	/** The amount due in the reporting currency (minor units), and the owner, for an open invoice. */
	amount = 0;
	owner = UNASSIGNED;
	/** Promises broken before this one (`promise.brokenCount`), and how the current one turned out. */
	brokenBefore = 0;
	promise: PromiseOutcome = null;
	/** A broken promise on an open invoice (for its owner's actions). */
	promiseBroken = false;
	private touch: number | null | undefined;

	constructor(
		private readonly settings: ReportSettings,
		private readonly dayOf: DayOf,
	) {}

	load(index: number, invoice: Json, json: Json, cell: CurrencyCell, results: ItemResults): this {
		this.index = index;
		this.invoice = invoice;
		this.json = json;
		this.cell = cell;
		this.conversion = cell.conversion!;
		this.triage = results.triage;
		this.sent = results.sent;
		this.intent = results.triage === undefined ? null : results.triage.intent;
		this.escalated = results.escalation?.escalate === true;
		this.touch = undefined;

		const state = this.paymentState();
		this.state = state.state;
		this.stateIndex = STATE_INDEX[state.state];
		this.bucketIndex = BUCKET_INDEX[state.agingBucket];
		this.daysPastDue = state.daysPastDue;
		const lifecycle = invoice.lifecycle as string;
		this.lifecycle = lifecycle;
		this.dueMinor = invoice.amountDueMinor as number;
		this.paidMinor = invoice.amountPaidMinor as number;
		const dueOn = invoice.dueOn;
		this.dueDay = typeof dueOn === 'string' ? this.dayOf(dueOn) : null;
		this.isOpen = lifecycle === 'open' && this.dueMinor > 0;
		this.fullyPaid = lifecycle === 'paid' || (lifecycle === 'open' && this.dueMinor <= 0);
		this.paidDay = this.paidMinor > 0 ? paidDayOf(invoice, this.dayOf) : null;
		this.amount = this.isOpen ? convertMinor(this.dueMinor, this.conversion) : 0;
		this.owner = this.isOpen ? ownerOf(invoice) : UNASSIGNED;
		this.readPromise();
		return this;
	}

	/** The day of the invoice's last touch (`lastTouchAt`), parsed only when asked: most invoices never need it. */
	touchDay(): number | null {
		if (this.touch === undefined) this.touch = dayOfInstant(this.invoice.lastTouchAt, this.dayOf);
		return this.touch;
	}

	/** Converts another amount of this invoice's currency into the reporting currency. */
	convert(minor: number): number {
		return convertMinor(minor, this.conversion);
	}

	private paymentState(): Pick<PaymentState, 'state' | 'agingBucket' | 'daysPastDue'> {
		const { invoice, json } = this;
		let state = json === invoice ? null : readPaymentState(json.paymentState);
		if (state !== null && state.asOfDate !== undefined) {
			const customer = invoice.customer as Json;
			if (state.asOfDate !== this.settings.calendar.dateIn(customer.timezone as string | undefined))
				state = null;
		}
		return state ?? checkPaymentState(invoice as unknown as Invoice, this.settings.stateOptions);
	}

	/** The promise on the invoice (or the date a triaged reply promised), against its payment. */
	private readPromise(): void {
		const promise = this.invoice.promise;
		this.brokenBefore =
			isRecord(promise) && typeof promise.brokenCount === 'number' ? promise.brokenCount : 0;
		this.promiseBroken = this.brokenBefore > 0 && this.isOpen;
		this.promise = null;
		const promisedOn =
			isRecord(promise) && typeof promise.date === 'string'
				? promise.date
				: (this.triage?.extracted.promisedDate ?? null);
		if (promisedOn === null || this.lifecycle === 'void' || this.lifecycle === 'draft') return;
		const promisedDay = this.dayOf(promisedOn);
		if (promisedDay === null) return;
		const asOfDay = this.settings.asOfDay;
		if (this.fullyPaid) {
			if (this.paidDay !== null) this.promise = this.paidDay <= promisedDay ? 'kept' : 'broken';
			else this.promise = asOfDay <= promisedDay ? 'kept' : 'unknown';
		} else if (asOfDay > promisedDay) {
			this.promise = 'broken';
			this.promiseBroken = true;
		} else this.promise = 'pending';
	}
}
