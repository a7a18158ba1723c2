/**
 * Escalation Gate with the collections ledger on its Ledger input, as the templates wire it (a Data Table node
 * reading collections_ledger): open cases hold without static data (queue mode never reads it back), a duplicate
 * joins its case on Continue, and every new case leaves a ledger row to append.
 */
import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { eventToRow, type Invoice } from '../../src';
import { registerNodeType, runWorkflow, type WorkflowJson } from '../helpers/engine';
import { sampleInvoice } from '../helpers/invoices';

const ESCALATE = 0;
const CONTINUE = 1;
const asOf = '2026-11-20T10:00:00Z';
const GATE = 'Escalation Gate';

/** Stands in for the Data Table node: emits the rows in its parameter, once. */
class LedgerRows implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ledger Rows',
		name: 'ledgerRows',
		group: ['transform'],
		version: 1,
		description: 'Test stand-in for a Data Table read',
		defaults: { name: 'Ledger Rows' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Rows', name: 'rows', type: 'json', default: '[]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const rows = JSON.parse(this.getNodeParameter('rows', 0) as string) as IDataObject[];
		return [rows.map((json) => ({ json }))];
	}
}
registerNodeType('test.ledgerRows', new LedgerRows());

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

function canvas(rows: IDataObject[], options: IDataObject = {}): WorkflowJson {
	return {
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
				id: 'l',
				name: 'Read Ledger',
				type: 'test.ledgerRows',
				typeVersion: 1,
				position: [200, 200],
				parameters: { rows: JSON.stringify(rows) },
			},
			{
				id: 'g',
				name: GATE,
				type: 'n8n-nodes-invoice-followup.escalationGate',
				typeVersion: 1,
				position: [400, 0],
				parameters: { options: { asOf, ...options } },
			},
		],
		connections: {
			Trigger: {
				main: [
					[
						{ node: GATE, type: 'main', index: 0 },
						{ node: 'Read Ledger', type: 'main', index: 0 },
					],
				],
			},
			'Read Ledger': { main: [[{ node: GATE, type: 'main', index: 1 }]] },
		},
	};
}

/** A row as the Data Table node returns it (with the columns n8n adds). */
const tableRow = (row: IDataObject, id: number): IDataObject => ({
	id,
	createdAt: '2026-11-18T09:00:00.000Z',
	updatedAt: '2026-11-18T09:00:00.000Z',
	...row,
});

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
		const run = await runWorkflow(canvas([tableRow(openCase, 1)]), {
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
		const run = await runWorkflow(canvas(rows.map(tableRow)), {
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
