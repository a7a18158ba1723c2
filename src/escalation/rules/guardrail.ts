import { defineEscalationRule } from '../rule';

/** A guardrail finding from Cadence Step (a refused template). */
export const guardrail = defineEscalationRule({
	code: 'guardrail',
	key: 'guardrail',
	priority: 'P2',
	label: 'Guardrail Finding',
	description: 'Cadence Step refused a message at the guardrail check',
	reasonLabel: 'guardrail finding',
	nextAction:
		'The planned reminder failed the guardrail check: fix the template or write a reviewed message; nothing was sent.',
	answers: 'cadence',
	settings: {},
	evaluate(context) {
		const findings = context.cadence?.findings ?? [];
		if (findings.length === 0) return null;
		return {
			message: `The planned message failed the guardrail check (${findings.map((finding) => finding.rule).join(', ')}).`,
			evidence: findings
				.slice(0, context.maxEvidence)
				.map((finding) =>
					finding.phrase ? `"${finding.phrase}": ${finding.message}` : finding.message,
				),
		};
	},
});
