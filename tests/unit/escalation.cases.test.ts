/**
 * Cases: open cases read from the collections ledger, duplicates joining them, one case per customer and reason,
 * the registry the rules come from, and the packet fields that leave the package (Slack text, e-mail subject).
 */
import {
	ESCALATION_REASONS,
	ESCALATION_RULES,
	EscalationRulesSchema,
	EscalationResultSchema,
	escalationLedgerEvent,
	escalationLedgerFromEvents,
	evaluateEscalation,
	evaluateEscalations,
	eventToRow,
	rowToEvent,
	type EscalationInput,
	type Invoice,
	type LedgerEvent,
} from '../../src';
import { sampleInvoice } from '../helpers/invoices';

const AS_OF = '2026-11-20T10:00:00Z';

function invoice(id: string, overrides: Partial<Invoice> = {}): Invoice {
	return sampleInvoice({
		id,
		number: `INV-${id}`,
		issuedOn: '2026-10-11',
		dueOn: '2026-11-10',
		contact: {
			email: 'ap@acme.test',
			name: 'Dana',
			phone: '+1 415 555 0134',
			isBillingContact: true,
		},
		...overrides,
	});
}

const disputed = (id: string, overrides: Partial<Invoice> = {}) =>
	invoice(id, { flags: { disputed: true }, ...overrides });

describe('the rule registry', () => {
	it('is where the reason codes, the rules object keys and the defaults come from', () => {
		expect(ESCALATION_REASONS).toEqual(ESCALATION_RULES.map((rule) => rule.code));
		const defaults = EscalationRulesSchema.parse({}) as unknown as Record<
			string,
			{ enabled: boolean; priority: string }
		>;
		for (const rule of ESCALATION_RULES) {
			expect(defaults[rule.key]).toMatchObject({ enabled: true, priority: rule.priority });
			if (rule.threshold)
				expect((defaults[rule.key] as Record<string, unknown>)[rule.threshold.setting]).toBe(
					rule.threshold.default,
				);
		}
	});

	it('gives a threshold only to rules that have one (no "Threshold 0" on every row)', () => {
		expect(
			ESCALATION_RULES.filter((rule) => rule.threshold).map((rule) => [
				rule.code,
				rule.threshold!.default,
			]),
		).toEqual([
			['failed_payment', 1],
			['broken_promises', 2],
			['days_past_due', 30],
		]);
	});

	it('maps each reply intent to one reason, once', () => {
		const seen = new Map<string, string>();
		for (const rule of ESCALATION_RULES)
			for (const intent of rule.intents ?? []) {
				expect(seen.has(intent)).toBe(false);
				seen.set(intent, rule.code);
			}
		expect(Object.fromEntries(seen)).toMatchObject({
			legal_threat: 'legal_threat',
			dispute: 'dispute',
			bounce: 'wrong_contact',
		});
	});

	it('produces results that satisfy the contract consumers parse with', () => {
		const result = evaluateEscalation({ invoice: disputed('A') }, undefined, { asOf: AS_OF });
		expect(EscalationResultSchema.safeParse(result).success).toBe(true);
	});
});

describe('open cases from the collections ledger', () => {
	const escalation = (at: string, reason = 'dispute'): LedgerEvent => ({
		kind: 'escalation',
		invoiceId: 'A',
		at,
		reason,
		priority: 'P2',
		key: 'generic:A',
	});

	it('a duplicate of an open case is added to that case, visible on the result, never dropped silently', () => {
		const ledger = escalationLedgerFromEvents([escalation('2026-11-18T09:00:00.000Z')]);
		const result = evaluateEscalation({ invoice: disputed('A') }, undefined, {
			asOf: AS_OF,
			ledger,
		});
		expect(result).toMatchObject({
			escalate: false,
			alreadyEscalated: true,
			repeatedReasons: ['dispute'],
			case: {
				key: 'generic:A',
				openedAt: '2026-11-18T09:00:00.000Z',
				reasons: ['dispute'],
				joined: true,
			},
		});
		expect(escalationLedgerEvent(invoice('A'), result)).toBeNull();
	});

	it('a resolved event closes the case: the next dispute is a new case', () => {
		const ledger = escalationLedgerFromEvents([
			escalation('2026-11-18T09:00:00.000Z'),
			{ kind: 'resolved', invoiceId: 'A', at: '2026-11-19T09:00:00.000Z' },
		]);
		expect(ledger).toEqual({});
		const result = evaluateEscalation({ invoice: disputed('A') }, undefined, {
			asOf: AS_OF,
			ledger,
		});
		expect(result.escalate).toBe(true);
	});

	it('reads every reason of a row that lists several, and ignores Cadence Step cases under other keys', () => {
		const ledger = escalationLedgerFromEvents([
			escalation('2026-11-18T09:00:00.000Z', 'legal_threat,dispute'),
			{
				kind: 'escalation',
				invoiceId: 'A',
				at: '2026-11-18T09:00:00.000Z',
				reason: 'requires_approval',
				priority: 'P2',
				key: 'A:final-notice',
			},
		]);
		expect(ledger['generic:A']).toEqual({
			legal_threat: '2026-11-18T09:00:00.000Z',
			dispute: '2026-11-18T09:00:00.000Z',
		});
	});

	it('emits one escalation ledger event per new case, which round-trips through a Data Table row', () => {
		const result = evaluateEscalation({ invoice: disputed('A') }, undefined, { asOf: AS_OF });
		const event = escalationLedgerEvent(invoice('A'), result)!;
		expect(event).toMatchObject({
			kind: 'escalation',
			invoiceId: 'A',
			reason: 'dispute',
			priority: 'P2',
			key: 'generic:A',
		});
		const read = rowToEvent(eventToRow(event) as unknown as Record<string, unknown>);
		expect(read.ok && escalationLedgerFromEvents([read.event])).toEqual({
			'generic:A': { dispute: '2026-11-20T10:00:00.000Z' },
		});
	});
});

describe('one case per customer and reason', () => {
	it('200 disputed invoices of one customer make one escalation, not 200', () => {
		const inputs: EscalationInput[] = Array.from({ length: 200 }, (_, index) => ({
			invoice: disputed(`D${index}`),
		}));
		const results = evaluateEscalations(inputs, undefined, { asOf: AS_OF, groupByCustomer: true });
		const escalated = results.filter((result) => result.escalate);
		expect(escalated).toHaveLength(1);
		expect(escalated[0].case).toMatchObject({
			key: 'customer:cus_1#dispute',
			joined: false,
		});
		expect(escalated[0].case!.invoices).toHaveLength(200);
		expect(escalated[0].details[0].message).toContain('200 invoices of this customer');
		expect(escalated[0].details[0].message).toContain('$240,000.00');
		expect(escalated[0].packet!.text).toContain('INV-D0, INV-D1');
		// Every other invoice joined that case, says so, and is recorded in the ledger for the next run.
		const joined = results.filter((result) => !result.escalate);
		expect(joined).toHaveLength(199);
		for (const result of joined) {
			expect(result.case).toMatchObject({ key: 'customer:cus_1#dispute', joined: true });
			expect(result.packet).toBeNull();
		}
		expect(escalationLedgerEvent(invoice('D7'), joined[6])).toMatchObject({
			key: 'generic:D7',
			reason: 'dispute',
			note: 'case customer:cus_1#dispute',
		});
	});

	it('keeps different customers and different main reasons apart, and groups nothing when off', () => {
		const inputs: EscalationInput[] = [
			{ invoice: disputed('A') },
			{ invoice: disputed('B', { customer: { id: 'cus_2', name: 'Globex' } }) },
			{ invoice: invoice('C', { contact: {} }) }, // wrong contact (no e-mail), same customer as A
			{ invoice: disputed('E') },
		];
		const grouped = evaluateEscalations(inputs, undefined, { asOf: AS_OF, groupByCustomer: true });
		expect(grouped.map((result) => result.escalate)).toEqual([true, true, true, false]);
		const separate = evaluateEscalations(inputs, undefined, { asOf: AS_OF });
		expect(separate.map((result) => result.escalate)).toEqual([true, true, true, true]);
	});
});

describe('packet fields that leave the package', () => {
	const hostile = invoice('X', {
		customer: {
			id: 'cus_x',
			name: 'Evil <!channel> <https://evil.test|Pay here>\r\nBcc: victim@example.com',
		},
	});

	it('packet.slack.text is escaped for Slack: no <!channel> ping and no <url|text> link from a customer name', () => {
		const result = evaluateEscalation(
			{ invoice: { ...hostile, flags: { disputed: true } } },
			undefined,
			{
				asOf: AS_OF,
			},
		);
		const text = result.packet!.slack!.text;
		expect(text).not.toContain('<!channel>');
		expect(text).not.toContain('<https://evil.test|Pay here>');
		expect(text).toContain('&lt;!channel&gt;');
	});

	it('the escalation e-mail subject keeps no CR/LF from a customer name (no header injection)', () => {
		const result = evaluateEscalation(
			{ invoice: { ...hostile, flags: { disputed: true } } },
			undefined,
			{
				asOf: AS_OF,
			},
		);
		expect(result.packet!.subject).not.toMatch(/[\r\n]/);
		expect(result.packet!.subject).toContain('Evil');
	});

	it('redaction masks the contact phone reformatted as (415) 555-0134, and leaves other numbers alone', () => {
		const result = evaluateEscalation(
			{
				invoice: disputed('P'),
				triage: {
					intent: 'dispute',
					intents: ['dispute'],
					extracted: {},
					evidence: [],
					summary: 'Call me at (415) 555-0134 or 415.555.0134 about INV-2042 from 2026-11-20.',
				},
			},
			{ packet: { redactContact: true } },
			{ asOf: AS_OF },
		);
		const slack = JSON.stringify(result.packet!.slack);
		expect(slack).not.toContain('555-0134');
		expect(slack).not.toContain('555.0134');
		expect(slack).not.toContain('555 0134');
		expect(slack).toContain('2026-11-20');
	});
});
