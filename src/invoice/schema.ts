/**
 * The normalised invoice: the currency between all five nodes. Canonical names are fixed by DESIGN.md
 * (add fields freely, rename none). Types are inferred from these schemas and never written twice.
 */
import { z } from 'zod';

import {
	EMAIL_RULE,
	MESSAGE_ID_RULE,
	URL_RULE,
	isEmailAddress,
	isHttpUrl,
	isMessageId,
} from '../address';
import { isCalendarDate } from '../dates';
import { INVOICE_SOURCE_REGISTRY } from './adapters';

type SourceKeys<Sources extends readonly { key: string }[]> = {
	-readonly [Index in keyof Sources]: Sources[Index]['key'];
};
/** The source keys, from the registry (src/invoice/adapters/index.ts): one file per source. */
export const INVOICE_SOURCES = INVOICE_SOURCE_REGISTRY.map((source) => source.key) as SourceKeys<
	typeof INVOICE_SOURCE_REGISTRY
>;
export type InvoiceSource = (typeof INVOICE_SOURCES)[number];

export const CUSTOMER_TIERS = ['strategic', 'standard', 'transactional', 'friction'] as const;
export type CustomerTier = (typeof CUSTOMER_TIERS)[number];

/**
 * Where the invoice is in its life at the source, once the vendor's own words are read:
 * Stripe `uncollectible`, Xero `VOIDED`, QuickBooks `TotalAmt 0 + "Voided"` all land on one of these.
 */
export const LIFECYCLES = ['draft', 'open', 'paid', 'void', 'uncollectible'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

export const CalendarDateSchema = z.string().refine(isCalendarDate, (value) => ({
	message: `"${value}" is not a calendar date (YYYY-MM-DD)`,
}));

const optionalText = z.string().min(1).optional();
/** Values that reach a message header or an href: validated here, so no consumer can pass a bad one on. */
export const EmailSchema = z.string().refine(isEmailAddress, { message: `e-mail ${EMAIL_RULE}` });
export const MessageIdSchema = z
	.string()
	.refine(isMessageId, { message: `messageId ${MESSAGE_ID_RULE}` });
export const HttpUrlSchema = z.string().refine(isHttpUrl, { message: `link ${URL_RULE}` });

export const CustomerSchema = z.object({
	id: optionalText,
	name: z.string().min(1),
	tier: z.enum(CUSTOMER_TIERS).optional(),
	timezone: optionalText,
	locale: optionalText,
	region: optionalText,
	/** ISO 3166-1 alpha-2 country (or its English name), for the customer's public holidays. */
	country: optionalText,
});

export const ContactSchema = z.object({
	email: EmailSchema.optional(),
	name: optionalText,
	title: optionalText,
	phone: optionalText,
	isBillingContact: z.boolean().optional(),
});

export const OwnerSchema = z.object({
	name: optionalText,
	email: EmailSchema.optional(),
	slackId: optionalText,
});

export const FlagsSchema = z.object({
	disputed: z.boolean().optional(),
	optedOut: z.boolean().optional(),
	paused: z.boolean().optional(),
	/** Set by Escalation Gate: a person owns the case now, so Cadence Step holds it. */
	automationPaused: z.boolean().optional(),
});

/** A promise to pay. `date` is null when only the history of broken promises is known. */
export const PromiseSchema = z.object({
	date: CalendarDateSchema.nullable(),
	amount: z.number().optional(),
	brokenCount: z.number().int().min(0).optional(),
});

export const InvoiceSchema = z.object({
	id: z.string().min(1),
	number: z.string().min(1),
	source: z.enum(INVOICE_SOURCES),
	/** The source's own status text, kept verbatim ("AUTHORISED", "open", "partial"). */
	status: z.string(),
	lifecycle: z.enum(LIFECYCLES),
	currency: z.string().regex(/^[A-Z]{3}$/, 'currency must be a 3-letter ISO 4217 code'),
	/** Major units, rounded to the currency's decimals (for people and sheets). */
	total: z.number(),
	amountPaid: z.number(),
	amountDue: z.number(),
	/** Integer minor units: the authoritative amounts every calculation uses. */
	totalMinor: z.number().int(),
	amountPaidMinor: z.number().int(),
	amountDueMinor: z.number().int(),
	amountDueFormatted: z.string(),
	issuedOn: CalendarDateSchema.nullable(),
	dueOn: CalendarDateSchema.nullable(),
	/** When it was paid in full, where the source says (Stripe paid_at, Xero FullyPaidOnDate, FreshBooks date_paid). */
	paidOn: CalendarDateSchema.optional(),
	customer: CustomerSchema,
	contact: ContactSchema,
	/**
	 * Every contact the source names for the invoice, `contact` among them when it has an address (QuickBooks
	 * BillEmail, Stripe customer_email, Xero contact persons with IncludeInEmails, FreshBooks contacts, a sheet's
	 * `contacts` or `billingEmail`). `isBillingContact` marks the designated billing contact, whom Cadence Step
	 * writes to (policy `messages.preferBillingContact`).
	 */
	contacts: z.array(ContactSchema).optional(),
	paymentUrl: HttpUrlSchema.optional(),
	/** Where a person can read the invoice itself (Stripe hosted page, QuickBooks InvoiceLink, Xero online invoice, FreshBooks share link). */
	documentUrl: HttpUrlSchema.optional(),
	/** The invoice as a PDF file (Stripe invoice_pdf). */
	pdfUrl: HttpUrlSchema.optional(),
	poNumber: optionalText,
	poRequired: z.boolean().optional(),
	owner: OwnerSchema.optional(),
	flags: FlagsSchema,
	promise: PromiseSchema.optional(),
	failedPaymentAttempts: z.number().int().min(0).optional(),
	lastReplyAt: optionalText,
	lastTouchAt: optionalText,
	/** Message-ID of the original invoice email, so follow-ups land in the same thread. */
	messageId: MessageIdSchema.optional(),
});

export type Invoice = z.infer<typeof InvoiceSchema>;
export type Customer = z.infer<typeof CustomerSchema>;
export type Contact = z.infer<typeof ContactSchema>;
export type Owner = z.infer<typeof OwnerSchema>;
export type InvoicePromise = z.infer<typeof PromiseSchema>;

export interface FieldError {
	/** Where the problem is, in the source record's own field names ("dueDate", "Invoices[0].DueDate"). */
	path: string;
	message: string;
}

export type NormalizeResult = { ok: true; invoice: Invoice } | { ok: false; errors: FieldError[] };
