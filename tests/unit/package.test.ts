import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The package as n8n and a Code node see it: package.json's `main` gives the library API, and every node and credential
 * the `n8n` key lists exists in dist/ with its codex and icons. Runs after the build (npm test builds first).
 */
const ROOT = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
	main: string;
	keywords: string[];
	license: string;
	n8n: { n8nNodesApiVersion: number; nodes: string[]; credentials: string[] };
};
const built = existsSync(join(ROOT, manifest.main));

(built ? describe : describe.skip)('the published package', () => {
	it('is a community package n8n will list', () => {
		expect(manifest.keywords).toContain('n8n-community-node-package');
		expect(manifest.license).toBe('MIT');
		expect(manifest.n8n.n8nNodesApiVersion).toBe(1);
	});

	it("require('n8n-nodes-invoice-followup') gives the public library API under its exact names", () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const library = require(join(ROOT, manifest.main)) as Record<string, unknown>;
		for (const name of [
			'normalizeInvoice',
			'checkPaymentState',
			'planCadenceStep',
			'renderMessage',
			'lintMessage',
			'triageReply',
			'evaluateEscalation',
			'buildCollectionsReport',
		]) {
			expect(typeof library[name]).toBe('function');
		}
	});

	it.each(manifest.n8n.nodes)(
		'%s: a usable-as-tool node with a subtitle, light and dark icons and a Finance & Accounting codex',
		(file) => {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const module = require(join(ROOT, file)) as Record<
				string,
				new () => { description: Record<string, unknown> }
			>;
			const description = new (Object.values(module)[0])().description;
			expect(description.usableAsTool).toBe(true);
			expect(typeof description.subtitle).toBe('string');
			const icon = description.icon as { light: string; dark: string };
			const folder = dirname(join(ROOT, file));
			const light = readFileSync(join(folder, icon.light.replace('file:', '')), 'utf8');
			const dark = readFileSync(join(folder, icon.dark.replace('file:', '')), 'utf8');
			expect(light).not.toBe(dark);
			const codex = JSON.parse(
				readFileSync(join(ROOT, file.replace(/\.js$/, '.json')), 'utf8'),
			) as { node: string; categories: string[] };
			expect(codex.node).toBe(`n8n-nodes-invoice-followup.${description.name as string}`);
			expect(codex.categories).toContain('Finance & Accounting');
		},
	);

	it.each(manifest.n8n.credentials)(
		'%s exists and is tested against GET {baseUrl}/models',
		(file) => {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const module = require(join(ROOT, file)) as Record<
				string,
				new () => { name: string; test: { request: { url: string } } }
			>;
			const credential = new (Object.values(module)[0])();
			expect(credential.name).toBe('openAiCompatibleApi');
			expect(credential.test.request.url).toBe('/models');
		},
	);
});
