// Scores the guardrail lint on the writer lists and the blind lists (written by someone who never saw the lexicons).
// Usage: npm run build, then: bash scripts/with-node24.sh node scripts/eval/lint-blind.js
const { existsSync, readFileSync } = require('fs');
const repo = require('path').resolve(
	process.argv[2] || require('path').join(__dirname, '..', '..'),
);
const F = repo + '/tests/fixtures/lint/';
const { lintMessage } = require(repo + '/dist/src');
const load = (f) =>
	readFileSync(f, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((l) => JSON.parse(l));
for (const [name, threatFile, benignFile] of [
	['writer lists (tests/fixtures/lint)', F + 'lex-threats.jsonl', F + 'lex-benign.jsonl'],
	['guard lists', F + 'guard-threats.jsonl', F + 'guard-benign.jsonl'],
	['blind lists', F + 'blind-threats.jsonl', F + 'blind-benign.jsonl'],
	['blind lists 3 (a second writer)', F + 'blind3-threats.jsonl', F + 'blind3-benign.jsonl'],
	[
		'blind lists 4 (a third writer; scored once before the euphemism and spelt-out-letter fixes)',
		F + 'blind4-threats.jsonl',
		F + 'blind4-benign.jsonl',
	],
]) {
	if (!existsSync(threatFile)) continue;
	const threats = load(threatFile),
		benign = load(benignFile);
	const byLang = {};
	let caught = 0,
		alarms = 0;
	const missed = [],
		falseAlarms = [];
	for (const t of threats) {
		const hit = lintMessage(t.text, 'reminder').some((f) => f.rule !== 'internal_notes' || true);
		const l = (byLang[t.lang] ??= { t: 0, c: 0, b: 0, a: 0 });
		l.t++;
		if (hit) {
			caught++;
			l.c++;
		} else missed.push(t);
	}
	for (const b of benign) {
		const hit = lintMessage(b.text, 'reminder').length > 0;
		const l = (byLang[b.lang] ??= { t: 0, c: 0, b: 0, a: 0 });
		l.b++;
		if (hit) {
			alarms++;
			l.a++;
			falseAlarms.push([b, lintMessage(b.text, 'reminder')]);
		}
	}
	console.log(
		`\n${name}: caught ${caught}/${threats.length} (${((100 * caught) / threats.length).toFixed(1)}%), false alarms ${alarms}/${benign.length} (${((100 * alarms) / benign.length).toFixed(1)}%)`,
	);
	for (const [lang, l] of Object.entries(byLang))
		console.log(`  ${lang}: caught ${l.c}/${l.t}, false alarms ${l.a}/${l.b}`);
	if (process.env.SHOW) {
		for (const m of missed) console.log('  MISS', m.id, m.category, m.text);
		for (const [b, f] of falseAlarms)
			console.log('  FA', b.id, b.text, f.map((x) => x.rule + ':' + x.phrase).join(','));
	}
}
