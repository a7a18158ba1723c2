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
});
export type MessagePolicy = z.infer<typeof MessagePolicySchema>;
