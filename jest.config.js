// Three layers, one command (npm test): unit (pure src), node (workflows in the n8n engine, in-process)
// and e2e (a real n8n instance). `--selectProjects` runs one layer.
const transform = { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] };

const common = {
	transform,
	// Crawl only the sources: n8n user folders and the runtime install must stay out of jest's module map.
	roots: ['<rootDir>/tests', '<rootDir>/src', '<rootDir>/nodes', '<rootDir>/credentials'],
	testEnvironment: 'node',
	moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
	projects: [
		{ ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
		{
			...common,
			displayName: 'node',
			testMatch: ['<rootDir>/tests/node/**/*.test.ts'],
			// One copy of n8n-workflow for the engine and our nodes, so instanceof checks on its errors hold.
			moduleNameMapper: {
				'^n8n-workflow$': '<rootDir>/scripts/runtime/n8n/node_modules/n8n-workflow',
			},
		},
		{ ...common, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
	],
	testTimeout: 30_000,
};
