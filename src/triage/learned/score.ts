/**
 * Scoring triage results against labelled replies: the table issue 13 asks for (per-intent precision and recall,
 * must-escalate recall by route, false escalations, share sent to review, promise dates, accuracy per language).
 * Used by the corpus test and the leave-one-writer-out script (scripts/triage/lowo.cjs), so both print the same table.
 * Not loaded at run time.
 */
import { REPLY_INTENTS, TRIAGE_ROUTES, type ReplyIntent, type TriageResult } from '../schema';

export interface CorpusCase {
	id: string;
	lang?: string;
	subject: string;
	text: string;
	html?: string;
	from: string;
	receivedAt: string;
	timezone?: string;
	headers?: Record<string, string>;
	note?: string;
	expected: {
		intent: ReplyIntent;
		escalate: boolean;
		promisedDate?: string;
		returnDate?: string;
		newContactEmail?: string;
		documentsRequested?: string[];
	};
}

/** Replies whose calm reading should not need a person: not escalate-class, not a question, not unreadable. */
export function isCalm(item: CorpusCase): boolean {
	return !item.expected.escalate && !['question', 'other'].includes(item.expected.intent);
}

export interface Score {
	n: number;
	accuracy: number;
	/** Share of must-escalate replies that reached a person (route escalate or review). */
	reachedPerson: number;
	/** Share of must-escalate replies routed escalate. */
	escalated: number;
	/** Share of replies that must not escalate but were routed escalate. */
	falseEscalations: number;
	/** Share of calm replies routed to review. */
	calmToReview: number;
	reviewShare: number;
	dateAccuracy: number;
	byLanguage: Record<string, { n: number; accuracy: number }>;
	report: string;
	misses: string[];
}

function pct(part: number, whole: number): string {
	return whole === 0 ? '   n/a' : `${((100 * part) / whole).toFixed(1).padStart(5)}%`;
}

function ratio(part: number, whole: number): number {
	return whole === 0 ? 1 : part / whole;
}

export function scoreCases(
	title: string,
	cases: CorpusCase[],
	triage: (item: CorpusCase) => TriageResult,
): Score {
	const results = new Map(cases.map((item) => [item.id, triage(item)]));
	const got = (item: CorpusCase) => results.get(item.id) as TriageResult;
	const lines: string[] = [
		`${title}: ${cases.length} replies`,
		'| intent | n | precision | recall |',
		'| --- | ---: | ---: | ---: |',
	];
	for (const intent of REPLY_INTENTS) {
		const expected = cases.filter((item) => item.expected.intent === intent);
		const predicted = cases.filter((item) => got(item).intent === intent);
		const hits = expected.filter((item) => got(item).intent === intent).length;
		if (expected.length === 0 && predicted.length === 0) continue;
		lines.push(
			`| ${intent} | ${expected.length} | ${pct(hits, predicted.length)} | ${pct(hits, expected.length)} |`,
		);
	}
	const correct = cases.filter((item) => got(item).intent === item.expected.intent);
	const must = cases.filter((item) => item.expected.escalate);
	const byRoute = Object.fromEntries(
		TRIAGE_ROUTES.map((route) => [route, must.filter((item) => got(item).route === route).length]),
	);
	const reached = byRoute.escalate + byRoute.review;
	const calmCases = cases.filter((item) => !item.expected.escalate);
	const falseEscalations = calmCases.filter((item) => got(item).route === 'escalate');
	const calm = cases.filter(isCalm);
	const calmReview = calm.filter((item) => got(item).route === 'review');
	const review = cases.filter((item) => got(item).route === 'review');
	const withDate = cases.filter((item) => item.expected.promisedDate);
	const rightDates = withDate.filter(
		(item) => got(item).extracted.promisedDate === item.expected.promisedDate,
	);
	const languages = [...new Set(cases.map((item) => item.lang ?? 'en'))].sort();
	const byLanguage: Score['byLanguage'] = {};
	for (const language of languages) {
		const inLanguage = cases.filter((item) => (item.lang ?? 'en') === language);
		const right = inLanguage.filter((item) => got(item).intent === item.expected.intent).length;
		byLanguage[language] = { n: inLanguage.length, accuracy: ratio(right, inLanguage.length) };
	}
	lines.push(
		'',
		`intent accuracy                 ${pct(correct.length, cases.length)} (${correct.length}/${cases.length})`,
		`must-escalate reached a person  ${pct(reached, must.length)} (${reached}/${must.length}; by route: ${TRIAGE_ROUTES.map((route) => `${route} ${byRoute[route]}`).join(', ')})`,
		`must-escalate routed escalate   ${pct(byRoute.escalate, must.length)}`,
		`false escalations               ${pct(falseEscalations.length, calmCases.length)} (${falseEscalations.length}/${calmCases.length} that need no person)`,
		`calm replies sent to review     ${pct(calmReview.length, calm.length)} (${calmReview.length}/${calm.length}); all replies to review ${pct(review.length, cases.length)}`,
		`promise dates                   ${pct(rightDates.length, withDate.length)} (${rightDates.length}/${withDate.length})`,
		`accuracy per language           ${languages.map((language) => `${language} ${pct(byLanguage[language].accuracy * byLanguage[language].n, byLanguage[language].n).trim()} (n=${byLanguage[language].n})`).join(', ')}`,
	);
	const misses = [
		...cases
			.filter((item) => got(item).intent !== item.expected.intent)
			.map(
				(item) =>
					`${item.id}: expected ${item.expected.intent}, got ${got(item).intent} (${got(item).route}, ${got(item).confidence}) — ${got(item).summary.slice(0, 90)}`,
			),
		...must
			.filter((item) => !['escalate', 'review'].includes(got(item).route))
			.map((item) => `${item.id}: must escalate, routed ${got(item).route} (${got(item).intent})`),
		...falseEscalations.map(
			(item) => `${item.id}: escalated (${got(item).intent}), expected ${item.expected.intent}`,
		),
		...withDate
			.filter((item) => got(item).extracted.promisedDate !== item.expected.promisedDate)
			.map(
				(item) =>
					`${item.id}: promised ${item.expected.promisedDate}, got ${got(item).extracted.promisedDate}`,
			),
	];
	return {
		n: cases.length,
		accuracy: ratio(correct.length, cases.length),
		reachedPerson: ratio(reached, must.length),
		escalated: ratio(byRoute.escalate, must.length),
		falseEscalations: ratio(falseEscalations.length, calmCases.length),
		calmToReview: ratio(calmReview.length, calm.length),
		reviewShare: ratio(review.length, cases.length),
		dateAccuracy: ratio(rightDates.length, withDate.length),
		byLanguage,
		report: lines.join('\n'),
		misses,
	};
}
