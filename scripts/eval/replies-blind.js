// Scores reply triage on a blind set written after the rules and the model, by someone who never saw them.
// Usage: npm run build, then: bash scripts/with-node24.sh node scripts/eval/replies-blind.js [repo] [file.jsonl]
// (blind2.jsonl by default; blind3.jsonl is a second writer's set)
const { readFileSync } = require('fs');
const repo = require('path').resolve(
	process.argv[2] || require('path').join(__dirname, '..', '..'),
);
const file = process.argv[3] || repo + '/tests/fixtures/replies/blind2.jsonl';
const lib = require(repo + '/dist/src');
const cases = readFileSync(file, 'utf8')
	.split('\n')
	.filter(Boolean)
	.map((l) => JSON.parse(l));
// The label guide's definition (tests/fixtures/replies/LABELS.md), kept apart from the code it scores on purpose:
// the writers labelled against it, so the scorer must not borrow the product's own list. Every other intent is calm.
const MUST = new Set([
	'legal_threat',
	'dispute',
	'complaint',
	'refund_request',
	'payment_plan',
	'wrong_contact',
]);
let ok = 0,
	mustN = 0,
	mustPerson = 0,
	mustEsc = 0,
	calmN = 0,
	falseEsc = 0,
	calmReview = 0,
	dateN = 0,
	dateOk = 0;
const perIntent = {},
	perLang = {};
const fn = lib.triageReplyWithModel || lib.triageReply;
for (const c of cases) {
	const r = fn(
		{
			subject: c.subject,
			text: c.text,
			from: c.from,
			receivedAt: c.receivedAt,
			headers: c.headers,
		},
		{ timezone: c.timezone },
	);
	const exp = c.expected;
	const route = r.route ?? (r.escalate ? 'escalate' : 'none');
	const good = r.intent === exp.intent;
	if (good) ok++;
	const pi = (perIntent[exp.intent] ??= { n: 0, tp: 0, pred: 0 });
	pi.n++;
	if (good) pi.tp++;
	(perIntent[r.intent] ??= { n: 0, tp: 0, pred: 0 }).pred++;
	const lang = c.lang || 'en';
	const pl = (perLang[lang] ??= { n: 0, ok: 0 });
	pl.n++;
	if (good) pl.ok++;
	if (MUST.has(exp.intent)) {
		mustN++;
		if (route === 'escalate' || route === 'review') mustPerson++;
		if (route === 'escalate') mustEsc++;
		else if (process.env.SHOW) console.log('MUST-MISS', c.id, exp.intent, '->', r.intent, route);
	} else {
		calmN++;
		if (route === 'escalate') falseEsc++;
		if (route === 'review') calmReview++;
	}
	if (exp.promisedDate) {
		dateN++;
		if (r.extracted?.promisedDate === exp.promisedDate) dateOk++;
	}
	if (process.env.SHOW && !good) console.log('MISS', c.id, lang, exp.intent, '->', r.intent, route);
}
const p = (a, b) => (b ? ((100 * a) / b).toFixed(1) + '%' : 'n/a');
console.log(`${file}: ${cases.length} replies`);
console.log(
	`intent accuracy ${p(ok, cases.length)}; must-escalate to a person ${mustPerson}/${mustN} (${p(mustPerson, mustN)}), as escalate ${mustEsc}/${mustN} (${p(mustEsc, mustN)}); false escalations ${falseEsc}/${calmN} (${p(falseEsc, calmN)}); calm sent to review ${calmReview}/${calmN} (${p(calmReview, calmN)}); promise dates ${dateOk}/${dateN} (${p(dateOk, dateN)})`,
);
console.log(
	'per language: ' +
		Object.entries(perLang)
			.map(([l, v]) => `${l} ${p(v.ok, v.n)} (${v.n})`)
			.join(', '),
);
console.log('intent | n | precision | recall');
for (const [i, v] of Object.entries(perIntent))
	if (v.n || v.pred) console.log(`${i} | ${v.n} | ${p(v.tp, v.pred)} | ${p(v.tp, v.n)}`);
