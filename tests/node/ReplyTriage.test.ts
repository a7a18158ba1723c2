import { runNode, runWorkflow, NODE_UNDER_TEST } from '../helpers/engine';

const ESCALATE = 0;
const UPDATE = 1;
const STOP = 2;
const NO_ACTION = 3;

const received = '2026-11-23T15:00:00.000Z'; // Monday, 10:00 in New York

/** The item n8n's Gmail node emits with Simplify off (mailparser; header values are whole header lines). */
function gmailRaw(text: string, extra: Record<string, unknown> = {}) {
	return {
		id: '18c2f',
		threadId: '18c2e',
		labelIds: ['INBOX'],
		headers: { subject: 'Subject: Re: Invoice INV-1042', from: 'From: Pat <pat@customer.com>' },
		subject: 'Re: Invoice INV-1042',
		from: { value: [{ address: 'pat@customer.com', name: 'Pat' }], text: 'Pat <pat@customer.com>' },
		text,
		textAsHtml: `<p>${text}</p>`,
		date: received,
		messageId: '<abc@customer.com>',
		...extra,
	};
}

describe('Reply Triage in the n8n engine (rules)', () => {
	it('version 1 routes Gmail replies to Escalate / Update Record / Stop / No Action (a wrong contact escalates since issue 13), keeping the e-mail and adding triage and audit', async () => {
		const input = [
			gmailRaw('Our lawyer will be in touch about these emails.'),
			gmailRaw(
				'We will pay next Friday.\n\nOn Mon, Nov 16, 2026 at 9:02 AM AR <ar@us.com> wrote:\n> Dispute? Reply here.',
			),
			gmailRaw('Please unsubscribe me from these reminders.'),
			gmailRaw('Thanks, noted.'),
			gmailRaw('Pat left the company; please send invoices to ap@customer.com.', {
				audit: [
					{
						node: 'Payment State Check',
						rule: 'overdue',
						outcome: 'follow_up',
						reason: 'x',
						at: 'y',
					},
				],
			}),
		];
		const result = await runNode({
			type: 'replyTriage',
			parameters: {
				engine: 'rules',
				inputPreset: 'gmailRaw',
				options: { timezone: 'America/New_York' },
			},
			input,
		});
		expect(result.error).toBeUndefined();
		expect(result.counts(NODE_UNDER_TEST)).toEqual([2, 1, 1, 1]);

		const [legal, contact] = result.items(NODE_UNDER_TEST, ESCALATE);
		expect(legal.pairedItem).toEqual({ item: 0 });
		expect(legal.json).toMatchObject({
			messageId: '<abc@customer.com>',
			text: 'Our lawyer will be in touch about these emails.',
		});
		expect(legal.json.triage).toMatchObject({
			intent: 'legal_threat',
			escalate: true,
			stopCadence: true,
			route: 'escalate',
		});
		expect(legal.json.audit).toEqual([
			expect.objectContaining({ node: 'Reply Triage', rule: 'legal_threat', outcome: 'escalate' }),
		]);

		const updates = result.items(NODE_UNDER_TEST, UPDATE);
		expect(updates.map((item) => item.pairedItem)).toEqual([{ item: 1 }]);
		expect(updates[0].json.triage).toMatchObject({
			intent: 'promise_to_pay',
			pauseUntil: '2026-12-04',
			extracted: { promisedDate: '2026-12-04', invoiceNumbers: ['INV-1042'] },
		});
		expect(contact.pairedItem).toEqual({ item: 4 });
		expect(contact.json.triage).toMatchObject({
			intent: 'wrong_contact',
			escalate: true,
			route: 'escalate',
			extracted: { newContactEmail: 'ap@customer.com' },
		});
		expect(contact.json.audit).toHaveLength(2);

		expect(result.json(NODE_UNDER_TEST, STOP)[0].triage).toMatchObject({
			intent: 'opt_out',
			stopCadence: true,
		});
		expect(result.json(NODE_UNDER_TEST, NO_ACTION)[0].triage).toMatchObject({
			intent: 'acknowledged',
		});
		expect(result.hints(NODE_UNDER_TEST).join(' ')).toMatch(/2 replies need a person/);
	});

	it('reads the Gmail simplified shape (snippet, From, internalDate) and says the body is only a snippet', async () => {
		const result = await runNode({
			type: 'replyTriage',
			parameters: {
				engine: 'rules',
				inputPreset: 'gmail',
				options: { timezone: 'America/New_York' },
			},
			input: [
				{
					id: '1',
					threadId: '1',
					snippet: 'We will pay this tomorrow. On Mon, Nov 16 …',
					From: 'Pat <pat@customer.com>',
					Subject: 'Re: Invoice INV-1042',
					internalDate: String(Date.parse(received)),
				},
			],
		});
		expect(result.json(NODE_UNDER_TEST, UPDATE)[0].triage).toMatchObject({
			intent: 'promise_to_pay',
			extracted: { promisedDate: '2026-11-24' },
		});
		expect(result.hints(NODE_UNDER_TEST).join(' ')).toMatch(/Simplify/);
	});

	it('reads Microsoft Outlook messages: HTML body, Graph headers (auto-reply) and receivedDateTime', async () => {
		const result = await runNode({
			type: 'replyTriage',
			parameters: {
				engine: 'rules',
				inputPreset: 'outlook',
				options: { timezone: 'Europe/Berlin' },
			},
			input: [
				{
					id: 'AAMk',
					subject: 'Automatische Antwort: Rechnung INV-1042',
					body: {
						contentType: 'html',
						content: '<html><body><p>Ich bin bis zum 04.12.2026 nicht im Büro.</p></body></html>',
					},
					bodyPreview: 'Ich bin bis zum 04.12.2026 nicht im Büro.',
					from: { emailAddress: { name: 'Jonas Becker', address: 'j.becker@kunde.de' } },
					receivedDateTime: received,
					internetMessageHeaders: [{ name: 'Auto-Submitted', value: 'auto-replied' }],
				},
			],
		});
		expect(result.json(NODE_UNDER_TEST, UPDATE)[0].triage).toMatchObject({
			intent: 'out_of_office',
			pauseUntil: '2026-12-04',
			extracted: { returnDate: '2026-12-04' },
		});
	});

	it('reads Email Trigger (IMAP) simple items (headers in metadata) and spots a bounce (No Action since issue 13: own handling)', async () => {
		const result = await runNode({
			type: 'replyTriage',
			parameters: { engine: 'rules', inputPreset: 'imap' },
			input: [
				{
					textPlain: '550 5.1.1 user unknown',
					textHtml: '',
					metadata: { 'content-type': 'multipart/report; report-type=delivery-status' },
					from: 'MAILER-DAEMON@mx.customer.com',
					subject: 'Undelivered Mail Returned to Sender',
					date: received,
				},
				{
					textPlain: 'Wir haben die Rechnung bereits am 18.11. überwiesen.',
					textHtml: '',
					metadata: {},
					from: 'Buchhaltung <buchhaltung@kunde.de>',
					subject: 'AW: Rechnung INV-1042',
					date: received,
				},
			],
		});
		expect(result.counts(NODE_UNDER_TEST)).toEqual([0, 1, 0, 1]);
		expect(result.json(NODE_UNDER_TEST, NO_ACTION)[0].triage).toMatchObject({
			intent: 'bounce',
			stopCadence: true,
			escalate: false,
		});
		expect(result.json(NODE_UNDER_TEST, UPDATE)[0].triage).toMatchObject({
			intent: 'already_paid',
		});
	});

	it('maps any shape with expressions (Generic) and reads dates in the invoice customer time zone', async () => {
		const result = await runNode({
			type: 'replyTriage',
			parameters: {
				engine: 'rules',
				inputPreset: 'generic',
				subject: '={{ $json.mail.title }}',
				text: '={{ $json.mail.plain }}',
				html: '',
				from: '={{ $json.mail.sender }}',
				receivedAt: '={{ $json.mail.at }}',
				headers: '={{ {} }}',
			},
			input: [
				{
					mail: {
						title: 'Re: INV-7',
						plain: 'We will pay tomorrow.',
						sender: 'ap@customer.com',
						at: '2026-11-24T03:30:00Z',
					},
					invoice: { customer: { name: 'Customer', timezone: 'America/Los_Angeles' } },
				},
			],
		});
		// 03:30 UTC Tuesday is Monday evening in Los Angeles: "tomorrow" is Tuesday the 24th.
		expect(result.json(NODE_UNDER_TEST, UPDATE)[0].triage).toMatchObject({
			intent: 'promise_to_pay',
			extracted: { promisedDate: '2026-11-24' },
		});
	});

	it('escalates unrecognised replies when asked to', async () => {
		const result = await runNode({
			type: 'replyTriage',
			parameters: {
				engine: 'rules',
				inputPreset: 'gmailRaw',
				options: { unrecognised: 'escalate' },
			},
			input: [gmailRaw('See attached.')],
		});
		expect(result.counts(NODE_UNDER_TEST)).toEqual([1, 0, 0, 0]);
		expect(result.json(NODE_UNDER_TEST, ESCALATE)[0].triage).toMatchObject({
			intent: 'other',
			escalate: false,
			route: 'escalate',
		});
	});

	it('version 1.1 has a Review output: questions, unrecognised replies (the default) and far-off promises', async () => {
		const result = await runNode({
			type: 'replyTriage',
			settings: { typeVersion: 1.1 },
			parameters: {
				engine: 'rules',
				inputPreset: 'gmailRaw',
				options: { timezone: 'America/New_York' },
			},
			input: [
				gmailRaw('Our lawyer will be in touch about these emails.'),
				gmailRaw('Which bank account should the transfer go to?'),
				gmailRaw('See attached.'),
				gmailRaw('We will pay on March 31, 2027.'),
				gmailRaw('We will pay next Friday.'),
				gmailRaw('Please unsubscribe me from these reminders.'),
				gmailRaw('Thanks, noted.'),
			],
		});
		expect(result.error).toBeUndefined();
		// Escalate, Review, Update Record, Stop, No Action
		expect(result.counts(NODE_UNDER_TEST)).toEqual([1, 3, 1, 1, 1]);
		const review = result.items(NODE_UNDER_TEST, 1);
		expect(review.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 2 }, { item: 3 }]);
		expect(review.map((item) => (item.json.triage as { intent: string }).intent)).toEqual([
			'question',
			'other',
			'promise_to_pay',
		]);
		expect(review[2].json.triage).toMatchObject({ route: 'review', escalate: false });
		expect(result.hints(NODE_UNDER_TEST).join(' ')).toMatch(/3 replies go to Review/);
	});

	it('a reply with an unparseable Date header is still triaged and the batch goes on (issue 17)', async () => {
		const result = await runNode({
			type: 'replyTriage',
			settings: { typeVersion: 1.1 },
			parameters: { engine: 'rules', inputPreset: 'gmailRaw' },
			input: [
				gmailRaw('Thanks, noted.', { date: 'not a date at all' }),
				gmailRaw('Our lawyer will be in touch about these emails.', { date: 'Montag, 23. Nov' }),
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.counts(NODE_UNDER_TEST)).toEqual([1, 0, 0, 0, 1]);
		expect(result.json(NODE_UNDER_TEST, ESCALATE)[0].triage).toMatchObject({
			intent: 'legal_threat',
			evidence: expect.arrayContaining([expect.objectContaining({ rule: 'input.received-at' })]),
		});
		expect(result.hints(NODE_UNDER_TEST).join(' ')).toMatch(/not a date/);
	});

	it('an item that is not an e-mail goes to Escalate with its error, with or without Continue On Fail (issue 17: one bad record no longer stops the run)', async () => {
		const kept = await runNode({
			type: 'replyTriage',
			parameters: { engine: 'rules', inputPreset: 'outlook' },
			input: [{ hello: 'world' }],
		});
		expect(kept.error).toBeUndefined();
		expect(kept.items(NODE_UNDER_TEST, ESCALATE)[0]).toMatchObject({
			json: { hello: 'world', error: expect.stringMatching(/no e-mail fields found/) },
			pairedItem: { item: 0 },
		});

		const continued = await runNode({
			type: 'replyTriage',
			parameters: { engine: 'rules', inputPreset: 'outlook' },
			input: [
				{ hello: 'world' },
				{
					subject: 'Re: x',
					body: { contentType: 'text', content: 'Thanks, noted.' },
					from: { emailAddress: { address: 'a@b.com' } },
					receivedDateTime: received,
				},
			],
			settings: { continueOnFail: true },
		});
		expect(continued.error).toBeUndefined();
		expect(continued.counts(NODE_UNDER_TEST)).toEqual([1, 0, 0, 1]);
		expect(continued.items(NODE_UNDER_TEST, ESCALATE)[0]).toMatchObject({
			json: { hello: 'world', error: expect.stringMatching(/no e-mail fields/) },
			pairedItem: { item: 0 },
		});
	});

	it('runs in a workflow after a Set node that builds the e-mail item', async () => {
		const result = await runWorkflow(
			{
				nodes: [
					{
						id: 't',
						name: 'Trigger',
						type: 'n8n-nodes-base.manualTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: {},
					},
					{
						id: 's',
						name: 'Mail',
						type: 'n8n-nodes-base.set',
						typeVersion: 3.4,
						position: [200, 0],
						parameters: {
							mode: 'raw',
							jsonOutput: JSON.stringify({
								subject: 'Re: Invoice 88',
								text: 'The amount is wrong: we were billed twice for October.',
								from: 'pat@customer.com',
								date: received,
							}),
						},
					},
					{
						id: 'r',
						name: 'Reply Triage',
						type: 'n8n-nodes-invoice-followup.replyTriage',
						typeVersion: 1,
						position: [400, 0],
						parameters: { engine: 'rules', inputPreset: 'generic' },
					},
				],
				connections: {
					Trigger: { main: [[{ node: 'Mail', type: 'main', index: 0 }]] },
					Mail: { main: [[{ node: 'Reply Triage', type: 'main', index: 0 }]] },
				},
			},
			{},
		);
		expect(result.error).toBeUndefined();
		expect(result.json('Reply Triage', ESCALATE)[0].triage).toMatchObject({
			intent: 'dispute',
			escalate: true,
		});
	});
});
