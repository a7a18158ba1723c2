import fc from 'fast-check';
import type { IDataObject, INode } from 'n8n-workflow';

import { runNode, NODE_UNDER_TEST, type RunResult } from '../helpers/engine';
import { sampleInvoice } from '../helpers/invoices';

/**
 * Every node, fuzzed in the n8n engine: 10,000 random and malformed records each, with Continue On Fail set to the
 * error output and without it. Property: count in equals count out, every output item paired with one input item,
 * and no crash: without Continue On Fail too, no node stops the run (a bad record goes to Invalid, or to Escalate marked
 * invalid). The counts per node (in, out, paired) are printed for the closing note.
 * The records carry the attack's shapes: prototype keys, arrays nested 5,000 deep, sparse arrays, odd numbers and
 * dates, lone surrogates, objects whose toString is not callable.
 */
const RECORDS = 10_000;

const deep = (depth: number): unknown => {
	let value: unknown = 'bottom';
	for (let level = 0; level < depth; level++) value = [value];
	return value;
};
// eslint-disable-next-line no-sparse-arrays
const sparse = () => [, , { InvoiceID: 'x', Total: 5 }, ,] as unknown[];
const hostileValue = fc.oneof(
	fc.constantFrom<unknown>(
		'constructor',
		'__proto__',
		'toString',
		'hasOwnProperty',
		'\ud800',
		'a\udfffb',
		'',
		'2026-02-31',
		'/Date(99999999999999999)/',
		46357,
		20261231,
		1767139200,
		1767139200000,
		1767139200000000,
		1e300,
		-0,
		Number.NaN,
		Number.POSITIVE_INFINITY,
		Number.MAX_SAFE_INTEGER,
		null,
		true,
		{ start: '2026-12-31' },
		{ toString: 'not callable' },
		{ valueOf: 1, toString: 1 },
	),
	fc.string(),
	fc.integer(),
	fc.double(),
	fc.constant(null).map(() => sparse()),
);
const withProtoKeys = (record: IDataObject): IDataObject => {
	const out = Object.create(null) as IDataObject;
	Object.assign(out, record);
	out.__proto__ = { polluted: true } as IDataObject;
	out.constructor = 'x' as never;
	return out;
};

const invoiceLike = fc
	.record(
		{
			id: fc.oneof(
				fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', 'in_\ud800'),
				fc.string(),
				hostileValue,
			),
			number: fc.oneof(fc.string(), hostileValue),
			currency: fc.oneof(fc.constantFrom('USD', 'EUR', 'JPY'), hostileValue),
			total: fc.oneof(fc.integer({ min: 0, max: 1e6 }), hostileValue),
			amountDue: fc.oneof(fc.integer({ min: 0, max: 1e6 }), hostileValue),
			dueDate: hostileValue,
			issueDate: hostileValue,
			customer: fc.oneof(
				fc.record({ name: fc.oneof(fc.string(), hostileValue), id: hostileValue }),
				hostileValue,
			),
			contact: fc.oneof(
				fc.record({ name: hostileValue, email: fc.oneof(fc.emailAddress(), hostileValue) }),
				hostileValue,
			),
			messageId: hostileValue,
			paymentUrl: fc.oneof(
				fc.constantFrom('javascript:alert(1)', 'https://pay.test/x'),
				hostileValue,
			),
		},
		{ requiredKeys: [] },
	)
	.map((record) => record as IDataObject);
/** A normalised invoice with one field made hostile: what downstream nodes meet. */
const normalisedWithOneBadField = fc
	.tuple(
		fc.constantFrom(
			'id',
			'number',
			'dueOn',
			'issuedOn',
			'currency',
			'amountDueMinor',
			'messageId',
			'paymentUrl',
			'contact',
			'customer',
			'flags',
			'promise',
		),
		hostileValue,
		fc.boolean(),
	)
	.map(([field, value, contactName]) => {
		const invoice = sampleInvoice() as unknown as IDataObject;
		invoice[field] = value as never;
		if (contactName) invoice.contact = { email: 'ap@acme.test', name: value as never };
		return { invoice } as IDataObject;
	});
const replyLike = fc
	.record(
		{
			subject: fc.oneof(fc.string(), hostileValue),
			text: fc.oneof(
				fc.constantFrom(
					'We will pay next Friday.',
					'Our lawyer will contact you.',
					'Paid yesterday.',
				),
				fc.string(),
				hostileValue,
			),
			from: fc.oneof(fc.emailAddress(), hostileValue),
			date: hostileValue,
			headers: fc.oneof(
				fc.record({ date: hostileValue, 'message-id': hostileValue }),
				hostileValue,
			),
			invoice: fc.oneof(fc.constant(sampleInvoice() as unknown as IDataObject), hostileValue),
		},
		{ requiredKeys: [] },
	)
	.map((record) => record as IDataObject);
const anything = fc
	.anything({ maxDepth: 2, maxKeys: 4, withNullPrototype: true, withSparseArray: true })
	.map((value) =>
		value !== null && typeof value === 'object' && !Array.isArray(value)
			? (value as IDataObject)
			: ({ value } as IDataObject),
	);

function records(shape: fc.Arbitrary<IDataObject>, seed: number): IDataObject[] {
	const sample = fc.sample(
		fc.oneof({ weight: 5, arbitrary: shape }, { weight: 1, arbitrary: anything }),
		{ numRuns: RECORDS, seed },
	);
	// A few records with prototype keys as own properties (JSON.parse makes these from a webhook body), and a few
	// holding arrays nested 5,000 deep (few: the engine copies every item).
	for (let index = 0; index < sample.length; index += 997)
		sample[index] = withProtoKeys(sample[index]);
	for (let index = 5; index < sample.length; index += 2_003)
		sample[index] = {
			...sample[index],
			invoice: deep(5_000),
			text: deep(5_000),
			dueDate: deep(5_000),
		} as IDataObject;
	return sample;
}

interface NodeCase {
	name: string;
	type: string;
	parameters: IDataObject;
	shape: fc.Arbitrary<IDataObject>;
	/** One report item from all input items (Collections Report), not one item per input. */
	aggregate?: boolean;
}

const CASES: NodeCase[] = [
	{
		name: 'Payment State Check',
		type: 'paymentStateCheck',
		parameters: { source: 'generic', options: { asOf: '2026-11-22' } },
		shape: invoiceLike,
	},
	{
		name: 'Cadence Step',
		type: 'cadenceStep',
		parameters: { operation: 'plan', options: { asOf: '2026-03-10T15:00:00Z' } },
		shape: normalisedWithOneBadField,
	},
	{
		name: 'Reply Triage',
		type: 'replyTriage',
		parameters: { engine: 'rules', options: { timezone: 'America/New_York' } },
		shape: replyLike,
	},
	{
		name: 'Escalation Gate',
		type: 'escalationGate',
		parameters: {},
		shape: normalisedWithOneBadField,
	},
	{
		name: 'Collections Report',
		type: 'collectionsReport',
		parameters: { options: { asOf: '2026-11-22' } },
		shape: normalisedWithOneBadField,
		aggregate: true,
	},
];

function pairedInputs(result: RunResult): number[] {
	return result.counts(NODE_UNDER_TEST).flatMap((_, output) =>
		result.items(NODE_UNDER_TEST, output).flatMap((item) => {
			const paired = item.pairedItem;
			return (Array.isArray(paired) ? paired : [paired]).map((entry) =>
				typeof entry === 'number' ? entry : (entry as { item: number }).item,
			);
		}),
	);
}

/** In, out and paired per node and setting, printed once at the end for the closing note. */
const FIGURES: Array<{ node: string; setting: string; in: number; out: number; paired: number }> =
	[];

function record(node: string, setting: string, result: RunResult): number[] {
	const paired = pairedInputs(result);
	FIGURES.push({
		node,
		setting,
		in: RECORDS,
		out: result.counts(NODE_UNDER_TEST).reduce((sum, count) => sum + count, 0),
		paired: new Set(paired).size,
	});
	return paired;
}

afterAll(() => {
	// One line per node and setting: the figures the issue's closing note quotes.
	// eslint-disable-next-line no-console
	console.log(
		FIGURES.map(
			(row) =>
				`fuzz ${row.node} (${row.setting}): in ${row.in}, out ${row.out}, paired ${row.paired}`,
		).join('\n'),
	);
});

describe.each(CASES)('$name, fuzzed in the n8n engine', (node) => {
	const input = records(node.shape, 20261202 + node.type.length);

	it(`${RECORDS} hostile records with Continue On Fail (error output): every item leaves, paired`, async () => {
		const result = await runNode({
			type: node.type,
			parameters: node.parameters,
			input,
			settings: { onError: 'continueErrorOutput' } as Partial<INode>,
		});
		expect(result.error).toBeUndefined();
		const paired = record(node.name, 'error output', result);
		if (node.aggregate) {
			expect(new Set(paired).size).toBe(RECORDS);
		} else {
			expect(paired.length).toBe(RECORDS);
			expect(new Set(paired).size).toBe(RECORDS);
		}
		// Failed items reach the error output (the last one), each with its reason.
		const counts = result.counts(NODE_UNDER_TEST);
		for (const item of result.json(NODE_UNDER_TEST, counts.length - 1))
			expect(String(item.error)).toMatch(/\S/);
	}, 60_000);

	it(`${RECORDS} hostile records without Continue On Fail: the run never stops, every item leaves, paired`, async () => {
		const result = await runNode({ type: node.type, parameters: node.parameters, input });
		expect(result.error).toBeUndefined();
		const paired = record(node.name, 'no Continue On Fail', result);
		expect(new Set(paired).size).toBe(RECORDS);
		if (!node.aggregate) expect(paired.length).toBe(RECORDS);
	}, 60_000);
});
