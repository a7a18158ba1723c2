/**
 * What the learned classifier reads from a reply, the same at run time and in training: the customer's own words
 * (own subject line + body without quoted history and signature, as the rules engine reads them), normalised, plus
 * flags for facts the headers carry.
 */
import type { ParsedReply } from '../parse';
import { normalise } from '../text';

export interface ModelInput {
	text: string;
	flags: string[];
}

/** The customer's own words: their subject line when they wrote one, then the body. */
export function saidIn(parsed: ParsedReply): string {
	return parsed.ownSubject ? `${parsed.ownSubject}.\n${parsed.body}` : parsed.body;
}

export function modelFlags(parsed: ParsedReply): string[] {
	const flags: string[] = [];
	if (parsed.autoReply) flags.push('auto-reply');
	if (parsed.bounce) flags.push('bounce');
	return flags;
}

export function modelInputOf(parsed: ParsedReply): ModelInput {
	return { text: normalise(saidIn(parsed)), flags: modelFlags(parsed) };
}
