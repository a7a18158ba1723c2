import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * n8n's node panel searches a node's display name and its codex aliases. Whatever words an accounts-receivable user
 * types, every node of the package should come up, not two of the five.
 */
const ROOT = join(__dirname, '..', '..');
const SEARCH_TERMS = [
	'invoice',
	'payment',
	'collections',
	'accounts receivable',
	'dunning',
	'reminder',
	'AR',
];

const codexFiles = readdirSync(join(ROOT, 'nodes'), { withFileTypes: true })
	.filter((entry) => entry.isDirectory())
	.flatMap((entry) =>
		readdirSync(join(ROOT, 'nodes', entry.name))
			.filter((file) => file.endsWith('.node.json'))
			.map((file) => join('nodes', entry.name, file)),
	);

describe('codex aliases: the node panel finds every node', () => {
	it('has a codex file for every node the package lists', () => {
		const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
			n8n: { nodes: string[] };
		};
		expect(codexFiles.map((file) => `dist/${file.replace(/\.json$/, '.js')}`).sort()).toEqual(
			[...manifest.n8n.nodes].sort(),
		);
	});

	it.each(codexFiles)('%s answers every accounts-receivable search term', (file) => {
		const codex = JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as { alias: string[] };
		const aliases = new Set(codex.alias.map((alias) => alias.toLowerCase()));
		const missing = SEARCH_TERMS.filter((term) => !aliases.has(term.toLowerCase()));
		expect(missing).toEqual([]);
		expect(new Set(codex.alias).size).toBe(codex.alias.length);
	});
});
