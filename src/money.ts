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

const formatters = new Map<string, Intl.NumberFormat>();

/** Formats minor units for people with Intl ("$1,234.50", "¥1,235", "KWD 1.235"). Formatters are cached. */
export function formatMoney(minor: number, currency: string, locale = 'en-US'): string {
	const key = `${locale}|${currency}`;
	let formatter = formatters.get(key);
	if (!formatter) {
		const decimals = currencyDecimals(currency);
		try {
			formatter = new Intl.NumberFormat(locale, {
				style: 'currency',
				currency,
				minimumFractionDigits: decimals,
				maximumFractionDigits: decimals,
			});
		} catch {
			formatter = new Intl.NumberFormat('en-US', {
				style: 'currency',
				currency,
				minimumFractionDigits: decimals,
				maximumFractionDigits: decimals,
			});
		}
		formatters.set(key, formatter);
	}
	return formatter.format(minorToMajor(minor, currency));
}
