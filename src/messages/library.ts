/**
 * The approved message library: one entry per template key, with a version per channel (email subject/text/HTML,
 * SMS text, call script, task and handoff notes). Wording is courteous at every tone: no legal, collections,
 * credit-report or service threats, ever (a unit test lints every shipped template).
 */
import { z } from 'zod';

import { CHANNELS, type Channel } from '../cadence/policy';
import { EN } from './locales/en';
import { buildLibrary } from './locales/wording';
import { MessageError, MessageTemplateSchema, type MessageTemplate } from './render';

export const TemplateEntrySchema = z.object(
	Object.fromEntries(
		CHANNELS.map((channel) => [channel, MessageTemplateSchema.optional()]),
	) as Record<Channel, z.ZodOptional<typeof MessageTemplateSchema>>,
);
export type TemplateEntry = z.infer<typeof TemplateEntrySchema>;

export const MessageLibrarySchema = z.record(z.string().min(1), TemplateEntrySchema);
export type MessageLibrary = z.infer<typeof MessageLibrarySchema>;

/** The English library, built from the same wording layout as every other language (src/messages/locales). */
export const DEFAULT_LIBRARY: MessageLibrary = buildLibrary(EN);

/** Library with user overrides layered over the defaults, per template key and channel. */
export function mergeLibrary(
	overrides: MessageLibrary | undefined,
	base: MessageLibrary = DEFAULT_LIBRARY,
): MessageLibrary {
	if (!overrides) return base;
	const merged: MessageLibrary = { ...base };
	for (const [key, entry] of Object.entries(overrides))
		merged[key] = { ...(base[key] ?? {}), ...entry };
	return merged;
}

/** A node's JSON option: parsed text, or the object as given; `{}` for an empty text. Throws MessageError naming `what`. */
export function readJsonOption(input: unknown, what: string): unknown {
	if (typeof input !== 'string') return input;
	if (input.trim() === '') return {};
	let value: unknown;
	let invalid: string | undefined;
	try {
		value = JSON.parse(input);
	} catch (error) {
		invalid = (error as Error).message;
	}
	if (invalid !== undefined) throw new MessageError(`${what} is not valid JSON: ${invalid}`);
	return value;
}

/** Validates a JSON library from the node (a string or an object). Throws MessageError with the failing path. */
export function parseLibrary(input: unknown): MessageLibrary {
	const value = readJsonOption(input, 'the template library');
	const result = MessageLibrarySchema.safeParse(value);
	if (!result.success) {
		throw new MessageError(
			`the template library is not valid: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')} (expected { "<template key>": { "email": { "subject", "text", "html" }, "sms": { "text" } } })`,
		);
	}
	return result.data;
}

/** The template for a key and channel; email text stands in for tasks that have no version of their own. */
export function templateFor(
	library: MessageLibrary,
	key: string,
	channel: Channel,
): MessageTemplate {
	const entry = library[key];
	if (!entry)
		throw new MessageError(
			`no template "${key}" in the message library: add it, or point the step at an existing key (${Object.keys(library).join(', ')})`,
			key,
		);
	const template =
		entry[channel] ??
		(channel === 'manual_task' || channel === 'call_task' || channel === 'human_handoff'
			? (entry.call_task ?? entry.email)
			: undefined);
	if (!template)
		throw new MessageError(
			`template "${key}" has no ${channel} version: add one to the library`,
			key,
		);
	return template;
}
