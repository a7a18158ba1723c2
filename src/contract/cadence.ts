/**
 * The cadence slice: Cadence Step produces `$json.cadence`, from Plan (a CadencePlan, one invoice or a
 * consolidated message) and from Record (the same key, with `recorded`). Escalation Gate and Collections Report
 * read it with this schema; passthrough keeps what they do not read (the message, the AI trace).
 */
import { z } from 'zod';

import { CADENCE_ACTIONS } from '../cadence/plan';
import { StepSchema } from '../cadence/policy';

/** A guardrail finding (lintMessage) that kept a message from leaving. */
export const CadenceFindingSchema = z
	.object({ rule: z.string(), phrase: z.string().optional(), message: z.string() })
	.passthrough();

/** What Record wrote once the send node had run: the one place a sent reminder is read from. */
export const CadenceRecordedSchema = z
	.object({
		status: z.enum(['sent', 'failed']),
		key: z.string().optional(),
		results: z.array(z.unknown()).optional(),
	})
	.passthrough();

export const CadenceResultSchema = z
	.object({
		action: z.enum(CADENCE_ACTIONS),
		/** Machine-readable reason code (the audit entry's rule). */
		rule: z.string().optional(),
		reason: z.string().optional(),
		/** The policy step the action concerns (read leniently: only the id is required). */
		step: StepSchema.partial().required({ id: true }).passthrough().nullish(),
		skippedSteps: z.array(z.unknown()).default([]),
		state: z.string().optional(),
		idempotencyKey: z.string().optional(),
		requiresApproval: z.boolean().optional(),
		findings: z.array(CadenceFindingSchema).optional(),
		/** The ledger's record of this invoice's earlier steps, when the item carries it. */
		history: z.array(z.unknown()).optional(),
		consolidated: z.boolean().optional(),
		dryRun: z.boolean().optional(),
		recorded: CadenceRecordedSchema.optional(),
	})
	.passthrough();
export type CadenceResult = z.infer<typeof CadenceResultSchema>;

/** Did Record confirm this item's reminder as sent? (`cadence.recorded.status`, the one shape Record writes.) */
export function cadenceWasSent(cadence: unknown): boolean {
	if (cadence === null || typeof cadence !== 'object') return false;
	const recorded = (cadence as { recorded?: unknown }).recorded;
	return (
		recorded !== null &&
		typeof recorded === 'object' &&
		(recorded as { status?: unknown }).status === 'sent'
	);
}
