/**
 * Escalation Gate's domain logic: rules, routing, priority and SLA, de-duplication, Slack and email packets.
 * Every name carries "escalation" so `export *` from src/index.ts never collides with another area.
 */
export * from './schema';
export {
	evaluateEscalation,
	evaluateEscalations,
	escalationReasons,
	compileEscalationRules,
	describeEscalationRulesError,
	type CompiledEscalationRules,
} from './evaluate';
export {
	escalationKey,
	checkEscalationLedger,
	recordEscalation,
	pruneEscalationLedger,
	escalationLedgerFromEvents,
	escalationLedgerEvent,
} from './dedup';
export {
	defineEscalationRule,
	replyIntentRule,
	type EscalationRuleDefinition,
	type EscalationRuleContext,
	type EscalationRuleField,
	type EscalationFinding,
} from './rule';
export { assignEscalationOwner, escalationRouteMatches } from './routing';
export {
	addBusinessMinutes as addEscalationBusinessMinutes,
	SlaClock as EscalationSlaClock,
	slaCalendar as escalationSlaCalendar,
	slaHolidayPlace as escalationSlaHolidayPlace,
} from './sla';
export {
	buildEscalationPacket,
	escalationReasonLabel,
	invalidRecordPacket,
	ESCALATION_NEXT_ACTIONS,
	SLACK_LIMITS as ESCALATION_SLACK_LIMITS,
	escapeHtmlText as escapeEscalationHtml,
	escapeSlackMrkdwn as escapeEscalationMrkdwn,
	maskEmail as maskEscalationEmail,
	maskPhone as maskEscalationPhone,
} from './packet';
export { escalationReplyFromItem } from './reply';
