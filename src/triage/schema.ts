/**
 * The reply-triage contract: intent labels, the input a reply is read from, and the result every engine
 * (rules, AI, hybrid) returns. Types come from these zod schemas, never written twice.
 */
import { z } from 'zod';

import { CalendarDateSchema } from '../invoice/schema';

/** Reply intents, exactly the labels in DESIGN.md. */
export const REPLY_INTENTS = [
	'promise_to_pay',
	'already_paid',
	'dispute',
	'missing_documents',
	'wrong_contact',
	'out_of_office',
	'payment_plan',
	'refund_request',
	'legal_threat',
	'complaint',
	'opt_out',
	'question',
	'acknowledged',
	'bounce',
	'other',
] as const;
export const ReplyIntentSchema = z.enum(REPLY_INTENTS);
export type ReplyIntent = z.infer<typeof ReplyIntentSchema>;

/**
 * Severity order, most severe first: when a reply carries several intents the primary one is the first here.
 * The head of the list is the order; the tail is ours (documents block payment, so they outrank a promise).
 */
export const INTENT_SEVERITY: readonly ReplyIntent[] = [
	'legal_threat',
	'dispute',
	'complaint',
	'refund_request',
	'payment_plan',
	'wrong_contact',
	'bounce',
	'opt_out',
	'already_paid',
	'missing_documents',
	'promise_to_pay',
	'out_of_office',
	'question',
	'acknowledged',
	'other',
];

/**
 * Intents that always go to a person now (the escalate class). A wrong contact escalates even when the reply names
 * the new address (seed 000: a person makes the one-click update); a bounce is not here: it stops the cadence and
 * keeps its own handling (Escalation Gate's wrong-contact rule).
 */
export const ESCALATING_INTENTS: readonly ReplyIntent[] = [
	'legal_threat',
	'dispute',
	'complaint',
	'refund_request',
	'payment_plan',
	'wrong_contact',
];

/** Intents a model may never talk the rules engine or the learned classifier out of: the whole escalate class. */
export const PROTECTED_INTENTS: readonly ReplyIntent[] = ESCALATING_INTENTS;

/** Documents a customer can ask for. */
export const DOCUMENT_KINDS = [
	'invoice_copy',
	'purchase_order',
	'w9',
	'receipt',
	'statement',
	'bank_details',
	'credit_note',
] as const;
export const DocumentKindSchema = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

export const ReplyInputSchema = z.object({
	subject: z.string().default(''),
	text: z.string().default(''),
	html: z.string().optional(),
	/** The sender, as "Name <address>" or a bare address. */
	from: z.string().default(''),
	/** When the reply arrived: ISO timestamp, epoch milliseconds or a Date. */
	receivedAt: z.union([z.string(), z.number(), z.date()]),
	/** Header names in any case; values as strings or arrays of strings. */
	headers: z.record(z.union([z.string(), z.array(z.string())])).optional(),
});
export type ReplyInput = z.input<typeof ReplyInputSchema>;

export interface TriageOptions {
	/** IANA zone the customer's relative dates are read in ("next Friday" is Friday there). Default UTC. */
	timezone?: string;
	/** The calendar date relative dates resolve against; default: the date of `receivedAt` in `timezone`. */
	referenceDate?: string;
	/** Days an "already paid" reply pauses the cadence while the payment clears. Default 5; 0 disables. */
	paidPauseDays?: number;
	/** Where a reply the engine could not read (intent "other") goes. Default 'review'. */
	unrecognised?: 'review' | 'none' | 'escalate';
	/** A promised date more than this many days after the reply needs a person (route review). Default 60. */
	maxPromiseDays?: number;
	/** Below this confidence a reply that would not escalate goes to review. Default REVIEW_BELOW. */
	reviewBelow?: number;
	/** Read the reply with the shipped learned classifier beside the rules. Default true. */
	learned?: boolean;
}

export const AmountSchema = z.object({
	/** As written in the reply. */
	text: z.string(),
	/** Major units. */
	value: z.number(),
	/** ISO 4217 code when the reply shows one (a symbol or a code), else null. */
	currency: z.string().nullable(),
	/** Integer minor units when the currency is known, else null. */
	minor: z.number().int().nullable(),
});
export type ExtractedAmount = z.infer<typeof AmountSchema>;

export const ExtractedSchema = z.object({
	promisedDate: CalendarDateSchema.optional(),
	newContactEmail: z.string().optional(),
	returnDate: CalendarDateSchema.optional(),
	amount: AmountSchema.optional(),
	invoiceNumbers: z.array(z.string()),
	documentsRequested: z.array(DocumentKindSchema),
});
export type Extracted = z.infer<typeof ExtractedSchema>;

export const EvidenceSchema = z.object({
	/** The intent this evidence supports, or null for a signal (auto-reply header, failed payment link, injection). */
	intent: ReplyIntentSchema.nullable(),
	/** Stable rule id, e.g. "legal.lawyer" or "header.auto-submitted". */
	rule: z.string(),
	/** The words that matched, with a little context. */
	snippet: z.string(),
	weight: z.number(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/** Present only on results from the AI or hybrid engine: what the model did and whether the rules stood in. */
export const AiTraceSchema = z.object({
	engine: z.enum(['ai', 'hybrid']),
	/** False when hybrid trusted the rules and never asked the model. */
	called: z.boolean(),
	model: z.string(),
	/** The model's own label, before the guard. */
	modelIntent: ReplyIntentSchema.optional(),
	/** Why the rules result was used instead of the model's (timeout, malformed JSON, ...). */
	fallback: z.string().optional(),
	/** Protected intents the rules saw that the model left out or downgraded; they were kept. */
	guarded: z.array(ReplyIntentSchema),
});
export type AiTrace = z.infer<typeof AiTraceSchema>;

/**
 * Where a triaged reply goes next. escalate: a person now, with a priority; review: a person reads it at low
 * priority and the invoice's reminders stay paused; update: change the record; stop: opt-out; none: nothing to do.
 */
export const TRIAGE_ROUTES = ['escalate', 'review', 'update', 'stop', 'none'] as const;
export const TriageRouteSchema = z.enum(TRIAGE_ROUTES);
export type TriageRoute = z.infer<typeof TriageRouteSchema>;

/** What the learned classifier said, kept beside the rules' evidence. */
export const LearnedTraceSchema = z.object({
	intent: ReplyIntentSchema,
	probability: z.number().min(0).max(1),
	/** The rules' primary intent before fusion. */
	rulesIntent: ReplyIntentSchema,
});
export type LearnedTrace = z.infer<typeof LearnedTraceSchema>;

export const TriageResultSchema = z.object({
	intent: ReplyIntentSchema,
	intents: z.array(ReplyIntentSchema),
	confidence: z.number().min(0).max(1),
	route: TriageRouteSchema,
	escalate: z.boolean(),
	stopCadence: z.boolean(),
	pauseUntil: CalendarDateSchema.optional(),
	extracted: ExtractedSchema,
	evidence: z.array(EvidenceSchema),
	summary: z.string(),
	/** Why a person should read it although nothing escalates (low confidence, far-off promise, ...). */
	review: z.array(z.string()).optional(),
	learned: LearnedTraceSchema.optional(),
	ai: AiTraceSchema.optional(),
});
export type TriageResult = z.infer<typeof TriageResultSchema>;

/** What the model is asked to answer (validated before anything is taken from it). */
export const AiAnswerSchema = z.object({
	intent: ReplyIntentSchema,
	intents: z.array(ReplyIntentSchema).optional(),
	confidence: z.number().min(0).max(1),
	promisedDate: z.string().nullish(),
	returnDate: z.string().nullish(),
	newContactEmail: z.string().nullish(),
	documentsRequested: z.array(DocumentKindSchema).optional(),
	summary: z.string().max(600),
});
export type AiAnswer = z.infer<typeof AiAnswerSchema>;
