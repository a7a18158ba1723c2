/**
 * The escalation slice: Escalation Gate produces `$json.escalation` (the full result on Escalate, a summary on
 * Continue); Collections Report reads it with this schema.
 */
import { z } from 'zod';

import { OwnerSchema } from '../invoice/schema';
import {
	ESCALATION_REASONS,
	EscalationPrioritySchema,
	type EscalationPacket,
} from '../escalation/schema';

export const EscalationReasonCodeSchema = z.enum(ESCALATION_REASONS);

export const EscalationReasonDetailSchema = z.object({
	code: EscalationReasonCodeSchema,
	priority: EscalationPrioritySchema,
	/** One sentence a person understands without opening the record. */
	message: z.string(),
	/** Quotes and facts that triggered the rule. */
	evidence: z.array(z.string()),
});

export const EscalationResultSchema = z.object({
	escalate: z.boolean(),
	/** True when every reason is already with a person in an open case for this invoice (see `case`). */
	alreadyEscalated: z.boolean(),
	reasons: z.array(EscalationReasonCodeSchema),
	details: z.array(EscalationReasonDetailSchema),
	/** Reasons already in an open case (listed, not counted as new). */
	repeatedReasons: z.array(EscalationReasonCodeSchema),
	priority: EscalationPrioritySchema.nullable(),
	owner: OwnerSchema.optional(),
	ownerSource: z.enum(['invoice', 'routing', 'fallback', 'none']),
	/** First-response deadline, ISO with the SLA zone's offset. */
	dueBy: z.string().optional(),
	slaHours: z.number().optional(),
	/** De-duplication key (`source:id`), null when the item names no invoice. */
	key: z.string().nullable(),
	evaluatedAt: z.string(),
	/**
	 * The case this item belongs to: a new one (`joined: false`, this item carries the packet), or an open one it
	 * was added to (`joined: true`: already with a person, or grouped with another invoice of the same customer).
	 */
	case: z
		.object({
			key: z.string(),
			openedAt: z.string(),
			reasons: z.array(EscalationReasonCodeSchema),
			joined: z.boolean(),
			/** Invoice numbers of a case that groups several invoices of one customer. */
			invoices: z.array(z.string()).optional(),
		})
		.optional(),
	packet: z
		.custom<EscalationPacket>((value) => value !== null && typeof value === 'object')
		.nullable(),
});

/** What Escalation Gate leaves on `$json.escalation`, read leniently: the Continue output carries a summary. */
export const EscalationReadSchema = EscalationResultSchema.partial()
	.required({ escalate: true })
	.passthrough();
export type EscalationRead = z.infer<typeof EscalationReadSchema>;
