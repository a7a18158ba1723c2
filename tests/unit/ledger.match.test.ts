import {
	addressOfSender,
	buildMatchIndex,
	matchReply,
	normalizeMessageId,
	replyEvents,
	type MatchInvoice,
	type MatchLedgerEvent,
} from '../../src/ledger';

const invoices: MatchInvoice[] = [
	{
		id: 'in_acme1',
		number: 'INV-1042',
		contact: { email: 'ap@acme.example' },
		amountDue: 1200,
		messageId: '<invoice-1042@billing.example>',
	},
	{ id: 'in_acme2', number: 'INV-1043', contact: { email: 'AP@Acme.example' }, amountDue: 300 },
	{ id: 'in_acme_paid', number: 'INV-0999', contact: { email: 'ap@acme.example' }, amountDue: 0 },
	{
		id: 'in_globex',
		number: 'GX 2026/17',
		contact: { email: 'finance@globex.example' },
		amountDue: 50,
	},
	{ id: 'in_gmail', number: 'INV-2001', contact: { email: 'owner@gmail.com' }, amountDue: 80 },
];
const events: MatchLedgerEvent[] = [
	{
		kind: 'touch',
		invoiceId: 'in_acme2',
		key: 'in_acme2:reminder_7',
		messageId: '<reminder-7-acme2@mail.example>',
		message: { to: 'ap@acme.example' },
	},
	{
		kind: 'touch',
		invoiceId: 'in_wayne1',
		key: 'in_wayne1:due+in_wayne2:due',
		messageId: 'statement-wayne@mail.example',
		message: { to: 'Bruce <ap@wayne.example>' },
	},
	{ kind: 'reply', invoiceId: 'in_globex' },
];
const index = buildMatchIndex(events, invoices);
const ids = (result: ReturnType<typeof matchReply>) =>
	result.invoices.map((invoice) => `${invoice.invoiceId}:${invoice.by}`).sort();

describe('reply -> invoice matching', () => {
	it('matches the thread headers against a touch message id first, whatever the sender', () => {
		const result = matchReply(
			{
				from: 'someone@elsewhere.example',
				headers: { 'In-Reply-To': '<REMINDER-7-acme2@mail.example>' },
				text: 'Please hold on.',
			},
			index,
		);
		expect(ids(result)).toEqual(['in_acme2:thread']);
	});

	it("matches References against the invoice's original e-mail and a consolidated touch's every invoice", () => {
		expect(
			ids(
				matchReply(
					{ from: 'x@y.example', headers: { references: '<a@b> <invoice-1042@billing.example>' } },
					index,
				),
			),
		).toEqual(['in_acme1:thread']);
		expect(
			ids(
				matchReply(
					{ from: 'x@y.example', headers: { References: ['<statement-wayne@mail.example>'] } },
					index,
				),
			),
		).toEqual(['in_wayne1:thread', 'in_wayne2:thread']);
	});

	it('adds invoice numbers named in a threaded reply, and matches by number alone', () => {
		expect(
			ids(
				matchReply(
					{
						from: 'ap@acme.example',
						headers: { 'in-reply-to': '<invoice-1042@billing.example>' },
						text: 'INV-1042 is paid; inv 1043 we dispute.',
					},
					index,
				),
			),
		).toEqual(['in_acme1:thread', 'in_acme2:number']);
		expect(
			ids(
				matchReply(
					{ from: 'new@else.example', subject: 'Re: your invoice #GX-2026/17', text: '' },
					index,
				),
			),
		).toEqual(['in_globex:number']);
		expect(
			ids(
				matchReply({ from: 'new@else.example', text: 'see', invoiceNumbers: ['INV1043'] }, index),
			),
		).toEqual(['in_acme2:number']);
	});

	it("falls back to the sender's address: every open invoice of that contact, never a paid one", () => {
		const result = matchReply(
			{ from: 'Accounts <AP@acme.example>', text: 'We will pay Friday.' },
			index,
		);
		expect(ids(result)).toEqual(['in_acme1:sender', 'in_acme2:sender']);
		expect(ids(matchReply({ from: 'ap@wayne.example', text: 'ok' }, index))).toEqual([
			'in_wayne1:sender',
			'in_wayne2:sender',
		]);
	});

	it("then to the sender's domain, but never a shared mailbox provider's", () => {
		expect(ids(matchReply({ from: 'controller@acme.example', text: 'ok' }, index))).toEqual([
			'in_acme1:domain',
			'in_acme2:domain',
		]);
		const stranger = matchReply({ from: 'someone.else@gmail.com', text: 'ok' }, index);
		expect(stranger.matched).toBe(false);
		expect(stranger.reason).toMatch(/someone\.else@gmail\.com/);
	});

	it('a reply that matches nothing says why (a person gets it)', () => {
		const result = matchReply({ from: 'who@nowhere.example', text: 'Hello' }, index);
		expect(result).toEqual({
			matched: false,
			invoices: [],
			reason: expect.stringMatching(/no invoice matched/),
		});
		expect(matchReply({ from: '', text: '' }, buildMatchIndex([], [])).matched).toBe(false);
	});

	it('makes one reply event per matched invoice with what triage read', () => {
		const match = matchReply({ from: 'ap@acme.example', text: 'Paying on the 15th' }, index);
		const rows = replyEvents(
			match,
			{
				intent: 'promise_to_pay',
				route: 'update',
				summary: 'promise',
				extracted: { promisedDate: '2026-12-15', returnDate: null },
			},
			{ receivedAt: '2026-12-01T10:00:00Z', messageId: '<r1@acme.example>' },
		);
		expect(rows).toEqual([
			expect.objectContaining({
				kind: 'reply',
				invoiceId: 'in_acme1',
				at: '2026-12-01T10:00:00Z',
				intent: 'promise_to_pay',
				promisedDate: '2026-12-15',
				messageId: '<r1@acme.example>',
				note: 'matched by sender: ap@acme.example',
			}),
			expect.objectContaining({ invoiceId: 'in_acme2' }),
		]);
		expect(rows[0]).not.toHaveProperty('returnDate');
	});

	it('reads addresses and message ids the way mail clients write them', () => {
		expect(addressOfSender('"Doe, Jane" <Jane.Doe@Example.COM>')).toBe('jane.doe@example.com');
		expect(addressOfSender('jane@example.com')).toBe('jane@example.com');
		expect(addressOfSender('no address')).toBe('');
		expect(normalizeMessageId(' <ABC@x> ')).toBe('abc@x');
	});
});
