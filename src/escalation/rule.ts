/**
 * What one escalation rule is: a reason code, its key in the rules object, its default priority, an optional
 * threshold, the words the form and the packet use, the extra settings it takes (with their form fields), and
 * `evaluate`. Every rule lives in its own file under `rules/` and is listed once in `rules/index.ts`: the schema,
 * the evaluator, the packet and Escalation Gate's form are all generated from that list.
 */
import { z } from 'zod';

import type { Invoice } from '../invoice/schema';
import type { ReplyIntent } from '../triage/schema';
import type { EscalationCadence, EscalationInput, EscalationTriage } from './schema';

export const ESCALATION_PRIORITIES = ['P1', 'P2', 'P3'] as const;
export const EscalationPrioritySchema = z.enum(ESCALATION_PRIORITIES);
export type EscalationPriority = z.infer<typeof EscalationPrioritySchema>;

/** A field of Escalation Gate's Options collection that sets one of a rule's settings (no n8n type in src). */
export interface EscalationRuleField {
	/** Parameter name in the node's Options collection. */
	name: string;
	displayName: string;
	description: string;
	type: 'boolean' | 'string' | 'number' | 'multiOptions';
	/** The setting in the rule's own object it fills. */
	setting: string;
	placeholder?: string;
	options?: ReadonlyArray<{ name: string; value: string }>;
	/** A number field: 0 (or empty) means "not set", so the rule's default applies. */
	zeroIsUnset?: boolean;
}

/** Where a rule's threshold comes from in the form ("Threshold" on its row) and which setting it fills. */
export interface EscalationRuleThreshold {
	setting: string;
	/** Label on the rule's row, e.g. "Days Past Due". */
	label: string;
	default: number;
	description: string;
}

/** Everything a rule may read about one item, computed once per item and shared by all the rules. */
export interface EscalationRuleContext {
	input: EscalationInput;
	invoice: Invoice | undefined;
	triage: EscalationTriage | undefined;
	cadence: EscalationCadence | undefined;
	/** The triage's primary intent and every other intent. */
	intents: ReadonlySet<string>;
	signals: ReadonlySet<string>;
	/** Open (or written off) with an amount due: worth a person's time. */
	collectible: boolean;
	daysPastDue: number | null;
	maxEvidence: number;
	/** Quotes of the triage evidence for one intent (or every quote, without an intent). */
	evidence(intent?: string): string[];
	/** Has a reason found so far (rules run in registry order) answered this upstream node's request? */
	answered(source: 'triage' | 'cadence'): boolean;
	locale: string;
}

/** What a rule found: one sentence for a person and the quotes and facts behind it. */
export interface EscalationFinding {
	message: string;
	evidence: string[];
}

export interface EscalationRuleDefinition<
	Code extends string = string,
	Key extends string = string,
	Shape extends z.ZodRawShape = z.ZodRawShape,
	State = unknown,
> {
	/** The reason code on the result (snake_case, stable). */
	code: Code;
	/** The key of this rule's settings in the rules object (camelCase, stable). */
	key: Key;
	priority: EscalationPriority;
	/** Name of the rule in the form. */
	label: string;
	/** One line in the form's rule picker. */
	description: string;
	/** Short label in packets ("legal threat"). */
	reasonLabel: string;
	/** What a person should do first when this is the main reason. Internal text, never sent to a customer. */
	nextAction: string;
	/** Reply intents that raise this reason: the one map from a triage intent to an escalation reason. */
	intents?: readonly ReplyIntent[];
	/** Which upstream node's request this rule answers (so "Upstream Request" does not repeat it). */
	answers?: 'triage' | 'cadence';
	threshold?: EscalationRuleThreshold;
	/** Settings beyond `enabled` and `priority`, each with its default. */
	settings: Shape;
	/** Option fields of the node's form that fill those settings. */
	fields?: readonly EscalationRuleField[];
	/** Work done once per rule set (a compiled pattern, a cache). */
	compile?: (settings: RuleSettings<Shape>) => State;
	evaluate(
		context: EscalationRuleContext,
		settings: RuleSettings<Shape>,
		state: State,
	): EscalationFinding | null;
}

export type RuleSettings<Shape extends z.ZodRawShape> = z.infer<z.ZodObject<Shape>> & {
	enabled: boolean;
	priority: EscalationPriority;
};

/** Declares a rule with its literal code and key kept in the types. */
export function defineEscalationRule<
	const Code extends string,
	const Key extends string,
	Shape extends z.ZodRawShape = Record<never, never>,
	State = undefined,
>(
	rule: EscalationRuleDefinition<Code, Key, Shape, State>,
): EscalationRuleDefinition<Code, Key, Shape, State> {
	return rule;
}

/** The zod object of one rule's settings: enabled, priority (default the rule's) and its own settings. */
export function ruleSettingsSchema<Shape extends z.ZodRawShape>(
	rule: Pick<EscalationRuleDefinition<string, string, Shape>, 'priority' | 'settings'>,
) {
	return z
		.object({
			enabled: z.boolean().default(true),
			priority: EscalationPrioritySchema.default(rule.priority),
			...rule.settings,
		})
		.default({} as never);
}

/**
 * A rule raised by one reply intent and nothing else (legal threat, complaint, refund request, payment plan):
 * the reply's quotes for that intent are the evidence.
 */
export function replyIntentRule<const Code extends string, const Key extends string>(rule: {
	code: Code;
	key: Key;
	intent: ReplyIntent;
	priority: EscalationPriority;
	label: string;
	description: string;
	reasonLabel: string;
	nextAction: string;
	message: string;
}): EscalationRuleDefinition<Code, Key, Record<never, never>, undefined> {
	const { intent, message, ...rest } = rule;
	return {
		...rest,
		intents: [intent],
		answers: 'triage',
		settings: {},
		evaluate: (context) =>
			context.intents.has(intent) ? { message, evidence: context.evidence(intent) } : null,
	};
}
