/**
 * The seeds' smaller courtesies on the Cadence Step side: the receipt check 48 h after the invoice is sent (seed 004),
 * the thank-you once a chased invoice is paid (Chaser), and the billing contact preferred over other contacts
 * (seed 001), normalised from each vendor's own contact fields.
 */
import {
	normalizeInvoice,
	planCadenceStep,
	SHIPPED_LANGUAGES,
	type CadencePolicyInput,
	type HistoryInput,
	type Invoice,
} from '../../src';
import { vendorFixture } from '../helpers/fixtures';
import { sampleInvoice } from '../helpers/invoices';
import { EUR_1234_56, englishIn, LOCALE_OF, marchDate, spaces } from '../helpers/locales';

/** standard-5 with the given message options (issued 2026-02-01, due Monday 2026-03-02 on the sample invoice). */
function policy(messages: CadencePolicyInput['messages']): CadencePolicyInput {
	return {
		name: 'courteous',
		steps: [
			{
				id: 'pre-due',
				offsetDays: -3,
				channel: 'email',
				tone: 'friendly',
				template: 'reminder-before-due',
			},
			{ id: 'due', offsetDays: 0, channel: 'email', tone: 'neutral', template: 'due-today' },
			{
				id: 'overdue-7',
				offsetDays: 7,
				channel: 'email',
				tone: 'neutral',
				template: 'overdue-polite',
			},
		],
		messages,
	};
}

const receipt = policy({ receiptCheck: { enabled: true } });
const thanks = policy({ thankYou: { enabled: true } });
const paid = (overrides: Partial<Invoice> = {}) =>
	sampleInvoice({
		status: 'paid',
		lifecycle: 'paid',
		amountPaid: 1200,
		amountPaidMinor: 120000,
		amountDue: 0,
		amountDueMinor: 0,
		amountDueFormatted: '$0.00',
		paidOn: '2026-03-10',
		...overrides,
	});
const chased: HistoryInput[] = [{ stepId: 'due', at: '2026-03-02T10:00:00Z', status: 'sent' }];

describe('receipt check 48 h after the invoice is sent (seed 004)', () => {
	it('is off unless the policy turns it on', () => {
		const plan = planCadenceStep(sampleInvoice(), policy({}), { asOf: '2026-02-03T10:00:00Z' });
		expect(plan).toMatchObject({ action: 'wait', rule: 'not_yet_due', step: { id: 'pre-due' } });
	});

	it('waits for the second day after the issue date, then asks once whether the invoice arrived', () => {
		expect(
			planCadenceStep(sampleInvoice(), receipt, { asOf: '2026-02-02T10:00:00Z' }),
		).toMatchObject({
			action: 'wait',
			rule: 'not_yet_due',
			step: { id: 'receipt-check' },
			stepDueOn: '2026-02-03',
			nextEligibleAt: '2026-02-03T09:00:00.000Z',
		});
		const plan = planCadenceStep(sampleInvoice(), receipt, { asOf: '2026-02-03T10:00:00Z' });
		expect(plan).toMatchObject({
			action: 'send',
			step: { id: 'receipt-check', template: 'receipt-check' },
			stepDueOn: '2026-02-03',
			idempotencyKey: 'in_1:receipt-check',
		});
		expect(plan.message!.subject).toBe('Did invoice INV-001 reach you?');
		expect(plan.message!.text).toContain('$1,200.00');
		expect(plan.message!.text).toContain('March 2, 2026');
	});

	it('is never sent twice, and the reminders carry on after it', () => {
		const history: HistoryInput[] = [
			{ stepId: 'receipt-check', at: '2026-02-03T10:00:00Z', status: 'sent' },
		];
		expect(
			planCadenceStep(sampleInvoice(), receipt, { asOf: '2026-02-05T10:00:00Z', history }),
		).toMatchObject({ action: 'wait', rule: 'not_yet_due', step: { id: 'pre-due' } });
		expect(
			planCadenceStep(sampleInvoice(), receipt, { asOf: '2026-02-27T10:00:00Z', history }),
		).toMatchObject({ action: 'send', step: { id: 'pre-due' }, touches: 1 });
		// A reservation (Data Table ledger) counts too, whatever its outcome.
		const reserved = planCadenceStep(sampleInvoice(), receipt, {
			asOf: '2026-02-04T10:00:00Z',
			reservationTimeoutMinutes: 30,
			history: [
				{
					kind: 'touch',
					invoiceId: 'in_1',
					at: '2026-02-04T09:59:00Z',
					stepId: 'receipt-check',
					status: 'reserved',
					key: 'in_1:receipt-check',
				},
			],
		});
		expect(reserved).toMatchObject({ action: 'wait', rule: 'reservation_live' });
	});

	it('reserves its own ledger key in the Data Table mode', () => {
		const plan = planCadenceStep(sampleInvoice(), receipt, {
			asOf: '2026-02-03T10:00:00Z',
			reservationTimeoutMinutes: 30,
		});
		expect(plan.ledger).toEqual([
			expect.objectContaining({
				kind: 'touch',
				stepId: 'receipt-check',
				status: 'reserved',
				key: 'in_1:receipt-check',
			}),
		]);
	});

	it.each([
		['on the due date', '2026-03-02T10:00:00Z', sampleInvoice(), 'due'],
		['after the due date', '2026-03-09T10:00:00Z', sampleInvoice(), 'overdue-7'],
	])('never goes out %s: the reminders take over', (_label, asOf, invoice, step) => {
		expect(planCadenceStep(invoice, receipt, { asOf })).toMatchObject({
			action: 'send',
			step: { id: step },
		});
	});

	it('never goes out once a reminder went out, on short terms, or to a paid or disputed invoice', () => {
		const asOf = '2026-02-03T10:00:00Z';
		expect(
			planCadenceStep(sampleInvoice(), receipt, {
				asOf,
				history: [{ stepId: 'pre-due', at: '2026-02-02T10:00:00Z', status: 'sent' }],
			}),
		).toMatchObject({ action: 'wait', step: { id: 'due' } });
		// Issued 2 days before the due date: the check would land on the due date itself.
		expect(
			planCadenceStep(sampleInvoice({ issuedOn: '2026-02-26', dueOn: '2026-02-28' }), receipt, {
				asOf: '2026-02-27T10:00:00Z',
			}).step?.id,
		).not.toBe('receipt-check');
		expect(planCadenceStep(paid(), receipt, { asOf })).toMatchObject({
			action: 'stop',
			rule: 'closed',
		});
		expect(
			planCadenceStep(sampleInvoice({ flags: { disputed: true } }), receipt, { asOf }),
		).toMatchObject({ action: 'stop', rule: 'disputed' });
		expect(
			planCadenceStep(sampleInvoice({ flags: { optedOut: true } }), receipt, { asOf }),
		).toMatchObject({ action: 'stop', rule: 'opted_out' });
	});

	it.each(SHIPPED_LANGUAGES)(
		'%s: renders in the customer language, passes the lint, leaves no English behind',
		(language) => {
			const locale = LOCALE_OF[language];
			const invoice = sampleInvoice({
				currency: 'EUR',
				totalMinor: 123456,
				amountDueMinor: 123456,
				customer: { id: 'cus_1', name: 'Acme GmbH', locale },
			});
			const plan = planCadenceStep(invoice, receipt, { asOf: '2026-02-03T10:00:00Z' });
			expect(plan).toMatchObject({ action: 'send', step: { id: 'receipt-check' } });
			expect(plan.message!.locale).toBe(locale);
			const money = EUR_1234_56[language];
			const date = marchDate(language, 2);
			expect(spaces(plan.message!.text)).toContain(money);
			expect(spaces(plan.message!.text)).toContain(date);
			if (language !== 'en')
				for (const part of [plan.message!.subject!, plan.message!.text, plan.message!.html!])
					expect(englishIn(part)).toBeUndefined();
		},
	);
});

describe('thank-you after payment (Chaser)', () => {
	const asOf = '2026-03-11T10:00:00Z';

	it('is off unless the policy turns it on: a paid invoice just stops', () => {
		expect(planCadenceStep(paid(), policy({}), { asOf, history: chased })).toMatchObject({
			action: 'stop',
			rule: 'closed',
			reason: 'paid at the source (status "paid")',
		});
	});

	it('thanks a chased customer once, naming the invoice and the amount paid', () => {
		const plan = planCadenceStep(paid(), thanks, { asOf, history: chased });
		expect(plan).toMatchObject({
			action: 'send',
			step: { id: 'thank-you', template: 'thank-you' },
			idempotencyKey: 'in_1:thank-you',
			state: 'paid',
		});
		expect(plan.message!.to).toBe('ap@acme.test');
		expect(plan.message!.subject).toBe('Thank you for your payment of invoice INV-001');
		expect(plan.message!.text).toContain('$1,200.00');
		expect(plan.message!.text).not.toContain('$0.00');
		const again = planCadenceStep(paid(), thanks, {
			asOf: '2026-03-12T10:00:00Z',
			history: [...chased, { stepId: 'thank-you', at: asOf, status: 'sent' }],
		});
		expect(again).toMatchObject({ action: 'stop', rule: 'closed' });
		expect(again.reason).toContain('already sent');
	});

	it('is ledger-idempotent: a reservation, even an expired one, is never followed by a second thank-you', () => {
		const first = planCadenceStep(paid(), thanks, {
			asOf,
			history: chased,
			reservationTimeoutMinutes: 30,
		});
		expect(first.ledger).toEqual([
			expect.objectContaining({ stepId: 'thank-you', status: 'reserved', key: 'in_1:thank-you' }),
		]);
		const later = planCadenceStep(paid(), thanks, {
			asOf: '2026-03-12T10:00:00Z',
			history: [...chased, ...first.ledger!],
			reservationTimeoutMinutes: 30,
		});
		expect(later).toMatchObject({ action: 'stop', rule: 'closed' });
	});

	it('never thanks an invoice that was never chased, unless the option says so', () => {
		const never = planCadenceStep(paid(), thanks, { asOf });
		expect(never).toMatchObject({ action: 'stop', rule: 'closed' });
		expect(never.reason).toContain('never chased');
		// A receipt check is a courtesy, not a chase.
		expect(
			planCadenceStep(paid(), thanks, {
				asOf,
				history: [{ stepId: 'receipt-check', at: '2026-02-03T10:00:00Z', status: 'sent' }],
			}).action,
		).toBe('stop');
		expect(
			planCadenceStep(paid(), policy({ thankYou: { enabled: true, evenIfNotChased: true } }), {
				asOf,
			}),
		).toMatchObject({ action: 'send', step: { id: 'thank-you' } });
	});

	it('never goes to an opted-out or paused customer, an executive, or for an old payment', () => {
		for (const invoice of [
			paid({ flags: { optedOut: true } }),
			paid({ flags: { paused: true } }),
			paid({ contact: { email: 'ceo@acme.test', title: 'CEO' } }),
			paid({ paidOn: '2026-02-01' }),
			paid({ contact: {} }),
		])
			expect(planCadenceStep(invoice, thanks, { asOf, history: chased }).action).toBe('stop');
	});

	it('waits for the send window', () => {
		expect(
			planCadenceStep(paid(), thanks, { asOf: '2026-03-14T10:00:00Z', history: chased }),
		).toMatchObject({ action: 'wait', rule: 'send_window', step: { id: 'thank-you' } });
	});

	it('thanks the customer of a paid Stripe invoice (vendor fixture)', () => {
		const read = normalizeInvoice(vendorFixture('stripe-invoice-paid.json'), { source: 'stripe' });
		if (!read.ok) throw new Error(JSON.stringify(read.errors));
		const plan = planCadenceStep(read.invoice, thanks, {
			// Paid on 2023-04-04 (status_transitions.paid_at), the day after a reminder.
			asOf: '2023-04-05T10:00:00Z',
			history: [{ stepId: 'due', at: '2023-04-03T10:00:00Z', status: 'sent' }],
		});
		expect(plan).toMatchObject({ action: 'send', step: { id: 'thank-you' } });
		expect(plan.message!.to).toBe('jennyrosen@example.com');
	});

	it.each(SHIPPED_LANGUAGES)(
		'%s: renders, passes the lint, leaves no English behind',
		(language) => {
			const locale = LOCALE_OF[language];
			const invoice = paid({
				currency: 'EUR',
				amountPaidMinor: 123456,
				amountPaid: 1234.56,
				customer: { id: 'cus_1', name: 'Acme GmbH', locale },
			});
			const plan = planCadenceStep(invoice, thanks, { asOf, history: chased });
			expect(plan).toMatchObject({ action: 'send', step: { id: 'thank-you' } });
			const money = EUR_1234_56[language];
			expect(spaces(plan.message!.text)).toContain(money);
			if (language !== 'en')
				for (const part of [plan.message!.subject!, plan.message!.text, plan.message!.html!])
					expect(englishIn(part)).toBeUndefined();
		},
	);
});

describe('the billing contact is preferred (seed 001)', () => {
	const asOf = '2026-03-09T10:00:00Z';
	const normalised = (
		name: string,
		source: 'stripe' | 'quickbooks' | 'xero' | 'freshbooks',
		// eslint-disable-next-line @typescript-eslint/no-explicit-any -- vendor JSON edited in place by the test
		edit?: (raw: Record<string, any>) => void,
	) => {
		const raw = vendorFixture(name);
		edit?.(raw);
		const read = normalizeInvoice(raw, { source, defaults: { currency: 'USD' } });
		if (!read.ok) throw new Error(JSON.stringify(read.errors));
		return read.invoice;
	};
	/** An open overdue invoice with the vendor's contacts, so the plan sends. */
	const withContactsOf = (invoice: Invoice) =>
		sampleInvoice({
			contact: invoice.contact,
			...(invoice.contacts ? { contacts: invoice.contacts } : {}),
		});

	it('marks the vendor address the invoice is sent to as the billing contact', () => {
		expect(normalised('qbo-invoice.json', 'quickbooks').contact).toEqual({
			email: 'Familiystore@intuit.com',
			isBillingContact: true,
		});
		expect(normalised('stripe-invoice-paid.json', 'stripe').contact).toMatchObject({
			email: 'jennyrosen@example.com',
			isBillingContact: true,
		});
		expect(normalised('freshbooks-invoice.json', 'freshbooks').contact).toMatchObject({
			email: 'gavin.belson@domain.com',
			isBillingContact: true,
		});
	});

	it('Xero: a contact person with IncludeInEmails gets the message instead of the main address', () => {
		// Xero's own sample has Debbie with IncludeInEmails false: the main address keeps the message.
		const sample = normalised('xero-invoice-by-id.json', 'xero');
		expect(sample.contacts).toEqual([
			{ email: 'liam@rockstar.com', name: 'Liam' },
			{ email: 'debbie@rockstar.com', name: 'Debbie Gwyther' },
		]);
		expect(planCadenceStep(withContactsOf(sample), 'standard-5', { asOf }).message!.to).toBe(
			'liam@rockstar.com',
		);
		const included = normalised('xero-invoice-by-id.json', 'xero', (raw) => {
			raw.Invoices[0].Contact.ContactPersons[0].IncludeInEmails = true;
		});
		const plan = planCadenceStep(withContactsOf(included), 'standard-5', { asOf });
		expect(plan.message!.to).toBe('debbie@rockstar.com');
		expect(plan.message!.text).toContain('Debbie');
		// The option off: the main contact, as before.
		expect(
			planCadenceStep(
				withContactsOf(included),
				{ ...policy({ preferBillingContact: false }) },
				{
					asOf,
				},
			).message!.to,
		).toBe('liam@rockstar.com');
	});

	it('FreshBooks: the invoice e-mail stays the billing contact when other contacts are listed', () => {
		const invoice = normalised('freshbooks-invoice.json', 'freshbooks', (raw) => {
			raw.response.result.invoice.contacts = [
				{ email: 'richard@hooli.test', fname: 'Richard', lname: 'Hendricks' },
			];
		});
		expect(invoice.contacts).toHaveLength(2);
		expect(planCadenceStep(withContactsOf(invoice), 'standard-5', { asOf }).message!.to).toBe(
			'gavin.belson@domain.com',
		);
	});

	it('a sheet: a billing role in `contacts`, or a billing e-mail column, beats an executive main contact', () => {
		const row = {
			id: 'in_9',
			number: 'INV-009',
			currency: 'USD',
			total: 500,
			amountDue: 500,
			issueDate: '2026-02-01',
			dueDate: '2026-03-02',
			customer: 'Globex',
			contact: { email: 'ceo@globex.test', title: 'CEO', name: 'Hank' },
			contacts: [
				{ email: 'sales@globex.test', role: 'sales' },
				{ email: 'ap@globex.test', name: 'Marge', role: 'Accounts Payable' },
			],
		};
		const read = normalizeInvoice(row, { source: 'generic' });
		if (!read.ok) throw new Error(JSON.stringify(read.errors));
		const plan = planCadenceStep(read.invoice, 'standard-5', { asOf });
		expect(plan).toMatchObject({ action: 'send' });
		expect(plan.message!.to).toBe('ap@globex.test');
		expect(plan.message!.text).toContain('Marge');
		// Not preferred: the executive is the contact, and a person decides.
		expect(
			planCadenceStep(read.invoice, policy({ preferBillingContact: false }), { asOf }),
		).toMatchObject({ action: 'escalate', rule: 'csuite_contact' });

		const column = normalizeInvoice(
			{ ...row, contacts: undefined, billing_email: 'billing@globex.test' },
			{ source: 'generic' },
		);
		if (!column.ok) throw new Error(JSON.stringify(column.errors));
		expect(planCadenceStep(column.invoice, 'standard-5', { asOf }).message!.to).toBe(
			'billing@globex.test',
		);
	});
});
