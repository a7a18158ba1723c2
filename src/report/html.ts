/**
 * The report as email-safe HTML: nested tables, inline styles and `bgcolor` attributes only, so it renders in
 * Gmail (which strips <style> blocks in many clients) and in Outlook's Word engine (no flexbox, grid, floats,
 * background images or border-radius that matters). No JavaScript, no external images or fonts: the aging chart
 * is table cells whose widths are percentages.
 */
import { AGING_BUCKETS } from '../state';
import { formatMoney } from '../money';
import {
	BUCKET_COLOR,
	BUCKET_LABEL,
	STATE_LABEL,
	count,
	days,
	escapeHtml,
	longDate,
	percent,
	signedDays,
	signedMoney,
} from './format';
import type { CollectionsReport } from './types';

const FONT = "font-family:Arial,'Helvetica Neue',Helvetica,sans-serif;";
const INK = '#111827';
const MUTED = '#6b7280';
const LINE = '#e5e7eb';
const GOOD = '#15803d';
const BAD = '#b91c1c';
const WIDTH = 640;

const STATE_TONE: Readonly<Record<string, [string, string]>> = {
	disputed: ['#fde8e8', '#9b1c1c'],
	broken_promise: ['#fde8e8', '#9b1c1c'],
	failed_payment: ['#fef3c7', '#92400e'],
	promised: ['#e0f2fe', '#075985'],
	paused: ['#f3f4f6', '#374151'],
	opted_out: ['#f3f4f6', '#374151'],
	missing_po: ['#fef3c7', '#92400e'],
	overdue: ['#fff1e6', '#9a3412'],
};

function table(inner: string, style = '', width = '100%'): string {
	return `<table role="presentation" width="${width}" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;${style}">${inner}</table>`;
}

function td(content: string, style: string, attributes = ''): string {
	return `<td${attributes ? ` ${attributes}` : ''} style="${FONT}${style}">${content}</td>`;
}

/** Up for DSO, overdue and aged buckets is bad news: red; down is green. */
function tone(delta: number | null, upIsBad = true): string {
	if (delta === null || delta === 0) return MUTED;
	return delta > 0 === upIsBad ? BAD : GOOD;
}

function kpi(label: string, value: string, sub: string, subColor = MUTED): string {
	return td(
		`<div style="font-size:11px;letter-spacing:0.06em;text-transform:uppercase;color:${MUTED};">${escapeHtml(label)}</div>` +
			`<div style="font-size:22px;line-height:28px;font-weight:bold;color:${INK};padding-top:4px;">${escapeHtml(value)}</div>` +
			`<div style="font-size:12px;color:${subColor};padding-top:2px;">${sub ? escapeHtml(sub) : '&nbsp;'}</div>`,
		`padding:16px 14px;border-top:1px solid ${LINE};vertical-align:top;`,
		'width="25%" valign="top"',
	);
}

function sectionTitle(text: string, note = ''): string {
	return `<tr>${td(
		`${escapeHtml(text)}${note ? ` <span style="font-weight:normal;color:${MUTED};font-size:12px;">${escapeHtml(note)}</span>` : ''}`,
		`padding:26px 28px 10px 28px;font-size:15px;font-weight:bold;color:${INK};`,
	)}</tr>`;
}

/** Integer percentages that add up to exactly 100 (largest remainder), so the stacked bar fills its row. */
function stackWidths(shares: number[]): number[] {
	const raw = shares.map((share) => share * 100);
	const floors = raw.map(Math.floor);
	let left = 100 - floors.reduce((sum, value) => sum + value, 0);
	const order = raw
		.map((value, index) => [value - Math.floor(value), index] as const)
		.sort((a, b) => b[0] - a[0]);
	for (const [, index] of order) {
		if (left <= 0) break;
		if (raw[index] > 0) {
			floors[index]++;
			left--;
		}
	}
	return floors;
}

function barCell(width: number, color: string, height = 14): string {
	return `<td width="${width}%" height="${height}" bgcolor="${color}" style="background-color:${color};height:${height}px;font-size:0;line-height:0;mso-line-height-rule:exactly;">&nbsp;</td>`;
}

function headerCells(labels: Array<[string, 'left' | 'right']>): string {
	return `<tr>${labels
		.map(([label, align]) =>
			td(
				escapeHtml(label),
				`padding:6px 8px;font-size:11px;letter-spacing:0.05em;text-transform:uppercase;color:${MUTED};border-bottom:1px solid ${LINE};text-align:${align};`,
				`align="${align}"`,
			),
		)
		.join('')}</tr>`;
}

function cell(content: string, align: 'left' | 'right' = 'left', extra = ''): string {
	return td(
		content,
		`padding:8px 8px;font-size:13px;color:${INK};border-bottom:1px solid #f1f2f4;text-align:${align};${extra}`,
		`align="${align}"`,
	);
}

function pill(state: string): string {
	const [background, color] = STATE_TONE[state] ?? ['#eef2f7', '#334155'];
	return `<span style="display:inline-block;background-color:${background};color:${color};font-size:11px;padding:2px 7px;border-radius:9px;white-space:nowrap;">${escapeHtml(STATE_LABEL[state] ?? state)}</span>`;
}

export function renderHtml(report: CollectionsReport, listLimit = 10): string {
	const { summary, metrics, trend, locale } = report;
	const fmt = (minor: number) => formatMoney(minor, report.currency, locale);
	const n = (value: number) => count(value, locale);
	const rows: string[] = [];

	// Header band.
	rows.push(
		`<tr>${td(
			`<div style="font-size:22px;line-height:28px;font-weight:bold;color:#ffffff;">${escapeHtml(report.title)}</div>` +
				`<div style="font-size:13px;color:#c7d2fe;padding-top:6px;">As of ${escapeHtml(longDate(report.asOf, locale))} · ${escapeHtml(report.currency)} · ${n(summary.openCount)} open invoice${summary.openCount === 1 ? '' : 's'}</div>`,
			'padding:24px 28px;background-color:#1e2a4a;',
			'bgcolor="#1e2a4a"',
		)}</tr>`,
	);
	if (trend) {
		rows.push(
			`<tr>${td(escapeHtml(trend.text), 'padding:10px 28px;background-color:#eef2ff;color:#3730a3;font-size:13px;', 'bgcolor="#eef2ff"')}</tr>`,
		);
	}

	// Headline tiles.
	const overdueShare =
		summary.openAmount > 0
			? `${percent(summary.overdueAmount / summary.openAmount, 0)} of open`
			: '';
	const dsoDelta = trend?.dsoChange.countback ?? null;
	const overdueDelta = trend ? trend.overdueAmountChangeMinor : null;
	const tiles1 = [
		kpi('Open receivables', summary.openAmountFormatted, `${n(summary.openCount)} invoices`),
		kpi(
			'Overdue',
			summary.overdueAmountFormatted,
			overdueDelta !== null && overdueDelta !== 0
				? `${signedMoney(overdueDelta, fmt)} · ${overdueShare}`
				: overdueShare,
			tone(overdueDelta),
		),
		kpi(
			'DSO',
			days(metrics.dso.countback),
			dsoDelta !== null && dsoDelta !== 0
				? `${signedDays(dsoDelta)} · countback`
				: `countback · simple ${days(metrics.dso.simple)}`,
			tone(dsoDelta),
		),
		kpi(
			'CEI',
			metrics.cei === null ? '—' : `${metrics.cei.toFixed(1)}%`,
			'collection effectiveness',
		),
	];
	const tiles2 = [
		kpi('Best possible DSO', days(metrics.bestPossibleDso), `ADD ${days(metrics.add)}`),
		kpi(
			'Paid within 7 days',
			percent(metrics.paidWithin7DaysRate),
			`${n(metrics.counts.paidWithin7Days)} of ${n(metrics.counts.paidWithin7DaysCohort)} due`,
		),
		kpi(
			'Promises kept',
			percent(metrics.promiseKeptRate),
			`${n(metrics.counts.promisesKept)} kept · ${n(metrics.counts.promisesBroken)} broken`,
		),
		kpi('Recovered', summary.recoveredAmountFormatted, `${n(summary.recoveredCount)} invoices`),
	];
	rows.push(
		`<tr><td style="padding:8px 14px 0 14px;">${table(`<tr>${tiles1.join('')}</tr><tr>${tiles2.join('')}</tr>`)}</td></tr>`,
	);

	// Activity strip.
	const activity = [
		`<b>${n(summary.remindersSent)}</b> reminders sent`,
		`<b>${n(summary.repliesReceived)}</b> replies`,
		`<b>${n(summary.escalations)}</b> escalations`,
		`<b>${escapeHtml(summary.disputedAmountFormatted)}</b> disputed`,
		`<b>${n(report.stalled.length)}</b> stalled accounts`,
	].join(' &nbsp;·&nbsp; ');
	rows.push(
		`<tr>${td(activity, `padding:14px 28px;font-size:13px;color:#374151;background-color:#f9fafb;border-top:1px solid ${LINE};border-bottom:1px solid ${LINE};`, 'bgcolor="#f9fafb"')}</tr>`,
	);

	// Aging: a stacked bar of the mix, then one bar per bucket scaled to the largest.
	rows.push(sectionTitle('Aging', `of ${summary.openAmountFormatted} open`));
	if (summary.openAmount > 0) {
		const widths = stackWidths(AGING_BUCKETS.map((bucket) => report.byBucket[bucket].share));
		const stack = AGING_BUCKETS.map((bucket, index) =>
			widths[index] > 0 ? barCell(widths[index], BUCKET_COLOR[bucket], 18) : '',
		).join('');
		rows.push(`<tr><td style="padding:0 28px 12px 28px;">${table(`<tr>${stack}</tr>`)}</td></tr>`);
	}
	const largest = Math.max(...AGING_BUCKETS.map((bucket) => report.byBucket[bucket].amount), 0);
	const agingRows = AGING_BUCKETS.map((bucket) => {
		const entry = report.byBucket[bucket];
		const width =
			largest > 0 && entry.amount > 0 ? Math.max(1, Math.round((entry.amount / largest) * 100)) : 0;
		const bar = table(
			`<tr>${width > 0 ? barCell(width, BUCKET_COLOR[bucket]) : ''}${width < 100 ? barCell(100 - width, '#f1f3f5') : ''}</tr>`,
		);
		const change = trend ? trend.buckets[bucket].amountChangeMinor : null;
		return (
			'<tr>' +
			td(
				`<span style="display:inline-block;width:9px;height:9px;background-color:${BUCKET_COLOR[bucket]};">&nbsp;</span>&nbsp; ${escapeHtml(BUCKET_LABEL[bucket])}`,
				`padding:7px 8px 7px 0;font-size:13px;color:${INK};white-space:nowrap;`,
				'width="112"',
			) +
			`<td width="236" style="padding:7px 8px;">${bar}</td>` +
			td(
				escapeHtml(entry.amountFormatted),
				`padding:7px 8px;font-size:13px;font-weight:bold;color:${INK};text-align:right;white-space:nowrap;`,
				'align="right"',
			) +
			td(
				`${n(entry.count)} · ${percent(entry.share, 0)}`,
				`padding:7px 8px;font-size:12px;color:${MUTED};text-align:right;white-space:nowrap;`,
				'align="right"',
			) +
			(trend
				? td(
						change === 0 ? '±0' : escapeHtml(signedMoney(change!, fmt)),
						`padding:7px 0 7px 8px;font-size:12px;color:${tone(bucket === 'not_due' ? -change! : change)};text-align:right;white-space:nowrap;`,
						'align="right"',
					)
				: '') +
			'</tr>'
		);
	}).join('');
	rows.push(`<tr><td style="padding:0 28px;">${table(agingRows)}</td></tr>`);

	// Largest overdue invoices.
	if (report.topOverdue.length > 0) {
		rows.push(sectionTitle('Largest overdue invoices'));
		const lines = report.topOverdue
			.slice(0, listLimit)
			.map(
				(line) =>
					'<tr>' +
					cell(
						`<b>${escapeHtml(line.number)}</b><div style="font-size:12px;color:${MUTED};">${escapeHtml(line.customer)}</div>`,
					) +
					cell(escapeHtml(line.owner), 'left', `color:#374151;`) +
					cell(`${line.daysPastDue}&nbsp;d`, 'right') +
					cell(
						`<b>${escapeHtml(line.convertedAmountFormatted)}</b>${line.currency === report.currency ? '' : `<div style="font-size:11px;color:${MUTED};">${escapeHtml(line.amountDueFormatted)}</div>`}`,
						'right',
						'white-space:nowrap;',
					) +
					cell(pill(line.state), 'right') +
					'</tr>',
			)
			.join('');
		rows.push(
			`<tr><td style="padding:0 28px;">${table(
				headerCells([
					['Invoice', 'left'],
					['Owner', 'left'],
					['Past due', 'right'],
					['Amount', 'right'],
					['State', 'right'],
				]) + lines,
			)}</td></tr>`,
		);
	}

	// Stalled accounts.
	if (report.stalled.length > 0) {
		rows.push(
			sectionTitle(
				`Stalled accounts (${n(report.stalled.length)})`,
				`overdue, nothing heard or done for ${report.stalledDays}+ days`,
			),
		);
		const lines = report.stalled
			.slice(0, listLimit)
			.map(
				(account) =>
					'<tr>' +
					cell(
						`<b>${escapeHtml(account.customer)}</b><div style="font-size:12px;color:${MUTED};">${escapeHtml(account.reason)}</div>`,
					) +
					cell(escapeHtml(account.owner), 'left', 'color:#374151;') +
					cell(`${account.daysIdle}&nbsp;d`, 'right') +
					cell(
						`<b>${escapeHtml(account.overdueAmountFormatted)}</b>`,
						'right',
						'white-space:nowrap;',
					) +
					'</tr>',
			)
			.join('');
		const more =
			report.stalled.length > listLimit
				? `<tr>${td(`…and ${n(report.stalled.length - listLimit)} more in the CSV and JSON.`, `padding:8px;font-size:12px;color:${MUTED};`, 'colspan="4"')}</tr>`
				: '';
		rows.push(
			`<tr><td style="padding:0 28px;">${table(
				headerCells([
					['Customer', 'left'],
					['Owner', 'left'],
					['Idle', 'right'],
					['Overdue', 'right'],
				]) +
					lines +
					more,
			)}</td></tr>`,
		);
	}

	// Late fees and interest (with a policy): shown to people, never posted.
	const fees = report.lateFees;
	if (fees) {
		rows.push(
			sectionTitle(
				`Late fees and interest: ${fees.amountFormatted}`,
				`${n(fees.invoiceCount)} invoices, as of the report date; never posted to the books`,
			),
		);
		const lines = fees.byCustomer
			.slice(0, listLimit)
			.map(
				(customer) =>
					'<tr>' +
					cell(`<b>${escapeHtml(customer.customer)}</b>`) +
					cell(n(customer.invoiceCount), 'right') +
					cell(`<b>${escapeHtml(customer.amountFormatted)}</b>`, 'right', 'white-space:nowrap;') +
					'</tr>',
			)
			.join('');
		rows.push(
			`<tr><td style="padding:0 28px;">${table(
				headerCells([
					['Customer', 'left'],
					['Invoices', 'right'],
					['Fees and interest', 'right'],
				]) + lines,
			)}</td></tr>`,
		);
	}

	// Owners.
	if (report.byOwner.length > 0) {
		rows.push(sectionTitle('Owners'));
		const lines = report.byOwner
			.slice(0, listLimit)
			.map((owner) => {
				const a = owner.actions;
				const actions = [
					a.escalations ? `${a.escalations} escalation${a.escalations === 1 ? '' : 's'}` : '',
					a.disputes ? `${a.disputes} dispute${a.disputes === 1 ? '' : 's'}` : '',
					a.brokenPromises
						? `${a.brokenPromises} broken promise${a.brokenPromises === 1 ? '' : 's'}`
						: '',
					a.stalledAccounts ? `${a.stalledAccounts} stalled` : '',
				]
					.filter(Boolean)
					.join(' · ');
				return (
					'<tr>' +
					cell(`<b>${escapeHtml(owner.owner)}</b>`) +
					cell(escapeHtml(actions || '—'), 'left', 'color:#374151;font-size:12px;') +
					cell(escapeHtml(owner.overdueAmountFormatted), 'right', 'white-space:nowrap;') +
					cell(escapeHtml(owner.amountFormatted), 'right', `white-space:nowrap;color:${MUTED};`) +
					'</tr>'
				);
			})
			.join('');
		rows.push(
			`<tr><td style="padding:0 28px;">${table(
				headerCells([
					['Owner', 'left'],
					['Needs action', 'left'],
					['Overdue', 'right'],
					['Open', 'right'],
				]) + lines,
			)}</td></tr>`,
		);
	}

	// Currencies, when the book is mixed.
	if (
		report.byCurrency.length > 1 ||
		(report.byCurrency.length === 1 && report.byCurrency[0].currency !== report.currency)
	) {
		rows.push(
			sectionTitle('Currencies', `converted to ${report.currency}, rounded once per invoice`),
		);
		const lines = report.byCurrency
			.map(
				(entry) =>
					'<tr>' +
					cell(`<b>${escapeHtml(entry.currency)}</b>`) +
					cell(n(entry.count), 'right') +
					cell(escapeHtml(entry.amountFormatted), 'right', 'white-space:nowrap;') +
					cell(escapeHtml(entry.convertedAmountFormatted), 'right', 'white-space:nowrap;') +
					cell(escapeHtml(entry.rate), 'right', `color:${MUTED};`) +
					'</tr>',
			)
			.join('');
		rows.push(
			`<tr><td style="padding:0 28px;">${table(
				headerCells([
					['Currency', 'left'],
					['Invoices', 'right'],
					['Open', 'right'],
					[`In ${report.currency}`, 'right'],
					['Rate', 'right'],
				]) + lines,
			)}</td></tr>`,
		);
	}

	// Skipped items: never silent.
	if (report.skipped.length > 0) {
		rows.push(sectionTitle(`Skipped (${n(report.skipped.length)})`, 'not in any number above'));
		const lines = report.skipped
			.slice(0, listLimit)
			.map(
				(entry) =>
					`<li style="margin:0 0 4px 0;">item ${entry.item}${entry.invoice ? ` (${escapeHtml(entry.invoice)})` : ''}: ${escapeHtml(entry.reason)}</li>`,
			)
			.join('');
		const more =
			report.skipped.length > listLimit
				? `<li>…and ${n(report.skipped.length - listLimit)} more in the JSON.</li>`
				: '';
		rows.push(
			`<tr>${td(`<ul style="margin:0;padding:0 0 0 18px;">${lines}${more}</ul>`, `padding:0 28px;font-size:12px;color:#92400e;`)}</tr>`,
		);
	}

	// Footnote: the definitions, so the numbers can be checked.
	const period = metrics.period;
	const notes = metrics.notes
		.map((note) => `<div style="padding-top:4px;">${escapeHtml(note)}</div>`)
		.join('');
	rows.push(
		`<tr>${td(
			`DSO (simple) = receivables ÷ credit sales × days; countback walks back month by month through credit sales. Best possible DSO = current receivables ÷ credit sales × days; ADD = DSO − best possible DSO; CEI per the Credit Research Foundation. Period ${escapeHtml(period.start)} – ${escapeHtml(period.end)} (${period.days} days, ${period.months} months), credit sales ${escapeHtml(period.creditSalesFormatted)} (${period.creditSalesSource}).${notes}`,
			`padding:24px 28px 26px 28px;font-size:11px;line-height:16px;color:${MUTED};`,
		)}</tr>`,
	);

	return (
		'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
		`<meta name="x-apple-disable-message-reformatting"><title>${escapeHtml(report.title)}</title></head>` +
		'<body style="margin:0;padding:0;background-color:#f3f4f6;">' +
		table(
			`<tr><td align="center" style="padding:24px 12px;">${table(rows.join(''), `width:${WIDTH}px;max-width:${WIDTH}px;background-color:#ffffff;border:1px solid ${LINE};`, String(WIDTH))}</td></tr>`,
			'background-color:#f3f4f6;',
		) +
		'</body></html>\n'
	);
}
