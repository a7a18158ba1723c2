/** The high-value form, the same on every node that uses it; src/highValue.ts parses what it holds. */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { parseHighValue, type HighValueRow, type HighValueThreshold } from '../../src';

/**
 * High-Value Threshold (one amount) and High-Value Thresholds by Currency (rows that override it). `effect` ends
 * the amount's description: "Amount due (in the invoice currency) from which <effect>. 0: off."
 */
export function highValueFields(
	effect: string,
	byCurrency: Readonly<Record<string, number>> = {},
): INodeProperties[] {
	const rows = Object.entries(byCurrency).map(([currency, amount]) => ({ currency, amount }));
	const fields: INodeProperties[] = [
		{
			displayName: 'High-Value Threshold',
			name: 'highValue',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: `Amount due (in the invoice currency) from which ${effect}. 0: off.`,
		},
		{
			displayName: 'High-Value Thresholds by Currency',
			name: 'highValueByCurrency',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			default: {},
			placeholder: 'Add Threshold',
			description:
				'Amount due (major units) from which an invoice in that currency is high value, instead of the High-Value Threshold. Compared exactly in minor units.',
			options: [
				{
					displayName: 'Threshold',
					name: 'thresholds',
					values: [
						{ displayName: 'Currency', name: 'currency', type: 'string', default: 'USD' },
						{
							displayName: 'Amount',
							name: 'amount',
							type: 'number',
							typeOptions: { minValue: 0 },
							default: 10000,
						},
					],
				},
			],
		},
	];
	// A node's own starting table (Escalation Gate's rule book) replaces the empty default.
	if (rows.length > 0) fields[1] = { ...fields[1], default: { thresholds: rows } };
	return fields;
}

/** The threshold those two fields hold (`amount`, `byCurrency`: their values, wherever the node keeps them). */
export function highValueOf(amount: unknown, byCurrency: unknown): HighValueThreshold | undefined {
	const rows = (byCurrency as IDataObject | undefined)?.thresholds;
	return parseHighValue(amount, Array.isArray(rows) ? (rows as HighValueRow[]) : []);
}
