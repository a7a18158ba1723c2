/**
 * The largest overdue invoices (converted amount, then days past due), at most `topCount`: item indexes kept in
 * order as they arrive, so the pass holds no per-invoice objects; the lines are built at the end.
 */
import { formatMoney, minorToMajor } from '../money';
import { agingBucketOf, type PaymentStateName } from '../state';
import type { InvoiceFacts } from './facts';
import { invoiceLabel, invoiceOfItem, ownerOf, type CurrencyCell } from './items';
import { STATE_OF_INDEX, type Json } from './read';
import type { ReportInvoiceLine } from './types';

export class TopOverdue {
	private readonly item: number[] = [];
	private readonly amount: number[] = [];
	private readonly days: number[] = [];
	private readonly state: number[] = [];

	constructor(private readonly topCount: number) {}

	/** Reads the overdue open invoices; ignores the rest. */
	add(facts: InvoiceFacts): void {
		if (!facts.isOpen || facts.daysPastDue <= 0) return;
		const { amount, daysPastDue } = facts;
		const size = this.item.length;
		if (this.topCount === 0 || (size >= this.topCount && amount <= this.amount[size - 1])) return;
		let at = size;
		while (
			at > 0 &&
			(amount > this.amount[at - 1] ||
				(amount === this.amount[at - 1] && daysPastDue > this.days[at - 1]))
		)
			at--;
		this.item.splice(at, 0, facts.index);
		this.amount.splice(at, 0, amount);
		this.days.splice(at, 0, daysPastDue);
		this.state.splice(at, 0, facts.stateIndex);
		if (this.item.length > this.topCount) {
			this.item.pop();
			this.amount.pop();
			this.days.pop();
			this.state.pop();
		}
	}

	finish(
		items: readonly unknown[],
		currencies: ReadonlyMap<string, CurrencyCell>,
		currency: string,
		locale: string,
	): ReportInvoiceLine[] {
		return this.item.map((itemIndex, position) =>
			invoiceLine(
				invoiceOfItem(items[itemIndex])!,
				itemIndex,
				this.amount[position],
				this.days[position],
				STATE_OF_INDEX[this.state[position]],
				currencies,
				currency,
				locale,
			),
		);
	}
}

function invoiceLine(
	invoice: Json,
	itemIndex: number,
	amount: number,
	daysPastDue: number,
	state: PaymentStateName,
	currencies: ReadonlyMap<string, CurrencyCell>,
	reportingCurrency: string,
	locale: string,
): ReportInvoiceLine {
	const code = invoice.currency as string;
	const dueMinor = invoice.amountDueMinor as number;
	const threshold = currencies.get(code)?.highValueMinor ?? null;
	return {
		item: itemIndex,
		id: invoice.id as string,
		number: invoiceLabel(invoice) ?? '',
		customer: (invoice.customer as Json).name as string,
		owner: ownerOf(invoice),
		currency: code,
		amountDueMinor: dueMinor,
		amountDueFormatted: formatMoney(dueMinor, code, locale),
		convertedAmountMinor: amount,
		convertedAmount: minorToMajor(amount, reportingCurrency),
		convertedAmountFormatted: formatMoney(amount, reportingCurrency, locale),
		dueOn: typeof invoice.dueOn === 'string' ? invoice.dueOn : null,
		daysPastDue,
		bucket: agingBucketOf(daysPastDue),
		state,
		highValue: threshold !== null && dueMinor >= threshold,
	};
}
