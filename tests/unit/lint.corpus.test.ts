/**
 * The guardrail lint against sentence lists it was not written from: threatening and ordinary collections wording in
 * seven languages, by a writer who never saw the lexicons (tests/fixtures/lint/). Also the disguises the attack used.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { lintMessage, lintRendered, lintTemplate, normalizeForLint } from '../../src/messages/lint';
import { renderMessage } from '../../src/messages/render';
import { sampleInvoice } from '../helpers/invoices';

interface Sentence {
	id: string;
	lang: string;
	text: string;
	category: string;
}

const read = (name: string): Sentence[] =>
	readFileSync(join(__dirname, '../fixtures/lint', name), 'utf8')
		.trim()
		.split('\n')
		.map((line) => JSON.parse(line) as Sentence);

describe('lint on the writer lists', () => {
	const threats = read('lex-threats.jsonl');
	const benign = read('lex-benign.jsonl');

	it('catches the threats in every language (first run 88.1%)', () => {
		const missed = threats.filter((sentence) => lintMessage(sentence.text).length === 0);
		const rate = 1 - missed.length / threats.length;
		process.stdout.write(
			`lint catch rate ${(rate * 100).toFixed(1)}% (${threats.length - missed.length}/${threats.length})\n`,
		);
		expect(new Set(threats.map((sentence) => sentence.lang))).toEqual(
			new Set(['en', 'de', 'fr', 'es', 'nl', 'it', 'pt']),
		);
		expect(rate).toBeGreaterThanOrEqual(0.99);
	});

	it('lets ordinary collections wording pass (first run 1.0% false alarms)', () => {
		const alarms = benign.filter((sentence) => lintMessage(sentence.text).length > 0);
		const rate = alarms.length / benign.length;
		process.stdout.write(
			`lint false-alarm rate ${(rate * 100).toFixed(1)}% (${alarms.length}/${benign.length})\n`,
		);
		expect(rate).toBeLessThanOrEqual(0.01);
	});
});

describe('lint normalisation', () => {
	it.each([
		['Cyrillic look-alikes', 'Our l\u0430wy\u0435r will call you.'],
		['Greek look-alikes', 'Our lawy\u03b5r will call y\u03bfu.'],
		['zero-width characters', 'Our law\u200byer will call.'],
		['soft hyphens', 'Our law\u00adyer will call.'],
		['full-width letters', 'Our \uff4c\uff41\uff57\uff59\uff45\uff52 will call.'],
		['tags inside a word', '<p>Our law<b>yer</b> will call.</p>'],
		['entities', '<p>Our &#108;awyer will call.</p>'],
		['hex entities', 'Our &#x6c;&#x61;wyer will call.'],
		['spaced-out letters', 'Our l a w y e r will call.'],
		['digits inside a word', 'Our l4wy3r will call.'],
		[
			'mathematical letters',
			'Our \u{1d425}\u{1d41a}\u{1d430}\u{1d432}\u{1d41e}\u{1d42b} will call.',
		],
		['combining marks', 'Our la\u0301wye\u0300r will call.'],
	])('%s hide nothing', (_name, text) => {
		expect(lintMessage(text).map((finding) => finding.rule)).toContain('legal_action');
	});

	it('reads HTML as the reader sees it: block tags separate words, scripts and comments are not text', () => {
		expect(
			normalizeForLint('<p>final</p><p>reminder</p><!-- lawyer --><script>lawyer()</script>'),
		).toBe('final reminder');
		expect(lintRendered({ text: 'fine', html: '<p>credit&nbsp;<b>report</b></p>' })[0].rule).toBe(
			'credit_report',
		);
	});

	it('keeps the ordinary wording the issue names', () => {
		for (const text of [
			'Final reminder: invoice INV-7 is open.',
			'Our legal entity is Acme GmbH.',
			'We collect payments through Stripe.',
			'Please find your statement attached.',
			'No late fees will be charged.',
		])
			expect({ text, findings: lintMessage(text) }).toEqual({ text, findings: [] });
	});

	it('late fees pass only when the operator approved them', () => {
		const text = 'A late fee of 40 EUR will be charged.';
		expect(lintMessage(text).map((finding) => finding.rule)).toEqual(['late_fee']);
		expect(lintMessage(text, { allowLateFees: true })).toEqual([]);
	});

	it('no regex backtracking blow-up on hostile input (1 MB each)', () => {
		for (const text of [
			'a'.repeat(1e6),
			'a '.repeat(5e5),
			'suspend '.repeat(125_000),
			'<b>x</b>'.repeat(125_000),
		])
			expect(Array.isArray(lintMessage(text))).toBe(true);
	});
});

describe('template refusals', () => {
	const inv = sampleInvoice();
	it.each([
		['{{{invoice.number}}}', /unescaped HTML/],
		['{{~{invoice.number}~}}', /unescaped HTML/],
		['{{& invoice.number}}', /unescaped HTML/],
		['{{~& invoice.number}}', /unescaped HTML/],
		['{{constructor}}', /prototype/],
		['{{invoice.constructor.name}}', /prototype/],
		['{{lookup this "constructor"}}', /lookup/],
		['{{this}}', /whole current object/],
		['{{.}}', /whole current object/],
		['{{invoice}}', /prints an object/],
		['{{#each invoices}}{{this}}{{/each}}', /whole current object/],
		['{{log invoice.number}}', /prints nothing/],
		['{{> footer}}', /partials/],
		['<a href={{invoice.paymentUrl}}>pay</a>', /unquoted HTML attribute/],
		['<img src="x" onerror="{{invoice.number}}">', /event-handler/],
	])('the HTML part %s is refused with a reason', (html, reason) => {
		expect(lintTemplate(html, 'html').length).toBeGreaterThan(0);
		expect(() => renderMessage({ text: 'Invoice {{invoice.number}}', html }, inv)).toThrow(reason);
	});

	it('text parts refuse blank and object renderings too, and an object value never prints', () => {
		expect(() => renderMessage('{{constructor}}', inv)).toThrow(/prototype/);
		expect(() => renderMessage('{{this}}', inv)).toThrow(/object/);
		expect(() => renderMessage('{{extra.note}}', inv, { extra: { note: { a: 1 } } })).toThrow(
			/\[object Object\]/,
		);
	});

	it('markup from invoice data stays escaped in the HTML part', () => {
		const hostile = sampleInvoice({ customer: { name: '<img src=x onerror=alert(1)>' } });
		const out = renderMessage({ text: 'x', html: '<p>{{customer.name}}</p>' }, hostile);
		expect(out.html).toBe('<p>&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;</p>');
	});
});
