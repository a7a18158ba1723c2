import {
	LEDGER_COLUMNS,
	LedgerEventSchema,
	eventToRow,
	groupLedgerByInvoice,
	ledgerRowMapping,
	readLedgerRows,
	rowToEvent,
	toLedgerEvents,
	type LedgerEventInput,
} from '../../src';

const AT = '2026-12-01T09:30:00.000Z';

describe('LedgerEventSchema', () => {
	const events: LedgerEventInput[] = [
		{
			kind: 'touch',
			invoiceId: 'in_1',
			at: AT,
			stepId: 'due',
			status: 'reserved',
			key: 'in_1:due',
			channel: 'email',
			executionId: '42',
			message: { to: 'ap@acme.test', subject: 'Invoice 1', text: 'Hello' },
		},
		{
			kind: 'reply',
			invoiceId: 'in_1',
			at: AT,
			intent: 'promise_to_pay',
			route: 'update',
			promisedDate: '2026-12-15',
		},
		{ kind: 'resolved', invoiceId: 'in_1', at: AT, by: 'maria' },
		{
			kind: 'approval',
			invoiceId: 'in_1',
			at: AT,
			stepId: 'final',
			decision: 'approved',
			by: 'U1',
		},
		{ kind: 'pause', invoiceId: 'in_1', at: AT, until: '2026-12-20', reason: 'CFO call' },
		{ kind: 'resume', invoiceId: 'in_1', at: AT },
		{
			kind: 'escalation',
			invoiceId: 'in_1',
			at: AT,
			reason: 'dispute',
			priority: 'P1',
			key: 'in_1:dispute',
		},
		{ kind: 'payment', invoiceId: 'in_1', at: AT, amountMinor: 12_000, currency: 'EUR' },
	];

	it.each(events.map((event) => [event.kind, event]))(
		'round-trips a %s event through a flat row',
		(_, event) => {
			const row = eventToRow(event);
			expect(Object.keys(row)).toEqual(LEDGER_COLUMNS.map((column) => column.name));
			for (const value of Object.values(row))
				expect(value === null || typeof value === 'string').toBe(true);
			const back = rowToEvent({ id: 7, createdAt: AT, updatedAt: AT, ...row });
			expect(back).toEqual({ ok: true, event: LedgerEventSchema.parse(event) });
		},
	);

	it('requires invoiceId and a real instant on every event', () => {
		expect(LedgerEventSchema.safeParse({ kind: 'resolved', at: AT }).success).toBe(false);
		expect(
			LedgerEventSchema.safeParse({ kind: 'resolved', invoiceId: 'a', at: 'soon' }).success,
		).toBe(false);
	});

	it("keeps today's history rows working as touches (confirmed: false = reserved)", () => {
		const events = toLedgerEvents(
			[
				{ stepId: 'due', at: AT, status: 'sent' },
				{ stepId: 'plus7', at: AT, status: 'sent', confirmed: false },
				{ stepId: 'plus14', at: AT, status: 'failed' },
			],
			'in_9',
		);
		expect(
			events.map((event) => event.kind === 'touch' && [event.stepId, event.status, event.key]),
		).toEqual([
			['due', 'sent', 'in_9:due'],
			['plus7', 'reserved', 'in_9:plus7'],
			['plus14', 'failed', 'in_9:plus14'],
		]);
	});
});

describe('rowToEvent (rows typed by a person in the n8n UI)', () => {
	it('reads a bare resolved row', () => {
		expect(
			rowToEvent({ invoiceId: 'in_1', kind: ' Resolved ', at: '2026-12-02', detail: '' }),
		).toEqual({
			ok: true,
			event: { kind: 'resolved', invoiceId: 'in_1', at: '2026-12-02' },
		});
	});

	it('takes createdAt when at is empty, and plain-text detail as the note / reason', () => {
		const read = rowToEvent({
			id: 3,
			invoiceId: 'in_1',
			kind: 'pause',
			at: null,
			detail: 'CFO call',
			createdAt: AT,
		});
		expect(read).toEqual({
			ok: true,
			event: { kind: 'pause', invoiceId: 'in_1', at: AT, note: 'CFO call', reason: 'CFO call' },
		});
	});

	it('fills a touch key and reads an approval decision from the status column', () => {
		expect(
			rowToEvent({ invoiceId: 'a', kind: 'touch', stepId: 's', status: 'SENT', at: AT }),
		).toMatchObject({
			ok: true,
			event: { key: 'a:s', status: 'sent' },
		});
		expect(
			rowToEvent({ invoiceId: 'a', kind: 'approval', stepId: 's', status: 'Rejected', at: AT }),
		).toMatchObject({
			ok: true,
			event: { decision: 'rejected' },
		});
	});

	it('reports a malformed row field by field, never throws', () => {
		const read = rowToEvent({ kind: 'touch', at: 'yesterday', status: 'maybe' });
		expect(read.ok).toBe(false);
		if (!read.ok) {
			expect(read.errors.join(' ')).toMatch(/invoiceId/);
			expect(read.errors.join(' ')).toMatch(/at: not an ISO date/);
		}
		expect(rowToEvent({ kind: 'party', invoiceId: 'a', at: AT }).ok).toBe(false);
		expect(
			rowToEvent({ invoiceId: 'a', kind: 'touch', stepId: 's', at: AT, detail: '{"oops' }).ok,
		).toBe(false);
	});

	it('readLedgerRows skips empty items and lists the bad rows by position', () => {
		const read = readLedgerRows([
			{},
			{ invoiceId: 'a', kind: 'resolved', at: AT },
			{ kind: 'x' },
			{ id: 9, createdAt: AT, invoiceId: null, kind: '', detail: null },
		]);
		expect(read.events).toHaveLength(1);
		expect(read.invalid.map((bad) => bad.index)).toEqual([2]);
	});
});

describe('groupLedgerByInvoice', () => {
	it('files events per invoice, oldest first, and splits a consolidated touch per invoice', () => {
		const { events } = readLedgerRows([
			eventToRow({ kind: 'resolved', invoiceId: 'a', at: '2026-12-03T00:00:00Z' }),
			eventToRow({
				kind: 'touch',
				invoiceId: 'a',
				at: '2026-12-01T00:00:00Z',
				stepId: 'due',
				status: 'sent',
				key: 'a:due+b:plus7',
			}),
		]);
		const grouped = groupLedgerByInvoice(events);
		expect(grouped.get('a')!.map((event) => event.kind)).toEqual(['touch', 'resolved']);
		expect(grouped.get('b')).toEqual([
			expect.objectContaining({ kind: 'touch', invoiceId: 'b', stepId: 'plus7', key: 'b:plus7' }),
		]);
	});
});

it('ledgerRowMapping maps every column from the item', () => {
	const mapping = ledgerRowMapping();
	expect(Object.keys(mapping.value)).toEqual(LEDGER_COLUMNS.map((column) => column.name));
	expect(mapping.value.invoiceId).toBe('={{ $json.ledgerRow.invoiceId }}');
});
