/**
 * The escalation rule book (zod, every field defaulted) and the shapes Escalation Gate reads and writes.
 * Types are inferred from these schemas and never written twice.
 */
import { z } from 'zod';

import { ruleSettingsSchema } from './rule';
import { ESCALATION_RULES } from './rules';

import { PublicHolidaysSchema } from '../cadence/holidays';
import { WEEKDAYS } from '../cadence/policy';
import { CalendarDateSchema, CUSTOMER_TIERS, OwnerSchema, type Invoice } from '../invoice/schema';
import type { PaymentState } from '../state/schema';
import type { CadenceResult } from '../contract/cadence';
import type { EscalationReasonDetailSchema, EscalationResultSchema } from '../contract/escalation';
import type { TriageRead } from '../contract/triage';

export { ESCALATION_PRIORITIES, EscalationPrioritySchema, type EscalationPriority } from './rule';
export { ESCALATION_RULES, DEFAULT_ESCALATION_HIGH_VALUE } from './rules';

type EscalationRuleList = typeof ESCALATION_RULES;
type AnyRule = EscalationRuleList[number];

/** Reason codes, in the order rules are checked (and the order reasons of equal priority are listed). */
export const ESCALATION_REASONS = ESCALATION_RULES.map(
	(rule) => rule.code,
) as unknown as CodesOf<EscalationRuleList>;
type CodesOf<Rules extends readonly unknown[]> = {
	readonly [Index in keyof Rules]: Rules[Index] extends { code: infer Code } ? Code : never;
};
export type EscalationReasonCode = AnyRule['code'];
/** The key of each rule's settings in the rules object, by reason code. */
export type EscalationRuleKey = AnyRule['key'];

type ShapeOf<Rule> = Rule extends { settings: infer Shape extends z.ZodRawShape } ? Shape : never;
type RuleShapes = {
	[Rule in AnyRule as Rule['key']]: ReturnType<typeof ruleSettingsSchema<ShapeOf<Rule>>>;
};
const ruleShapes = Object.fromEntries(
	ESCALATION_RULES.map((rule) => [rule.key, ruleSettingsSchema(rule)]),
) as unknown as RuleShapes;

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
		/** ISO weekdays the team works (1 = Monday … 7 = Sunday), or the cadence policy's names ('mon' … 'sun'). */
		workdays: z
			.array(
				z.union([
					z.number().int().min(1).max(7),
					z.enum(WEEKDAYS).transform((day) => WEEKDAYS.indexOf(day) + 1),
				]),
			)
			.min(1)
			.default([1, 2, 3, 4, 5]),
		/** Dates (`YYYY-MM-DD`) the team does not work. */
		holidays: z.array(CalendarDateSchema).default([]),
		/**
		 * Public holidays that stop the SLA clock (date-holidays, as the cadence send window uses them): the
		 * customer's country and region, else `country`/`region`. Off unless set, so deadlines stay as they were.
		 */
		publicHolidays: PublicHolidaysSchema.extend({
			fromCustomer: z.boolean().default(false),
		}).default({}),
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
	...ruleShapes,
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
		amountDueFormatted: string | null;
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
		/** Late fees and interest the cadence policy computed (for the person; never invoiced by the nodes). */
		lateFees: string | null;
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
	/** Open cases (from the collections ledger or static data); when given, duplicates join their open case and new escalations are recorded in it. */
	ledger?: EscalationLedger;
	/** evaluateEscalations only: one case per customer and main reason (see evaluateEscalations). */
	groupByCustomer?: boolean;
}
