/**
 * The collections ledger on a node's second input, named Ledger: the rows a stock Data Table node read from
 * `collections_ledger`, passed as they are. Our nodes cannot open the table themselves (n8n lets only its own Data
 * Table nodes use the table proxy), so the template reads it and wires it in, as Merge takes two inputs.
 */
import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeInputConfiguration,
} from 'n8n-workflow';

import { readLedgerRows, type LedgerRead } from '../../src';

export const LEDGER_INPUT_INDEX = 1;

/** The inputs of a node that reads the ledger: the items, then the Ledger rows (optional). */
export function inputsWithLedger(): INodeInputConfiguration[] {
	return [
		{ type: NodeConnectionTypes.Main, displayName: 'Items' },
		{ type: NodeConnectionTypes.Main, displayName: 'Ledger', required: false },
	];
}

/** The events on the Ledger input, or null when nothing arrived there (not connected, or no run before). */
export function readLedgerInput(ctx: IExecuteFunctions): (LedgerRead & { rows: number }) | null {
	let items;
	try {
		items = ctx.getInputData(LEDGER_INPUT_INDEX);
	} catch {
		return null;
	}
	if (!items || items.length === 0) return null;
	return { ...readLedgerRows(items.map((item) => item.json)), rows: items.length };
}
