/**
 * Money as integer minor units per ISO 4217 currency, so sums are exact.
 * Major-unit numbers exist only at the edges: parsing source data and formatting for people.
 */

/** ISO 4217 minor-unit exponents that differ from the usual 2. */
const EXPONENT_EXCEPTIONS: Readonly<Record<string, number>> = {
	BIF: 0,
	CLP: 0,
	DJF: 0,
	GNF: 0,
	ISK: 0,
	JPY: 0,
	KMF: 0,
	KRW: 0,
	PYG: 0,
	RWF: 0,
	UGX: 0,
	UYI: 0,
	VND: 0,
	VUV: 0,
	XAF: 0,
	XOF: 0,
	XPF: 0,
	BHD: 3,
	IQD: 3,
	JOD: 3,
	KWD: 3,
	LYD: 3,
	OMR: 3,
	TND: 3,
	CLF: 4,
	UYW: 4,
};

const POWERS = [1, 10, 100, 1000, 10000];

/** Number of decimals of a currency's minor unit (JPY 0, USD 2, KWD 3). */
export function currencyDecimals(currency: string): number {
	return EXPONENT_EXCEPTIONS[currency] ?? 2;
}

export function isCurrencyCode(value: string): boolean {
	return /^[A-Z]{3}$/.test(value);
}

const DECIMAL_TEXT = /^([+-])?(\d+)(?:\.(\d*))?$/;

/**
 * Parses a decimal text (`"1222.00"`, `"1,234.5"`) into minor units without going through floating point.
 * Rounds half away from zero past the currency's decimals. Returns null for anything that is not a plain number.
 */
export function parseDecimalToMinor(text: string, currency: string): number | null {
	const cleaned = text.trim().replace(/[\s,_]/g, '');
	const match = DECIMAL_TEXT.exec(cleaned);
	if (!match) return null;
	const decimals = currencyDecimals(currency);
	const fraction = match[3] ?? '';
	const kept = (fraction + '0'.repeat(decimals)).slice(0, decimals);
	let minor = Number(match[2]) * POWERS[decimals] + (kept ? Number(kept) : 0);
	if (fraction.length > decimals && Number(fraction[decimals]) >= 5) minor += 1;
	if (!Number.isSafeInteger(minor)) return null;
	return match[1] === '-' ? -minor : minor;
}

/**
 * A decimal amount read as binary floating point, times 10^decimals, is off by at most a couple of ULPs
 * (1.005 * 100 is 100.49999999999999). Nudging by a few EPSILON in relative terms restores the intended half before
 * rounding, without building a string per amount.
 */
const NUDGE = 1 + 4 * Number.EPSILON;

/** Converts a major-unit number (as JSON sources send it: 362.07) to minor units, half away from zero. */
export function majorToMinor(value: number, currency: string): number | null {
	if (!Number.isFinite(value)) return null;
	const scaled = Math.abs(value) * POWERS[currencyDecimals(currency)];
	const minor = Math.round(scaled * NUDGE);
	if (!Number.isSafeInteger(minor)) return null;
	return value < 0 ? -minor : minor;
}

/** Minor units from a number or decimal text; null when it is neither. */
export function toMinor(value: unknown, currency: string): number | null {
	if (typeof value === 'number') return majorToMinor(value, currency);
	if (typeof value === 'string' && value.trim() !== '') return parseDecimalToMinor(value, currency);
	return null;
}

/** Minor units back to the major-unit number, rounded to the currency's decimals. */
export function minorToMajor(minor: number, currency: string): number {
	return minor / POWERS[currencyDecimals(currency)];
}

type MoneyFormat = (minor: number) => string;
/** Per locale, per currency (two lookups, no key string built per call). */
const formatters = new Map<string, Map<string, MoneyFormat>>();

/** Formats minor units for people with Intl ("$1,234.50", "¥1,235", "KWD 1.235"). Formatters are cached. */
export function formatMoney(minor: number, currency: string, locale = 'en-US'): string {
	let byCurrency = formatters.get(locale);
	if (!byCurrency) {
		byCurrency = new Map();
		formatters.set(locale, byCurrency);
	}
	let format = byCurrency.get(currency);
	if (!format) {
		format = moneyFormatter(locale, currency);
		byCurrency.set(currency, format);
	}
	return format(minor);
}

function intlFormatter(locale: string, currency: string): Intl.NumberFormat {
	const decimals = currencyDecimals(currency);
	const options = {
		style: 'currency',
		currency,
		minimumFractionDigits: decimals,
		maximumFractionDigits: decimals,
	} as const;
	try {
		return new Intl.NumberFormat(locale, options);
	} catch {
		return new Intl.NumberFormat('en-US', options);
	}
}

/** Amounts a compiled formatter is checked against Intl on (grouping edges, signs, every decimal position). */
const PROBES = [
	0, 1, 7, 10, 99, 100, 101, 999, 1000, 1001, 9999, 10000, 12345, 99999, 100000, 123456, 999999,
	1000000, 1234567, 10000000, 12345678, 99999999, 123456789, 1000000000, 98765432101,
	4503599627370495,
];

/**
 * One Intl formatter per locale and currency, compiled into plain string arithmetic when its pattern is a simple
 * one (a prefix, the integer grouped by threes with one separator, a decimal separator, the decimals, a suffix;
 * one pattern for negatives): Intl costs about a microsecond per call, the compiled form a tenth of that. The
 * compiled form is used only if it gives exactly Intl's text on every probe amount, positive and negative;
 * otherwise (Indian grouping, no grouping below five digits, ...) Intl formats every amount.
 */
function moneyFormatter(locale: string, currency: string): MoneyFormat {
	const intl = intlFormatter(locale, currency);
	const decimals = currencyDecimals(currency);
	const power = POWERS[decimals];
	const viaIntl: MoneyFormat = (minor) => intl.format(minor / power);
	const positive = patternOf(intl.formatToParts(1234567.5));
	const negative = patternOf(intl.formatToParts(-1234567.5));
	if (!positive || !negative || positive.group !== negative.group) return viaIntl;
	if (positive.decimal !== negative.decimal) return viaIntl;
	const { group, decimal } = positive;
	const fast: MoneyFormat = (minor) => {
		if (minor === 0 && 1 / minor < 0) return viaIntl(minor);
		const pattern = minor < 0 ? negative : positive;
		const abs = minor < 0 ? -minor : minor;
		const whole = Math.floor(abs / power);
		let digits = String(whole);
		if (digits.length > 3) {
			let grouped = digits.slice(0, digits.length % 3 || 3);
			for (let at = grouped.length; at < digits.length; at += 3)
				grouped += group + digits.slice(at, at + 3);
			digits = grouped;
		}
		if (decimals === 0) return pattern.prefix + digits + pattern.suffix;
		const fraction = String(abs - whole * power);
		return (
			pattern.prefix +
			digits +
			decimal +
			'0'.repeat(decimals - fraction.length) +
			fraction +
			pattern.suffix
		);
	};
	for (const probe of PROBES)
		for (const minor of [probe, -probe])
			if (Number.isSafeInteger(minor) && fast(minor) !== viaIntl(minor)) return viaIntl;
	return fast;
}

/** Prefix, suffix and separators of a formatted amount, or null when it is not the simple pattern. */
function patternOf(
	parts: Intl.NumberFormatPart[],
): { prefix: string; suffix: string; group: string; decimal: string } | null {
	const first = parts.findIndex((part) => part.type === 'integer');
	let last = first;
	let group = '';
	let decimal = '';
	for (let index = first; index < parts.length; index++) {
		const { type, value } = parts[index];
		if (type === 'integer' || type === 'fraction') last = index;
		else if (type === 'group') group ||= value;
		else if (type === 'decimal') decimal = value;
		else break;
	}
	if (first < 0 || !group) return null;
	const text = (from: number, to: number) =>
		parts
			.slice(from, to)
			.map((part) => part.value)
			.join('');
	return { prefix: text(0, first), suffix: text(last + 1, parts.length), group, decimal };
}
