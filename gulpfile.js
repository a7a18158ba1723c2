// The asset step of the build: tsc compiles the TypeScript, this copies what tsc does not
// (node icons, codex files and the triage model) next to the compiled nodes and credentials in dist/.
const { src, dest } = require('gulp');

function copyAssets() {
	return src(['nodes/**/*.{svg,png,json}', 'credentials/**/*.{svg,png}', 'src/**/*.model.json'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:assets'] = copyAssets;
exports.default = copyAssets;
