/**
 * `node treeRss.js <command...>`: runs the command and samples, every 100 ms, the resident memory of it and all its
 * descendants (from /proc). A Code node runs in n8n's task runner, a second process that holds its own copy of the
 * items, so the peak of the largest process alone under-counts what the Code-node workflow needs; the peak of the
 * sum over the tree is what the machine must have. Prints `BENCH_TREE_PEAK_KB=<sum>` and
 * `BENCH_LARGEST_PEAK_KB=<largest single process>` on stderr and exits with the command's code. With
 * BENCH_RSS_SERIES=<file> it also writes every sample (`<epoch ms> <sum KB> <largest KB> <CPU ticks so far>` per line), so the caller
 * can take the peak within the execution itself (n8n's startedAt to stoppedAt). Linux only.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const PAGE_KB = 4;

/** Parent pid and CPU ticks (user + system) of a process, from /proc/<pid>/stat. */
function statOf(pid: number): { parent: number; ticks: number } | null {
	try {
		// The command name (field 2) may hold spaces and brackets: the other fields follow its closing bracket.
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
	} catch {
		return null;
	}
}

function rssKb(pid: number): number {
	try {
		return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_KB;
	} catch {
		return 0;
	}
}

/**
 * Resident KB of `root` and every descendant (the sum and the largest), and the CPU ticks they have used so far
 * (1/100 s each on Linux): the difference between two samples is the CPU the tree spent in between.
 */
export function treeRss(root: number): { sumKb: number; largestKb: number; ticks: number } {
	const children = new Map<number, number[]>();
	const ticksOf = new Map<number, number>();
	for (const name of readdirSync('/proc')) {
		const pid = Number(name);
		if (!Number.isInteger(pid)) continue;
		const stat = statOf(pid);
		if (stat === null) continue;
		ticksOf.set(pid, stat.ticks);
		children.set(stat.parent, [...(children.get(stat.parent) ?? []), pid]);
	}
	let sumKb = 0;
	let largestKb = 0;
	let ticks = 0;
	const stack = [root];
	while (stack.length > 0) {
		const pid = stack.pop()!;
		const kb = rssKb(pid);
		sumKb += kb;
		largestKb = Math.max(largestKb, kb);
		ticks += ticksOf.get(pid) ?? 0;
		stack.push(...(children.get(pid) ?? []));
	}
	return { sumKb, largestKb, ticks };
}

if (require.main === module) {
	const [command, ...args] = process.argv.slice(2);
	const child = spawn(command, args, { stdio: 'inherit' });
	let peakSum = 0;
	let peakLargest = 0;
	const series: string[] = [];
	const sample = () => {
		if (child.pid === undefined) return;
		const { sumKb, largestKb, ticks } = treeRss(child.pid);
		peakSum = Math.max(peakSum, sumKb);
		peakLargest = Math.max(peakLargest, largestKb);
		series.push(`${Date.now()} ${sumKb} ${largestKb} ${ticks}`);
	};
	const timer = setInterval(sample, 100);
	child.on('exit', (code, signal) => {
		clearInterval(timer);
		if (process.env.BENCH_RSS_SERIES)
			writeFileSync(process.env.BENCH_RSS_SERIES, series.join('\n') + '\n');
		process.stderr.write(`\nBENCH_TREE_PEAK_KB=${peakSum}\nBENCH_LARGEST_PEAK_KB=${peakLargest}\n`);
		process.exitCode = code ?? (signal ? 1 : 0);
	});
}
