/**
 * The report reads the collections ledger for its period, never depends on item order, and nets credit notes out
 * of receivables as out of credit sales.
 */
import { buildCollectionsReport, type LedgerEvent } from '../../src';
import { invoice, usd } from '../helpers/reportFixtures';

const asOf = '2026-11-22';
const options = { asOf, currency: 'USD', renders: false } as const;

describe('activity from the collections ledger', () => {
	const acme = invoice({
		id: 'inv_acme',
		amountDueMinor: usd(5000),
		dueOn: '2026-10-01',
		customer: { name: 'Acme', id: 'c1' },
	});
	const globex = invoice({
		id: 'inv_globex',
		amountDueMinor: usd(3000),
		dueOn: '2026-10-10',
		customer: { name: 'Globex', id: 'c2' },
	});
	const paid = invoice({
		id: 'inv_paid',
		lifecycle: 'paid',
		status: 'paid',
		totalMinor: usd(800),
		amountPaidMinor: usd(800),
		amountDueMinor: 0,
		dueOn: '2026-11-01',
		paidOn: '2026-11-09',
	});
	const touch = (invoiceId: string, at: string, stepId = 'first'): LedgerEvent => ({
		kind: 'touch',
		invoiceId,
		at,
		stepId,
		status: 'sent',
		key: `${invoiceId}:${stepId}`,
	});
	const ledger: LedgerEvent[] = [
		touch('inv_acme', '2026-11-02T09:00:00Z'),
		touch('inv_acme', '2026-11-09T09:00:00Z', 'second'),
		touch('inv_globex', '2026-11-03T09:00:00Z'),
		touch('inv_paid', '2026-11-02T09:00:00Z'),
		// A touch after the as-of day is not counted.
		touch('inv_globex', '2026-11-25T09:00:00Z', 'later'),
		// The same reservation recorded twice (two rows, one key): one reminder.
		touch('inv_globex', '2026-11-03T09:00:00Z'),
		{
			kind: 'touch',
			invoiceId: 'inv_acme',
			at: '2026-11-16T09:00:00Z',
			stepId: 'x',
			status: 'failed',
			key: 'inv_acme:x',
		},
		{
			kind: 'reply',
			invoiceId: 'inv_acme',
			at: '2026-11-04T09:00:00Z',
			intent: 'promise_to_pay',
			promisedDate: '2026-11-10',
		},
		{
			kind: 'reply',
			invoiceId: 'inv_paid',
			at: '2026-11-03T09:00:00Z',
			intent: 'promise_to_pay',
			promisedDate: '2026-11-12',
		},
		{ kind: 'reply', invoiceId: 'inv_globex', at: '2026-11-06T09:00:00Z', intent: 'out_of_office' },
		{ kind: 'reply', invoiceId: 'inv_globex', at: '2026-11-07T09:00:00Z', intent: 'dispute' },
		{
			kind: 'escalation',
			invoiceId: 'inv_globex',
			at: '2026-11-07T10:00:00Z',
			reason: 'dispute',
			priority: 'P2',
			key: 'generic:inv_globex',
		},
		{
			kind: 'approval',
			invoiceId: 'inv_acme',
			at: '2026-11-08T10:00:00Z',
			stepId: 'final',
			decision: 'approved',
		},
		{
			kind: 'approval',
			invoiceId: 'inv_globex',
			at: '2026-11-08T11:00:00Z',
			stepId: 'final',
			decision: 'rejected',
		},
	];

	it('counts reminders, replies, escalations and approvals of the period from the ledger, not from one run', () => {
		const report = buildCollectionsReport([acme, globex, paid], { ...options, ledger });
		expect(report.summary).toMatchObject({ remindersSent: 4, repliesReceived: 3, escalations: 1 });
		expect(report.activity).toMatchObject({
			source: 'ledger',
			remindersSent: 4,
			replies: 3,
			escalations: 1,
			approvals: { approved: 1, rejected: 1 },
		});
	});

	it('promises: kept when paid by the promised day, broken when the day passed unpaid', () => {
		const report = buildCollectionsReport([acme, globex, paid], { ...options, ledger });
		expect(report.activity.promises).toEqual({ kept: 1, broken: 1, pending: 0 });
	});

	it('time to first response: from the first reminder to the first reply after it, per invoice', () => {
		const report = buildCollectionsReport([acme, globex, paid], { ...options, ledger });
		// acme 2 days, paid 1 day, globex 4 days (the out-of-office is not a response): median 2, mean 2.3.
		expect(report.activity.timeToFirstResponse).toEqual({
			count: 3,
			medianDays: 2,
			averageDays: 2.3,
		});
	});

	it('"stalled" is measured from the last touch or reply in the ledger', () => {
		const quiet = buildCollectionsReport([acme, globex], options);
		expect(quiet.stalled.map((account) => account.customer)).toEqual(['Acme', 'Globex']);
		const report = buildCollectionsReport([acme, globex], { ...options, ledger });
		// Acme's last touch was the 9th (13 days ago: not stalled at 14); Globex last replied on the 7th (15 days).
		expect(report.stalled.map((account) => [account.customer, account.lastActivityOn])).toEqual([
			['Globex', '2026-11-07'],
		]);
	});

	it('without a ledger, activity is what the items carry, and says so', () => {
		const report = buildCollectionsReport([acme], options);
		expect(report.activity).toMatchObject({ source: 'items', remindersSent: 0, replies: 0 });
	});
});

describe('duplicate invoice ids', () => {
	const open = invoice({ id: 'dup', amountDueMinor: usd(1000), dueOn: '2026-11-01' });
	const paidCopy = {
		...open,
		lifecycle: 'paid' as const,
		status: 'paid',
		amountPaidMinor: usd(1000),
		amountDueMinor: 0,
		paidOn: '2026-11-05',
	};

	it('the report does not depend on item order: [open, paid] reports the same as [paid, open]', () => {
		const forward = buildCollectionsReport([open, paidCopy], options);
		const backward = buildCollectionsReport([paidCopy, open], options);
		expect(forward.summary.openAmountMinor).toBe(0);
		const strip = (report: typeof forward) => ({ ...report, generatedAt: '' });
		expect(strip(forward)).toEqual(strip(backward));
		expect(forward.summary.duplicateCount).toBe(1);
	});

	it('of two open records, the one that saw more paid wins, whatever the order', () => {
		const partly = { ...open, amountPaidMinor: usd(400), amountDueMinor: usd(600) };
		expect(buildCollectionsReport([open, partly], options).summary.openAmountMinor).toBe(usd(600));
		expect(buildCollectionsReport([partly, open], options).summary.openAmountMinor).toBe(usd(600));
	});

	it('a record skipped for a broken result never stands in for the invoice: its valid copy counts', () => {
		const broken = { invoice: open, triage: { intent: 'not an intent' } };
		for (const items of [
			[broken, open],
			[open, broken],
		]) {
			const report = buildCollectionsReport(items, options);
			expect(report.summary).toMatchObject({
				openAmountMinor: usd(1000),
				invoiceCount: 1,
				duplicateCount: 0,
				skippedCount: 1,
			});
		}
	});

	it('two identical records with different results: the same one counts in either order', () => {
		const sent = {
			invoice: { ...paidCopy, lastTouchAt: undefined },
			cadence: { action: 'send', reason: 'due', recorded: { status: 'sent' } },
		};
		const quiet = { invoice: sent.invoice };
		const forward = buildCollectionsReport([sent, quiet], options);
		const backward = buildCollectionsReport([quiet, sent], options);
		expect(forward.summary.recoveredCount).toBe(backward.summary.recoveredCount);
		expect({ ...forward, generatedAt: '' }).toEqual({ ...backward, generatedAt: '' });
	});

	it('a stalled account with invoices of several owners is owned as its oldest overdue invoice is', () => {
		const customer = { name: 'Initech', id: 'c3' };
		const older = invoice({
			amountDueMinor: usd(100),
			dueOn: '2026-09-01',
			owner: { name: 'Ben' },
			customer,
		});
		const newer = invoice({
			amountDueMinor: usd(900),
			dueOn: '2026-10-01',
			owner: { name: 'Ana' },
			customer,
		});
		for (const items of [
			[older, newer],
			[newer, older],
		]) {
			const report = buildCollectionsReport(items, options);
			expect(report.stalled).toHaveLength(1);
			expect(report.stalled[0]).toMatchObject({ owner: 'Ben', overdueAmountMinor: usd(1000) });
			const ben = report.byOwner.find((owner) => owner.owner === 'Ben')!;
			expect(ben.actions.stalledAccounts).toBe(1);
		}
	});
});

describe('credit notes', () => {
	it('an open credit note nets receivables as it nets credit sales (DSO does not double)', () => {
		const sales = [
			invoice({
				totalMinor: usd(3000),
				amountDueMinor: usd(1000),
				amountPaidMinor: usd(2000),
				issuedOn: '2026-10-01',
				dueOn: '2026-12-01',
			}),
		];
		const credit = invoice({
			totalMinor: -usd(500),
			amountPaidMinor: 0,
			amountDueMinor: -usd(500),
			issuedOn: '2026-10-15',
			dueOn: '2026-10-15',
		});
		const without = buildCollectionsReport(sales, options);
		const withCredit = buildCollectionsReport([...sales, credit], options);
		// Sales fall from 3000 to 2500 and receivables from 1000 to 500: DSO goes down, never up.
		expect(withCredit.metrics.period.creditSalesMinor).toBe(usd(2500));
		expect(withCredit.metrics.dso.simple).toBeLessThan(without.metrics.dso.simple!);
		expect(withCredit.metrics.dso.simple).toBeCloseTo(
			(500 / 2500) * without.metrics.period.days,
			1,
		);
		expect(withCredit.metrics.notes.join(' ')).toMatch(/credit notes/);
	});
});
