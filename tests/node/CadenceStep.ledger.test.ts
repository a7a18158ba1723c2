/**
 * The collections ledger in the real n8n engine: Cadence Step with its Ledger input (Data Table rows as plain
 * items), the rows it hands out inserted into a table before and after the send, across several executions.
 */
import type { IDataObject } from 'n8n-workflow';

import { PRESETS, type Invoice } from '../../src';
import { runNode, runWorkflow, type RunOptions } from '../helpers/engine';
import { sampleInvoice } from '../helpers/invoices';
import { FakeLedger, ledgerLoop, useLedger } from '../helpers/ledgerTable';

// INV-001 is due Monday 2026-03-02 (Berlin); standard-5: due 03-02, overdue-7 03-09, overdue-14 03-16.
const invoice = (overrides: Partial<Invoice> = {}) =>
	sampleInvoice({
		customer: { id: 'cus_1', name: 'Acme GmbH', timezone: 'Europe/Berlin' },
		...overrides,
	});
const ID = 'in_1';
const input = (inv: Invoice = invoice()) => [{ invoice: inv as unknown as IDataObject }];

const planAt = (asOf: string, extra: IDataObject = {}) => ({
	policy: 'standard-5',
	options: { asOf, ...extra },
});

async function day(
	ledger: FakeLedger,
	asOf: string,
	options: Partial<RunOptions> & { plan?: IDataObject; mailFails?: boolean } = {},
) {
	useLedger(ledger);
	const { plan = {}, mailFails, ...run } = options;
	const workflow = ledgerLoop({ ...planAt(asOf), ...plan }, input(), { mailFails });
	return runWorkflow(workflow, run);
}

const SEND = 0;
const WAIT = 1;
const ESCALATE = 3;

describe('Cadence Step with the Ledger input (Data Table rows)', () => {
	it('a new node reads the Ledger input by default and shows two inputs; a saved version 1 keeps static data', async () => {
		const ledger = new FakeLedger();
		const result = await day(ledger, '2026-03-09T10:00:00Z');
		expect(result.error).toBeUndefined();
		expect(result.counts('Plan')).toEqual([1, 0, 0, 0]);
		// The reservation went in before the mail, the sent row after Record.
		expect(ledger.rows.map((row) => [row.kind, row.status, row.key])).toEqual([
			['touch', 'reserved', `${ID}:overdue-7`],
			['touch', 'sent', `${ID}:overdue-7`],
		]);
		expect(ledger.rows[0].id).toBeLessThan(ledger.rows[1].id as number);
		expect(ledger.mails).toHaveLength(1);
		expect(ledger.rows[1].messageId).toBe('msg-1');
		expect(result.staticData).toEqual({});
	});

	it('reminder → dispute reply → the next day sends nothing and a person has the case (once)', async () => {
		const ledger = new FakeLedger();
		await day(ledger, '2026-03-09T10:00:00Z');
		// What Reply Triage's row looks like after the customer disputes the reminder.
		ledger.add({
			invoiceId: ID,
			kind: 'reply',
			at: '2026-03-09T15:00:00Z',
			detail: JSON.stringify({ intent: 'dispute', route: 'escalate' }),
		});
		const next = await day(ledger, '2026-03-16T10:00:00Z');
		expect(next.counts('Plan')).toEqual([0, 0, 0, 1]);
		expect(next.json('Plan', ESCALATE)[0].cadence).toMatchObject({ rule: 'reply_needs_person' });
		expect(ledger.rowsOf('escalation')).toEqual([
			expect.objectContaining({ invoiceId: ID, key: `${ID}:reply:2026-03-09T15:00:00.000Z` }),
		]);
		const after = await day(ledger, '2026-03-17T10:00:00Z');
		expect(after.counts('Plan')).toEqual([0, 1, 0, 0]);
		expect(after.json('Plan', WAIT)[0].cadence).toMatchObject({ rule: 'reply_with_person' });
		expect(ledger.mails).toHaveLength(1);
		// An ops person resolves it in the n8n UI: reminders resume.
		ledger.add({ invoiceId: ID, kind: 'resolved', at: '2026-03-17T12:00:00Z', by: 'maria' });
		const resumed = await day(ledger, '2026-03-18T10:00:00Z');
		expect(resumed.counts('Plan')).toEqual([1, 0, 0, 0]);
		expect(ledger.mails.map((mail) => mail.key)).toEqual([`${ID}:overdue-7`, `${ID}:overdue-14`]);
	});

	it('promise → wait → broken → resume', async () => {
		const ledger = new FakeLedger();
		await day(ledger, '2026-03-09T10:00:00Z');
		ledger.add({
			invoiceId: ID,
			kind: 'reply',
			at: '2026-03-10T08:00:00Z',
			detail: JSON.stringify({ intent: 'promise_to_pay', promisedDate: '2026-03-18' }),
		});
		const waiting = await day(ledger, '2026-03-16T10:00:00Z');
		expect(waiting.counts('Plan')).toEqual([0, 1, 0, 0]);
		expect(waiting.json('Plan', WAIT)[0].cadence).toMatchObject({ rule: 'promise_pending' });
		const broken = await day(ledger, '2026-03-20T10:00:00Z');
		expect(broken.counts('Plan')).toEqual([1, 0, 0, 0]);
		expect(ledger.mails.map((mail) => mail.key)).toEqual([`${ID}:overdue-7`, `${ID}:overdue-14`]);
	});

	describe('approvals', () => {
		const policy = {
			policy: 'json',
			policyJson: JSON.stringify({
				...PRESETS['standard-5'],
				steps: PRESETS['standard-5'].steps.map((step) =>
					step.id === 'overdue-7' ? { ...step, requiresApproval: true } : step,
				),
			}),
		};

		it('approval → sent exactly once, the approved message with the same key', async () => {
			const ledger = new FakeLedger();
			const asked = await day(ledger, '2026-03-09T10:00:00Z', { plan: policy });
			expect(asked.counts('Plan')).toEqual([0, 0, 0, 1]);
			const request = asked.json('Plan', ESCALATE)[0].cadence as IDataObject;
			expect(ledger.rowsOf('escalation')).toHaveLength(1);
			expect(ledger.mails).toHaveLength(0);
			// The owner approves in Slack; the template appends the approval row, reads the invoice fresh and plans again.
			ledger.add({
				invoiceId: ID,
				kind: 'approval',
				stepId: 'overdue-7',
				status: 'approved',
				by: 'U123',
				at: '2026-03-09T11:00:00Z',
			});
			const approved = await day(ledger, '2026-03-09T11:05:00Z', { plan: policy });
			expect(approved.counts('Plan')).toEqual([1, 0, 0, 0]);
			expect(ledger.mails).toEqual([
				expect.objectContaining({
					key: request.idempotencyKey,
					subject: (request.message as IDataObject).subject,
				}),
			]);
			// The daily run the next morning: nothing more for that step.
			const next = await day(ledger, '2026-03-10T10:00:00Z', { plan: policy });
			expect(next.counts('Plan')[SEND]).toBe(0);
			expect(ledger.mails).toHaveLength(1);
		});

		it('rejection → never sent; the cadence moves on', async () => {
			const ledger = new FakeLedger();
			await day(ledger, '2026-03-09T10:00:00Z', { plan: policy });
			ledger.add({
				invoiceId: ID,
				kind: 'approval',
				stepId: 'overdue-7',
				status: 'rejected',
				at: '2026-03-09T11:00:00Z',
			});
			for (const asOf of ['2026-03-09T11:05:00Z', '2026-03-10T10:00:00Z', '2026-03-12T10:00:00Z'])
				expect((await day(ledger, asOf, { plan: policy })).counts('Plan')[SEND]).toBe(0);
			await day(ledger, '2026-03-16T10:00:00Z', { plan: policy });
			expect(ledger.mails.map((mail) => mail.key)).toEqual([`${ID}:overdue-14`]);
		});
	});

	it('Plan → the send fails and the execution errors → the next run surfaces it, with the message', async () => {
		const ledger = new FakeLedger();
		const failed = await day(ledger, '2026-03-09T10:00:00Z', { mailFails: true });
		expect(failed.error?.message).toMatch(/550/);
		expect(ledger.rows.map((row) => row.status)).toEqual(['reserved']);
		const next = await day(ledger, '2026-03-10T10:00:00Z');
		expect(next.counts('Plan')).toEqual([0, 0, 0, 1]);
		expect(next.json('Plan', ESCALATE)[0].cadence).toMatchObject({
			rule: 'send_outcome_unknown',
			idempotencyKey: `${ID}:overdue-7`,
			message: expect.objectContaining({ to: 'ap@acme.test', subject: expect.any(String) }),
		});
		expect((await day(ledger, '2026-03-11T10:00:00Z')).counts('Plan')).toEqual([0, 1, 0, 0]);
		expect(ledger.mails).toHaveLength(0);
	});

	it('a manual run, then a scheduled run → no duplicate', async () => {
		const ledger = new FakeLedger();
		const manual = await day(ledger, '2026-03-09T10:00:00Z', {
			mode: 'manual',
			executionId: 'manual-1',
		});
		expect(manual.counts('Plan')[SEND]).toBe(1);
		const scheduled = await day(ledger, '2026-03-09T11:00:00Z', {
			mode: 'trigger',
			executionId: 'scheduled-2',
		});
		expect(scheduled.counts('Plan')[SEND]).toBe(0);
		expect(ledger.mails).toHaveLength(1);
	});

	it('two overlapping executions → one send (the second finds the live reservation and waits)', async () => {
		const ledger = useLedger(new FakeLedger());
		let release!: () => void;
		ledger.gate = new Promise((resolve) => (release = resolve));
		const first = runWorkflow(ledgerLoop(planAt('2026-03-09T10:00:00Z'), input()), {
			executionId: 'run-A',
		});
		// Let A plan and reserve; it now waits inside the mail node.
		for (let tries = 0; ledger.rows.length === 0 && tries < 2000; tries++)
			await new Promise((resolve) => setTimeout(resolve, 5));
		ledger.gate = undefined;
		const second = await runWorkflow(ledgerLoop(planAt('2026-03-09T10:01:00Z'), input()), {
			executionId: 'run-B',
		});
		expect(second.counts('Plan')).toEqual([0, 1, 0, 0]);
		expect(second.json('Plan', WAIT)[0].cadence).toMatchObject({ rule: 'reservation_live' });
		release();
		await first;
		expect(ledger.mails).toEqual([expect.objectContaining({ executionId: 'run-A' })]);
		expect(ledger.rows.map((row) => [row.status, row.executionId])).toEqual([
			['reserved', 'run-A'],
			['sent', 'run-A'],
		]);
	});

	it.each([
		['legal_threat', ESCALATE, 'reply_needs_person'],
		['dispute', ESCALATE, 'reply_needs_person'],
		['out_of_office', WAIT, 'out_of_office'],
	])(
		'a triage key on the item (%s) holds by what it says, never releases the hold (version 1, static data)',
		async (intent, output, rule) => {
			const replied = invoice({ lastReplyAt: '2026-03-08T09:00:00Z' });
			const result = await runNode({
				type: 'cadenceStep',
				parameters: planAt('2026-03-09T10:00:00Z'),
				input: [
					{
						invoice: replied as unknown as IDataObject,
						triage: { intent, route: 'escalate', extracted: { returnDate: '2026-03-20' } },
					},
				],
			});
			expect(result.counts('Node Under Test')[SEND]).toBe(0);
			expect(result.json('Node Under Test', output)[0].cadence).toMatchObject({ rule });
		},
	);

	it('a malformed ledger row is reported in a hint, never a crash; empty items are ignored', async () => {
		const ledger = new FakeLedger();
		ledger.add({ kind: 'touch', invoiceId: ID, at: 'last tuesday', stepId: 'due' });
		const result = await day(ledger, '2026-03-09T10:00:00Z');
		expect(result.error).toBeUndefined();
		expect(result.counts('Plan')).toEqual([1, 0, 0, 0]);
		expect(result.hints('Plan').join(' ')).toMatch(
			/1 Ledger row\(s\) could not be read.*at: not an ISO date/,
		);
	});
});
