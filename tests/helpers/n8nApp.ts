/**
 * A real n8n server (`n8n start`, optionally with a queue-mode worker) for the tests that need n8n's backend modules:
 * Data Tables only exist there (`n8n execute` does not start the data-table module, so a Data Table node fails under
 * it with "the module is disabled"). The owner is set up headless, the collections ledger table is created by the same
 * script `npm start` runs, and workflows run either as manual executions (REST, as the editor's "Execute workflow"
 * button) or through their webhooks (production executions, the only kind queue mode hands to workers).
 */
import { join } from 'node:path';

import type { IRun } from 'n8n-workflow';

import { cliRun, LocalN8n, type CliRun } from './n8nCli';
import { N8nProcess } from './n8nServer';

const REPO = join(__dirname, '..', '..');
/* eslint-disable @typescript-eslint/no-require-imports */
const { parse: parseFlatted } = require(
	join(REPO, 'scripts', 'runtime', 'n8n', 'node_modules', 'flatted'),
) as { parse: (text: string) => unknown };
const { ensureLedgerTable } = require(join(REPO, 'scripts', 'ledger-table.js')) as {
	ensureLedgerTable: (options: {
		url: string;
		email: string;
		password: string;
		name: string;
		columns: ReadonlyArray<{ name: string; type: string }>;
	}) => Promise<{ id: string }>;
};
/* eslint-enable @typescript-eslint/no-require-imports */

const OWNER = {
	email: 'owner@e2e.local',
	password: 'E2e-Ledger-1',
	firstName: 'E2e',
	lastName: 'Owner',
};

export interface ExecutionSummary {
	id: string;
	status: string;
	mode: string;
	workflowId: string;
}

export class N8nApp {
	readonly cli: LocalN8n;
	readonly url: string;
	main?: N8nProcess;
	worker?: N8nProcess;
	private cookie = '';
	private projectId = '';
	private ledgerTableId = '';

	constructor(
		name: string,
		readonly port: number,
		readonly env: NodeJS.ProcessEnv = {},
	) {
		this.cli = new LocalN8n(name, { ...env, N8N_PORT: String(port) });
		this.url = `http://127.0.0.1:${port}`;
	}

	/** Starts n8n (and a worker when `worker` is true), sets the owner up and creates the ledger table. */
	async start(options: {
		worker?: boolean;
		ledger: { name: string; columns: ReadonlyArray<{ name: string; type: string }> };
	}): Promise<void> {
		const env = { ...this.env, N8N_PORT: String(this.port) };
		this.main = new N8nProcess(this.cli.folder, ['start'], env).start();
		await this.main.waitForHttp(`${this.url}/healthz/readiness`, 240_000);
		if (options.worker) {
			this.worker = new N8nProcess(this.cli.folder, ['worker', '--concurrency=2'], env).start();
			const deadline = Date.now() + 180_000;
			while (!/worker is now ready|Worker started/i.test(this.worker.log)) {
				if (Date.now() > deadline)
					throw new Error(`the worker never got ready\n${this.worker.log.slice(-3000)}`);
				await new Promise((resolve) => setTimeout(resolve, 500));
			}
		}
		await fetch(`${this.url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(OWNER),
		});
		const login = await fetch(`${this.url}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
		});
		if (!login.ok) throw new Error(`owner login failed: ${login.status} ${await login.text()}`);
		this.cookie = login.headers
			.getSetCookie()
			.map((value) => value.split(';')[0])
			.join('; ');
		this.projectId = ((await this.rest('GET', '/projects/personal')) as { id: string }).id;
		const table = await ensureLedgerTable({
			url: this.url,
			email: OWNER.email,
			password: OWNER.password,
			name: options.ledger.name,
			columns: options.ledger.columns,
		});
		this.ledgerTableId = table.id;
	}

	async stop(): Promise<void> {
		await this.worker?.stop();
		await this.main?.stop();
	}

	async rest(method: string, path: string, body?: unknown): Promise<unknown> {
		const response = await fetch(`${this.url}/rest${path}`, {
			method,
			headers: { cookie: this.cookie, 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok)
			throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 500)}`);
		return text ? (JSON.parse(text) as { data: unknown }).data : undefined;
	}

	/** A manual execution, as the editor's "Execute workflow" starts it from `trigger`; waits for it to finish. */
	async runManually(workflowId: string, trigger: string, timeoutMs = 180_000): Promise<CliRun> {
		const { executionId } = (await this.rest('POST', `/workflows/${workflowId}/run`, {
			triggerToStartFrom: { name: trigger },
		})) as { executionId: string };
		return this.waitForExecution(executionId, timeoutMs);
	}

	/** POSTs to a production webhook (retrying while it registers) and returns the execution it started. */
	async runWebhook(
		path: string,
		body: unknown = {},
		workflowId?: string,
		timeoutMs = 180_000,
	): Promise<CliRun> {
		const before = workflowId
			? new Set((await this.executions(workflowId)).map((e) => e.id))
			: new Set<string>();
		for (let attempt = 0; ; attempt++) {
			const response = await fetch(`${this.url}/webhook/${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
			if (response.ok) break;
			if (attempt > 20)
				throw new Error(
					`the webhook ${path} never answered: ${response.status}\n${this.main?.log.slice(-2000)}`,
				);
			await new Promise((resolve) => setTimeout(resolve, 1000));
		}
		if (!workflowId) throw new Error('runWebhook needs the workflow id to find its execution');
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const fresh = (await this.executions(workflowId)).filter((e) => !before.has(e.id));
			if (fresh.length > 0)
				return this.waitForExecution(fresh[0].id, Math.max(1000, deadline - Date.now()));
			if (Date.now() > deadline)
				throw new Error(`no execution of ${workflowId} after the webhook ${path}`);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}

	async executions(workflowId: string): Promise<ExecutionSummary[]> {
		const listed = (await this.rest(
			'GET',
			`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}&limit=100`,
		)) as { results: ExecutionSummary[] };
		return listed.results;
	}

	async waitForExecution(executionId: string, timeoutMs: number): Promise<CliRun> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			// A long run keeps SQLite busy, so n8n's database ping can time out and the API answer 503 for a while:
			// that is n8n still working, not a failed execution, so keep polling until the deadline.
			const execution = (await this.rest('GET', `/executions/${executionId}`).catch(
				(error: Error) => {
					if (/\b503\b/.test(error.message) && Date.now() < deadline) return { status: 'running' };
					throw error;
				},
			)) as {
				status: string;
				finished?: boolean;
				data?: string;
			};
			if (!['new', 'running', 'waiting'].includes(execution.status) && execution.data) {
				const data = parseFlatted(execution.data) as IRun['data'];
				return cliRun({ status: execution.status, data } as unknown as IRun);
			}
			if (Date.now() > deadline)
				throw new Error(
					`execution ${executionId} still ${execution.status} after ${timeoutMs} ms\n${(this.worker ?? this.main)?.log.slice(-3000)}`,
				);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}

	/** Every row of the collections ledger table, oldest first, as the n8n UI shows them. */
	async ledgerRows(): Promise<Array<Record<string, unknown>>> {
		const rows: Array<Record<string, unknown>> = [];
		for (let skip = 0; ; skip += 250) {
			const page = (await this.rest(
				'GET',
				`/projects/${this.projectId}/data-tables/${this.ledgerTableId}/rows?skip=${skip}&take=250&sortBy=id:asc`,
			)) as { count: number; data: Array<Record<string, unknown>> };
			rows.push(...page.data);
			if (rows.length >= page.count || page.data.length === 0) return rows;
		}
	}

	/** Appends rows as an ops person would in the n8n UI (e.g. a `resolved` row). */
	async addLedgerRows(rows: Array<Record<string, unknown>>): Promise<void> {
		await this.rest(
			'POST',
			`/projects/${this.projectId}/data-tables/${this.ledgerTableId}/insert`,
			{
				data: rows,
				returnType: 'count',
			},
		);
	}
}
