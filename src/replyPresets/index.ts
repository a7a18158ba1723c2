/**
 * The reply preset registry, in the order Reply Triage lists them. To add a preset: write one file beside these
 * that exports `defineReplyPreset({ key, name, read })` and list it here; the Input picker follows.
 */
import { generic } from './generic';
import { gmail } from './gmail';
import { gmailRaw, imap } from './mailparser';
import { outlook } from './outlook';
import type { ReplyMapping, Json, ReplyPresetDefinition } from './preset';
import type { ReplyInput } from '../triage/schema';

export const REPLY_PRESET_REGISTRY = [gmail, gmailRaw, outlook, imap, generic] as const;

export type ReplyPreset = (typeof REPLY_PRESET_REGISTRY)[number]['key'];
export const REPLY_PRESETS = REPLY_PRESET_REGISTRY.map((preset) => preset.key) as ReplyPreset[];
/** Name of each preset in the Input picker. */
export const REPLY_PRESET_NAMES = Object.fromEntries(
	REPLY_PRESET_REGISTRY.map((preset) => [preset.key, preset.name]),
) as Record<ReplyPreset, string>;

const BY_KEY = new Map<string, ReplyPresetDefinition>(
	REPLY_PRESET_REGISTRY.map((preset) => [preset.key, preset]),
);

export type ReplyRead =
	| { ok: true; reply: ReplyInput; notes: string[] }
	| { ok: false; reason: string };

/** The reply in one item, read by a preset (an unknown key reads as Generic Mapping). */
export function readReply(json: Json, preset: ReplyPreset, mapping: ReplyMapping = {}): ReplyRead {
	const notes: string[] = [];
	const definition = BY_KEY.get(preset) ?? generic;
	const reply = definition.read(json, mapping, notes);
	if (!reply.text && !reply.html && !reply.subject && !reply.from) {
		return {
			ok: false,
			reason: `no e-mail fields found for the "${REPLY_PRESET_NAMES[preset]}" preset (subject, body and sender are all empty)`,
		};
	}
	let receivedAt: string | number = reply.receivedAt ?? '';
	if (receivedAt === '') {
		receivedAt = new Date().toISOString();
		notes.push('the item has no received date: relative dates were read against now');
	}
	return { ok: true, reply: { ...reply, receivedAt }, notes };
}

export {
	defineReplyPreset,
	type ReplyMapping,
	type ReplyPresetDefinition,
	type PresetReply,
} from './preset';
