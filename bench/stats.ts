/** Timing helpers for the benchmarks: medians of several runs, with a garbage collection before each. */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Collects garbage when node runs with --expose-gc, so one run's garbage is not billed to the next. */
export function collectGarbage(): void {
	(globalThis as { gc?: () => void }).gc?.();
}

/** Median wall time of `runs` calls (after `warmup` untimed ones). */
export async function medianMs(
	runs: number,
	work: () => unknown,
	warmup = 1,
): Promise<{ ms: number; all: number[] }> {
	for (let index = 0; index < warmup; index++) await work();
	const all: number[] = [];
	for (let index = 0; index < runs; index++) {
		collectGarbage();
		const start = performance.now();
		await work();
		all.push(performance.now() - start);
	}
	return { ms: median(all), all };
}

/** Runs count from BENCH_RUNS (default 5; at least 1). */
export function benchRuns(fallback = 5): number {
	const value = Number(process.env.BENCH_RUNS);
	return Number.isInteger(value) && value > 0 ? value : fallback;
}

export function ratio(numerator: number, denominator: number): number {
	return denominator > 0 ? numerator / denominator : Number.POSITIVE_INFINITY;
}

export function formatRatio(value: number): string {
	if (!Number.isFinite(value)) return '∞';
	return value >= 100
		? `${value.toFixed(0)}×`
		: value >= 10
			? `${value.toFixed(1)}×`
			: `${value.toFixed(2)}×`;
}

export function usPerItem(ms: number, items: number): string {
	return `${((ms * 1000) / items).toFixed(2)} µs/item`;
}

export function out(line = ''): void {
	process.stdout.write(`${line}\n`);
}

/** The 1, 5 and 15 minute load averages against the core count: a figure taken on a busy machine says so. */
export function loadLine(): string {
	const [one, five, fifteen] = loadavg().map((value) => value.toFixed(2));
	return `load average ${one}, ${five}, ${fifteen} on ${cpus().length} cores`;
}
