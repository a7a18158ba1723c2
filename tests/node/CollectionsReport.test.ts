import type { IDataObject } from 'n8n-workflow';

import { runNode, runWorkflow, NODE_UNDER_TEST, PACKAGE_NAME } from '../helpers/engine';

const asOf = '2026-11-22T09:00:00Z';

/** Sheet rows in canonical column names, as the Generic source reads them. */
const rows = [
	{
		id: 'inv_1',
		number: 'INV-1001',
		status: 'open',
		customer: 'Acme, Inc.',
		email: 'ap@acme.test',
		currency: 'USD',
		total: 1200,
		amountDue: 1200,
		issuedOn: '2026-09-01',
		dueOn: '2026-10-01',
	},
	{
		id: 'inv_2',
		number: 'INV-1002',
		status: 'open',
		customer: 'Globex',
		email: 'ap@globex.test',
		currency: 'EUR',
		total: 500,
		amountDue: 500,
		issuedOn: '2026-10-15',
		dueOn: '2026-11-14',
	},
	{
		id: 'inv_3',
		number: 'INV-1003',
		status: 'open',
		customer: 'Initech',
		email: 'ap@initech.test',
		currency: 'USD',
		total: 800,
		amountDue: 800,
		issuedOn: '2026-11-10',
		dueOn: '2026-12-10',
	},
	{
		id: 'inv_4',
		number: 'INV-1004',
		status: 'paid',
		customer: 'Hooli',
		email: 'ap@hooli.test',
		currency: 'USD',
		total: 300,
		amountDue: 0,
		amountPaid: 300,
		issuedOn: '2026-10-01',
		dueOn: '2026-10-31',
	},
	{
		id: 'inv_5',
		number: '=HYPERLINK("http://x.test","pay")',
		status: 'open',
		customer: 'Umbrella',
		email: 'ap@umbrella.test',
		currency: 'GBP',
		total: 90,
		amountDue: 90,
		issuedOn: '2026-10-01',
		dueOn: '2026-10-31',
	},
];

describe('Collections Report in the n8n engine', () => {
	it('reports a Payment State Check book: one item paired to every input, renders as strings; files (report.html, CSV, chart) on a second output so the JSON opens first', async () => {
		const result = await runWorkflow(
			{
				nodes: [
					{
						id: 't',
						name: 'Trigger',
						type: 'n8n-nodes-base.manualTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: {},
					},
					{
						id: 'p',
						name: 'Payment State Check',
						type: `${PACKAGE_NAME}.paymentStateCheck`,
						typeVersion: 1,
						position: [200, 0],
						parameters: { source: 'generic', singleOutput: true, options: { asOf } },
					},
					{
						id: 'r',
						name: 'Collections Report',
						type: `${PACKAGE_NAME}.collectionsReport`,
						typeVersion: 1,
						position: [400, 0],
						parameters: {
							currency: 'USD',
							fxRates: { rates: [{ currency: 'EUR', rate: '1.0834' }] },
							options: { asOf, keepTrend: false },
						},
					},
				],
				connections: {
					Trigger: { main: [[{ node: 'Payment State Check', type: 'main', index: 0 }]] },
					'Payment State Check': {
						main: [[{ node: 'Collections Report', type: 'main', index: 0 }]],
					},
				},
			},
			{ input: rows },
		);
		expect(result.error).toBeUndefined();
		const [report] = result.items('Collections Report');
		expect(result.items('Collections Report')).toHaveLength(1);
		expect(report.pairedItem).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		// Report is JSON only (n8n opens an output with files on its Binary tab); Files is the same report with files.
		expect(report.binary).toBeUndefined();
		const [files] = result.items('Collections Report', 1);
		expect(result.items('Collections Report', 1)).toHaveLength(1);
		expect(files.json).toEqual(report.json);
		expect(files.pairedItem).toEqual(report.pairedItem);
		expect(files.binary?.html).toMatchObject({ mimeType: 'text/html', fileName: 'report.html' });
		expect(Buffer.from(files.binary!.html.data, 'base64').toString('utf8')).toBe(report.json.html);
		const summary = report.json.summary as IDataObject;
		// USD 1,200 + EUR 500 × 1.0834 = $541.70 + USD 800; GBP has no rate: skipped, never summed.
		expect(summary).toMatchObject({
			openCount: 3,
			openAmountMinor: 120_000 + 54_170 + 80_000,
			overdueAmountMinor: 120_000 + 54_170,
			skippedCount: 1,
		});
		// Payment State Check's single output lists follow-ups first, so the GBP invoice is not the report's fifth item.
		expect((report.json.skipped as IDataObject[])[0]).toMatchObject({
			invoice: expect.stringMatching(/HYPERLINK/),
			reason: expect.stringMatching(/no exchange rate for GBP/),
		});
		expect(Buffer.from(files.binary!.csv.data, 'base64').toString('utf8')).not.toContain(
			'HYPERLINK',
		);
		expect(report.json.markdown).toEqual(expect.stringContaining('# Collections report'));
		expect(report.json.html).toEqual(expect.stringContaining('<table role="presentation"'));
		expect((report.json.slack as { blocks: unknown[] }).blocks.length).toBeGreaterThan(2);
		expect(files.binary?.csv).toMatchObject({
			mimeType: 'text/csv',
			fileName: 'open-invoices-2026-11-22.csv',
		});
		expect(files.binary?.chart).toMatchObject({
			mimeType: 'image/svg+xml',
			fileName: 'aging-2026-11-22.svg',
		});
		const csv = Buffer.from(files.binary!.csv.data, 'base64').toString('utf8');
		expect(csv.startsWith('\uFEFFinvoice_number,')).toBe(true);
		expect(csv.split('\r\n')).toHaveLength(5); // header, three open invoices, final CRLF
		expect(result.hints('Collections Report').join(' ')).toMatch(
			/1 item\(s\) are not in the report/,
		);
	});

	it('keeps the previous headline in static data and shows the change on the next run', async () => {
		const staticData: IDataObject = {};
		const parameters = (day: string) => ({ currency: 'USD', options: { asOf: day } });
		const book = (dueOn: string) => [
			{ invoice: invoiceJson({ amountDueMinor: 100_000, dueOn }), paymentState: undefined },
		];
		const first = await runNode({
			type: 'collectionsReport',
			parameters: parameters('2026-11-15'),
			input: book('2026-11-10'),
			staticData,
		});
		expect(first.json(NODE_UNDER_TEST)[0].trend).toBeNull();
		expect(
			((staticData.global as IDataObject).collectionsReport as IDataObject).default,
		).toMatchObject({ asOf: '2026-11-15', overdueAmountMinor: 100_000 });

		const second = await runNode({
			type: 'collectionsReport',
			parameters: parameters('2026-11-22'),
			input: book('2026-10-10'),
			staticData,
		});
		const trend = second.json(NODE_UNDER_TEST)[0].trend as IDataObject;
		expect(trend).toMatchObject({
			previousAsOf: '2026-11-15',
			overdueAmountChangeMinor: 0,
			buckets: {
				'1-30': { amountChangeMinor: -100_000 },
				'31-60': { amountChangeMinor: 100_000 },
			},
		});
		expect(second.json(NODE_UNDER_TEST)[0].html).toEqual(
			expect.stringContaining('Since 2026-11-15'),
		);
	});

	it('reads the invoice from another field and lists items without one as skipped, never dropped', async () => {
		const result = await runNode({
			type: 'collectionsReport',
			parameters: {
				currency: 'USD',
				options: { asOf, invoiceField: 'data.invoice', keepTrend: false, renders: ['markdown'] },
			},
			input: [
				{ data: { invoice: invoiceJson({ amountDueMinor: 5_000, dueOn: '2026-11-01' }) } },
				{ data: {} },
				{ unrelated: true },
			],
		});
		const [item] = result.items(NODE_UNDER_TEST);
		expect(item.pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(item.json.summary).toMatchObject({ openAmountMinor: 5_000, skippedCount: 2 });
		expect(item.json.html).toBeUndefined();
		expect(item.binary).toBeUndefined();
		expect(result.items(NODE_UNDER_TEST, 1)).toEqual([]);
	});

	it('stops with a fix-it description on a bad option, or returns the error with Continue On Fail', async () => {
		const failing = await runNode({
			type: 'collectionsReport',
			parameters: { currency: 'dollars' },
			input: [{ invoice: invoiceJson({}) }],
		});
		expect(failing.error?.message).toMatch(/reporting currency "dollars"/);
		expect((failing.error as { description?: string }).description).toMatch(/ISO code/);

		const continued = await runNode({
			type: 'collectionsReport',
			parameters: { currency: 'USD', options: { creditSalesJson: '{ not json' } },
			input: [{ invoice: invoiceJson({}) }, { invoice: invoiceJson({}) }],
			settings: { continueOnFail: true },
		});
		expect(continued.items(NODE_UNDER_TEST)).toEqual([
			{
				json: { error: 'Credit Sales by Month (JSON) is not a JSON object' },
				pairedItem: [{ item: 0 }, { item: 1 }],
			},
		]);
	});
});

let counter = 0;
function invoiceJson(overrides: IDataObject): IDataObject {
	counter++;
	const due = (overrides.amountDueMinor as number | undefined) ?? 10_000;
	return {
		id: `inv_${counter}`,
		number: `INV-${counter}`,
		source: 'generic',
		status: 'open',
		lifecycle: 'open',
		currency: 'USD',
		total: due / 100,
		amountPaid: 0,
		amountDue: due / 100,
		totalMinor: due,
		amountPaidMinor: 0,
		amountDueMinor: due,
		amountDueFormatted: `$${due / 100}`,
		issuedOn: '2026-09-01',
		dueOn: '2026-10-01',
		customer: { name: `Customer ${counter}` },
		contact: { email: 'ap@example.test' },
		flags: {},
		...overrides,
	};
}
