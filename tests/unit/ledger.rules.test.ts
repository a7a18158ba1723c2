/** The ledger rules of planCadenceStep, as tables: replies, pauses, approvals, reservations. */
import {
	PRESETS,
	planCadenceStep,
	type CadencePlan,
	type CadencePolicyInput,
	type LedgerEventInput,
	type PlanOptions,
} from '../../src';
import { sampleInvoice } from '../helpers/invoices';

// INV-001, due Monday 2026-03-02; standard-5: pre-due 02-27, due 03-02, overdue-7 03-09, overdue-14 03-16.
const invoice = sampleInvoice();
const ID = invoice.id;
const sentDue: LedgerEventInput[] = [
	{
		kind: 'touch',
		invoiceId: ID,
		at: '2026-03-02T10:00:00Z',
		stepId: 'due',
		status: 'reserved',
		key: `${ID}:due`,
	},
	{
		kind: 'touch',
		invoiceId: ID,
		at: '2026-03-02T10:00:05Z',
		stepId: 'due',
		status: 'sent',
		key: `${ID}:due`,
	},
];
const ledgerMode: Partial<PlanOptions> = { reservationTimeoutMinutes: 30 };

function plan(
	history: LedgerEventInput[],
	asOf: string,
	extra: Partial<PlanOptions> = {},
): CadencePlan {
	return planCadenceStep(invoice, 'standard-5', { asOf, history, ...ledgerMode, ...extra });
}

const reply = (
	at: string,
	fields: Partial<Extract<LedgerEventInput, { kind: 'reply' }>> = {},
): LedgerEventInput => ({
	kind: 'reply',
	invoiceId: ID,
	at,
	...fields,
});

describe('a reply after the last touch pauses reminders until it is triaged and cleared', () => {
	const cases: Array<[string, LedgerEventInput[], string, Partial<CadencePlan>]> = [
		[
			'untriaged: waits',
			[reply('2026-03-03T08:00:00Z')],
			'2026-03-10T10:00:00Z',
			{ action: 'wait', rule: 'reply_awaiting_triage' },
		],
		[
			'untriaged: still waits a month later (never releases)',
			[reply('2026-03-03T08:00:00Z')],
			'2026-04-10T10:00:00Z',
			{ action: 'wait', rule: 'reply_awaiting_triage' },
		],
		[
			'untriaged, then resolved by a person: reminders resume',
			[
				reply('2026-03-03T08:00:00Z'),
				{ kind: 'resolved', invoiceId: ID, at: '2026-03-04T08:00:00Z' },
			],
			'2026-03-10T10:00:00Z',
			{ action: 'send', step: expect.objectContaining({ id: 'overdue-7' }) },
		],
		[
			'dispute: a person takes it (escalated once, with a P1 ledger row)',
			[reply('2026-03-03T08:00:00Z', { intent: 'dispute', route: 'escalate' })],
			'2026-03-10T10:00:00Z',
			{
				action: 'escalate',
				rule: 'reply_needs_person',
				ledger: [
					expect.objectContaining({
						kind: 'escalation',
						reason: 'reply_dispute',
						priority: 'P1',
						key: `${ID}:reply:2026-03-03T08:00:00.000Z`,
					}),
				],
			},
		],
		[
			'dispute already escalated: waits with the person',
			[
				reply('2026-03-03T08:00:00Z', { intent: 'dispute' }),
				{
					kind: 'escalation',
					invoiceId: ID,
					at: '2026-03-03T08:05:00Z',
					reason: 'dispute',
					priority: 'P1',
					key: 'x',
				},
			],
			'2026-03-10T10:00:00Z',
			{ action: 'wait', rule: 'reply_with_person' },
		],
		[
			'a question (anything unclear) goes to a person too',
			[reply('2026-03-03T08:00:00Z', { intent: 'question', route: 'review' })],
			'2026-03-10T10:00:00Z',
			{ action: 'escalate', rule: 'reply_needs_person' },
		],
		[
			'promise with a date: waits until date + grace days',
			[reply('2026-03-03T08:00:00Z', { intent: 'promise_to_pay', promisedDate: '2026-03-12' })],
			'2026-03-10T10:00:00Z',
			// 03-14 is a Saturday: the window opens on Monday.
			{ action: 'wait', rule: 'promise_pending', nextEligibleAt: '2026-03-16T09:00:00.000Z' },
		],
		[
			'promise broken: the broken-promise path resumes reminders',
			[reply('2026-03-03T08:00:00Z', { intent: 'promise_to_pay', promisedDate: '2026-03-12' })],
			'2026-03-16T10:00:00Z',
			{ action: 'send', step: expect.objectContaining({ id: 'overdue-14' }) },
		],
		[
			'promise kept in part: a payment after it is a change in the source',
			[
				reply('2026-03-03T08:00:00Z', { intent: 'promise_to_pay', promisedDate: '2026-03-20' }),
				{ kind: 'payment', invoiceId: ID, at: '2026-03-05T08:00:00Z', amountMinor: 50_000 },
			],
			'2026-03-10T10:00:00Z',
			{ action: 'send' },
		],
		[
			'promise without a date goes to a person',
			[reply('2026-03-03T08:00:00Z', { intent: 'promise_to_pay' })],
			'2026-03-10T10:00:00Z',
			{ action: 'escalate', rule: 'reply_needs_person' },
		],
		[
			'out of office: waits until the return date',
			[reply('2026-03-03T08:00:00Z', { intent: 'out_of_office', returnDate: '2026-03-13' })],
			'2026-03-10T10:00:00Z',
			{ action: 'wait', rule: 'out_of_office', nextEligibleAt: '2026-03-13T09:00:00.000Z' },
		],
		[
			'out of office: back, reminders resume',
			[reply('2026-03-03T08:00:00Z', { intent: 'out_of_office', returnDate: '2026-03-09' })],
			'2026-03-10T10:00:00Z',
			{ action: 'send' },
		],
		[
			'out of office without a date: holds 7 days from the reply',
			[reply('2026-03-05T08:00:00Z', { intent: 'out_of_office' })],
			'2026-03-10T10:00:00Z',
			{ action: 'wait', rule: 'out_of_office', nextEligibleAt: '2026-03-12T09:00:00.000Z' },
		],
		[
			'already paid: holds while the source confirms',
			[reply('2026-03-05T08:00:00Z', { intent: 'already_paid' })],
			'2026-03-09T10:00:00Z',
			{ action: 'wait', rule: 'already_paid_claimed' },
		],
		[
			'already paid, still open in the source after 3 business days: a person checks',
			[reply('2026-03-05T08:00:00Z', { intent: 'already_paid' })],
			'2026-03-11T10:00:00Z',
			{
				action: 'escalate',
				rule: 'reply_needs_person',
				ledger: [expect.objectContaining({ reason: 'reply_already_paid' })],
			},
		],
		[
			'a reply before the last touch holds nothing',
			[reply('2026-03-01T08:00:00Z', { intent: 'dispute' })],
			'2026-03-10T10:00:00Z',
			{ action: 'send' },
		],
		[
			'of two open replies, the one for a person wins over a promise',
			[
				reply('2026-03-03T08:00:00Z', { intent: 'promise_to_pay', promisedDate: '2026-03-20' }),
				reply('2026-03-04T08:00:00Z', { intent: 'legal_threat' }),
			],
			'2026-03-10T10:00:00Z',
			{ action: 'escalate', rule: 'reply_needs_person' },
		],
	];
	it.each(cases)('%s', (_, events, asOf, expected) => {
		expect(plan([...sentDue, ...events], asOf)).toMatchObject(expected);
	});

	it("the invoice's lastReplyAt without a reply row is an untriaged reply; a reply row at that time triages it", () => {
		const replied = sampleInvoice({ lastReplyAt: '2026-03-03T08:00:00Z' });
		const options = { asOf: '2026-03-10T10:00:00Z', ...ledgerMode };
		expect(planCadenceStep(replied, 'standard-5', { ...options, history: sentDue })).toMatchObject({
			rule: 'reply_awaiting_triage',
		});
		expect(
			planCadenceStep(replied, 'standard-5', {
				...options,
				history: [...sentDue, reply('2026-03-03T08:00:00Z', { intent: 'legal_threat' })],
			}),
		).toMatchObject({ action: 'escalate', rule: 'reply_needs_person' });
	});
});

describe('pause and resume rows', () => {
	const pause = (at: string, until?: string): LedgerEventInput => ({
		kind: 'pause',
		invoiceId: ID,
		at,
		by: 'maria',
		...(until ? { until } : {}),
	});
	it.each([
		[
			'a pause holds until a resume',
			[pause('2026-03-04T08:00:00Z')],
			{ action: 'wait', rule: 'paused' },
		],
		[
			'a pause with an end date holds until then',
			[pause('2026-03-04T08:00:00Z', '2026-03-12')],
			{ action: 'wait', rule: 'paused', nextEligibleAt: '2026-03-12T09:00:00.000Z' },
		],
		[
			'an ended pause holds nothing',
			[pause('2026-03-04T08:00:00Z', '2026-03-09')],
			{ action: 'send' },
		],
		[
			'resume lifts it',
			[
				pause('2026-03-04T08:00:00Z'),
				{ kind: 'resume', invoiceId: ID, at: '2026-03-05T08:00:00Z' },
			],
			{ action: 'send' },
		],
	] as Array<[string, LedgerEventInput[], Partial<CadencePlan>]>)('%s', (_, events, expected) => {
		expect(plan([...sentDue, ...events], '2026-03-10T10:00:00Z')).toMatchObject(expected);
	});
});

describe('approvals', () => {
	const policy: CadencePolicyInput = {
		...PRESETS['standard-5'],
		steps: PRESETS['standard-5'].steps.map((step) =>
			step.id === 'overdue-7' ? { ...step, requiresApproval: true } : step,
		),
	};
	const at = (asOf: string, history: LedgerEventInput[], extra: Partial<PlanOptions> = {}) =>
		planCadenceStep(invoice, policy, { asOf, history, ...ledgerMode, ...extra });
	const first = at('2026-03-09T10:00:00Z', sentDue);
	const request = first.ledger![0];
	const decision = (
		decided: 'approved' | 'rejected',
		when = '2026-03-09T15:00:00Z',
	): LedgerEventInput => ({
		kind: 'approval',
		invoiceId: ID,
		at: when,
		stepId: 'overdue-7',
		decision: decided,
		by: 'owner@us.test',
	});

	it('a step that needs approval is escalated once, with the rendered message in its ledger row', () => {
		expect(first).toMatchObject({
			action: 'escalate',
			rule: 'requires_approval',
			idempotencyKey: `${ID}:overdue-7`,
		});
		expect(request).toMatchObject({
			kind: 'escalation',
			reason: 'requires_approval',
			stepId: 'overdue-7',
			key: `${ID}:overdue-7`,
		});
		expect((request as { message: { text: string } }).message.text).toBe(first.message!.text);
	});

	it('waits for the answer, and later steps do not overtake it', () => {
		expect(at('2026-03-10T10:00:00Z', [...sentDue, request])).toMatchObject({
			action: 'wait',
			rule: 'awaiting_approval',
		});
	});

	it('approved: exactly that step on Send, same key and message, reserved; once sent it never goes again', () => {
		const approved = at('2026-03-10T10:00:00Z', [...sentDue, request, decision('approved')]);
		expect(approved).toMatchObject({
			action: 'send',
			approved: true,
			step: expect.objectContaining({ id: 'overdue-7' }),
			idempotencyKey: `${ID}:overdue-7`,
			message: expect.objectContaining({
				text: first.message!.text,
				idempotencyKey: `${ID}:overdue-7`,
			}),
			ledger: [
				expect.objectContaining({ kind: 'touch', status: 'reserved', key: `${ID}:overdue-7` }),
			],
		});
		const sent: LedgerEventInput = {
			...(approved.ledger![0] as object),
			status: 'sent',
			at: '2026-03-10T10:00:02Z',
		} as LedgerEventInput;
		const after = at('2026-03-11T10:00:00Z', [
			...sentDue,
			request,
			decision('approved'),
			approved.ledger![0],
			sent,
		]);
		expect(after).toMatchObject({
			action: 'wait',
			rule: 'not_yet_due',
			step: expect.objectContaining({ id: 'overdue-14' }),
		});
	});

	it('rejected: recorded, never sent; the cadence moves on to the next step on its date', () => {
		const history = [...sentDue, request, decision('rejected')];
		expect(at('2026-03-10T10:00:00Z', history)).toMatchObject({
			action: 'wait',
			rule: 'not_yet_due',
			step: expect.objectContaining({ id: 'overdue-14' }),
		});
		expect(at('2026-03-16T10:00:00Z', history)).toMatchObject({
			action: 'send',
			step: expect.objectContaining({ id: 'overdue-14' }),
		});
	});

	it('no answer in 2 business days: ask again (default) or escalate (option), once', () => {
		expect(at('2026-03-11T10:00:00Z', [...sentDue, request])).toMatchObject({
			action: 'escalate',
			rule: 'requires_approval',
			ledger: [expect.objectContaining({ reason: 'requires_approval' })],
		});
		const overdue = at('2026-03-11T10:00:00Z', [...sentDue, request], {
			approvalTimeout: 'escalate',
		});
		expect(overdue).toMatchObject({ action: 'escalate', rule: 'approval_overdue' });
		expect(
			at('2026-03-12T10:00:00Z', [...sentDue, request, overdue.ledger![0]], {
				approvalTimeout: 'escalate',
			}),
		).toMatchObject({
			action: 'wait',
			rule: 'awaiting_approval',
		});
	});
});

describe('reservations: never silently lost, never twice', () => {
	const reserved: LedgerEventInput = {
		kind: 'touch',
		invoiceId: ID,
		at: '2026-03-09T10:00:00Z',
		stepId: 'overdue-7',
		status: 'reserved',
		key: `${ID}:overdue-7`,
		executionId: '101',
		message: { channel: 'email', to: 'ap@acme.test', subject: 'Invoice INV-001', text: 'Hello' },
	};

	it("another execution's live reservation: this run waits", () => {
		expect(
			plan([...sentDue, reserved], '2026-03-09T10:10:00Z', { executionId: '102' }),
		).toMatchObject({
			action: 'wait',
			rule: 'reservation_live',
			nextEligibleAt: '2026-03-09T10:30:00.000Z',
		});
	});

	it('an unconfirmed reservation past the timeout is surfaced once, with the message', () => {
		const next = plan([...sentDue, reserved], '2026-03-10T10:00:00Z');
		expect(next).toMatchObject({
			action: 'escalate',
			rule: 'send_outcome_unknown',
			idempotencyKey: `${ID}:overdue-7`,
			message: expect.objectContaining({ text: 'Hello' }),
			ledger: [
				expect.objectContaining({
					kind: 'escalation',
					reason: 'send_outcome_unknown',
					key: `${ID}:overdue-7`,
				}),
			],
		});
		const history = [...sentDue, reserved, next.ledger![0]];
		expect(plan(history, '2026-03-11T10:00:00Z')).toMatchObject({
			action: 'wait',
			rule: 'outcome_with_person',
		});
		// A person handled it: the step counts as out, the cadence goes on (never a second copy of overdue-7).
		const handled = plan(
			[...history, { kind: 'resolved', invoiceId: ID, at: '2026-03-11T12:00:00Z' }],
			'2026-03-16T10:00:00Z',
		);
		expect(handled).toMatchObject({
			action: 'send',
			step: expect.objectContaining({ id: 'overdue-14' }),
		});
	});

	it('retry, where the option says so: the same step again, counted as a failure', () => {
		expect(
			plan([...sentDue, reserved], '2026-03-10T10:00:00Z', { unconfirmedSends: 'retry' }),
		).toMatchObject({
			action: 'send',
			step: expect.objectContaining({ id: 'overdue-7' }),
			failures: 1,
		});
	});

	it('a confirmed reservation is sent whatever the order of its rows', () => {
		const sent = { ...reserved, status: 'sent', at: '2026-03-09T09:59:00Z' } as LedgerEventInput;
		expect(plan([...sentDue, sent, reserved], '2026-03-16T10:00:00Z')).toMatchObject({
			action: 'send',
			step: expect.objectContaining({ id: 'overdue-14' }),
		});
	});

	it('without a reservation timeout (the static-data ledger) an unconfirmed reservation counts as sent, as before', () => {
		expect(
			planCadenceStep(invoice, 'standard-5', {
				asOf: '2026-03-10T10:00:00Z',
				history: [...sentDue, reserved],
			}),
		).toMatchObject({
			action: 'wait',
			rule: 'not_yet_due',
		});
	});

	it('a send carries its reservation row (with the execution and the message) for the caller to append', () => {
		const send = plan(sentDue, '2026-03-09T10:00:00Z', { executionId: '7' });
		expect(send.ledger).toEqual([
			expect.objectContaining({
				kind: 'touch',
				status: 'reserved',
				stepId: 'overdue-7',
				executionId: '7',
				at: '2026-03-09T10:00:00.000Z',
				message: expect.objectContaining({ to: 'ap@acme.test', text: send.message!.text }),
			}),
		]);
	});
});
