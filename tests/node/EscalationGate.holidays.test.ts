import type { IDataObject } from 'n8n-workflow';

import { runNode, NODE_UNDER_TEST } from '../helpers/engine';
import { sampleInvoice } from '../helpers/invoices';

const legalThreat = {
	intent: 'legal_threat',
	intents: ['legal_threat'],
	confidence: 0.9,
	escalate: true,
	stopCadence: true,
	extracted: {},
	evidence: [],
	summary: 'classified as legal_threat',
};

/** Wednesday 25 November 2026, 15:00 New York: P1 (4 business hours) runs into Thanksgiving. */
async function dueBy(customer: IDataObject, options: IDataObject): Promise<unknown> {
	const invoice = sampleInvoice();
	const result = await runNode({
		type: 'escalationGate',
		parameters: {
			options: {
				asOf: '2026-11-25T20:00:00Z',
				slaTimezone: 'America/New_York',
				dedup: false,
				...options,
			},
		},
		settings: { typeVersion: 1.1 },
		input: [
			{
				invoice: { ...invoice, customer: { ...invoice.customer, ...customer } },
				triage: legalThreat,
			},
		],
	});
	return (result.json(NODE_UNDER_TEST, 0)[0].escalation as IDataObject).dueBy;
}

describe('Escalation Gate: public holidays stop the SLA clock', () => {
	it("from the customer's country, or a Holiday Country; off by default", async () => {
		expect(await dueBy({ country: 'US' }, { holidaysFromCustomer: true })).toBe(
			'2026-11-27T11:00:00-05:00',
		);
		expect(await dueBy({}, { holidayCountry: 'US' })).toBe('2026-11-27T11:00:00-05:00');
		expect(await dueBy({ country: 'US' }, {})).toBe('2026-11-26T11:00:00-05:00');
	});
});
