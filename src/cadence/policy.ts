/**
 * Cadence policies: which approved touch happens when, on which channel, in which tone, and the limits around them.
 * A policy is a zod-validated object; the four presets are policies too, and a tier mapping picks one per customer.
 */
import { z } from 'zod';

import { CalendarDateSchema, type CustomerTier, type Invoice } from '../invoice/schema';
import { LateFeePolicySchema } from '../fees/lateFee';
import { PublicHolidaysSchema } from './holidays';
import { MessagePolicySchema } from './messagePolicy';

export const CHANNELS = ['email', 'sms', 'call_task', 'manual_task', 'human_handoff'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Tones from the softest to the most severe (consolidation picks the most severe of a customer's steps). */
export const STEP_TYPES = ['message', 'statement'] as const;
export type StepType = (typeof STEP_TYPES)[number];

export const TONES = ['friendly', 'neutral', 'firm', 'final'] as const;
export type Tone = (typeof TONES)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const CATCH_UP = ['latest_only', 'one_per_run'] as const;
export type CatchUp = (typeof CATCH_UP)[number];

export const PRESET_NAMES = ['standard-5', 'policy-4', 'strategic', 'transactional'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** Channels that reach the customer: they count as touches and respect spacing and the send window. */
export const CUSTOMER_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(['email', 'sms']);

const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const LocalTimeSchema = z.string().regex(LOCAL_TIME, 'use a 24-hour local time such as "09:00"');

export const StepSchema = z.object({
	/** Letters, digits, dot, dash and underscore: the id is part of the idempotency key "invoiceId:stepId". */
	id: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'use letters, digits, ".", "-" or "_" in a step id'),
	/** Days relative to the due date: negative before it, 0 on it, positive after it. */
	offsetDays: z.number().int().min(-365).max(730),
	/** How offsetDays counts: calendar days, or business days (send-window days that are not holidays). */
	dayCount: z.enum(['calendar', 'business']).default('calendar'),
	channel: z.enum(CHANNELS),
	tone: z.enum(TONES),
	/** Key of the approved template in the message library. */
	template: z.string().min(1),
	requiresApproval: z.boolean().default(false),
	/**
	 * What the step sends: one invoice's message (default), or a statement of account (one e-mail per customer
	 * listing every open invoice with its age, with the CSV attached; Cadence Step groups them per customer).
	 */
	type: z.enum(STEP_TYPES).optional(),
});
export type CadenceStepDef = z.infer<typeof StepSchema>;
export type CadenceStepInput = z.input<typeof StepSchema>;

export const SendWindowSchema = z
	.object({
		days: z.array(z.enum(WEEKDAYS)).min(1).default(['mon', 'tue', 'wed', 'thu', 'fri']),
		from: LocalTimeSchema.default('09:00'),
		to: LocalTimeSchema.default('17:00'),
		/** Zone used when neither the customer nor the run names one. */
		timezone: z.string().min(1).default('UTC'),
	})
	.refine((window) => window.from < window.to, {
		message: 'the send window must open before it closes ("from" < "to")',
	});

export const PolicySchema = z
	.object({
		name: z.string().min(1).default('custom'),
		steps: z.array(StepSchema).min(1),
		/** Minimum hours between two touches of the same invoice. */
		spacingHours: z
			.number()
			.min(0)
			.max(24 * 60)
			.default(48),
		sendWindow: SendWindowSchema.default({}),
		/** Dates (YYYY-MM-DD) with no sends and that are not business days. */
		holidays: z.array(CalendarDateSchema).default([]),
		/** Public holidays where the customer lives (date-holidays), on top of `holidays`. */
		publicHolidays: PublicHolidaysSchema.default({}),
		catchUp: z.enum(CATCH_UP).default('latest_only'),
		/** Customer touches (email, SMS) after which a person takes over. */
		maxTouches: z.number().int().min(1).default(8),
		/** Failed sends of one step before it escalates instead of retrying. */
		maxFailedSends: z.number().int().min(1).default(3),
		/** Broken promises (earlier ones plus the current one) that make the cadence escalate. */
		escalateAfterBrokenPromises: z.number().int().min(1).default(2),
		/** Days after a promised date before the promise counts as broken. */
		promiseGraceDays: z.number().int().min(0).default(1),
		/** Extra payment states or signals that stop the cadence (paid, void, disputed, opted out and paused always do). */
		stopOn: z.array(z.string()).default([]),
		/** Language fallback and the smaller message options (src/cadence/messagePolicy.ts). */
		messages: MessagePolicySchema.default({}),
		/** Late fees and interest (src/fees): shown to people; in customer text only with `inCustomerText`. */
		lateFees: LateFeePolicySchema.optional(),
	})
	.superRefine((policy, ctx) => {
		const seen = new Set<string>();
		policy.steps.forEach((step, index) => {
			if (seen.has(step.id))
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					path: ['steps', index, 'id'],
					message: `step id "${step.id}" is used twice`,
				});
			seen.add(step.id);
			const previous = policy.steps[index - 1];
			if (previous && step.offsetDays < previous.offsetDays) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					path: ['steps', index, 'offsetDays'],
					message: `steps must be in schedule order: "${step.id}" (${step.offsetDays}) comes after "${previous.id}" (${previous.offsetDays})`,
				});
			}
		});
	});
export type CadencePolicy = z.infer<typeof PolicySchema>;
export type CadencePolicyInput = z.input<typeof PolicySchema>;

const step = (
	id: string,
	offsetDays: number,
	channel: Channel,
	tone: Tone,
	template: string,
	requiresApproval = false,
): CadenceStepInput => ({ id, offsetDays, channel, tone, template, requiresApproval });

/** The presets, from the seeds' policies. Every template key exists in the default message library. */
export const PRESET_INPUTS: Readonly<Record<PresetName, CadencePolicyInput>> = {
	'standard-5': {
		name: 'standard-5',
		steps: [
			step('pre-due', -3, 'email', 'friendly', 'reminder-before-due'),
			step('due', 0, 'email', 'neutral', 'due-today'),
			step('overdue-7', 7, 'email', 'neutral', 'overdue-polite'),
			step('overdue-14', 14, 'email', 'firm', 'overdue-firm'),
			step('handoff-30', 30, 'human_handoff', 'final', 'handoff'),
		],
	},
	'policy-4': {
		name: 'policy-4',
		steps: [
			step('reminder-1', 1, 'email', 'neutral', 'overdue-reminder'),
			step('follow-up-7', 7, 'email', 'firm', 'overdue-follow-up'),
			step('call-14', 14, 'call_task', 'firm', 'call-script'),
			step('final-30', 30, 'email', 'final', 'final-notice'),
			step('handoff-30', 30, 'human_handoff', 'final', 'handoff'),
		],
	},
	strategic: {
		name: 'strategic',
		spacingHours: 72,
		steps: [
			step('pre-due', -7, 'email', 'friendly', 'reminder-before-due'),
			step('due', 0, 'email', 'friendly', 'due-today'),
			step('overdue-10', 10, 'email', 'neutral', 'overdue-polite'),
			step('overdue-21', 21, 'email', 'neutral', 'overdue-follow-up'),
			step('call-30', 30, 'call_task', 'neutral', 'call-script'),
			step('final-45', 45, 'email', 'final', 'final-notice', true),
			step('handoff-60', 60, 'human_handoff', 'final', 'handoff'),
		],
	},
	transactional: {
		name: 'transactional',
		spacingHours: 24,
		steps: [
			step('pre-due', -1, 'email', 'friendly', 'reminder-before-due'),
			step('due', 0, 'email', 'neutral', 'due-today'),
			step('overdue-3', 3, 'email', 'neutral', 'overdue-reminder'),
			step('overdue-7', 7, 'email', 'firm', 'overdue-firm'),
			step('final-14', 14, 'email', 'final', 'final-notice'),
			step('handoff-21', 21, 'human_handoff', 'final', 'handoff'),
		],
	},
};

export const PRESETS: Readonly<Record<PresetName, CadencePolicy>> = Object.fromEntries(
	PRESET_NAMES.map((name) => [name, PolicySchema.parse(PRESET_INPUTS[name])]),
) as Record<PresetName, CadencePolicy>;

/** Which preset each customer tier gets. Friction-prone customers get the call-early policy-4. */
export const DEFAULT_TIER_POLICY: Readonly<Record<CustomerTier, PresetName>> = {
	strategic: 'strategic',
	standard: 'standard-5',
	transactional: 'transactional',
	friction: 'policy-4',
};
export const DEFAULT_PRESET: PresetName = 'standard-5';

/** `'by-tier'` picks the policy from the invoice's customer tier through `tierPolicies` (default DEFAULT_TIER_POLICY). */
export type PolicyRef = PresetName | 'by-tier' | CadencePolicy | CadencePolicyInput;

export function isPresetName(value: unknown): value is PresetName {
	return typeof value === 'string' && (PRESET_NAMES as readonly string[]).includes(value);
}

export class PolicyError extends Error {
	constructor(
		message: string,
		readonly issues: Array<{ path: string; message: string }> = [],
	) {
		super(message);
		this.name = 'PolicyError';
	}
}

const validated = new WeakMap<object, CadencePolicy>();

/** Validates a policy object (cached per object, so a batch validates once). Throws PolicyError with field paths. */
export function parsePolicy(input: unknown): CadencePolicy {
	if (input && typeof input === 'object') {
		const cached = validated.get(input);
		if (cached) return cached;
	}
	const result = PolicySchema.safeParse(input);
	if (!result.success) {
		const issues = result.error.issues.map((issue) => ({
			path: issue.path.join('.'),
			message: issue.message,
		}));
		throw new PolicyError(
			`the cadence policy is not valid: ${issues.map((issue) => `${issue.path || 'policy'}: ${issue.message}`).join('; ')}`,
			issues,
		);
	}
	if (input && typeof input === 'object') validated.set(input, result.data);
	return result.data;
}

export function policyForTier(
	tier: CustomerTier | undefined,
	mapping: Partial<Record<CustomerTier, PolicyRef>> = {},
): CadencePolicy {
	// An invoice without a tier is a standard customer.
	const effective = tier ?? 'standard';
	const ref = mapping[effective] ?? DEFAULT_TIER_POLICY[effective];
	return resolvePolicy(ref === 'by-tier' ? DEFAULT_PRESET : ref);
}

/** A preset name, 'by-tier' (with the invoice), or a policy object → a validated policy. */
export function resolvePolicy(
	ref: PolicyRef,
	invoice?: Pick<Invoice, 'customer'>,
	tierPolicies?: Partial<Record<CustomerTier, PolicyRef>>,
): CadencePolicy {
	if (typeof ref === 'string') {
		if (ref === 'by-tier') return policyForTier(invoice?.customer.tier, tierPolicies);
		if (isPresetName(ref)) return PRESETS[ref];
		throw new PolicyError(
			`unknown cadence preset "${ref}": use one of ${PRESET_NAMES.join(', ')}, "by-tier", or a policy object`,
		);
	}
	return parsePolicy(ref);
}

export function toneRank(tone: Tone): number {
	return TONES.indexOf(tone);
}
