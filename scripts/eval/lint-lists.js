// Scores the guardrail lint on any lists: the first file holds threats, the others benign sentences (JSON lines, { lang, text }).
// Usage: npm run build, then: bash scripts/with-node24.sh node scripts/eval/lint-lists.js tests/fixtures/lint/lex-threats.jsonl tests/fixtures/lint/lex-benign.jsonl tests/fixtures/lint/guard-benign.jsonl
const { readFileSync } = require('fs');
const { lintMessage } = require(require('path').join(__dirname, '..', '..', 'dist', 'src'));
const load = (f) =>
	readFileSync(f, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((l) => JSON.parse(l));
const [threatFile, ...benignFiles] = process.argv.slice(2);
const threats = load(threatFile);
let caught = 0;
const missed = [];
for (const t of threats) {
	if (lintMessage(t.text, 'reminder').length > 0) caught++;
	else missed.push(t.text);
}
console.log(
	`caught ${caught}/${threats.length} (${((100 * caught) / threats.length).toFixed(1)}%)`,
);
missed.forEach((m) => console.log('  MISSED', m));
for (const f of benignFiles) {
	const benign = load(f);
	let alarms = 0;
	for (const b of benign) {
		const fs = lintMessage(b.text, 'reminder');
		if (fs.length) {
			alarms++;
			console.log('  ALARM', b.lang, JSON.stringify(fs.map((x) => [x.rule, x.phrase])), b.text);
		}
	}
	console.log(
		`${f}: false alarms ${alarms}/${benign.length} (${((100 * alarms) / benign.length).toFixed(1)}%)`,
	);
}
