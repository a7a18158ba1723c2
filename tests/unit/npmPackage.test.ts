import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What `npm publish` would ship, read from `npm pack --dry-run --json`: the licence, the templates the README points
 * to, the built nodes, and no source maps that point at TypeScript the package does not carry. The README is the
 * registry page, so its images must be absolute URLs.
 */
const ROOT = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
	main: string;
	repository: { url: string };
	n8n: { nodes: string[]; credentials: string[] };
	peerDependencies: Record<string, string>;
	peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};
const built = existsSync(join(ROOT, manifest.main));

function packedFiles(): string[] {
	const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	});
	const [pack] = JSON.parse(output) as Array<{ files: Array<{ path: string }> }>;
	return pack.files.map((file) => file.path);
}

describe('the npm package', () => {
	const files = packedFiles();

	it('ships the MIT licence, the README and every template workflow', () => {
		expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json']));
		expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
		const templates = readdirSync(join(ROOT, 'workflows'))
			.filter((file) => file.endsWith('.json'))
			.map((file) => `workflows/${file}`);
		expect(templates.length).toBeGreaterThan(0);
		expect(files).toEqual(expect.arrayContaining([...templates, 'workflows/README.md']));
	});

	it('ships no sources, tests, source maps or local folders', () => {
		const stray = files.filter(
			(file) =>
				file.endsWith('.map') ||
				(file.endsWith('.ts') && !file.endsWith('.d.ts')) ||
				/^(src|nodes|tests|bench|scripts|credentials|node_modules|\.n8n-[a-z]+)\//.test(file),
		);
		expect(stray).toEqual([]);
	});

	(built ? it : it.skip)('ships every node and credential n8n loads, with its codex', () => {
		const expected = [...manifest.n8n.nodes, ...manifest.n8n.credentials, manifest.main];
		expected.push(...manifest.n8n.nodes.map((file) => file.replace(/\.js$/, '.json')));
		expect(files).toEqual(expect.arrayContaining(expected));
	});

	it('leaves the n8n-workflow peer to the n8n that loads it (npm would otherwise install n8n-workflow and isolated-vm)', () => {
		expect(manifest.peerDependencies['n8n-workflow']).toBeDefined();
		expect(manifest.peerDependenciesMeta?.['n8n-workflow']?.optional).toBe(true);
	});

	it("README images are absolute URLs to the repository's raw files, so they render on the registry page", () => {
		const repository = /github\.com\/([^/]+\/[^/.]+)/.exec(manifest.repository.url)?.[1];
		const raw = `https://raw.githubusercontent.com/${repository}/main/`;
		const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
		const images = [
			...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g),
			...readme.matchAll(/<img[^>]+src="([^"]+)"/g),
		].map((match) => match[1]);
		expect(images.length).toBeGreaterThan(0);
		// A relative path breaks on npmjs.com: write it as the raw URL above + the path in the repository.
		expect(images.filter((image) => !image.startsWith(raw))).toEqual([]);
		const missing = images.filter((image) => !existsSync(join(ROOT, image.slice(raw.length))));
		expect(missing).toEqual([]);
	});
});
