/** Small text helpers shared by the renderers: labels, escaping, numbers for people. */
import { escapeSlackMrkdwn, oneLine } from '../text';
import type { AgingBucket } from '../state';
import { formatMoney, minorToMajor } from '../money';

export const BUCKET_LABEL: Readonly<Record<AgingBucket, string>> = {
	not_due: 'Not yet due',
	'1-30': '1–30 days',
	'31-60': '31–60 days',
	'61-90': '61–90 days',
	'91+': '91+ days',
};

/** Calm to alarming: green for current, amber to deep red as invoices age. */
export const BUCKET_COLOR: Readonly<Record<AgingBucket, string>> = {
	not_due: '#3f9c6d',
	'1-30': '#e8b73a',
	'31-60': '#e8873a',
	'61-90': '#d9573f',
	'91+': '#a3303f',
};

export const STATE_LABEL: Readonly<Record<string, string>> = {
	draft: 'Draft',
	void: 'Void',
	paid: 'Paid',
	disputed: 'Disputed',
	opted_out: 'Opted out',
	paused: 'Paused',
	promised: 'Promised',
	broken_promise: 'Broken promise',
	failed_payment: 'Failed payment',
	missing_po: 'Missing PO',
	overdue: 'Overdue',
	due_today: 'Due today',
	due_soon: 'Due soon',
	not_due: 'Not due',
};

export function days(value: number | null): string {
	return value === null ? '—' : `${value.toFixed(1)} days`;
}

export function percent(rate: number | null, decimals = 1): string {
	return rate === null ? '—' : `${(rate * 100).toFixed(decimals)}%`;
}

export function count(value: number, locale: string): string {
	return value.toLocaleString(locale);
}

/** "+3.5 days" / "−2.0 days" / "±0 days". */
export function signedDays(value: number | null): string {
	if (value === null) return '';
	if (value === 0) return '±0 days';
	return `${value > 0 ? '+' : '−'}${Math.abs(value).toFixed(1)} days`;
}

/** "+$1,200.00" / "−$300.00" from a formatted absolute amount. */
export function signedMoney(value: number, format: (minor: number) => string): string {
	if (value === 0) return `±${format(0)}`;
	return `${value > 0 ? '+' : '−'}${format(Math.abs(value))}`;
}

/** A long date for people: "22 November 2026" (en-GB order avoids month/day ambiguity across locales). */
export function longDate(date: string, locale: string): string {
	const parsed = new Date(`${date}T00:00:00Z`);
	try {
		return new Intl.DateTimeFormat(locale, {
			day: 'numeric',
			month: 'long',
			year: 'numeric',
			timeZone: 'UTC',
		}).format(parsed);
	} catch {
		return date;
	}
}

export { escapeHtml, escapeMarkdown, clipText as truncate } from '../text';

/** For Slack mrkdwn on one line (a list entry): escaped, line breaks folded. */
export function escapeSlack(text: string): string {
	return oneLine(escapeSlackMrkdwn(text));
}

/** One amount of the reporting currency, named the package's way: `<name>Minor`, `<name>`, `<name>Formatted`. */
export type Named<Name extends string> = { [Key in Name as `${Key}Minor`]: number } & {
	[Key in Name]: number;
} & { [Key in Name as `${Key}Formatted`]: string };
export type NamedMoney = <Name extends string>(name: Name, minor: number) => Named<Name>;

export function namedMoney(currency: string, locale: string): NamedMoney {
	return <Name extends string>(name: Name, minor: number) =>
		({
			[`${name}Minor`]: minor,
			[name]: minorToMajor(minor, currency),
			[`${name}Formatted`]: formatMoney(minor, currency, locale),
		}) as Named<Name>;
}
