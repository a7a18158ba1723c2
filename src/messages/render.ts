/**
 * Renders approved handlebars templates for one invoice (or a customer's group of invoices).
 * Strict: a variable the invoice does not have is an error, never a blank. HTML parts are escaped, text parts
 * (subject, plain text, SMS, call script) are not, and no template can reach prototypes or unknown helpers.
 */
import type Handlebars from 'handlebars';
import { z } from 'zod';

import { URL_RULE, isHttpUrl } from '../address';
import { daysBetween, isCalendarDate } from '../dates';
import { formatMoney } from '../money';
import type { Invoice } from '../invoice/schema';
import { lintTemplate } from './lint';

export const MessageTemplateSchema = z.object({
	subject: z.string().min(1).optional(),
	text: z.string().min(1),
	html: z.string().min(1).optional(),
});
export type MessageTemplate = z.infer<typeof MessageTemplateSchema>;

export interface Sender {
	name?: string;
	company?: string;
	email?: string;
	phone?: string;
}

export interface RenderContext {
	/** Locale for money and dates when the customer has none. Default en-US. */
	locale?: string;
	/**
	 * Locale of the language the template was chosen in (chooseTemplate): wins over the customer's, so a message
	 * that fell back to another language formats its money and dates in that language too.
	 */
	messageLocale?: string;
	/** Calendar date (YYYY-MM-DD) of the previous reminder to this invoice, as `previous.date`. */
	previousReminderOn?: string;
	/** Late fees a policy lets the message state, as `lateFee.total` and `lateFee.date` (approved wording only). */
	lateFee?: { totalMinor: number; currency: string; asOfDate: string };
	/** A statement of account, as `statement.*` (src/statement). */
	statement?: StatementView;
	sender?: Sender;
	/** The calendar day the message is for (customer's zone); gives `invoice.daysPastDue`. */
	asOfDate?: string;
	/** The step being rendered (id, tone, channel), available as `step.*`. */
	step?: { id: string; tone: string; channel: string };
	/** Consolidation: every invoice of the customer that is due, available as `invoices` (the first is `invoice`). */
	invoices?: readonly Invoice[];
	/** Extra variables, available as `extra.*` (for user templates). */
	extra?: Record<string, unknown>;
	/** Template name, for error messages. */
	templateName?: string;
}

export interface RenderedMessage {
	subject?: string;
	text: string;
	html?: string;
}

export class MessageError extends Error {
	constructor(
		message: string,
		readonly template?: string,
	) {
		super(message);
		this.name = 'MessageError';
	}
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();
const formattedDates = new Map<string, string>();

/** "December 1, 2026" / "1. Dezember 2026" for a calendar date, in the given locale (memoised per locale and date). */
export function formatDate(date: string, locale = 'en-US'): string {
	const key = `${locale}|${date}`;
	let text = formattedDates.get(key);
	if (text !== undefined) return text;
	let formatter = dateFormatters.get(locale);
	if (!formatter) {
		try {
			formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
		} catch {
			formatter = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });
		}
		dateFormatters.set(locale, formatter);
	}
	text = formatter.format(new Date(`${date}T00:00:00Z`));
	if (formattedDates.size > 50_000) formattedDates.clear();
	formattedDates.set(key, text);
	return text;
}

function requireValue(helper: string, value: unknown): void {
	if (value === undefined || value === null || value === '') {
		throw new MessageError(
			`the {{${helper}}} helper got an empty value: the invoice lacks the field the template names`,
		);
	}
}

let loaded: typeof Handlebars | undefined;

/**
 * The handlebars instance with our helpers, loaded on first use: handlebars is about a third of the package's
 * modules, and n8n loads every node at start-up, also for workflows that never render a message.
 */
function engine(): typeof Handlebars {
	if (loaded) return loaded;
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const handlebars = (require('handlebars') as typeof Handlebars).create();
	handlebars.registerHelper(
		'money',
		function (this: unknown, minor: unknown, currency: unknown, options: Handlebars.HelperOptions) {
			requireValue('money', minor);
			requireValue('money', currency);
			if (typeof minor !== 'number' || !Number.isInteger(minor))
				throw new MessageError(
					'{{money}} takes integer minor units, e.g. {{money invoice.amountDueMinor invoice.currency}}',
				);
			return formatMoney(
				minor,
				String(currency),
				(options?.data?.root as View | undefined)?.locale,
			);
		},
	);
	handlebars.registerHelper(
		'date',
		function (this: unknown, value: unknown, options: Handlebars.HelperOptions) {
			requireValue('date', value);
			if (!isCalendarDate(value))
				throw new MessageError(`{{date}} takes a YYYY-MM-DD date, got "${String(value)}"`);
			return formatDate(value, (options?.data?.root as View | undefined)?.locale);
		},
	);
	handlebars.registerHelper('fallback', (value: unknown, otherwise: unknown) =>
		value === undefined || value === null || value === '' ? otherwise : value,
	);
	handlebars.registerHelper('plural', (count: unknown, one: unknown, many: unknown) =>
		count === 1 ? one : many,
	);
	loaded = handlebars;
	return handlebars;
}

const KNOWN_HELPERS = { money: true, date: true, fallback: true, plural: true } as const;

type Compiled = (view: View) => string;
/** Compiled templates by source, one map for HTML (escaped) and one for text parts. */
const compiledHtml = new Map<string, Compiled>();
const compiledText = new Map<string, Compiled>();

function compile(source: string, escape: boolean, name: string, part: string): Compiled {
	const compiled = escape ? compiledHtml : compiledText;
	let template = compiled.get(source);
	if (!template) {
		const unsafe = lintTemplate(source, escape ? 'html' : part === 'subject' ? 'subject' : 'text');
		if (unsafe.length > 0) {
			throw new MessageError(
				`template "${name}" (${part}) is refused: ${unsafe.map((finding) => finding.message).join('; ')}`,
				name,
			);
		}
		let invalid: string | undefined;
		try {
			const fn = engine().compile(source, {
				strict: true,
				noEscape: !escape,
				knownHelpers: KNOWN_HELPERS,
				knownHelpersOnly: true,
			});
			template = (view: View) =>
				fn(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
			// Compile now so syntax errors surface with the template's name, not on first send. handlebars compiles
			// on first use; its `_setup` (which every render runs first) triggers that once, where a `precompile`
			// would compile the whole template a second time.
			(fn as unknown as { _setup(options: object): void })._setup({});
		} catch (error) {
			invalid = `template "${name}" (${part}) is not valid handlebars: ${(error as Error).message}`;
		}
		if (invalid !== undefined || !template)
			throw new MessageError(invalid ?? `template "${name}" did not compile`, name);
		compiled.set(source, template);
	}
	return template;
}

interface InvoiceView {
	id: string;
	number: string;
	currency: string;
	/** The amounts as text for the customer's locale (the package's `*Formatted`). */
	amountDueFormatted: string;
	totalFormatted: string;
	amountPaidFormatted: string;
	/** Deprecated aliases of the `*Formatted` fields, kept while custom templates move (see CHANGELOG). */
	amountDue: string;
	total: string;
	amountPaid: string;
	amountDueMinor: number;
	totalMinor: number;
	dueDate?: string;
	dueOn?: string;
	issuedDate?: string;
	issuedOn?: string;
	daysPastDue?: number;
	daysUntilDue?: number;
	paymentUrl?: string;
	documentUrl?: string;
	/** The document link is the payment page as well (Stripe, QuickBooks, Xero): one link says both. */
	documentIsPaymentPage?: boolean;
	pdfUrl?: string;
	poNumber?: string;
}

/** What a statement template reads: rows, totals per currency and the aging buckets, all formatted. */
export interface StatementView {
	date: string;
	rows: Array<{
		number: string;
		issuedDate?: string;
		dueDate?: string;
		daysPastDue: number;
		amountDue: string;
		paymentUrl?: string;
	}>;
	totals: Array<{ currency: string; amountDue: string }>;
	buckets: Array<{ label: string; amountDue: string }>;
}

interface View {
	locale: string;
	invoice: InvoiceView;
	invoices: InvoiceView[];
	customer: { name: string; id?: string };
	contact: {
		greetingName: string;
		name?: string;
		firstName?: string;
		email?: string;
		title?: string;
	};
	sender: Sender;
	step?: RenderContext['step'];
	totals: { amountDue: string; count: number };
	previous: { date?: string };
	lateFee: { total?: string; date?: string };
	statement?: StatementView;
	extra: Record<string, unknown>;
}

/** Drops empty strings and nulls so strict mode reports them as missing instead of rendering blanks. */
function present<T extends object>(value: T): T {
	const out = {} as Record<string, unknown>;
	const source = value as Record<string, unknown>;
	for (const key in source) {
		const field = source[key];
		if (field !== undefined && field !== null && field !== '') out[key] = field;
	}
	return out as T;
}

function invoiceView(invoice: Invoice, locale: string, asOfDate?: string): InvoiceView {
	// The link becomes an href: a `javascript:` or other non-web link never renders.
	for (const field of ['paymentUrl', 'documentUrl', 'pdfUrl'] as const) {
		if (invoice[field] !== undefined && !isHttpUrl(invoice[field]))
			throw new MessageError(`invoice ${String(invoice.id)}: ${field} ${URL_RULE}`);
	}
	// Intl formatting is the costliest step of a render: format each distinct amount once.
	const amountDue = formatMoney(invoice.amountDueMinor, invoice.currency, locale);
	const total =
		invoice.totalMinor === invoice.amountDueMinor
			? amountDue
			: formatMoney(invoice.totalMinor, invoice.currency, locale);
	const amountPaid =
		invoice.amountPaidMinor === invoice.amountDueMinor
			? amountDue
			: formatMoney(invoice.amountPaidMinor, invoice.currency, locale);
	const view: InvoiceView = {
		id: invoice.id,
		number: invoice.number,
		currency: invoice.currency,
		amountDue,
		amountDueMinor: invoice.amountDueMinor,
		total,
		totalMinor: invoice.totalMinor,
		amountPaid,
		amountDueFormatted: amountDue,
		totalFormatted: total,
		amountPaidFormatted: amountPaid,
		// No due date means due on receipt (as Payment State Check ages it): the issue date stands in.
		dueOn: invoice.dueOn ?? invoice.issuedOn ?? undefined,
		dueDate:
			invoice.dueOn || invoice.issuedOn
				? formatDate((invoice.dueOn ?? invoice.issuedOn)!, locale)
				: undefined,
		issuedOn: invoice.issuedOn ?? undefined,
		issuedDate: invoice.issuedOn ? formatDate(invoice.issuedOn, locale) : undefined,
		paymentUrl: invoice.paymentUrl,
		documentUrl: invoice.documentUrl,
		documentIsPaymentPage:
			invoice.documentUrl !== undefined && invoice.documentUrl === invoice.paymentUrl
				? true
				: undefined,
		pdfUrl: invoice.pdfUrl,
		poNumber: invoice.poNumber,
	};
	if (asOfDate && view.dueOn) {
		const days = daysBetween(view.dueOn, asOfDate);
		view.daysPastDue = Math.max(0, days);
		view.daysUntilDue = Math.max(0, -days);
	}
	return present(view);
}

export function localeOf(
	invoice: Pick<Invoice, 'customer'>,
	context: Pick<RenderContext, 'locale'> = {},
): string {
	return invoice.customer.locale ?? context.locale ?? 'en-US';
}

function buildView(invoice: Invoice, context: RenderContext): View {
	const locale = context.messageLocale ?? localeOf(invoice, context);
	const group = context.invoices && context.invoices.length > 0 ? context.invoices : [invoice];
	const invoices = group.map((entry) => invoiceView(entry, locale, context.asOfDate));
	const currencies = new Set(group.map((entry) => entry.currency));
	const totalMinor = group.reduce((sum, entry) => sum + entry.amountDueMinor, 0);
	const contactName = invoice.contact.name;
	return {
		locale,
		invoice: invoices[0],
		invoices,
		customer: present({ name: invoice.customer.name, id: invoice.customer.id }),
		contact: present({
			greetingName: contactName ? contactName.split(/\s+/)[0] : invoice.customer.name,
			name: contactName,
			firstName: contactName?.split(/\s+/)[0],
			email: invoice.contact.email,
			title: invoice.contact.title,
			phone: invoice.contact.phone,
		}),
		sender: present({ ...(context.sender ?? {}) }),
		step: context.step,
		// A total across currencies would be meaningless: it is only given when all share one currency.
		totals: present({
			amountDue: currencies.size === 1 ? formatMoney(totalMinor, invoice.currency, locale) : '',
			count: group.length,
		}) as View['totals'],
		previous: present({
			date: context.previousReminderOn ? formatDate(context.previousReminderOn, locale) : undefined,
		}),
		lateFee: context.lateFee
			? {
					total: formatMoney(context.lateFee.totalMinor, context.lateFee.currency, locale),
					date: formatDate(context.lateFee.asOfDate, locale),
				}
			: {},
		...(context.statement ? { statement: context.statement } : {}),
		extra: { ...(context.extra ?? {}) },
	};
}

/** Handlebars' own error as a MessageError that says which template, which part, and what to fix. */
function describeRenderError(
	error: unknown,
	source: string,
	name: string,
	part: string,
): MessageError {
	const message = (error as Error).message;
	const missing = /"([^"]+)" not defined/.exec(message);
	if (missing) {
		return new MessageError(
			`template "${name}" (${part}) uses {{${missingPath(source, message) ?? missing[1]}}}, which this invoice does not have: add the field to the invoice or change the template (messages are never sent with blanks)`,
			name,
		);
	}
	if (error instanceof MessageError)
		return new MessageError(`template "${name}" (${part}): ${message}`, name);
	return new MessageError(`template "${name}" (${part}) failed: ${message}`, name);
}

/** The full dotted path at the line:column handlebars reports ("contact.title", not just "title"). */
function missingPath(source: string, message: string): string | undefined {
	const at = / - (\d+):(\d+)$/.exec(message);
	if (!at) return undefined;
	const line = source.split('\n')[Number(at[1]) - 1] ?? '';
	return /^[\w.@/-]+/.exec(line.slice(Number(at[2])))?.[0];
}

function run(template: Compiled, source: string, view: View, name: string, part: string): string {
	let failure: MessageError | undefined;
	try {
		const output = template(view);
		// A value that is itself an object (say an `extra` field) prints as "[object Object]": never send that.
		if (output.includes('[object ')) {
			failure = new MessageError(
				`template "${name}" (${part}) printed an object ("[object Object]"): name one of its fields instead`,
				name,
			);
		} else return output;
	} catch (error) {
		failure = describeRenderError(error, source, name, part);
	}
	throw failure;
}

/** Plain text in HTML, for templates that give no HTML part. */
export function textToHtml(text: string): string {
	const escaped = engine().escapeExpression(text);
	return escaped
		.split(/\n{2,}/)
		.map((paragraph) => `<p>${paragraph.replace(/\n/g, '<br>')}</p>`)
		.join('\n');
}

/**
 * `renderMessage(template, invoice, context)`: the template's subject, text and HTML for this invoice.
 * A plain string is a text-only template. Throws MessageError on a missing variable or an unsafe template.
 */
export function renderMessage(
	template: MessageTemplate | string,
	invoice: Invoice,
	context: RenderContext = {},
): RenderedMessage {
	const name = context.templateName ?? 'custom';
	const source: MessageTemplate = typeof template === 'string' ? { text: template } : template;
	const view = buildView(invoice, context);
	const text = run(
		compile(source.text, false, name, 'text'),
		source.text,
		view,
		name,
		'text',
	).trim();
	const rendered: RenderedMessage = { text };
	if (source.subject) {
		// A subject is one header line: line breaks would let a value inject headers.
		rendered.subject = run(
			compile(source.subject, false, name, 'subject'),
			source.subject,
			view,
			name,
			'subject',
		)
			.replace(/[\r\n]+/g, ' ')
			.trim();
	}
	if (source.html)
		rendered.html = run(
			compile(source.html, true, name, 'html'),
			source.html,
			view,
			name,
			'html',
		).trim();
	return rendered;
}
