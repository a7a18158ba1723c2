/**
 * The Generic source's fast path for a batch (Payment State Check's execution): a row whose columns are the common
 * ones (id, number, status, currency, the three amounts, issue and due dates, customer, time zone, e-mail, the three
 * flags, a promise date) and whose values are already clean (text without surrounding spaces, amounts as numbers or
 * decimal text, ISO dates, a known time zone, a valid address) is turned into the invoice directly, without the
 * draft of `{ value, path }` reads and the builder. Anything else (another column, a value the builder would
 * convert, reject or default) returns undefined, and the caller takes the general path, which gives the same invoice
 * or the field-level errors. `tests/unit/fastInvoice.test.ts` checks both paths agree.
 *
 * With `share`, equal customers, contacts and flag sets are one object per batch: items hold a reference, n8n saves
 * a shared object once (flatted), and the batch allocates far less. No node edits an invoice in place.
 * With `compact`, the major-unit amounts and `amountDueFormatted` are left out (derivable from the `*Minor` ones,
 * the currency and the locale; `restoreInvoice` in src/contract puts them back).
 */
import { isEmailAddress } from '../address';
import { dayNumber, isValidTimeZone } from '../dates';
import { currencyDecimals, formatMoney, toMinor } from '../money';
import { lifecycleOfStatus, type NormalizeDefaults } from './build';
import { GENERIC_ALIASES, type GenericField } from './adapters/generic';
import type { Raw } from './adapters/read';
import type { Contact, Customer, Invoice } from './schema';

/** The fields the fast path reads; a row with a column for any other field takes the general path. */
const FAST_FIELDS = [
	'id',
	'number',
	'status',
	'currency',
	'total',
	'amountPaid',
	'amountDue',
	'issuedOn',
	'dueOn',
	'customerName',
	'timezone',
	'contactEmail',
	'disputed',
	'optedOut',
	'paused',
	'promiseDate',
] as const satisfies readonly GenericField[];
type FastField = (typeof FAST_FIELDS)[number];
const SLOT = new Map<string, number>(FAST_FIELDS.map((field, slot) => [field, slot]));

/** Flat column name → the field and its rank (lower wins), as the Generic reader's alias index has it. */
const COLUMN = new Map<string, { field: GenericField; rank: number }>();
for (const field of Object.keys(GENERIC_ALIASES) as GenericField[])
	GENERIC_ALIASES[field].forEach((alias, rank) => {
		if (!COLUMN.has(alias)) COLUMN.set(alias, { field, rank });
	});
const NESTED = new Set(['customer', 'contact', 'owner', 'flags', 'promise']);

interface Plan {
	keys: string[];
	/** Per fast field (by slot), its columns in this shape, best first; undefined when the shape has none. */
	columns: Array<string[] | undefined>;
	nested: string[];
	/** False when the shape has a column the fast path does not read. */
	fast: boolean;
}

function planOf(raw: Raw): Plan {
	const keys: string[] = [];
	const ranked: Array<Array<{ column: string; rank: number }> | undefined> = [];
	let fast = true;
	for (const key in raw) {
		keys.push(key);
		const hit = COLUMN.get(key);
		if (!hit) continue;
		const slot = SLOT.get(hit.field);
		if (slot === undefined) {
			fast = false;
			continue;
		}
		(ranked[slot] ??= []).push({ column: key, rank: hit.rank });
	}
	const columns: Plan['columns'] = FAST_FIELDS.map((_, slot) =>
		ranked[slot]?.sort((a, b) => a.rank - b.rank).map((entry) => entry.column),
	);
	return { keys, columns, nested: keys.filter((key) => NESTED.has(key)), fast };
}

function sameShape(raw: Raw, keys: readonly string[]): boolean {
	let index = 0;
	for (const key in raw) if (key !== keys[index++]) return false;
	return index === keys.length;
}

const MAX_SHAPES = 32;
/** Past this many distinct customers (or contacts) in one batch, new ones are not shared any more. */
const MAX_SHARED = 200_000;
const FIRST_DAY = dayNumber('1950-01-01')!;
const LAST_DAY = dayNumber('2200-12-31')!;

/** Text the builder would keep as it is (no surrounding white space), or undefined. */
function cleanText(value: unknown): string | undefined {
	if (typeof value !== 'string' || value.length === 0) return undefined;
	const first = value.charCodeAt(0);
	const last = value.charCodeAt(value.length - 1);
	if (first > 32 && first < 127 && last > 32 && last < 127) return value;
	return value.trim() === value ? value : undefined;
}

/** A `YYYY-MM-DD` the builder accepts as it is (a real day between 1950 and 2200), or undefined. */
function cleanDate(value: unknown): string | undefined {
	if (typeof value !== 'string' || value.length !== 10) return undefined;
	const day = dayNumber(value);
	return day !== null && day >= FIRST_DAY && day <= LAST_DAY ? value : undefined;
}

const emailValidity = new Map<string, boolean>();
function validEmail(address: string): boolean {
	let valid = emailValidity.get(address);
	if (valid === undefined) {
		valid = isEmailAddress(address);
		if (emailValidity.size >= 100_000) emailValidity.clear();
		emailValidity.set(address, valid);
	}
	return valid;
}

const CURRENCY = /^[A-Z]{3}$/;

/** The first present value among a field's columns (best first), as the Generic reader picks it. */
function readColumn(raw: Raw, list: string[] | undefined): unknown {
	if (list === undefined) return undefined;
	for (let index = 0; index < list.length; index++) {
		const value = raw[list[index]];
		if (value !== undefined && value !== null && value !== '') return value;
	}
	return undefined;
}

export interface FastInvoiceOptions {
	defaults?: NormalizeDefaults;
	/** One object per batch for equal customers, contacts and flag sets. */
	share?: boolean;
	/** Leave out the major-unit amounts (total, amountPaid, amountDue) and amountDueFormatted. */
	compact?: boolean;
}

/** `(row) => invoice`, or undefined for a row the general path must read (see the file comment). */
export type FastInvoiceReader = (raw: unknown) => Invoice | undefined;

export function compileFastGenericReader(options: FastInvoiceOptions = {}): FastInvoiceReader {
	const defaults = options.defaults ?? {};
	const share = options.share === true;
	const compact = options.compact === true;
	const defaultCurrency = defaults.currency?.toUpperCase();
	const defaultZone =
		defaults.timezone && isValidTimeZone(defaults.timezone) ? defaults.timezone : undefined;
	const plans: Plan[] = [];
	let last: Plan | undefined;
	const customers = new Map<string, Map<string, Customer>>();
	let customerCount = 0;
	const contacts = new Map<string, Contact>();
	const flagSets: Array<Invoice['flags'] | undefined> = [];
	const emptyContact: Contact = {};

	const find = (raw: Raw): Plan | undefined => {
		if (last && sameShape(raw, last.keys)) return last;
		for (const plan of plans) if (plan !== last && sameShape(raw, plan.keys)) return (last = plan);
		if (plans.length >= MAX_SHAPES) return undefined;
		const plan = planOf(raw);
		plans.push(plan);
		return (last = plan);
	};

	const customerOf = (name: string, zone: string | undefined): Customer => {
		if (!share || customerCount >= MAX_SHARED) return newCustomer(name, zone);
		const key = zone ?? '';
		let byName = customers.get(key);
		if (!byName) customers.set(key, (byName = new Map()));
		let customer = byName.get(name);
		if (!customer) {
			customer = newCustomer(name, zone);
			byName.set(name, customer);
			customerCount++;
		}
		return customer;
	};
	// The builder's key order: name, id, tier, timezone, locale (no id, region or country on the fast path).
	const newCustomer = (name: string, zone: string | undefined): Customer => {
		const customer: Customer = { name };
		if (defaults.tier !== undefined) customer.tier = defaults.tier;
		if (zone !== undefined) customer.timezone = zone;
		if (defaults.locale !== undefined) customer.locale = defaults.locale;
		return customer;
	};
	const contactOf = (email: string | undefined): Contact => {
		if (email === undefined) return share ? emptyContact : {};
		if (!share || contacts.size >= MAX_SHARED) return { email };
		let contact = contacts.get(email);
		if (!contact) contacts.set(email, (contact = { email }));
		return contact;
	};
	const flagsOf = (
		disputed: boolean | undefined,
		optedOut: boolean | undefined,
		paused: boolean | undefined,
	): Invoice['flags'] => {
		const code =
			(disputed === undefined ? 0 : disputed ? 1 : 2) * 9 +
			(optedOut === undefined ? 0 : optedOut ? 1 : 2) * 3 +
			(paused === undefined ? 0 : paused ? 1 : 2);
		const known = share ? flagSets[code] : undefined;
		if (known) return known;
		const flags: Invoice['flags'] = {};
		if (disputed !== undefined) flags.disputed = disputed;
		if (optedOut !== undefined) flags.optedOut = optedOut;
		if (paused !== undefined) flags.paused = paused;
		if (share) flagSets[code] = flags;
		return flags;
	};

	return (input) => {
		if (input === null || typeof input !== 'object' || Array.isArray(input)) return undefined;
		const raw = input as Raw;
		const plan = find(raw);
		if (!plan || !plan.fast) return undefined;
		for (const key of plan.nested) {
			const value = raw[key];
			if (value !== null && typeof value === 'object') return undefined;
		}
		const columns = plan.columns;

		const idValue = readColumn(raw, columns[S.id]);
		const id = cleanText(idValue);
		if (id === undefined) return undefined;
		const numberValue = readColumn(raw, columns[S.number]);
		const number = numberValue === undefined ? id : cleanText(numberValue);
		if (number === undefined) return undefined;
		const statusValue = readColumn(raw, columns[S.status]);
		const status = statusValue === undefined ? '' : cleanText(statusValue);
		if (status === undefined) return undefined;

		const currencyValue = readColumn(raw, columns[S.currency]);
		const currency = currencyValue === undefined ? defaultCurrency : cleanText(currencyValue);
		if (currency === undefined || !CURRENCY.test(currency)) return undefined;

		const zoneValue = readColumn(raw, columns[S.timezone]);
		let zone: string | undefined;
		if (zoneValue === undefined) zone = defaultZone;
		else {
			zone = cleanText(zoneValue);
			if (zone === undefined || !isValidTimeZone(zone)) return undefined;
		}

		const totalValue = readColumn(raw, columns[S.total]);
		const paidValue = readColumn(raw, columns[S.amountPaid]);
		const dueValue = readColumn(raw, columns[S.amountDue]);
		let totalMinor: number | undefined;
		let paidMinor: number | undefined;
		let dueMinor: number | undefined;
		if (
			totalValue !== undefined &&
			(totalMinor = toMinor(totalValue, currency) ?? undefined) === undefined
		)
			return undefined;
		if (
			paidValue !== undefined &&
			(paidMinor = toMinor(paidValue, currency) ?? undefined) === undefined
		)
			return undefined;
		if (
			dueValue !== undefined &&
			(dueMinor = toMinor(dueValue, currency) ?? undefined) === undefined
		)
			return undefined;
		if (dueMinor === undefined && totalMinor !== undefined)
			dueMinor = totalMinor - (paidMinor ?? 0);
		if (paidMinor === undefined && totalMinor !== undefined && dueMinor !== undefined)
			paidMinor = Math.max(0, totalMinor - dueMinor);
		if (totalMinor === undefined && dueMinor !== undefined)
			totalMinor = dueMinor + (paidMinor ?? 0);
		if (dueMinor === undefined || totalMinor === undefined) return undefined;
		paidMinor ??= 0;

		const issuedValue = readColumn(raw, columns[S.issuedOn]);
		const issuedOn = issuedValue === undefined ? null : cleanDate(issuedValue);
		if (issuedOn === undefined) return undefined;
		const dueOnValue = readColumn(raw, columns[S.dueOn]);
		const dueOn = dueOnValue === undefined ? null : cleanDate(dueOnValue);
		if (dueOn === undefined) return undefined;
		const promiseValue = readColumn(raw, columns[S.promiseDate]);
		const promiseDate = promiseValue === undefined ? undefined : cleanDate(promiseValue);
		if (promiseValue !== undefined && promiseDate === undefined) return undefined;

		const emailValue = readColumn(raw, columns[S.contactEmail]);
		const email = emailValue === undefined ? undefined : cleanText(emailValue);
		if (emailValue !== undefined && (email === undefined || !validEmail(email))) return undefined;
		const nameValue = readColumn(raw, columns[S.customerName]);
		const name = nameValue === undefined ? email : cleanText(nameValue);
		if (name === undefined) return undefined;

		const disputed = readColumn(raw, columns[S.disputed]);
		const optedOut = readColumn(raw, columns[S.optedOut]);
		const paused = readColumn(raw, columns[S.paused]);
		if (
			(disputed !== undefined && typeof disputed !== 'boolean') ||
			(optedOut !== undefined && typeof optedOut !== 'boolean') ||
			(paused !== undefined && typeof paused !== 'boolean')
		)
			return undefined;

		const lifecycle =
			lifecycleOfStatus(status) ?? (dueMinor <= 0 && totalMinor > 0 ? 'paid' : 'open');
		const customer = customerOf(name, zone);
		const contact = contactOf(email);
		const flags = flagsOf(disputed, optedOut, paused);
		let invoice: Invoice;
		if (compact) {
			invoice = {
				id,
				number,
				source: 'generic',
				status,
				lifecycle,
				currency,
				totalMinor,
				amountPaidMinor: paidMinor,
				amountDueMinor: dueMinor,
				issuedOn,
				dueOn,
				customer,
				contact,
				flags,
			} as Invoice;
		} else {
			const power = POWER[currencyDecimals(currency)];
			invoice = {
				id,
				number,
				source: 'generic',
				status,
				lifecycle,
				currency,
				total: totalMinor / power,
				amountPaid: paidMinor / power,
				amountDue: dueMinor / power,
				totalMinor,
				amountPaidMinor: paidMinor,
				amountDueMinor: dueMinor,
				amountDueFormatted: formatMoney(dueMinor, currency, defaults.locale),
				issuedOn,
				dueOn,
				customer,
				contact,
				flags,
			};
		}
		if (defaults.poRequired !== undefined) invoice.poRequired = defaults.poRequired;
		if (promiseDate !== undefined) invoice.promise = { date: promiseDate };
		return invoice;
	};
}

const POWER = [1, 10, 100, 1000, 10000];
const S = Object.fromEntries(FAST_FIELDS.map((field, slot) => [field, slot])) as Record<
	FastField,
	number
>;
