/**
 * Escalation Gate with the collections ledger on its Ledger input, as the templates wire it (a Data Table node
 * reading collections_ledger): open cases hold without static data (queue mode never reads it back), a duplicate
 * joins its case on Continue, and every new case leaves a ledger row to append.
 */
import type { IDataObject } from 'n8n-workflow';

import { eventToRow, type Invoice } from '../../src';
import { runWorkflow } from '../helpers/engine';
import { sampleInvoice } from '../helpers/invoices';
import { dataTableRow, ledgerCanvas } from '../helpers/ledgerRows';

const ESCALATE = 0;
const CONTINUE = 1;
const asOf = '2026-11-20T10:00:00Z';
const GATE = 'Escalation Gate';

function invoice(id: string, overrides: Partial<Invoice> = {}): Invoice {
	return sampleInvoice({
		id,
		number: `INV-${id}`,
		issuedOn: '2026-10-11',
		dueOn: '2026-11-10',
		contact: { email: 'ap@acme.test', isBillingContact: true },
		flags: { disputed: true },
		...overrides,
	});
}

const canvas = (rows: IDataObject[], options: IDataObject = {}) =>
	ledgerCanvas('escalationGate', GATE, { options: { asOf, ...options } }, rows);

describe('Escalation Gate with the collections ledger on its Ledger input', () => {
	it('a case in the ledger holds without static data: the duplicate joins it on Continue, with its case', async () => {
		const openCase = eventToRow({
			kind: 'escalation',
			invoiceId: 'A',
			at: '2026-11-18T09:00:00.000Z',
			reason: 'dispute',
			priority: 'P2',
			key: 'generic:A',
		}) as unknown as IDataObject;
		const staticData: IDataObject = {};
		const run = await runWorkflow(canvas([dataTableRow(openCase, 1)]), {
			input: [
				{ invoice: invoice('A') },
				{ invoice: invoice('B', { customer: { name: 'Globex' } }) },
			],
			staticData,
		});
		expect(run.error).toBeUndefined();
		expect(run.counts(GATE)).toEqual([1, 1]);
		const [duplicate] = run.json(GATE, CONTINUE);
		expect(duplicate.escalation).toMatchObject({
			alreadyEscalated: true,
			case: { key: 'generic:A', openedAt: '2026-11-18T09:00:00.000Z', joined: true },
		});
		expect(duplicate.ledgerRow).toBeUndefined();
		expect(duplicate.invoice).toMatchObject({ flags: { automationPaused: true } });
		// The new case leaves a row to append to the ledger; static data is not used.
		const [fresh] = run.json(GATE, ESCALATE);
		expect(fresh.ledgerRow).toMatchObject({
			kind: 'escalation',
			invoiceId: 'B',
			key: 'generic:B',
		});
		expect(JSON.parse((fresh.ledgerRow as IDataObject).detail as string)).toMatchObject({
			reason: 'dispute',
			priority: 'P2',
		});
		expect(staticData).toEqual({});
		expect(run.hints(GATE).join(' ')).toContain('already escalated');
	});

	it('a resolved row closes the case, so the next dispute escalates again', async () => {
		const rows = [
			eventToRow({
				kind: 'escalation',
				invoiceId: 'A',
				at: '2026-11-18T09:00:00.000Z',
				reason: 'dispute',
				priority: 'P2',
				key: 'generic:A',
			}),
			// What ops type into the Data Table in the n8n UI.
			{ invoiceId: 'A', kind: 'Resolved', at: '2026-11-19' },
		] as unknown as IDataObject[];
		const run = await runWorkflow(canvas(rows.map(dataTableRow)), {
			input: [{ invoice: invoice('A') }],
		});
		expect(run.counts(GATE)).toEqual([1, 0]);
	});

	it('200 invoices of one customer make one escalation; the 199 others join its case, paired, each with its row', async () => {
		const input = Array.from({ length: 200 }, (_, index) => ({ invoice: invoice(`D${index}`) }));
		const run = await runWorkflow(canvas([]), { input });
		expect(run.counts(GATE)).toEqual([1, 199]);
		const joined = run.items(GATE, CONTINUE);
		expect(joined.map((item) => (item.pairedItem as { item: number }).item)).toEqual(
			Array.from({ length: 199 }, (_, index) => index + 1),
		);
		expect(joined[0].json.escalation).toMatchObject({
			case: { key: 'customer:cus_1#dispute', joined: true },
		});
		expect(joined.every((item) => item.json.ledgerRow)).toBe(true);
		expect(run.hints(GATE).join(' ')).toContain('199 item(s) joined the case');
	});
});
