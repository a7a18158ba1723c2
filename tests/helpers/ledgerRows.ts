/**
 * A canvas with the collections ledger on a node's Ledger input, as the templates wire it: a stand-in for the stock
 * Data Table node (which needs n8n's database) emits the table's rows into input 2 of the node under test.
 */
import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { PACKAGE_NAME, registerNodeType, type WorkflowJson } from './engine';

/** Stands in for the Data Table node: emits the rows in its parameter, once. */
export class LedgerRows implements INodeType {
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

/** Trigger → the node (input 1) and Trigger → Read Ledger → the node (input 2, Ledger). */
export function ledgerCanvas(
	type: string,
	name: string,
	parameters: IDataObject,
	rows: IDataObject[],
): WorkflowJson {
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
				id: 'n',
				name,
				type: `${PACKAGE_NAME}.${type}`,
				typeVersion: 1,
				position: [400, 0],
				parameters: parameters as INodeParameters,
			},
		],
		connections: {
			Trigger: {
				main: [
					[
						{ node: name, type: 'main', index: 0 },
						{ node: 'Read Ledger', type: 'main', index: 0 },
					],
				],
			},
			'Read Ledger': { main: [[{ node: name, type: 'main', index: 1 }]] },
		},
	};
}

/** A row as the Data Table node returns it (with the columns n8n adds). */
export const dataTableRow = (row: IDataObject, id: number): IDataObject => ({
	id,
	createdAt: '2026-11-18T09:00:00.000Z',
	updatedAt: '2026-11-18T09:00:00.000Z',
	...row,
});
