// n8n-node lint, with the configuration without n8n Cloud support: this package has runtime dependencies
// (handlebars, openai, luxon, zod), which Cloud-verified packages may not have.
import { configWithoutCloudSupport } from '@n8n/node-cli/eslint';

export default [
	// Build output and local n8n folders are not sources.
	{
		ignores: [
			'.bench-build/**',
			'.n8n-local/**',
			'.n8n-test/**',
			'scripts/runtime/**',
			'coverage/**',
			// Evaluation scripts for the blind sets: plain Node, never published.
			'scripts/eval/**',
		],
	},
	...configWithoutCloudSupport,
	{
		// @n8n/eslint-plugin-community-nodes 0.32 still errors on any "dependencies" in the no-cloud preset; the
		// whole point of that preset here is to ship them, so the rule is off for package.json only.
		files: ['package.json'],
		rules: { '@n8n/community-nodes/no-runtime-dependencies': 'off' },
	},
	{
		// Tests, benchmarks and scripts start n8n and fake servers; they are never part of the published package.
		files: ['tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
		rules: { '@n8n/community-nodes/no-dangerous-functions': 'off' },
	},
];
