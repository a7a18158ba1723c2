/**
 * A reply preset: how Reply Triage reads an e-mail from the item shape one n8n e-mail node emits. One file per
 * preset in this folder, listed once in `index.ts`; the preset keys, readReply and Reply Triage's Input picker are
 * generated from that list. The small readers below are shared by the presets.
 */
export type Json = Record<string, unknown>;

/** The reply as a preset reads it, before readReply checks it and fills in the received date. */
export interface PresetReply {
	subject: string;
	text: string;
	html?: string;
	from: string;
	receivedAt?: string | number;
	headers?: Record<string, string | string[]>;
}

/** The Generic preset's fields, each resolved by an n8n expression. */
export interface ReplyMapping {
	subject?: unknown;
	text?: unknown;
	html?: unknown;
	from?: unknown;
	receivedAt?: unknown;
	headers?: unknown;
}

export interface ReplyPresetDefinition<Key extends string = string> {
	/** The node's parameter value (stable). */
	key: Key;
	/** Name in the Input picker. */
	name: string;
	/** The reply in an item, and notes for the user about what the item lacks. */
	read(json: Json, mapping: ReplyMapping, notes: string[]): PresetReply;
}

/** Declares a preset with its literal key kept in the types. */
export function defineReplyPreset<Key extends string>(
	preset: ReplyPresetDefinition<Key>,
): ReplyPresetDefinition<Key> {
	return preset;
}

export function text(value: unknown): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return String(value);
	return '';
}

/** "Name <a@b>" from the mailparser / Graph address shapes, or the string itself. */
export function sender(value: unknown): string {
	if (typeof value === 'string') return value;
	if (value && typeof value === 'object') {
		const object = value as Json;
		const first = Array.isArray(object.value) ? (object.value[0] as Json | undefined) : undefined;
		if (first?.address)
			return first.name ? `${text(first.name)} <${text(first.address)}>` : text(first.address);
		const email = object.emailAddress as Json | undefined;
		if (email?.address)
			return email.name ? `${text(email.name)} <${text(email.address)}>` : text(email.address);
		if (typeof object.text === 'string') return object.text;
		if (typeof object.address === 'string') return object.address;
	}
	return '';
}

export function headersOf(value: unknown): Record<string, string | string[]> | undefined {
	if (Array.isArray(value)) {
		// Graph: [{ name, value }]
		const headers: Record<string, string> = {};
		for (const entry of value as Json[])
			if (entry && typeof entry.name === 'string') headers[entry.name] = text(entry.value);
		return headers;
	}
	if (value && typeof value === 'object') {
		const headers: Record<string, string | string[]> = {};
		for (const [key, entry] of Object.entries(value as Json)) {
			if (typeof entry === 'string') headers[key] = entry;
			else if (Array.isArray(entry)) headers[key] = entry.map(text);
		}
		return headers;
	}
	return undefined;
}

export function instant(value: unknown): string | number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'string' && value.trim() !== '') {
		// Gmail internalDate is epoch milliseconds as a string.
		return /^\d{12,14}$/.test(value.trim()) ? Number(value.trim()) : value.trim();
	}
	if (value instanceof Date) return value.toISOString();
	return undefined;
}
