/**
 * The escalation rule book (zod, every field defaulted) and the shapes Escalation Gate reads and writes.
 * Types are inferred from these schemas and never written twice.
 */
import { z } from 'zod';

import { CalendarDateSchema, CUSTOMER_TIERS, OwnerSchema, type Invoice } from '../invoice/schema';
import type { PaymentState } from '../state/schema';
import type { CadenceResult } from '../contract/cadence';
import type { EscalationReasonDetailSchema, EscalationResultSchema } from '../contract/escalation';
import type { TriageRead } from '../contract/triage';

export const ESCALATION_PRIORITIES = ['P1', 'P2', 'P3'] as const;
export const EscalationPrioritySchema = z.enum(ESCALATION_PRIORITIES);
export type EscalationPriority = z.infer<typeof EscalationPrioritySchema>;

/** Reason codes, in the order rules are checked (and the order reasons of equal priority are listed). */
export const ESCALATION_REASONS = [
	'legal_threat',
	'high_value',
	'dispute',
	'complaint',
	'refund_request',
	'failed_payment',
	'broken_promises',
	'guardrail',
	'csuite_contact',
	'strategic_final_notice',
	'payment_plan',
	'wrong_contact',
	'days_past_due',
	'upstream_request',
] as const;
export type EscalationReasonCode = (typeof ESCALATION_REASONS)[number];

function rule(priority: EscalationPriority) {
	return {
		enabled: z.boolean().default(true),
		priority: EscalationPrioritySchema.default(priority),
	};
}

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

export const EscalationRouteSchema = z.object({
	/** Customer tier this route applies to; omitted or "any" for every tier. */
	tier: z.enum([...CUSTOMER_TIERS, 'any']).optional(),
	/** Customer region, compared case-insensitively; omitted or empty for every region. */
	region: z.string().optional(),
	/** Currency the amount range is written in; omitted for any currency (the range is then read in the invoice's currency). */
	currency: z.string().optional(),
	/** Inclusive lower bound of the amount due, major units. */
	minAmount: z.number().min(0).optional(),
	/** Exclusive upper bound of the amount due, major units. */
	maxAmount: z.number().positive().optional(),
	owner: OwnerSchema,
});
export type EscalationRoute = z.infer<typeof EscalationRouteSchema>;

/** Renders of the packet: Slack Block Kit, the Send and Wait mrkdwn message, email HTML, plain text. */
export const ESCALATION_PACKET_FORMATS = ['slack', 'slackApproval', 'html', 'text'] as const;

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM (24-hour)');

export const EscalationSlaSchema = z
	.object({
		/** Zone of the team that picks up escalations (IANA). */
		timezone: z.string().default('UTC'),
		start: HHMM.default('09:00'),
		end: HHMM.default('17:00'),
		/** ISO weekdays the team works (1 = Monday … 7 = Sunday). */
		workdays: z.array(z.number().int().min(1).max(7)).min(1).default([1, 2, 3, 4, 5]),
		/** Dates (`YYYY-MM-DD`) the team does not work. */
		holidays: z.array(CalendarDateSchema).default([]),
		/** Business hours to first response, per priority. */
		hours: z
			.object({
				P1: z.number().positive().default(4),
				P2: z.number().positive().default(8),
				P3: z.number().positive().default(24),
			})
			.default({}),
	})
	.refine((sla) => sla.start < sla.end, {
		message: 'the business day must start before it ends',
		path: ['end'],
	});

export const EscalationRulesSchema = z.object({
	/** Disputed flag, a dispute state, or a reply that disputes the invoice. */
	dispute: z.object(rule('P2')).default({}),
	legalThreat: z.object(rule('P1')).default({}),
	/** Complaint or angry reply. */
	complaint: z.object(rule('P2')).default({}),
	refundRequest: z.object(rule('P2')).default({}),
	/** Installments, extensions or custom terms asked for in a reply. */
	paymentPlan: z.object(rule('P3')).default({}),
	wrongContact: z
		.object({
			...rule('P3'),
			/** A bounced reminder counts as a wrong contact. */
			includeBounce: z.boolean().default(true),
			/** An invoice with no contact email at all counts too: nobody can be reminded. */
			includeMissingContact: z.boolean().default(true),
		})
		.default({}),
	failedPayment: z
		.object({
			...rule('P2'),
			minAttempts: z.number().int().min(1).default(1),
			/** A reply that says the payment link does not work, or the payment was declined. */
			detectLinkProblems: z.boolean().default(true),
		})
		.default({}),
	/** The handoff: past this many days overdue automation gives the case to a person. */
	daysPastDue: z.object({ ...rule('P3'), days: z.number().int().min(1).default(30) }).default({}),
	highValue: z
		.object({
			...rule('P1'),
			/** Major units per currency (compared in minor units). */
			thresholds: z
				.record(z.string(), z.number().positive())
				.default({ ...DEFAULT_ESCALATION_HIGH_VALUE }),
			/** Threshold for currencies missing from the table; unset means those currencies never count as high value. */
			otherCurrencies: z.number().positive().optional(),
			/** Also honour Payment State Check's own `high_value` signal. */
			trustSignal: z.boolean().default(true),
		})
		.default({}),
	brokenPromises: z
		.object({ ...rule('P2'), count: z.number().int().min(1).default(2) })
		.default({}),
	/** An executive contact who is not the billing contact. */
	csuiteContact: z.object(rule('P2')).default({}),
	/** A strategic account about to get the final notice: the account owner reviews it first. */
	strategicFinalNotice: z
		.object({
			...rule('P2'),
			tiers: z.array(z.enum(CUSTOMER_TIERS)).default(['strategic']),
			/** Matched (case-insensitive) against the planned step's id, template and tone. */
			finalStepPattern: z.string().min(1).default('final'),
		})
		.default({}),
	/** A guardrail finding from Cadence Step (a refused template). */
	guardrail: z.object(rule('P2')).default({}),
	/** Reply Triage or Cadence Step asked for a person for a reason no other rule names. */
	upstreamRequest: z.object(rule('P3')).default({}),

	routing: z.array(EscalationRouteSchema).default([]),
	fallbackOwner: OwnerSchema.optional(),
	sla: EscalationSlaSchema.default({}),
	dedup: z
		.object({
			enabled: z.boolean().default(true),
			/** The same invoice with the same reason is not escalated again within this many days. */
			withinDays: z.number().min(0).default(7),
		})
		.default({}),
	packet: z
		.object({
			/** Mask the contact's email and phone (and any email address) in the Slack packet. */
			redactContact: z.boolean().default(false),
			locale: z.string().default('en-US'),
			title: z.string().min(1).max(100).default('Collections escalation'),
			maxEvidence: z.number().int().min(0).max(20).default(5),
			maxHistory: z.number().int().min(0).max(30).default(10),
			/** Which renders the packet carries (each costs memory per escalated item). Default all four. */
			formats: z.array(z.enum(ESCALATION_PACKET_FORMATS)).default([...ESCALATION_PACKET_FORMATS]),
			/** Link shown as "Open invoice" (e.g. the accounting system's invoice page); `{id}` and `{number}` are replaced. */
			invoiceUrlTemplate: z.string().optional(),
		})
		.default({}),
});
export type EscalationRules = z.infer<typeof EscalationRulesSchema>;
export type EscalationRulesInput = z.input<typeof EscalationRulesSchema>;
export type EscalationSla = z.infer<typeof EscalationSlaSchema>;

/** `$json.triage` and `$json.cadence` as Escalation Gate reads them: the producers' own schemas (src/contract). */
export type EscalationTriage = TriageRead;
export type EscalationCadence = CadenceResult;

/** The reply itself, when the item still carries it (email trigger fields). */
export const EscalationReplySchema = z.object({
	from: z.string().optional(),
	subject: z.string().optional(),
	receivedAt: z.string().optional(),
	text: z.string().optional(),
});
export type EscalationReply = z.infer<typeof EscalationReplySchema>;

/** One item's worth of context: any of the four keys the upstream nodes add. */
export interface EscalationInput {
	invoice?: Invoice;
	paymentState?: Partial<PaymentState>;
	triage?: EscalationTriage;
	cadence?: EscalationCadence;
	reply?: EscalationReply;
}

export type EscalationOwner = z.infer<typeof OwnerSchema>;

export type EscalationReasonDetail = z.infer<typeof EscalationReasonDetailSchema>;

export interface EscalationPacket {
	/** One line: priority, invoice, customer, amount, age, reasons. */
	summary: string;
	/** Subject line for an email packet. */
	subject: string;
	facts: {
		invoiceNumber: string | null;
		invoiceId: string | null;
		customer: string | null;
		amountDue: string | null;
		amountDueMinor: number | null;
		currency: string | null;
		dueOn: string | null;
		daysPastDue: number | null;
		agingBucket: string | null;
		tier: string | null;
		region: string | null;
		contact: string | null;
		contactEmail: string | null;
		contactPhone: string | null;
		invoiceUrl: string | null;
		paymentUrl: string | null;
	};
	state: { state: string | null; signals: string[]; reasons: string[] };
	lastReply: {
		from: string | null;
		subject: string | null;
		receivedAt: string | null;
		excerpt: string | null;
		intent: string;
		intents: string[];
		confidence: number | null;
		summary: string | null;
		evidence: string[];
	} | null;
	cadence: {
		action: string;
		reason: string | null;
		step: string | null;
		findings: string[];
		history: string[];
	} | null;
	nextAction: string;
	/** `{ text, blocks }`: paste into the Slack node (Message Type "Blocks") as-is. */
	slack?: { text: string; blocks: EscalationSlackBlock[] };
	/**
	 * mrkdwn for the Slack node's "Send and Wait for Approval" message (≤ 3000 characters). Encoded for that
	 * operation, which decodes one level of HTML entities before posting: put it in the Message field as-is.
	 */
	slackApprovalMessage?: string;
	/** Email-safe HTML (inline styles, tables, no scripts, no external images). */
	html?: string;
	text?: string;
}

/** The subset of Slack Block Kit the packet uses. */
export type EscalationSlackText = { type: 'mrkdwn' | 'plain_text'; text: string; emoji?: boolean };
export type EscalationSlackBlock =
	| { type: 'header'; text: EscalationSlackText }
	| { type: 'section'; text?: EscalationSlackText; fields?: EscalationSlackText[] }
	| { type: 'context'; elements: EscalationSlackText[] }
	| { type: 'divider' };

export type EscalationResult = z.infer<typeof EscalationResultSchema>;

/** Escalation ledger: key → reason → ISO instant it was last escalated. Plain JSON, kept in static data. */
export type EscalationLedger = Record<string, Record<string, string>>;

export interface EscalationContext {
	/** The moment of evaluation (Date, ISO timestamp or epoch ms). Default now. */
	asOf?: Date | string | number;
	/** De-duplication ledger; when given, duplicates are detected and new escalations recorded in it. */
	ledger?: EscalationLedger;
}
