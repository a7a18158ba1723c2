/**
 * Statement of account: one message per customer listing every open invoice with its age, the aging summary and the
 * total per currency, in the customer's language (the approved "statement" template), plus the same list as CSV for
 * an attachment people can file.
 */
import type { CadenceMessage } from '../cadence/plan';
import { daysBetween } from '../dates';
import type { Invoice } from '../invoice/schema';
import {
	chooseTemplate,
	builtInLibraries,
	WORDINGS,
	type LocalisedLibraries,
} from '../messages/locales';
import {
	formatDate,
	renderMessage,
	type RenderedMessage,
	type Sender,
	type StatementView,
} from '../messages/render';
import type { MimeAttachment } from '../messages/mime';
import { formatMoney } from '../money';
import { csvLine, decimalText } from '../report/csv';

export const STATEMENT_BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'] as const;
export type StatementBucket = (typeof STATEMENT_BUCKETS)[number];

export interface StatementOptions {
	/** The statement's calendar date (YYYY-MM-DD): ages count to it. */
	asOf: string;
	libraries?: LocalisedLibraries;
	/** Locale whose library answers when the customer's language has none. Default en-US. */
	fallbackLocale?: string;
	sender?: Sender;
}

export interface StatementRow {
	invoiceId: string;
	number: string;
	issuedOn: string | null;
	dueOn: string | null;
	daysPastDue: number;
	bucket: StatementBucket;
	currency: string;
	amountDueMinor: number;
	paymentUrl?: string;
}

export interface Statement {
	customerKey: string;
	customerName: string;
	to?: string;
	locale: string;
	rows: StatementRow[];
	totals: Array<{ currency: string; amountDueMinor: number }>;
	message: RenderedMessage;
	/** The rows as CSV (UTF-8 text, one header line), for an attachment. */
	csv: string;
	csvFileName: string;
}

function bucketOf(days: number): StatementBucket {
	if (days <= 0) return 'current';
	if (days <= 30) return '1-30';
	if (days <= 60) return '31-60';
	if (days <= 90) return '61-90';
	return '90+';
}

/** Open invoices with money still due: what a statement lists. */
export function isOnStatement(invoice: Invoice): boolean {
	return invoice.lifecycle === 'open' && invoice.amountDueMinor > 0;
}

/** The customer a statement is for: its id, else its name. */
export function statementCustomerKey(invoice: Invoice): string {
	return invoice.customer.id ?? invoice.customer.name;
}

/** One statement per customer, in input order of the customers' first invoices. */
export function buildStatements(
	invoices: readonly Invoice[],
	options: StatementOptions,
): Statement[] {
	const groups = new Map<string, Invoice[]>();
	for (const invoice of invoices) {
		if (!isOnStatement(invoice)) continue;
		const key = statementCustomerKey(invoice);
		const group = groups.get(key);
		if (group) group.push(invoice);
		else groups.set(key, [invoice]);
	}
	return [...groups.values()].map((group) => buildStatement(group, options));
}

/** The statement of one customer's open invoices (the first invoice names the customer, contact and language). */
export function buildStatement(invoices: readonly Invoice[], options: StatementOptions): Statement {
	const open = invoices.filter(isOnStatement);
	if (open.length === 0) throw new RangeError('a statement needs at least one open invoice');
	const first = open[0];
	const rows: StatementRow[] = open
		.map((invoice) => {
			const dueOn = invoice.dueOn ?? invoice.issuedOn;
			const daysPastDue = dueOn ? Math.max(0, daysBetween(dueOn, options.asOf)) : 0;
			return {
				invoiceId: invoice.id,
				number: invoice.number,
				issuedOn: invoice.issuedOn,
				dueOn,
				daysPastDue,
				bucket: bucketOf(daysPastDue),
				currency: invoice.currency,
				amountDueMinor: invoice.amountDueMinor,
				...(invoice.paymentUrl ? { paymentUrl: invoice.paymentUrl } : {}),
			};
		})
		.sort(
			(a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? '') || a.number.localeCompare(b.number),
		);
	const totalsByCurrency = new Map<string, number>();
	for (const row of rows)
		totalsByCurrency.set(
			row.currency,
			(totalsByCurrency.get(row.currency) ?? 0) + row.amountDueMinor,
		);
	const totals = [...totalsByCurrency].map(([currency, amountDueMinor]) => ({
		currency,
		amountDueMinor,
	}));

	const choice = chooseTemplate(first.customer.locale, 'statement', 'email', {
		libraries: options.libraries ?? builtInLibraries(),
		fallbackLocale: options.fallbackLocale,
	});
	const locale = choice.locale;
	const bucketLabels =
		WORDINGS[choice.language.split('-')[0]]?.statement.buckets ?? WORDINGS.en.statement.buckets;
	const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
	const view: StatementView = {
		date: formatDate(options.asOf, locale),
		rows: rows.map((row) => ({
			number: row.number,
			issuedDate: row.issuedOn ? formatDate(row.issuedOn, locale) : '',
			dueDate: row.dueOn ? formatDate(row.dueOn, locale) : '',
			daysPastDue: row.daysPastDue,
			amountDue: money(row.amountDueMinor, row.currency),
			...(row.paymentUrl ? { paymentUrl: row.paymentUrl } : {}),
		})),
		totals: totals.map((total) => ({
			currency: total.currency,
			amountDue: money(total.amountDueMinor, total.currency),
		})),
		// Aging per bucket, in the statement's first currency only when there is one currency (sums across
		// currencies would mean nothing); every bucket with money in it.
		buckets:
			totals.length === 1
				? STATEMENT_BUCKETS.flatMap((bucket) => {
						const minor = rows
							.filter((row) => row.bucket === bucket)
							.reduce((sum, row) => sum + row.amountDueMinor, 0);
						return minor > 0
							? [{ label: bucketLabels[bucket], amountDue: money(minor, totals[0].currency) }]
							: [];
					})
				: [],
	};
	const message = renderMessage(choice.template, first, {
		messageLocale: locale,
		asOfDate: options.asOf,
		statement: view,
		sender: options.sender,
		templateName: 'statement',
	});
	const csv = [
		csvLine([
			'invoice',
			'issued_on',
			'due_on',
			'days_past_due',
			'aging_bucket',
			'currency',
			'amount_due',
		]),
		...rows.map((row) =>
			csvLine([
				row.number,
				row.issuedOn,
				row.dueOn,
				row.daysPastDue,
				row.bucket,
				row.currency,
				decimalText(row.amountDueMinor, row.currency),
			]),
		),
	].join('\r\n');
	return {
		customerKey: statementCustomerKey(first),
		customerName: first.customer.name,
		...(first.contact.email ? { to: first.contact.email } : {}),
		locale,
		rows,
		totals,
		message,
		csv: `${csv}\r\n`,
		csvFileName: `statement-${safeName(first.customer.name)}-${options.asOf}.csv`,
	};
}

function safeName(name: string): string {
	return (
		name
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '') || 'customer'
	);
}

export interface StatementEmailOptions extends StatementOptions {
	/** The recipient (the plan's, so the billing contact is preferred as for any reminder). */
	to: string;
	cc?: readonly string[];
	idempotencyKey: string;
	tone: CadenceMessage['tone'];
}

/**
 * A statement as a Cadence Step e-mail: the statement message (HTML table and text), addressed like the plan's
 * reminder, with the CSV as an attachment for the MIME message.
 */
export function statementEmail(
	invoices: readonly Invoice[],
	options: StatementEmailOptions,
): { statement: Statement; message: CadenceMessage; attachment: MimeAttachment } {
	// The greeting names the person the plan writes to, when that is one of the invoice's other contacts.
	const [first, ...rest] = invoices.filter(isOnStatement);
	const contact =
		first && first.contact.email !== options.to
			? first.contacts?.find((other) => other.email === options.to)
			: undefined;
	const statement = buildStatement(contact ? [{ ...first, contact }, ...rest] : invoices, options);
	const { message: rendered } = statement;
	return {
		statement,
		message: {
			channel: 'email',
			to: options.to,
			cc: [...(options.cc ?? [])],
			...(rendered.subject !== undefined ? { subject: rendered.subject } : {}),
			text: rendered.text,
			...(rendered.html !== undefined ? { html: rendered.html } : {}),
			idempotencyKey: options.idempotencyKey,
			// A statement starts its own thread: it is about the account, not one invoice's e-mail.
			threadHeaders: {},
			template: 'statement',
			tone: options.tone,
			requiresApproval: false,
			locale: statement.locale,
		},
		attachment: {
			filename: statement.csvFileName,
			content: Buffer.from(statement.csv, 'utf8'),
			contentType: 'text/csv; charset=utf-8',
		},
	};
}
