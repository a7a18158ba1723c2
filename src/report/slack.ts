/**
 * The report as Slack Block Kit: `{ text, blocks }` for the Slack node ("Blocks" message type) or chat.postMessage.
 * Stays inside Block Kit's limits: header ≤ 150 characters, section text ≤ 3,000, ≤ 10 fields, ≤ 50 blocks.
 */
import { AGING_BUCKETS } from '../state';
import { formatMoney } from '../money';
import {
	BUCKET_LABEL,
	count,
	days,
	escapeSlack,
	longDate,
	percent,
	signedDays,
	signedMoney,
	truncate,
} from './format';
import type { CollectionsReport } from './types';

type Block = Record<string, unknown>;

const BAR_WIDTH = 16;

/** Section text may hold 3,000 characters, a field 2,000: stay under both. */
function mrkdwn(text: string, max = 2900): { type: 'mrkdwn'; text: string } {
	return { type: 'mrkdwn', text: truncate(text, max) };
}

const field = (text: string) => mrkdwn(text, 1990);

export function renderSlack(
	report: CollectionsReport,
	listLimit = 5,
): { text: string; blocks: Block[] } {
	const { summary, metrics, trend, locale } = report;
	const fmt = (minor: number) => formatMoney(minor, report.currency, locale);
	const n = (value: number) => count(value, locale);
	const blocks: Block[] = [];
	blocks.push({
		type: 'header',
		text: {
			type: 'plain_text',
			text: truncate(`${report.title} · ${longDate(report.asOf, locale)}`, 150),
			emoji: false,
		},
	});
	if (trend)
		blocks.push({
			type: 'context',
			elements: [mrkdwn(`:chart_with_upwards_trend: ${escapeSlack(trend.text)}`)],
		});
	const dsoDelta = trend?.dsoChange.countback;
	blocks.push({
		type: 'section',
		fields: [
			field(
				`*Open receivables*\n${summary.openAmountFormatted} · ${n(summary.openCount)} invoices`,
			),
			field(
				`*Overdue*\n${summary.overdueAmountFormatted} · ${n(summary.overdueCount)} invoices${trend ? ` (${signedMoney(trend.overdueAmountChangeMinor, fmt)})` : ''}`,
			),
			field(
				`*DSO (countback)*\n${days(metrics.dso.countback)}${dsoDelta != null ? ` (${signedDays(dsoDelta)})` : ''}`,
			),
			field(`*Best possible DSO · ADD*\n${days(metrics.bestPossibleDso)} · ${days(metrics.add)}`),
			field(`*CEI*\n${metrics.cei === null ? '—' : `${metrics.cei.toFixed(1)}%`}`),
			field(
				`*Paid within 7 days · promises kept*\n${percent(metrics.paidWithin7DaysRate)} · ${percent(metrics.promiseKeptRate)}`,
			),
			field(
				`*Disputed · recovered*\n${summary.disputedAmountFormatted} · ${summary.recoveredAmountFormatted}`,
			),
			field(
				`*Reminders · replies · escalations*\n${n(summary.remindersSent)} · ${n(summary.repliesReceived)} · ${n(summary.escalations)}`,
			),
		],
	});
	const aging = AGING_BUCKETS.map((bucket) => {
		const cell = report.byBucket[bucket];
		const filled = cell.share > 0 ? Math.max(1, Math.round(cell.share * BAR_WIDTH)) : 0;
		const label = BUCKET_LABEL[bucket].padEnd(12);
		return `${label}${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)} ${percent(cell.share, 0).padStart(4)}  ${cell.amountFormatted}`;
	}).join('\n');
	blocks.push({ type: 'section', text: mrkdwn(`*Aging*\n\`\`\`${aging}\`\`\``) });
	if (report.topOverdue.length > 0) {
		const lines = report.topOverdue
			.slice(0, listLimit)
			.map(
				(line) =>
					`• *${escapeSlack(line.number)}* ${escapeSlack(line.customer)}: ${line.convertedAmountFormatted}, ${line.daysPastDue} d past due (${escapeSlack(line.owner)})`,
			);
		blocks.push(
			{ type: 'divider' },
			{ type: 'section', text: mrkdwn(`*Largest overdue*\n${lines.join('\n')}`) },
		);
	}
	if (report.stalled.length > 0) {
		const lines = report.stalled
			.slice(0, listLimit)
			.map(
				(account) =>
					`• *${escapeSlack(account.customer)}* ${account.overdueAmountFormatted}, idle ${account.daysIdle} d (${escapeSlack(account.owner)})`,
			);
		const more =
			report.stalled.length > listLimit
				? `\n…and ${n(report.stalled.length - listLimit)} more`
				: '';
		blocks.push({
			type: 'section',
			text: mrkdwn(`*Stalled accounts (${n(report.stalled.length)})*\n${lines.join('\n')}${more}`),
		});
	}
	const fees = report.lateFees;
	if (fees && fees.invoiceCount > 0) {
		const lines = fees.byCustomer
			.slice(0, listLimit)
			.map(
				(customer) =>
					`• *${escapeSlack(customer.customer)}* ${customer.amountFormatted} on ${n(customer.invoiceCount)} invoice(s)`,
			);
		blocks.push({
			type: 'section',
			text: mrkdwn(
				`*Late fees and interest: ${fees.amountFormatted}* (the policy's entitlement, never posted)\n${lines.join('\n')}`,
			),
		});
	}
	const footer: string[] = [];
	if (report.skipped.length > 0)
		footer.push(
			`:warning: ${n(report.skipped.length)} item(s) skipped (see \`skipped\`): ${escapeSlack(report.skipped[0].reason)}`,
		);
	footer.push(
		`CRF definitions · ${metrics.period.start} – ${metrics.period.end} · credit sales ${metrics.period.creditSalesFormatted} (${metrics.period.creditSalesSource}) · ${report.currency}`,
	);
	blocks.push({ type: 'context', elements: footer.map((text) => mrkdwn(text)) });
	const text = `${report.title}: ${summary.overdueAmountFormatted} overdue of ${summary.openAmountFormatted} open, DSO ${days(metrics.dso.countback)}`;
	return { text, blocks };
}
