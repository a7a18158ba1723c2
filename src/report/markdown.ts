/** The report as GitHub-flavoured Markdown (for Slack canvases, Notion, GitHub issues, a Gmail node in text mode). */
import { AGING_BUCKETS } from '../state';
import {
	BUCKET_LABEL,
	STATE_LABEL,
	count,
	days,
	escapeMarkdown,
	longDate,
	percent,
	signedDays,
	signedMoney,
} from './format';
import { formatMoney } from '../money';
import type { CollectionsReport } from './types';

const BAR_WIDTH = 20;

function bar(share: number): string {
	const cells = share > 0 ? Math.max(1, Math.round(share * BAR_WIDTH)) : 0;
	return '█'.repeat(cells) + '░'.repeat(BAR_WIDTH - cells);
}

export function renderMarkdown(report: CollectionsReport, listLimit = 10): string {
	const { summary, metrics, trend, locale } = report;
	const fmt = (minor: number) => formatMoney(minor, report.currency, locale);
	const n = (value: number) => count(value, locale);
	const out: string[] = [];
	out.push(`# ${escapeMarkdown(report.title)}`);
	out.push('');
	out.push(
		`As of **${longDate(report.asOf, locale)}** · amounts in ${report.currency} · ${n(summary.openCount)} open invoice${summary.openCount === 1 ? '' : 's'}`,
	);
	if (trend) out.push('', `> ${escapeMarkdown(trend.text)}`);
	out.push('', '## Headline', '');
	out.push('| | |', '| --- | ---: |');
	const overdueShare =
		summary.openAmount > 0
			? ` (${percent(summary.overdueAmount / summary.openAmount)} of open)`
			: '';
	const rows: Array<[string, string]> = [
		['Open receivables', `${summary.openAmountFormatted} · ${n(summary.openCount)} invoices`],
		[
			'Overdue',
			`${summary.overdueAmountFormatted} · ${n(summary.overdueCount)} invoices${overdueShare}`,
		],
		['Disputed', summary.disputedAmountFormatted],
		[
			'Recovered payments',
			`${summary.recoveredAmountFormatted} · ${n(summary.recoveredCount)} invoices`,
		],
		[
			'DSO (countback)',
			days(metrics.dso.countback) +
				(trend?.dsoChange.countback != null ? ` (${signedDays(trend.dsoChange.countback)})` : ''),
		],
		['DSO (simple)', days(metrics.dso.simple)],
		['Best possible DSO', days(metrics.bestPossibleDso)],
		['Average days delinquent', days(metrics.add)],
		['CEI', metrics.cei === null ? '—' : `${metrics.cei.toFixed(1)}%`],
		['Paid within 7 days of due', percent(metrics.paidWithin7DaysRate)],
		['Promises kept', percent(metrics.promiseKeptRate)],
		[
			'Reminders sent · replies · escalations',
			`${n(summary.remindersSent)} · ${n(summary.repliesReceived)} · ${n(summary.escalations)}`,
		],
	];
	for (const [label, value] of rows) out.push(`| ${label} | ${value} |`);

	out.push(
		'',
		'## Aging',
		'',
		'| Bucket | Invoices | Amount | Share | | Change |',
		'| --- | ---: | ---: | ---: | --- | ---: |',
	);
	for (const bucket of AGING_BUCKETS) {
		const cell = report.byBucket[bucket];
		const change = trend ? signedMoney(trend.buckets[bucket].amountChangeMinor, fmt) : '';
		out.push(
			`| ${BUCKET_LABEL[bucket]} | ${n(cell.count)} | ${cell.amountFormatted} | ${percent(cell.share, 0)} | \`${bar(cell.share)}\` | ${change} |`,
		);
	}

	if (report.topOverdue.length > 0) {
		out.push(
			'',
			'## Largest overdue invoices',
			'',
			'| Invoice | Customer | Owner | Days past due | Amount | State |',
			'| --- | --- | --- | ---: | ---: | --- |',
		);
		for (const line of report.topOverdue.slice(0, listLimit)) {
			const original = line.currency === report.currency ? '' : ` (${line.amountDueFormatted})`;
			out.push(
				`| ${escapeMarkdown(line.number)} | ${escapeMarkdown(line.customer)} | ${escapeMarkdown(line.owner)} | ${line.daysPastDue} | ${line.convertedAmountFormatted}${original} | ${STATE_LABEL[line.state] ?? line.state} |`,
			);
		}
	}

	if (report.stalled.length > 0) {
		out.push(
			'',
			`## Stalled accounts (${n(report.stalled.length)})`,
			'',
			'| Customer | Owner | Overdue | Oldest | Idle | Why |',
			'| --- | --- | ---: | ---: | ---: | --- |',
		);
		for (const account of report.stalled.slice(0, listLimit)) {
			out.push(
				`| ${escapeMarkdown(account.customer)} | ${escapeMarkdown(account.owner)} | ${account.overdueAmountFormatted} | ${account.oldestDaysPastDue} d | ${account.daysIdle} d | ${escapeMarkdown(account.reason)} |`,
			);
		}
		if (report.stalled.length > listLimit)
			out.push('', `…and ${n(report.stalled.length - listLimit)} more.`);
	}

	const fees = report.lateFees;
	if (fees) {
		out.push(
			'',
			`## Late fees and interest (${n(fees.invoiceCount)} invoices, ${fees.amountFormatted})`,
			'',
			'What the late-fee policy entitles to as of the report date: for you to decide on, never posted to the books.',
			'',
			'| Customer | Invoices | Late fees and interest |',
			'| --- | ---: | ---: |',
		);
		for (const customer of fees.byCustomer.slice(0, listLimit))
			out.push(
				`| ${escapeMarkdown(customer.customer)} | ${n(customer.invoiceCount)} | ${customer.amountFormatted} |`,
			);
		if (fees.byCustomer.length > listLimit)
			out.push('', `…and ${n(fees.byCustomer.length - listLimit)} more customers.`);
		if (fees.invoices.length > 0) {
			out.push(
				'',
				'| Invoice | Customer | Days late | Fee and interest | How |',
				'| --- | --- | ---: | ---: | --- |',
			);
			for (const line of fees.invoices.slice(0, listLimit))
				out.push(
					`| ${escapeMarkdown(line.number)} | ${escapeMarkdown(line.customer)} | ${line.daysLate} | ${line.totalFormatted} | ${escapeMarkdown(line.basis)} |`,
				);
		}
	}

	if (report.byOwner.length > 0) {
		out.push(
			'',
			'## Owners',
			'',
			'| Owner | Open | Overdue | Escalations | Disputes | Broken promises | Stalled |',
			'| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
		);
		for (const owner of report.byOwner.slice(0, listLimit)) {
			const a = owner.actions;
			out.push(
				`| ${escapeMarkdown(owner.owner)} | ${owner.amountFormatted} | ${owner.overdueAmountFormatted} | ${a.escalations} | ${a.disputes} | ${a.brokenPromises} | ${a.stalledAccounts} |`,
			);
		}
	}

	if (
		report.byCurrency.length > 1 ||
		(report.byCurrency.length === 1 && report.byCurrency[0].currency !== report.currency)
	) {
		out.push(
			'',
			'## Currencies',
			'',
			`| Currency | Invoices | Open | In ${report.currency} | Rate |`,
			'| --- | ---: | ---: | ---: | ---: |',
		);
		for (const cell of report.byCurrency)
			out.push(
				`| ${cell.currency} | ${n(cell.count)} | ${cell.amountFormatted} | ${cell.convertedAmountFormatted} | ${cell.rate} |`,
			);
	}

	if (report.skipped.length > 0) {
		out.push(
			'',
			`## Skipped (${n(report.skipped.length)})`,
			'',
			'These items are not in any number above:',
			'',
		);
		for (const entry of report.skipped.slice(0, listLimit)) {
			out.push(
				`- item ${entry.item}${entry.invoice ? ` (${escapeMarkdown(entry.invoice)})` : ''}: ${escapeMarkdown(entry.reason)}`,
			);
		}
		if (report.skipped.length > listLimit)
			out.push(
				`- …and ${n(report.skipped.length - listLimit)} more (see \`skipped\` in the JSON).`,
			);
	}

	out.push('', '---', '');
	out.push(
		`DSO, best possible DSO, ADD and CEI follow the Credit Research Foundation definitions over ${metrics.period.months} month(s) (${metrics.period.start} – ${metrics.period.end}, ${metrics.period.days} days, credit sales ${metrics.period.creditSalesFormatted}, ${metrics.period.creditSalesSource}).`,
	);
	for (const note of metrics.notes) out.push(`- ${escapeMarkdown(note)}`);
	return out.join('\n') + '\n';
}
