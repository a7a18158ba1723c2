/** Where a triaged reply goes next: the four outputs of the Reply Triage node, decided once, here. */
import type { ReplyIntent, TriageResult } from './schema';

export const TRIAGE_ROUTES = ['escalate', 'update', 'stop', 'none'] as const;
export type TriageRoute = (typeof TRIAGE_ROUTES)[number];

/** Intents whose next step is a change to the record (promise date, payment check, documents, contact, pause). */
export const UPDATE_INTENTS: readonly ReplyIntent[] = [
	'promise_to_pay',
	'already_paid',
	'missing_documents',
	'wrong_contact',
	'out_of_office',
];

export interface RouteOptions {
	/** Where replies the engine could not read ("other") go. Default 'none'. */
	unrecognised?: 'none' | 'escalate';
}

/**
 * escalate: anything the result escalates (a human reads it first);
 * stop: an opt-out; update: promise, paid, documents, wrong contact with a new address, out of office;
 * none: acknowledged, question, other.
 */
export function routeTriage(result: TriageResult, options: RouteOptions = {}): TriageRoute {
	if (result.escalate) return 'escalate';
	if (result.intents.includes('opt_out')) return 'stop';
	if (result.intents.some((intent) => UPDATE_INTENTS.includes(intent))) return 'update';
	if (result.intent === 'other' && options.unrecognised === 'escalate') return 'escalate';
	return 'none';
}
