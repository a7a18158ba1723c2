import {
	checkPaymentState,
	compileEscalationRules,
	describeEscalationRulesError,
	evaluateEscalation,
	evaluateEscalations,
	escalationReplyFromItem,
	type EscalationCadence,
	type ReplyIntent,
	type EscalationInput,
	type EscalationReasonCode,
	type EscalationRulesInput,
	type EscalationTriage,
	type Invoice,
} from '../../src';

const AS_OF = '2026-11-20T10:00:00Z'; // a Friday

function invoice(overrides: Partial<Invoice> = {}): Invoice {
	return {
		id: 'inv_1',
		number: 'INV-1001',
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
		customer: { id: 'cus_1', name: 'Acme Corp', tier: 'standard' },
		contact: { email: 'ap@acme.test', name: 'Dana Payables', isBillingContact: true },
		flags: {},
		...overrides,
	};
}

/** An invoice of `major` units in `currency`, amounts consistent. */
function amount(
	major: number,
	currency = 'USD',
	decimals = 2,
	extra: Partial<Invoice> = {},
): Invoice {
	const minor = Math.round(major * 10 ** decimals);
	return invoice({
		currency,
		total: major,
		amountDue: major,
		totalMinor: minor,
		amountDueMinor: minor,
		amountDueFormatted: `${currency} ${major}`,
		...extra,
	});
}

const strategicCustomer: Invoice['customer'] = { id: 'cus_s', name: 'Contoso', tier: 'strategic' };

function triage(intent: ReplyIntent, extra: Partial<EscalationTriage> = {}): EscalationTriage {
	return {
		intent,
		intents: [intent],
		confidence: 0.92,
		escalate: [
			'dispute',
			'legal_threat',
			'complaint',
			'refund_request',
			'payment_plan',
			'wrong_contact',
			'bounce',
		].includes(intent),
		stopCadence: true,
		extracted: { invoiceNumbers: ['INV-1001'] },
		evidence: [{ rule: `${intent}-phrase`, phrase: `phrase for ${intent}`, intent }],
		summary: `Customer reply classified as ${intent}.`,
		...extra,
	};
}

function cadence(extra: Partial<EscalationCadence> = {}): EscalationCadence {
	return {
		action: 'send',
		step: {
			id: 'reminder-2',
			offsetDays: 7,
			channel: 'email',
			tone: 'firm',
			template: 'reminder_firm',
			requiresApproval: false,
		},
		reason: 'step reminder-2 is due',
		skippedSteps: [],
		...extra,
	};
}

function state(inv: Invoice) {
	return checkPaymentState(inv, { asOf: AS_OF });
}

interface Scenario {
	name: string;
	input: EscalationInput;
	rules?: EscalationRulesInput;
	escalate: boolean;
	reasons?: EscalationReasonCode[];
	priority?: 'P1' | 'P2' | 'P3' | null;
	ownerSource?: 'invoice' | 'routing' | 'fallback' | 'none';
	ownerEmail?: string;
}

const routing: EscalationRulesInput['routing'] = [
	{ tier: 'strategic', owner: { name: 'Key Accounts', email: 'key@corp.test', slackId: 'U0KEY' } },
	{ region: 'EMEA', owner: { name: 'EMEA AR', email: 'emea@corp.test' } },
	{
		minAmount: 50_000,
		currency: 'USD',
		owner: { name: 'Controller', email: 'controller@corp.test' },
	},
	{ minAmount: 0, maxAmount: 50_000, owner: { name: 'AR Team', email: 'ar@corp.test' } },
];

const scenarios: Scenario[] = [
	// Flags and replies
	{
		name: 'nothing wrong: 10 days overdue, small, billing contact',
		input: { invoice: invoice() },
		escalate: false,
		priority: null,
	},
	{
		name: 'disputed flag',
		input: { invoice: invoice({ flags: { disputed: true } }) },
		escalate: true,
		reasons: ['dispute'],
		priority: 'P2',
	},
	{
		name: 'dispute reply',
		input: { invoice: invoice(), triage: triage('dispute') },
		escalate: true,
		reasons: ['dispute'],
		priority: 'P2',
	},
	{
		name: 'disputed payment state without the flag',
		input: { invoice: invoice(), paymentState: { state: 'disputed', signals: [] } },
		escalate: true,
		reasons: ['dispute'],
	},
	{
		name: 'dispute rule off',
		input: { invoice: invoice(), triage: triage('dispute', { escalate: false }) },
		rules: { dispute: { enabled: false } },
		escalate: false,
	},
	{
		name: 'legal threat is P1',
		input: { invoice: invoice(), triage: triage('legal_threat') },
		escalate: true,
		reasons: ['legal_threat'],
		priority: 'P1',
	},
	{
		name: 'legal threat as a secondary intent still counts',
		input: {
			invoice: invoice(),
			triage: triage('complaint', { intents: ['complaint', 'legal_threat'] }),
		},
		escalate: true,
		reasons: ['legal_threat', 'complaint'],
		priority: 'P1',
	},
	{
		name: 'legal threat on a paid invoice still goes to a person',
		input: {
			invoice: invoice({ lifecycle: 'paid', amountDueMinor: 0, amountDue: 0 }),
			triage: triage('legal_threat'),
		},
		escalate: true,
		reasons: ['legal_threat'],
	},
	{
		name: 'complaint',
		input: { invoice: invoice(), triage: triage('complaint') },
		escalate: true,
		reasons: ['complaint'],
		priority: 'P2',
	},
	{
		name: 'refund request',
		input: { invoice: invoice(), triage: triage('refund_request') },
		escalate: true,
		reasons: ['refund_request'],
		priority: 'P2',
	},
	{
		name: 'payment plan / custom terms',
		input: { invoice: invoice(), triage: triage('payment_plan') },
		escalate: true,
		reasons: ['payment_plan'],
		priority: 'P3',
	},
	{
		name: 'payment plan priority raised to P2 by configuration',
		input: { invoice: invoice(), triage: triage('payment_plan') },
		rules: { paymentPlan: { priority: 'P2' } },
		escalate: true,
		priority: 'P2',
	},
	{
		name: 'wrong contact',
		input: { invoice: invoice(), triage: triage('wrong_contact') },
		escalate: true,
		reasons: ['wrong_contact'],
		priority: 'P3',
	},
	{
		name: 'bounce counts as wrong contact',
		input: { invoice: invoice(), triage: triage('bounce') },
		escalate: true,
		reasons: ['wrong_contact'],
	},
	{
		name: 'bounce ignored when includeBounce is off',
		input: { invoice: invoice(), triage: triage('bounce', { escalate: false }) },
		rules: { wrongContact: { includeBounce: false } },
		escalate: false,
	},
	{
		name: 'no contact email',
		input: { invoice: invoice({ contact: { name: 'Nobody' } }) },
		escalate: true,
		reasons: ['wrong_contact'],
	},
	{
		name: 'failed payment attempts',
		input: { invoice: invoice({ failedPaymentAttempts: 2 }) },
		escalate: true,
		reasons: ['failed_payment'],
		priority: 'P2',
	},
	{
		name: 'failed payment below the attempts threshold',
		input: { invoice: invoice({ failedPaymentAttempts: 1 }) },
		rules: { failedPayment: { minAttempts: 3 } },
		escalate: false,
	},
	{
		name: 'payment link does not work (reply text)',
		input: {
			invoice: invoice(),
			triage: triage('question', { escalate: false, summary: 'Asks for help.' }),
			reply: { text: 'Hi, the payment link does not work for us.' },
		},
		escalate: true,
		reasons: ['failed_payment'],
	},
	// Time and amount
	{
		name: 'handoff at exactly 30 days past due',
		input: { invoice: invoice({ dueOn: '2026-10-21' }) },
		escalate: true,
		reasons: ['days_past_due'],
		priority: 'P3',
	},
	{
		name: '29 days past due is not yet the handoff',
		input: { invoice: invoice({ dueOn: '2026-10-22' }) },
		escalate: false,
	},
	{
		name: 'handoff threshold set to 14 days',
		input: { invoice: invoice({ dueOn: '2026-11-05' }) },
		rules: { daysPastDue: { days: 14 } },
		escalate: true,
		reasons: ['days_past_due'],
	},
	{
		name: 'a strategic account at 47 days is not handed off: its cadence runs to day 60',
		input: { invoice: invoice({ dueOn: '2026-10-04', customer: strategicCustomer }) },
		escalate: false,
	},
	{
		name: 'a strategic account at 61 days is handed off',
		input: { invoice: invoice({ dueOn: '2026-09-20', customer: strategicCustomer }) },
		escalate: true,
		reasons: ['days_past_due'],
		priority: 'P3',
	},
	{
		name: 'a standard account at 31 days is handed off',
		input: { invoice: invoice({ dueOn: '2026-10-20' }) },
		escalate: true,
		reasons: ['days_past_due'],
	},
	{
		name: 'an invoice without a tier takes the plain threshold',
		input: {
			invoice: invoice({ dueOn: '2026-10-20', customer: { id: 'cus_9', name: 'No Tier' } }),
		},
		escalate: true,
		reasons: ['days_past_due'],
	},
	{
		name: 'the strategic handoff age is a setting of its own',
		input: { invoice: invoice({ dueOn: '2026-10-04', customer: strategicCustomer }) },
		rules: { daysPastDue: { days: 20, strategicDays: 45 } },
		escalate: true,
		reasons: ['days_past_due'],
	},
	{
		name: 'days past due read from Payment State Check',
		input: { invoice: invoice(), paymentState: { state: 'overdue', daysPastDue: 45, signals: [] } },
		escalate: true,
		reasons: ['days_past_due'],
	},
	{
		name: 'high value USD at the threshold is P1',
		input: { invoice: amount(10_000) },
		escalate: true,
		reasons: ['high_value'],
		priority: 'P1',
	},
	{ name: 'just under the USD threshold', input: { invoice: amount(9_999.99) }, escalate: false },
	{
		name: 'JPY threshold in zero-decimal minor units',
		input: { invoice: amount(1_500_000, 'JPY', 0) },
		escalate: true,
		reasons: ['high_value'],
	},
	{
		name: 'JPY under its threshold',
		input: { invoice: amount(1_499_999, 'JPY', 0) },
		escalate: false,
	},
	{
		name: 'KWD threshold in three-decimal minor units',
		input: { invoice: amount(3_000, 'KWD', 3) },
		escalate: true,
		reasons: ['high_value'],
	},
	{
		name: 'per-currency threshold set lower',
		input: { invoice: amount(2_500, 'EUR') },
		rules: { highValue: { thresholds: { EUR: 2_000 } } },
		escalate: true,
		reasons: ['high_value'],
	},
	{
		name: 'currency without a threshold is never high value by default',
		input: { invoice: amount(9_000_000, 'XYZ') },
		escalate: false,
	},
	{
		name: 'otherCurrencies covers a currency missing from the table',
		input: { invoice: amount(9_000_000, 'XYZ') },
		rules: { highValue: { otherCurrencies: 1_000_000 } },
		escalate: true,
		reasons: ['high_value'],
	},
	{
		name: 'high_value signal from Payment State Check is honoured',
		input: {
			invoice: invoice(),
			paymentState: { state: 'overdue', daysPastDue: 10, signals: ['high_value'] },
		},
		escalate: true,
		reasons: ['high_value'],
	},
	{
		name: 'a paid invoice is not high value',
		input: {
			invoice: amount(50_000, 'USD', 2, { lifecycle: 'paid', amountDueMinor: 0, amountDue: 0 }),
		},
		escalate: false,
	},
	// Promises
	{
		name: 'two broken promises',
		input: { invoice: invoice({ promise: { date: null, brokenCount: 2 } }) },
		escalate: true,
		reasons: ['broken_promises'],
		priority: 'P2',
	},
	{
		name: 'one broken promise is not enough',
		input: { invoice: invoice({ promise: { date: null, brokenCount: 1 } }) },
		escalate: false,
	},
	{
		name: 'one broken before + the current broken promise = 2',
		input: {
			invoice: invoice({ promise: { date: '2026-11-15', brokenCount: 1 } }),
			paymentState: { state: 'broken_promise', daysPastDue: 10, signals: [] },
		},
		escalate: true,
		reasons: ['broken_promises'],
	},
	{
		name: 'broken promise threshold set to 3',
		input: { invoice: invoice({ promise: { date: null, brokenCount: 2 } }) },
		rules: { brokenPromises: { count: 3 } },
		escalate: false,
	},
	// Contacts and accounts
	{
		name: 'CFO who is not the billing contact',
		input: {
			invoice: invoice({
				contact: { email: 'cfo@acme.test', title: 'CFO', isBillingContact: false },
			}),
		},
		escalate: true,
		reasons: ['csuite_contact'],
		priority: 'P2',
	},
	{
		name: 'CFO who is the billing contact is fine',
		input: {
			invoice: invoice({
				contact: {
					email: 'cfo@acme.test',
					title: 'Chief Financial Officer',
					isBillingContact: true,
				},
			}),
		},
		escalate: false,
	},
	{
		name: 'strategic account about to get the final notice',
		input: {
			invoice: invoice({ customer: { name: 'Globex', tier: 'strategic' } }),
			cadence: cadence({
				step: {
					id: 'final-notice',
					offsetDays: 30,
					channel: 'email',
					tone: 'final',
					template: 'final_notice',
					requiresApproval: true,
				},
			}),
		},
		rules: { routing },
		escalate: true,
		reasons: ['strategic_final_notice'],
		ownerSource: 'routing',
		ownerEmail: 'key@corp.test',
	},
	{
		name: 'strategic account, ordinary reminder',
		input: {
			invoice: invoice({ customer: { name: 'Globex', tier: 'strategic' } }),
			cadence: cadence(),
		},
		escalate: false,
	},
	{
		name: 'standard account gets the final notice without review',
		input: {
			invoice: invoice(),
			cadence: cadence({
				step: {
					id: 'final-notice',
					offsetDays: 30,
					channel: 'email',
					tone: 'final',
					template: 'final_notice',
					requiresApproval: false,
				},
			}),
		},
		escalate: false,
	},
	// Guardrails and upstream asks
	{
		name: 'guardrail finding from Cadence Step',
		input: {
			invoice: invoice(),
			cadence: cadence({
				action: 'escalate',
				reason: 'template refused',
				findings: [
					{
						rule: 'collections_agency',
						phrase: 'collection agency',
						message: 'mentions a collection agency',
					},
				],
			}),
		},
		escalate: true,
		reasons: ['guardrail'],
		priority: 'P2',
	},
	{
		name: 'Cadence Step escalates at the end of the policy',
		input: {
			invoice: invoice(),
			cadence: cadence({ action: 'escalate', step: null, reason: 'all steps sent' }),
		},
		escalate: true,
		reasons: ['upstream_request'],
		priority: 'P3',
	},
	{
		name: 'Reply Triage escalates an already-paid claim',
		input: { invoice: invoice(), triage: triage('already_paid', { escalate: true }) },
		escalate: true,
		reasons: ['upstream_request'],
	},
	{
		name: 'a question that nobody flagged',
		input: { invoice: invoice(), triage: triage('question', { escalate: false }) },
		escalate: false,
	},
	{
		name: 'an out-of-office reply',
		input: { invoice: invoice(), triage: triage('out_of_office', { escalate: false }) },
		escalate: false,
	},
	// Combinations and priority
	{
		name: 'legal threat + high value + 45 days: P1, every reason listed, P1 first',
		input: {
			invoice: amount(20_000, 'USD', 2, { dueOn: '2026-10-06' }),
			triage: triage('legal_threat'),
		},
		escalate: true,
		reasons: ['legal_threat', 'high_value', 'days_past_due'],
		priority: 'P1',
	},
	{
		name: 'dispute + payment plan + wrong contact: P2',
		input: {
			invoice: invoice({ flags: { disputed: true } }),
			triage: triage('payment_plan', { intents: ['payment_plan', 'wrong_contact'] }),
		},
		escalate: true,
		reasons: ['dispute', 'payment_plan', 'wrong_contact'],
		priority: 'P2',
	},
	{
		name: 'every rule off: nothing escalates',
		input: {
			invoice: amount(20_000, 'USD', 2, { flags: { disputed: true } }),
			triage: triage('legal_threat'),
		},
		rules: Object.fromEntries(
			[
				'dispute',
				'legalThreat',
				'complaint',
				'refundRequest',
				'paymentPlan',
				'wrongContact',
				'failedPayment',
				'daysPastDue',
				'highValue',
				'brokenPromises',
				'csuiteContact',
				'strategicFinalNotice',
				'guardrail',
				'upstreamRequest',
			].map((key) => [key, { enabled: false }]),
		),
		escalate: false,
	},
	{
		name: 'triage only, no invoice',
		input: { triage: triage('legal_threat') },
		escalate: true,
		reasons: ['legal_threat'],
		ownerSource: 'none',
	},
	// Routing
	{
		name: "the invoice's own owner wins",
		input: {
			invoice: invoice({
				flags: { disputed: true },
				owner: { name: 'Sam', email: 'sam@corp.test' },
			}),
		},
		rules: { routing },
		escalate: true,
		ownerSource: 'invoice',
		ownerEmail: 'sam@corp.test',
	},
	{
		name: 'routing by region',
		input: {
			invoice: invoice({
				flags: { disputed: true },
				customer: { name: 'Initech GmbH', tier: 'standard', region: 'emea' },
			}),
		},
		rules: { routing },
		escalate: true,
		ownerSource: 'routing',
		ownerEmail: 'emea@corp.test',
	},
	{
		name: 'routing by amount range (USD ≥ 50,000)',
		input: { invoice: amount(60_000) },
		rules: { routing },
		escalate: true,
		ownerSource: 'routing',
		ownerEmail: 'controller@corp.test',
	},
	{
		name: 'routing by amount range (< 50,000, any currency)',
		input: { invoice: invoice({ flags: { disputed: true } }) },
		rules: { routing },
		escalate: true,
		ownerSource: 'routing',
		ownerEmail: 'ar@corp.test',
	},
	{
		name: 'fallback owner when no route matches',
		input: { invoice: amount(60_000, 'EUR') },
		rules: {
			routing: routing.slice(0, 3),
			fallbackOwner: { name: 'AR Lead', email: 'lead@corp.test' },
		},
		escalate: true,
		ownerSource: 'fallback',
		ownerEmail: 'lead@corp.test',
	},
	{
		name: 'no owner anywhere',
		input: { invoice: invoice({ flags: { disputed: true } }) },
		escalate: true,
		ownerSource: 'none',
	},
];

describe('evaluateEscalation: scenario table', () => {
	it('has at least 30 scenarios', () => {
		expect(scenarios.length).toBeGreaterThanOrEqual(30);
	});

	it.each(scenarios)('$name', (scenario) => {
		const result = evaluateEscalation(scenario.input, scenario.rules, { asOf: AS_OF });
		expect(result.escalate).toBe(scenario.escalate);
		if (scenario.reasons) expect(result.reasons).toEqual(scenario.reasons);
		if (scenario.priority !== undefined) expect(result.priority).toBe(scenario.priority);
		if (scenario.ownerSource) expect(result.ownerSource).toBe(scenario.ownerSource);
		if (scenario.ownerEmail) expect(result.owner?.email).toBe(scenario.ownerEmail);
		if (result.escalate) {
			expect(result.packet).not.toBeNull();
			expect(result.dueBy).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
			expect(result.details.every((detail) => detail.message.length > 0)).toBe(true);
		} else {
			expect(result.packet).toBeNull();
		}
	});
});

describe('evaluateEscalation: contract', () => {
	it('works with the rules omitted and returns the documented shape', () => {
		const result = evaluateEscalation({ invoice: invoice({ flags: { disputed: true } }) });
		expect(Object.keys(result)).toEqual(
			expect.arrayContaining(['escalate', 'reasons', 'priority', 'packet']),
		);
		expect(result.evaluatedAt).toMatch(/Z$/);
	});

	it('reads a real Payment State Check result', () => {
		const inv = invoice({ dueOn: '2026-10-01' });
		const result = evaluateEscalation({ invoice: inv, paymentState: state(inv) }, undefined, {
			asOf: AS_OF,
		});
		expect(result.reasons).toEqual(['days_past_due']);
		expect(result.packet!.facts.daysPastDue).toBe(50);
		expect(result.packet!.state.state).toBe('overdue');
	});

	it('says which handoff applied', () => {
		const message = (customer: Invoice['customer']) =>
			evaluateEscalation({ invoice: invoice({ dueOn: '2026-09-20', customer }) }, undefined, {
				asOf: AS_OF,
			}).details[0].message;
		expect(message(strategicCustomer)).toBe(
			'61 days past due: past the 60-day strategic-account handoff.',
		);
		expect(message({ id: 'cus_1', name: 'Acme Corp', tier: 'standard' })).toBe(
			'61 days past due: past the 30-day handoff.',
		);
	});

	it('never lets a low-confidence triage downgrade a legal threat', () => {
		const result = evaluateEscalation(
			{ invoice: invoice(), triage: triage('legal_threat', { confidence: 0.1, escalate: false }) },
			undefined,
			{ asOf: AS_OF },
		);
		expect(result.priority).toBe('P1');
	});

	it('explains invalid rules field by field', () => {
		expect(
			describeEscalationRulesError({ daysPastDue: { days: -1 }, sla: { start: '9am' } }),
		).toMatch(/daysPastDue\.days.*sla\.start/);
		expect(() =>
			compileEscalationRules({ highValue: { thresholds: { USD: -5 } } } as EscalationRulesInput),
		).toThrow(/highValue/);
		expect(describeEscalationRulesError(undefined)).toBeNull();
	});

	it('fills in every default', () => {
		const { rules } = compileEscalationRules();
		expect(rules.daysPastDue.days).toBe(30);
		expect(rules.daysPastDue.strategicDays).toBe(60);
		expect(rules.brokenPromises.count).toBe(2);
		expect(rules.highValue.thresholds.USD).toBe(10_000);
		expect(rules.sla.hours).toEqual({ P1: 4, P2: 8, P3: 24 });
		expect(rules.dedup).toEqual({ enabled: true, withinDays: 7 });
	});

	it('evaluates a batch with one clock', () => {
		const results = evaluateEscalations(
			[{ invoice: amount(20_000) }, { invoice: invoice() }],
			undefined,
			{ asOf: AS_OF },
		);
		expect(results.map((result) => result.escalate)).toEqual([true, false]);
	});

	it('tells the wrong-contact owner about the new contact', () => {
		const result = evaluateEscalation(
			{
				invoice: invoice(),
				triage: triage('wrong_contact', {
					extracted: { newContactEmail: 'billing@acme.test', invoiceNumbers: [] },
				}),
			},
			undefined,
			{ asOf: AS_OF },
		);
		expect(result.packet!.nextAction).toContain('billing@acme.test');
		expect(result.details[0].evidence).toContain('new contact: billing@acme.test');
	});

	it('rejects an unreadable as-of', () => {
		expect(() =>
			evaluateEscalation({ invoice: invoice() }, undefined, { asOf: 'yesterday-ish' }),
		).toThrow(/as of/);
	});
});

describe('SLA in business hours', () => {
	const legal = { invoice: invoice(), triage: triage('legal_threat') };
	const dispute = { invoice: invoice({ flags: { disputed: true } }) };
	const plan = { invoice: invoice(), triage: triage('payment_plan') };

	it('P1 4h, P2 8h, P3 24h from Friday 10:00 UTC, 09:00-17:00 Mon-Fri', () => {
		expect(evaluateEscalation(legal, undefined, { asOf: AS_OF }).dueBy).toBe(
			'2026-11-20T14:00:00Z',
		);
		expect(evaluateEscalation(dispute, undefined, { asOf: AS_OF }).dueBy).toBe(
			'2026-11-23T10:00:00Z',
		);
		expect(evaluateEscalation(plan, undefined, { asOf: AS_OF }).dueBy).toBe('2026-11-25T10:00:00Z');
	});

	it('starts counting at the next opening outside business hours, skipping holidays', () => {
		const rules = { sla: { holidays: ['2026-11-23'] } };
		expect(evaluateEscalation(legal, rules, { asOf: '2026-11-21T12:00:00Z' }).dueBy).toBe(
			'2026-11-24T13:00:00Z',
		);
		expect(evaluateEscalation(legal, undefined, { asOf: '2026-11-20T18:30:00Z' }).dueBy).toBe(
			'2026-11-23T13:00:00Z',
		);
		expect(evaluateEscalation(legal, undefined, { asOf: '2026-11-20T07:00:00Z' }).dueBy).toBe(
			'2026-11-20T13:00:00Z',
		);
	});

	it('uses the team zone and its offset, across a DST change', () => {
		const rules = { sla: { timezone: 'America/New_York', hours: { P1: 16 } } };
		// Friday 2026-10-30 15:00 New York (EDT, -04:00); DST ends Sunday 2026-11-01.
		const result = evaluateEscalation(legal, rules, { asOf: '2026-10-30T19:00:00Z' });
		expect(result.dueBy).toBe('2026-11-03T15:00:00.000-05:00'.replace('.000', ''));
		expect(result.slaHours).toBe(16);
	});

	it('settable hours and business day', () => {
		const rules = {
			sla: { start: '08:00', end: '12:00', workdays: [1, 2, 3, 4, 5, 6], hours: { P1: 6 } },
		};
		expect(evaluateEscalation(legal, rules, { asOf: AS_OF }).dueBy).toBe('2026-11-21T12:00:00Z');
	});
});

describe('de-duplication over a plain ledger', () => {
	it('does not escalate the same invoice and reason again within N days', () => {
		const ledger = {};
		const input = { invoice: invoice({ flags: { disputed: true } }) };
		const first = evaluateEscalation(input, undefined, { asOf: AS_OF, ledger });
		expect(first.escalate).toBe(true);
		expect(ledger).toEqual({ 'generic:inv_1': { dispute: '2026-11-20T10:00:00.000Z' } });

		const again = evaluateEscalation(input, undefined, { asOf: '2026-11-25T10:00:00Z', ledger });
		expect(again).toMatchObject({
			escalate: false,
			alreadyEscalated: true,
			repeatedReasons: ['dispute'],
			packet: null,
		});

		const later = evaluateEscalation(input, undefined, { asOf: '2026-11-27T10:00:00Z', ledger });
		expect(later.escalate).toBe(true);
	});

	it('a new reason escalates again and lists the repeated one', () => {
		const ledger = {};
		evaluateEscalation({ invoice: invoice({ flags: { disputed: true } }) }, undefined, {
			asOf: AS_OF,
			ledger,
		});
		const result = evaluateEscalation(
			{ invoice: invoice({ flags: { disputed: true } }), triage: triage('legal_threat') },
			undefined,
			{
				asOf: '2026-11-21T10:00:00Z',
				ledger,
			},
		);
		expect(result).toMatchObject({
			escalate: true,
			alreadyEscalated: false,
			reasons: ['legal_threat', 'dispute'],
			repeatedReasons: ['dispute'],
		});
	});

	it('different invoices do not suppress each other; the window is settable and 0 disables it', () => {
		const ledger = {};
		evaluateEscalation({ invoice: invoice({ flags: { disputed: true } }) }, undefined, {
			asOf: AS_OF,
			ledger,
		});
		expect(
			evaluateEscalation(
				{ invoice: invoice({ id: 'inv_2', flags: { disputed: true } }) },
				undefined,
				{ asOf: AS_OF, ledger },
			).escalate,
		).toBe(true);
		const input = { invoice: invoice({ flags: { disputed: true } }) };
		expect(
			evaluateEscalation(
				input,
				{ dedup: { withinDays: 30 } },
				{ asOf: '2026-12-05T10:00:00Z', ledger },
			).alreadyEscalated,
		).toBe(true);
		expect(
			evaluateEscalation(input, { dedup: { withinDays: 0 } }, { asOf: AS_OF, ledger }).escalate,
		).toBe(true);
		expect(
			evaluateEscalation(input, { dedup: { enabled: false } }, { asOf: AS_OF, ledger }).escalate,
		).toBe(true);
	});
});

describe('per-item work stays free of luxon', () => {
	it('1,000 escalations in two zones build a constant number of luxon DateTimes', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { DateTime } = require('luxon') as typeof import('luxon');
		const fromMillis = jest.spyOn(DateTime, 'fromMillis');
		const fromObject = jest.spyOn(DateTime, 'fromObject');
		const fromISO = jest.spyOn(DateTime, 'fromISO');
		try {
			const rules = compileEscalationRules({ sla: { timezone: 'Europe/Berlin' } });
			const inputs = Array.from({ length: 1000 }, (_, index) => ({
				invoice: invoice({
					id: `inv_${index}`,
					flags: { disputed: index % 2 === 0 },
					customer: {
						name: 'Acme',
						tier: 'standard',
						timezone: index % 3 ? 'America/New_York' : 'Asia/Tokyo',
					},
				}),
				triage: index % 5 === 0 ? triage('legal_threat') : undefined,
			}));
			const results = evaluateEscalations(inputs, rules, { asOf: AS_OF, ledger: {} });
			expect(results.filter((result) => result.escalate).length).toBeGreaterThan(500);
			// One local clock read for the SLA zone, one deadline per priority, one as-of parse per customer zone.
			expect(fromMillis.mock.calls.length).toBeLessThanOrEqual(3);
			expect(fromObject.mock.calls.length).toBeLessThanOrEqual(3);
			expect(fromISO.mock.calls.length).toBeLessThanOrEqual(1);
		} finally {
			fromMillis.mockRestore();
			fromObject.mockRestore();
			fromISO.mockRestore();
		}
	});
});

describe('escalationReplyFromItem', () => {
	it('reads the reply from the mail triggers and from an explicit reply object', () => {
		expect(
			escalationReplyFromItem({
				from: 'Dana <ap@acme.test>',
				subject: 'RE: INV-1',
				textPlain: 'Hi',
				date: '2026-11-19T10:00:00Z',
			}),
		).toEqual({
			from: 'Dana <ap@acme.test>',
			subject: 'RE: INV-1',
			receivedAt: '2026-11-19T10:00:00Z',
			text: 'Hi',
		});
		expect(
			escalationReplyFromItem({
				from: { value: [{ address: 'ap@acme.test', name: 'Dana' }], text: '' },
				snippet: 'Hello',
			}),
		).toEqual({
			from: 'Dana <ap@acme.test>',
			text: 'Hello',
		});
		expect(
			escalationReplyFromItem({
				from: { emailAddress: { address: 'ap@acme.test' } },
				bodyPreview: 'Outlook',
			}),
		).toEqual({ from: 'ap@acme.test', text: 'Outlook' });
		expect(
			escalationReplyFromItem({ reply: { from: 'x@y.test', text: 'explicit' }, text: 'ignored' }),
		).toEqual({ from: 'x@y.test', text: 'explicit' });
		expect(escalationReplyFromItem({ invoice: {} })).toBeUndefined();
	});
});
