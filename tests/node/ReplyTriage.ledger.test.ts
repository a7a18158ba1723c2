import { eventToRow, rowToEvent } from '../../src';
import { PACKAGE_NAME, runWorkflow, type WorkflowJson } from '../helpers/engine';

const ESCALATE = 0;
const UPDATE = 1;
const received = '2026-11-23T15:00:00.000Z'; // Monday, 10:00 in New York

/** The Gmail node's item with Simplify off (mailparser: header values are whole header lines). */
function gmailRaw(from: string, text: string, headers: Record<string, string> = {}) {
	return {
		reply: true,
		subject: 'Re: Your invoice',
		from: { value: [{ address: from, name: 'AP' }], text: `AP <${from}>` },
		headers: { subject: 'Subject: Re: Your invoice', ...headers },
		text,
		date: received,
		messageId: `<reply-${from}@mail.example>`,
	};
}

const exists = (operation: 'exists' | 'notExists', path: string) => ({
	conditions: {
		options: { caseSensitive: true, leftValue: '', typeValidation: 'loose' },
		conditions: [
			{
				id: `${operation}-${path}`,
				leftValue: `={{ $json.${path} }}`,
				rightValue: '',
				operator: { type: 'boolean', operation, singleValue: true },
			},
		],
		combinator: 'and',
	},
	options: {},
});

/** Trigger -> (replies) -> Reply Triage <- (ledger rows and invoices) on its second input, named Ledger. */
function canvas(): WorkflowJson {
	return {
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
				id: 'r',
				name: 'Replies',
				type: 'n8n-nodes-base.filter',
				typeVersion: 2.2,
				position: [200, 0],
				parameters: exists('exists', 'reply'),
			},
			{
				id: 'l',
				name: 'Ledger rows',
				type: 'n8n-nodes-base.filter',
				typeVersion: 2.2,
				position: [200, 200],
				parameters: exists('notExists', 'reply'),
			},
			{
				id: 'x',
				name: 'Reply Triage',
				type: `${PACKAGE_NAME}.replyTriage`,
				typeVersion: 1,
				position: [400, 0],
				parameters: {
					engine: 'rules',
					inputPreset: 'gmailRaw',
					matchInvoices: true,
					options: { timezone: 'America/New_York' },
				},
			},
		],
		connections: {
			Trigger: {
				main: [
					[
						{ node: 'Replies', type: 'main', index: 0 },
						{ node: 'Ledger rows', type: 'main', index: 0 },
					],
				],
			},
			Replies: { main: [[{ node: 'Reply Triage', type: 'main', index: 0 }]] },
			'Ledger rows': { main: [[{ node: 'Reply Triage', type: 'main', index: 1 }]] },
		},
	};
}

const touch = eventToRow({
	kind: 'touch',
	invoiceId: 'in_acme1',
	at: '2026-11-18T15:00:00Z',
	stepId: 'reminder_7',
	status: 'sent',
	key: 'in_acme1:reminder_7',
	messageId: '<reminder-7@billing.example>',
	message: { to: 'ap@acme.example' },
});
const openInvoice = (id: string, number: string, email: string) => ({
	invoice: {
		id,
		number,
		contact: { email },
		amountDue: 100,
		currency: 'USD',
		customer: { name: email },
	},
});

describe('Reply Triage: the Ledger input matches replies to invoices and emits reply rows', () => {
	it('a dispute in a reminder thread, a promise from a contact with two open invoices, and a stranger', async () => {
		const result = await runWorkflow(canvas(), {
			input: [
				gmailRaw('someone@acme.example', 'We dispute this charge, the goods never arrived.', {
					'in-reply-to': 'In-Reply-To: <reminder-7@billing.example>',
				}),
				gmailRaw('ap@globex.example', 'We will pay both invoices next Friday.'),
				gmailRaw('who@nowhere.example', 'We will pay next Friday.'),
				{
					id: 1,
					createdAt: '2026-11-18T15:00:01.000Z',
					updatedAt: '2026-11-18T15:00:01.000Z',
					...touch,
				},
				openInvoice('in_acme1', 'INV-1042', 'ap@acme.example'),
				openInvoice('in_globex1', 'INV-2001', 'ap@globex.example'),
				openInvoice('in_globex2', 'INV-2002', 'ap@globex.example'),
				{},
			],
		});
		expect(result.error).toBeUndefined();
		const escalated = result.items('Reply Triage', ESCALATE);
		const updates = result.items('Reply Triage', UPDATE);

		// The dispute matched its thread: one item, with its invoice and the reply row.
		const dispute = escalated.find(
			(item) => item.json.replyMatch && (item.json.replyMatch as { matched: boolean }).matched,
		)!;
		expect(dispute.json.replyMatch).toMatchObject({
			invoiceId: 'in_acme1',
			by: 'thread',
			number: 'INV-1042',
		});
		expect((dispute.json.invoice as { id: string }).id).toBe('in_acme1');
		const disputeRow = rowToEvent(dispute.json.ledgerRow as Record<string, unknown>);
		expect(disputeRow).toMatchObject({
			ok: true,
			event: {
				kind: 'reply',
				invoiceId: 'in_acme1',
				at: received,
				intent: 'dispute',
				route: 'escalate',
			},
		});

		// The promise concerns both open invoices of that contact: two items from one reply, both paired to it.
		expect(
			updates.map((item) => (item.json.replyMatch as { invoiceId: string }).invoiceId),
		).toEqual(['in_globex1', 'in_globex2']);
		expect(updates.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 1 }]);
		for (const item of updates) {
			expect(item.json.triage).toMatchObject({
				extracted: { promisedDate: expect.stringMatching(/^2026-1[12]-\d\d$/) },
			});
			const read = rowToEvent(item.json.ledgerRow as Record<string, unknown>);
			expect(read).toMatchObject({
				ok: true,
				event: {
					kind: 'reply',
					intent: 'promise_to_pay',
					promisedDate: (item.json.triage as { extracted: { promisedDate: string } }).extracted
						.promisedDate,
				},
			});
		}

		// Nobody's invoice: a person reads it, and no ledger row is invented.
		const stranger = escalated.find(
			(item) => (item.json.replyMatch as { matched: boolean }).matched === false,
		)!;
		expect(stranger.json.replyMatch).toMatchObject({
			reason: expect.stringMatching(/who@nowhere\.example/),
		});
		expect(stranger.json.triage).toMatchObject({
			route: 'escalate',
			escalate: true,
			intent: 'promise_to_pay',
		});
		expect(stranger.json).not.toHaveProperty('ledgerRow');
		expect(result.hints('Reply Triage').join('\n')).toMatch(/1 reply matches no invoice/);
	});

	it('with matching off, the Ledger input is ignored and each reply leaves once, as before', async () => {
		const workflow = canvas();
		workflow.nodes[3].parameters = { engine: 'rules', inputPreset: 'gmailRaw', options: {} };
		const result = await runWorkflow(workflow, {
			input: [gmailRaw('who@nowhere.example', 'We will pay next Friday.'), touch],
		});
		expect(result.counts('Reply Triage')).toEqual([0, 1, 0, 0]);
		expect(result.json('Reply Triage', UPDATE)[0]).not.toHaveProperty('ledgerRow');
	});
});
