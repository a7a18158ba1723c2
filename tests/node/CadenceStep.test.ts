import type { IDataObject, INode } from 'n8n-workflow';

import {
	runNode,
	runWorkflow,
	NODE_UNDER_TEST,
	PACKAGE_NAME,
	type WorkflowJson,
} from '../helpers/engine';
import { FakeOpenAiCadence } from '../helpers/fakeOpenAiCadence';
import type { Invoice } from '../../src';
import { sampleInvoice } from '../helpers/invoices';

const SEND = 0;
const WAIT = 1;
const ESCALATE = 3;

function invoice(overrides: Partial<Invoice> = {}): Invoice {
	return sampleInvoice({
		customer: { id: 'cus_1', name: 'Acme GmbH', timezone: 'Europe/Berlin' },
		messageId: '<inv-001@mail.us.test>',
		...overrides,
	});
}

const item = (inv: Invoice, extra: IDataObject = {}) => ({
	invoice: inv as unknown as IDataObject,
	...extra,
});

/** Trigger → Cadence Step (Plan) → [Send] Set ("the send node", possibly failing) → Cadence Step (Record). */
function planSendRecord(planParameters: IDataObject, sendFails = false): WorkflowJson {
	const node = (name: string, type: string, parameters: IDataObject, x: number): INode =>
		({
			id: name,
			name,
			type,
			typeVersion: type.endsWith('.set') ? 3.4 : 1,
			position: [x, 0],
			parameters,
		}) as INode;
	return {
		nodes: [
			node('Trigger', 'n8n-nodes-base.manualTrigger', {}, 0),
			node('Plan', `${PACKAGE_NAME}.cadenceStep`, { operation: 'plan', ...planParameters }, 200),
			node(
				'Send Email',
				'n8n-nodes-base.set',
				{
					mode: 'raw',
					jsonOutput: sendFails
						? '={{ { "id": "msg-1", "error": "550 mailbox unavailable" } }}'
						: '={{ { "id": "msg-1", "labelIds": ["SENT"] } }}',
					options: {},
				},
				400,
			),
			node(
				'Record',
				`${PACKAGE_NAME}.cadenceStep`,
				{
					operation: 'record',
					idempotencyKey: "={{ $('Plan').item.json.cadence.idempotencyKey }}",
				},
				600,
			),
		],
		connections: {
			Trigger: { main: [[{ node: 'Plan', type: 'main', index: 0 }]] },
			Plan: { main: [[{ node: 'Send Email', type: 'main', index: 0 }], [], [], []] },
			'Send Email': { main: [[{ node: 'Record', type: 'main', index: 0 }]] },
		},
	} as WorkflowJson;
}

describe('Cadence Step in the n8n engine', () => {
	it('idempotent on rerun: production executions share the static-data ledger, so a step is never emitted twice', async () => {
		const staticData: IDataObject = {};
		const inputs = [item(invoice()), item(invoice({ id: 'in_2', number: 'INV-002' }))];
		const workflow = planSendRecord({
			policy: 'standard-5',
			options: { asOf: '2026-03-10T10:00:00Z' },
		});

		const first = await runWorkflow(workflow, { input: inputs, staticData, mode: 'trigger' });
		expect(first.error).toBeUndefined();
		expect(first.counts('Plan')).toEqual([2, 0, 0, 0]);
		const sent = first.json('Plan', SEND)[0].cadence as IDataObject;
		expect(sent.message).toMatchObject({
			channel: 'email',
			to: 'ap@acme.test',
			cc: [],
			idempotencyKey: 'in_1:overdue-7',
			threadHeaders: {
				'In-Reply-To': '<inv-001@mail.us.test>',
				References: '<inv-001@mail.us.test>',
			},
		});
		expect((sent.message as IDataObject).subject).toBe('Invoice INV-001 is now 8 days past due');
		expect(first.json('Record').map((json) => (json.cadence as IDataObject).recorded)).toEqual([
			expect.objectContaining({ status: 'sent', key: 'in_1:overdue-7' }),
			expect.objectContaining({ status: 'sent', key: 'in_2:overdue-7' }),
		]);
		const ledger = (staticData.global as IDataObject | undefined)?.cadence ?? staticData.cadence;
		expect(JSON.stringify(ledger)).toContain('"status":"sent"');

		// The same day, a second (CLI) run: nothing is sent again.
		const rerun = await runWorkflow(workflow, { input: inputs, staticData, mode: 'cli' });
		expect(rerun.counts('Plan')).toEqual([0, 2, 0, 0]);
		// overdue-7 is in the ledger, so the plan looks ahead to overdue-14.
		expect(rerun.json('Plan', WAIT).map((json) => (json.cadence as IDataObject).rule)).toEqual([
			'not_yet_due',
			'not_yet_due',
		]);
		expect(rerun.json('Plan', WAIT)[0].cadence).toMatchObject({
			step: { id: 'overdue-14' },
			nextEligibleAt: '2026-03-16T09:00:00.000+01:00',
		});

		// A week later the next step goes out once.
		const later = planSendRecord({
			policy: 'standard-5',
			options: { asOf: '2026-03-16T10:00:00Z' },
		});
		const nextWeek = await runWorkflow(later, { input: inputs, staticData });
		expect(
			nextWeek
				.json('Plan', SEND)
				.map((json) => ((json.cadence as IDataObject).step as IDataObject).id),
		).toEqual(['overdue-14', 'overdue-14']);
		const again = await runWorkflow(later, { input: inputs, staticData });
		expect(again.counts('Plan')[SEND]).toBe(0);
	});

	it('a reservation without Record still blocks a same-day rerun', async () => {
		const staticData: IDataObject = {};
		const parameters = { policy: 'standard-5', options: { asOf: '2026-03-10T10:00:00Z' } };
		const first = await runNode({
			type: 'cadenceStep',
			parameters,
			input: [item(invoice())],
			staticData,
		});
		expect(first.counts(NODE_UNDER_TEST)).toEqual([1, 0, 0, 0]);
		const second = await runNode({
			type: 'cadenceStep',
			parameters: { ...parameters, options: { asOf: '2026-03-10T15:00:00Z' } },
			input: [item(invoice())],
			staticData,
		});
		expect(second.counts(NODE_UNDER_TEST)).toEqual([0, 1, 0, 0]);
	});

	it('the same invoice twice in one input goes out once; an unreadable item next to it stops nothing and is escalated', async () => {
		const staticData: IDataObject = {};
		const parameters = { policy: 'standard-5', options: { asOf: '2026-03-10T10:00:00Z' } };
		const twice = await runNode({
			type: 'cadenceStep',
			parameters,
			input: [item(invoice()), item(invoice())],
		});
		expect(twice.counts(NODE_UNDER_TEST)).toEqual([1, 1, 0, 0]);

		const failed = await runNode({
			type: 'cadenceStep',
			parameters,
			input: [item(invoice()), { notAnInvoice: true }],
			staticData,
		});
		expect(failed.error).toBeUndefined();
		expect(failed.counts(NODE_UNDER_TEST)).toEqual([1, 0, 0, 1]);
		expect(failed.json(NODE_UNDER_TEST, ESCALATE)[0].cadence).toMatchObject({ invalid: true });
		expect(JSON.stringify(staticData)).toContain('in_1');
		// The good invoice was reserved once: a rerun does not send it again.
		const retried = await runNode({
			type: 'cadenceStep',
			parameters,
			input: [item(invoice())],
			staticData,
		});
		expect(retried.counts(NODE_UNDER_TEST)).toEqual([0, 1, 0, 0]);
	});

	it('a failed send retries on the next run and escalates after three failures', async () => {
		const staticData: IDataObject = {};
		const outcomes: string[] = [];
		for (const day of ['10', '11', '12', '13']) {
			const run = await runWorkflow(
				planSendRecord(
					{ policy: 'standard-5', options: { asOf: `2026-03-${day}T10:00:00Z` } },
					true,
				),
				{ input: [item(invoice())], staticData },
			);
			const counts = run.counts('Plan');
			outcomes.push(
				counts[SEND]
					? 'send'
					: counts[ESCALATE]
						? `escalate:${(run.json('Plan', ESCALATE)[0].cadence as IDataObject).rule}`
						: 'other',
			);
			if (counts[SEND])
				expect((run.json('Record')[0].cadence as IDataObject).recorded).toMatchObject({
					status: 'failed',
				});
		}
		expect(outcomes).toEqual(['send', 'send', 'send', 'escalate:send_failed']);
	});

	it('routes stops, holds and escalations, each with an audit entry and pairedItem', async () => {
		const input = [
			item(invoice({ id: 'paid', lifecycle: 'paid', amountDueMinor: 0 })),
			item(invoice({ id: 'disputed', flags: { disputed: true } })),
			item(invoice({ id: 'promised', promise: { date: '2026-03-20' } })),
			item(
				invoice({
					id: 'ceo',
					contact: { email: 'ceo@acme.test', title: 'Chief Executive Officer' },
				}),
			),
			item(invoice({ id: 'ooo' }), {
				triage: {
					intent: 'out_of_office',
					extracted: { returnDate: '2026-03-16', invoiceNumbers: [] },
				},
			}),
			item(invoice({ id: 'send' })),
		];
		const result = await runNode({
			type: 'cadenceStep',
			parameters: { policy: 'standard-5', options: { asOf: '2026-03-10T10:00:00Z' } },
			input,
		});
		expect(result.counts(NODE_UNDER_TEST)).toEqual([1, 2, 2, 1]);
		expect(
			result.json(NODE_UNDER_TEST, 2).map((json) => (json.cadence as IDataObject).action),
		).toEqual(['stop', 'stop']);
		const rules = [0, 1, 2, 3].flatMap((output) =>
			result
				.items(NODE_UNDER_TEST, output)
				.map(
					(entry) =>
						`${(entry.pairedItem as { item: number }).item}:${(entry.json.cadence as IDataObject).rule}`,
				),
		);
		expect(rules.sort()).toEqual([
			'0:closed',
			'1:disputed',
			'2:promise_pending',
			'3:csuite_contact',
			'4:out_of_office',
			'5:send',
		]);
		for (const json of result.json(NODE_UNDER_TEST, WAIT))
			expect((json.audit as IDataObject[]).at(-1)).toMatchObject({
				node: 'Cadence Step',
				outcome: 'wait',
			});
	});

	it('a custom template with forbidden wording escalates with the finding and is never sent', async () => {
		const result = await runNode({
			type: 'cadenceStep',
			parameters: {
				policy: 'standard-5',
				options: {
					asOf: '2026-03-10T10:00:00Z',
					overrides: {
						override: [
							{
								template: 'overdue-polite',
								channel: 'email',
								subject: 'Invoice {{invoice.number}}',
								text: 'Invoice {{invoice.number}}, {{invoice.amountDue}}, due {{invoice.dueDate}}: {{invoice.paymentUrl}}. Failure to pay will mean we suspend your service.',
							},
						],
					},
				},
			},
			input: [item(invoice())],
		});
		expect(result.counts(NODE_UNDER_TEST)).toEqual([0, 0, 0, 1]);
		const cadence = result.json(NODE_UNDER_TEST, ESCALATE)[0].cadence as IDataObject;
		expect(cadence.rule).toBe('guardrail');
		expect(cadence.message).toBeUndefined();
		expect((cadence.findings as IDataObject[]).map((finding) => finding.rule).sort()).toEqual([
			'failure_to_pay',
			'service_suspension',
		]);
		expect(result.hints(NODE_UNDER_TEST).join(' ')).toMatch(/guardrail/);
	});

	it('a missing template variable errors (never a blank): the item escalates as invalid with the reason, or with continueOnFail carries the error', async () => {
		const parameters = {
			policy: 'standard-5',
			options: {
				asOf: '2026-03-10T10:00:00Z',
				library: JSON.stringify({
					'overdue-polite': {
						email: {
							subject: 'x',
							text: 'Dear {{contact.title}}, invoice {{invoice.number}} ({{invoice.amountDue}}, due {{invoice.dueDate}}) is open: {{invoice.paymentUrl}}',
						},
					},
				}),
			},
		};
		const failed = await runNode({ type: 'cadenceStep', parameters, input: [item(invoice())] });
		expect(failed.error).toBeUndefined();
		const invalid = failed.json(NODE_UNDER_TEST, ESCALATE)[0].cadence as IDataObject;
		expect(invalid).toMatchObject({ invalid: true, rule: 'invalid_input' });
		expect(invalid.reason).toMatch(/contact\.title/);
		expect(invalid.fix).toMatch(/template variable/);

		const continued = await runNode({
			type: 'cadenceStep',
			parameters,
			input: [
				item(invoice()),
				item(invoice({ id: 'ok', contact: { email: 'x@acme.test', title: 'AP clerk' } })),
			],
			settings: { continueOnFail: true },
		});
		const escalated = continued.json(NODE_UNDER_TEST, ESCALATE);
		expect(escalated[0].error).toMatch(/contact\.title/);
		expect(continued.counts(NODE_UNDER_TEST)[SEND]).toBe(1);
	});

	it('pilot cohort: the first N are planned, the rest wait with reason "pilot"', async () => {
		const result = await runNode({
			type: 'cadenceStep',
			parameters: {
				policy: 'standard-5',
				options: { asOf: '2026-03-10T10:00:00Z', pilot: 'firstN', pilotSize: 1 },
			},
			input: [item(invoice()), item(invoice({ id: 'in_2' }))],
		});
		expect(result.counts(NODE_UNDER_TEST)).toEqual([1, 1, 0, 0]);
		expect(result.json(NODE_UNDER_TEST, WAIT)[0].cadence).toMatchObject({
			rule: 'pilot',
			reason: expect.stringMatching(/^pilot/),
		});
	});

	it('pilot cohort by filter expression, and tuned presets by tier (holidays from the form)', async () => {
		const result = await runNode({
			type: 'cadenceStep',
			parameters: {
				policy: 'by-tier',
				options: {
					asOf: '2026-03-10T10:00:00Z',
					pilot: 'filter',
					pilotFilter: "={{ $json.invoice.id !== 'in_2' }}",
					holidays: '2026-03-10',
				},
			},
			input: [item(invoice()), item(invoice({ id: 'in_2' }))],
		});
		const waits = result
			.json(NODE_UNDER_TEST, WAIT)
			.map((json) => (json.cadence as IDataObject).rule);
		expect(waits.sort()).toEqual(['pilot', 'send_window']);
	});

	it('dry run plans and renders without touching the ledger, and nothing leaves on Send', async () => {
		const staticData: IDataObject = {};
		const result = await runNode({
			type: 'cadenceStep',
			parameters: { policy: 'standard-5', options: { asOf: '2026-03-10T10:00:00Z', dryRun: true } },
			input: [item(invoice())],
			staticData,
		});
		expect(result.counts(NODE_UNDER_TEST)).toEqual([0, 1, 0, 0]);
		expect(result.json(NODE_UNDER_TEST, WAIT)[0].cadence).toMatchObject({
			action: 'send',
			dryRun: true,
			message: { idempotencyKey: 'in_1:overdue-7' },
		});
		expect(JSON.stringify(result.staticData)).not.toContain('in_1');
	});

	it('consolidation: one e-mail per customer listing every due invoice, paired with all of them', async () => {
		const result = await runNode({
			type: 'cadenceStep',
			// 15:00 UTC: inside the window in Berlin and in the workflow's own zone (Globex has none).
			parameters: {
				policy: 'standard-5',
				options: { asOf: '2026-03-10T15:00:00Z', consolidate: true, timezone: 'UTC' },
			},
			input: [
				item(invoice()),
				item(invoice({ id: 'in_2', number: 'INV-002', dueOn: '2026-02-20' })),
				item(
					invoice({
						id: 'in_3',
						number: 'INV-003',
						customer: { id: 'cus_9', name: 'Globex' },
						contact: { email: 'ap@globex.test' },
					}),
				),
			],
		});
		expect(result.counts(NODE_UNDER_TEST)).toEqual([2, 0, 0, 0]);
		const [acme] = result.items(NODE_UNDER_TEST, SEND);
		expect(acme.pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
		expect(acme.json.cadence).toMatchObject({
			consolidated: true,
			tone: 'firm',
			idempotencyKey: 'in_1:overdue-7+in_2:overdue-14',
		});
		expect(((acme.json.cadence as IDataObject).message as IDataObject).text).toMatch(
			/INV-001[\s\S]*INV-002/,
		);
	});

	it('a manual run says that static data is not saved there', async () => {
		// Started at the node itself: in manual mode the manual trigger would emit its own empty item.
		const workflow = {
			nodes: [
				{
					id: 'plan',
					name: 'Plan',
					type: `${PACKAGE_NAME}.cadenceStep`,
					typeVersion: 1,
					position: [0, 0],
					parameters: { policy: 'standard-5', options: { asOf: '2026-03-10T10:00:00Z' } },
				} as INode,
			],
			connections: {},
		};
		const result = await runWorkflow(workflow, {
			input: [item(invoice())],
			mode: 'manual',
			startNode: 'Plan',
		});
		expect(result.counts('Plan')).toEqual([1, 0, 0, 0]);
		expect(result.hints('Plan').join(' ')).toMatch(/persists only in production/);
	});

	it('prunes paid invoices from the ledger', async () => {
		const staticData: IDataObject = {};
		await runNode({
			type: 'cadenceStep',
			parameters: { policy: 'standard-5', options: { asOf: '2026-03-10T10:00:00Z' } },
			input: [item(invoice())],
			staticData,
		});
		expect(JSON.stringify(staticData)).toContain('in_1');
		await runNode({
			type: 'cadenceStep',
			parameters: { policy: 'standard-5', options: { asOf: '2026-03-12T10:00:00Z' } },
			input: [item(invoice({ lifecycle: 'paid', amountDueMinor: 0 }))],
			staticData,
		});
		expect(JSON.stringify(staticData)).not.toContain('in_1');
	});

	it('custom steps and tuned presets from the form', async () => {
		const result = await runNode({
			type: 'cadenceStep',
			parameters: {
				policy: 'custom',
				steps: {
					step: [
						{
							id: 'nudge',
							offsetDays: 2,
							dayCount: 'calendar',
							channel: 'sms',
							tone: 'friendly',
							template: 'overdue-reminder',
							requiresApproval: false,
						},
					],
				},
				options: {
					asOf: '2026-03-10T10:00:00Z',
					sendDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
				},
			},
			input: [item(invoice({ contact: { email: 'ap@acme.test', phone: '+4915112345678' } }))],
		});
		expect(result.json(NODE_UNDER_TEST, SEND)[0].cadence).toMatchObject({
			step: { id: 'nudge' },
			message: { channel: 'sms', to: '+4915112345678' },
		});
	});

	describe('AI personalisation (real openai client, fake server on 127.0.0.1)', () => {
		const server = new FakeOpenAiCadence();
		beforeAll(async () => {
			await server.start();
		});
		afterAll(async () => {
			await server.stop();
		});
		const run = () =>
			runNode({
				type: 'cadenceStep',
				parameters: {
					policy: 'standard-5',
					personalise: true,
					options: { asOf: '2026-03-10T10:00:00Z', aiTimeoutMs: 1000 },
				},
				input: [item(invoice())],
				credentials: {
					openAiCompatibleApi: { apiKey: 'k', baseUrl: server.baseUrl, model: 'fake-model' },
				},
				nodeCredentials: { openAiCompatibleApi: { id: '1', name: 'Fake AI' } },
			});

		it('a good draft goes to Escalate for approval', async () => {
			server.reply = {
				content: JSON.stringify({
					subject: 'INV-001',
					text: 'Hi Jane! Invoice INV-001 ($1,200.00, due March 2, 2026) is still open: https://pay.test/in_1. Thank you!',
				}),
			};
			const result = await run();
			expect(result.counts(NODE_UNDER_TEST)).toEqual([0, 0, 0, 1]);
			expect(result.json(NODE_UNDER_TEST, ESCALATE)[0].cadence).toMatchObject({
				rule: 'requires_approval',
				requiresApproval: true,
				ai: { used: true },
				message: { requiresApproval: true, text: expect.stringContaining('Hi Jane!') },
			});
		});

		it('a draft with forbidden wording is dropped: the approved template goes to Send', async () => {
			server.reply = {
				content: JSON.stringify({
					text: 'Invoice INV-001 $1,200.00 March 2, 2026 https://pay.test/in_1 or it goes to a collection agency.',
				}),
			};
			const result = await run();
			expect(result.counts(NODE_UNDER_TEST)).toEqual([1, 0, 0, 0]);
			const cadence = result.json(NODE_UNDER_TEST, SEND)[0].cadence as IDataObject;
			expect(cadence.ai).toMatchObject({
				used: false,
				findings: [expect.objectContaining({ rule: 'collection_agency' })],
			});
			expect((cadence.message as IDataObject).text).not.toContain('collection');
		});

		it('a timeout falls back to the approved template', async () => {
			server.reply = { content: '{}', delayMs: 5000 };
			const result = await run();
			expect(result.counts(NODE_UNDER_TEST)).toEqual([1, 0, 0, 0]);
			expect((result.json(NODE_UNDER_TEST, SEND)[0].cadence as IDataObject).ai).toMatchObject({
				used: false,
			});
			expect(result.hints(NODE_UNDER_TEST).join(' ')).toMatch(/AI draft/);
		});
	});
});
