import { LocalN8n } from '../helpers/n8nCli';
import { vendorFixture } from '../helpers/fixtures';

/**
 * The vendor fixtures go through a real n8n 2.x: a Code node emits them as the n8n Stripe Trigger, Xero and
 * QuickBooks nodes would (see tests/fixtures/vendors/n8n-nodes-output.md), then Payment State Check routes them.
 */
function workflow() {
	const stripeEvents = [
		'stripe-invoice-paid.json',
		'stripe-invoice-void.json',
		'stripe-invoice-uncollectible.json',
	].map((name) => ({
		id: 'evt_e2e',
		object: 'event',
		type: 'invoice.updated',
		data: { object: vendorFixture(name) },
	}));
	const xero = vendorFixture('xero-invoices.json');
	const qbo = vendorFixture('qbo-invoice-query.json');
	const node = (name: string, type: string, x: number, parameters: object) => ({
		id: name,
		name,
		type,
		typeVersion: type.endsWith('code') ? 2 : 1,
		position: [x, 0],
		parameters,
	});
	return {
		id: 'e2ePaymentState',
		name: 'E2E Payment State Check',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			node('Start', 'n8n-nodes-base.manualTrigger', 0, {}),
			node('Stripe Events', 'n8n-nodes-base.code', 200, {
				jsCode: `return ${JSON.stringify(stripeEvents)}.map((json) => ({ json }));`,
			}),
			node('Xero Response', 'n8n-nodes-base.code', 200, {
				jsCode: `return [{ json: ${JSON.stringify(xero)} }];`,
			}),
			node('QuickBooks Query', 'n8n-nodes-base.code', 200, {
				jsCode: `return [{ json: ${JSON.stringify(qbo)} }];`,
			}),
			node('Check Stripe', 'n8n-nodes-invoice-followup.paymentStateCheck', 400, {
				source: 'stripe',
				options: { asOf: '2026-11-22' },
			}),
			node('Check Xero', 'n8n-nodes-invoice-followup.paymentStateCheck', 400, {
				source: 'xero',
				options: { asOf: '2026-11-22' },
			}),
			node('Check QuickBooks', 'n8n-nodes-invoice-followup.paymentStateCheck', 400, {
				source: 'quickbooks',
				options: { asOf: '2026-11-22', defaultCurrency: 'USD' },
			}),
		],
		connections: {
			Start: {
				main: [
					[
						{ node: 'Stripe Events', type: 'main', index: 0 },
						{ node: 'Xero Response', type: 'main', index: 0 },
						{ node: 'QuickBooks Query', type: 'main', index: 0 },
					],
				],
			},
			'Stripe Events': { main: [[{ node: 'Check Stripe', type: 'main', index: 0 }]] },
			'Xero Response': { main: [[{ node: 'Check Xero', type: 'main', index: 0 }]] },
			'QuickBooks Query': { main: [[{ node: 'Check QuickBooks', type: 'main', index: 0 }]] },
		},
	};
}

describe('Payment State Check in a real n8n instance', () => {
	const n8n = new LocalN8n('payment-state-check');

	it('imports and executes with the package loaded as a community package', () => {
		n8n.importWorkflows([workflow()]);
		const result = n8n.execute('e2ePaymentState');
		expect(result.status).toBe('success');
		// Outputs: Follow Up, Hold, Closed, Not Due, Invalid.
		expect(result.counts('Check Stripe')).toEqual([0, 1, 2, 0, 0]);
		expect(result.counts('Check Xero')).toEqual([1, 0, 2, 0, 0]);
		expect(result.json('Check Xero', 0)[0]).toMatchObject({
			invoice: { number: 'INV-0003', amountDueMinor: 11500 },
			paymentState: { state: 'overdue' },
		});
		expect(result.counts('Check QuickBooks')).toEqual([1, 0, 0, 0, 0]);
	}, 240_000);
});
