import fc from 'fast-check';

import {
	PRESET_NAMES,
	ledgerHistory,
	planCadenceStep,
	recordSend,
	reserveStep,
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
});
