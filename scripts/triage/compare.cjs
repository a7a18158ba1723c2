#!/usr/bin/env node
/**
 * How the candidate learned classifiers compare on the held-out split (1 in 5 replies by id hash, never trained on):
 * - the shipped design: multinomial logistic regression over hashed word and character n-grams (train.cjs);
 * - nlp.js (@nlpjs/nlp: one NLU model per language, its own language guesser to pick the model).
 * Same training replies, same text (the customer's own words, as triage reads them), same held-out split.
 *
 * nlp.js is not a dependency of the package: install it next to this script to run the comparison,
 *   mkdir -p /tmp/triage-eval && cd /tmp/triage-eval && npm i @nlpjs/nlp@4.27.0 @nlpjs/core@4.26.1 \
 *     @nlpjs/nlu@4.27.0 @nlpjs/language-min@4.25.0 @nlpjs/lang-{en,de,fr,es,nl,it,pt}@4.26.1
 * then: npm run --silent build && NLPJS_DIR=/tmp/triage-eval node scripts/triage/compare.cjs
 */
const { readFileSync, readdirSync, existsSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const dist = (path) => require(join(ROOT, 'dist', 'src', 'triage', path));
const { parseReply } = dist('parse');
const { modelInputOf } = dist('learned/input');
const { isHeldOut } = dist('learned/split');
const { shippedIntentModel, predictIntent } = dist('learned/model');

const REPLIES = join(ROOT, 'tests', 'fixtures', 'replies');
const LANGS = ['en', 'de', 'fr', 'es', 'nl', 'it', 'pt'];

function load() {
	const files = readdirSync(REPLIES)
		.filter((file) => file.endsWith('.jsonl') && file !== 'blind.jsonl')
		.map((file) => join(REPLIES, file));
	const trainDir = join(REPLIES, 'train');
	if (existsSync(trainDir))
		for (const file of readdirSync(trainDir))
			if (file.endsWith('.jsonl')) files.push(join(trainDir, file));
	return files.flatMap((file) =>
		readFileSync(file, 'utf8')
			.split('\n')
			.filter((line) => line.trim() !== '')
			.map((line) => JSON.parse(line)),
	);
}

function score(name, heldOut, predict) {
	const started = performance.now();
	let right = 0;
	const perLanguage = {};
	for (const item of heldOut) {
		const ok = predict(item) === item.expected.intent;
		if (ok) right++;
		const entry = (perLanguage[item.lang ?? 'en'] ??= { n: 0, right: 0 });
		entry.n++;
		if (ok) entry.right++;
	}
	const ms = performance.now() - started;
	process.stdout.write(
		`${name}: ${((100 * right) / heldOut.length).toFixed(1)}% (${right}/${heldOut.length}), ${Math.round((heldOut.length * 1000) / ms)} replies/s; ` +
			`${Object.entries(perLanguage)
				.map(([lang, { n, right: ok }]) => `${lang} ${ok}/${n}`)
				.join(', ')}\n`,
	);
}

async function main() {
	const all = load().map((record) => ({
		...record,
		input: modelInputOf(
			parseReply({
				subject: record.subject,
				text: record.text,
				html: record.html,
				from: record.from,
				headers: record.headers,
			}),
		),
	}));
	const training = all.filter((item) => !isHeldOut(item.id));
	const heldOut = all.filter((item) => isHeldOut(item.id));
	process.stdout.write(`${training.length} training replies, ${heldOut.length} held out\n`);

	const model = shippedIntentModel();
	if (model)
		score(
			'hashed n-gram logistic regression (shipped)',
			heldOut,
			(item) => predictIntent(model, item.input.text, item.input.flags).intent,
		);

	const dir = process.env.NLPJS_DIR;
	if (!dir) {
		process.stdout.write(
			'nlp.js: set NLPJS_DIR to a folder where it is installed (see the header)\n',
		);
		return;
	}
	const from = (name) => require(join(dir, 'node_modules', name));
	const { containerBootstrap } = from('@nlpjs/core');
	const { Nlp } = from('@nlpjs/nlp');
	const { LangEn } = from('@nlpjs/lang-en');
	const { LangDe } = from('@nlpjs/lang-de');
	const { LangFr } = from('@nlpjs/lang-fr');
	const { LangEs } = from('@nlpjs/lang-es');
	const { LangNl } = from('@nlpjs/lang-nl');
	const { LangIt } = from('@nlpjs/lang-it');
	const { LangPt } = from('@nlpjs/lang-pt');
	const container = await containerBootstrap();
	for (const plugin of [Nlp, LangEn, LangDe, LangFr, LangEs, LangNl, LangIt, LangPt])
		container.use(plugin);
	const nlp = container.get('nlp');
	nlp.settings.autoSave = false;
	nlp.settings.log = false;
	nlp.addLanguage(LANGS);
	for (const item of training)
		if (item.input.text.trim() !== '')
			nlp.addDocument(item.lang ?? 'en', item.input.text.slice(0, 2000), item.expected.intent);
	const trainStarted = performance.now();
	await nlp.train();
	process.stdout.write(`nlp.js trained in ${Math.round(performance.now() - trainStarted)} ms\n`);
	const answers = new Map();
	const started = performance.now();
	for (const item of heldOut) {
		// No locale given: nlp.js guesses the language, as it would on a real reply.
		const result = await nlp.process(item.input.text.slice(0, 2000));
		answers.set(item.id, result.intent && result.intent !== 'None' ? result.intent : 'other');
	}
	const ms = performance.now() - started;
	score(
		`nlp.js 4.27 (language guessed; ${Math.round((heldOut.length * 1000) / ms)} replies/s incl. async)`,
		heldOut,
		(item) => answers.get(item.id),
	);
}

main().catch((error) => {
	process.stderr.write(`${error.stack}\n`);
	process.exit(1);
});
