import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';

/**
 * A clone with nothing beside it must test and run: no code may read a `shared` folder outside the repository
 * (the vendor payloads live in tests/fixtures/vendors). `nodes/shared` is inside the repository and is fine.
 */
const ROOT = join(__dirname, '..', '..');
const SCANNED = ['tests', 'src', 'nodes', 'credentials', 'bench', 'scripts'];
const ROOT_FILES = ['jest.config.js', 'gulpfile.js', 'eslint.config.mjs', 'package.json'];
const CODE = new Set(['.ts', '.js', '.mjs', '.cjs', '.sh', '.json', '']);
const SKIPPED_DIRS = new Set(['node_modules', 'fixtures', 'artifacts']);

function* filesUnder(dir: string): Generator<string> {
	for (const entry of readdirSync(dir)) {
		const path = join(dir, entry);
		if (statSync(path).isDirectory()) {
			if (!SKIPPED_DIRS.has(entry)) yield* filesUnder(path);
		} else if (CODE.has(extname(entry))) {
			yield path;
		}
	}
}

const outside = (path: string) => relative(ROOT, path).split(sep)[0] === '..';

/** Each way a file could name a `shared` folder outside the repository, with the line it is on. */
function readsOutsideShared(file: string, text: string): string[] {
	const found: string[] = [];
	const bases =
		extname(file) === '.sh' || extname(file) === '' ? [dirname(file), ROOT] : [dirname(file)];
	text.split('\n').forEach((line, index) => {
		const where = `${relative(ROOT, file)}:${index + 1}: ${line.trim()}`;
		if (/\/work\/shared\b/.test(line)) found.push(where);
		// A relative path into the folder beside the repository, or "$ROOT/../shared".
		for (const match of line.matchAll(/((?:\.\.?\/)+)shared\b/g)) {
			const prefix = /\$\{?ROOT\}?\/$/.test(line.slice(0, match.index)) ? [ROOT] : bases;
			if (prefix.some((base) => outside(resolve(base, match[1], 'shared')))) found.push(where);
		}
		// path.join(__dirname, '..', '..', 'shared', ...).
		for (const match of line.matchAll(/(?:join|resolve)\(\s*__dirname((?:\s*,\s*'[^']*')+)/g)) {
			const segments = [...match[1].matchAll(/'([^']*)'/g)].map((segment) => segment[1]);
			const index = segments.indexOf('shared');
			if (index >= 0 && outside(resolve(dirname(file), ...segments.slice(0, index + 1))))
				found.push(where);
		}
	});
	return found;
}

describe('the repository is self-contained', () => {
	it('the detector catches the ways a file could read ../shared', () => {
		// The samples are assembled, so that repository-wide greps for such reads do not flag this test itself.
		const FIXTURES = ['sha' + 'red', 'fixtures'];
		const helper = join(ROOT, 'tests', 'helpers', 'x.ts');
		expect(
			readsOutsideShared(helper, `join(__dirname, '..', '..', '..', '${FIXTURES.join("', '")}')`),
		).toHaveLength(1);
		expect(
			readsOutsideShared(helper, `readFileSync('../../../${FIXTURES.join('/')}/a.json')`),
		).toHaveLength(1);
		expect(
			readsOutsideShared(join(ROOT, 'scripts', 'a.sh'), 'cat "$ROOT/../shared/x"'),
		).toHaveLength(1);
		expect(readsOutsideShared(helper, `cat('/work/${FIXTURES.join('/')}/a.json')`)).toHaveLength(1);
		const node = join(ROOT, 'nodes', 'CadenceStep', 'actions', 'plan.operation.ts');
		expect(readsOutsideShared(node, "import { x } from '../../shared/items';")).toEqual([]);
		expect(
			readsOutsideShared(join(ROOT, 'nodes', 'A', 'A.node.ts'), "from '../shared/items'"),
		).toEqual([]);
	});

	it('no test, source, node, bench or script reads a shared folder outside the repository', () => {
		const files = [
			...SCANNED.flatMap((dir) => [...filesUnder(join(ROOT, dir))]),
			...ROOT_FILES.map((file) => join(ROOT, file)),
		].filter((file) => file !== __filename); // this file holds the detector's examples
		expect(files.length).toBeGreaterThan(50);
		const offending = files.flatMap((file) => readsOutsideShared(file, readFileSync(file, 'utf8')));
		// Copy what a test needs into tests/fixtures/ instead (see tests/fixtures/vendors/SOURCES.md).
		expect(offending).toEqual([]);
	});

	it('every vendor payload the SOURCES note lists is in tests/fixtures/vendors and parses', () => {
		const dir = join(ROOT, 'tests', 'fixtures', 'vendors');
		const sources = readFileSync(join(dir, 'SOURCES.md'), 'utf8');
		const payloads = readdirSync(dir).filter((file) => file.endsWith('.json'));
		expect(payloads.length).toBeGreaterThanOrEqual(12);
		for (const file of payloads) {
			expect(sources).toContain(`**${file}**`);
			expect(() => JSON.parse(readFileSync(join(dir, file), 'utf8'))).not.toThrow();
		}
	});
});
