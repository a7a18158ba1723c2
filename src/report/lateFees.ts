/**
 * Late fees and interest the policy entitles to on each open, overdue invoice (src/fees computes them exactly, in
 * the invoice's minor units), as of the report's day: per customer, the largest invoices, and the total in the
 * reporting currency (converted per invoice, rounded once). They are shown to the people who read the report;
 * nothing here is ever posted to the accounting system.
 */
import { computeLateFees, type LateFeePolicy } from '../fees/lateFee';
import type { Invoice } from '../invoice/schema';
import { formatMoney } from '../money';
import type { InvoiceFacts } from './facts';
import type { NamedMoney } from './format';
import { invoiceLabel } from './items';
import type { ReportSettings } from './options';
import type { Json } from './read';
import type { ReportLateFeeCustomer, ReportLateFeeInvoice, ReportLateFees } from './types';

interface CustomerFees {
	customer: string;
	customerId: string | null;
	invoiceCount: number;
	/** Reporting currency, minor units. */
	amount: number;
}

export class LateFeeAccrual {
	private invoiceCount = 0;
	private total = 0;
	private readonly customers = new Map<string, CustomerFees>();
	/** The largest accruals (converted), at most `topCount`, kept sorted. */
	private readonly top: ReportLateFeeInvoice[] = [];

	constructor(
		private readonly settings: ReportSettings,
		private readonly policy: LateFeePolicy,
	) {}

	/** Reads the open, overdue invoices; ignores the rest. */
	add(facts: InvoiceFacts): void {
		if (!facts.isOpen || facts.daysPastDue <= 0) return;
		const invoice = facts.invoice;
		const fees = computeLateFees(
			invoice as unknown as Pick<Invoice, 'amountDueMinor' | 'currency' | 'dueOn'>,
			this.policy,
			this.settings.asOfDate,
		);
		if (fees.totalMinor <= 0) return;
		const amount = facts.convert(fees.totalMinor);
		this.invoiceCount++;
		this.total += amount;
		const customer = invoice.customer as Json;
		const customerId = typeof customer.id === 'string' && customer.id !== '' ? customer.id : null;
		const key = customerId ?? (customer.name as string);
		let cell = this.customers.get(key);
		if (cell === undefined) {
			cell = { customer: customer.name as string, customerId, invoiceCount: 0, amount: 0 };
			this.customers.set(key, cell);
		} else if ((customer.name as string) < cell.customer) cell.customer = customer.name as string;
		cell.invoiceCount++;
		cell.amount += amount;

		const size = this.top.length;
		const topCount = this.settings.topCount;
		if (topCount === 0 || (size >= topCount && !ranksBefore(amount, invoice, this.top[size - 1])))
			return;
		const line: ReportLateFeeInvoice = {
			item: facts.index,
			id: invoice.id as string,
			number: invoiceLabel(invoice) ?? '',
			customer: customer.name as string,
			currency: fees.currency,
			amountDueMinor: fees.principalMinor,
			daysLate: fees.daysLate,
			feeMinor: fees.feeMinor,
			interestMinor: fees.interestMinor,
			totalMinor: fees.totalMinor,
			totalFormatted: formatMoney(fees.totalMinor, fees.currency, this.settings.locale),
			convertedAmountMinor: amount,
			basis: fees.basis,
		};
		let at = size;
		while (at > 0 && ranksBefore(amount, invoice, this.top[at - 1])) at--;
		this.top.splice(at, 0, line);
		if (this.top.length > topCount) this.top.pop();
	}

	finish(money: NamedMoney): ReportLateFees {
		const byCustomer: ReportLateFeeCustomer[] = [...this.customers.values()]
			.map((cell) => ({
				customer: cell.customer,
				customerId: cell.customerId,
				invoiceCount: cell.invoiceCount,
				...money('amount', cell.amount),
			}))
			.sort(
				(a, b) =>
					b.amountMinor - a.amountMinor ||
					(a.customerId ?? a.customer).localeCompare(b.customerId ?? b.customer),
			);
		return {
			policy: this.policy,
			asOf: this.settings.asOfDate,
			invoiceCount: this.invoiceCount,
			...money('amount', this.total),
			byCustomer,
			invoices: this.top,
		};
	}
}

/** Larger converted accrual first, then the lower invoice id (so the list never depends on item order). */
function ranksBefore(amount: number, invoice: Json, other: ReportLateFeeInvoice): boolean {
	return (
		amount > other.convertedAmountMinor ||
		(amount === other.convertedAmountMinor && (invoice.id as string) < other.id)
	);
}
