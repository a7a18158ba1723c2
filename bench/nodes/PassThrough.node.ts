/* eslint-disable @n8n/community-nodes/icon-validation, @n8n/community-nodes/icon-prefer-themed-variants -- benchmark only: never shipped, never shown in an editor */
import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

/**
 * Benchmark only, never shipped: the least a custom node can do per item (pair each input item to an output
 * item, unchanged). Its executionTime in the engine is n8n's own per-item cost, the yardstick for our nodes.
 */
export class PassThrough implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Pass Through (benchmark)',
		name: 'passThrough',
		group: ['transform'],
		version: 1,
		icon: 'fa:arrow-right',
		subtitle: 'benchmark',
		usableAsTool: true,
		description: 'Returns every input item unchanged, paired to its input',
		defaults: { name: 'Pass Through' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const returnData: INodeExecutionData[] = new Array(items.length);
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			returnData[itemIndex] = { json: items[itemIndex].json, pairedItem: { item: itemIndex } };
		}
		return [returnData];
	}
}

export const PASS_THROUGH_TYPE = 'n8n-nodes-invoice-followup-bench.passThrough';
