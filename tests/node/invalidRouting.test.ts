/**
 * Issue 17: every input item leaves Cadence Step and Escalation Gate on some output, paired, with a field-level
 * reason; an unreadable invoice never stops the run, with or without Continue On Fail (real n8n engine).
 */
import type { IDataObject, INode } from 'n8n-workflow';

import type { Invoice } from '../../src';
import { NODE_UNDER_TEST, runNode } from '../helpers/engine';
import { sampleInvoice } from '../helpers/invoices';

const good = (id: string): IDataObject => ({
	invoice: sampleInvoice({
		id,
		customer: { id: 'cus_1', name: 'Acme GmbH', timezone: 'Europe/Berlin' },
	}) as unknown as IDataObject,
});
const unreadable = (): IDataObject => ({
	invoice: { ...(sampleInvoice() as Invoice), currency: 'usd', amountDueMinor: 'lots' },
});
const input = () => [good('in_1'), unreadable(), { nothing: true }, good('in_2')];

// `{ item }`, or n8n's short form, the bare index (Payment State Check's classified items).
const pairs = (items: Array<{ pairedItem?: unknown }>) =>
	items.map((item) =>
		typeof item.pairedItem === 'number'
			? item.pairedItem
			: (item.pairedItem as { item: number }).item,
	);

const everyOutput = (result: Awaited<ReturnType<typeof runNode>>) =>
	result
		.counts(NODE_UNDER_TEST)
		.flatMap((_, output) => pairs(result.items(NODE_UNDER_TEST, output)))
		.sort();

describe('Cadence Step: an unreadable invoice', () => {
	const C_ESCALATE = 3;
	const parameters = { policy: 'standard-5', options: { asOf: '2026-03-10T10:00:00Z' } };

	it.each([1, 1.1])(
		'an unreadable invoice without Continue On Fail goes to Escalate, invalid, with the field named (version %s); the rest are planned',
		async (typeVersion) => {
			const result = await runNode({
				type: 'cadenceStep',
				parameters,
				input: input(),
				settings: { typeVersion } as Partial<INode>,
			});
			expect(result.error).toBeUndefined();
			expect(everyOutput(result)).toEqual([0, 1, 2, 3]);
			const escalated = result.items(NODE_UNDER_TEST, C_ESCALATE);
			const invalid = escalated.filter((item) => (item.json.cadence as IDataObject).invalid);
			expect(pairs(invalid)).toEqual([1, 2]);
			const first = invalid[0].json.cadence as IDataObject;
			expect(first).toMatchObject({ action: 'escalate', rule: 'invalid_input', invalid: true });
			expect((first.errors as IDataObject[]).map((error) => error.path)).toEqual(
				expect.arrayContaining([expect.stringMatching(/currency/)]),
			);
			expect(String(first.reason)).toMatch(/currency/);
			expect(String((invalid[1].json.cadence as IDataObject).reason)).toMatch(
				/no invoice at "invoice"/,
			);
			// The good invoices were planned as usual, never held back by the bad one.
			expect(result.counts(NODE_UNDER_TEST)[0] + result.counts(NODE_UNDER_TEST)[1]).toBe(2);
		},
	);

	it('an unreadable invoice with Continue On Fail (regular output) goes to Escalate with its error', async () => {
		const result = await runNode({
			type: 'cadenceStep',
			parameters,
			input: input(),
			settings: { onError: 'continueRegularOutput' } as Partial<INode>,
		});
		expect(result.error).toBeUndefined();
		expect(everyOutput(result)).toEqual([0, 1, 2, 3]);
		const failed = result
			.items(NODE_UNDER_TEST, C_ESCALATE)
			.filter((item) => typeof item.json.error === 'string');
		expect(pairs(failed)).toEqual([1, 2]);
		expect(failed[0].json.error).toMatch(/currency/);
	});

	it('an unreadable invoice with Continue On Fail (error output) reaches the error output only', async () => {
		const result = await runNode({
			type: 'cadenceStep',
			parameters,
			input: input(),
			settings: { onError: 'continueErrorOutput' } as Partial<INode>,
		});
		expect(result.error).toBeUndefined();
		const counts = result.counts(NODE_UNDER_TEST);
		expect(counts).toHaveLength(5);
		const errors = result.items(NODE_UNDER_TEST, 4);
		expect(pairs(errors)).toEqual([1, 2]);
		expect(errors[0].json.error).toMatch(/currency/);
		expect(everyOutput(result)).toEqual([0, 1, 2, 3]);
	});
});

describe('Escalation Gate: an unreadable invoice', () => {
	const E_ESCALATE = 0;
	const E_CONTINUE = 1;
	const parameters = { options: { asOf: '2026-11-20T10:00:00Z' } };

	it('an unreadable invoice without Continue On Fail goes to Escalate, invalid, with a packet a person can read', async () => {
		const result = await runNode({ type: 'escalationGate', parameters, input: input() });
		expect(result.error).toBeUndefined();
		expect(everyOutput(result)).toEqual([0, 1, 2, 3]);
		const invalid = result
			.items(NODE_UNDER_TEST, E_ESCALATE)
			.filter((item) => (item.json.escalation as IDataObject).invalid);
		expect(pairs(invalid)).toEqual([1, 2]);
		const escalation = invalid[0].json.escalation as IDataObject;
		expect(String(escalation.reason)).toMatch(/currency/);
		const packet = escalation.packet as { summary: string; slack: { text: string } };
		expect(packet.summary).toMatch(/item 2 could not be read/);
		expect(packet.slack.text).toMatch(/currency/);
		expect(invalid[0].json.ledgerRow).toBeUndefined();
	});

	it('an unreadable invoice with a Slack-looking reason is escaped in the packet', async () => {
		const result = await runNode({
			type: 'escalationGate',
			parameters,
			input: [{ invoice: { id: '<!channel>', currency: 'usd' } }],
		});
		const packet = (result.json(NODE_UNDER_TEST, E_ESCALATE)[0].escalation as IDataObject)
			.packet as { slack: { text: string } };
		expect(packet.slack.text).not.toContain('<!channel>');
	});

	it('an unreadable invoice with Continue On Fail (regular output) goes to Continue with its error', async () => {
		const result = await runNode({
			type: 'escalationGate',
			parameters,
			input: input(),
			settings: { onError: 'continueRegularOutput' } as Partial<INode>,
		});
		expect(result.error).toBeUndefined();
		expect(everyOutput(result)).toEqual([0, 1, 2, 3]);
		expect(pairs(result.items(NODE_UNDER_TEST, E_CONTINUE)).sort()).toEqual(
			expect.arrayContaining([1, 2]),
		);
	});

	it('an unreadable invoice with Continue On Fail (error output) reaches the error output only', async () => {
		const result = await runNode({
			type: 'escalationGate',
			parameters,
			input: input(),
			settings: { onError: 'continueErrorOutput' } as Partial<INode>,
		});
		expect(result.error).toBeUndefined();
		const counts = result.counts(NODE_UNDER_TEST);
		expect(counts).toHaveLength(3);
		expect(pairs(result.items(NODE_UNDER_TEST, 2))).toEqual([1, 2]);
		expect(everyOutput(result)).toEqual([0, 1, 2, 3]);
	});
});
