/**
 * Receivables: open invoices with money owed (disputed, paused and promised included: they are still owed), by
 * aging bucket, payment state, currency and owner; overdue, disputed and high-value overdue among them; open
 * credit notes (owed to customers: they net receivables) and written-off money (reported apart). All sums are
 * integers in minor units of the reporting currency.
 */
import { AGING_BUCKETS, type AgingBucket, type PaymentStateName } from '../state';
import { minorToMajor, formatMoney } from '../money';
import type { InvoiceFacts } from './facts';
import type { NamedMoney } from './format';
import type { CurrencyCell } from './items';
import { round } from './metrics';
import type { Owners } from './owners';
import { BUCKET_INDEX, BUCKET_OF_INDEX, STATE_OF_INDEX, type Json } from './read';
import type {
	ReportAmountCell,
	ReportBucketCell,
	ReportCurrencyCell,
	ReportSummary,
} from './types';

export type ReceivablesSummary = Pick<
	ReportSummary,
	'openCount' | 'overdueCount' | 'disputedCount' | 'highValueOverdueCount'
> & {
	openAmountMinor: number;
	overdueAmountMinor: number;
	disputedAmountMinor: number;
	writtenOffAmountMinor: number;
	unappliedCreditAmountMinor: number;
};

export class Receivables {
	openCount = 0;
	openAmount = 0;
	overdueCount = 0;
	overdueAmount = 0;
	disputedCount = 0;
	disputedAmount = 0;
	highValueOverdueCount = 0;
	writtenOffAmount = 0;
	openCredits = 0;
	private readonly bucketCount = new Float64Array(AGING_BUCKETS.length);
	private readonly bucketAmount = new Float64Array(AGING_BUCKETS.length);
	private readonly stateCount = new Float64Array(STATE_OF_INDEX.length);
	private readonly stateAmount = new Float64Array(STATE_OF_INDEX.length);

	constructor(private readonly owners: Owners) {}

	add(facts: InvoiceFacts): void {
		this.stateCount[facts.stateIndex]++;
		const { lifecycle, dueMinor } = facts;
		if (lifecycle === 'uncollectible' && dueMinor > 0)
			this.writtenOffAmount += facts.convert(dueMinor);
		// An open credit note (a negative amount due) is owed to the customer: it nets receivables, as it nets the
		// credit sales it was derived into.
		if (lifecycle === 'open' && dueMinor < 0) this.openCredits += facts.convert(-dueMinor);
		if (!facts.isOpen) return;

		const amount = facts.amount;
		this.openCount++;
		this.openAmount += amount;
		this.bucketCount[facts.bucketIndex]++;
		this.bucketAmount[facts.bucketIndex] += amount;
		this.stateAmount[facts.stateIndex] += amount;
		const money = facts.cell;
		money.count++;
		money.amountMinor += dueMinor;
		money.amount += amount;
		const owner = this.owners.cell(facts.owner);
		owner.count++;
		owner.amount += amount;
		const triage = facts.triage;
		const disputed =
			(facts.invoice.flags as Json).disputed === true ||
			facts.state === 'disputed' ||
			(triage !== undefined && (triage.intent === 'dispute' || triage.intents.includes('dispute')));
		if (disputed) {
			this.disputedCount++;
			this.disputedAmount += amount;
			owner.disputes++;
		}
		if (facts.promiseBroken) owner.brokenPromises++;
		if (facts.daysPastDue <= 0) return;

		this.overdueCount++;
		this.overdueAmount += amount;
		owner.overdueCount++;
		owner.overdueAmount += amount;
		if (money.highValueMinor !== null && dueMinor >= money.highValueMinor)
			this.highValueOverdueCount++;
	}

	/** Receivables net of open credit notes, and current (not yet due) ones: what DSO and CEI read. */
	get netReceivables(): number {
		return Math.max(0, this.openAmount - this.openCredits);
	}

	get currentReceivables(): number {
		return Math.max(0, this.bucketAmount[BUCKET_INDEX.not_due] - this.openCredits);
	}

	summary(): ReceivablesSummary {
		return {
			openCount: this.openCount,
			overdueCount: this.overdueCount,
			disputedCount: this.disputedCount,
			highValueOverdueCount: this.highValueOverdueCount,
			openAmountMinor: this.openAmount,
			overdueAmountMinor: this.overdueAmount,
			disputedAmountMinor: this.disputedAmount,
			writtenOffAmountMinor: this.writtenOffAmount,
			unappliedCreditAmountMinor: this.openCredits,
		};
	}

	byBucket(money: NamedMoney): Record<AgingBucket, ReportBucketCell> {
		const byBucket = {} as Record<AgingBucket, ReportBucketCell>;
		for (let bucket = 0; bucket < AGING_BUCKETS.length; bucket++) {
			byBucket[BUCKET_OF_INDEX[bucket]] = {
				count: this.bucketCount[bucket],
				...money('amount', this.bucketAmount[bucket]),
				share: this.openAmount > 0 ? round(this.bucketAmount[bucket] / this.openAmount, 4) : 0,
			};
		}
		return byBucket;
	}

	byState(money: NamedMoney): Partial<Record<PaymentStateName, ReportAmountCell>> {
		const byState: Partial<Record<PaymentStateName, ReportAmountCell>> = {};
		for (let state = 0; state < STATE_OF_INDEX.length; state++) {
			if (this.stateCount[state] === 0) continue;
			byState[STATE_OF_INDEX[state]] = {
				count: this.stateCount[state],
				...money('amount', this.stateAmount[state]),
			};
		}
		return byState;
	}

	/** Open money per invoice currency, the largest (converted) first. */
	static byCurrency(
		currencies: ReadonlyMap<string, CurrencyCell>,
		money: NamedMoney,
		locale: string,
	): ReportCurrencyCell[] {
		const byCurrency: ReportCurrencyCell[] = [];
		for (const [code, cell] of currencies) {
			if (cell.conversion === null) continue;
			byCurrency.push({
				currency: code,
				count: cell.count,
				amountMinor: cell.amountMinor,
				amount: minorToMajor(cell.amountMinor, code),
				amountFormatted: formatMoney(cell.amountMinor, code, locale),
				...money('convertedAmount', cell.amount),
				rate: cell.conversion.rateText,
			});
		}
		return byCurrency.sort((a, b) => b.convertedAmountMinor - a.convertedAmountMinor);
	}
}
