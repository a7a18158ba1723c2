/**
 * The Generic source's fast path (issue 15, src/invoice/fast.ts): for every row it either gives exactly the invoice
 * the general path builds (same fields, same key order) or steps aside (undefined), so the general path gives the
 * invoice or the field-level errors. Compact leaves out only what src/contract restores; shared objects are shared.
 */
import {
	checkPaymentState,
	compactInvoice,
	compileFastGenericReader,
	normalizeInvoice,
	parseInvoice,
	paymentStateChecker,
	paymentStateOnItem,
	restoreInvoice,
	type NormalizeDefaults,
} from '../../src';

/** Rows of the common columns, with the values sheets really hold: clean ones, and each kind of unclean one. */
function rows(count: number): Array<Record<string, unknown>> {
	let seed = 1515;
	const random = () => {
		seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
		return seed / 4294967296;
	};
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
	/** Mostly a clean value, sometimes an unclean one. */
	const value = <T>(clean: readonly T[], unclean: readonly unknown[]): T | unknown =>
		random() < 0.93 ? pick(clean) : pick(unclean);
	const out: Array<Record<string, unknown>> = [];
	for (let index = 0; index < count; index++) {
		const row: Record<string, unknown> = {
			id: value([`inv_${index}`], [` inv_${index}`, index, '']),
			number: value([`INV-${index}`], ['  ', `INV-${index}\u00a0`, undefined]),
			status: value(
				['open', 'open', 'paid', 'draft', 'void', 'Written-Off', 'AUTHORISED'],
				[' open', ''],
			),
			customer: value(['Acme', 'Globex', 'Initech'], [' Acme', { name: 'Nested' }, 42, undefined]),
			email: value(
				['ap@acme.test', 'ap@globex.test'],
				['not an address', ' ap@acme.test', undefined],
			),
			currency: value(['USD', 'EUR', 'JPY', 'KWD'], ['usd', 'EURO', 'US$', undefined]),
			total: value(
				[1200, 99.95, 0, 12.345, 150000, -5],
				['1,234.50', 'lots', Number.NaN, undefined],
			),
			amountPaid: value([0, 0, 400, 12.345], ['10', undefined]),
			amountDue: value([1200, 0, 500, 12.345], ['77.7', null, '']),
			issueDate: value(
				['2026-09-01', '2026-08-15'],
				['2026-02-31', '01/09/2026', '1900-01-01', 46000],
			),
			dueDate: value(['2026-10-01', '2026-12-20'], ['2026-10-01T00:00:00Z', 'soon', '', undefined]),
			timezone: value(['America/New_York', 'Asia/Tokyo', 'UTC'], ['Mars/Olympus', '', undefined]),
		};
		if (random() < 0.2) row.disputed = value([true, false], ['yes']);
		if (random() < 0.2) row.promiseDate = value(['2026-11-20'], ['2026-11-31']);
		if (random() < 0.05) row.paymentUrl = 'https://pay.test/x';
		if (random() < 0.05) row.notes = 'an unknown column';
		if (random() < 0.05) row.due_date = '2026-11-01';
		for (const key of Object.keys(row)) if (row[key] === undefined) delete row[key];
		out.push(row);
	}
	return out;
}

const DEFAULTS: NormalizeDefaults[] = [
	{},
	{
		currency: 'usd',
		timezone: 'Europe/Berlin',
		poRequired: true,
		tier: 'standard',
		locale: 'de-DE',
	},
	{ timezone: 'Not/AZone' },
];

describe('the fast Generic reader', () => {
	it.each(DEFAULTS)(
		'gives the general path’s invoice, key order included, or steps aside (defaults %j)',
		(defaults) => {
			const fast = compileFastGenericReader({ defaults });
			let taken = 0;
			for (const row of rows(4000)) {
				const invoice = fast(row);
				if (invoice === undefined) continue;
				taken++;
				const slow = normalizeInvoice(row, { source: 'generic', defaults });
				expect(slow.ok).toBe(true);
				if (slow.ok) expect(JSON.stringify(invoice)).toBe(JSON.stringify(slow.invoice));
			}
			// The fast path is not vacuous: clean rows are most of a real book, and some are here.
			expect(taken).toBeGreaterThan(100);
		},
	);

	it('compact leaves out only what the contract restores, and shares equal customers, contacts and flags', () => {
		const fast = compileFastGenericReader({ share: true, compact: true });
		const seen = new Map<string, unknown>();
		for (const row of rows(3000)) {
			const invoice = fast(row);
			if (invoice === undefined) continue;
			const slow = normalizeInvoice(row, { source: 'generic' });
			if (!slow.ok) throw new Error('the general path refused a row the fast path read');
			expect(invoice).toEqual(compactInvoice(slow.invoice));
			expect(invoice).not.toHaveProperty('amountDue');
			expect(invoice).not.toHaveProperty('amountDueFormatted');
			expect(restoreInvoice(invoice)).toEqual(slow.invoice);
			const parsed = parseInvoice(invoice);
			expect(parsed.ok && parsed.invoice).toEqual(slow.invoice);
			for (const [kind, value] of [
				['customer', invoice.customer],
				['contact', invoice.contact],
				['flags', invoice.flags],
			] as const) {
				const key = `${kind}:${JSON.stringify(value)}`;
				if (seen.has(key)) expect(seen.get(key)).toBe(value);
				else seen.set(key, value);
			}
		}
	});
});

describe('the batch payment-state checker', () => {
	it('gives what checkPaymentState and paymentStateOnItem give, one shared object per distinct result', () => {
		const options = [
			{ asOf: '2026-11-22T09:00:00Z', timezone: 'UTC' },
			{
				asOf: '2026-11-22T23:30:00Z',
				timezone: 'America/New_York',
				highValue: { USD: 1000, '*': 100_000 },
				poRequired: true,
				dueSoonDays: 7,
			},
		];
		let seed = 7;
		const random = () => {
			seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
			return seed / 4294967296;
		};
		const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
		const invoices = rows(3000).flatMap((row, index) => {
			const extra: Record<string, unknown> = {};
			if (random() < 0.1) extra.failedPaymentAttempts = pick([1, 2]);
			if (random() < 0.1) extra.poNumber = 'PO-1';
			if (random() < 0.1) extra.lastTouchAt = '2026-11-01T10:00:00Z';
			if (random() < 0.05) extra.brokenPromises = 2;
			if (random() < 0.05) extra.paused = true;
			if (random() < 0.05) extra.optedOut = true;
			if (random() < 0.05) extra.contactTitle = 'CFO';
			if (random() < 0.05) extra.dueDate = '';
			const read = normalizeInvoice({ ...row, ...extra, id: `c-${index}` }, { source: 'generic' });
			return read.ok ? [read.invoice] : [];
		});
		expect(invoices.length).toBeGreaterThan(1000);
		for (const option of options)
			for (const detail of ['standard', 'compact'] as const) {
				const check = paymentStateChecker(option, detail);
				const objects = new Map<string, unknown>();
				for (const invoice of invoices) {
					const shared = check(invoice);
					const expected = paymentStateOnItem(checkPaymentState(invoice, option), detail);
					expect(JSON.stringify(shared)).toBe(JSON.stringify(expected));
					const text = JSON.stringify(shared);
					if (objects.has(text)) expect(objects.get(text)).toBe(shared);
					else objects.set(text, shared);
				}
				expect(objects.size).toBeLessThan(invoices.length / 2);
			}
	});
});
