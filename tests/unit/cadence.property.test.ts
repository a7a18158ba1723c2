import fc from 'fast-check';

import {
	PRESET_NAMES,
	ledgerHistory,
	planCadenceStep,
	recordSend,
	reserveStep,
	type CadencePolicyInput,
	type Invoice,
	type LedgerData,
} from '../../src';

const ZONES = [
	'UTC',
	'America/New_York',
	'America/Los_Angeles',
	'Europe/Berlin',
	'Asia/Tokyo',
	'Pacific/Auckland',
	'Pacific/Honolulu',
	'Asia/Kolkata',
];
const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);
const dateOf = (day: number) => new Date(START + day * DAY).toISOString().slice(0, 10);
const dayOf = (date: string) => (Date.parse(`${date}T00:00:00Z`) - START) / DAY;

const invoiceArb = fc
	.record({
		dueDay: fc.integer({ min: 0, max: 300 }),
		zone: fc.constantFrom(...ZONES, undefined),
		tier: fc.constantFrom('strategic', 'standard', 'transactional', 'friction', undefined),
		lifecycle: fc.constantFrom('open', 'open', 'open', 'paid', 'void', 'draft', 'uncollectible'),
		disputed: fc.boolean(),
		optedOut: fc.boolean(),
		paused: fc.boolean(),
		promiseOffset: fc.option(fc.integer({ min: -20, max: 20 })),
		brokenCount: fc.integer({ min: 0, max: 3 }),
		email: fc.boolean(),
		title: fc.constantFrom(undefined, 'AP Clerk', 'CFO', 'Chief Executive Officer'),
		billing: fc.boolean(),
	})
	.map(
		(shape): Invoice => ({
			id: `in_${shape.dueDay}`,
			number: 'INV-1',
			source: 'generic',
			status: shape.lifecycle,
			lifecycle: shape.lifecycle as Invoice['lifecycle'],
			currency: 'EUR',
			total: 100,
			amountPaid: shape.lifecycle === 'paid' ? 100 : 0,
			amountDue: shape.lifecycle === 'paid' ? 0 : 100,
			totalMinor: 10000,
			amountPaidMinor: shape.lifecycle === 'paid' ? 10000 : 0,
			amountDueMinor: shape.lifecycle === 'paid' ? 0 : 10000,
			amountDueFormatted: '€100.00',
			issuedOn: dateOf(shape.dueDay - 30),
			dueOn: dateOf(shape.dueDay),
			customer: {
				name: 'Acme',
				timezone: shape.zone,
				tier: shape.tier as Invoice['customer']['tier'],
			},
			contact: {
				...(shape.email ? { email: 'ap@acme.test' } : {}),
				title: shape.title,
				isBillingContact: shape.billing,
			},
			flags: { disputed: shape.disputed, optedOut: shape.optedOut, paused: shape.paused },
			promise:
				shape.promiseOffset === null
					? undefined
					: { date: dateOf(shape.dueDay + shape.promiseOffset), brokenCount: shape.brokenCount },
			paymentUrl: 'https://pay.test/1',
		}),
	);

describe('planCadenceStep properties (random invoices, zones, run times)', () => {
	it('never messages a closed, disputed, opted-out or paused invoice; sends only inside the window; never repeats a step', () => {
		fc.assert(
			fc.property(
				invoiceArb,
				fc.constantFrom(...PRESET_NAMES, 'by-tier' as const),
				fc.integer({ min: 0, max: 23 }),
				(inv, policy, hour) => {
					const ledger: LedgerData = {};
					const emitted = new Set<string>();
					// 40 daily runs around the due date, at a random hour UTC; Plan reserves, Record confirms.
					const first = Date.parse(`${inv.dueOn}T00:00:00Z`) - 10 * DAY + hour * 3_600_000;
					for (let day = 0; day < 40; day++) {
						const asOf = new Date(first + day * DAY).toISOString();
						const plan = planCadenceStep(inv, policy, {
							asOf,
							history: ledgerHistory(ledger, inv.id),
						});
						const blocked =
							inv.lifecycle !== 'open' ||
							inv.flags.disputed ||
							inv.flags.optedOut ||
							inv.flags.paused;
						if (blocked) expect(plan.action === 'send' || plan.message !== undefined).toBe(false);
						if (
							plan.action === 'send' &&
							(plan.step!.channel === 'email' || plan.step!.channel === 'sms')
						) {
							expect(inv.contact.email).toBeDefined();
							// Never an executive who is not the billing contact.
							expect(
								inv.contact.title &&
									/chief|cfo/i.test(inv.contact.title) &&
									!inv.contact.isBillingContact,
							).toBeFalsy();
							// Inside Mon-Fri 09:00-17:00 in the zone the plan used.
							const local = new Intl.DateTimeFormat('en-GB', {
								timeZone: plan.zone,
								weekday: 'short',
								hour: '2-digit',
								hourCycle: 'h23',
							}).formatToParts(new Date(asOf));
							const weekday = local.find((part) => part.type === 'weekday')!.value;
							const localHour = Number(local.find((part) => part.type === 'hour')!.value);
							expect(['Sat', 'Sun']).not.toContain(weekday);
							expect(localHour >= 9 && localHour < 17).toBe(true);
							expect(plan.message!.text).toContain('INV-1');
						}
						if (plan.action === 'wait' && plan.nextEligibleAt)
							expect(Date.parse(plan.nextEligibleAt)).toBeGreaterThan(Date.parse(asOf) - 60_000);
						if (plan.idempotencyKey) {
							expect(emitted.has(plan.idempotencyKey)).toBe(false);
							emitted.add(plan.idempotencyKey);
							expect(reserveStep(ledger, inv.id, plan.step!.id, asOf).ok).toBe(true);
							recordSend(ledger, inv.id, plan.step!.id, 'sent', asOf);
						}
					}
				},
			),
			{ numRuns: 300 },
		);
	});

	it('with the receipt check, the thank-you and a statement step on: each at most once, the receipt check only before the due date and any reminder, the thank-you only after a reminder and a payment, never to a disputed, opted-out or paused invoice', () => {
		const policy: CadencePolicyInput = {
			name: 'courteous',
			steps: [
				{
					id: 'pre-due',
					offsetDays: -3,
					channel: 'email',
					tone: 'friendly',
					template: 'reminder-before-due',
				},
				{ id: 'due', offsetDays: 0, channel: 'email', tone: 'neutral', template: 'due-today' },
				{
					id: 'statement-7',
					offsetDays: 7,
					channel: 'email',
					tone: 'neutral',
					template: 'statement',
					type: 'statement',
				},
				{
					id: 'overdue-14',
					offsetDays: 14,
					channel: 'email',
					tone: 'firm',
					template: 'overdue-firm',
				},
			],
			messages: { receiptCheck: { enabled: true }, thankYou: { enabled: true, withinDays: 60 } },
		};
		const seen = new Map<string, number>();
		fc.assert(
			fc.property(
				invoiceArb,
				fc.integer({ min: 1, max: 40 }),
				fc.option(fc.integer({ min: 0, max: 39 })),
				fc.integer({ min: 0, max: 23 }),
				fc.boolean(),
				(random, termDays, paidOnRun, hour, plain) => {
					// Half the sample is a plain open invoice, so every courtesy has a chance to go out.
					const open: Invoice = plain
						? {
								...random,
								lifecycle: 'open',
								status: 'open',
								flags: {},
								promise: undefined,
								contact: { email: 'ap@acme.test' },
							}
						: random;
					const ledger: LedgerData = {};
					const emitted = new Set<string>();
					const sent: string[] = [];
					const base = { ...open, issuedOn: dateOf(dayOf(open.dueOn!) - termDays) };
					const first = Date.parse(`${open.dueOn}T00:00:00Z`) - 10 * DAY + hour * 3_600_000;
					for (let run = 0; run < 40; run++) {
						const asOf = new Date(first + run * DAY).toISOString();
						// The invoice may turn paid during the runs (when it was open).
						const paidNow = paidOnRun !== null && run >= paidOnRun && base.lifecycle === 'open';
						const inv: Invoice = paidNow
							? {
									...base,
									lifecycle: 'paid',
									status: 'paid',
									amountDue: 0,
									amountDueMinor: 0,
									amountPaid: 100,
									amountPaidMinor: 10000,
									paidOn: asOf.slice(0, 10),
								}
							: base;
						const plan = planCadenceStep(inv, policy, {
							asOf,
							history: ledgerHistory(ledger, inv.id),
						});
						if (plan.action !== 'send') continue;
						const stepId = plan.step!.id;
						expect(inv.flags.disputed || inv.flags.optedOut || inv.flags.paused).toBeFalsy();
						expect(plan.message!.text).toContain('INV-1');
						if (stepId === 'receipt-check') {
							// Before the due date in the customer's zone.
							const localDate = new Intl.DateTimeFormat('en-CA', { timeZone: plan.zone }).format(
								new Date(asOf),
							);
							expect(localDate < inv.dueOn!).toBe(true);
							expect(inv.lifecycle).toBe('open');
							expect(sent).toEqual([]);
						} else if (stepId === 'thank-you') {
							expect(inv.lifecycle).toBe('paid');
							expect(sent.some((id) => id !== 'receipt-check')).toBe(true);
						} else expect(inv.lifecycle).toBe('open');
						expect(emitted.has(plan.idempotencyKey!)).toBe(false);
						emitted.add(plan.idempotencyKey!);
						sent.push(stepId);
						seen.set(stepId, (seen.get(stepId) ?? 0) + 1);
						expect(reserveStep(ledger, inv.id, stepId, asOf).ok).toBe(true);
						recordSend(ledger, inv.id, stepId, 'sent', asOf);
					}
					expect(sent.filter((id) => id === 'receipt-check').length).toBeLessThanOrEqual(1);
					expect(sent.filter((id) => id === 'thank-you').length).toBeLessThanOrEqual(1);
				},
			),
			{ numRuns: 200 },
		);
		// Not vacuous: every kind of touch went out somewhere in the sample.
		for (const stepId of ['receipt-check', 'pre-due', 'statement-7', 'thank-you'])
			expect({ stepId, sent: (seen.get(stepId) ?? 0) > 0 }).toEqual({ stepId, sent: true });
	});
});
