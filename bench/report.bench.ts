/**
 * Collections Report at volume: 1,000,000 invoices through buildCollectionsReport, against the floor of a plain JS
 * loop that reads and sums the same fields (amount due, currency, aging bucket, state) into the same buckets.
 *
 * Rows:
 * - node-output items (invoice + paymentState, as Payment State Check emits them), numbers only;
 * - every render as the node asks for them: Markdown, HTML, SVG, Slack, and the CSV of all open invoices in chunks,
 *   read into a file the way n8n's binary data store (filesystem mode) writes the stream the node hands it;
 * - every render with the CSV as one string (the library's default), and as one Buffer (`csvBytes`);
 * - plain invoices, whose payment state the report computes itself with checkPaymentState.
 * Peak memory is the process's peak RSS (getrusage maxrss) after each row's runs (the rows run from the lightest
 * to the heaviest), beside the RSS the book itself takes; "retained" is the heap the finished report keeps (it
 * holds no per-invoice objects, except the CSV text).
 */
import { createReadStream, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import { buildCollectionsReport } from '../src/report';
import { checkPaymentState } from '../src/state';
import type { Invoice } from '../src/invoice/schema';
import { benchRuns, collectGarbage, formatRatio, medianMs, out, ratio, usPerItem } from './stats';
import type { BenchRow } from './types';

const AS_OF = '2026-11-22';
const COUNT = Number(process.env.BENCH_REPORT_COUNT) || 1_000_000;
const GOAL_MS = 3000;
const FX = { EUR: '1.0834', GBP: '1.2712', JPY: '0.0067', KWD: '3.25' };

/** Deterministic invoices straight in the normalised shape (normalising a million rows is another benchmark's job). */
export function makeInvoices(count: number): Invoice[] {
	let seed = 6_2026;
	const random = () => {
		seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
		return seed / 4294967296;
	};
	const asOfDay = Date.UTC(2026, 10, 22) / 86_400_000;
	const dates: string[] = [];
	for (let day = asOfDay - 240; day <= asOfDay + 60; day++)
		dates.push(new Date(day * 86_400_000).toISOString().slice(0, 10));
	const dateOf = (day: number) => dates[day - (asOfDay - 240)];
	const currencies = ['USD', 'USD', 'USD', 'EUR', 'EUR', 'GBP', 'JPY', 'KWD'];
	const scales: Record<string, number> = { USD: 100, EUR: 100, GBP: 100, JPY: 1, KWD: 1000 };
	const owners = [{ name: 'Ana Ruiz' }, { name: 'Ben Okafor' }, { name: 'Chen Wei' }, undefined];
	const zones = ['America/New_York', 'Europe/Berlin', 'Asia/Tokyo', undefined];
	const invoices: Invoice[] = new Array(count);
	for (let index = 0; index < count; index++) {
		const currency = currencies[Math.floor(random() * currencies.length)];
		const scale = scales[currency];
		const totalMinor = Math.round(
			(100 + random() * 20_000) * (currency === 'JPY' ? 150 : 1) * scale,
		);
		const paying = random();
		const paidMinor = paying < 0.7 ? 0 : paying < 0.85 ? Math.round(totalMinor * 0.4) : totalMinor;
		const dueMinor = totalMinor - paidMinor;
		const kind = random();
		const lifecycle =
			kind < 0.03 ? 'draft' : kind < 0.05 ? 'void' : dueMinor === 0 ? 'paid' : 'open';
		const dueDay = asOfDay + Math.floor(random() * 180) - 150;
		const customer = index % 9973;
		invoices[index] = {
			id: `inv_${index}`,
			number: `INV-${100000 + index}`,
			source: 'generic',
			status: lifecycle,
			lifecycle,
			currency,
			total: totalMinor / scale,
			amountPaid: paidMinor / scale,
			amountDue: dueMinor / scale,
			totalMinor,
			amountPaidMinor: paidMinor,
			amountDueMinor: dueMinor,
			amountDueFormatted: String(dueMinor / scale),
			issuedOn: dateOf(dueDay - 30),
			dueOn: dateOf(dueDay),
			customer: {
				id: `cus_${customer}`,
				name: `Customer ${customer}`,
				timezone: zones[customer % zones.length],
			},
			contact: { email: `ap${customer}@example.test` },
			owner: owners[customer % owners.length],
			flags: { disputed: random() < 0.02 },
			promise:
				random() < 0.05 ? { date: dateOf(asOfDay + Math.floor(random() * 10) - 5) } : undefined,
			lastTouchAt:
				random() < 0.5 ? `${dateOf(asOfDay - Math.floor(random() * 40))}T10:00:00Z` : undefined,
			paidOn:
				lifecycle === 'paid'
					? dateOf(Math.min(asOfDay, dueDay + Math.floor(random() * 20) - 5))
					: undefined,
		} as Invoice;
	}
	return invoices;
}

interface Floor {
	open: number;
	amount: number;
	buckets: Float64Array;
}

/** The floor: one plain loop reading the same fields and summing into the same buckets (same currency: no FX). */
function plainLoop(
	items: ReadonlyArray<{
		invoice: Invoice;
		paymentState: { agingBucket: string; daysPastDue: number; state: string };
	}>,
): Floor {
	const buckets = new Float64Array(5);
	const index: Record<string, number> = { not_due: 0, '1-30': 1, '31-60': 2, '61-90': 3, '91+': 4 };
	const states: Record<string, number> = {};
	const currencies: Record<string, number> = {};
	let open = 0;
	let amount = 0;
	for (let at = 0; at < items.length; at++) {
		const { invoice, paymentState } = items[at];
		if (invoice.lifecycle !== 'open' || invoice.amountDueMinor <= 0) continue;
		open++;
		amount += invoice.amountDueMinor;
		buckets[index[paymentState.agingBucket]] += invoice.amountDueMinor;
		states[paymentState.state] = (states[paymentState.state] ?? 0) + 1;
		currencies[invoice.currency] = (currencies[invoice.currency] ?? 0) + invoice.amountDueMinor;
	}
	return { open, amount, buckets };
}

/** CPU milliseconds (user + system, all threads) of one run: honest when other processes share the cores. */
function cpuMs(work: () => unknown): number {
	collectGarbage();
	const before = process.cpuUsage();
	work();
	const used = process.cpuUsage(before);
	return (used.user + used.system) / 1000;
}

function mb(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

export async function run(): Promise<BenchRow[]> {
	const runs = benchRuns(5);
	const invoices = makeInvoices(COUNT);
	const stateOptions = { asOf: AS_OF };
	const items = invoices.map((invoice) => ({
		invoice,
		paymentState: checkPaymentState(invoice, stateOptions),
	}));
	collectGarbage();
	const bookRss = process.memoryUsage().rss;
	const options = { asOf: AS_OF, currency: 'USD', fxRates: FX, highValue: 10_000 };

	const floor = await medianMs(runs, () => plainLoop(items));
	const numbers = await medianMs(runs, () =>
		buildCollectionsReport(items, { ...options, renders: false }),
	);
	const peakNumbers = process.resourceUsage().maxRSS * 1024;
	collectGarbage();
	const heapBefore = process.memoryUsage().heapUsed;
	const kept = buildCollectionsReport(items, { ...options, renders: false });
	collectGarbage();
	const retained = process.memoryUsage().heapUsed - heapBefore;
	// As the node does: every render, the CSV in chunks, each read as it is made (the stream the node hands to
	// prepareBinaryData). Then once more into a file, as n8n's filesystem binary data store writes that stream: n8n's
	// own work, which it did for the Buffer the node handed it before too.
	const chunkOptions = { ...options, csvChunks: { bom: true } };
	const node = await medianMs(Math.min(runs, 3), () =>
		drain(buildCollectionsReport(items, chunkOptions)),
	);
	const peakNode = process.resourceUsage().maxRSS * 1024;
	const file = join(tmpdir(), `report-bench-${process.pid}.csv`);
	collectGarbage();
	const fileStarted = performance.now();
	await fs.writeFile(
		file,
		Readable.from(buildCollectionsReport(items, chunkOptions).renders.csvChunks!),
	);
	const toFileMs = performance.now() - fileStarted;
	const csvBytes = (await fs.stat(file)).size;
	const all = await medianMs(Math.min(runs, 3), () => buildCollectionsReport(items, options));
	const peakAll = process.resourceUsage().maxRSS * 1024;
	// The CSV as one Buffer (csvBytes, with Excel's BOM): the same bytes as the file.
	const bytesOptions = { ...options, csvBytes: { bom: true } };
	let sameBytes = false;
	const asBytes = await medianMs(Math.min(runs, 3), () => {
		const bytes = buildCollectionsReport(items, bytesOptions).renders.csvBytes!;
		sameBytes = bytes.length === csvBytes;
	});
	sameBytes &&= await sameAsFile(
		buildCollectionsReport(items, bytesOptions).renders.csvBytes!,
		file,
	);
	await fs.rm(file, { force: true });
	const peakBytes = process.resourceUsage().maxRSS * 1024;
	const plain = await medianMs(Math.min(runs, 3), () =>
		buildCollectionsReport(invoices, { ...options, renders: false }),
	);
	const cpu = {
		floor: cpuMs(() => plainLoop(items)),
		numbers: cpuMs(() => buildCollectionsReport(items, { ...options, renders: false })),
		all: cpuMs(() => buildCollectionsReport(items, options)),
		plain: cpuMs(() => buildCollectionsReport(invoices, { ...options, renders: false })),
		bytes: cpuMs(() => buildCollectionsReport(items, bytesOptions)),
		// The chunks read in memory here (no file), so the figure is the report's own CPU.
		node: cpuMs(() => drain(buildCollectionsReport(items, chunkOptions))),
	};
	const cpuNote = (ms: number) => `CPU ${ms.toFixed(0)} ms (floor ${cpu.floor.toFixed(0)} ms)`;

	const verdict = (ms: number) =>
		`< ${GOAL_MS} ms for 1M: ${ms < GOAL_MS ? 'pass' : 'FAIL'} (${formatRatio(ratio(ms, floor.ms))} the floor)`;
	return [
		{
			name: 'Collections Report: node-output items, numbers only',
			items: COUNT,
			ms: numbers.ms,
			floorMs: floor.ms,
			goal: verdict(numbers.ms),
			note: `${usPerItem(numbers.ms, COUNT)}; ${cpuNote(cpu.numbers)}; ${kept.summary.openCount} open; peak RSS ${mb(peakNumbers)} (book alone ${mb(bookRss)}); report retains ${mb(Math.max(0, retained))}`,
		},
		{
			name: 'Collections Report: every render as the node does (the CSV as bytes, in chunks read as made)',
			items: COUNT,
			ms: node.ms,
			floorMs: floor.ms,
			goal: verdict(node.ms),
			note: `${usPerItem(node.ms, COUNT)}; ${cpuNote(cpu.node)}; CSV ${mb(csvBytes)} (${toFileMs.toFixed(0)} ms with n8n's filesystem store's write of it into a file); peak RSS ${mb(peakNode)}: ${perInvoice(bookRss)} for the book, ${perInvoice(peakNode - bookRss)} more at the peak`,
		},
		{
			name: 'Collections Report: every render, CSV as one string (MD, HTML, SVG, Slack, CSV)',
			items: COUNT,
			ms: all.ms,
			floorMs: floor.ms,
			goal: verdict(all.ms),
			note: `${usPerItem(all.ms, COUNT)}; ${cpuNote(cpu.all)}; peak RSS ${mb(peakAll)}: ${perInvoice(peakAll - bookRss)} more than the book at the peak`,
		},
		{
			name: 'Collections Report: every render, CSV as one Buffer (csvBytes)',
			items: COUNT,
			ms: asBytes.ms,
			floorMs: floor.ms,
			goal: verdict(asBytes.ms),
			note: `${usPerItem(asBytes.ms, COUNT)}; ${cpuNote(cpu.bytes)}; the same bytes as the streamed file: ${sameBytes ? 'yes' : 'NO'}; peak RSS ${mb(peakBytes)}: ${perInvoice(peakBytes - bookRss)} more than the book at the peak`,
		},
		{
			name: 'Collections Report: plain invoices (payment state computed per invoice)',
			items: COUNT,
			ms: plain.ms,
			floorMs: floor.ms,
			goal: verdict(plain.ms),
			note: `${usPerItem(plain.ms, COUNT)}; ${cpuNote(cpu.plain)}`,
		},
	];
}

/** Reads every chunk of the report's CSV (in memory: the report's own work, without a file's). */
function drain(report: { renders: { csvChunks?: Iterable<Buffer> } }): number {
	let bytes = 0;
	for (const chunk of report.renders.csvChunks ?? []) bytes += chunk.length;
	return bytes;
}

/** Is the file, read back in chunks, exactly these bytes? */
async function sameAsFile(bytes: Buffer, file: string): Promise<boolean> {
	let offset = 0;
	for await (const chunk of createReadStream(file)) {
		const part = chunk as Buffer;
		if (!part.equals(bytes.subarray(offset, offset + part.length))) return false;
		offset += part.length;
	}
	return offset === bytes.length;
}

/** Bytes per invoice of a memory figure, for the linear-memory statement. */
function perInvoice(bytes: number): string {
	return `${Math.max(0, bytes / COUNT).toFixed(0)} B per invoice`;
}

/**
 * A book past V8's string limit for the CSV (BENCH_REPORT_LARGE, default 5,000,000; 0 skips it): the report with
 * every render as the node asks for it (the CSV in chunks, streamed to a file), then with the CSV as one Buffer
 * (`csvBytes`), once each. The goal is that both complete.
 */
export async function runLarge(): Promise<BenchRow[]> {
	const count = Number(process.env.BENCH_REPORT_LARGE ?? 5_000_000);
	if (!count) return [];
	const invoices = makeInvoices(count);
	const stateOptions = { asOf: AS_OF, timezone: 'UTC' };
	const items = invoices.map((invoice) => ({
		invoice,
		paymentState: checkPaymentState(invoice, stateOptions),
	}));
	collectGarbage();
	const bookRss = process.memoryUsage().rss;
	const options = { asOf: AS_OF, currency: 'USD', fxRates: FX, highValue: 10_000 };
	const file = join(tmpdir(), `report-bench-large-${process.pid}.csv`);
	const started = performance.now();
	let outcome: string;
	let bytesOutcome = '';
	let peakNode = 0;
	let streamedMs = 0;
	try {
		const report = buildCollectionsReport(items, { ...options, csvChunks: { bom: true } });
		await fs.writeFile(file, Readable.from(report.renders.csvChunks!));
		const size = (await fs.stat(file)).size;
		outcome = `completed: CSV ${mb(size)} streamed for ${report.summary.openCount.toLocaleString('en-US')} open invoices`;
		streamedMs = performance.now() - started;
		peakNode = process.resourceUsage().maxRSS * 1024;
		const bytesStarted = performance.now();
		const bytes = buildCollectionsReport(items, { ...options, csvBytes: { bom: true } }).renders
			.csvBytes!;
		bytesOutcome = `; as one Buffer (csvBytes): ${bytes.length === size ? 'completed, the same size' : `FAILED: ${bytes.length} bytes`} in ${(performance.now() - bytesStarted).toFixed(0)} ms`;
	} catch (error) {
		outcome = `FAILED: ${(error as Error).message}`;
	} finally {
		await fs.rm(file, { force: true });
	}
	const ms = streamedMs || performance.now() - started;
	const peak = process.resourceUsage().maxRSS * 1024;
	const met = outcome.startsWith('completed') && !bytesOutcome.includes('FAILED');
	return [
		{
			name: `Collections Report: ${count.toLocaleString('en-US')} invoices, every render (CSV streamed, then as one Buffer)`,
			items: count,
			ms,
			goal: `completes without an error: ${met ? 'MET' : 'NOT MET'}`,
			note: `${outcome}${bytesOutcome}; ${usPerItem(ms, count)} streamed; book ${mb(bookRss)} (${(bookRss / count).toFixed(0)} B per invoice); peak RSS ${mb(peakNode)} streamed (${((peakNode - bookRss) / count).toFixed(0)} B per invoice more), ${mb(peak)} with the Buffer`,
		},
	];
}

if (require.main === module) {
	void run().then((rows) => {
		for (const row of rows)
			out(
				`${row.name}: ${row.ms.toFixed(0)} ms (floor ${row.floorMs?.toFixed(0)} ms) · ${row.goal} · ${row.note}`,
			);
	});
}
