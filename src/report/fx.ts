/**
 * Currency conversion for the report, in exact integer arithmetic.
 *
 * A rate says how many units of the reporting currency one unit of the invoice currency buys (major units, as
 * people quote rates: EUR→USD 1.0834). The rate is read from its decimal text, never from binary floating point,
 * and kept as a reduced fraction p/q. Converting an amount of minor units is then
 *
 *     reportingMinor = round( amountMinor × p × 10^(reporting decimals) ÷ ( q × 10^(invoice decimals) ) )
 *
 * computed with integers (BigInt when the product would pass 2^53), and rounded ONCE per invoice amount,
 * half away from zero (the convention of src/money.ts). Sums are then sums of integers, so they are exact and
 * independent of the order of the items. The rounding error of a total is at most half a minor unit per invoice.
 */
import { currencyDecimals, isCurrencyCode } from '../money';

/** A conversion from one currency's minor units into the reporting currency's minor units. */
export interface Conversion {
	readonly from: string;
	readonly to: string;
	/** The rate as given, normalised to decimal text ("1.0834"). */
	readonly rateText: string;
	/** Numerator and denominator applied to minor units (already reduced). */
	readonly numerator: number;
	readonly denominator: number;
	readonly identity: boolean;
}

const DECIMAL = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i;

function gcd(a: number, b: number): number {
	while (b !== 0) [a, b] = [b, a % b];
	return a;
}

/** A positive rate as the exact fraction of its decimal text; null when it is not a positive finite decimal. */
export function parseRate(
	rate: unknown,
): { numerator: number; denominator: number; text: string } | null {
	let text: string;
	if (typeof rate === 'number') {
		if (!Number.isFinite(rate) || rate <= 0) return null;
		text = String(rate);
	} else if (typeof rate === 'string') {
		text = rate.trim().replace(/[_\s]/g, '');
	} else return null;
	const match = DECIMAL.exec(text);
	if (!match) return null;
	const fraction = match[2] ?? '';
	let digits = (match[1] + fraction).replace(/^0+(?=\d)/, '');
	let exponent = -fraction.length + (match[3] ? Number(match[3]) : 0);
	if (exponent > 0) {
		digits += '0'.repeat(exponent);
		exponent = 0;
	}
	const numerator = Number(digits);
	const denominator = 10 ** -exponent;
	if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || numerator === 0)
		return null;
	const divisor = gcd(numerator, denominator);
	const normalised = exponent === 0 ? digits : String(numerator / denominator);
	return { numerator: numerator / divisor, denominator: denominator / divisor, text: normalised };
}

/**
 * The conversion from `from` into `to` with `rate`, or an error that says what to fix. The reporting currency
 * converts to itself at exactly 1 whatever the map says.
 */
export function conversionOf(
	from: string,
	to: string,
	rate: unknown,
): Conversion | { error: string } {
	if (from === to) return { from, to, rateText: '1', numerator: 1, denominator: 1, identity: true };
	if (rate === undefined || rate === null || rate === '') {
		return {
			error: `no exchange rate for ${from}: add ${from} to "fxRates" (1 ${from} = ? ${to}) to include it`,
		};
	}
	const parsed = parseRate(rate);
	if (!parsed)
		return {
			error: `the exchange rate for ${from} ("${String(rate)}") is not a positive decimal number`,
		};
	let numerator = parsed.numerator * 10 ** currencyDecimals(to);
	let denominator = parsed.denominator * 10 ** currencyDecimals(from);
	const divisor = gcd(numerator, denominator);
	numerator /= divisor;
	denominator /= divisor;
	if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
		return {
			error: `the exchange rate for ${from} ("${String(rate)}") has too many digits to convert exactly`,
		};
	}
	return { from, to, rateText: parsed.text, numerator, denominator, identity: false };
}

/** Divides two integers and rounds half away from zero, exactly. */
function divideRounded(dividend: number, divisor: number): number {
	const remainder = dividend % divisor;
	const quotient = (dividend - remainder) / divisor;
	if (2 * Math.abs(remainder) >= divisor) return quotient + Math.sign(dividend);
	return quotient;
}

/** Converts integer minor units with a conversion, rounding once, half away from zero. */
export function convertMinor(amountMinor: number, conversion: Conversion): number {
	if (conversion.identity || amountMinor === 0) return amountMinor;
	const product = amountMinor * conversion.numerator;
	if (Number.isSafeInteger(product)) return divideRounded(product, conversion.denominator) + 0;
	const big = BigInt(amountMinor) * BigInt(conversion.numerator);
	const divisor = BigInt(conversion.denominator);
	const quotient = big / divisor;
	const remainder = big % divisor;
	const absRemainder = remainder < 0n ? -remainder : remainder;
	const rounded = 2n * absRemainder >= divisor ? quotient + (big < 0n ? -1n : 1n) : quotient;
	return Number(rounded);
}

/** Validates the reporting currency code; throws a RangeError that says what to fix. */
export function requireCurrency(currency: string): string {
	const upper = currency.trim().toUpperCase();
	if (!isCurrencyCode(upper))
		throw new RangeError(
			`reporting currency "${currency}" is not a 3-letter ISO 4217 code (e.g. USD)`,
		);
	return upper;
}
