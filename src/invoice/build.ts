/**
 * One builder turns what a source adapter read into a validated Invoice. Adapters only say where each canonical
 * field came from (`path`) and what it held (`value`); parsing, defaults, money and error wording live here, once.
 */
import {
	EMAIL_RULE,
	MESSAGE_ID_RULE,
	URL_RULE,
	isEmailAddress,
	isHttpUrl,
	isMessageId,
} from '../address';
import { calendarDateIn, dateOfDay, dayNumber, isValidTimeZone } from '../dates';
import { formatMoney, isCurrencyCode, minorToMajor, toMinor } from '../money';
import {
	CUSTOMER_TIERS,
	type Contact,
	type CustomerTier,
	type FieldError,
	type Invoice,
	type InvoiceSource,
	type Lifecycle,
	type NormalizeResult,
} from './schema';

/** A value read from a source record, with the field path it came from (for error messages). */
export interface Read {
	value: unknown;
	path: string;
}

export interface InvoiceDraft {
	source: InvoiceSource;
	id?: Read;
	number?: Read;
	status?: Read;
	/** Set by adapters that can tell; otherwise derived from status and amounts. */
	lifecycle?: Lifecycle;
	currency?: Read;
	/** Stripe sends integer minor units; everyone else sends major units. */
	amountsIn: 'minor' | 'major';
	total?: Read;
	amountPaid?: Read;
	amountDue?: Read;
	issuedOn?: Read;
	dueOn?: Read;
	paidOn?: Read;
	customerId?: Read;
	customerName?: Read;
	tier?: Read;
	timezone?: Read;
	locale?: Read;
	region?: Read;
	/** Country of the customer (ISO 3166-1 alpha-2, or a name such as "Germany"), for its holidays. */
	country?: Read;
	contactEmail?: Read;
	contactName?: Read;
	contactTitle?: Read;
	contactPhone?: Read;
	isBillingContact?: Read;
	/** A list of contacts (objects with an e-mail, a name, a role or billing flag), read by `readContacts`. */
	contacts?: Read;
	/** The billing contact's address, when a sheet has a column for it beside the main contact. */
	billingEmail?: Read;
	paymentUrl?: Read;
	documentUrl?: Read;
	pdfUrl?: Read;
	poNumber?: Read;
	poRequired?: Read;
	ownerName?: Read;
	ownerEmail?: Read;
	ownerSlackId?: Read;
	disputed?: Read;
	optedOut?: Read;
	paused?: Read;
	automationPaused?: Read;
	promiseDate?: Read;
	promiseAmount?: Read;
	brokenPromises?: Read;
	failedPaymentAttempts?: Read;
	lastReplyAt?: Read;
	lastTouchAt?: Read;
	messageId?: Read;
}

export type DateOrder = 'iso' | 'DD/MM/YYYY' | 'MM/DD/YYYY';

/** Values used when the source record leaves a field empty. */
export interface NormalizeDefaults {
	currency?: string;
	timezone?: string;
	locale?: string;
	tier?: CustomerTier;
	poRequired?: boolean;
	/** How to read slash dates from sheets; ISO dates are always accepted. */
	dateOrder?: DateOrder;
}

const MS_DATE = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;
const DIGITS = /^\d{1,20}(?:\.\d+)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/** Calendar years a receivable can carry: outside them a number was read in the wrong unit. */
const FIRST_YEAR = 1950;
const LAST_YEAR = 2200;
const FIRST_MS = Date.UTC(FIRST_YEAR, 0, 1);
const LAST_MS = Date.UTC(LAST_YEAR + 1, 0, 1) - 1;
/** Google Sheets / Excel day 0 (serial 1 is 1899-12-31; 46357 is 2026-12-31). */
const SHEET_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Keys under which date objects carry their value (Notion/Airtable `start`, Google `dateTime`, Mongo `$date`). */
const DATE_OBJECT_KEYS = ['start', 'date', 'dateTime', 'value', 'iso', '$date'] as const;

const inRange = (millis: number) => millis >= FIRST_MS && millis <= LAST_MS;

/**
 * The instant a number stands for, by magnitude: `YYYYMMDD`, a sheet serial (days since 1899-12-30), or unix
 * seconds, milliseconds, microseconds or nanoseconds. A number that is none of these in 1900-2200 is undefined.
 */
export function numberToMillis(value: number): number | undefined {
	if (!Number.isFinite(value) || value <= 0) return undefined;
	if (Number.isInteger(value) && value >= 19_000_101 && value <= 22_001_231) {
		const compact = COMPACT_DATE.exec(String(value));
		if (compact && dayNumber(`${compact[1]}-${compact[2]}-${compact[3]}`) !== null)
			return Date.UTC(Number(compact[1]), Number(compact[2]) - 1, Number(compact[3]));
	}
	if (value < 200_000) {
		const serial = SHEET_EPOCH_MS + Math.round(value * DAY_MS);
		return inRange(serial) ? serial : undefined;
	}
	// The unit follows from the number of digits: 10 for seconds, 13 for milliseconds, 16 and 19 for micro and nano.
	if (value < 1e8 || value >= 1e20) return undefined;
	const scale = value < 1e11 ? 1000 : value < 1e14 ? 1 : value < 1e17 ? 1e-3 : 1e-6;
	const millis = Math.round(value * scale);
	return inRange(millis) ? millis : undefined;
}

/** Why a number is no date, for the field error. */
const NUMBER_RULE = `is not a date: as a number it is no YYYYMMDD, sheet serial or unix seconds/milliseconds/microseconds between ${FIRST_YEAR} and ${LAST_YEAR}`;
const ISO_PREFIX = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/;
const SLASH_DATE = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;

/** Present and not an empty string. */
export function present(read: Read | undefined): read is Read & { value: NonNullable<unknown> } {
	return read !== undefined && read.value !== undefined && read.value !== null && read.value !== '';
}

function show(value: unknown): string {
	if (typeof value === 'string') return `"${value}"`;
	try {
		return JSON.stringify(value) ?? String(value);
	} catch {
		// BigInt, cycles: what no JSON can hold still gets named in the message.
		return String(value);
	}
}

/** The field name users will recognise: the last segment of the path. */
function label(read: Read): string {
	return read.path;
}

class Builder {
	readonly errors: FieldError[] = [];

	constructor(
		private readonly draft: InvoiceDraft,
		private readonly defaults: NormalizeDefaults,
	) {}

	fail(read: Read, message: string): undefined {
		this.errors.push({ path: read.path, message: `${label(read)} ${show(read.value)} ${message}` });
		return undefined;
	}

	missing(path: string, message: string): undefined {
		this.errors.push({ path, message });
		return undefined;
	}

	text(read: Read | undefined): string | undefined {
		if (!present(read)) return undefined;
		if (typeof read.value === 'string') return read.value.trim() || undefined;
		if (typeof read.value === 'number' || typeof read.value === 'bigint') return String(read.value);
		return this.fail(read, 'is not text');
	}

	/** Text that must pass `valid` (an e-mail address, a message id, a link): a bad value is a field error. */
	checked(
		read: Read | undefined,
		valid: (value: string) => boolean,
		rule: string,
	): string | undefined {
		const value = this.text(read);
		if (value === undefined || valid(value)) return value;
		return this.fail(read!, rule);
	}

	bool(read: Read | undefined): boolean | undefined {
		if (!present(read)) return undefined;
		const value = read.value;
		if (typeof value === 'boolean') return value;
		if (typeof value === 'number') return value !== 0;
		if (typeof value === 'string') {
			const lowered = value.trim().toLowerCase();
			if (['true', 'yes', 'y', '1', 'x'].includes(lowered)) return true;
			if (['false', 'no', 'n', '0', ''].includes(lowered)) return false;
		}
		return this.fail(read, 'is not yes/no');
	}

	integer(read: Read | undefined): number | undefined {
		if (!present(read)) return undefined;
		const value = typeof read.value === 'string' ? Number(read.value.trim()) : read.value;
		if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
		return this.fail(read, 'is not a whole number');
	}

	/** Minor units from a source amount; Stripe's are already minor. */
	money(read: Read | undefined, currency: string): number | undefined {
		if (!present(read)) return undefined;
		if (this.draft.amountsIn === 'minor') {
			const value = typeof read.value === 'string' ? Number(read.value) : read.value;
			if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
			return this.fail(read, 'is not an amount in minor units');
		}
		const minor = toMinor(read.value, currency);
		if (minor === null) return this.fail(read, 'is not an amount');
		return minor;
	}

	/**
	 * Calendar dates from any of the forms sources use: `YYYY-MM-DD`, ISO timestamps (their date part, as the
	 * source wrote it), Xero `/Date(ms+0000)/`, unix seconds (Stripe), and slash dates when the order is configured.
	 */
	date(read: Read | undefined, zone: string, depth = 0): string | undefined {
		if (!present(read)) return undefined;
		const value = read.value;
		if (typeof value === 'number' || typeof value === 'bigint') {
			const millis = numberToMillis(Number(value));
			if (millis === undefined) return this.fail(read, NUMBER_RULE);
			// Day counts and YYYYMMDD name a calendar day; epochs name an instant, read in the customer's zone.
			return Number(value) < 200_000 || COMPACT_DATE.test(String(value))
				? dateOfDay(Math.floor(millis / DAY_MS))
				: calendarDateIn(millis, zone);
		}
		if (value instanceof Date) {
			return inRange(value.getTime())
				? calendarDateIn(value, zone)
				: this.fail(read, `is not a date between ${FIRST_YEAR} and ${LAST_YEAR}`);
		}
		if (typeof value === 'object' && depth < 3 && !Array.isArray(value)) {
			// Date objects from Notion, Airtable, Google and Mongo exports: `{ start: '2026-12-31' }`.
			const record = value as Record<string, unknown>;
			const key = DATE_OBJECT_KEYS.find(
				(name) => Object.hasOwn(record, name) && record[name] != null,
			);
			if (key)
				return this.date({ path: `${read.path}.${key}`, value: record[key] }, zone, depth + 1);
			return this.fail(read, `is not a date (an object without ${DATE_OBJECT_KEYS.join(', ')})`);
		}
		if (typeof value !== 'string') return this.fail(read, 'is not a date');
		const text = value.trim();
		if (DIGITS.test(text)) return this.date({ path: read.path, value: Number(text) }, zone, depth);
		const ms = MS_DATE.exec(text);
		if (ms) {
			const millis = Number(ms[1]);
			return inRange(millis)
				? dateOfDay(Math.floor(millis / DAY_MS))
				: this.fail(read, `is not a date between ${FIRST_YEAR} and ${LAST_YEAR}`);
		}
		const iso = ISO_PREFIX.exec(text);
		if (iso) {
			const year = Number(iso[1].slice(0, 4));
			return dayNumber(iso[1]) === null || year < FIRST_YEAR || year > LAST_YEAR
				? this.fail(read, `is not a date between ${FIRST_YEAR} and ${LAST_YEAR}`)
				: iso[1];
		}
		const slash = SLASH_DATE.exec(text);
		const order = this.defaults.dateOrder ?? 'iso';
		if (slash && order !== 'iso') {
			const [day, month] = order === 'DD/MM/YYYY' ? [slash[1], slash[2]] : [slash[2], slash[1]];
			const candidate = `${slash[3]}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
			if (dayNumber(candidate) !== null) return candidate;
		}
		return this.fail(
			read,
			slash && order === 'iso'
				? 'is not a date (use YYYY-MM-DD, or set the date order)'
				: 'is not a date',
		);
	}

	/** Instants (lastReplyAt, lastTouchAt) kept as ISO strings. */
	instant(read: Read | undefined): string | undefined {
		if (!present(read)) return undefined;
		const value = read.value;
		if (typeof value === 'number') {
			const millis = numberToMillis(value);
			return millis === undefined
				? this.fail(read, NUMBER_RULE.replace('a date', 'a timestamp'))
				: new Date(millis).toISOString();
		}
		if (typeof value === 'string') {
			const millis = Date.parse(value);
			if (inRange(millis)) return value;
		}
		return this.fail(read, 'is not a timestamp');
	}
}

const statusLifecycles = new Map<string, Lifecycle | null>();

/**
 * The lifecycle a status text names by itself (void, draft, uncollectible, paid words), or null when the amounts
 * decide ("open", "partial", "AUTHORISED", ...). Remembered per status text: a book has a handful.
 */
export function lifecycleOfStatus(status: string): Lifecycle | null {
	let lifecycle = statusLifecycles.get(status);
	if (lifecycle === undefined) {
		const normalized = status
			.trim()
			.toLowerCase()
			.replace(/[\s-]+/g, '_');
		lifecycle = ['void', 'voided', 'cancelled', 'canceled', 'deleted', 'credited'].includes(
			normalized,
		)
			? 'void'
			: normalized === 'draft'
				? 'draft'
				: ['uncollectible', 'written_off', 'bad_debt'].includes(normalized)
					? 'uncollectible'
					: ['paid', 'auto_paid', 'autopaid', 'closed', 'settled'].includes(normalized)
						? 'paid'
						: null;
		if (statusLifecycles.size >= 10_000) statusLifecycles.clear();
		statusLifecycles.set(status, lifecycle);
	}
	return lifecycle;
}

function deriveLifecycle(status: string, dueMinor: number, totalMinor: number): Lifecycle {
	return lifecycleOfStatus(status) ?? (dueMinor <= 0 && totalMinor > 0 ? 'paid' : 'open');
}

export function buildInvoice(
	draft: InvoiceDraft,
	defaults: NormalizeDefaults = {},
): NormalizeResult {
	const b = new Builder(draft, defaults);

	const id = b.text(draft.id);
	if (!id && !present(draft.id)) {
		b.missing(draft.id ? draft.id.path : 'id', 'id is missing: every invoice needs a stable id');
	}

	const currencyText = (b.text(draft.currency) ?? defaults.currency)?.toUpperCase();
	let currency = currencyText;
	if (!currency) {
		b.missing(
			draft.currency?.path ?? 'currency',
			'currency is missing: set it on the record or as a default',
		);
	} else if (!isCurrencyCode(currency)) {
		b.fail(
			draft.currency ?? { path: 'currency', value: currency },
			'is not a 3-letter ISO 4217 currency code',
		);
		currency = undefined;
	}

	const timezoneText = b.text(draft.timezone) ?? defaults.timezone;
	let timezone: string | undefined;
	if (timezoneText && isValidTimeZone(timezoneText)) timezone = timezoneText;
	else if (timezoneText && draft.timezone && present(draft.timezone))
		b.fail(draft.timezone, 'is not an IANA time zone');
	const zone = timezone ?? 'UTC';

	let totalMinor: number | undefined;
	let paidMinor: number | undefined;
	let dueMinor: number | undefined;
	if (currency) {
		totalMinor = b.money(draft.total, currency);
		paidMinor = b.money(draft.amountPaid, currency);
		dueMinor = b.money(draft.amountDue, currency);
		if (dueMinor === undefined && totalMinor !== undefined)
			dueMinor = totalMinor - (paidMinor ?? 0);
		if (paidMinor === undefined && totalMinor !== undefined && dueMinor !== undefined) {
			paidMinor = Math.max(0, totalMinor - dueMinor);
		}
		if (totalMinor === undefined && dueMinor !== undefined)
			totalMinor = dueMinor + (paidMinor ?? 0);
		if (dueMinor === undefined && b.errors.length === 0) {
			b.missing(
				draft.amountDue?.path ?? 'amountDue',
				'amountDue is missing: give the amount due or the total',
			);
		}
	}

	const issuedOn = b.date(draft.issuedOn, zone) ?? null;
	const dueOn = b.date(draft.dueOn, zone) ?? null;
	const paidOn = b.date(draft.paidOn, zone);

	const customerId = b.text(draft.customerId);
	const contactEmail = b.checked(draft.contactEmail, isEmailAddress, EMAIL_RULE);
	const customerName = b.text(draft.customerName) ?? customerId ?? contactEmail;
	if (!customerName) {
		b.missing(
			draft.customerName?.path ?? 'customer.name',
			'customer name is missing: give a name, id or email',
		);
	}

	let tier: CustomerTier | undefined;
	const tierText = b.text(draft.tier)?.toLowerCase();
	if (tierText) {
		const aliased =
			tierText === 'friction-prone' || tierText === 'friction_prone' ? 'friction' : tierText;
		if ((CUSTOMER_TIERS as readonly string[]).includes(aliased)) tier = aliased as CustomerTier;
		else b.fail(draft.tier!, `is not a tier (use ${CUSTOMER_TIERS.join(', ')})`);
	}
	tier ??= defaults.tier;

	const promiseDate = b.date(draft.promiseDate, zone);
	const promiseAmount = currency ? b.money(draft.promiseAmount, currency) : undefined;
	const brokenCount = b.integer(draft.brokenPromises);

	const status = b.text(draft.status) ?? '';
	const ownerName = b.text(draft.ownerName);
	const ownerEmail = b.checked(draft.ownerEmail, isEmailAddress, EMAIL_RULE);
	const ownerSlackId = b.text(draft.ownerSlackId);

	const flags = {
		disputed: b.bool(draft.disputed),
		optedOut: b.bool(draft.optedOut),
		paused: b.bool(draft.paused),
		automationPaused: b.bool(draft.automationPaused),
	};
	const contact = {
		email: contactEmail,
		name: b.text(draft.contactName),
		title: b.text(draft.contactTitle),
		phone: b.text(draft.contactPhone),
		isBillingContact: b.bool(draft.isBillingContact),
	};
	const contacts = readContacts(
		draft,
		contact,
		b.checked(draft.billingEmail, isEmailAddress, EMAIL_RULE),
	);
	const paymentUrl = b.checked(draft.paymentUrl, isHttpUrl, URL_RULE);
	const documentUrl = b.checked(draft.documentUrl, isHttpUrl, URL_RULE);
	const pdfUrl = b.checked(draft.pdfUrl, isHttpUrl, URL_RULE);
	const poNumber = b.text(draft.poNumber);
	const poRequired = b.bool(draft.poRequired) ?? defaults.poRequired;
	const failedPaymentAttempts = b.integer(draft.failedPaymentAttempts);
	const lastReplyAt = b.instant(draft.lastReplyAt);
	const lastTouchAt = b.instant(draft.lastTouchAt);
	const messageId = b.checked(draft.messageId, isMessageId, MESSAGE_ID_RULE);
	const locale = b.text(draft.locale) ?? defaults.locale;
	const region = b.text(draft.region);
	const country = b.text(draft.country);
	const number = b.text(draft.number) ?? id;

	if (b.errors.length > 0 || !currency || totalMinor === undefined || dueMinor === undefined) {
		return { ok: false, errors: b.errors };
	}
	paidMinor ??= 0;

	// Only defined fields are set (no undefined keys), without a second pass over the object.
	const invoice = {
		id: id!,
		number: number!,
		source: draft.source,
		status,
		lifecycle: draft.lifecycle ?? deriveLifecycle(status, dueMinor, totalMinor),
		currency,
		total: minorToMajor(totalMinor, currency),
		amountPaid: minorToMajor(paidMinor, currency),
		amountDue: minorToMajor(dueMinor, currency),
		totalMinor,
		amountPaidMinor: paidMinor,
		amountDueMinor: dueMinor,
		amountDueFormatted: formatMoney(dueMinor, currency, locale),
		issuedOn,
		dueOn,
		customer: put(
			put(
				put(
					put(
						put(
							put({ name: customerName! } as Invoice['customer'], 'id', customerId),
							'tier',
							tier,
						),
						'timezone',
						timezone,
					),
					'locale',
					locale,
				),
				'region',
				region,
			),
			'country',
			country,
		),
		contact: defined({ ...contact }),
		flags: defined({ ...flags }),
	} as Invoice;
	put(invoice, 'contacts', contacts);
	put(invoice, 'paidOn', paidOn);
	put(invoice, 'paymentUrl', paymentUrl);
	put(invoice, 'documentUrl', documentUrl);
	put(invoice, 'pdfUrl', pdfUrl);
	put(invoice, 'poNumber', poNumber);
	put(invoice, 'poRequired', poRequired);
	if (ownerName || ownerEmail || ownerSlackId) {
		invoice.owner = defined({ name: ownerName, email: ownerEmail, slackId: ownerSlackId });
	}
	if (promiseDate || brokenCount) {
		invoice.promise = defined({
			date: promiseDate ?? null,
			amount: promiseAmount === undefined ? undefined : minorToMajor(promiseAmount, currency),
			brokenCount,
		});
	}
	put(invoice, 'failedPaymentAttempts', failedPaymentAttempts);
	put(invoice, 'lastReplyAt', lastReplyAt);
	put(invoice, 'lastTouchAt', lastTouchAt);
	put(invoice, 'messageId', messageId);
	return { ok: true, invoice };
}

/** Sets `key` only when the value is defined, so items carry no undefined keys. Returns the target. */
function put<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): T {
	if (value !== undefined) target[key] = value;
	return target;
}

/** A shallow copy of a small object without its undefined keys. */
function defined<T extends object>(source: T): T {
	const out = {} as T;
	for (const key in source) if (source[key] !== undefined) out[key] = source[key];
	return out;
}

/** Roles that designate whoever receives invoices (QuickBooks, Xero and sheet wording). */
const BILLING_ROLE =
	/\b(billing|accounts?[ _-]?payable|ap|invoices?|invoicing|finance|accounting)\b/i;

/**
 * The invoice's contacts: the main contact, then each listed contact with a valid address (a list entry without
 * one can receive nothing, so it is left out), then a separate billing address. Undefined when there is only the
 * main contact. Vendor keys are read as they come: `email`/`EmailAddress`, `name` or first and last names,
 * `title`, `phone`, and the billing mark (`isBillingContact`, `billing`, Xero `IncludeInEmails`, a billing role).
 */
function readContacts(
	draft: InvoiceDraft,
	main: Contact,
	billingEmail: string | undefined,
): Contact[] | undefined {
	const listed = Array.isArray(draft.contacts?.value) ? (draft.contacts.value as unknown[]) : [];
	if (listed.length === 0 && !billingEmail) return undefined;
	const contacts: Contact[] = main.email ? [defined({ ...main })] : [];
	const seen = new Set(contacts.map((contact) => contact.email!.toLowerCase()));
	const add = (contact: Contact) => {
		const key = contact.email!.toLowerCase();
		if (seen.has(key)) {
			// The main contact named again in the list with a billing mark: the mark counts.
			const known = contacts.find((other) => other.email!.toLowerCase() === key)!;
			if (contact.isBillingContact) known.isBillingContact = true;
			return;
		}
		seen.add(key);
		contacts.push(contact);
	};
	for (const entry of listed) {
		if (!entry || typeof entry !== 'object') continue;
		const raw = entry as Record<string, unknown>;
		const text = (...keys: string[]) => {
			for (const key of keys) {
				const value = raw[key];
				if (typeof value === 'string' && value.trim() !== '') return value.trim();
			}
			return undefined;
		};
		const email = text('email', 'Email', 'EmailAddress', 'emailAddress', 'address', 'Address');
		if (!email || !isEmailAddress(email)) continue;
		const person = [text('fname', 'FirstName', 'firstName'), text('lname', 'LastName', 'lastName')]
			.filter(Boolean)
			.join(' ');
		const roles = [raw.role, raw.roles, raw.Role, raw.type]
			.flat()
			.filter((role): role is string => typeof role === 'string');
		const flagged = [raw.isBillingContact, raw.billing, raw.IncludeInEmails].some(
			(flag) => flag === true || flag === 'true',
		);
		add(
			defined({
				email,
				name: text('name', 'Name') ?? (person || undefined),
				title: text('title', 'Title', 'jobTitle'),
				phone: text('phone', 'Phone', 'phoneNumber'),
				isBillingContact: flagged || roles.some((role) => BILLING_ROLE.test(role)) || undefined,
			}),
		);
	}
	if (billingEmail) add({ email: billingEmail, isBillingContact: true });
	return contacts.length > 1 || contacts.some((contact) => contact.isBillingContact)
		? contacts
		: undefined;
}
