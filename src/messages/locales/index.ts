/**
 * The approved library in several languages, and which language a customer gets: their own locale when the library
 * speaks it, else the policy's fallback. Custom libraries layer over a built-in language or add a new one.
 */
import type { Channel } from '../../cadence/policy';
import { MessageError, type MessageTemplate } from '../render';
import {
	mergeLibrary,
	MessageLibrarySchema,
	readJsonOption,
	type MessageLibrary,
} from '../library';
import { DE } from './de';
import { EN } from './en';
import { ES } from './es';
import { FR } from './fr';
import { NL } from './nl';
import { buildLibrary, type Wording } from './wording';

export { buildLibrary, REMINDER_KEYS, type Wording, type ReminderKey } from './wording';
export { EN, DE, FR, ES, NL };

/** The wording of each shipped language, by language subtag. */
export const WORDINGS: Readonly<Record<string, Wording>> = {
	en: EN,
	de: DE,
	fr: FR,
	es: ES,
	nl: NL,
};

export const SHIPPED_LANGUAGES = Object.keys(WORDINGS);

/** Libraries by language (`de`) or full locale (`de-CH`): what `chooseTemplate` searches. */
export type LocalisedLibraries = Readonly<Record<string, MessageLibrary>>;

let builtIn: LocalisedLibraries | undefined;

/** The shipped libraries, built once on first use. */
export function builtInLibraries(): LocalisedLibraries {
	builtIn ??= Object.fromEntries(
		Object.entries(WORDINGS).map(([language, wording]) => [language, buildLibrary(wording)]),
	);
	return builtIn;
}

const canonical = new Map<string, string>();

/** `de_de`, `DE-de` → `de-DE`; an invalid tag comes back lower-cased so it still finds nothing instead of throwing. */
export function canonicalLocale(tag: string): string {
	// Memoised: Intl's canonicalisation is a large share of choosing a template, and a run sees a handful of tags.
	let found = canonical.get(tag);
	if (found !== undefined) return found;
	const cleaned = tag.trim().replace(/_/g, '-');
	try {
		found = Intl.getCanonicalLocales(cleaned)[0] ?? cleaned.toLowerCase();
	} catch {
		found = cleaned.toLowerCase();
	}
	if (canonical.size >= 1_000) canonical.clear();
	canonical.set(tag, found);
	return found;
}

function languageOf(tag: string): string {
	return tag.split('-')[0].toLowerCase();
}

const LocalisedLibrariesSchema = MessageLibrarySchema;

/**
 * Validates custom libraries by language (`{ "de": { "overdue-firm": { "email": {…} } }, "it": {…} }`), a JSON text or
 * an object. Throws MessageError naming the language and the path that is wrong.
 */
export function parseLocalisedLibraries(input: unknown): Record<string, MessageLibrary> {
	const value = readJsonOption(input, 'the libraries by language');
	if (!value || typeof value !== 'object' || Array.isArray(value))
		throw new MessageError(
			'the libraries by language must be an object: { "<language>": { "<template key>": { "email": { "subject", "text", "html" } } } }',
		);
	const out: Record<string, MessageLibrary> = {};
	for (const [tag, library] of Object.entries(value as Record<string, unknown>)) {
		const parsed = LocalisedLibrariesSchema.safeParse(library);
		if (!parsed.success)
			throw new MessageError(
				`the "${tag}" library is not valid: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
			);
		out[canonicalLocale(tag)] = parsed.data;
	}
	return out;
}

/**
 * The libraries a run uses: the shipped languages, the English one replaced by `english` when the workflow customised
 * it, and `custom` layered per language over the shipped one (a language nobody ships is taken as given).
 */
export function localisedLibraries(
	custom: Readonly<Record<string, MessageLibrary>> = {},
	english?: MessageLibrary,
): LocalisedLibraries {
	const libraries: Record<string, MessageLibrary> = { ...builtInLibraries() };
	if (english) libraries.en = english;
	for (const [tag, library] of Object.entries(custom)) {
		const key = canonicalLocale(tag);
		libraries[key] = mergeLibrary(library, libraries[key] ?? libraries[languageOf(key)] ?? {});
	}
	return libraries;
}

export interface TemplateChoice {
	template: MessageTemplate;
	/** Locale for money and dates: the customer's when their language was found, else the fallback's. */
	locale: string;
	/** The library that answered (`de`, `de-CH`, `it`). */
	language: string;
	/** True when the customer's own language had no such template. */
	fellBack: boolean;
}

export interface ChooseOptions {
	libraries: LocalisedLibraries;
	/** Locale used when the customer's language has no library (the policy's). Default en-US. */
	fallbackLocale?: string;
}

/** Tasks and handoffs may use the e-mail (or call) version of an entry, as templateFor does. */
function entryTemplate(
	library: MessageLibrary | undefined,
	key: string,
	channel: Channel,
): MessageTemplate | undefined {
	const entry = library?.[key];
	if (!entry) return undefined;
	return (
		entry[channel] ??
		(channel === 'manual_task' || channel === 'call_task' || channel === 'human_handoff'
			? (entry.call_task ?? entry.email)
			: undefined)
	);
}

/** The locale that formats a message in a library's language: the tag itself when it names a region. */
function formattingLocale(tag: string, found: string): string {
	if (tag.includes('-')) return tag;
	return WORDINGS[languageOf(found)]?.locale ?? tag;
}

/**
 * The template for `key` and `channel` in the customer's language (`customerLocale`: full tag, then language), else
 * in the fallback's. Throws MessageError when neither has it.
 */
export function chooseTemplate(
	customerLocale: string | undefined,
	key: string,
	channel: Channel,
	options: ChooseOptions,
): TemplateChoice {
	const fallback = canonicalLocale(options.fallbackLocale || 'en-US');
	const candidates = customerLocale ? [canonicalLocale(customerLocale), fallback] : [fallback];
	for (let index = 0; index < candidates.length; index++) {
		const tag = candidates[index];
		for (const found of [tag, languageOf(tag)]) {
			const template = entryTemplate(options.libraries[found], key, channel);
			if (template)
				return {
					template,
					locale: formattingLocale(tag, found),
					language: found,
					fellBack: index > 0 && customerLocale !== undefined,
				};
		}
	}
	throw new MessageError(
		`no "${key}" template for ${channel} in ${candidates.join(' or ')}: add it to the library of that language, or point the step at an existing key`,
		key,
	);
}
