/**
 * The triage slice: Reply Triage produces `$json.triage` (TriageResultSchema); Escalation Gate, Cadence Step and
 * Collections Report read it with `TriageReadSchema`, the same schema with the fields an older version or a
 * hand-written item may leave out made optional. Also the one map from a reply intent to the escalation reason it
 * raises.
 */
import { z } from 'zod';

import { EvidenceSchema, ExtractedSchema, TriageResultSchema } from '../triage/schema';

export {
	TriageResultSchema,
	ReplyIntentSchema,
	REPLY_INTENTS,
	type TriageResult,
	type ReplyIntent,
} from '../triage/schema';

const shape = TriageResultSchema.shape;
const extracted = ExtractedSchema.shape;

/** `$json.triage` as consumers read it: the producer's schema, lenient where hand-made items differ. */
export const TriageReadSchema = TriageResultSchema.extend({
	intents: shape.intents.default([]),
	confidence: shape.confidence.optional(),
	escalate: shape.escalate.optional(),
	stopCadence: shape.stopCadence.optional(),
	summary: shape.summary.optional(),
	/** Older Reply Triage versions and hand-written items carry no route. */
	route: shape.route.optional(),
	extracted: ExtractedSchema.extend({
		promisedDate: extracted.promisedDate.nullable(),
		returnDate: extracted.returnDate.nullable(),
		newContactEmail: extracted.newContactEmail.nullable(),
		amount: z.unknown().optional(),
		invoiceNumbers: extracted.invoiceNumbers.optional(),
		documentsRequested: extracted.documentsRequested.optional(),
	})
		.passthrough()
		.default({}),
	/** Evidence as Reply Triage writes it, or as a quote (`phrase`), or a plain string. */
	evidence: z.array(z.union([z.string(), EvidenceSchema.partial().passthrough()])).default([]),
}).passthrough();
export type TriageRead = z.infer<typeof TriageReadSchema>;
