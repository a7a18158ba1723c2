import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { currencyDecimals, toMinor } from '../../src';
import { LocalN8n, type CliRun } from '../helpers/n8nCli';
import { readTemplate, WORKFLOWS_DIR, type TemplateJson } from '../helpers/templates';

const templates = readdirSync(WORKFLOWS_DIR)
	.filter((file) => file.endsWith('.json'))
	.map((file) => ({ file, workflow: readTemplate(file) }));

describe('template workflows in a real n8n', () => {
	const n8n = new LocalN8n('templates');
	let demo: CliRun;

	beforeAll(() => {
		n8n.importWorkflows(templates.map(({ workflow }) => workflow));
	}, 180_000);

	it('ships the four templates', () => {
		expect(templates.map(({ file }) => file).sort()).toEqual([
			'demo-offline.json',
			'invoice-follow-up-daily.json',
			'reply-triage.json',
			'weekly-collections-report.json',
		]);
	});

	it('every node type exists in the pinned n8n or this package, at a valid typeVersion', () => {
		const exported = join(n8n.folder, 'nodes.json');
		const result = n8n.cli(['export:nodes', `--output=${exported}`]);
		expect(result.code).toBe(0);
		const known = new Map<string, number[]>();
		for (const type of JSON.parse(readFileSync(exported, 'utf8')) as Array<{
			name: string;
			version: number | number[];
		}>) {
			known.set(type.name, [...(known.get(type.name) ?? []), ...[type.version].flat()]);
		}
		const problems: string[] = [];
		for (const { file, workflow } of templates) {
			for (const node of workflow.nodes) {
				const versions = known.get(node.type);
				if (!versions) problems.push(`${file}: "${node.name}" has unknown type ${node.type}`);
				else if (!versions.includes(node.typeVersion))
					problems.push(
						`${file}: "${node.name}" ${node.type} v${node.typeVersion} (known: ${versions.join(', ')})`,
					);
			}
		}
		expect(problems).toEqual([]);
	}, 120_000);

	it.each(templates.map(({ file, workflow }) => [file, workflow] as [string, TemplateJson]))(
		'%s carries no credential ids, no instanceId, no personal data, and explains itself',
		(_file, workflow) => {
			const text = JSON.stringify(workflow);
			expect(text).not.toMatch(/"instanceId"/);
			for (const node of workflow.nodes) expect(node.credentials).toBeUndefined();
			expect(text).not.toMatch(/@(gmail|yahoo|hotmail|outlook)\.com/i);
			expect(
				workflow.nodes.filter((node) => node.type === 'n8n-nodes-base.stickyNote').length,
			).toBeGreaterThanOrEqual(2);
			expect(workflow.id.length).toBeLessThanOrEqual(21);
		},
	);

	describe('demo-offline', () => {
		const demoWorkflow = templates.find(({ file }) => file === 'demo-offline.json')!.workflow;
		const codeOf = (name: string) =>
			(demoWorkflow.nodes.find((node) => node.name === name)!.parameters as { jsCode: string })
				.jsCode;
		// The sample book exactly as the Code node builds it (it only needs Date).
		const book = (
			new Function(codeOf('Sample book: 40 invoices'))() as Array<{ json: IDataObject }>
		).map((item) => item.json);

		beforeAll(() => {
			demo = n8n.execute('invoiceDemoOffline');
		}, 180_000);

		it('runs all five nodes with the expected routing', () => {
			expect(demo.status).toBe('success');
			// Follow Up, Hold, Closed, Not Due, Invalid
			expect(demo.counts('Payment State Check')).toEqual([23, 5, 5, 6, 1]);
			expect(demo.counts('Escalation Gate')).toEqual([10, 13]);
			expect(demo.counts('Would it send today?')).toEqual([11, 2]);
			// Escalate, Update Record, Stop, No Action (version 1: replies for review go to Escalate)
			expect(demo.counts('Reply Triage')).toEqual([4, 4, 1, 1]);
			expect(demo.counts('Collections Report')).toEqual([1, 1]);
		});

		it("matches every sample reply to its invoice, and the report counts reminders, replies and escalations from the demo's ledger", () => {
			const replies = [0, 1, 2, 3].flatMap((output) => demo.json('Reply Triage', output));
			expect(replies.every((item) => (item.replyMatch as IDataObject)?.matched === true)).toBe(
				true,
			);
			expect(replies.every((item) => (item.ledgerRow as IDataObject)?.kind === 'reply')).toBe(true);
			const [report] = demo.json('Collections Report');
			const summary = report.summary as Record<string, number>;
			expect(summary.remindersSent).toBeGreaterThan(0);
			expect(summary.repliesReceived).toBeGreaterThan(0);
			expect(summary.escalations).toBeGreaterThan(0);
		});

		it('never plans a message to a disputed, paid, void, opted-out, paused or escalated invoice', () => {
			const untouchable = new Set(
				book
					.filter((invoice) => {
						const flags = (invoice.flags ?? {}) as IDataObject;
						return (
							flags.disputed ||
							flags.optedOut ||
							flags.paused ||
							invoice.status === 'paid' ||
							invoice.status === 'void'
						);
					})
					.map((invoice) => invoice.number),
			);
			const escalated = new Set(demo.json('Escalated to a person').map((row) => row.Invoice));
			const wouldSend = demo.json('Would send').map((row) => row.Invoice);
			expect(wouldSend).toHaveLength(11);
			for (const number of wouldSend) {
				expect(untouchable.has(number)).toBe(false);
				expect(escalated.has(number)).toBe(false);
			}
		});

		it('the report totals equal the sample book, currency by currency, to the minor unit', () => {
			const open = book.filter(
				(invoice) =>
					invoice.id !== 'inv_broken' && invoice.status !== 'paid' && invoice.status !== 'void',
			);
			const expected = new Map<string, { count: number; minor: number }>();
			for (const invoice of open) {
				const currency = invoice.currency as string;
				const due =
					toMinor(invoice.total, currency)! - (toMinor(invoice.amountPaid, currency) ?? 0);
				const entry = expected.get(currency) ?? { count: 0, minor: 0 };
				expected.set(currency, { count: entry.count + 1, minor: entry.minor + due });
			}
			const [report] = demo.json('Collections Report');
			const byCurrency = report.byCurrency as Array<{
				currency: string;
				count: number;
				amountMinor: number;
			}>;
			expect(
				Object.fromEntries(
					byCurrency.map((row) => [row.currency, { count: row.count, minor: row.amountMinor }]),
				),
			).toEqual(Object.fromEntries(expected));
			expect((report.summary as IDataObject).openCount).toBe(open.length);
			expect(currencyDecimals('KWD')).toBe(3);
			// The broken record is listed as skipped with its reason, never silently dropped.
			expect((report.skipped as unknown[]).length).toBe(1);
			expect(String(report.markdown)).toContain('Collections report (demo book)');
		});
	});
});
