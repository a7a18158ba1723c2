/**
 * builtEventToRow (issue 15): the ledger row of an event the package built itself, without parsing it again, is the
 * same row eventToRow gives: same columns, same `at`, and `detail` as the same JSON text (fields in schema order, a
 * message's known fields before its others).
 */
import { builtEventToRow, eventToRow, type LedgerEvent } from '../../src';

const events: LedgerEvent[] = [
	{
		kind: 'escalation',
		invoiceId: 'in_1',
		at: '2026-11-22T09:00:00.000Z',
		reason: 'dispute,high_value_overdue',
		priority: 'P1',
		key: 'in_1:dispute',
	},
	{
		// Fields out of schema order, and a note (grouped into another invoice's case).
		priority: 'P2',
		key: 'in_2:broken_promise',
		note: 'case cus_9:broken_promise',
		reason: 'broken_promise',
		at: '2026-11-22T10:00:00+01:00',
		invoiceId: 'in_2',
		kind: 'escalation',
	} as LedgerEvent,
	{
		kind: 'touch',
		invoiceId: 'in_3',
		at: '2026-11-22T09:00:00Z',
		stepId: 'reminder-7',
		status: 'reserved',
		key: 'in_3:reminder-7',
		message: {
			extra: 'kept after the known fields',
			subject: 'Invoice INV-3',
			to: 'ap@example.test',
			threadHeaders: { 'In-Reply-To': '<a@b>' },
			channel: 'email',
		},
	} as LedgerEvent,
];

describe('builtEventToRow', () => {
	it.each(events.map((event) => [event.kind, event] as const))(
		'gives the same row as eventToRow (%s)',
		(_kind, event) => {
			const built = builtEventToRow(event);
			const parsed = eventToRow(event);
			expect(built).toEqual(parsed);
			expect(Object.keys(built)).toEqual(Object.keys(parsed));
			expect(built.detail).toBe(parsed.detail);
		},
	);
});
