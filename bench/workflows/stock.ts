/**
 * What Payment State Check does for the Generic source, built from stock n8n nodes only (no Code node was needed):
 *   Days Past Due (Date & Time: time between dates) → Normalise (Edit Fields, 6 expressions) → Route (Switch, 4 outputs)
 * It is the build a careful user makes from the node palette. Every expression runs once per item, and the
 * Date & Time node parses both dates with luxon for each item. See the README's Performance section for what it gets
 * wrong (time zones, DST, currencies, partial payments) compared to Payment State Check.
 */
import type { INodeParameters, INode } from 'n8n-workflow';

import type { WorkflowJson } from '../../tests/helpers/engine';

export const STOCK_NODES = ['Days Past Due', 'Normalise', 'Route'] as const;

const condition = (
	id: string,
	leftValue: string,
	operator: INodeParameters,
	rightValue: string | number = '',
): INodeParameters => ({
	id,
	leftValue,
	rightValue,
	operator,
});
const rule = (
	outputKey: string,
	combinator: 'and' | 'or',
	conditions: INodeParameters[],
): INodeParameters => ({
	outputKey,
	renameOutput: true,
	conditions: {
		options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
		conditions,
		combinator,
	},
});
const isTrue = { type: 'boolean', operation: 'true', singleValue: true };
const equals = { type: 'string', operation: 'equals' };

export function stockEquivalentWorkflow(asOf: string, asOfDate: string): WorkflowJson {
	const nodes: INode[] = [
		{
			id: 'trigger',
			name: 'Trigger',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: 'days',
			name: 'Days Past Due',
			type: 'n8n-nodes-base.dateTime',
			typeVersion: 2,
			position: [220, 0],
			parameters: {
				operation: 'getTimeBetweenDates',
				startDate: '={{ $json.dueDate }}',
				// A live workflow would use {{ $now }}; a fixed instant keeps the benchmark repeatable.
				endDate: asOf,
				units: ['day'],
				outputFieldName: 'timeDifference',
				options: { includeInputFields: true },
			},
		},
		{
			id: 'normalise',
			name: 'Normalise',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [440, 0],
			parameters: {
				mode: 'manual',
				includeOtherFields: true,
				assignments: {
					assignments: [
						{
							id: 'a1',
							name: 'currency',
							type: 'string',
							value: "={{ ($json.currency || 'USD').toUpperCase() }}",
						},
						{
							id: 'a2',
							name: 'amountDue',
							type: 'number',
							value:
								"={{ $json.amountDue !== undefined && $json.amountDue !== '' ? Number($json.amountDue) : Number($json.total) - Number($json.amountPaid || 0) }}",
						},
						{
							id: 'a3',
							name: 'daysPastDue',
							type: 'number',
							value: '={{ Math.floor($json.timeDifference.days) }}',
						},
						{
							id: 'a4',
							name: 'agingBucket',
							type: 'string',
							value:
								"={{ $json.timeDifference.days <= 0 ? 'not_due' : $json.timeDifference.days <= 30 ? '1-30' : $json.timeDifference.days <= 60 ? '31-60' : $json.timeDifference.days <= 90 ? '61-90' : '91+' }}",
						},
						{
							id: 'a5',
							name: 'promisePending',
							type: 'boolean',
							value: `={{ !!$json.promiseDate && $json.promiseDate >= '${asOfDate}' }}`,
						},
						{
							id: 'a6',
							name: 'partiallyPaid',
							type: 'boolean',
							value: '={{ Number($json.amountPaid) > 0 && Number($json.amountDue) > 0 }}',
						},
					],
				},
				options: {},
			},
		},
		{
			id: 'route',
			name: 'Route',
			type: 'n8n-nodes-base.switch',
			typeVersion: 3.2,
			position: [660, 0],
			parameters: {
				mode: 'rules',
				rules: {
					values: [
						rule('Closed', 'or', [
							condition('c1', '={{ $json.status }}', equals, 'paid'),
							condition('c2', '={{ $json.status }}', equals, 'void'),
							condition('c3', '={{ $json.amountDue }}', { type: 'number', operation: 'lte' }, 0),
						]),
						rule('Hold', 'or', [
							condition('h1', '={{ $json.status }}', equals, 'draft'),
							condition('h2', '={{ $json.disputed === true }}', isTrue),
							condition('h3', '={{ $json.promisePending }}', isTrue),
						]),
						rule('Follow Up', 'and', [
							condition('f1', '={{ $json.daysPastDue }}', { type: 'number', operation: 'gte' }, -3),
						]),
					],
				},
				looseTypeValidation: true,
				options: { fallbackOutput: 'extra', renameFallbackOutput: 'Not Due' },
			},
		},
	];
	const to = (node: string) => ({ main: [[{ node, type: 'main' as const, index: 0 }]] });
	return {
		name: 'Payment state from stock nodes (benchmark)',
		nodes,
		connections: {
			Trigger: to('Days Past Due'),
			'Days Past Due': to('Normalise'),
			Normalise: to('Route'),
		},
	};
}
