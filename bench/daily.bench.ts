/**
 * The daily template end to end (issue 15): a real n8n (`n8n start`, SQLite; the ledger is a Data Table, which
 * `n8n execute` cannot use) runs workflows/invoice-follow-up-daily.json once, wired to the fake Stripe, Gmail and
 * Slack services the e2e tests use (tests/helpers/fakeServices.ts, the harness of
 * tests/e2e/collectionsLoop.e2e.test.ts), on BENCH_DAILY_ITEMS open Stripe invoices (default 10,000; Stripe pages
 * of 100, as the template asks for).
 *
 * It prints the wall time of the execution (trigger to finished, as the REST API reports it), µs per invoice, the
 * share spent in our nodes (the sum of their executionTime in the execution's run data), the peak RSS of n8n and its
 * children during the run (sampled from /proc every 100 ms) and the load average before and after.
 */
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';

import type { IRun } from 'n8n-workflow';

import { LEDGER_COLUMNS, LEDGER_TABLE_NAME } from '../src';
import { FakeServices } from '../tests/helpers/fakeServices';
import { N8nApp } from '../tests/helpers/n8nApp';
import { freePort } from '../tests/helpers/n8nServer';
import { dailyTestCopy, stripeBook } from '../tests/helpers/templates';
import { BUILD, REPO } from './setup';
import { treeRss } from './treeRss';
import { out, usPerItem } from './stats';
import type { BenchRow } from './types';

const ITEMS = Number(process.env.BENCH_DAILY_ITEMS) || 10_000;
/** Wednesday 2026-11-18, 10:00 in New York: the instant stripeBook's due dates are written for. */
const AS_OF = '2026-11-18T15:00:00Z';
const OUR_TYPE = 'n8n-nodes-invoice-followup.';
const DAY = 86_400;

/**
 * `count` Stripe invoices made from the e2e book's eight kinds (overdue, due today, disputed, not due, large and
 * old, opted out, paid, due soon), each with its own id, number and customer, and due dates spread over 40 days.
 */
export function stripeInvoices(count: number): object[] {
	const kinds = stripeBook() as Array<Record<string, unknown>>;
	const book: object[] = new Array(count);
	for (let index = 0; index < count; index++) {
		const kind = kinds[index % kinds.length];
		const customer = index % 2_500;
		book[index] = {
			...kind,
			id: `in_bench${index}`,
			number: `INV-B${100000 + index}`,
			customer: `cus_bench${customer}`,
			customer_email: `ap${customer}@customer${customer}.example`,
			customer_name: `Customer ${customer}`,
			hosted_invoice_url: `https://invoice.stripe.example/in_bench${index}`,
			due_date: (kind.due_date as number) - (Math.floor(index / kinds.length) % 40) * DAY,
			metadata: { ...(kind.metadata as object), message_id: `<in_bench${index}@billing.example>` },
		};
	}
	return book;
}

function mib(kb: number): string {
	return `${(kb / 1024).toFixed(0)} MiB`;
}

function load(): string {
	return loadavg()
		.map((value) => value.toFixed(2))
		.join(' ');
}

/**
 * The test helpers find the repository next to their compiled selves in .bench-build: the vendor fixtures, the
 * templates, and (for scripts/n8n.sh, which checks the package's dependencies there) node_modules and the lockfile.
 * The package n8n loads is the repository itself (N8N_PACKAGE_DIR), with its dist/.
 */
function linkDataFolders(): void {
	if (BUILD === REPO) return;
	for (const folder of ['tests/fixtures', 'workflows', 'node_modules', 'package-lock.json']) {
		const target = join(BUILD, folder);
		if (existsSync(target)) continue;
		mkdirSync(dirname(target), { recursive: true });
		symlinkSync(join(REPO, folder), target, folder.endsWith('.json') ? 'file' : 'dir');
	}
}

export async function run(): Promise<BenchRow[]> {
	linkDataFolders();
	const fakes = new FakeServices(stripeInvoices(ITEMS));
	fakes.stripePageSize = 100;
	const app = new N8nApp('bench-daily', await freePort(), { N8N_PACKAGE_DIR: REPO });
	await fakes.start();
	const template = dailyTestCopy(fakes, { id: 'benchDaily', asOf: AS_OF });
	const types = new Map(template.nodes.map((node) => [node.name, node.type]));
	let sampler: NodeJS.Timeout | undefined;
	try {
		app.cli.importWorkflows([template]);
		const startUp = performance.now();
		await app.start({ ledger: { name: LEDGER_TABLE_NAME, columns: LEDGER_COLUMNS } });
		out(`  n8n started in ${((performance.now() - startUp) / 1000).toFixed(1)} s (load ${load()})`);
		const pid = (app.main as unknown as { child?: { pid?: number } }).child?.pid;
		let peakKb = 0;
		if (pid) {
			const idle = treeRss(pid).sumKb;
			out(`  n8n idle: ${mib(idle)} RSS (n8n and its children)`);
			sampler = setInterval(() => {
				peakKb = Math.max(peakKb, treeRss(pid).sumKb);
			}, 100);
		}
		const loadBefore = load();
		const mark = fakes.requests.length;
		const started = performance.now();
		const result = await app
			.runManually('benchDaily', 'Run now', 3_600_000)
			.catch((error: Error) => {
				throw new Error(`${error.message}; n8n's log ends:\n${app.main?.log.slice(-3000) ?? ''}`);
			});
		const wallMs = performance.now() - started;
		if (sampler) clearInterval(sampler);
		const runData = (result.run as IRun).data.resultData.runData;
		let ours = 0;
		let all = 0;
		const perNode: string[] = [];
		for (const [name, tasks] of Object.entries(runData)) {
			const ms = tasks.reduce((sum, task) => sum + (task.executionTime ?? 0), 0);
			all += ms;
			if (types.get(name)?.startsWith(OUR_TYPE)) {
				ours += ms;
				perNode.push(`${name} ${ms.toFixed(0)} ms`);
			}
		}
		const requests = fakes.requests.slice(mark);
		const count = (service: string, method: string) =>
			requests.filter((request) => request.service === service && request.method === method).length;
		// Counted after the run for the record; if n8n's API fails here the run's own figures still stand.
		const countOf = async (read: () => Promise<unknown[]>) =>
			read().then(
				(rows) => String(rows.length),
				(error: Error) =>
					`unknown (${error.message}${error.cause ? `: ${String(error.cause)}` : ''})`,
			);
		const ledgerRows = await countOf(() => app.ledgerRows());
		const executions = await countOf(() => app.executions('benchDaily'));
		return [
			{
				name: `Daily template end to end (real n8n, SQLite, fake Stripe/Gmail/Slack)`,
				items: ITEMS,
				ms: wallMs,
				goal: `status ${result.status}`,
				note:
					`${usPerItem(wallMs, ITEMS)} of wall time; our nodes ${ours.toFixed(0)} ms ` +
					`(${((100 * ours) / wallMs).toFixed(1)}% of the wall, ${usPerItem(ours, ITEMS)}: ${perNode.join(', ')}); ` +
					`all nodes' executionTime ${all.toFixed(0)} ms; peak RSS of n8n and its children ${pid ? mib(peakKb) : 'unknown'}; ` +
					`Stripe pages ${count('stripe', 'GET')}, Gmail sends ${count('gmail', 'POST')}, Slack posts ${count('slack', 'POST')}, ` +
					`ledger rows ${ledgerRows}, executions ${executions} (approvals run in their own); ` +
					`load average ${loadBefore} before, ${load()} after`,
			},
		];
	} finally {
		if (sampler) clearInterval(sampler);
		await app.stop();
		await fakes.stop();
	}
}
