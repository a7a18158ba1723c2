/**
 * Record: after the send node, confirm the reserved step as sent or failed. With the Ledger input mode each item
 * carries the row to append at `ledgerRow` (insert it with a Data Table node after Record); with static data the
 * workflow's ledger is updated in place.
 */
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import {
	eventToRow,
	parseIdempotencyKey,
	recordSend,
	recordedTouch,
	type LedgerData,
} from '../../../src';
import { auditEntry, forEachItem, Outputs, valueAt, withAudit } from '../../shared/items';
import { staticNamespace } from '../../shared/staticData';
import { NODE, ledgerMode } from './parameters';

export async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const rowsMode = ledgerMode(ctx) === 'ledgerInput';
	const ledger = rowsMode ? undefined : (staticNamespace(ctx, 'cadence') as LedgerData);
	const executionId = String(ctx.getExecutionId?.() ?? '') || undefined;
	const at = new Date().toISOString();
	const outputs = new Outputs<'Recorded'>(['Recorded']);
	forEachItem(
		ctx,
		items,
		(item, itemIndex) => {
			const given = ctx.getNodeParameter('idempotencyKey', itemIndex, '') as string;
			const key =
				given || (valueAt(item.json, 'cadence.idempotencyKey') as string | undefined) || '';
			const targets = parseIdempotencyKey(key);
			if (targets.length === 0) {
				throw new NodeOperationError(ctx.getNode(), `no idempotency key on this item ("${key}")`, {
					itemIndex,
					description:
						"Set Idempotency Key to {{ $('Cadence Step').item.json.cadence.idempotencyKey }} (the Plan node's item), since the send node's output replaces the item",
				});
			}
			const chosen = ctx.getNodeParameter('status', itemIndex, 'auto') as
				| 'auto'
				| 'sent'
				| 'failed';
			const error = item.json.error;
			const status = chosen === 'auto' ? (error ? 'failed' : 'sent') : chosen;
			const errorText =
				typeof error === 'string'
					? error
					: error && typeof error === 'object'
						? String((error as IDataObject).message ?? JSON.stringify(error))
						: undefined;
			const fields: IDataObject = {};
			let reason: string;
			if (ledger) {
				const results = targets.map((target) => ({
					...target,
					...recordSend(ledger, target.invoiceId, target.stepId, status, at, errorText),
				}));
				reason = results
					.map((result) =>
						result.ok
							? `${result.key} recorded as ${status}${status === 'failed' ? ` (${result.failures} failure(s))` : ''}`
							: result.reason,
					)
					.join('; ');
				fields.cadence = {
					...((item.json.cadence as IDataObject) ?? {}),
					recorded: { status, key, results: results as unknown as IDataObject[] },
				};
			} else {
				const messageId = ctx.getNodeParameter('messageId', itemIndex, '') as string;
				const touch = recordedTouch(key, status, at, {
					executionId,
					messageId: messageId || undefined,
					error: errorText,
				})!;
				reason = `${key} recorded as ${status}: append ledgerRow to the ledger table`;
				fields.cadence = {
					...((item.json.cadence as IDataObject) ?? {}),
					recorded: { status, key },
				};
				fields.ledgerRow = eventToRow(touch) as unknown as IDataObject;
			}
			outputs.push(
				'Recorded',
				withAudit(item.json, auditEntry(NODE, 'record', status, reason, at), fields),
				itemIndex,
			);
		},
		(error, item, itemIndex) =>
			outputs.push('Recorded', { ...item.json, error: error.message }, itemIndex),
		'Record goes after the send node and needs the idempotency key the Plan operation put on cadence.idempotencyKey',
	);
	return outputs.result();
}
