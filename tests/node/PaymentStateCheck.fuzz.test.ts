import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { runNode, NODE_UNDER_TEST } from '../helpers/engine';

/**
 * Property: whatever arrives, every input item leaves on some output and nothing throws.
 * 10,000 random and malformed records run through the node inside the n8n engine in one execution.
 */
const dateLike = fc.oneof(
	fc.constantFrom(
		'2026-11-01',
		'2026-02-31',
		'31/02/2026',
		'2026-13-01',
		'',
		'yesterday',
		'/Date(1541548800000+0000)/',
		'2026-03-08T00:00:00',
	),
	fc.integer({ min: -1e12, max: 1e13 }),
	fc.string(),
	fc.constant(null),
);
const amountLike = fc.oneof(
	fc.double({ noNaN: false }),
	fc.integer(),
	fc.constantFrom('1,234.56', '12.3.4', '-0', '1e5', 'NaN', ''),
	fc.string(),
	fc.constant(null),
);
const generic = fc.record(
	{
		id: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
		customer: fc.oneof(fc.string(), fc.constant(undefined), fc.object()),
		email: fc.oneof(fc.emailAddress(), fc.string()),
		currency: fc.oneof(fc.constantFrom('USD', 'jpy', 'KWD', 'EUR', 'US', 'usd1', ''), fc.string()),
		total: amountLike,
		amountDue: amountLike,
		amountPaid: amountLike,
		dueDate: dateLike,
		issueDate: dateLike,
		tier: fc.oneof(fc.constantFrom('strategic', 'standard', 'friction-prone', 'vip'), fc.string()),
		timezone: fc.oneof(
			fc.constantFrom('America/New_York', 'Asia/Kolkata', 'Mars/Olympus'),
			fc.string(),
		),
		disputed: fc.oneof(fc.boolean(), fc.string(), fc.integer()),
		promiseDate: dateLike,
		brokenPromises: fc.oneof(fc.integer(), fc.string()),
	},
	{ requiredKeys: [] },
);
const anything = fc
	.anything()
	.map((value) =>
		value !== null && typeof value === 'object' && !Array.isArray(value)
			? (value as IDataObject)
			: { value: value as never },
	);

describe('Payment State Check, fuzzed in the n8n engine', () => {
	it('10,000 random and malformed records: count in equals count out, nothing throws', async () => {
		const records = fc.sample(
			fc.oneof({ weight: 4, arbitrary: generic }, { weight: 1, arbitrary: anything }),
			{ numRuns: 10_000, seed: 20261122 },
		);
		const input = records.map((record) => JSON.parse(JSON.stringify(record)) as IDataObject);
		const result = await runNode({
			type: 'paymentStateCheck',
			parameters: { source: 'generic', options: { asOf: '2026-11-22', dateOrder: 'DD/MM/YYYY' } },
			input,
		});
		expect(result.error).toBeUndefined();
		const counts = result.counts(NODE_UNDER_TEST);
		expect(counts.reduce((sum, count) => sum + count, 0)).toBe(10_000);
		// Every item is paired with exactly one input item, and every input item appears.
		const paired = new Set(
			counts.flatMap((_, output) =>
				result.items(NODE_UNDER_TEST, output).map((item) => pairedIndex(item.pairedItem)),
			),
		);
		expect(paired.size).toBe(10_000);
		// Invalid items always say why.
		for (const item of result.json(NODE_UNDER_TEST, 4))
			expect((item.invalid as { reason: string }).reason).toMatch(/\S/);
	}, 120_000);

	it.each(['stripe', 'xero', 'quickbooks', 'freshbooks'])(
		'random records under the %s preset all leave on some output',
		async (source) => {
			const input = fc
				.sample(anything, { numRuns: 500, seed: 7 })
				.map((record) => JSON.parse(JSON.stringify(record)) as IDataObject);
			input.push(
				{ object: 'list', data: [] },
				{ Invoices: [] },
				{ QueryResponse: {} },
				{ response: { result: { invoices: [] } } },
			);
			const result = await runNode({
				type: 'paymentStateCheck',
				parameters: { source, options: { asOf: '2026-11-22' } },
				input,
			});
			expect(result.error).toBeUndefined();
			const paired = new Set(
				result
					.counts(NODE_UNDER_TEST)
					.flatMap((_, output) =>
						result.items(NODE_UNDER_TEST, output).map((item) => pairedIndex(item.pairedItem)),
					),
			);
			expect(paired.size).toBe(input.length);
		},
	);
});

/** The input index an item is paired with: `{ item }` or n8n's short form, the bare index. */
function pairedIndex(paired: unknown): number {
	return typeof paired === 'number' ? paired : (paired as { item: number }).item;
}
