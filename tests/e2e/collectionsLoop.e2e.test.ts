import { LEDGER_COLUMNS, LEDGER_TABLE_NAME, readLedgerRows } from '../../src';
import { FakeServices } from '../helpers/fakeServices';
import { disputeAndPromise, summarise } from '../helpers/loop';
import { N8nApp } from '../helpers/n8nApp';
import { dailyTestCopy, replyTestCopy, stripeBook, weeklyTestCopy } from '../helpers/templates';

/**
 * The whole loop in a real n8n (SQLite) with the collections ledger in a real Data Table: the daily template sends and
 * records, the reply template reads a dispute and a promise and appends reply rows, the next day's run sends nothing
 * to those invoices, and the weekly report counts what the ledger holds. Data Tables need `n8n start` (the CLI's
 * `execute` does not load n8n's data-table module), so this drives a server, as the editor's "Execute workflow" does.
 */
const DAY_1 = '2026-11-18T15:00:00Z'; // Wednesday, 10:00 in New York
const REPLIES_AT = '2026-11-18T19:30:00Z';
const DAY_2 = '2026-11-19T15:00:00Z'; // Thursday
const MONTHS_SINCE_BOOK =
	Math.ceil((Date.now() - Date.parse('2026-11-01T00:00:00Z')) / (30 * 86_400_000)) + 1;

const mime = (raw: string) => Buffer.from(raw, 'base64url').toString('utf8');
const recipientOf = (body: unknown) => /^To: (.*)$/m.exec(mime((body as { raw: string }).raw))?.[1];

describe('the collections loop in a real n8n with the ledger in a Data Table (SQLite)', () => {
	const app = new N8nApp('collections-loop', 5711);
	const fakes = new FakeServices(stripeBook());

	beforeAll(async () => {
		await fakes.start();
		app.cli.importWorkflows([
			dailyTestCopy(fakes, { id: 'loopDaily1', asOf: DAY_1 }),
			replyTestCopy(fakes, { id: 'loopReplies', asOf: REPLIES_AT }),
			dailyTestCopy(fakes, { id: 'loopDaily2', asOf: DAY_2 }),
			// Record stamps rows with the real clock, so the report looks back from now over every month since the book's.
			weeklyTestCopy(fakes, {
				id: 'loopWeekly',
				asOf: new Date().toISOString(),
				periodMonths: MONTHS_SINCE_BOOK,
			}),
		]);
		await app.start({ ledger: { name: LEDGER_TABLE_NAME, columns: LEDGER_COLUMNS } });
	}, 300_000);
	afterAll(async () => {
		await app.stop();
		await fakes.stop();
	}, 60_000);

	const ledger = async () => {
		const read = readLedgerRows(await app.ledgerRows());
		expect(read.invalid).toEqual([]);
		return read.events;
	};
	const counts: Record<string, unknown> = {};

	it('day 1: pages through Stripe, sends exactly the reminders due, reserves before and records after each send', async () => {
		const run = await app.runManually('loopDaily1', 'Run now');
		expect(run.status).toBe('success');
		// 8 open invoices, 3 per page: three requests, every invoice read.
		expect(fakes.requests.filter((r) => r.service === 'stripe')).toHaveLength(3);
		expect(
			fakes
				.sent('gmail')
				.map((r) => recipientOf(r.body))
				.sort(),
		).toEqual(['ap@acme.example', 'ap@globex.example', 'ap@wayne.example']);
		const threaded = fakes
			.sent('gmail')
			.map((r) => mime((r.body as { raw: string }).raw))
			.find((m) => m.includes('ap@globex.example'))!;
		expect(threaded).toMatch(/^In-Reply-To: <invoice-duetoday@billing\.example>$/m);
		const slack = fakes.sent('slack').map((r) => (r.body as { invoice: string }).invoice);
		expect(slack).toEqual(['INV-BIGOLD']);
		const events = await ledger();
		counts.day1 = {
			...summarise(events),
			// Payment State Check: Follow Up, Hold, Closed, Not Due, Invalid; Gate: Escalate, Continue; Plan: Send, Wait, Stop, Escalate
			paymentState: run.counts('Payment State Check'),
			gate: run.counts('Escalation Gate'),
			plan: run.counts('Cadence Step: plan'),
		};
		expect(counts.day1).toMatchObject({ reserved: 3, sent: 3, failed: 0, replies: 0 });
		// Each reservation is in the table before its send's record.
		for (const invoiceId of ['in_overdue7', 'in_duetoday', 'in_duesoon']) {
			const touches = events.filter((e) => e.kind === 'touch' && e.invoiceId === invoiceId);
			expect(touches.map((e) => (e as { status: string }).status)).toEqual(['reserved', 'sent']);
		}
	}, 300_000);

	it('day 1 again (a manual rerun): nothing is sent or escalated twice', async () => {
		const mark = fakes.requests.length;
		const run = await app.runManually('loopDaily1', 'Run now');
		expect(run.status).toBe('success');
		const after = fakes.requests.slice(mark).filter((r) => r.method === 'POST');
		expect(after.filter((r) => r.service === 'gmail')).toEqual([]);
		expect(after.filter((r) => r.service === 'slack')).toEqual([]);
		expect(summarise(await ledger())).toMatchObject({ reserved: 3, sent: 3 });
	}, 300_000);

	it('replies: a dispute and a promise are matched to their invoices and recorded as reply rows', async () => {
		fakes.replies = disputeAndPromise(REPLIES_AT);
		const slackBefore = fakes.sent('slack').length;
		const run = await app.runManually('loopReplies', 'Replies arrive');
		expect(run.status).toBe('success');
		const replies = (await ledger()).filter((e) => e.kind === 'reply');
		expect(replies.map((e) => [e.invoiceId, (e as { intent?: string }).intent]).sort()).toEqual([
			['in_duetoday', 'promise_to_pay'],
			['in_overdue7', 'dispute'],
		]);
		expect(replies.find((e) => e.invoiceId === 'in_duetoday')).toMatchObject({
			promisedDate: '2026-11-27',
		});
		// The dispute goes to a person.
		expect(
			fakes
				.sent('slack')
				.slice(slackBefore)
				.map((r) => (r.body as { invoice: string }).invoice),
		).toContain('INV-OVERDUE7');
		counts.replies = summarise(await ledger());
	}, 300_000);

	it('day 2: the dispute and the promise hold their invoices; nothing is sent twice', async () => {
		const before = fakes.requests.length;
		const run = await app.runManually('loopDaily2', 'Run now');
		expect(run.status).toBe('success');
		const sent = fakes.requests
			.slice(before)
			.filter((r) => r.service === 'gmail' && r.method === 'POST');
		expect(sent.map((r) => recipientOf(r.body))).toEqual([]);
		// The high balance escalated on day 1 is an open case: not posted again.
		const posted = fakes.requests
			.slice(before)
			.filter((r) => r.path === '/slack/chat.postMessage')
			.map((r) => (r.body as { invoice: string }).invoice);
		expect(posted).not.toContain('INV-BIGOLD');
		counts.day2 = {
			...summarise(await ledger()),
			paymentState: run.counts('Payment State Check'),
			gate: run.counts('Escalation Gate'),
			plan: run.counts('Cadence Step: plan'),
			planReasons: run
				.json('Cadence Step: plan', 1)
				.map(
					(item) =>
						`${(item.invoice as { id: string }).id}: ${(item.cadence as { reason: string }).reason}`,
				),
		};
		process.stdout.write(`collections loop (SQLite) ledger counts: ${JSON.stringify(counts)}\n`);
	}, 300_000);

	it('the weekly report counts the reminders, replies and escalations in the ledger', async () => {
		const run = await app.runManually('loopWeekly', 'Run now');
		expect(run.status).toBe('success');
		const summary = run.json('Collections Report')[0].summary as Record<string, number>;
		const events = await ledger();
		// One escalation per case and reason, as the report counts them.
		const cases = new Set(
			events.flatMap((e) =>
				e.kind === 'escalation'
					? e.reason.split(',').map((reason) => `${e.key}#${reason.trim()}`)
					: [],
			),
		);
		counts.weekly = {
			remindersSent: summary.remindersSent,
			repliesReceived: summary.repliesReceived,
			escalations: summary.escalations,
		};
		process.stdout.write(`weekly report (SQLite): ${JSON.stringify(counts.weekly)}\n`);
		expect(counts.weekly).toEqual({
			remindersSent: 3,
			repliesReceived: 2,
			escalations: cases.size,
		});
		expect(cases.size).toBeGreaterThanOrEqual(2);
	}, 300_000);
});
