import { spawnSync } from 'node:child_process';

import { FakeServices } from '../helpers/fakeServices';
import { LocalN8n } from '../helpers/n8nCli';
import { N8nProcess, startPostgres, startRedis, which, type Service } from '../helpers/n8nServer';
import { dailyTestCopy, stripeBook, withSheetLedger } from '../helpers/templates';

/**
 * n8n queue mode: one main process and one worker sharing Redis and Postgres, driven through webhooks (queue mode runs
 * executions from webhooks and triggers, not from `n8n execute`).
 *
 * What n8n 2.41.1 does, measured here: the worker writes the workflow's static data when an execution ends, but a new
 * execution gets a snapshot of the workflow without it (execution_data.workflowData.staticData is null), and the worker
 * reloads static data only when it resumes an execution. So a ledger in static data is written but never read back
 * by workers. In queue mode the daily template therefore keeps its ledger in the reminder-log sheet (Cadence Step:
 * History From = Input Fields), and that is what must never send twice.
 */
const AS_OF = '2026-11-18T15:00:00Z'; // Wednesday, 10:00 in New York
const PORT = 5699;
const REDIS_PORT = 6391;
const POSTGRES_PORT = 5491;

async function until(
	check: () => boolean | Promise<boolean>,
	what: string,
	timeoutMs = 90_000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await check()) return;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`timed out waiting for ${what}`);
}

describe('queue mode: Redis, Postgres, one main process and one worker', () => {
	let redis: Service | undefined;
	let postgres: Awaited<ReturnType<typeof startPostgres>>;
	let main: N8nProcess | undefined;
	let worker: N8nProcess | undefined;
	let n8n: LocalN8n;
	const staticFakes = new FakeServices(stripeBook());
	const sheetFakes = new FakeServices(stripeBook());

	beforeAll(async () => {
		redis = await startRedis(REDIS_PORT);
		if (!redis) return;
		postgres = await startPostgres(POSTGRES_PORT).catch((error: Error) => {
			process.stdout.write(
				`Postgres could not start (${error.message.split('\n')[0]}): using SQLite, which n8n does not support for queue mode in production\n`,
			);
			return undefined;
		});
		await staticFakes.start();
		await sheetFakes.start();
		const env: NodeJS.ProcessEnv = {
			...(postgres?.env ?? {}),
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(REDIS_PORT),
			QUEUE_HEALTH_CHECK_ACTIVE: 'false',
			N8N_PORT: String(PORT),
		};
		n8n = new LocalN8n('queue-mode', env);
		n8n.importWorkflows([
			dailyTestCopy(staticFakes, {
				id: 'e2eQueueStatic',
				asOf: AS_OF,
				webhookPath: 'queue-static',
			}),
			withSheetLedger(
				dailyTestCopy(sheetFakes, { id: 'e2eQueueSheet', asOf: AS_OF, webhookPath: 'queue-sheet' }),
				sheetFakes,
				AS_OF,
			),
		]);
		for (const id of ['e2eQueueStatic', 'e2eQueueSheet']) {
			const published = n8n.cli(['publish:workflow', `--id=${id}`]);
			if (published.code !== 0)
				throw new Error(`publish:workflow failed:\n${published.stdout}${published.stderr}`);
		}
		main = new N8nProcess(n8n.folder, ['start'], env).start();
		await main.waitForHttp(`http://127.0.0.1:${PORT}/healthz/readiness`, 180_000);
		worker = new N8nProcess(n8n.folder, ['worker', '--concurrency=2'], env).start();
		await until(
			() => /worker is now ready|Worker started/i.test(worker!.log),
			'the worker to be ready',
			120_000,
		);
	}, 420_000);

	afterAll(async () => {
		await worker?.stop();
		await main?.stop();
		await staticFakes.stop();
		await sheetFakes.stop();
		await redis?.stop();
		await postgres?.stop();
	}, 60_000);

	const trigger = async (path: string) => {
		for (let attempt = 0; attempt < 15; attempt++) {
			const response = await fetch(`http://127.0.0.1:${PORT}/webhook/${path}`, {
				method: 'POST',
				body: '{}',
				headers: { 'content-type': 'application/json' },
			});
			if (response.ok) return;
			await new Promise((resolve) => setTimeout(resolve, 1000)); // webhooks register about a second after start-up
		}
		throw new Error(`the webhook ${path} never answered\n${main!.log.slice(-3000)}`);
	};
	const workerRuns = () => (worker!.log.match(/Worker started execution/g) ?? []).length;
	const savedStaticData = async (id: string): Promise<string> => {
		const exported = await n8n.cliAsync(['export:workflow', `--id=${id}`]);
		const [workflow] = JSON.parse(exported.stdout.slice(exported.stdout.indexOf('['))) as Array<{
			staticData?: unknown;
		}>;
		return typeof workflow.staticData === 'string'
			? workflow.staticData
			: JSON.stringify(workflow.staticData ?? {});
	};
	const skipWithoutRedis = () => {
		if (redis) return false;
		process.stdout.write(
			'SKIPPED: redis-server is not installed (apt-get install redis-server): queue mode was not tested\n',
		);
		return true;
	};

	it('the worker runs the executions and writes the ledger to static data, which new executions do not get back', async () => {
		if (skipWithoutRedis()) return;
		const before = workerRuns();
		await trigger('queue-static');
		await until(
			() => staticFakes.sent('sheets').length === 3,
			`three logged sends\nworker:\n${worker!.log.slice(-3000)}`,
		);
		expect(staticFakes.sent('gmail')).toHaveLength(3);
		expect(workerRuns()).toBe(before + 1);
		// Written by the worker when the execution ended.
		await until(async () => {
			const saved = await savedStaticData('e2eQueueStatic');
			return ['in_overdue7', 'in_duetoday', 'in_duesoon'].every((id) => saved.includes(id));
		}, 'the worker to save the ledger');
		// ...but each queued execution carries a workflow snapshot without static data.
		if (postgres && which('psql')) {
			const snapshots = spawnSync(
				'psql',
				[
					'-h',
					'127.0.0.1',
					'-p',
					String(POSTGRES_PORT),
					'-U',
					'postgres',
					'-d',
					'n8n',
					'-At',
					'-c',
					`select coalesce(("workflowData"::json->'staticData')::text, 'null') from execution_data`,
				],
				{ encoding: 'utf8' },
			)
				.stdout.trim()
				.split('\n');
			process.stdout.write(
				`queue mode: static data in the execution snapshots: ${snapshots.join(', ')}\n`,
			);
			expect(snapshots.every((value) => value === 'null')).toBe(true);
		}
	}, 300_000);

	it('with the ledger in the reminder-log sheet, a second run on the worker sends nothing twice', async () => {
		if (skipWithoutRedis()) return;
		const before = workerRuns();
		await trigger('queue-sheet');
		await until(
			() => sheetFakes.sent('sheets').length === 3,
			`three logged sends\nworker:\n${worker!.log.slice(-3000)}`,
		);
		const recipients = sheetFakes
			.sent('gmail')
			.map(
				(request) =>
					/^To: (.*)$/m.exec(
						Buffer.from((request.body as { raw: string }).raw, 'base64url').toString('utf8'),
					)?.[1],
			);
		expect(recipients.sort()).toEqual(['ap@acme.example', 'ap@globex.example', 'ap@wayne.example']);
		await until(
			() => workerRuns() === before + 1 && /finished/i.test(worker!.log),
			'the first execution to finish',
		);

		const mark = sheetFakes.requests.length;
		await trigger('queue-sheet');
		// The second run reads Stripe and the log; then the plan finds every step already sent.
		await until(
			() =>
				sheetFakes.requests.slice(mark).filter((request) => request.method === 'GET').length >= 2,
			'the second execution to read Stripe and the log',
		);
		await until(() => workerRuns() === before + 2, 'the worker to run the second execution');
		await new Promise((resolve) => setTimeout(resolve, 5000));
		const posted = sheetFakes.requests.slice(mark).filter((request) => request.method === 'POST');
		expect(posted.filter((request) => request.service === 'gmail')).toEqual([]);
		expect(posted.filter((request) => request.service === 'sheets')).toEqual([]);
		// The main process only enqueued: every execution ran on the worker.
		expect(main!.log).not.toMatch(/Worker started execution/);
	}, 300_000);
});
