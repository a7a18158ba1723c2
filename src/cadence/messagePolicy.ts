/**
 * What a cadence policy says about its messages beyond the steps: the language to fall back to, and the seeds'
 * smaller courtesies (naming the previous reminder, the receipt check, the thank-you, the minimum balance, the
 * billing contact). Defaults follow the seeds.
 */
import { z } from 'zod';

export const MessagePolicySchema = z.object({
	/**
	 * Locale whose library answers when the customer's language has none (and formats that message's money and
	 * dates). Unset: the run's default locale, else en-US.
	 */
	fallbackLocale: z.string().min(2).optional(),
	/** Escalating reminders name the date of the previous reminder (seed 001: the +14 message refers to it). */
	referToPreviousReminder: z.boolean().default(true),
	/** No reminders while the amount due is below this, in minor units of the invoice currency (Xero). Default 0. */
	minimumBalanceMinor: z.number().int().min(0).default(0),
	/**
	 * Seed 004's receipt check: one "did invoice X reach you?" e-mail `afterDays` after the issue date, only while
	 * the invoice is not yet due and before any reminder. Off unless a policy turns it on.
	 */
	receiptCheck: z
		.object({
			enabled: z.boolean().default(false),
			/** Days after the issue (sent) date: 2 is the seed's 48 hours. */
			afterDays: z.number().int().min(1).max(60).default(2),
		})
		.default({}),
	/**
	 * Chaser's thank-you: once, when an invoice that was chased (a reminder went out) turns paid, within
	 * `withinDays` of the payment. Off unless a policy turns it on.
	 */
	thankYou: z
		.object({
			enabled: z.boolean().default(false),
			/** Also thank customers who paid without ever being reminded. */
			evenIfNotChased: z.boolean().default(false),
			/** No thank-you when the payment is older than this many days (when the source gives the paid date). */
			withinDays: z.number().int().min(0).max(365).default(7),
		})
		.default({}),
	/** With several contacts, the designated billing contact gets the message (seed 001). Default on. */
	preferBillingContact: z.boolean().default(true),
});
export type MessagePolicy = z.infer<typeof MessagePolicySchema>;
