import { z } from 'zod';

/** One decision a node made about an item; every node appends to the item's `audit[]`. */
export const AuditEntrySchema = z.object({
	node: z.string(),
	rule: z.string(),
	outcome: z.string(),
	reason: z.string(),
	at: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export function auditEntry(
	node: string,
	rule: string,
	outcome: string,
	reason: string,
	at: Date | string = new Date(),
): AuditEntry {
	return { node, rule, outcome, reason, at: typeof at === 'string' ? at : at.toISOString() };
}
