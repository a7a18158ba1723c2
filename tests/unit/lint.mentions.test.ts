/**
 * Lint false alarms (issue 17): a bare noun that is often benign ("your lawyer", "our legal department approved the
 * contract", "the food court", "as you asked, we paused your subscription") passes; the same words with a threat
 * construction around them (a condition on payment, a referral, a consequence) are still caught. Near-boundary
 * sentences in seven languages written for this (tests/fixtures/lint/guard-*.jsonl).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { lintMessage } from '../../src/messages/lint';

const read = (name: string): Array<{ lang: string; text: string }> =>
	readFileSync(join(__dirname, '../fixtures/lint', name), 'utf8')
		.trim()
		.split('\n')
		.map((line) => JSON.parse(line) as { lang: string; text: string });

describe('lint: ordinary mentions are not threats', () => {
	it('near-boundary benign sentences in seven languages raise no false alarm (was 28 of 148)', () => {
		const benign = read('guard-benign.jsonl');
		expect(new Set(benign.map((sentence) => sentence.lang)).size).toBe(7);
		const alarms = benign
			.map((sentence) => ({ text: sentence.text, rules: lintMessage(sentence.text) }))
			.filter((result) => result.rules.length > 0);
		expect(alarms).toEqual([]);
	});

	it('the same words with a threat around them are still caught', () => {
		const missed = read('guard-threats.jsonl').filter(
			(sentence) => lintMessage(sentence.text).length === 0,
		);
		expect(missed).toEqual([]);
	});

	it('ordinary mentions repeated over 1 MB without a sentence end stay fast (every skip reads a bounded window)', () => {
		const started = Date.now();
		for (const text of [
			'your lawyer '.repeat(85_000),
			'as you asked we paused your subscription '.repeat(25_000),
			'the food court '.repeat(65_000),
		])
			expect(Array.isArray(lintMessage(text))).toBe(true);
		expect(Date.now() - started).toBeLessThan(10_000);
	});

	it.each([
		[
			'your lawyer sent the contract',
			'Thanks to your lawyer for sending the signed agreement.',
			[],
		],
		[
			'a referral to our lawyer',
			'Unless you pay, we will refer the matter to our lawyer.',
			['legal_action'],
		],
		[
			'our legal department approved a contract',
			'Our legal department has approved the new contract template.',
			[],
		],
		[
			'our legal department approved legal action',
			'Our legal department has approved legal action against you.',
			['legal_action'],
		],
		[
			'a subscription paused at the customer request',
			'As you asked, we have suspended your subscription until June.',
			[],
		],
		[
			'a suspension unless the customer pays',
			'Your account will be suspended unless payment is received.',
			['service_suspension'],
		],
		[
			'a late fee that was waived (Italian)',
			'La penale di ritardo è stata annullata come gesto commerciale.',
			[],
		],
	])('%s', (_name, text, rules) => {
		expect(lintMessage(text).map((finding) => finding.rule)).toEqual(rules);
	});
});
