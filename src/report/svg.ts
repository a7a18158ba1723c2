/**
 * The aging chart as a standalone SVG (the node attaches it as binary data `aging.svg`): one horizontal bar per
 * bucket scaled to the largest, amount and share beside it. System fonts only, no scripts, no external references.
 */
import { AGING_BUCKETS } from '../state';
import { BUCKET_COLOR, BUCKET_LABEL, count, escapeHtml, longDate, percent } from './format';
import type { CollectionsReport } from './types';

const WIDTH = 640;
const ROW = 34;
const TOP = 64;
const LABEL = 118;
const BAR = 330;

export function renderSvg(report: CollectionsReport): string {
	const height = TOP + AGING_BUCKETS.length * ROW + 28;
	const largest = Math.max(...AGING_BUCKETS.map((bucket) => report.byBucket[bucket].amount), 0);
	const parts: string[] = [];
	parts.push(
		`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeHtml(`Aging of ${report.summary.openAmountFormatted} open receivables as of ${report.asOf}`)}">`,
		`<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
		`<g font-family="Arial, Helvetica, sans-serif">`,
		`<text x="24" y="30" font-size="17" font-weight="bold" fill="#111827">Aging of open receivables</text>`,
		`<text x="24" y="50" font-size="12" fill="#6b7280">${escapeHtml(`${report.summary.openAmountFormatted} · ${count(report.summary.openCount, report.locale)} invoices · as of ${longDate(report.asOf, report.locale)}`)}</text>`,
	);
	AGING_BUCKETS.forEach((bucket, index) => {
		const entry = report.byBucket[bucket];
		const y = TOP + index * ROW;
		const width =
			largest > 0 && entry.amount > 0 ? Math.max(2, Math.round((entry.amount / largest) * BAR)) : 0;
		parts.push(
			`<text x="24" y="${y + 17}" font-size="13" fill="#111827">${escapeHtml(BUCKET_LABEL[bucket])}</text>`,
			`<rect x="${LABEL + 24}" y="${y + 4}" width="${BAR}" height="18" fill="#f1f3f5"/>`,
			width > 0
				? `<rect x="${LABEL + 24}" y="${y + 4}" width="${width}" height="18" fill="${BUCKET_COLOR[bucket]}"/>`
				: '',
			`<text x="${LABEL + 24 + BAR + 12}" y="${y + 17}" font-size="13" font-weight="bold" fill="#111827">${escapeHtml(entry.amountFormatted)}</text>`,
			`<text x="${WIDTH - 24}" y="${y + 17}" font-size="12" fill="#6b7280" text-anchor="end">${escapeHtml(`${count(entry.count, report.locale)} · ${percent(entry.share, 0)}`)}</text>`,
		);
	});
	parts.push(`</g></svg>`);
	return parts.filter(Boolean).join('\n') + '\n';
}
