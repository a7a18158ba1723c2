import {
	PRESETS,
	PRESET_NAMES,
	PolicyError,
	ledgerHistory,
	planCadenceStep,
	pruneLedger,
	recordSend,
	reserveStep,
	resolvePolicy,
	historyFromFields,
	type CadencePolicyInput,
	type CadencePlan,
	type HistoryEntry,
	type Invoice,
	type LedgerData,
	type PolicyRef,
	type PresetName,
} from '../../src';
import { sampleInvoice } from '../helpers/invoices';

const invoice = sampleInvoice;

const DAY = 86_400_000;

/** Runs one invoice through `days` consecutive daily runs (Plan reserves, Record confirms), returning each run's plan. */
function simulate(
	inv: Invoice,
	policy: PolicyRef,
	from: string,
	days: number,
	hourUtc = 10,
	timezone?: string,
): Array<{ date: string; plan: CadencePlan }> {
	const ledger: LedgerData = {};
	const runs: Array<{ date: string; plan: CadencePlan }> = [];
	const start = Date.parse(`${from}T00:00:00Z`);
	for (let day = 0; day < days; day++) {
		const asOf = new Date(start + day * DAY + hourUtc * 3_600_000).toISOString();
		const plan = planCadenceStep(inv, policy, {
			asOf,
			history: ledgerHistory(ledger, inv.id),
			timezone,
		});
		if (plan.idempotencyKey) {
			expect(reserveStep(ledger, inv.id, plan.step!.id, asOf, plan.skippedSteps).ok).toBe(true);
			recordSend(ledger, inv.id, plan.step!.id, 'sent', asOf);
		}
		runs.push({ date: asOf.slice(0, 10), plan });
	}
	return runs;
}

/** The runs that did something: `date action:rule step`. */
function touches(runs: Array<{ date: string; plan: CadencePlan }>): string[] {
	return runs
		.filter(({ plan }) => plan.action !== 'wait' && plan.rule !== 'handed_off')
		.map(
			({ date, plan }) =>
				`${date} ${plan.action}:${plan.rule} ${plan.step?.id ?? '-'}${plan.skippedSteps.length ? ` skipped=${plan.skippedSteps.join(',')}` : ''}`,
		);
}

describe('presets, day by day over 45 days for one invoice (due Monday 2026-03-02, UTC, runs at 10:00)', () => {
	const expected: Record<PresetName, string[]> = {
		'standard-5': [
			'2026-02-27 send:send pre-due',
			'2026-03-02 send:send due',
			'2026-03-09 send:send overdue-7',
			'2026-03-16 send:send overdue-14',
			'2026-04-01 escalate:handoff handoff-30',
		],
		'policy-4': [
			'2026-03-03 send:send reminder-1',
			'2026-03-09 send:send follow-up-7',
			'2026-03-16 send:send call-14',
			'2026-04-01 send:send final-30',
			'2026-04-02 escalate:handoff handoff-30',
		],
		strategic: [
			'2026-02-23 send:send pre-due',
			'2026-03-02 send:send due',
			'2026-03-12 send:send overdue-10',
			'2026-03-23 send:send overdue-21',
			'2026-04-01 send:send call-30',
		],
		// The pre-due reminder falls on Sunday 1 March (outside the window): on Monday latest_only sends "due" and skips it.
		transactional: [
			'2026-03-02 send:send due skipped=pre-due',
			'2026-03-05 send:send overdue-3',
			'2026-03-09 send:send overdue-7',
			'2026-03-16 send:send final-14',
			'2026-03-23 escalate:handoff handoff-21',
		],
	};

	it.each(PRESET_NAMES)('%s', (preset) => {
		const runs = simulate(invoice(), preset, '2026-02-20', 45);
		expect(touches(runs)).toEqual(expected[preset]);
		// Every wait says when the next step can go out; nothing is ever emitted twice.
		for (const { plan } of runs)
			if (plan.rule === 'not_yet_due')
				expect(plan.nextEligibleAt).toMatch(/^2026-\d\d-\d\dT09:00:00\.000Z$/);
		const keys = runs.map(({ plan }) => plan.idempotencyKey).filter(Boolean);
		expect(new Set(keys).size).toBe(keys.length);
	});

	it('strategic holds the final notice for approval, then hands off after 60 days', () => {
		const runs = simulate(invoice(), 'strategic', '2026-04-10', 30);
		expect(touches(runs)).toEqual([
			'2026-04-10 send:send call-30 skipped=pre-due,due,overdue-10,overdue-21',
			'2026-04-16 escalate:requires_approval final-45',
			'2026-05-01 escalate:handoff handoff-60',
		]);
		const approval = runs.find(({ plan }) => plan.rule === 'requires_approval')!.plan;
		expect(approval.requiresApproval).toBe(true);
		expect(approval.message?.requiresApproval).toBe(true);
		expect(approval.message?.tone).toBe('final');
	});

	it('stops for good after the handoff', () => {
		const runs = simulate(invoice(), 'standard-5', '2026-03-30', 10);
		expect(runs.slice(-1)[0].plan).toMatchObject({ action: 'stop', rule: 'handed_off' });
	});
});

describe('time zones, DST, weekends and holidays', () => {
	it('waits before the window opens in New York and sends after, across the DST change on 8 March', () => {
		const ny = invoice({ customer: { name: 'Acme', timezone: 'America/New_York' } });
		// 13:30 UTC is 08:30 EST on 2 March (before 09:00) ...
		const early = planCadenceStep(ny, 'standard-5', { asOf: '2026-03-02T13:30:00Z' });
		expect(early).toMatchObject({
			action: 'wait',
			rule: 'send_window',
			nextEligibleAt: '2026-03-02T09:00:00.000-05:00',
		});
		// ... and 09:30 EDT on 9 March.
		const after = planCadenceStep(ny, 'standard-5', {
			asOf: '2026-03-09T13:30:00Z',
			history: [{ stepId: 'due', at: '2026-03-02T14:00:00Z', status: 'sent' }],
		});
		expect(after).toMatchObject({ action: 'send', step: { id: 'overdue-7' } });
		// A wait on Friday before the change names Monday 09:00 in the new offset.
		const friday = planCadenceStep(ny, 'standard-5', {
			asOf: '2026-03-06T15:00:00Z',
			history: [{ stepId: 'due', at: '2026-03-02T14:00:00Z', status: 'sent' }],
		});
		expect(friday).toMatchObject({
			action: 'wait',
			rule: 'not_yet_due',
			nextEligibleAt: '2026-03-09T09:00:00.000-04:00',
		});
	});

	it('Europe/Berlin leaves summer time on 25 October: the window still opens at 09:00 local', () => {
		const berlin = invoice({
			dueOn: '2026-10-26',
			customer: { name: 'Acme', timezone: 'Europe/Berlin' },
		});
		const plan = planCadenceStep(berlin, 'standard-5', {
			asOf: '2026-10-24T10:00:00Z',
			history: [{ stepId: 'pre-due', at: '2026-10-23T08:00:00Z', status: 'sent' }],
		});
		expect(plan).toMatchObject({
			action: 'wait',
			rule: 'not_yet_due',
			nextEligibleAt: '2026-10-26T09:00:00.000+01:00',
		});
	});

	it.each([
		// 23:30 UTC on Sunday 1 March is already Monday 12:30 in Auckland (due today, in the window) ...
		['Pacific/Auckland', '2026-03-01T23:30:00Z', 'send', 'due'],
		// ... but still Sunday afternoon in Los Angeles.
		['America/Los_Angeles', '2026-03-01T23:30:00Z', 'wait', 'not_yet_due'],
		['UTC', '2026-03-01T23:30:00Z', 'wait', 'not_yet_due'],
		// 00:30 UTC on Monday is Monday 09:30 in Tokyo and Sunday 14:30 in Honolulu.
		['Asia/Tokyo', '2026-03-02T00:30:00Z', 'send', 'due'],
		['Pacific/Honolulu', '2026-03-02T00:30:00Z', 'wait', 'not_yet_due'],
	])('%s at %s: %s', (timezone, asOf, action, rule) => {
		const history: HistoryEntry[] = [
			{ stepId: 'pre-due', at: '2026-02-27T10:00:00Z', status: 'sent' },
		];
		const plan = planCadenceStep(invoice({ customer: { name: 'Acme', timezone } }), 'standard-5', {
			asOf,
			history,
		});
		expect(plan.action).toBe(action);
		expect(plan.rule).toBe(action === 'send' ? 'send' : rule);
		if (action === 'wait') expect(plan.nextEligibleAt).toMatch(/T09:00:00\.000/);
	});

	it('uses the run time zone when the customer has none, and the policy zone after that', () => {
		const plan = planCadenceStep(invoice(), 'standard-5', {
			asOf: '2026-03-01T23:30:00Z',
			timezone: 'Pacific/Auckland',
			history: [{ stepId: 'pre-due', at: '2026-02-27T10:00:00Z', status: 'sent' }],
		});
		expect(plan).toMatchObject({ action: 'send', zone: 'Pacific/Auckland' });
		const bad = planCadenceStep(
			invoice({ customer: { name: 'Acme', timezone: 'Mars/Olympus' } }),
			'standard-5',
			{ asOf: '2026-03-02T10:00:00Z' },
		);
		expect(bad.zone).toBe('UTC');
	});

	it('a step due on a Saturday waits for Monday', () => {
		const saturday = invoice({ dueOn: '2026-03-07' });
		const plan = planCadenceStep(saturday, 'standard-5', {
			asOf: '2026-03-07T10:00:00Z',
			history: [{ stepId: 'pre-due', at: '2026-03-04T10:00:00Z', status: 'sent' }],
		});
		expect(plan).toMatchObject({
			action: 'wait',
			rule: 'send_window',
			step: { id: 'due' },
			nextEligibleAt: '2026-03-09T09:00:00.000Z',
		});
	});

	it('holidays: no sends on a holiday, and business-day offsets skip weekends and holidays', () => {
		const policy: CadencePolicyInput = {
			name: 'business',
			holidays: ['2026-03-09', '2026-03-04'],
			steps: [
				{ id: 'due', offsetDays: 0, channel: 'email', tone: 'neutral', template: 'due-today' },
				{
					id: 'bd-5',
					offsetDays: 5,
					dayCount: 'business',
					channel: 'email',
					tone: 'neutral',
					template: 'overdue-polite',
				},
			],
		};
		const history: HistoryEntry[] = [{ stepId: 'due', at: '2026-03-02T10:00:00Z', status: 'sent' }];
		// Five business days after Monday 2 March, skipping Wednesday 4, the weekend and Monday 9 March: Wednesday 11 March.
		const wait = planCadenceStep(invoice(), policy, { asOf: '2026-03-09T10:00:00Z', history });
		expect(wait).toMatchObject({
			action: 'wait',
			rule: 'not_yet_due',
			nextEligibleAt: '2026-03-11T09:00:00.000Z',
		});
		expect(
			planCadenceStep(invoice(), policy, { asOf: '2026-03-11T10:00:00Z', history }),
		).toMatchObject({ action: 'send', stepDueOn: '2026-03-11' });
		const standardOnHoliday = planCadenceStep(
			invoice(),
			{ ...PRESETS['standard-5'], holidays: ['2026-03-09'] },
			{ asOf: '2026-03-09T10:00:00Z', history },
		);
		expect(standardOnHoliday).toMatchObject({
			action: 'wait',
			rule: 'send_window',
			nextEligibleAt: '2026-03-10T09:00:00.000Z',
		});
	});

	it('a bare as-of date counts as the window opening', () => {
		expect(planCadenceStep(invoice(), 'standard-5', { asOf: '2026-02-27' })).toMatchObject({
			action: 'send',
			step: { id: 'pre-due' },
		});
		expect(planCadenceStep(invoice(), 'standard-5', { asOf: '2026-02-28' })).toMatchObject({
			action: 'wait',
		});
	});
});

describe('stops and holds', () => {
	const asOf = '2026-03-10T10:00:00Z';
	it.each([
		['paid', { lifecycle: 'paid', amountDueMinor: 0, amountPaidMinor: 120000 }, 'stop', 'closed'],
		['void', { lifecycle: 'void' }, 'stop', 'closed'],
		['disputed', { flags: { disputed: true } }, 'stop', 'disputed'],
		['opted out', { flags: { optedOut: true } }, 'stop', 'opted_out'],
		['paused by owner', { flags: { paused: true } }, 'stop', 'paused'],
		['with a person', { flags: { automationPaused: true } }, 'stop', 'paused'],
		['draft', { lifecycle: 'draft' }, 'wait', 'draft'],
		['missing PO', { poRequired: true }, 'escalate', 'missing_po'],
		['no due date', { dueOn: null, issuedOn: null }, 'escalate', 'no_due_date'],
		[
			'C-suite contact',
			{ contact: { email: 'ceo@acme.test', title: 'CEO' } },
			'escalate',
			'csuite_contact',
		],
		['no contact address', { contact: { name: 'Jane' } }, 'escalate', 'invalid_contact'],
	] as Array<[string, Partial<Invoice>, string, string]>)(
		'%s → %s (%s)',
		(_label, overrides, action, rule) => {
			const plan = planCadenceStep(invoice(overrides), 'standard-5', { asOf });
			expect(plan).toMatchObject({ action, rule });
			expect(plan.message).toBeUndefined();
		},
	);

	it('the C-suite contact who is the billing contact is written to', () => {
		expect(
			planCadenceStep(
				invoice({ contact: { email: 'cfo@acme.test', title: 'CFO', isBillingContact: true } }),
				'standard-5',
				{ asOf },
			).action,
		).toBe('send');
	});

	it('a pending promise holds until the promised date plus grace; a broken one resumes and counts', () => {
		const promised = planCadenceStep(invoice({ promise: { date: '2026-03-12' } }), 'standard-5', {
			asOf,
		});
		expect(promised).toMatchObject({
			action: 'wait',
			rule: 'promise_pending',
			nextEligibleAt: '2026-03-16T09:00:00.000Z',
		});
		const brokenOnce = planCadenceStep(invoice({ promise: { date: '2026-03-05' } }), 'standard-5', {
			asOf,
		});
		expect(brokenOnce).toMatchObject({ action: 'send', state: 'broken_promise' });
		const brokenTwice = planCadenceStep(
			invoice({ promise: { date: '2026-03-05', brokenCount: 1 } }),
			'standard-5',
			{ asOf },
		);
		expect(brokenTwice).toMatchObject({ action: 'escalate', rule: 'broken_promises' });
	});

	it('out of office holds until the return date; a reply awaiting triage holds', () => {
		expect(
			planCadenceStep(invoice(), 'standard-5', { asOf, outOfOfficeUntil: '2026-03-13' }),
		).toMatchObject({
			action: 'wait',
			rule: 'out_of_office',
			nextEligibleAt: '2026-03-13T09:00:00.000Z',
		});
		expect(
			planCadenceStep(invoice(), 'standard-5', { asOf, outOfOfficeUntil: '2026-03-10' }).action,
		).toBe('send');
		const replied = invoice({
			lastTouchAt: '2026-03-02T10:00:00Z',
			lastReplyAt: '2026-03-03T08:00:00Z',
		});
		expect(planCadenceStep(replied, 'standard-5', { asOf })).toMatchObject({
			action: 'wait',
			rule: 'reply_awaiting_triage',
		});
		expect(
			planCadenceStep(replied, 'standard-5', { asOf, replyAwaitingTriage: false }).action,
		).toBe('send');
	});

	it('stop conditions from the policy', () => {
		const partial = invoice({ amountPaidMinor: 20000, amountDueMinor: 100000 });
		expect(
			planCadenceStep(partial, { ...PRESETS['standard-5'], stopOn: ['partially_paid'] }, { asOf }),
		).toMatchObject({ action: 'stop', rule: 'stop_condition' });
	});

	it('max touches escalates', () => {
		const history: HistoryEntry[] = [
			{ stepId: 'pre-due', at: '2026-02-27T10:00:00Z', status: 'sent' },
			{ stepId: 'due', at: '2026-03-02T10:00:00Z', status: 'sent' },
		];
		expect(
			planCadenceStep(invoice(), { ...PRESETS['standard-5'], maxTouches: 2 }, { asOf, history }),
		).toMatchObject({ action: 'escalate', rule: 'max_touches' });
	});
});

describe('spacing, catch-up and the ledger', () => {
	it('spacing: 48 h after the last touch, counting a lastTouchAt from the source', () => {
		const plan = planCadenceStep(invoice({ lastTouchAt: '2026-03-09T08:00:00Z' }), 'standard-5', {
			asOf: '2026-03-10T10:00:00Z',
		});
		expect(plan).toMatchObject({
			action: 'wait',
			rule: 'spacing',
			nextEligibleAt: '2026-03-11T09:00:00.000Z',
		});
		const late = planCadenceStep(invoice({ lastTouchAt: '2026-03-09T15:30:00Z' }), 'standard-5', {
			asOf: '2026-03-10T10:00:00Z',
		});
		expect(late.nextEligibleAt).toBe('2026-03-11T15:30:00.000Z');
	});

	it('one_per_run sends missed steps in order, one per run', () => {
		const policy = { ...PRESETS['standard-5'], catchUp: 'one_per_run' as const, spacingHours: 0 };
		const runs = simulate(invoice(), policy, '2026-03-10', 3);
		expect(runs.map(({ plan }) => plan.step?.id)).toEqual(['pre-due', 'due', 'overdue-7']);
		expect(runs.every(({ plan }) => plan.skippedSteps.length === 0)).toBe(true);
	});

	it('latest_only sends the latest due step and lists the skipped ones', () => {
		const plan = planCadenceStep(invoice(), 'standard-5', { asOf: '2026-03-17T10:00:00Z' });
		expect(plan).toMatchObject({
			action: 'send',
			step: { id: 'overdue-14' },
			skippedSteps: ['pre-due', 'due', 'overdue-7'],
		});
	});

	it('a same-day rerun never emits the same step twice', () => {
		const ledger: LedgerData = {};
		const inv = invoice();
		const first = planCadenceStep(inv, 'standard-5', {
			asOf: '2026-03-09T10:00:00Z',
			history: ledgerHistory(ledger, inv.id),
		});
		expect(reserveStep(ledger, inv.id, first.step!.id, '2026-03-09T10:00:00Z').ok).toBe(true);
		// No Record yet: the reservation already counts.
		const rerun = planCadenceStep(inv, 'standard-5', {
			asOf: '2026-03-09T14:00:00Z',
			history: ledgerHistory(ledger, inv.id),
		});
		expect(rerun.action).toBe('wait');
		expect(reserveStep(ledger, inv.id, first.step!.id, '2026-03-09T14:00:00Z')).toMatchObject({
			ok: false,
		});
	});

	it('a failed send is retried on the next run and escalates after N failures', () => {
		const ledger: LedgerData = {};
		const inv = invoice();
		const actions: string[] = [];
		for (let day = 9; day <= 12; day++) {
			const asOf = `2026-03-${String(day).padStart(2, '0')}T10:00:00Z`;
			const plan = planCadenceStep(inv, 'standard-5', {
				asOf,
				history: ledgerHistory(ledger, inv.id),
			});
			actions.push(`${plan.action}:${plan.rule}:${plan.step?.id}`);
			if (plan.action === 'send') {
				reserveStep(ledger, inv.id, plan.step!.id, asOf);
				recordSend(ledger, inv.id, plan.step!.id, 'failed', asOf, 'SMTP 550 mailbox unavailable');
			}
		}
		expect(actions).toEqual([
			'send:send:overdue-7',
			'send:send:overdue-7',
			'send:send:overdue-7',
			'escalate:send_failed:overdue-7',
		]);
	});

	it('Record is idempotent and prunes closed invoices', () => {
		const ledger: LedgerData = {};
		reserveStep(ledger, 'a', 'due', '2026-03-02T10:00:00Z');
		expect(recordSend(ledger, 'a', 'due', 'sent', '2026-03-02T10:01:00Z')).toMatchObject({
			ok: true,
		});
		expect(recordSend(ledger, 'a', 'due', 'sent', '2026-03-02T10:02:00Z')).toMatchObject({
			ok: true,
		});
		expect(ledger.invoices!.a.entries).toHaveLength(1);
		expect(recordSend(ledger, 'a', 'due', 'failed', '2026-03-02T10:03:00Z')).toMatchObject({
			ok: false,
		});
		reserveStep(ledger, 'b', 'due', '2026-03-02T10:00:00Z');
		expect(pruneLedger(ledger, ['a', 'zzz'])).toBe(1);
		expect(Object.keys(ledger.invoices!)).toEqual(['b']);
	});

	it('history from sheet columns (lastStepId / lastTouchAt)', () => {
		const history = historyFromFields('overdue-7', '2026-03-09T10:00:00Z');
		expect(
			planCadenceStep(invoice(), 'standard-5', { asOf: '2026-03-10T10:00:00Z', history }),
		).toMatchObject({ action: 'wait', rule: 'not_yet_due', step: { id: 'overdue-14' } });
		expect(historyFromFields('', '')).toEqual([]);
	});
});

describe('policies', () => {
	it('tier mapping picks the preset', () => {
		expect(
			planCadenceStep(invoice({ customer: { name: 'A', tier: 'strategic' } }), 'by-tier', {
				asOf: '2026-03-10T10:00:00Z',
			}).policy,
		).toBe('strategic');
		expect(
			planCadenceStep(invoice({ customer: { name: 'A', tier: 'friction' } }), 'by-tier', {
				asOf: '2026-03-10T10:00:00Z',
			}).policy,
		).toBe('policy-4');
		expect(
			planCadenceStep(invoice({ customer: { name: 'A', tier: 'transactional' } }), 'by-tier', {
				asOf: '2026-03-10T10:00:00Z',
			}).policy,
		).toBe('transactional');
		expect(planCadenceStep(invoice(), 'by-tier', { asOf: '2026-03-10T10:00:00Z' }).policy).toBe(
			'standard-5',
		);
		expect(
			planCadenceStep(invoice({ customer: { name: 'A', tier: 'standard' } }), 'by-tier', {
				asOf: '2026-03-10T10:00:00Z',
				tierPolicies: { standard: 'policy-4' },
			}).policy,
		).toBe('policy-4');
	});

	it('validates custom policies with field paths', () => {
		expect(() => resolvePolicy({ steps: [] })).toThrow(PolicyError);
		expect(() =>
			resolvePolicy({
				steps: [
					{ id: 'a', offsetDays: 5, channel: 'email', tone: 'neutral', template: 'x' },
					{ id: 'a', offsetDays: 1, channel: 'fax' as never, tone: 'neutral', template: 'x' },
				],
			}),
		).toThrow(/steps\.1\.(id|offsetDays|channel)/);
		expect(() => resolvePolicy('standard-6' as never)).toThrow(/unknown cadence preset/);
		expect(() =>
			resolvePolicy({
				steps: [{ id: 'a', offsetDays: 0, channel: 'email', tone: 'neutral', template: 'x' }],
				sendWindow: { from: '18:00', to: '09:00' },
			}),
		).toThrow(/open before it closes/);
	});

	it('every preset step names a template in the default library', () => {
		for (const preset of PRESET_NAMES)
			for (const step of PRESETS[preset].steps) expect(step.template).toMatch(/^[a-z-]+$/);
	});
});

describe('messages on the plan', () => {
	it('carries to, thread headers from the original message id, and the idempotency key', () => {
		const plan = planCadenceStep(invoice({ messageId: 'abc@mail.acme.test' }), 'standard-5', {
			asOf: '2026-03-10T10:00:00Z',
			cc: ['ar@us.test'],
		});
		expect(plan.message).toMatchObject({
			channel: 'email',
			to: 'ap@acme.test',
			cc: ['ar@us.test'],
			idempotencyKey: 'in_1:overdue-7',
			threadHeaders: { 'In-Reply-To': '<abc@mail.acme.test>', References: '<abc@mail.acme.test>' },
		});
		expect(plan.message!.text).toContain('INV-001');
		expect(plan.message!.text).toContain('$1,200.00');
		expect(plan.message!.text).toContain('March 2, 2026');
		expect(plan.message!.text).toContain('https://pay.test/in_1');
	});

	it('a custom template with forbidden wording escalates with the finding and is never sent', () => {
		const templates = {
			'overdue-polite': {
				email: {
					subject: 'Invoice {{invoice.number}}',
					text: 'Pay {{invoice.amountDue}} for {{invoice.number}} by {{invoice.dueDate}} {{invoice.paymentUrl}} or we will refer this to a collection agency.',
				},
			},
		};
		const plan = planCadenceStep(invoice(), 'standard-5', {
			asOf: '2026-03-10T10:00:00Z',
			templates,
		});
		expect(plan).toMatchObject({ action: 'escalate', rule: 'guardrail' });
		expect(plan.message).toBeUndefined();
		expect(plan.findings).toEqual([
			expect.objectContaining({ rule: 'collection_agency', phrase: 'collection agency' }),
		]);
		expect(plan.blockedMessage?.text).toContain('collection agency');
		expect(plan.idempotencyKey).toBeUndefined();
	});

	it('a custom template missing required content escalates', () => {
		const templates = {
			'overdue-polite': {
				email: { subject: 'Hello', text: 'Hello {{customer.name}}, please pay.' },
			},
		};
		const plan = planCadenceStep(invoice(), 'standard-5', {
			asOf: '2026-03-10T10:00:00Z',
			templates,
		});
		expect(plan.action).toBe('escalate');
		expect(plan.findings!.map((finding) => finding.rule)).toEqual([
			'missing_required',
			'missing_required',
			'missing_required',
			'missing_required',
		]);
	});

	it('a missing variable is an error, never a blank', () => {
		const templates = {
			'overdue-polite': {
				email: { subject: 'x', text: 'Dear {{contact.title}}, {{invoice.number}}' },
			},
		};
		expect(() =>
			planCadenceStep(invoice(), 'standard-5', { asOf: '2026-03-10T10:00:00Z', templates }),
		).toThrow(/contact\.title|title/);
	});
});

describe('the README worked example (INV-001, Europe/Berlin, standard-5, daily at 10:00 UTC)', () => {
	const berlin = invoice({ customer: { name: 'Acme GmbH', timezone: 'Europe/Berlin' } });

	it('touches', () => {
		const runs = simulate(berlin, 'by-tier', '2026-02-20', 45);
		expect(touches(runs)).toEqual([
			'2026-02-27 send:send pre-due',
			'2026-03-02 send:send due',
			'2026-03-09 send:send overdue-7',
			'2026-03-16 send:send overdue-14',
			'2026-04-01 escalate:handoff handoff-30',
		]);
		expect(runs[0].plan.nextEligibleAt).toBe('2026-02-27T09:00:00.000+01:00');
		expect(runs.find(({ date }) => date === '2026-02-27')!.plan.message!.subject).toBe(
			'Upcoming: invoice INV-001 is due on March 2, 2026',
		);
		expect(runs.find(({ date }) => date === '2026-03-09')!.plan.message!.subject).toBe(
			'Invoice INV-001 is now 7 days past due',
		);
		expect(runs.find(({ date }) => date === '2026-04-02')!.plan.rule).toBe('handed_off');
	});

	it('a promise to pay on the 20th holds through the 21st and resumes on Monday the 23rd', () => {
		const promised = invoice({ customer: berlin.customer, promise: { date: '2026-03-20' } });
		expect(planCadenceStep(promised, 'standard-5', { asOf: '2026-03-10T10:00:00Z' })).toMatchObject(
			{ action: 'wait', rule: 'promise_pending', nextEligibleAt: '2026-03-23T09:00:00.000+01:00' },
		);
		expect(planCadenceStep(promised, 'standard-5', { asOf: '2026-03-21T10:00:00Z' }).rule).toBe(
			'promise_pending',
		);
		expect(planCadenceStep(promised, 'standard-5', { asOf: '2026-03-23T10:00:00Z' })).toMatchObject(
			{ action: 'send', state: 'broken_promise' },
		);
	});

	it('missed runs from 3 to 17 March: latest_only skips, one_per_run catches up 48 h apart', () => {
		const history: HistoryEntry[] = [{ stepId: 'due', at: '2026-03-02T10:00:00Z', status: 'sent' }];
		expect(
			planCadenceStep(berlin, 'standard-5', { asOf: '2026-03-17T10:00:00Z', history }),
		).toMatchObject({ action: 'send', step: { id: 'overdue-14' }, skippedSteps: ['overdue-7'] });
		const onePerRun = { ...PRESETS['standard-5'], catchUp: 'one_per_run' as const };
		const ledger: LedgerData = {};
		reserveStep(ledger, berlin.id, 'due', '2026-03-02T10:00:00Z');
		const runs = simulateFrom(ledger, onePerRun, [
			'2026-03-17T10:00:00Z',
			'2026-03-18T10:00:00Z',
			'2026-03-19T10:00:00Z',
		]);
		expect(runs).toEqual(['send:overdue-7', 'wait:overdue-14', 'send:overdue-14']);

		function simulateFrom(store: LedgerData, policy: PolicyRef, moments: string[]): string[] {
			return moments.map((asOf) => {
				const plan = planCadenceStep(berlin, policy, {
					asOf,
					history: ledgerHistory(store, berlin.id),
				});
				if (plan.idempotencyKey) reserveStep(store, berlin.id, plan.step!.id, asOf);
				return `${plan.action}:${plan.step?.id}`;
			});
		}
	});
});

describe('tasks and handoffs', () => {
	it('a call task carries the script with the phone number and goes to the owner, not the customer', () => {
		const inv = invoice({
			contact: { email: 'ap@acme.test', name: 'Jane Doe', phone: '+1 555 0100' },
			owner: { email: 'ana@us.test' },
		});
		const plan = planCadenceStep(inv, 'policy-4', {
			asOf: '2026-03-16T10:00:00Z',
			history: [{ stepId: 'follow-up-7', at: '2026-03-09T10:00:00Z', status: 'sent' }],
		});
		expect(plan).toMatchObject({
			action: 'send',
			step: { id: 'call-14', channel: 'call_task' },
			message: { channel: 'call_task', to: 'ana@us.test' },
		});
		expect(plan.message!.text).toContain('+1 555 0100');
		expect(plan.message!.subject).toBe('Call Acme GmbH about invoice INV-001');
	});

	it('the handoff escalates with a note for the owner, linted at the handoff stage', () => {
		const plan = planCadenceStep(invoice({ owner: { email: 'ana@us.test' } }), 'standard-5', {
			asOf: '2026-04-01T10:00:00Z',
			history: [{ stepId: 'overdue-14', at: '2026-03-16T10:00:00Z', status: 'sent' }],
		});
		expect(plan).toMatchObject({
			action: 'escalate',
			rule: 'handoff',
			idempotencyKey: 'in_1:handoff-30',
			message: { channel: 'human_handoff', to: 'ana@us.test' },
		});
	});
});
