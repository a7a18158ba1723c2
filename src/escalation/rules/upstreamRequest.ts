import { defineEscalationRule } from '../rule';

/** Reply Triage or Cadence Step asked for a person for a reason no other rule names. Runs last. */
export const upstreamRequest = defineEscalationRule({
	code: 'upstream_request',
	key: 'upstreamRequest',
	priority: 'P3',
	label: 'Upstream Request',
	description: 'Reply Triage or Cadence Step asked for a person for another reason',
	reasonLabel: 'flagged upstream',
	nextAction: 'Read the reply and the history below and decide the next step.',
	settings: {},
	evaluate(context) {
		const { triage, cadence } = context;
		const asks: string[] = [];
		if (triage?.escalate && !context.answered('triage'))
			asks.push(`Reply Triage flagged a "${triage.intent}" reply for a person`);
		if (cadence?.action === 'escalate' && !context.answered('cadence'))
			asks.push(`Cadence Step asked for a person${cadence.reason ? `: ${cadence.reason}` : ''}`);
		return asks.length > 0 ? { message: `${asks.join('; ')}.`, evidence: asks } : null;
	},
});
