import type { IDataObject } from 'n8n-workflow';

import { checkPaymentState, evaluateEscalation, type Invoice } from '../../src';
import { NODE_UNDER_TEST, runNode, runWorkflow } from '../helpers/engine';

const ESCALATE = 0;
const CONTINUE = 1;
const asOf = '2026-11-20T10:00:00Z';

function invoice(id: string, overrides: Partial<Invoice> = {}): Invoice {
	return {
		id,
		number: `INV-${id}`,
		source: 'generic',
		status: 'open',
		lifecycle: 'open',
		currency: 'USD',
		total: 1200,
		amountPaid: 0,
		amountDue: 1200,
		totalMinor: 120000,
		amountPaidMinor: 0,
		amountDueMinor: 120000,
		amountDueFormatted: '$1,200.00',
		issuedOn: '2026-10-11',
		dueOn: '2026-11-10',
		customer: { id: 'cus_1', name: 'Acme Corp', tier: 'standard', region: 'EMEA' },
		contact: {
			email: 'ap@acme.test',
			name: 'Dana',
			phone: '+1 415 555 0134',
			isBillingContact: true,
		},
		flags: {},
		...overrides,
	};
}

const triage = (intent: string) => ({
	intent,
	intents: [intent],
	confidence: 0.9,
	escalate: true,
	stopCadence: true,
	extracted: { invoiceNumbers: [] },
	evidence: [{ rule: `${intent}.phrase`, phrase: 'we dispute this charge', intent }],
	summary: `classified as ${intent}`,
});

describe('Escalation Gate in the n8n engine', () => {
	it('routes to Escalate / Continue, pairs items, pauses automation and appends audit', async () => {
		const disputed = invoice('A', { flags: { disputed: true } });
		const input = [
			{
				invoice: invoice('OK'),
				audit: [
					{
						node: 'Payment State Check',
						rule: 'overdue',
						outcome: 'follow_up',
						reason: 'x',
						at: asOf,
					},
				],
			},
			{ invoice: disputed, paymentState: checkPaymentState(disputed, { asOf }), keep: 'me' },
			{
				invoice: invoice('B'),
				triage: triage('legal_threat'),
				subject: 'RE: INV-B',
				from: 'Dana <ap@acme.test>',
				text: 'See you in court.',
			},
		];
		const result = await runNode({
			type: 'escalationGate',
			parameters: {
				routing: {
					routes: [
						{
							region: 'emea',
							ownerName: 'EMEA AR',
							ownerEmail: 'emea@corp.test',
							ownerSlackId: 'U0EMEA',
						},
					],
				},
				options: { asOf, slaTimezone: 'UTC' },
			},
			input,
		});
		expect(result.error).toBeUndefined();
		expect(result.counts(NODE_UNDER_TEST)).toEqual([2, 1]);

		const [dispute, legal] = result.items(NODE_UNDER_TEST, ESCALATE);
		expect(dispute.pairedItem).toEqual({ item: 1 });
		expect(legal.pairedItem).toEqual({ item: 2 });
		expect(dispute.json.keep).toBe('me');
		expect(dispute.json.escalation).toMatchObject({
			escalate: true,
			reasons: ['dispute'],
			priority: 'P2',
			owner: { name: 'EMEA AR', email: 'emea@corp.test', slackId: 'U0EMEA' },
			ownerSource: 'routing',
			dueBy: '2026-11-23T10:00:00Z',
		});
		const invoiceOut = dispute.json.invoice as IDataObject;
		expect(invoiceOut.flags).toEqual({ disputed: true, automationPaused: true });
		expect({ ...invoiceOut, flags: disputed.flags }).toEqual(disputed);
		expect(checkPaymentState(invoiceOut as unknown as Invoice, { asOf }).state).toBe('disputed');
		expect(dispute.json.audit).toEqual([
			expect.objectContaining({ node: 'Escalation Gate', rule: 'dispute', outcome: 'escalate' }),
		]);

		const legalEscalation = legal.json.escalation as {
			priority: string;
			packet: { lastReply: IDataObject; slack: { blocks: unknown[] } };
		};
		expect(legalEscalation.priority).toBe('P1');
		expect(legalEscalation.packet.lastReply).toMatchObject({
			from: 'Dana <ap@acme.test>',
			subject: 'RE: INV-B',
			excerpt: 'See you in court.',
		});
		const paused = legal.json.invoice as unknown as Invoice;
		expect(checkPaymentState(paused, { asOf }).state).toBe('paused');

		const [ok] = result.items(NODE_UNDER_TEST, CONTINUE);
		expect(ok.pairedItem).toEqual({ item: 0 });
		expect(ok.json.escalation).toMatchObject({
			escalate: false,
			alreadyEscalated: false,
			reasons: [],
		});
		expect((ok.json.invoice as IDataObject).flags).toEqual({});
		expect(ok.json.audit).toEqual([
			expect.objectContaining({ node: 'Payment State Check' }),
			expect.objectContaining({ node: 'Escalation Gate', rule: 'no_reason', outcome: 'continue' }),
		]);
		expect(result.hints(NODE_UNDER_TEST).join(' ')).toContain('2 item(s) escalated');
	});

	it('de-duplicates across two executions through the workflow static data', async () => {
		const staticData: IDataObject = {};
		const input = [{ invoice: invoice('D', { flags: { disputed: true } }) }];
		const first = await runNode({
			type: 'escalationGate',
			parameters: { options: { asOf } },
			input,
			staticData,
		});
		expect(first.counts(NODE_UNDER_TEST)).toEqual([1, 0]);
		expect(staticData).toEqual({
			global: { escalation: { ledger: { 'generic:D': { dispute: '2026-11-20T10:00:00.000Z' } } } },
		});

		const second = await runNode({
			type: 'escalationGate',
			parameters: { options: { asOf: '2026-11-22T10:00:00Z' } },
			input,
			staticData,
		});
		expect(second.counts(NODE_UNDER_TEST)).toEqual([0, 1]);
		const [duplicate] = second.json(NODE_UNDER_TEST, CONTINUE);
		expect(duplicate.escalation).toMatchObject({
			escalate: false,
			alreadyEscalated: true,
			repeatedReasons: ['dispute'],
		});
		expect(duplicate.audit).toEqual([
			expect.objectContaining({ rule: 'already_escalated', outcome: 'continue' }),
		]);
		expect(second.hints(NODE_UNDER_TEST).join(' ')).toContain('already escalated');
		// Still with a person: the invoice is paused so Cadence Step holds it rather than re-escalating.
		expect(duplicate.invoice).toMatchObject({ flags: { automationPaused: true } });

		// A new reason on the same invoice is escalated; after the window the old reason is escalated again.
		const third = await runNode({
			type: 'escalationGate',
			parameters: { options: { asOf: '2026-11-23T10:00:00Z' } },
			input: [{ ...input[0], triage: triage('legal_threat') }],
			staticData,
		});
		expect(third.json(NODE_UNDER_TEST, ESCALATE)[0].escalation).toMatchObject({
			reasons: ['legal_threat', 'dispute'],
			repeatedReasons: ['dispute'],
		});
		const later = await runNode({
			type: 'escalationGate',
			parameters: { options: { asOf: '2026-12-05T10:00:00Z' } },
			input,
			staticData,
		});
		expect(later.counts(NODE_UNDER_TEST)).toEqual([1, 0]);
	});

	describe('the days-past-due handoff per tier', () => {
		const strategic = { id: 'cus_s', name: 'Contoso', tier: 'strategic' as const };
		// asOf 2026-11-20: 47, 61 and 31 days past due.
		const input = [
			{ invoice: invoice('S47', { dueOn: '2026-10-04', customer: strategic }) },
			// Another customer: one customer's escalations become one case (the first item carries it).
			{ invoice: invoice('S61', { dueOn: '2026-09-20', customer: { ...strategic, id: 'cus_t' } }) },
			{ invoice: invoice('N31', { dueOn: '2026-10-20' }) },
		];
		const escalated = async (typeVersion: number, parameters: IDataObject = {}) => {
			const result = await runNode({
				type: 'escalationGate',
				settings: { typeVersion },
				parameters: { ...parameters, options: { asOf, ...(parameters.options as IDataObject) } },
				input,
			});
			expect(result.counts(NODE_UNDER_TEST)).toEqual([
				result.json(NODE_UNDER_TEST, ESCALATE).length,
				3 - result.json(NODE_UNDER_TEST, ESCALATE).length,
			]);
			return Object.fromEntries(
				result
					.json(NODE_UNDER_TEST, ESCALATE)
					.map((json) => [
						(json.invoice as IDataObject).id,
						(json.escalation as { details: Array<{ message: string }> }).details[0].message,
					]),
			);
		};

		it('1.2: strategic accounts follow their cadence to day 60, every other tier hands off at 30', async () => {
			expect(await escalated(1.2)).toEqual({
				S61: '61 days past due: past the 60-day strategic-account handoff.',
				N31: '31 days past due: past the 30-day handoff.',
			});
		});

		it('1.2: a threshold set on the row is for the other tiers; strategic accounts take their own option', async () => {
			const rules = {
				rules: [{ rule: 'days_past_due', enabled: true, priority: 'P3', threshold: 20 }],
			};
			expect(Object.keys(await escalated(1.2, { rules }))).toEqual(['S61', 'N31']);
			expect(
				Object.keys(await escalated(1.2, { rules, options: { strategicDaysPastDue: 45 } })),
			).toEqual(['S47', 'S61', 'N31']);
		});

		it('1 and 1.1 keep one handoff age for every tier, as saved', async () => {
			expect(Object.keys(await escalated(1))).toEqual(['S47', 'S61', 'N31']);
			expect(Object.keys(await escalated(1.1))).toEqual(['S47', 'S61', 'N31']);
		});
	});

	it('applies rules, thresholds and priority overrides from the parameters', async () => {
		const result = await runNode({
			type: 'escalationGate',
			parameters: {
				rules: {
					rules: [
						{ rule: 'dispute', enabled: false, priority: 'P2', threshold: 0 },
						{ rule: 'days_past_due', enabled: true, priority: 'P2', threshold: 7 },
						{ rule: 'high_value', enabled: true, priority: 'P1', threshold: 0 },
					],
				},
				highValueThresholds: { thresholds: [{ currency: 'USD', amount: 1000 }] },
				fallbackOwner: { name: 'AR Lead', email: 'lead@corp.test' },
				options: {
					asOf,
					slaTimezone: 'Europe/Berlin',
					slaP1: 2,
					redactContact: true,
				},
			},
			input: [
				{
					invoice: invoice('E', {
						flags: { disputed: true },
						customer: { name: 'Acme', tier: 'standard' },
					}),
				},
			],
		});
		const [item] = result.json(NODE_UNDER_TEST, ESCALATE);
		const escalation = item.escalation as {
			reasons: string[];
			details: Array<{ code: string; priority: string }>;
			owner: IDataObject;
			dueBy: string;
			packet: { slack: unknown };
		};
		expect(escalation.reasons).toEqual(['high_value', 'days_past_due']);
		expect(escalation.details.map((detail) => detail.priority)).toEqual(['P1', 'P2']);
		expect(escalation.owner).toEqual({ name: 'AR Lead', email: 'lead@corp.test' });
		expect(escalation.dueBy).toBe('2026-11-20T13:00:00+01:00');
		expect(JSON.stringify(escalation.packet.slack)).not.toContain('ap@acme.test');
	});

	it('reads the invoice from another field and escalates a broken invoice as invalid with a fix-it reason (never stops)', async () => {
		const nested = await runNode({
			type: 'escalationGate',
			parameters: { options: { asOf, invoiceField: 'data.invoice' } },
			input: [{ data: { invoice: invoice('N', { flags: { disputed: true } }) } }],
		});
		const [item] = nested.json(NODE_UNDER_TEST, ESCALATE);
		expect(((item.data as IDataObject).invoice as IDataObject).flags).toEqual({
			disputed: true,
			automationPaused: true,
		});

		const broken = await runNode({
			type: 'escalationGate',
			parameters: { options: { asOf } },
			input: [{ invoice: { ...invoice('X'), currency: 'usd' } }],
		});
		expect(broken.error).toBeUndefined();
		const escalation = broken.json(NODE_UNDER_TEST, ESCALATE)[0].escalation as IDataObject;
		expect(escalation).toMatchObject({ escalate: true, invalid: true });
		expect(escalation.reason).toContain('invoice.currency');
		expect(escalation.fix).toContain('Payment State Check');
	});

	it('with Continue On Fail, a broken item goes to Continue with its error and the rest are evaluated', async () => {
		const result = await runNode({
			type: 'escalationGate',
			parameters: { options: { asOf } },
			settings: { onError: 'continueRegularOutput' },
			input: [
				{ nothing: true },
				{ invoice: invoice('F', { flags: { disputed: true } }) },
				{ invoice: invoice('G'), triage: { intents: 'oops' } },
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.counts(NODE_UNDER_TEST)).toEqual([1, 2]);
		const failed = result.items(NODE_UNDER_TEST, CONTINUE);
		expect(failed.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(failed[0].json.error).toContain('no invoice at "invoice"');
		expect(failed[1].json.error).toContain('triage');
	});

	it('refuses invalid rule parameters with the field named', async () => {
		const result = await runNode({
			type: 'escalationGate',
			parameters: { options: { asOf, businessStart: '9am', holidays: '2026-13-01' } },
			input: [{ invoice: invoice('H') }],
		});
		expect(result.error?.message).toMatch(/sla\.start.*sla\.holidays/);
	});

	it('sits behind Payment State Check on a canvas', async () => {
		const workflow = {
			nodes: [
				{
					id: 't',
					name: 'Trigger',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0] as [number, number],
					parameters: {},
				},
				{
					id: 'p',
					name: 'Payment State Check',
					type: 'n8n-nodes-invoice-followup.paymentStateCheck',
					typeVersion: 1,
					position: [200, 0] as [number, number],
					parameters: { source: 'generic', options: { asOf } },
				},
				{
					id: 'e',
					name: 'Escalation Gate',
					type: 'n8n-nodes-invoice-followup.escalationGate',
					typeVersion: 1,
					position: [400, 0] as [number, number],
					parameters: { options: { asOf } },
				},
			],
			connections: {
				Trigger: { main: [[{ node: 'Payment State Check', type: 'main' as const, index: 0 }]] },
				'Payment State Check': {
					main: [[{ node: 'Escalation Gate', type: 'main' as const, index: 0 }]],
				},
			},
		};
		const base = { customer: 'Globex', email: 'ap@globex.test', currency: 'EUR' };
		const result = await runWorkflow(workflow, {
			input: [
				{ ...base, id: 'old', amountDue: 400, dueDate: '2026-09-30' },
				{ ...base, id: 'big', amountDue: 25000, dueDate: '2026-11-15' },
				{ ...base, id: 'fresh', amountDue: 400, dueDate: '2026-11-15' },
				{ ...base, id: 'disputed', amountDue: 400, dueDate: '2026-11-15', disputed: true },
			],
		});
		expect(result.error).toBeUndefined();
		const escalated = result
			.json('Escalation Gate', ESCALATE)
			.map((json) => [(json.invoice as IDataObject).id, (json.escalation as IDataObject).reasons]);
		expect(escalated).toEqual(
			expect.arrayContaining([
				['old', ['days_past_due']],
				['big', ['high_value']],
			]),
		);
		expect(
			result.json('Payment State Check', 1).map((json) => (json.invoice as IDataObject).id),
		).toEqual(['disputed']);
		expect(
			result.json('Escalation Gate', CONTINUE).map((json) => (json.invoice as IDataObject).id),
		).toEqual(['fresh']);
		for (const json of result.json('Escalation Gate', ESCALATE)) {
			expect(json.audit).toEqual([
				expect.objectContaining({ node: 'Payment State Check' }),
				expect.objectContaining({ node: 'Escalation Gate', outcome: 'escalate' }),
			]);
		}
	});

	it('with every parameter left at its default, decides exactly as evaluateEscalation with the src defaults', async () => {
		const inputs = [
			{ invoice: invoice('1') },
			{ invoice: invoice('2', { flags: { disputed: true } }) },
			{ invoice: invoice('3', { dueOn: '2026-10-01' }) },
			{ invoice: invoice('4', { amountDueMinor: 1_000_000, amountDue: 10_000 }) },
			{ invoice: invoice('5', { promise: { date: null, brokenCount: 2 } }) },
			{ invoice: invoice('6', { failedPaymentAttempts: 1 }) },
			{ invoice: invoice('7', { contact: { email: 'ceo@acme.test', title: 'CEO' } }) },
			{ invoice: invoice('8'), triage: triage('payment_plan') },
			{ invoice: invoice('9'), triage: triage('bounce') },
			{
				invoice: invoice('10', { customer: { name: 'Big', tier: 'strategic' } }),
				cadence: {
					action: 'send',
					step: { id: 'final-notice', tone: 'final' },
					reason: 'due',
					skippedSteps: [],
				},
			},
			{
				invoice: invoice('11'),
				cadence: {
					action: 'escalate',
					reason: 'refused',
					skippedSteps: [],
					findings: [{ rule: 'threat', phrase: 'lawyer', message: 'legal wording' }],
				},
			},
			{ invoice: invoice('12'), triage: { ...triage('already_paid'), escalate: true } },
		];
		const result = await runNode({
			type: 'escalationGate',
			parameters: { options: { asOf, slaTimezone: 'UTC' } },
			input: inputs,
		});
		const byId = new Map<string, IDataObject>();
		for (const output of [ESCALATE, CONTINUE])
			for (const json of result.json(NODE_UNDER_TEST, output))
				byId.set((json.invoice as IDataObject).id as string, json.escalation as IDataObject);
		for (const input of inputs) {
			const expected = evaluateEscalation(
				input as Parameters<typeof evaluateEscalation>[0],
				undefined,
				{ asOf },
			);
			const got = byId.get(input.invoice.id)!;
			expect([input.invoice.id, got.escalate, got.reasons, got.priority]).toEqual([
				input.invoice.id,
				expected.escalate,
				expected.reasons,
				expected.priority,
			]);
		}
		expect(result.counts(NODE_UNDER_TEST)).toEqual([11, 1]);
	});

	it('says so when every rule is off', async () => {
		const result = await runNode({
			type: 'escalationGate',
			parameters: { rules: { rules: [] }, options: { asOf } },
			input: [{ invoice: invoice('Z', { flags: { disputed: true } }) }],
		});
		expect(result.counts(NODE_UNDER_TEST)).toEqual([0, 1]);
		expect(result.hints(NODE_UNDER_TEST).join(' ')).toContain('Every escalation rule is off');
	});
});
