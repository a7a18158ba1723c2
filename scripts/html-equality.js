// Differential check for the one HTML-to-text home (src/htmlText.ts): the lint's htmlReaderText and Reply Triage's
// htmlToText of an old build against the current one, on random markup (tags, comments, scripts, entities, stray
// brackets, quote markers) and on every reply's HTML in tests/fixtures/replies. Prints the first differences.
// Usage: node scripts/html-equality.js <abs old dist dir> <abs new dist dir> [count]
const fs = require('fs'),
	path = require('path');
const [oldDist, newDist] = process.argv.slice(2, 4).map((dir) => path.resolve(dir));
const count = Number(process.argv[4]) || 200_000;
const load = (dist) => ({
	reader: require(path.join(dist, 'src/messages/lint')).htmlReaderText,
	normalize: require(path.join(dist, 'src/messages/lint')).normalizeForLint,
	reply: require(path.join(dist, 'src/triage/parse')).htmlToText,
});
const before = load(oldDist),
	after = load(newDist);
let seed = 7;
const random = () => {
	seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
	return seed / 4294967296;
};
const PIECES = [
	'<',
	'>',
	'</',
	'<!--',
	'-->',
	'<b>',
	'</b>',
	'<p>',
	'</p>',
	'<br/>',
	'<div class="gmail_quote">',
	'<blockquote>',
	'<script>',
	'</script>',
	'<style>',
	'</style >',
	'<head>',
	'</head>',
	'<title>',
	'</title>',
	'<o:p>',
	'<span_x>',
	'<a:>',
	'<SCRIPT type="x">',
	'&amp;',
	'&lt;',
	'&#108;',
	'&#x6c;',
	'&eacute;',
	'&Eacute;',
	'&nbsp;',
	'&bogus;',
	'&',
	' ',
	'  ',
	'\n',
	'\t',
	'\u00a0',
	'law',
	'yer',
	'legal',
	'pay',
	'Ünïcode',
	'<!DOCTYPE html>',
	'<td>',
	'</tr>',
	'<img src="x">',
	'< 5',
	'id="divRplyFwdMsg"',
	'<hr>',
	'x',
	'"',
	"'",
	'<p\n class="y">',
	'</scriptx>',
];
const inputs = [];
for (let index = 0; index < count; index++) {
	let text = '';
	const length = 1 + Math.floor(random() * 14);
	for (let piece = 0; piece < length; piece++) text += PIECES[Math.floor(random() * PIECES.length)];
	inputs.push(text);
}
(function walk(dir) {
	for (const file of fs.readdirSync(dir)) {
		const full = path.join(dir, file);
		if (fs.statSync(full).isDirectory()) walk(full);
		else if (file.endsWith('.jsonl'))
			for (const line of fs.readFileSync(full, 'utf8').split('\n'))
				if (line.trim()) {
					const reply = JSON.parse(line);
					if (reply.html) inputs.push(reply.html);
				}
	}
})(path.join(__dirname, '..', 'tests', 'fixtures', 'replies'));
let differences = 0;
for (const input of inputs) {
	for (const reader of ['reader', 'normalize', 'reply']) {
		const a = before[reader](input),
			b = after[reader](input);
		if (a !== b && differences++ < 10)
			console.log(reader, JSON.stringify({ input, before: a, after: b }));
	}
}
console.log(`${inputs.length} inputs, 3 readers: ${differences} differences`);
process.exitCode = differences === 0 ? 0 : 1;
