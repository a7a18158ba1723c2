/**
 * A realistic book rendered end to end. With REPORT_PREVIEW_DIR set, the renders are written there so the HTML can
 * be looked at in a browser or screenshotted with headless Chromium (a look-once check, not part of CI).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildCollectionsReport, type CollectionsReport } from '../../src/report';
import type { Invoice } from '../../src/invoice';
import { invoice, usd } from '../helpers/reportFixtures';

const asOf = '2026-11-22';
const ana = { name: 'Ana Ruiz', email: 'ana@example.com' };
const ben = { name: 'Ben Okafor', email: 'ben@example.com' };
const chen = { name: 'Chen Wei', email: 'chen@example.com' };

function open(
	customer: string,
	id: string,
	owner: Invoice['owner'],
	amount: number,
	dueOn: string,
	extra: Partial<Invoice> = {},
) {
	return invoice({
		amountDueMinor: usd(amount),
		dueOn,
		issuedOn: shift(dueOn, -30),
		owner,
		customer: { name: customer, id },
		...extra,
	});
}

function paid(
	customer: string,
	id: string,
	owner: Invoice['owner'],
	amount: number,
	dueOn: string,
	paidOn: string,
	extra: Partial<Invoice> = {},
) {
	return invoice({
		lifecycle: 'paid',
		status: 'paid',
		amountDueMinor: 0,
		amountPaidMinor: usd(amount),
		totalMinor: usd(amount),
		dueOn,
		issuedOn: shift(dueOn, -30),
		owner,
		customer: { name: customer, id },
		paidOn,
		...extra,
	});
}

function shift(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function demoBook(): unknown[] {
	return [
		{
			invoice: open('Northwind Traders', 'c01', ana, 48_250, '2026-08-05', {
				lastTouchAt: '2026-09-30T10:00:00Z',
			}),
		},
		{
			invoice: open('Contoso Pharmaceuticals', 'c02', ben, 36_900, '2026-09-14', {
				flags: { disputed: true },
			}),
			escalation: { escalate: true, reasons: ['dispute'], priority: 'P1', owner: ben },
		},
		{
			invoice: open('Fabrikam Robotics GmbH', 'c03', chen, 21_400, '2026-10-02', {
				currency: 'EUR',
				amountDueMinor: 21_400_00,
			}),
			cadence: { action: 'send', reason: 'step 3', recorded: { status: 'sent' } },
		},
		{
			invoice: open('Adventure Works', 'c04', ana, 18_750, '2026-10-20', {
				promise: { date: '2026-11-28' },
			}),
			triage: {
				intent: 'promise_to_pay',
				intents: ['promise_to_pay'],
				escalate: false,
				extracted: { promisedDate: '2026-11-28' },
			},
		},
		{
			invoice: open('Tailspin Toys', 'c05', ben, 12_300, '2026-07-01', {
				lastTouchAt: '2026-10-12T09:00:00Z',
			}),
		},
		{
			invoice: open('Wide World Importers', 'c06', chen, 9_870, '2026-11-08'),
			cadence: { action: 'send', reason: 'step 1', recorded: { status: 'sent' } },
		},
		{
			invoice: open('Litware Inc.', 'c07', ana, 7_420, '2026-11-15'),
			triage: { intent: 'question', intents: ['question'], escalate: false, extracted: {} },
		},
		{
			invoice: open('Proseware, "Ltd"', 'c08', undefined, 5_600, '2026-09-28', {
				currency: 'GBP',
				amountDueMinor: 5_600_00,
			}),
		},
		{
			invoice: open('Margie’s Travel', 'c09', ben, 3_150, '2026-11-01', {
				promise: { date: '2026-11-12', brokenCount: 1 },
			}),
			escalation: { escalate: true, reasons: ['broken_promises'], priority: 'P2', owner: ben },
		},
		{ invoice: open('Blue Yonder Airlines', 'c10', chen, 64_000, '2026-12-20') },
		{ invoice: open('Coho Winery', 'c11', ana, 22_500, '2026-12-05') },
		{ invoice: open('Alpine Ski House', 'c12', ben, 14_800, '2026-12-12') },
		{ invoice: open('Lucerne Publishing', 'c13', chen, 31_200, '2026-11-30') },
		{ invoice: open('Trey Research', 'c14', ana, 8_900, '2026-11-25') },
		{
			invoice: open('Relecloud', 'c15', undefined, 2_400, '2026-06-10', {
				lastTouchAt: '2026-08-01T09:00:00Z',
			}),
		},
		{
			invoice: open('Fourth Coffee', 'c16', ben, 1_250, '2026-11-19'),
			triage: {
				intent: 'out_of_office',
				intents: ['out_of_office'],
				escalate: false,
				extracted: {},
			},
		},
		paid('Graphic Design Institute', 'c17', ana, 12_000, '2026-10-15', '2026-10-19'),
		paid('School of Fine Art', 'c18', chen, 8_400, '2026-10-01', '2026-10-27', {
			lastTouchAt: '2026-10-10T09:00:00Z',
		}),
		paid('VanArsdel Ltd.', 'c19', ben, 26_000, '2026-09-20', '2026-09-18'),
		paid('Humongous Insurance', 'c20', ana, 4_300, '2026-11-05', '2026-11-12', {
			promise: { date: '2026-11-12' },
		}),
		paid('City Power & Light', 'c21', chen, 15_500, '2026-10-25', '2026-11-14', {
			lastTouchAt: '2026-11-02T09:00:00Z',
		}),
		{ invoice: { id: 'broken', currency: 'USD' } },
		{
			invoice: open('Woodgrove Bank', 'c22', ana, 3_000, '2026-10-01', {
				currency: 'CHF',
				amountDueMinor: 3_000_00,
			}),
		},
	];
}

export function demoReport(): CollectionsReport {
	const options = {
		asOf,
		currency: 'USD',
		fxRates: { EUR: '1.0834', GBP: '1.2712' },
		creditSalesByMonth: {
			'2026-09': 240_000,
			'2026-10': 262_000,
			'2026-11': 171_000,
			'2026-08': 228_000,
			'2026-07': 215_000,
		},
		beginningReceivables: 352_000,
		title: 'Collections report · Acme Corp',
	};
	// Last week's headline: the same book, a little lighter in the older buckets, so the trend shows movement.
	const previous = {
		...buildCollectionsReport(demoBook(), { ...options, renders: false }).headline,
		asOf: '2026-11-15',
	};
	previous.overdueAmountMinor -= usd(14_000);
	previous.buckets['31-60'].amountMinor -= usd(21_000);
	previous.buckets['1-30'].amountMinor += usd(7_000);
	previous.dsoCountback = (previous.dsoCountback ?? 0) - 2.4;
	return buildCollectionsReport(demoBook(), { ...options, previous });
}

describe('a realistic book, rendered', () => {
	const report = demoReport();

	it('adds up', () => {
		expect(report.summary.openCount).toBe(16);
		expect(report.summary.skippedCount).toBe(2);
		expect(report.skipped.map((entry) => entry.reason).join(' ')).toMatch(/CHF/);
		expect(report.metrics.dso.countback).not.toBeNull();
		expect(report.metrics.cei).not.toBeNull();
		expect(report.trend?.text).toMatch(/^Since 2026-11-15/);
	});

	it('writes the renders for a look in a browser when REPORT_PREVIEW_DIR is set', () => {
		const dir = process.env.REPORT_PREVIEW_DIR;
		if (!dir) return;
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, 'report.html'), report.renders.html!);
		writeFileSync(join(dir, 'report.md'), report.renders.markdown!);
		writeFileSync(join(dir, 'aging.svg'), report.renders.svg!);
		writeFileSync(join(dir, 'open-invoices.csv'), report.renders.csv!);
		writeFileSync(join(dir, 'slack.json'), JSON.stringify(report.renders.slack, null, 2));
	});
});
