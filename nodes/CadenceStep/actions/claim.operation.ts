/**
 * Claim: after the reservation is inserted, the run that reserved first sends and every other run waits (see
 * src/cadence/claim.ts). Items: the rows the Data Table insert returned (or Plan's items with `ledgerRow`). Ledger:
 * that key's touch rows, read back after the insert. A loser carries its `released` row at `ledgerRow`.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { decideClaim, eventToRow, touchRowsByKey, type ClaimRow } from '../../../src';
import { auditEntry, Outputs, withAudit } from '../../shared/items';
import { LEDGER_INPUT_INDEX } from '../../shared/ledger';
import { NODE } from './parameters';

export const CLAIM_OUTPUTS = ['Send', 'Wait'] as const;
type ClaimOutput = (typeof CLAIM_OUTPUTS)[number];

export async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const rowsByKey = touchRowsByKey(readRows(ctx));
	const timeout = ctx.getNodeParameter('claimTimeoutMinutes', 0, 30) as number;
	const at = new Date().toISOString();
	const outputs = new Outputs<ClaimOutput>(CLAIM_OUTPUTS);
	items.forEach((item, itemIndex) => {
		const own = ownRow(item.json);
		const { ledgerRow: _previous, ...json } = item.json;
		void _previous;
		if (!own) {
			// Nothing to claim with: never send on a guess. Wait, and say which field is missing.
			const reason =
				'no reservation on this item: Claim takes the rows the Data Table insert returned (kind, key, executionId, id)';
			outputs.push(
				'Wait',
				withAudit(json, auditEntry(NODE, 'claim_invalid', 'wait', reason, at), {
					claim: { won: false, invalid: true, reason },
				}),
				itemIndex,
			);
			return;
		}
		const decision = decideClaim(own, rowsByKey.get(own.key as string) ?? [], {
			at,
			reservationTimeoutMinutes: Number.isFinite(timeout) && timeout > 0 ? timeout : 30,
		});
		const claim = { ...decision } as unknown as IDataObject;
		delete claim.release;
		if (decision.won) {
			outputs.push(
				'Send',
				withAudit(json, auditEntry(NODE, 'claim_won', 'send', decision.reason, at), { claim }),
				itemIndex,
			);
			return;
		}
		outputs.push(
			'Wait',
			withAudit(json, auditEntry(NODE, 'claim_lost', 'wait', decision.reason, at), {
				claim,
				...(decision.release
					? { ledgerRow: eventToRow(decision.release) as unknown as IDataObject }
					: {}),
			}),
			itemIndex,
		);
	});
	if (outputs.count('Wait') > 0)
		ctx.addExecutionHints({
			message: `${outputs.count('Wait')} reservation(s) lost the claim to an overlapping run and were not sent: insert their ledgerRow (status released)`,
			location: 'outputPane',
		});
	return outputs.result();
}

/** The touch rows read back on the Ledger input (empty items ignored). */
function readRows(ctx: IExecuteFunctions): ClaimRow[] {
	let ledger: INodeExecutionData[] = [];
	try {
		ledger = ctx.getInputData(LEDGER_INPUT_INDEX) ?? [];
	} catch {
		ledger = [];
	}
	return ledger
		.map((entry) => entry.json as ClaimRow)
		.filter((row) => row && typeof row === 'object' && row.kind === 'touch');
}

/** This run's reservation: the inserted row itself, or the row Plan handed out at `ledgerRow`. */
function ownRow(json: IDataObject): ClaimRow | undefined {
	const candidate = (json.kind === 'touch' ? json : (json.ledgerRow as IDataObject | undefined)) as
		| ClaimRow
		| undefined;
	if (
		!candidate ||
		typeof candidate !== 'object' ||
		candidate.kind !== 'touch' ||
		candidate.status !== 'reserved' ||
		typeof candidate.key !== 'string' ||
		candidate.key === ''
	)
		return undefined;
	return candidate;
}
