/** Reply triage: parsing, the offline rules engine, extraction and the AI / hybrid classifiers. */
export * from './schema';
export { triageReply } from './rules';
export { parseReply, htmlToText, stripReply, addressOf, type ParsedReply } from './parse';
export { findDates, type DateMention } from './dates';
export {
	classifyReplyWithAi,
	triageReplyHybrid,
	buildTriageMessages,
	DEFAULT_HYBRID_THRESHOLD,
	type AiTriageOptions,
	type HybridTriageOptions,
} from './ai';
export {
	routeTriage,
	UPDATE_INTENTS,
	REVIEW_INTENTS,
	REVIEW_BELOW,
	DEFAULT_MAX_PROMISE_DAYS,
	type RouteOptions,
} from './route';
