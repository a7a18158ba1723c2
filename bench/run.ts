/**
 * `npm run bench`: every performance figure of the package in one process run, as a table with the goals beside
 * the figures. Compiled into .bench-build/ and started by scripts/bench.sh.
 */
// First: setup links the pinned n8n and maps n8n-workflow before anything loads it.
import { BUILD, N8N_MODULES, REPO } from './setup';

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

import { benchRuns, formatRatio, loadLine, out, ratio } from './stats';
import type { BenchModule, BenchRow } from './types';

/** The other areas' benchmarks, written by their owners to the BenchRow contract; each is optional. */
const AREAS = [
	{ file: 'triage.bench', title: 'Reply Triage' },
	{ file: 'report.bench', title: 'Collections Report' },
	{ file: 'cadence.bench', title: 'Cadence Step' },
	{ file: 'escalation.bench', title: 'Escalation Gate' },
	{ file: 'daily.bench', title: 'Daily template end to end in a real n8n (fake services)' },
];

function version(path: string): string {
	try {
		return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
	} catch {
		return '?';
	}
}

function header(): void {
	const cpu = cpus();
	let commit = '';
	try {
		commit = execFileSync('git', ['-C', REPO, 'rev-parse', '--short', 'HEAD'], {
			encoding: 'utf8',
		}).trim();
		const dirty = execFileSync(
			'git',
			['-C', REPO, 'status', '--porcelain', '--untracked-files=no'],
			{
				encoding: 'utf8',
			},
		).trim();
		if (dirty) commit += ' (with uncommitted changes)';
	} catch {
		commit = 'unknown';
	}
	out('n8n-nodes-invoice-followup benchmark');
	out(`  date       ${new Date().toISOString()}`);
	out(`  load       ${loadLine()} at the start (a busy machine inflates every figure)`);
	out(
		`  machine    ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${process.platform} ${process.arch}`,
	);
	out(
		`  versions   Node ${process.versions.node} (V8 ${process.versions.v8}), n8n ${version(join(N8N_MODULES, 'n8n', 'package.json'))}, n8n-core ${version(join(N8N_MODULES, 'n8n-core', 'package.json'))}, n8n-workflow ${version(join(N8N_MODULES, 'n8n-workflow', 'package.json'))}, package ${version(join(REPO, 'package.json'))} @ ${commit}`,
	);
	out(
		`  method     median of ${benchRuns()} runs after a warm-up (BENCH_RUNS), garbage collected before each; in-engine times are the node's own executionTime`,
	);
	out();
}

function cell(value: string, width: number): string {
	return value.length >= width ? value : value + ' '.repeat(width - value.length);
}

function ms(value: number | undefined): string {
	if (value === undefined || Number.isNaN(value)) return '—';
	return value >= 100
		? `${value.toFixed(0)} ms`
		: value >= 1
			? `${value.toFixed(1)} ms`
			: `${value.toFixed(3)} ms`;
}

export function printTable(title: string, rows: BenchRow[]): void {
	out(`## ${title}`);
	const lines = rows.map((row) => [
		row.name,
		row.items ? row.items.toLocaleString('en-US') : '—',
		ms(row.ms),
		ms(row.floorMs),
		row.floorMs && !Number.isNaN(row.ms) ? formatRatio(ratio(row.ms, row.floorMs)) : '—',
		row.goal ?? '',
	]);
	const head = ['benchmark', 'items', 'median', 'floor', 'vs floor', 'goal: figure'];
	const widths = head.map((name, column) =>
		Math.min(
			column === 0 ? 56 : 60,
			Math.max(name.length, ...lines.map((line) => line[column].length)),
		),
	);
	out(head.map((name, column) => cell(name, widths[column])).join(' | '));
	out(widths.map((width) => '-'.repeat(width)).join('-|-'));
	rows.forEach((row, index) => {
		out(lines[index].map((value, column) => cell(value, widths[column])).join(' | '));
		if (row.note) out(`    ${row.note}`);
	});
	out();
}

async function section(title: string, load: () => Promise<BenchModule>): Promise<void> {
	try {
		const started = Date.now();
		out(`# ${title} (running..., ${loadLine()})`);
		const rows = await (await load()).run();
		printTable(
			`${title} (${((Date.now() - started) / 1000).toFixed(0)} s; at the end: ${loadLine()})`,
			rows,
		);
	} catch (error) {
		out(`## ${title}: failed: ${(error as Error).stack ?? String(error)}`);
		out();
		process.exitCode = 1;
	}
}

async function main(): Promise<void> {
	header();
	const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
	const wanted = (name: string) => !only || only.includes(name);
	if (wanted('load')) await section('Package load', async () => import('./packageLoad'));
	if (wanted('engine'))
		await section(
			`In-engine, ${(Number(process.env.BENCH_ITEMS) || 100_000).toLocaleString('en-US')} invoices`,
			async () => import('./engine.bench'),
		);
	if (wanted('code'))
		await section('Code node and our node in a real n8n (CLI)', async () => import('./cli.bench'));
	if (wanted('workflow'))
		await section(
			'Whole workflow in a real n8n: ours, the Code node, a pass-through',
			async () => import('./workflow.bench'),
		);
	for (const area of AREAS) {
		if (!wanted(area.file.replace('.bench', ''))) continue;
		const compiled = join(BUILD, 'bench', `${area.file}.js`);
		if (!existsSync(join(REPO, 'bench', `${area.file}.ts`)) || !existsSync(compiled)) {
			out(`## ${area.title}: skipped: bench/${area.file}.ts does not exist (yet)`);
			out();
			continue;
		}
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		await section(area.title, async () => require(compiled) as BenchModule);
	}
	// A book past V8's string limit for the CSV (5M invoices); its own section so the 1M figures are taken first.
	if (wanted('report-large'))
		await section('Collections Report past the string limit', async () => {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const report = require(join(BUILD, 'bench', 'report.bench.js')) as {
				runLarge: BenchModule['run'];
			};
			return { run: report.runLarge };
		});
}

void main();
