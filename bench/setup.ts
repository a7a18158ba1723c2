/**
 * Loaded first by bench/run.ts. The benchmark runs compiled into .bench-build/ (a mirror of the repo layout), so:
 * - the engine harness, which finds the pinned n8n relative to itself, gets a `scripts` link back to the repo;
 * - `n8n-workflow` resolves to the pinned n8n's copy for our nodes too, as jest's moduleNameMapper does in the
 *   node tests and as n8n itself does for a community package (one copy, so its error classes match).
 */
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';

function findRepo(): string {
	let dir = __dirname;
	while (dir !== dirname(dir)) {
		const manifest = join(dir, 'package.json');
		if (
			existsSync(manifest) &&
			JSON.parse(readFileSync(manifest, 'utf8')).name === 'n8n-nodes-invoice-followup'
		)
			return dir;
		dir = dirname(dir);
	}
	throw new Error('bench: cannot find the repository root above ' + __dirname);
}

export const REPO = findRepo();
/** The compiled mirror of the repo (.bench-build), or the repo itself when run from sources. */
export const BUILD = join(__dirname, '..');
export const N8N_MODULES = join(REPO, 'scripts', 'runtime', 'n8n', 'node_modules');

if (BUILD !== REPO && !existsSync(join(BUILD, 'scripts'))) {
	symlinkSync(join(REPO, 'scripts'), join(BUILD, 'scripts'), 'dir');
}

const n8nWorkflow = join(N8N_MODULES, 'n8n-workflow');
type Resolve = (request: string, ...rest: unknown[]) => string;
const moduleInternals = Module as unknown as { _resolveFilename: Resolve };
const resolve = moduleInternals._resolveFilename;
moduleInternals._resolveFilename = function (request: string, ...rest: unknown[]) {
	return resolve.call(this, request === 'n8n-workflow' ? n8nWorkflow : request, ...rest);
};
