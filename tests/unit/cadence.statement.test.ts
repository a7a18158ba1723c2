/**
 * The statement of account as a cadence step: one e-mail per customer listing every open invoice with its age and the
 * total, an HTML table in the e-mail and the CSV attached to the MIME message, in the customer's language; never for
 * a customer with a disputed, paused or opted-out invoice; once per customer per step.
 */
import {
	buildMimeMessage,
	planCadenceStep,
	planStatements,
	SHIPPED_LANGUAGES,
	type CadencePolicyInput,
	type ConsolidationEntry,
	type HistoryInput,
	type Invoice,
} from '../../src';
import { sampleInvoice } from '../helpers/invoices';
import { EUR_1234_56, englishIn, LOCALE_OF, marchDate, spaces } from '../helpers/locales';

const policy: CadencePolicyInput = {
	name: 'with-statement',
	steps: [
		{ id: 'due', offsetDays: 0, channel: 'email', tone: 'neutral', template: 'due-today' },
		{
			id: 'statement-14',
			offsetDays: 14,
			channel: 'email',
			tone: 'neutral',
			template: 'statement',
			type: 'statement',
		},
	],
};
// Every invoice below had its due-date reminder; the statement step is what is left.
const remindedOn = (invoice: Invoice): HistoryInput[] => [
	{ stepId: 'due', at: `${invoice.dueOn}T10:00:00Z`, status: 'sent' },
];
const asOf = '2026-03-20T10:00:00Z';

function invoiceOf(index: number, overrides: Partial<Invoice> = {}): Invoice {
	const day = String((index % 28) + 1).padStart(2, '0');
	return sampleInvoice({
		id: `in_${index}`,
		number: `INV-${String(index).padStart(3, '0')}`,
		amountDueMinor: 10_000 + index,
		totalMinor: 10_000 + index,
		issuedOn: '2026-01-01',
		// Due in February (statement step due by 2026-03-20) or, from index 28 on, in January.
		dueOn: index < 28 ? `2026-02-${day}` : `2026-01-${day}`,
		paymentUrl: `https://pay.test/in_${index}`,
		...overrides,
	});
}

function planned(invoices: Invoice[], histories = new Map<string, HistoryInput[]>()) {
	const entries: ConsolidationEntry[] = invoices.map((invoice, index) => ({
		invoice,
		index,
		plan: planCadenceStep(invoice, policy, {
			asOf,
			history: histories.get(invoice.id) ?? remindedOn(invoice),
		}),
	}));
	return {
		entries,
		groups: planStatements(entries, {
			asOf: '2026-03-20',
			historyOf: (id) =>
				histories.get(id) ?? remindedOn(invoices.find((invoice) => invoice.id === id)!),
		}),
	};
}

describe('the statement step', () => {
	it('one invoice: the plan itself carries its statement, linted like any reminder', () => {
		const invoice = sampleInvoice();
		const plan = planCadenceStep(invoice, policy, { asOf, history: remindedOn(invoice) });
		expect(plan).toMatchObject({
			action: 'send',
			step: { id: 'statement-14', type: 'statement' },
			idempotencyKey: 'in_1:statement-14',
		});
		expect(plan.message!.subject).toBe('Statement of account for Acme GmbH as of March 20, 2026');
		expect(plan.message!.to).toBe('ap@acme.test');
		expect(plan.message!.threadHeaders).toEqual({});

		const [group] = planStatements([{ invoice, plan, index: 0 }], { asOf: '2026-03-20' });
		expect(group).toMatchObject({ customerKey: 'cus_1', stepId: 'statement-14', findings: [] });
		expect(group.listed.map((listed) => listed.number)).toEqual(['INV-001']);
		expect(group.message!.idempotencyKey).toBe('in_1:statement-14');
		expect(group.message!.html).toContain(
			'<td><a href="https://pay.test/in_1">INV-001</a></td><td>February 1, 2026</td><td>March 2, 2026</td><td align="right">18</td><td align="right">$1,200.00</td>',
		);
		expect(group.message!.text).toContain('Pay online: https://pay.test/in_1');
		expect(group.attachment).toMatchObject({
			filename: 'statement-acme-gmbh-2026-03-20.csv',
			contentType: 'text/csv; charset=utf-8',
		});
		expect(String(group.attachment!.content)).toBe(
			'invoice,issued_on,due_on,days_past_due,aging_bucket,currency,amount_due\r\nINV-001,2026-02-01,2026-03-02,18,1-30,USD,1200.00\r\n',
		);
	});

	it('60 invoices of one customer: one e-mail lists all of them, with the total, and the CSV rides in the MIME message', async () => {
		const invoices = Array.from({ length: 60 }, (_, index) => invoiceOf(index));
		const { entries, groups } = planned(invoices);
		expect(entries.every((entry) => entry.plan.step?.id === 'statement-14')).toBe(true);
		expect(groups).toHaveLength(1);
		const [group] = groups;
		expect(group.findings).toEqual([]);
		expect(group.listed).toHaveLength(60);
		expect(group.entries).toHaveLength(60);
		for (const invoice of invoices) {
			expect(group.message!.html!.split(`>${invoice.number}<`).length - 1).toBe(1);
			expect(group.message!.text.split(`${invoice.number} |`).length - 1).toBe(1);
		}
		const totalMinor = 60 * 10_000 + (59 * 60) / 2;
		expect(totalMinor).toBe(601_770);
		expect(group.message!.text).toContain('Total open (USD): $6,017.70');
		expect(group.message!.idempotencyKey.split('+')).toHaveLength(60);
		expect(String(group.attachment!.content).trim().split('\r\n')).toHaveLength(61);

		const mime = await buildMimeMessage({
			to: group.message!.to,
			subject: group.message!.subject!,
			text: group.message!.text,
			html: group.message!.html,
			attachments: [group.attachment!],
		});
		expect(mime.raw).toContain('Content-Type: text/csv; charset=utf-8');
		expect(mime.raw).toContain('filename=statement-acme-gmbh-2026-03-20.csv');
		expect(mime.raw).toContain('Content-Type: text/html');
	});

	it('lists the customer’s other open invoices, not those of other customers, nor paid ones', () => {
		const invoices = [
			invoiceOf(1),
			// Not yet at its statement step, still on the statement.
			invoiceOf(2, { dueOn: '2026-03-19' }),
			invoiceOf(3, { lifecycle: 'paid', amountDueMinor: 0, amountPaidMinor: 10_003 }),
			invoiceOf(4, {
				customer: { id: 'cus_2', name: 'Globex' },
				contact: { email: 'ap@globex.test' },
			}),
		];
		const { groups } = planned(invoices);
		expect(
			groups.map((group) => [group.customerKey, group.listed.map((invoice) => invoice.id)]),
		).toEqual([
			['cus_1', ['in_1', 'in_2']],
			['cus_2', ['in_4']],
		]);
		expect(groups[0].message!.idempotencyKey).toBe('in_1:statement-14');
	});

	it.each([
		['disputed', { flags: { disputed: true } }, 'is disputed'],
		['paused', { flags: { paused: true } }, 'is paused'],
		['opted out', { flags: { optedOut: true } }, 'is opted out'],
	])(
		'never goes to a customer with a %s invoice (guardrails as for reminders)',
		(_label, overrides, why) => {
			const invoices = [
				invoiceOf(1),
				invoiceOf(2, overrides as Partial<Invoice>),
				invoiceOf(3, {
					customer: { id: 'cus_2', name: 'Globex' },
					contact: { email: 'ap@globex.test' },
				}),
			];
			const { entries, groups } = planned(invoices);
			// The flagged invoice itself stops; its customer's statement is held; the other customer gets theirs.
			expect(entries[1].plan.action).toBe('stop');
			expect(groups.find((group) => group.customerKey === 'cus_1')).toMatchObject({
				held: expect.stringContaining(`invoice INV-002 of this customer ${why}`),
			});
			expect(groups.find((group) => group.customerKey === 'cus_1')!.message).toBeUndefined();
			expect(groups.find((group) => group.customerKey === 'cus_2')!.message).toBeDefined();
		},
	);

	it('is idempotent per customer per step: never twice, whichever invoice brought it due', () => {
		const invoices = [invoiceOf(1), invoiceOf(2)];
		const { groups } = planned(invoices);
		const key = groups[0].message!.idempotencyKey;
		expect(key).toBe('in_1:statement-14+in_2:statement-14');
		// The reservation of that e-mail, as the Data Table holds it (the key is filed under each invoice).
		const reservation = (invoice: Invoice): HistoryInput[] => [
			...remindedOn(invoice),
			{
				kind: 'touch',
				invoiceId: invoice.id,
				at: '2026-03-20T10:00:00Z',
				stepId: 'statement-14',
				status: 'sent',
				key,
			},
		];
		const rerun = planned(
			invoices,
			new Map(invoices.map((invoice) => [invoice.id, reservation(invoice)])),
		);
		expect(rerun.entries.map((entry) => entry.plan.action)).toEqual(['stop', 'stop']);
		expect(rerun.groups).toEqual([]);

		// A third invoice reaches the statement step later: the customer already had this step's statement.
		const third = invoiceOf(3, { dueOn: '2026-03-06' });
		const later = planned(
			[...invoices, third],
			new Map([
				...invoices.map((invoice) => [invoice.id, reservation(invoice)] as const),
				[third.id, remindedOn(third)],
			]),
		);
		expect(later.entries[2].plan).toMatchObject({ action: 'send', step: { id: 'statement-14' } });
		expect(later.groups).toHaveLength(1);
		expect(later.groups[0].held).toContain('already received the "statement-14" statement');
		expect(later.groups[0].message).toBeUndefined();
	});

	it.each(SHIPPED_LANGUAGES)(
		'%s: the statement is in the customer language, with its money and dates, and passes the lint',
		(language) => {
			const locale = LOCALE_OF[language];
			const customer = { id: 'cus_1', name: 'Acme GmbH', locale };
			const invoices = [
				invoiceOf(1, { currency: 'EUR', amountDueMinor: 123456, totalMinor: 123456, customer }),
				invoiceOf(2, { currency: 'EUR', customer }),
			];
			const { groups } = planned(invoices);
			const [group] = groups;
			expect(group.findings).toEqual([]);
			expect(group.message!.locale).toBe(locale);
			const money = EUR_1234_56[language];
			const date = marchDate(language, 20);
			expect(spaces(group.message!.text)).toContain(money);
			expect(spaces(group.message!.subject!)).toContain(date);
			if (language !== 'en')
				for (const part of [group.message!.subject!, group.message!.text, group.message!.html!])
					expect(englishIn(part)).toBeUndefined();
		},
	);
});
