import { z } from 'zod';

/** One decision a node made about an item; every node appends to the item's `audit[]`. */
export const AuditEntrySchema = z.object({
	node: z.string(),
	rule: z.string(),
	outcome: z.string(),
	/** Only where the node's own result on the item does not already say it (items stay small). */
	reason: z.string().optional(),
	at: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** An audit entry; an empty or undefined reason is left out (the node's result on the item holds it). */
export function auditEntry(
	node: string,
	rule: string,
	outcome: string,
	reason?: string,
	at: Date | string = new Date(),
): AuditEntry {
	const when = typeof at === 'string' ? at : at.toISOString();
	return reason ? { node, rule, outcome, reason, at: when } : { node, rule, outcome, at: when };
}
