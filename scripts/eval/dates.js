#!/usr/bin/env node
// Date and contact extraction of reply triage, over every labelled set (the writers' train files, corpus, holdout,
// fresh, blind, blind2, blind3; never /work/blind4).
// Usage: npm run build, then: bash scripts/with-node24.sh node scripts/eval/dates.js [repo] [--misses] [--set=name]
//   promise dates: replies whose expected intent is promise_to_pay or that carry an expected promisedDate; right when
//     triage's promisedDate equals the expected one (both absent counts as right for a dateless promise);
//   "labelled dates" is the headline figure of replies-blind.js and the corpus test: only replies with a date;
//   false dates: a promisedDate set where none is expected (over every reply of the set);
//   returnDate on out_of_office replies with an expected return date, newContactEmail on wrong_contact ones with one.
// The train files are in-sample for the learned classifier (it picks the intent, and a promise date is only read on
// promise-like replies), so their figures are optimistic for intent, not for the date rules themselves.
const { readFileSync, readdirSync, existsSync } = require('fs');
const path = require('path');

const args = process.argv.slice(2);
const repo = path.resolve(
	args.find((arg) => !arg.startsWith('--')) || path.join(__dirname, '..', '..'),
);
const showMisses = args.includes('--misses');
const only = (args.find((arg) => arg.startsWith('--set=')) || '').slice(6);
const { triageReply } = require(path.join(repo, 'dist', 'src', 'triage', 'rules'));

const DIR = path.join(repo, 'tests', 'fixtures', 'replies');
const load = (file) =>
	readFileSync(file, 'utf8')
		.split('\n')
		.filter((line) => line.trim() !== '')
		.map((line) => JSON.parse(line));
const sets = [
	...readdirSync(path.join(DIR, 'train'))
		.filter((file) => file.endsWith('.jsonl'))
		.sort()
		.map((file) => [file.replace(/\.jsonl$/, ''), path.join(DIR, 'train', file)]),
	...['corpus', 'holdout', 'fresh', 'blind', 'blind2', 'blind3']
		.map((name) => [name, path.join(DIR, `${name}.jsonl`)])
		.filter(([, file]) => existsSync(file)),
].filter(([name]) => !only || name === only);

const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');
const blank = () => ({ n: 0, ok: 0, labelled: 0, labelledOk: 0 });
const total = {
	promise: blank(),
	falseDates: 0,
	calm: 0,
	ret: { n: 0, ok: 0 },
	contact: { n: 0, ok: 0 },
	replies: 0,
};
const totalLang = {};
const misses = [];
let ms = 0;
const rows = [];
for (const [name, file] of sets) {
	const cases = load(file);
	const set = {
		promise: blank(),
		falseDates: 0,
		calm: 0,
		ret: { n: 0, ok: 0 },
		contact: { n: 0, ok: 0 },
	};
	const perLang = {};
	for (const item of cases) {
		const started = process.hrtime.bigint();
		const got = triageReply(
			{
				subject: item.subject,
				text: item.text,
				from: item.from,
				receivedAt: item.receivedAt,
				headers: item.headers,
			},
			{ timezone: item.timezone },
		);
		ms += Number(process.hrtime.bigint() - started) / 1e6;
		total.replies++;
		const expected = item.expected || {};
		const gotDate = got.extracted && got.extracted.promisedDate;
		const lang = item.lang || 'en';
		if (expected.intent === 'promise_to_pay' || expected.promisedDate) {
			const right = (gotDate || null) === (expected.promisedDate || null);
			for (const bucket of [
				set.promise,
				total.promise,
				(perLang[lang] ??= blank()),
				(totalLang[lang] ??= blank()),
			]) {
				bucket.n++;
				if (right) bucket.ok++;
				if (expected.promisedDate) {
					bucket.labelled++;
					if (right) bucket.labelledOk++;
				}
			}
			if (!right)
				misses.push({
					kind: 'promise',
					id: item.id,
					lang,
					zone: item.timezone,
					received: item.receivedAt,
					intent: `${expected.intent}->${got.intent}`,
					expected: expected.promisedDate || '-',
					got: gotDate || '-',
					text: item.text,
				});
		} else {
			set.calm++;
			if (gotDate) {
				set.falseDates++;
				misses.push({
					kind: 'false date',
					id: item.id,
					lang,
					zone: item.timezone,
					received: item.receivedAt,
					intent: `${expected.intent}->${got.intent}`,
					expected: '-',
					got: gotDate,
					text: item.text,
				});
			}
		}
		if (expected.intent === 'out_of_office' && expected.returnDate) {
			set.ret.n++;
			const back = got.extracted && got.extracted.returnDate;
			if (back === expected.returnDate) set.ret.ok++;
			else
				misses.push({
					kind: 'return',
					id: item.id,
					lang,
					zone: item.timezone,
					received: item.receivedAt,
					intent: `${expected.intent}->${got.intent}`,
					expected: expected.returnDate,
					got: back || '-',
					text: item.text,
				});
		}
		if (expected.intent === 'wrong_contact' && expected.newContactEmail) {
			set.contact.n++;
			const contact = got.extracted && got.extracted.newContactEmail;
			if ((contact || '').toLowerCase() === expected.newContactEmail.toLowerCase())
				set.contact.ok++;
			else
				misses.push({
					kind: 'contact',
					id: item.id,
					lang,
					zone: item.timezone,
					received: item.receivedAt,
					intent: `${expected.intent}->${got.intent}`,
					expected: expected.newContactEmail,
					got: contact || '-',
					text: item.text,
				});
		}
	}
	total.falseDates += set.falseDates;
	total.calm += set.calm;
	total.ret.n += set.ret.n;
	total.ret.ok += set.ret.ok;
	total.contact.n += set.contact.n;
	total.contact.ok += set.contact.ok;
	const p = set.promise;
	rows.push(
		`| ${name} | ${cases.length} | ${p.ok}/${p.n} ${pct(p.ok, p.n)} | ${p.labelledOk}/${p.labelled} ${pct(p.labelledOk, p.labelled)} | ${set.falseDates}/${set.calm} | ${set.ret.ok}/${set.ret.n} | ${set.contact.ok}/${set.contact.n} | ${Object.entries(
			perLang,
		)
			.sort()
			.map(([lang, v]) => `${lang} ${v.ok}/${v.n}`)
			.join(' ')} |`,
	);
}
console.log(
	'| set | replies | promise dates (incl. dateless promises) | labelled dates | false dates | returnDate | newContactEmail | per language (promise) |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const row of rows) console.log(row);
const t = total.promise;
console.log(
	`| all | ${total.replies} | ${t.ok}/${t.n} ${pct(t.ok, t.n)} | ${t.labelledOk}/${t.labelled} ${pct(t.labelledOk, t.labelled)} | ${total.falseDates}/${total.calm} | ${total.ret.ok}/${total.ret.n} | ${total.contact.ok}/${total.contact.n} | ${Object.entries(
		totalLang,
	)
		.sort()
		.map(([lang, v]) => `${lang} ${pct(v.ok, v.n)} (${v.n})`)
		.join(', ')} |`,
);
console.log(`triage time ${ms.toFixed(0)} ms for ${total.replies} replies`);
if (showMisses) {
	for (const miss of misses) {
		const weekday = new Date(`${miss.received.slice(0, 10)}T12:00:00Z`).toUTCString().slice(0, 3);
		const body = miss.text
			.split(
				/\n(?:-----|On .{0,80}wrote:|Von: |De : |De: |Le .{0,60}a écrit|El .{0,60}escribió|Op .{0,60}schreef|Il .{0,60}ha scritto|Em .{0,60}escreveu|>)/,
			)[0]
			.replace(/\s+/g, ' ')
			.slice(0, 260);
		console.log(
			`\n[${miss.kind}] ${miss.id} ${miss.lang} ${miss.zone} ${miss.received} (${weekday}) ${miss.intent}: expected ${miss.expected}, got ${miss.got}\n  ${body}`,
		);
	}
}
