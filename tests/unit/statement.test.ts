import { buildStatement, buildStatements, lintRendered, type Invoice } from '../../src';
import { sampleInvoice } from '../helpers/invoices';

const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

function open(index: number, overrides: Partial<Invoice> = {}): Invoice {
	const day = String((index % 28) + 1).padStart(2, '0');
	const month = String((index % 10) + 1).padStart(2, '0');
	return sampleInvoice({
		id: `in_${index}`,
		number: `INV-${String(index).padStart(3, '0')}`,
		amountDueMinor: 10_000 + index,
		totalMinor: 10_000 + index,
		issuedOn: `2026-${month}-01`,
		dueOn: `2026-${month}-${day}`,
		...overrides,
	});
}

describe('statement of account', () => {
	it('one invoice: the row, its age, the total, an HTML table and a CSV', () => {
		const statement = buildStatement([sampleInvoice()], { asOf: '2026-03-20' });
		expect(statement.rows).toEqual([
			expect.objectContaining({ number: 'INV-001', daysPastDue: 18, bucket: '1-30' }),
		]);
		expect(statement.totals).toEqual([{ currency: 'USD', amountDueMinor: 120_000 }]);
		expect(statement.message.subject).toBe(
			'Statement of account for Acme GmbH as of March 20, 2026',
		);
		expect(statement.message.html).toContain(
			'<td><a href="https://pay.test/in_1">INV-001</a></td><td>February 1, 2026</td><td>March 2, 2026</td><td align="right">18</td><td align="right">$1,200.00</td>',
		);
		expect(statement.message.text).toContain('Total open (USD): $1,200.00');
		expect(statement.csv).toBe(
			'invoice,issued_on,due_on,days_past_due,aging_bucket,currency,amount_due\r\nINV-001,2026-02-01,2026-03-02,18,1-30,USD,1200.00\r\n',
		);
		expect(statement.csvFileName).toBe('statement-acme-gmbh-2026-03-20.csv');
		expect(lintRendered(statement.message)).toEqual([]);
	});

	it('60 invoices: every one listed once, sorted by due date, aged into buckets, totalled exactly', () => {
		const invoices = Array.from({ length: 60 }, (_, index) => open(index));
		const statement = buildStatement(invoices, { asOf: '2026-12-02' });
		expect(statement.rows).toHaveLength(60);
		const dueDates = statement.rows.map((row) => row.dueOn!);
		expect([...dueDates].sort()).toEqual(dueDates);
		expect(statement.totals).toEqual([
			{ currency: 'USD', amountDueMinor: 60 * 10_000 + (59 * 60) / 2 },
		]);
		for (const invoice of invoices) {
			expect(statement.message.text.split(`${invoice.number} |`).length - 1).toBe(1);
			expect(statement.message.html!.split(`>${invoice.number}<`).length - 1).toBe(1);
		}
		expect(statement.csv.trim().split('\r\n')).toHaveLength(61);
		const buckets = new Set(statement.rows.map((row) => row.bucket));
		expect([...buckets].sort()).toEqual(['31-60', '61-90', '90+']);
		expect(lintRendered(statement.message)).toEqual([]);
	});

	it('in the customer language, with the aging labels and money of the locale', () => {
		const statement = buildStatement(
			[
				sampleInvoice({
					currency: 'EUR',
					customer: { id: 'k', name: 'Kunde AG', locale: 'de-DE' },
				}),
			],
			{ asOf: '2026-03-20' },
		);
		expect(statement.message.subject).toBe('Kontoauszug für Kunde AG zum 20. März 2026');
		expect(spaces(statement.message.text)).toContain('- 1 bis 30 Tage: 1.200,00 €');
		expect(statement.locale).toBe('de-DE');
	});

	it('one statement per customer; paid, void and draft invoices are left out', () => {
		const statements = buildStatements(
			[
				open(1),
				open(2, { customer: { id: 'other', name: 'Other Ltd' } }),
				open(3, { lifecycle: 'paid', amountDueMinor: 0 }),
				open(4, { lifecycle: 'void' }),
				open(5),
			],
			{ asOf: '2026-12-02' },
		);
		expect(statements.map((statement) => statement.rows.map((row) => row.number))).toEqual([
			['INV-001', 'INV-005'],
			['INV-002'],
		]);
	});

	it('several currencies: a total per currency, no aging sum across them', () => {
		const statement = buildStatement([open(1), open(2, { currency: 'EUR' })], {
			asOf: '2026-12-02',
		});
		expect(statement.totals.map((total) => total.currency)).toEqual(['USD', 'EUR']);
		expect(statement.message.text).toContain('Total open (EUR): €100.02');
	});
});
