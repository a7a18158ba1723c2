import { z } from 'zod';

import { formatMoney, toMinor } from '../../money';
import { defineEscalationRule } from '../rule';

/** High-value thresholds in major units per currency (roughly 10,000 USD each); settable per currency. */
export const DEFAULT_ESCALATION_HIGH_VALUE: Readonly<Record<string, number>> = {
	USD: 10_000,
	EUR: 10_000,
	GBP: 8_000,
	CAD: 13_000,
	AUD: 15_000,
	NZD: 16_000,
	CHF: 9_000,
	SEK: 100_000,
	NOK: 100_000,
	DKK: 70_000,
	JPY: 1_500_000,
	INR: 800_000,
	SGD: 13_000,
	MXN: 180_000,
	BRL: 50_000,
	KWD: 3_000,
};

export const highValue = defineEscalationRule({
	code: 'high_value',
	key: 'highValue',
	priority: 'P1',
	label: 'High Value',
	description:
		'The amount due is at or above the threshold for its currency (the High-Value Thresholds table)',
	reasonLabel: 'high value',
	nextAction:
		"Call the customer's finance contact personally, confirm nothing blocks payment and agree a payment date; log it as a promise.",
	settings: {
		/** Major units per currency (compared in minor units). */
		thresholds: z
			.record(z.string(), z.number().positive())
			.default({ ...DEFAULT_ESCALATION_HIGH_VALUE }),
		/** Threshold for currencies missing from the table; unset means those currencies never count as high value. */
		otherCurrencies: z.number().positive().optional(),
		/** Also honour Payment State Check's own `high_value` signal. */
		trustSignal: z.boolean().default(true),
	},
	// The thresholds and the amount for other currencies are the shared high-value form (nodes/shared/highValue.ts).
	fields: [
		{
			name: 'trustHighValueSignal',
			displayName: "Honour Payment State Check's High-Value Signal",
			type: 'boolean',
			setting: 'trustSignal',
			description: "Whether Payment State Check's own high_value signal also escalates",
		},
	],
	/** Thresholds in minor units per currency, converted once per rule set. */
	compile: () => new Map<string, number | null>(),
	evaluate(context, settings, minorByCurrency) {
		const invoice = context.invoice;
		if (!invoice || !context.collectible) return null;
		let threshold = minorByCurrency.get(invoice.currency);
		if (threshold === undefined) {
			const major = settings.thresholds[invoice.currency] ?? settings.otherCurrencies;
			threshold = major === undefined ? null : toMinor(major, invoice.currency);
			minorByCurrency.set(invoice.currency, threshold);
		}
		const over = threshold !== null && invoice.amountDueMinor >= threshold;
		if (!over && !(settings.trustSignal && context.signals.has('high_value'))) return null;
		return {
			message: over
				? `High-value balance: ${invoice.amountDueFormatted} due (threshold ${formatMoney(threshold!, invoice.currency, context.locale)}).`
				: `High-value balance: ${invoice.amountDueFormatted} due (flagged by Payment State Check).`,
			evidence: [`amount due ${invoice.amountDueFormatted}`],
		};
	},
});
