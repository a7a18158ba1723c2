#!/usr/bin/env node
/**
 * Quoted history and signatures: email-reply-parser (2.3.9) against src/triage/parse.ts, on the writers' replies
 * (tests/fixtures/replies/train, never the blind sets). Each side strips the reply; the same engine (rules + the
 * shipped classifier) then triages what is left, and the intent accuracy and promise dates are compared.
 * Needs `npm install --no-save email-reply-parser@2.3.9` (evaluation only; not a dependency) and a build (dist/).
 */
const { readFileSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const { triageReply } = require(join(ROOT, 'dist', 'src', 'triage', 'rules'));
const EmailReplyParser = require('email-reply-parser').default;

const DIR = join(ROOT, 'tests', 'fixtures', 'replies', 'train');
const cases = readdirSync(DIR)
	.filter((file) => file.endsWith('.jsonl'))
	.flatMap((file) =>
		readFileSync(join(DIR, file), 'utf8')
			.split('\n')
			.filter((line) => line.trim() !== '')
			.map((line) => JSON.parse(line)),
	);

function score(name, strip) {
	let right = 0;
	let dates = 0;
	let withDate = 0;
	let ms = 0;
	for (const item of cases) {
		const started = process.hrtime.bigint();
		const text = strip(item.text);
		ms += Number(process.hrtime.bigint() - started) / 1e6;
		const got = triageReply({ ...item, text }, { timezone: item.timezone });
		if (got.intent === item.expected.intent) right++;
		if (item.expected.promisedDate) {
			withDate++;
			if (got.extracted.promisedDate === item.expected.promisedDate) dates++;
		}
	}
	process.stdout.write(
		`${name}: intent ${((100 * right) / cases.length).toFixed(1)}% (${right}/${cases.length}), promise dates ${dates}/${withDate}, stripping ${ms.toFixed(0)} ms\n`,
	);
}

score('parse.ts (own)', (text) => text);
score('email-reply-parser 2.3.9 then parse.ts', (text) => new EmailReplyParser().parseReply(text));
