/**
 * Late fees and interest a policy entitles the creditor to, computed exactly in minor units. They are shown to a
 * person (Cadence Step's plan, the escalation packet, the Collections Report); a customer reads them only in the
 * approved sentence, when the policy says so; nothing here is ever written back to the accounting system.
 */
import { z } from 'zod';

import { dateOfDay, dayNumber } from '../dates';
import type { Invoice } from '../invoice/schema';
import { currencyDecimals } from '../money';

export const LATE_FEE_KINDS = ['fixed', 'monthly_percent', 'statutory'] as const;
export const STATUTORY_COMPENSATION = ['none', 'uk', 'eu'] as const;

/** A rate in percent with at most four decimals (8, 1.5, 4.25, 2.1525). */
const PercentSchema = z
	.number()
	.min(0)
	.max(100)
	.refine((value) => Number.isInteger(Math.round(value * 10_000 * 1e6) / 1e6), {
		message: 'use at most four decimals in a percentage',
	});

export const LateFeePolicySchema = z.object({
	kind: z.enum(LATE_FEE_KINDS),
	/** Calendar days after the due date before anything accrues. */
	graceDays: z.number().int().min(0).max(365).default(0),
	/** `fixed`: one fee, in minor units of the invoice currency, once the invoice is late. */
	fixedMinor: z.number().int().min(0).default(0),
	/** `monthly_percent`: percent of the open amount per month, simple (never compounded). */
	monthlyPercent: PercentSchema.default(0),
	/** `monthly_percent`: per started month since the due date, or pro rata per day (12 months = 365 days). */
	accrual: z.enum(['started_month', 'daily']).default('started_month'),
	/**
	 * `statutory`: the reference rate in percent (the Bank of England base rate for the UK Late Payment of
	 * Commercial Debts Act, the ECB main refinancing rate for the EU directive). A parameter: rates change.
	 */
	referenceRatePercent: PercentSchema.default(0),
	/** `statutory`: points over the reference rate (8 in the UK and under Directive 2011/7/EU). */
	marginPercent: PercentSchema.default(8),
	/** `statutory`: the fixed compensation per invoice (UK £40/£70/£100 by debt size; EU at least €40). */
	compensation: z.enum(STATUTORY_COMPENSATION).default('none'),
	/** Let the approved late-fee sentence appear in customer messages (default: shown to people only). */
	inCustomerText: z.boolean().default(false),
});
export type LateFeePolicy = z.infer<typeof LateFeePolicySchema>;
export type LateFeePolicyInput = z.input<typeof LateFeePolicySchema>;

export interface LateFees {
	currency: string;
	/** The open amount the fees are computed on. */
	principalMinor: number;
	/** Calendar days late, after the grace days. */
	daysLate: number;
	/** Fixed fee or statutory compensation. */
	feeMinor: number;
	interestMinor: number;
	totalMinor: number;
	/** Yearly rate in percent for statutory interest, monthly for monthly_percent; absent for a fixed fee. */
	ratePercent?: number;
	/** The calendar day the amounts are computed for. */
	asOfDate: string;
	/** How the amount was reached, for the person who reads it ("12% a year on £2,500.00 for 30 days + £70"). */
	basis: string;
}

/** Percent with four decimals as an integer number of ten-thousandths of a percent (8.25 → 82 500). */
function percentUnits(percent: number): bigint {
	return BigInt(Math.round(percent * 10_000));
}

const PERCENT_DENOMINATOR = 100n * 10_000n;

/** numerator / denominator rounded half up (both positive). */
function divideRounded(numerator: bigint, denominator: bigint): number {
	return Number((numerator * 2n + denominator) / (denominator * 2n));
}

/** Started months between two calendar days: month 1 starts on the day after the due date. */
function startedMonths(from: string, to: string): number {
	const [fromYear, fromMonth, fromDay] = from.split('-').map(Number);
	const [toYear, toMonth, toDay] = to.split('-').map(Number);
	const whole = (toYear - fromYear) * 12 + (toMonth - fromMonth) - (toDay < fromDay ? 1 : 0);
	// A period that ends exactly on the monthly anniversary has not started the next month yet.
	return Math.max(0, toDay === fromDay ? whole : whole + 1);
}

/** The minor units of a major amount in this currency (compensation thresholds, the fixed sums). */
function major(amount: number, currency: string): number {
	return amount * 10 ** currencyDecimals(currency);
}

/** UK: £40 under £1,000, £70 under £10,000, £100 from £10,000 (Late Payment of Commercial Debts Regulations 2002). */
function ukCompensation(principalMinor: number, currency: string): number {
	if (principalMinor < major(1000, currency)) return major(40, currency);
	if (principalMinor < major(10_000, currency)) return major(70, currency);
	return major(100, currency);
}

function dayOf(date: string): number {
	const day = dayNumber(date);
	if (day === null) throw new RangeError(`"${date}" is not a calendar date (YYYY-MM-DD)`);
	return day;
}

/**
 * `computeLateFees(invoice, policy, asOfDate)`: what the policy entitles to on the open amount as of a calendar day.
 * Zero amounts (daysLate 0) before the due date plus grace, for a paid invoice, or one without a due date.
 */
export function computeLateFees(
	invoice: Pick<Invoice, 'amountDueMinor' | 'currency' | 'dueOn'>,
	policy: LateFeePolicy,
	asOfDate: string,
): LateFees {
	const currency = invoice.currency;
	const principalMinor = Math.max(0, invoice.amountDueMinor);
	const start = invoice.dueOn ? dayOf(invoice.dueOn) + policy.graceDays : null;
	const daysLate = start === null ? 0 : Math.max(0, dayOf(asOfDate) - start);
	const none: LateFees = {
		currency,
		principalMinor,
		daysLate: 0,
		feeMinor: 0,
		interestMinor: 0,
		totalMinor: 0,
		asOfDate,
		basis: 'not late',
	};
	if (daysLate === 0 || principalMinor === 0) return none;
	const principal = BigInt(principalMinor);
	let feeMinor = 0;
	let interestMinor = 0;
	let ratePercent: number | undefined;
	let basis: string;
	switch (policy.kind) {
		case 'fixed':
			feeMinor = policy.fixedMinor;
			basis = `fixed fee once ${daysLate} days late`;
			break;
		case 'monthly_percent': {
			ratePercent = policy.monthlyPercent;
			const rate = percentUnits(policy.monthlyPercent);
			if (policy.accrual === 'daily') {
				interestMinor = divideRounded(
					principal * rate * 12n * BigInt(daysLate),
					PERCENT_DENOMINATOR * 365n,
				);
				basis = `${policy.monthlyPercent}% a month, pro rata for ${daysLate} days`;
			} else {
				const months = startedMonths(dateOfDay(start!), asOfDate);
				interestMinor = divideRounded(principal * rate * BigInt(months), PERCENT_DENOMINATOR);
				basis = `${policy.monthlyPercent}% a month for ${months} started ${months === 1 ? 'month' : 'months'}`;
			}
			break;
		}
		case 'statutory': {
			ratePercent = round4(policy.referenceRatePercent + policy.marginPercent);
			const rate = percentUnits(policy.referenceRatePercent) + percentUnits(policy.marginPercent);
			interestMinor = divideRounded(
				principal * rate * BigInt(daysLate),
				PERCENT_DENOMINATOR * 365n,
			);
			if (policy.compensation === 'uk') feeMinor = ukCompensation(principalMinor, currency);
			else if (policy.compensation === 'eu') feeMinor = major(40, currency);
			basis = `${ratePercent}% a year (${policy.referenceRatePercent}% reference + ${policy.marginPercent} points) for ${daysLate} days${feeMinor ? ' plus the fixed compensation' : ''}`;
			break;
		}
	}
	return {
		currency,
		principalMinor,
		daysLate,
		feeMinor,
		interestMinor,
		totalMinor: feeMinor + interestMinor,
		...(ratePercent !== undefined ? { ratePercent } : {}),
		asOfDate,
		basis,
	};
}

function round4(value: number): number {
	return Math.round(value * 10_000) / 10_000;
}
