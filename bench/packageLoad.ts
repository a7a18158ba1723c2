/**
 * Package load: the time to require all five nodes from dist/ in a fresh Node process (median of several), as
 * n8n does at start-up, and proof that `openai` stays out of require.cache until AI mode actually calls a model.
 * n8n has n8n-workflow loaded before it loads community nodes, so the child loads it before the clock starts
 * (the cold figure with it is printed too).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO } from './setup';
import { median } from './stats';
import type { BenchRow } from './types';

const GOAL_MS = 150;

function childScript(files: string[], chat: string, withAi: boolean, preload: boolean): string {
	return `
const { performance } = require('node:perf_hooks');
const openaiModules = () => Object.keys(require.cache).filter((key) => /[\\\\/]node_modules[\\\\/]openai[\\\\/]/.test(key)).length;
${preload ? "require('n8n-workflow');" : ''}
const start = performance.now();
for (const file of ${JSON.stringify(files)}) {
	const exported = require(file);
	for (const NodeType of Object.values(exported)) if (typeof NodeType === 'function') new NodeType();
}
const ms = performance.now() - start;
const result = { ms, openai: openaiModules(), modules: Object.keys(require.cache).length, handlebars: Object.keys(require.cache).filter((key) => /[\\\\/]node_modules[\\\\/]handlebars[\\\\/]/.test(key)).length };
(async () => {
	if (${withAi}) {
		const { chatText } = require(${JSON.stringify(chat)});
		// Port 9 (discard) on 127.0.0.1 refuses the connection: the call fails fast, but only after loading openai.
		const answer = await chatText({ apiKey: 'bench', baseUrl: 'http://127.0.0.1:9/v1', model: 'bench', maxRetries: 0, timeoutMs: 2000 }, [{ role: 'user', content: 'ping' }]);
		result.aiOk = answer.ok;
		result.openaiAfterAi = openaiModules();
	}
	process.stdout.write(JSON.stringify(result));
})();
`;
}

interface ChildResult {
	ms: number;
	openai: number;
	modules: number;
	handlebars: number;
	openaiAfterAi?: number;
}

function child(script: string): ChildResult {
	const result = spawnSync(process.execPath, ['-e', script], {
		cwd: REPO,
		encoding: 'utf8',
		timeout: 60_000,
	});
	if (result.status !== 0)
		throw new Error(`child failed: ${result.stderr.split('\n').slice(0, 5).join(' ')}`);
	return JSON.parse(result.stdout) as ChildResult;
}

export async function run(): Promise<BenchRow[]> {
	const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[] };
	};
	const files = manifest.n8n.nodes.map((file) => join(REPO, file));
	const present = files.filter((file) => existsSync(file));
	const missing = files
		.filter((file) => !existsSync(file))
		.map((file) => file.split('/').pop()!.replace('.node.js', ''));
	const chat = join(REPO, 'dist', 'src', 'ai', 'chat.js');
	const runs = 7;
	const warm: ChildResult[] = [];
	const cold: ChildResult[] = [];
	for (let index = 0; index < runs; index++) {
		warm.push(child(childScript(present, chat, false, true)));
		cold.push(child(childScript(present, chat, false, false)));
	}
	const ai = child(childScript(present, chat, true, true));
	const loadMs = median(warm.map((entry) => entry.ms));
	const openaiLoaded = Math.max(
		...warm.map((entry) => entry.openai),
		...cold.map((entry) => entry.openai),
	);
	const nodesNote = missing.length
		? `${present.length} of 5 nodes in dist (missing: ${missing.join(', ')}; run npm run build when they exist)`
		: 'all 5 nodes from dist';
	return [
		{
			name: 'Require the nodes (n8n-workflow already loaded, as in n8n)',
			items: present.length,
			ms: loadMs,
			goal: `< ${GOAL_MS} ms: ${loadMs < GOAL_MS && missing.length === 0 ? 'MET' : loadMs < GOAL_MS ? 'MET for the nodes present' : 'NOT MET'}`,
			note: `${nodesNote}; fresh process each, median of ${runs}; ${median(warm.map((entry) => entry.modules))} modules in require.cache, ${Math.max(...warm.map((entry) => entry.handlebars))} of them handlebars (loaded on the first render)`,
		},
		{
			name: 'Require the nodes, cold (n8n-workflow included)',
			items: present.length,
			ms: median(cold.map((entry) => entry.ms)),
			note: 'what a script that requires the package pays; n8n itself has n8n-workflow loaded already',
		},
		{
			name: 'openai modules in require.cache after loading',
			items: present.length,
			ms: Number.NaN,
			goal: `0 until AI mode runs: ${openaiLoaded} ${openaiLoaded === 0 ? 'MET' : 'NOT MET'}`,
			note: `after one AI-mode call (src/ai chatText to a closed local port): ${ai.openaiAfterAi ?? '?'} openai modules loaded, so it is loaded lazily and only then`,
		},
	];
}
