import type { INode } from 'n8n-workflow';

import { LEDGER_COLUMNS, LEDGER_TABLE_NAME, readLedgerRows, type LedgerEvent } from '../../src';
import { FakeServices, startSlackStandIn } from '../helpers/fakeServices';
import { gmailReply } from '../helpers/loop';
import { N8nApp } from '../helpers/n8nApp';
import { which } from '../helpers/n8nServer';
import { dailyTestCopy, readTemplate, replyTestCopy, stripeBook } from '../helpers/templates';

/**
 * The approval path of the daily template in a real n8n (SQLite), the ledger in the Data Table: a strategic account's
 * final notice needs the owner's approval. The request goes out through n8n's own Slack node (send and wait, as
 * shipped) to a stand-in for slack.com, and the owner's click is what Slack's link button does: a GET of the signed
 * resume URL in the message. Approved: the waiting execution writes the approval and sends that step, once.
 * Rejected: never sent. A reply after the request: held. Needs `openssl` (the stand-in's TLS certificate).
 */
const DAY = '2026-11-18T15:00:00Z'; // Wednesday, 10:00 in New York
const REPLY_AT = '2026-11-18T16:30:00Z';
const NEXT_DAY = '2026-11-19T15:00:00Z';
const FINAL = 'final-45';
const BROWSER =
	'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

const unix = (date: string) => Math.floor(Date.parse(`${date}T17:00:00Z`) / 1000);
const mime = (raw: string) => Buffer.from(raw, 'base64url').toString('utf8');
const recipientOf = (body: unknown) => /^To: (.*)$/m.exec(mime((body as { raw: string }).raw))?.[1];

/**
 * Three strategic accounts 47 days past due (below the high-value line): their final notice needs approval. The
 * template's first Escalation Gate runs as shipped: strategic accounts follow their cadence to day 60, so at 47 days
 * the days-past-due handoff leaves them to Cadence Step, which plans the day-45 final notice.
 */
function strategicBook(): object[] {
	const base = stripeBook()[0] as Record<string, unknown>;
	const invoice = (id: string, email: string) => ({
		...base,
		id,
		customer: `cus_${id}`,
		number: id.toUpperCase().replace('IN_', 'INV-'),
		total: 480_000,
		amount_due: 480_000,
		amount_remaining: 480_000,
		due_date: unix('2026-10-02'),
		customer_email: email,
		customer_name: email.split('@')[1].split('.')[0],
		hosted_invoice_url: `https://invoice.stripe.example/${id}`,
		metadata: { timezone: 'America/New_York', tier: 'strategic' },
	});
	return [
		invoice('in_approve', 'ap@contoso.example'),
		invoice('in_reject', 'ap@fabrikam.example'),
		invoice('in_replied', 'ap@northwind.example'),
	];
}

/** The test copy, with "Slack: ask the owner" back to the shipped send-and-wait node and a Slack credential. */
function approvalCopy(
	fakes: FakeServices,
	id: string,
	asOf: string,
	slackApi: { id: string; name: string },
) {
	const shipped = readTemplate('invoice-follow-up-daily.json').nodes.find(
		(node) => node.name === 'Slack: ask the owner',
	)!;
	const copy = dailyTestCopy(fakes, { id, asOf });
	return {
		...copy,
		nodes: copy.nodes.map((node): INode => {
			if (node.name === shipped.name) return { ...shipped, credentials: { slackApi } };
			return node;
		}),
	};
}

const maybe = which('openssl') ? describe : describe.skip;

maybe('the approval path of the daily template in a real n8n (Slack send and wait)', () => {
	const fakes = new FakeServices(strategicBook());
	let slack: Awaited<ReturnType<typeof startSlackStandIn>>;
	let app: N8nApp;
	/** n8n's id of each test copy, by the copy's own id. */
	const ids: Record<string, string> = {};

	beforeAll(async () => {
		await fakes.start();
		slack = await startSlackStandIn(fakes);
		app = new N8nApp('approval-path', 5723, slack.env);
		await app.start({ ledger: { name: LEDGER_TABLE_NAME, columns: LEDGER_COLUMNS } });
		// Through the REST API, as the editor saves them (two CLI imports would boot n8n twice more).
		const slackApi = (await app.rest('POST', '/credentials', {
			name: 'Slack (stand-in)',
			type: 'slackApi',
			data: { accessToken: 'xoxb-stand-in' },
		})) as { id: string; name: string };
		for (const workflow of [
			approvalCopy(fakes, 'approvalDaily', DAY, slackApi),
			replyTestCopy(fakes, { id: 'approvalReplies', asOf: REPLY_AT }),
			approvalCopy(fakes, 'approvalNextDay', NEXT_DAY, slackApi),
		]) {
			const { nodes, connections, settings, name } = workflow;
			const created = (await app.rest('POST', '/workflows', {
				name,
				nodes,
				connections,
				settings,
			})) as { id: string };
			ids[workflow.id] = created.id;
		}
	}, 300_000);
	afterAll(async () => {
		await app?.stop();
		await slack?.stop();
		await fakes.stop();
	}, 60_000);

	const ledger = async (): Promise<LedgerEvent[]> => {
		const read = readLedgerRows(await app.ledgerRows());
		expect(read.invalid).toEqual([]);
		return read.events;
	};
	const emailsTo = () => fakes.sent('gmail').map((r) => recipientOf(r.body));
	/** The approval requests n8n's Slack node posted, by invoice number, with their two buttons' URLs. */
	const approvalRequests = () =>
		fakes
			.sent('slack')
			.filter((r) => r.path === '/slack/api/chat.postMessage')
			.map((r) => {
				const blocks = (r.body as { blocks: Array<Record<string, unknown>> }).blocks;
				const buttons = blocks.flatMap(
					(block) => (block.elements ?? []) as Array<{ text: { text: string }; url: string }>,
				);
				const url = (label: string) => buttons.find((button) => button.text.text === label)!.url;
				return {
					invoice: /INV-[A-Z]+/.exec(JSON.stringify(blocks))?.[0],
					approve: url('Approve and send'),
					reject: url('Do not send'),
				};
			});
	/**
	 * The owner's click: Slack's link button opens the URL in their browser (n8n answers bots and link previews with an
	 * empty page and keeps waiting, so the request carries a browser's User-Agent); n8n resumes that execution.
	 */
	const click = async (url: string) => {
		const answer = await fetch(url, {
			headers: { 'user-agent': BROWSER },
			signal: AbortSignal.timeout(30_000),
		});
		expect(answer.status).toBe(200);
		const executionId = /\/webhook-waiting\/([^/?]+)/.exec(url)![1];
		return app.waitForExecution(executionId, 60_000);
	};
	const requestFor = (invoice: string) => approvalRequests().find((r) => r.invoice === invoice)!;

	it('run 1: each final notice is asked in its own execution through the Slack node; nothing is sent', async () => {
		const run = await app.runManually(ids.approvalDaily, 'Run now');
		expect(run.status).toBe('success');
		const deadline = Date.now() + 30_000;
		while (approvalRequests().length < 3 && Date.now() < deadline)
			await new Promise((resolve) => setTimeout(resolve, 250));
		expect(
			approvalRequests()
				.map((r) => r.invoice)
				.sort(),
		).toEqual(['INV-APPROVE', 'INV-REJECT', 'INV-REPLIED']);
		expect(emailsTo()).toEqual([]);
		const requests = (await ledger()).filter(
			(e) => e.kind === 'escalation' && e.reason === 'requires_approval',
		);
		expect(requests.map((e) => [e.invoiceId, (e as { stepId?: string }).stepId]).sort()).toEqual([
			['in_approve', FINAL],
			['in_reject', FINAL],
			['in_replied', FINAL],
		]);
	}, 120_000);

	it('a reply after the request arrives through the reply template', async () => {
		fakes.replies = [
			gmailReply(
				'ap@northwind.example',
				'Re: Invoice INV-REPLIED',
				'We are checking this with our controller and will come back to you this week.',
				REPLY_AT,
			),
		];
		const run = await app.runManually(ids.approvalReplies, 'Replies arrive');
		expect(run.status).toBe('success');
		expect((await ledger()).filter((e) => e.kind === 'reply').map((e) => e.invoiceId)).toEqual([
			'in_replied',
		]);
	}, 120_000);

	/**
	 * The owner answers the request for `number`; the resumed execution ends and no e-mail but the approved one has
	 * gone out. Returns the run, and the invoice's decisions and touches in the ledger.
	 */
	const decide = async (number: string, button: 'approve' | 'reject', invoiceId: string) => {
		const run = await click(requestFor(number)[button]);
		expect(run.status).toBe('success');
		expect(emailsTo()).toEqual(['ap@contoso.example']);
		const events = (await ledger()).filter((e) => e.invoiceId === invoiceId);
		return {
			run,
			decisions: events.flatMap((e) => (e.kind === 'approval' ? [[e.stepId, e.decision]] : [])),
			touches: events.flatMap((e) => (e.kind === 'touch' ? [[e.stepId, e.status]] : [])),
		};
	};

	it('approved: the waiting execution records the approval and sends exactly that step, once', async () => {
		const { decisions, touches } = await decide('INV-APPROVE', 'approve', 'in_approve');
		expect(decisions).toEqual([[FINAL, 'approved']]);
		expect(touches).toEqual([
			[FINAL, 'reserved'],
			[FINAL, 'sent'],
		]);
	}, 120_000);

	it('rejected: recorded, never sent', async () => {
		const { decisions, touches } = await decide('INV-REJECT', 'reject', 'in_reject');
		expect(decisions).toEqual([[FINAL, 'rejected']]);
		expect(touches).toEqual([]);
	}, 120_000);

	it('approved after the client replied: the reply holds the invoice, nothing is sent', async () => {
		const { run, decisions, touches } = await decide('INV-REPLIED', 'approve', 'in_replied');
		expect(decisions).toEqual([[FINAL, 'approved']]);
		expect(touches).toEqual([]);
		const planned = [0, 1, 2, 3]
			.flatMap((output) => run.json('Cadence Step: plan', output))
			.find((item) => (item.invoice as { id: string }).id === 'in_replied')!;
		// Any reply after the last touch sends the invoice to a person, approved step or not.
		expect(planned.cadence).toMatchObject({ action: 'escalate', rule: 'reply_needs_person' });
	}, 120_000);

	it('run 3, today and tomorrow: nothing more is sent and nobody is asked again', async () => {
		const asked = approvalRequests().length;
		for (const id of ['approvalDaily', 'approvalNextDay']) {
			const run = await app.runManually(ids[id], 'Run now');
			expect(run.status).toBe('success');
		}
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(emailsTo()).toEqual(['ap@contoso.example']);
		expect(approvalRequests()).toHaveLength(asked);
		const sent = (await ledger()).flatMap((e) =>
			e.kind === 'touch' && e.status === 'sent' ? [[e.invoiceId, e.stepId]] : [],
		);
		expect(sent).toEqual([['in_approve', FINAL]]);
	}, 120_000);
});
