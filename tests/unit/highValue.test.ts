import { highValueMinor, highValueRuleSettings, parseHighValue } from '../../src';

describe('parseHighValue: one amount and amounts per currency', () => {
	it('reads a single amount; 0, blank or negative is off', () => {
		expect(parseHighValue(5000)).toBe(5000);
		expect(parseHighValue('5000')).toBe(5000);
		expect(parseHighValue(0)).toBeUndefined();
		expect(parseHighValue('')).toBeUndefined();
		expect(parseHighValue(-1)).toBeUndefined();
	});

	it('per-currency rows override the single amount, which covers the other currencies', () => {
		const threshold = parseHighValue(1000, [
			{ currency: ' eur', amount: 800 },
			{ currency: 'JPY', amount: '100000' },
			{ currency: '', amount: 5 },
			{ currency: 'GBP', amount: 0 },
		]);
		expect(threshold).toEqual({ '*': 1000, EUR: 800, JPY: 100000 });
		expect(highValueMinor(threshold, 'EUR')).toBe(80000);
		expect(highValueMinor(threshold, 'GBP')).toBe(100000);
		expect(highValueMinor(threshold, 'JPY')).toBe(100000);
		expect(parseHighValue(0, [{ currency: 'USD', amount: 10 }])).toEqual({ USD: 10 });
	});

	it('gives the escalation rule its table and the amount for other currencies', () => {
		expect(highValueRuleSettings(undefined)).toEqual({ thresholds: {} });
		expect(highValueRuleSettings(700)).toEqual({ thresholds: {}, otherCurrencies: 700 });
		expect(highValueRuleSettings({ '*': 700, EUR: 800 })).toEqual({
			thresholds: { EUR: 800 },
			otherCurrencies: 700,
		});
	});
});
