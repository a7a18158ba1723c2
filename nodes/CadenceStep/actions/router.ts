/** Dispatches Cadence Step's operations, one file each (as n8n's Google Sheets v2 does). */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import * as claim from './claim.operation';
import * as plan from './plan.operation';
import * as record from './record.operation';

const OPERATIONS = { plan, claim, record } as const;

export async function router(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = ctx.getNodeParameter('operation', 0) as keyof typeof OPERATIONS;
	return (OPERATIONS[operation] ?? plan).execute(ctx);
}
