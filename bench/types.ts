/** One line of the `npm run bench` table. Every bench/<area>.bench.ts returns these from `run()`. */
export interface BenchRow {
	name: string;
	/** Items (invoices, replies, ...) processed in one timed run. */
	items: number;
	/** Median milliseconds of one timed run. */
	ms: number;
	/** Median milliseconds of the floor: the same pure src function in a plain JS loop, or the raw operation. */
	floorMs?: number;
	/** The goal, in words, with the measured verdict where the bench can tell ("≤ 1.5× pass-through: 1.21×"). */
	goal?: string;
	note?: string;
}

/** What a bench/<area>.bench.ts file exports. */
export type BenchModule = { run(): Promise<BenchRow[]> };
