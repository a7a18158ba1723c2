/**
 * The collections ledger: the memory across runs. An append-only list of events per invoice, one zod schema
 * (`LedgerEventSchema`, discriminated on `kind`), stored as flat rows in ONE n8n Data Table (`collections_ledger`)
 * that every template shares. Every event carries `invoiceId` and `at` (an ISO instant: when it happened; for a
 * reply, when the customer wrote).
 *
 * Kinds:
 * - `touch`: a step `reserved` (Plan, before the send node), `sent` or `failed` (Record, after it). `key` is the
 *   idempotency key `invoiceId:stepId` (a consolidated e-mail joins several: `a:s1+b:s2`; the codec files it under
 *   each invoice). Today's history rows `{ stepId, at, status: 'sent' | 'failed', confirmed? }` are touches
 *   (`confirmed: false` = reserved): `toLedgerEvents`.
 * - `reply`: a reply to the invoice; without `intent` it is untriaged. `promisedDate` / `returnDate` are calendar dates.
 * - `resolved`: a person handled everything up to `at`. `pause` (until?) / `resume`: an owner's hold.
 * - `approval`: a person approved or rejected the step `stepId`. `escalation`: a case handed to a person (`key` de-dups).
 * - `payment`: a payment seen in the source.
 *
 * Rules (planCadenceStep reads all of these from `history`):
 * 1. Any reply after the last touch pauses reminders until it is triaged and cleared. An untriaged reply never
 *    releases. Triaged: a promise with a date waits until date + grace days, then the broken-promise path runs; out of
 *    office waits until the return date; already paid waits while the source confirms, then goes to a person;
 *    everything else goes to a person (once: an `escalation` at or after the reply means a person has it). Reminders
 *    resume after a `resolved` or `resume` at or after the reply, or a `payment` seen after it (a change in the source).
 * 2. A step that needs approval is escalated once (an `escalation` row, reason `requires_approval`, with the message)
 *    and then waits for an `approval` event. Approved: the next Plan (the template reads the invoice fresh from the
 *    source first) emits exactly that step on Send with the same idempotency key and the approved message. Rejected:
 *    never sent, the cadence moves on. No answer within N business days: ask again, or escalate (an option).
 * 3. Never silently lost, never twice: a `reserved` touch with no `sent`/`failed` for its key is another execution's
 *    live reservation while younger than the reservation timeout (the invoice waits), and afterwards an unknown
 *    outcome: escalated once as `send_outcome_unknown` with the message, or retried where the option says so. A
 *    `resolved` after that escalation counts the step as handled (never re-sent); to re-send, add a `failed` touch.
 *    Manual and scheduled runs write the same rows.
 *
 * Data Table wiring (Cadence Step 1.1, History From = Ledger Input):
 * - Read the table with the stock Data Table node (row > get, Return All, Always Output Data on) into Cadence Step's
 *   second input, named Ledger. Rows pass as they are (id / createdAt / updatedAt are ignored; an empty item or an
 *   all-null row is skipped; a malformed row is reported in a hint and ignored).
 * - Items that create a row carry it, flat, at `$json.ledgerRow` (exactly LEDGER_COLUMNS, so a Data Table insert maps
 *   it with `ledgerRowMapping()`: every column `={{ $json.ledgerRow.<column> }}`):
 *   - Plan's Send items: the reservation. Plan → Send → Data Table insert → the send node → Record → Data Table
 *     insert. The insert runs BEFORE the send, in one chain (never rely on branch order); the send node and Record
 *     read the Plan item through pairing: `$('Cadence Step').item.json.cadence.message` / `.idempotencyKey`.
 *   - Plan's Escalate items, when the plan must remember the escalation (approval request, unknown outcome, a reply
 *     for a person, approval overdue) or a handoff step (a `sent` touch). Not every Escalate item has one: put a
 *     Filter (`{{ $json.ledgerRow }}` exists) before that insert, or it writes an empty row.
 *   - Record's items (sent / failed, with the send node's message id): insert after Record.
 * - The approval path: Escalate (requires_approval) → Slack send-and-wait → approved → insert an `approval` row →
 *   read the invoice fresh from the source → Payment State Check → Data Table get → Cadence Step Plan → the Send
 *   chain above. Rejected → insert an `approval` row with decision `rejected`.
 * - Ops may add rows in the n8n UI: a row with kind `resolved` (or `pause` / `resume`), invoiceId and at is enough;
 *   plain text in `detail` is kept as the note (and a pause's reason); an approval may give its decision in `status`.
 */
import { z } from 'zod';

export const LEDGER_TABLE_NAME = 'collections_ledger';
export const LEDGER_EVENT_KINDS = [
	'touch',
	'reply',
	'resolved',
	'approval',
	'pause',
	'resume',
	'escalation',
	'payment',
] as const;
export type LedgerEventKind = (typeof LEDGER_EVENT_KINDS)[number];
/** `released`: a reservation that lost the claim to an overlapping run (never sent by this one; see cadence/claim). */
export const TOUCH_STATUSES = ['reserved', 'sent', 'failed', 'released'] as const;
export type TouchStatus = (typeof TOUCH_STATUSES)[number];
export const APPROVAL_DECISIONS = ['approved', 'rejected'] as const;

/** The idempotency key of one step of one invoice. */
export function idempotencyKey(invoiceId: string, stepId: string): string {
	return `${invoiceId}:${stepId}`;
}

/** An ISO instant (a Date, epoch ms or a date-only `YYYY-MM-DD` are accepted and normalised to UTC ISO). */
const InstantSchema = z.preprocess(
	(value) => {
		if (value instanceof Date) return Number.isNaN(value.getTime()) ? value : value.toISOString();
		if (typeof value === 'number' && Number.isFinite(value)) return new Date(value).toISOString();
		if (typeof value === 'string') return value.trim();
		return value;
	},
	z.string().refine((value) => Number.isFinite(Date.parse(value)), {
		message: 'not an ISO date or timestamp',
	}),
);
const CalendarDateSchema = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'not a calendar date (YYYY-MM-DD)');
const text = z.string().min(1);

/** The rendered message a reservation or an approval request carries, so a person can see what (would have) gone out. */
export const LedgerMessageSchema = z
	.object({
		channel: z.string().optional(),
		to: z.string().optional(),
		cc: z.array(z.string()).optional(),
		subject: z.string().optional(),
		text: z.string().optional(),
		html: z.string().optional(),
		template: z.string().optional(),
		tone: z.string().optional(),
		threadHeaders: z.record(z.string()).optional(),
	})
	.passthrough();
export type LedgerMessage = z.infer<typeof LedgerMessageSchema>;

const base = {
	invoiceId: text,
	at: InstantSchema,
	/** A free note (an ops person's remark, or a detail that was not JSON). */
	note: z.string().optional(),
};

export const TouchEventSchema = z.object({
	kind: z.literal('touch'),
	...base,
	stepId: text,
	status: z.enum(TOUCH_STATUSES),
	key: text,
	channel: z.string().optional(),
	messageId: z.string().optional(),
	executionId: z.string().optional(),
	error: z.string().optional(),
	/** Earlier steps that catch-up skipped when this one was chosen. */
	skipped: z.array(z.string()).optional(),
	message: LedgerMessageSchema.optional(),
});
export const ReplyEventSchema = z.object({
	kind: z.literal('reply'),
	...base,
	intent: z.string().optional(),
	route: z.string().optional(),
	promisedDate: CalendarDateSchema.optional(),
	returnDate: CalendarDateSchema.optional(),
	newContact: z.string().optional(),
	messageId: z.string().optional(),
	summary: z.string().optional(),
});
export const ResolvedEventSchema = z.object({
	kind: z.literal('resolved'),
	...base,
	by: z.string().optional(),
});
export const ApprovalEventSchema = z.object({
	kind: z.literal('approval'),
	...base,
	stepId: text,
	decision: z.enum(APPROVAL_DECISIONS),
	by: z.string().optional(),
	key: z.string().optional(),
});
export const PauseEventSchema = z.object({
	kind: z.literal('pause'),
	...base,
	by: z.string().optional(),
	/** A calendar date or an instant; without it the pause lasts until a `resume`. */
	until: z.string().optional(),
	reason: z.string().optional(),
});
export const ResumeEventSchema = z.object({
	kind: z.literal('resume'),
	...base,
	by: z.string().optional(),
});
export const EscalationEventSchema = z.object({
	kind: z.literal('escalation'),
	...base,
	reason: text,
	priority: z.string().min(1),
	/** De-duplication key: the same key is the same case. */
	key: text,
	stepId: z.string().optional(),
	by: z.string().optional(),
	executionId: z.string().optional(),
	message: LedgerMessageSchema.optional(),
});
export const PaymentEventSchema = z.object({
	kind: z.literal('payment'),
	...base,
	amountMinor: z.number().int().optional(),
	currency: z.string().optional(),
});

export const LedgerEventSchema = z.discriminatedUnion('kind', [
	TouchEventSchema,
	ReplyEventSchema,
	ResolvedEventSchema,
	ApprovalEventSchema,
	PauseEventSchema,
	ResumeEventSchema,
	EscalationEventSchema,
	PaymentEventSchema,
]);
export type LedgerEvent = z.infer<typeof LedgerEventSchema>;
export type LedgerEventInput = z.input<typeof LedgerEventSchema>;
export type TouchEvent = z.infer<typeof TouchEventSchema>;
export type ReplyEvent = z.infer<typeof ReplyEventSchema>;
export type ApprovalEvent = z.infer<typeof ApprovalEventSchema>;
export type EscalationEvent = z.infer<typeof EscalationEventSchema>;
export type PauseEvent = z.infer<typeof PauseEventSchema>;
export type LedgerEventOf<K extends LedgerEventKind> = Extract<LedgerEvent, { kind: K }>;

/** Today's history rows, before the ledger had kinds. */
export interface LegacyHistoryEntry {
	stepId: string;
	at: string;
	status: 'sent' | 'failed';
	/** False for a reservation Record has not confirmed yet. */
	confirmed?: boolean;
}

/**
 * History for one invoice as ledger events: events pass through; legacy `{ stepId, at, status, confirmed? }` rows
 * become touches (confirmed: false = reserved). Entries that are neither are dropped (a plain history is never fatal).
 */
export function toLedgerEvents(
	entries: ReadonlyArray<LedgerEventInput | LegacyHistoryEntry | LedgerEvent>,
	invoiceId: string,
): LedgerEvent[] {
	const events: LedgerEvent[] = [];
	for (const entry of entries) {
		if (!entry || typeof entry !== 'object') continue;
		const raw = entry as Record<string, unknown>;
		if (raw.kind === undefined) {
			// Legacy rows are built directly: the planner reads them per invoice and run, so no schema pass here.
			if (typeof raw.stepId !== 'string' || raw.stepId === '') continue;
			events.push({
				kind: 'touch',
				invoiceId,
				stepId: raw.stepId,
				at: typeof raw.at === 'string' ? raw.at : '',
				status: raw.status === 'failed' ? 'failed' : raw.confirmed === false ? 'reserved' : 'sent',
				key: idempotencyKey(invoiceId, raw.stepId),
			});
			continue;
		}
		// Events the codec already parsed (string instant, invoice id) pass as they are; anything else is validated.
		if (
			typeof raw.at === 'string' &&
			typeof raw.invoiceId === 'string' &&
			KIND_SET.has(raw.kind as string) &&
			(raw.kind !== 'touch' || typeof raw.key === 'string')
		) {
			events.push(raw as LedgerEvent);
			continue;
		}
		const candidate: Record<string, unknown> = { invoiceId, ...raw };
		if (candidate.kind === 'touch' && candidate.key === undefined && typeof raw.stepId === 'string')
			candidate.key = idempotencyKey(String(candidate.invoiceId), raw.stepId);
		const parsed = LedgerEventSchema.safeParse(candidate);
		if (parsed.success) events.push(parsed.data);
	}
	return events;
}

const KIND_SET: ReadonlySet<string> = new Set(LEDGER_EVENT_KINDS);

// ---------------------------------------------------------------------------------------------------------------
// The Data Table row codec
// ---------------------------------------------------------------------------------------------------------------

export type LedgerColumnType = 'string' | 'number' | 'boolean' | 'date';

/** The columns of `collections_ledger`, in order. `npm start` and the templates create the table from this list. */
export const LEDGER_COLUMNS = [
	{ name: 'invoiceId', type: 'string' },
	{ name: 'kind', type: 'string' },
	{ name: 'at', type: 'date' },
	{ name: 'stepId', type: 'string' },
	{ name: 'status', type: 'string' },
	{ name: 'key', type: 'string' },
	{ name: 'executionId', type: 'string' },
	{ name: 'messageId', type: 'string' },
	{ name: 'by', type: 'string' },
	{ name: 'detail', type: 'string' },
] as const satisfies ReadonlyArray<{ name: string; type: LedgerColumnType }>;
export type LedgerColumn = (typeof LEDGER_COLUMNS)[number]['name'];

/**
 * One flat Data Table row. Every column is present (null when empty) so a Data Table insert maps the same columns
 * for every kind. Everything an event has beyond the columns is in `detail`, a JSON object string.
 */
export type LedgerRow = Record<Exclude<LedgerColumn, 'detail'>, string | null> & {
	detail: string | null;
};

const COLUMN_NAMES = LEDGER_COLUMNS.map((column) => column.name) as LedgerColumn[];
const COLUMN_SET = new Set<string>(COLUMN_NAMES);
/** Columns n8n adds to every Data Table row; ignored on the way in. */
const SYSTEM_COLUMNS = new Set(['id', 'createdAt', 'updatedAt']);

/** The flat row for an event (the shape a Data Table insert takes). `at` is normalised to UTC ISO. */
export function eventToRow(event: LedgerEventInput | LedgerEvent): LedgerRow {
	const parsed = LedgerEventSchema.parse(event);
	const row = Object.fromEntries(COLUMN_NAMES.map((name) => [name, null])) as LedgerRow;
	const detail: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(parsed)) {
		if (value === undefined) continue;
		if (COLUMN_SET.has(name) && name !== 'detail' && typeof value === 'string')
			row[name as Exclude<LedgerColumn, 'detail'>] = value;
		else detail[name] = value;
	}
	row.at = new Date(Date.parse(parsed.at)).toISOString();
	row.detail = Object.keys(detail).length > 0 ? JSON.stringify(detail) : null;
	return row;
}

/** Each kind's fields in its schema's order: the order a parse gives them, so `detail` is the same JSON text. */
const FIELDS_OF_KIND = new Map<string, readonly string[]>(
	LedgerEventSchema.options.map((option) => [option.shape.kind.value, Object.keys(option.shape)]),
);
const MESSAGE_FIELDS = Object.keys(LedgerMessageSchema.shape);

/**
 * eventToRow for an event this package has just built from its own typed values (an escalation, a reservation, a
 * release): the same row, without parsing the event again, which was most of the cost per item of a large batch.
 * Fields come in the schema's order and a message's known fields before its others, as a parse orders them.
 * An event from outside (a row, an expression, a person) goes through eventToRow.
 */
export function builtEventToRow(event: LedgerEvent): LedgerRow {
	const fields = FIELDS_OF_KIND.get(event.kind);
	if (!fields) return eventToRow(event);
	const source = event as unknown as Record<string, unknown>;
	const row = Object.fromEntries(COLUMN_NAMES.map((name) => [name, null])) as LedgerRow;
	const detail: Record<string, unknown> = {};
	let details = 0;
	for (const name of fields) {
		let value = source[name];
		if (value === undefined) continue;
		if (COLUMN_SET.has(name) && name !== 'detail' && typeof value === 'string') {
			row[name as Exclude<LedgerColumn, 'detail'>] = value;
			continue;
		}
		if (name === 'message' && value !== null && typeof value === 'object') {
			const message = value as Record<string, unknown>;
			const ordered: Record<string, unknown> = {};
			for (const key of MESSAGE_FIELDS) if (message[key] !== undefined) ordered[key] = message[key];
			for (const key of Object.keys(message))
				if (!(key in ordered) && message[key] !== undefined) ordered[key] = message[key];
			value = ordered;
		}
		detail[name] = value;
		details++;
	}
	row.at = new Date(Date.parse(event.at)).toISOString();
	row.detail = details > 0 ? JSON.stringify(detail) : null;
	return row;
}

export type RowReadResult =
	| { ok: true; event: LedgerEvent }
	| { ok: false; errors: string[]; row: Record<string, unknown> };

function present(value: unknown): boolean {
	return (
		value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '')
	);
}

/**
 * A Data Table row back into an event. Tolerant of what a person types in the n8n UI: any case and spacing in
 * `kind`, a date-only `at` (or, when `at` is empty, the row's createdAt), a detail that is plain text (kept as
 * `note`), a touch without a key (invoiceId:stepId). A row that still does not parse is reported with field-level
 * reasons, never thrown.
 */
export function rowToEvent(row: Record<string, unknown>): RowReadResult {
	if (!row || typeof row !== 'object')
		return { ok: false, errors: ['the row is not an object'], row: {} };
	const fields: Record<string, unknown> = {};
	const detail = row.detail;
	if (present(detail)) {
		let parsedDetail: unknown;
		if (typeof detail === 'string') {
			try {
				parsedDetail = JSON.parse(detail);
			} catch {
				parsedDetail = undefined;
			}
		} else parsedDetail = detail;
		if (parsedDetail && typeof parsedDetail === 'object' && !Array.isArray(parsedDetail))
			Object.assign(fields, parsedDetail);
		else fields.note = String(detail);
	}
	for (const [name, value] of Object.entries(row)) {
		if (name === 'detail' || SYSTEM_COLUMNS.has(name) || !present(value)) continue;
		fields[name] = typeof value === 'string' ? value.trim() : value;
	}
	if (typeof fields.kind === 'string') fields.kind = fields.kind.toLowerCase();
	if (!present(fields.at) && present(row.createdAt)) fields.at = row.createdAt;
	if (fields.kind === 'touch') {
		if (typeof fields.status === 'string') fields.status = fields.status.toLowerCase();
		if (
			!present(fields.key) &&
			typeof fields.invoiceId === 'string' &&
			typeof fields.stepId === 'string'
		)
			fields.key = idempotencyKey(fields.invoiceId, fields.stepId);
	}
	if (fields.kind === 'approval' && !present(fields.decision) && typeof fields.status === 'string')
		fields.decision = fields.status.toLowerCase();
	if (
		(fields.kind === 'pause' || fields.kind === 'escalation') &&
		!present(fields.reason) &&
		typeof fields.note === 'string'
	)
		fields.reason = fields.note;
	if (fields.kind === 'escalation' && !present(fields.priority)) fields.priority = 'P2';
	const parsed = LedgerEventSchema.safeParse(fields);
	if (parsed.success) return { ok: true, event: parsed.data };
	return {
		ok: false,
		errors: parsed.error.issues.map(
			(issue) => `${issue.path.join('.') || 'row'}: ${issue.message}`,
		),
		row,
	};
}

export interface LedgerRead {
	events: LedgerEvent[];
	/** Rows that are not events, with their position and what is wrong. */
	invalid: Array<{ index: number; errors: string[] }>;
}

/** Reads many rows (the Ledger input). Empty items (a Data Table node's "always output data") are skipped quietly. */
export function readLedgerRows(rows: ReadonlyArray<Record<string, unknown>>): LedgerRead {
	const events: LedgerEvent[] = [];
	const invalid: LedgerRead['invalid'] = [];
	rows.forEach((row, index) => {
		// An empty item ("always output data"), or a row of nulls a mapping inserted by mistake: nothing to read.
		if (
			!row ||
			typeof row !== 'object' ||
			Object.entries(row).every(([name, value]) => SYSTEM_COLUMNS.has(name) || !present(value))
		)
			return;
		const read = rowToEvent(row);
		if (read.ok) events.push(read.event);
		else invalid.push({ index, errors: read.errors });
	});
	return { events, invalid };
}

/**
 * Events per invoice, oldest first (stable for equal instants). A consolidated touch (`a:s1+b:s2`) is filed under
 * each invoice it covers, with that invoice's own step and key.
 */
export function groupLedgerByInvoice(events: readonly LedgerEvent[]): Map<string, LedgerEvent[]> {
	const byInvoice = new Map<string, LedgerEvent[]>();
	const add = (invoiceId: string, event: LedgerEvent) => {
		const list = byInvoice.get(invoiceId);
		if (list) list.push(event);
		else byInvoice.set(invoiceId, [event]);
	};
	for (const event of events) {
		if (event.kind === 'touch' && event.key.includes('+')) {
			for (const part of event.key.split('+')) {
				const split = part.trim().lastIndexOf(':');
				if (split <= 0) continue;
				const invoiceId = part.trim().slice(0, split);
				const stepId = part.trim().slice(split + 1);
				add(invoiceId, { ...event, invoiceId, stepId, key: idempotencyKey(invoiceId, stepId) });
			}
			continue;
		}
		add(event.invoiceId, event);
	}
	for (const list of byInvoice.values()) list.sort(byInstant);
	return byInvoice;
}

function byInstant(a: LedgerEvent, b: LedgerEvent): number {
	const left = Date.parse(a.at);
	const right = Date.parse(b.at);
	if (Number.isFinite(left) && Number.isFinite(right)) return left - right;
	return 0;
}

/**
 * The `columns` parameter of a stock Data Table insert (n8n-nodes-base.dataTable, row > insert) that appends the row
 * an item carries at `path` (default `$json.ledgerRow`).
 */
export function ledgerRowMapping(path = '$json.ledgerRow'): {
	mappingMode: 'defineBelow';
	value: Record<string, string>;
	matchingColumns: string[];
	schema: Array<Record<string, unknown>>;
} {
	return {
		mappingMode: 'defineBelow',
		value: Object.fromEntries(COLUMN_NAMES.map((name) => [name, `={{ ${path}.${name} }}`])),
		matchingColumns: [],
		schema: LEDGER_COLUMNS.map((column) => ({
			id: column.name,
			displayName: column.name,
			required: false,
			defaultMatch: false,
			display: true,
			type: column.type === 'date' ? 'dateTime' : column.type,
			readOnly: false,
			removed: false,
		})),
	};
}
