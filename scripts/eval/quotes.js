#!/usr/bin/env node
// Quoted history and signatures: planer (1.2.0, the JavaScript port of Mailgun's talon) and email-reply-parser
// (2.3.9) in front of src/triage/parse.ts, against parse.ts alone: each side strips the reply, the same engine
// (rules + the shipped classifier) triages
// what is left, and intent accuracy, promise dates and the stripping time are compared. The writers' replies
// (tests/fixtures/replies/train), never the blind sets.
// Evaluation only, not dependencies: npm install --no-save planer@1.2.0 email-reply-parser@2.3.9 (or install them in
// another folder and set QUOTES_MODULES=<that folder>/node_modules), npm run build, then
//   bash scripts/with-node24.sh node scripts/eval/quotes.js
const { readFileSync, readdirSync } = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..', '..');
const { triageReply } = require(path.join(ROOT, 'dist', 'src', 'triage', 'rules'));
const load = (name) =>
	require(process.env.QUOTES_MODULES ? path.join(process.env.QUOTES_MODULES, name) : name);
const planer = load('planer');
const EmailReplyParser = load('email-reply-parser').default;

const DIR = path.join(ROOT, 'tests', 'fixtures', 'replies', 'train');
const cases = readdirSync(DIR)
	.filter((file) => file.endsWith('.jsonl'))
	.sort()
	.flatMap((file) =>
		readFileSync(path.join(DIR, file), 'utf8')
			.split('\n')
			.filter((line) => line.trim() !== '')
			.map((line) => JSON.parse(line)),
	);

function score(name, strip) {
	let right = 0;
	let dates = 0;
	let withDate = 0;
	let ms = 0;
	const perLang = {};
	for (const item of cases) {
		const started = process.hrtime.bigint();
		const text = strip(item.text);
		ms += Number(process.hrtime.bigint() - started) / 1e6;
		const got = triageReply({ ...item, text }, { timezone: item.timezone });
		const lang = (perLang[item.lang || 'en'] ??= { n: 0, ok: 0 });
		lang.n++;
		if (got.intent === item.expected.intent) {
			right++;
			lang.ok++;
		}
		if (item.expected.promisedDate) {
			withDate++;
			if (got.extracted.promisedDate === item.expected.promisedDate) dates++;
		}
	}
	const pct = (a, b) => `${((100 * a) / b).toFixed(1)}%`;
	process.stdout.write(
		`| ${name} | ${pct(right, cases.length)} (${right}/${cases.length}) | ${dates}/${withDate} | ${ms.toFixed(0)} ms | ${Object.entries(
			perLang,
		)
			.sort()
			.map(([lang, v]) => `${lang} ${pct(v.ok, v.n)}`)
			.join(', ')} |\n`,
	);
}

process.stdout.write(
	`${cases.length} writers' replies\n| stripping | intent | promise dates | time to strip all | intent per language |\n| --- | ---: | ---: | ---: | --- |\n`,
);
score('parse.ts (own)', (text) => text);
score('planer 1.2.0 then parse.ts', (text) => planer.extractFrom(text, 'text/plain'));
score('email-reply-parser 2.3.9 then parse.ts', (text) => new EmailReplyParser().parseReply(text));
