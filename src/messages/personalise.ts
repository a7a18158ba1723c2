/**
 * Optional AI personalisation: the model rewrites the approved message in the client's context. The draft is linted
 * like any message and always needs a person's approval; on any failure the approved template is used as it is.
 */
import { z } from 'zod';

import { chatJson, type AiConfig } from '../ai/chat';
import type { Invoice } from '../invoice/schema';
import { lintRendered, type LintFinding, type LintOptions } from './lint';
import { textToHtml, type RenderedMessage } from './render';

export const AiDraftSchema = z.object({
	subject: z.string().min(1).max(200).optional(),
	text: z.string().min(1).max(5000),
});

export interface PersonaliseOptions {
	/** Extra context for the model (relationship notes the user chose to share). */
	context?: string;
	tone?: string;
	lint?: LintOptions;
	/** Required-content check for the draft (invoice number, amount, due date, link). */
	required?: (text: string) => LintFinding[];
}

export type PersonaliseResult =
	| { ok: true; message: RenderedMessage; requiresApproval: true }
	| { ok: false; message: RenderedMessage; error: string; findings?: LintFinding[] };

const SYSTEM = [
	'You rewrite accounts-receivable reminder e-mails so they read naturally for one client.',
	'Keep every fact exactly as given: invoice number, amounts, dates and the payment link, character for character.',
	'Never mention legal action, lawyers, collection agencies, credit reports, suspending or terminating service, penalties, or "failure to pay".',
	'Never add facts, discounts, deadlines or promises that are not in the approved text. Stay courteous.',
	'Answer with JSON only: {"subject": "...", "text": "..."}',
].join('\n');

/** Rewrites `approved` with the model; returns the draft (linted, requiresApproval) or the approved message on failure. */
export async function personaliseMessage(
	config: AiConfig,
	approved: RenderedMessage,
	invoice: Invoice,
	options: PersonaliseOptions = {},
): Promise<PersonaliseResult> {
	const user = JSON.stringify({
		tone: options.tone,
		customer: invoice.customer.name,
		contactName: invoice.contact.name,
		context: options.context,
		approved: { subject: approved.subject, text: approved.text },
	});
	const answer = await chatJson(
		config,
		[
			{ role: 'system', content: SYSTEM },
			{ role: 'user', content: user },
		],
		AiDraftSchema,
	);
	if (!answer.ok) return { ok: false, message: approved, error: answer.error };
	const draft: RenderedMessage = {
		subject: (answer.value.subject ?? approved.subject)?.replace(/[\r\n]+/g, ' ').trim(),
		text: answer.value.text.trim(),
	};
	draft.html = textToHtml(draft.text);
	const findings = [
		...lintRendered(draft, options.lint),
		...(options.required?.(draft.text) ?? []),
	];
	if (findings.length > 0) {
		return {
			ok: false,
			message: approved,
			error: `the AI draft failed the guardrail lint (${findings.map((finding) => finding.rule).join(', ')}); the approved template is used`,
			findings,
		};
	}
	return { ok: true, message: draft, requiresApproval: true };
}
