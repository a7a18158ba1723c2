/**
 * The canvas in workflows/collectionsReport.lateFees.json (Payment State Check → Collections Report with a late-fee
 * policy and the statement render), run in the n8n engine against the expectations below, worked by hand.
 */
import type { IDataObject } from 'n8n-workflow';

import { runWorkflow, type WorkflowJson } from '../helpers/engine';
import canvas from './workflows/collectionsReport.lateFees.json';

const workflow = canvas as unknown as WorkflowJson;

const rows = [
	// $2,500.00, 30 days late on 2026-11-22: 2,500.00 × 12.25% × 30 / 365 = $25.17.
	{
		id: 'inv_a1',
		number: 'A-1',
		status: 'open',
		customer: 'Acme',
		email: 'ap@acme.test',
		currency: 'USD',
		total: 2500,
		amountDue: 2500,
		issuedOn: '2026-09-23',
		dueOn: '2026-10-23',
	},
	// €500.00, 60 days late: 500.00 × 12.25% × 60 / 365 = €10.07, × 1.0834 = $10.91.
	{
		id: 'inv_g1',
		number: 'G-1',
		status: 'open',
		customer: 'Globex',
		email: 'ap@globex.test',
		currency: 'EUR',
		total: 500,
		amountDue: 500,
		issuedOn: '2026-08-24',
		dueOn: '2026-09-23',
	},
	// Not due: on Acme's statement, no fee.
	{
		id: 'inv_a2',
		number: 'A-2',
		status: 'open',
		customer: 'Acme',
		email: 'ap@acme.test',
		currency: 'USD',
		total: 400,
		amountDue: 400,
		issuedOn: '2026-11-10',
		dueOn: '2026-12-10',
	},
];

describe('Collections Report canvas: late fees and a statement per customer', () => {
	it('shows the accrual in the summary and renders, and one statement (HTML, CSV file) per customer', async () => {
		const result = await runWorkflow(workflow, { input: rows });
		expect(result.error).toBeUndefined();
		const [report] = result.items('Collections Report');
		expect(report.json.summary).toMatchObject({
			lateFeeInvoiceCount: 2,
			lateFeeAmountMinor: 2517 + 1091,
			lateFeeAmountFormatted: '$36.08',
		});
		expect((report.json.lateFees as IDataObject).byCustomer).toEqual([
			expect.objectContaining({ customer: 'Acme', amountMinor: 2517 }),
			expect.objectContaining({ customer: 'Globex', amountMinor: 1091 }),
		]);
		expect(report.json.markdown).toContain('## Late fees and interest (2 invoices, $36.08)');
		expect(report.json.html).toContain('Late fees and interest: $36.08');

		const statements = report.json.statements as IDataObject[];
		expect(statements.map((statement) => statement.customerName)).toEqual(['Acme', 'Globex']);
		expect(statements[0]).toMatchObject({
			to: 'ap@acme.test',
			totals: [{ currency: 'USD', amountDueMinor: 290_000 }],
		});
		expect((statements[0].message as IDataObject).html).toContain('A-2');
		const [files] = result.items('Collections Report', 1);
		expect(files.binary?.statement1).toMatchObject({ mimeType: 'text/csv' });
		const csv = Buffer.from(files.binary!.statement1.data, 'base64').toString('utf8');
		expect(csv.split('\r\n')).toHaveLength(4); // header, A-1, A-2, final CRLF
		expect(files.binary?.csv).toBeUndefined(); // the open-invoice CSV was not asked for
	});
});
