// Output-equality check for triage speed work: dumps triageReply (model and rules-only) for every reply in
// tests/fixtures/replies/**/*.jsonl. Usage: node scripts/triage-equality.js <abs dist dir> <out file>; run on the old
// and new builds (copy dist/ aside first) and cmp the two files.
const fs = require('fs'),
	path = require('path');
const dist = process.argv[2];
const { triageReply } = require(path.join(dist, 'src/triage'));
const root = path.join(__dirname, '..', 'tests', 'fixtures', 'replies');
const files = [];
(function walk(d) {
	for (const f of fs.readdirSync(d).sort()) {
		const p = path.join(d, f);
		if (fs.statSync(p).isDirectory()) walk(p);
		else if (f.endsWith('.jsonl')) files.push(p);
	}
})(root);
const out = [];
for (const f of files) {
	for (const line of fs.readFileSync(f, 'utf8').split('\n')) {
		if (!line.trim()) continue;
		const r = JSON.parse(line);
		for (const learned of [true, false]) {
			let res;
			try {
				res = triageReply(r, { timezone: r.timezone, learned });
			} catch (e) {
				res = { error: String(e) };
			}
			out.push(JSON.stringify(res));
		}
	}
}
fs.writeFileSync(process.argv[3], out.join('\n'));
console.log(files.length, 'files', out.length / 2, 'replies');
