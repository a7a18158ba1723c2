import { LEDGER_COLUMNS, LEDGER_TABLE_NAME, readLedgerRows } from '../../src';
import { FakeServices } from '../helpers/fakeServices';
import { disputeAndPromise, summarise } from '../helpers/loop';
import { N8nApp } from '../helpers/n8nApp';
import { startPostgres, startRedis, type Service } from '../helpers/n8nServer';
import { dailyTestCopy, replyTestCopy, stripeBook } from '../helpers/templates';

/**
 * n8n queue mode: one main process and one worker sharing Redis and Postgres, driven through webhooks (queue mode hands
 * only production executions to workers; `n8n execute` ignores it). The collections ledger is a Data Table in n8n's
 * own database (Postgres here), so the worker reads what earlier executions wrote, which static data could not do:
 * measured on n8n 2.41.1, a queued execution gets a workflow snapshot without the saved static data.
 */
const DAY_1 = '2026-11-18T15:00:00Z'; // Wednesday, 10:00 in New York
const REPLIES_AT = '2026-11-18T19:30:00Z';
const DAY_2 = '2026-11-19T15:00:00Z';
const PORT = 5699;
const REDIS_PORT = 6391;
const POSTGRES_PORT = 5491;

const recipientOf = (body: unknown) =>
	/^To: (.*)$/m.exec(Buffer.from((body as { raw: string }).raw, 'base64url').toString('utf8'))?.[1];

describe('queue mode: Redis, Postgres, one main process and one worker, the ledger in a Data Table', () => {
	let redis: Service | undefined;
	let postgres: Awaited<ReturnType<typeof startPostgres>>;
	let app: N8nApp | undefined;
	const fakes = new FakeServices(stripeBook());
	const counts: Record<string, unknown> = {};

	beforeAll(async () => {
		redis = await startRedis(REDIS_PORT);
		if (!redis) return;
		postgres = await startPostgres(POSTGRES_PORT).catch((error: Error) => {
			process.stdout.write(
				`Postgres could not start (${error.message.split('\n')[0]}): using SQLite, which n8n does not support for queue mode in production\n`,
			);
			return undefined;
		});
		await fakes.start();
		app = new N8nApp('queue-mode', PORT, {
			...(postgres?.env ?? {}),
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(REDIS_PORT),
			QUEUE_HEALTH_CHECK_ACTIVE: 'false',
		});
		app.cli.importWorkflows([
			dailyTestCopy(fakes, { id: 'queueDaily1', asOf: DAY_1, webhookPath: 'queue-daily-1' }),
			replyTestCopy(fakes, { id: 'queueReplies', asOf: REPLIES_AT, webhookPath: 'queue-replies' }),
			dailyTestCopy(fakes, { id: 'queueDaily2', asOf: DAY_2, webhookPath: 'queue-daily-2' }),
		]);
		for (const id of ['queueDaily1', 'queueReplies', 'queueDaily2']) {
			const published = app.cli.cli(['publish:workflow', `--id=${id}`]);
			if (published.code !== 0)
				throw new Error(`publish:workflow failed:\n${published.stdout}${published.stderr}`);
		}
		await app.start({
			worker: true,
			ledger: { name: LEDGER_TABLE_NAME, columns: LEDGER_COLUMNS },
		});
	}, 480_000);

	afterAll(async () => {
		await app?.stop();
		await fakes.stop();
		await redis?.stop();
		await postgres?.stop();
	}, 60_000);

	const skipWithoutRedis = () => {
		if (redis) return false;
		process.stdout.write(
			'SKIPPED: redis-server is not installed (apt-get install redis-server): queue mode was not tested\n',
		);
		return true;
	};
	const ledger = async () => readLedgerRows(await app!.ledgerRows()).events;
	const workerRuns = () => (app!.worker!.log.match(/Worker started execution/g) ?? []).length;
	const sendsSince = (mark: number) =>
		fakes.requests
			.slice(mark)
			.filter((r) => r.service === 'gmail' && r.path === '/gmail/send')
			.map((r) => recipientOf(r.body));

	it('the worker sends the reminders due and records them in the Data Table; a second run sends nothing twice', async () => {
		if (skipWithoutRedis()) return;
		const before = workerRuns();
		const first = await app!.runWebhook('queue-daily-1', {}, 'queueDaily1');
		expect(first.status).toBe('success');
		expect(sendsSince(0).sort()).toEqual([
			'ap@acme.example',
			'ap@globex.example',
			'ap@wayne.example',
		]);
		counts.day1 = summarise(await ledger());
		expect(counts.day1).toMatchObject({ reserved: 3, sent: 3 });

		const mark = fakes.requests.length;
		const again = await app!.runWebhook('queue-daily-1', {}, 'queueDaily1');
		expect(again.status).toBe('success');
		expect(sendsSince(mark)).toEqual([]);
		expect(fakes.requests.slice(mark).filter((r) => r.path === '/slack/chat.postMessage')).toEqual(
			[],
		);
		// Every execution ran on the worker; the main process only enqueued.
		expect(workerRuns()).toBe(before + 2);
		expect(app!.main!.log).not.toMatch(/Worker started execution/);
	}, 300_000);

	it("a dispute and a promise, read on the worker, pause the next day's reminders; escalations are not repeated", async () => {
		if (skipWithoutRedis()) return;
		fakes.replies = disputeAndPromise(REPLIES_AT);
		const replies = await app!.runWebhook('queue-replies', {}, 'queueReplies');
		expect(replies.status).toBe('success');
		const replyRows = (await ledger()).filter((event) => event.kind === 'reply');
		expect(replyRows.map((event) => event.invoiceId).sort()).toEqual([
			'in_duetoday',
			'in_overdue7',
		]);

		const mark = fakes.requests.length;
		const day2 = await app!.runWebhook('queue-daily-2', {}, 'queueDaily2');
		expect(day2.status).toBe('success');
		const sent = sendsSince(mark);
		expect(sent).not.toContain('ap@acme.example');
		expect(sent).not.toContain('ap@globex.example');
		// The high balance escalated on day 1 is an open case: not posted again.
		const posted = fakes.requests
			.slice(mark)
			.filter((r) => r.path === '/slack/chat.postMessage')
			.map((r) => (r.body as { invoice: string }).invoice);
		expect(posted).not.toContain('INV-BIGOLD');
		counts.day2 = { ...summarise(await ledger()), sentOnDay2: sent.length };
		process.stdout.write(
			`queue mode (${postgres ? 'Postgres' : 'SQLite'}) ledger counts: ${JSON.stringify(counts)}\n`,
		);
	}, 300_000);
});
