/** Collections Report with the collections ledger on its Ledger input: activity of the period, not of one run. */
import type { IDataObject } from 'n8n-workflow';

import { checkPaymentState, eventToRow, type LedgerEventInput } from '../../src';
import { runWorkflow } from '../helpers/engine';
import { dataTableRow, ledgerCanvas } from '../helpers/ledgerRows';
import { invoice, usd } from '../helpers/reportFixtures';

const REPORT = 'Collections Report';
const asOf = '2026-11-22';

describe('Collections Report with the Ledger input', () => {
	it('counts reminders, replies and escalations of the period from the ledger rows (the weekly report shows no zeros)', async () => {
		const open = invoice({ id: 'inv_1', amountDueMinor: usd(900), dueOn: '2026-10-15' });
		const events: LedgerEventInput[] = [
			{
				kind: 'touch',
				invoiceId: 'inv_1',
				at: '2026-11-16T09:00:00Z',
				stepId: 'first',
				status: 'sent',
				key: 'inv_1:first',
			},
			{ kind: 'reply', invoiceId: 'inv_1', at: '2026-11-17T09:00:00Z', intent: 'dispute' },
			{
				kind: 'escalation',
				invoiceId: 'inv_1',
				at: '2026-11-17T10:00:00Z',
				reason: 'dispute',
				priority: 'P2',
				key: 'generic:inv_1',
			},
		];
		const rows = [
			...events.map((event, index) =>
				dataTableRow(eventToRow(event) as unknown as IDataObject, index + 1),
			),
			{ kind: 'nonsense' },
		];
		const run = await runWorkflow(
			ledgerCanvas(
				'collectionsReport',
				REPORT,
				{ currency: 'USD', options: { asOf, renders: [] } },
				rows,
			),
			{ input: [{ invoice: open, paymentState: checkPaymentState(open, { asOf }) }] },
		);
		expect(run.error).toBeUndefined();
		const [report] = run.json(REPORT);
		expect(report.summary).toMatchObject({ remindersSent: 1, repliesReceived: 1, escalations: 1 });
		expect(report.activity).toMatchObject({ source: 'ledger', invalidRows: 1 });
		expect(run.hints(REPORT).join(' ')).toContain(
			'1 row(s) on the Ledger input are not ledger events',
		);
		// Paired with the invoice items only: the ledger rows are context.
		expect(run.items(REPORT)[0].pairedItem).toEqual([{ item: 0 }]);
	});
});
