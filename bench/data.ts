/**
 * The benchmark's invoices: deterministic rows as a sheet, CRM or database hands them to the Generic source
 * (canonical column names). A mix of currencies (USD, EUR, GBP, JPY with 0 decimals, KWD with 3), customer time
 * zones, partial payments, paid, void, draft, disputed and promised invoices, due dates from 120 days past to 29 days
 * ahead of the as-of date.
 *
 * `generateInvoiceRows` is self-contained (no imports, no closures over module state): the Code-node benchmark
 * embeds its source text in a Code node to create the same rows inside a real n8n.
 */
export const AS_OF = '2026-11-22T09:00:00Z';
export const AS_OF_DATE = '2026-11-22';

export interface InvoiceRow {
	id: string;
	number: string;
	status: string;
	customer: string;
	email: string;
	currency: string;
	total: number;
	amountPaid: number;
	amountDue: number;
	issueDate: string;
	dueDate: string;
	timezone?: string;
	disputed?: boolean;
	promiseDate?: string;
}

export function generateInvoiceRows(count: number): InvoiceRow[] {
	let seed = 20261122;
	const random = () => {
		seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
		return seed / 4294967296;
	};
	const asOfDay = Date.UTC(2026, 10, 22) / 86400000;
	const isoDay = (day: number) => new Date(day * 86400000).toISOString().slice(0, 10);
	const currencies = ['USD', 'USD', 'USD', 'EUR', 'EUR', 'GBP', 'JPY', 'KWD'];
	const zones = [
		'America/New_York',
		'Europe/Berlin',
		'Asia/Tokyo',
		'Australia/Sydney',
		'America/Los_Angeles',
		'',
	];
	const rows: InvoiceRow[] = new Array(count);
	for (let index = 0; index < count; index++) {
		const currency = currencies[Math.floor(random() * currencies.length)];
		const decimals = currency === 'JPY' ? 0 : currency === 'KWD' ? 3 : 2;
		const scale = 10 ** decimals;
		const total =
			Math.round((100 + random() * 20000) * (currency === 'JPY' ? 150 : 1) * scale) / scale;
		const paying = random();
		const amountPaid =
			paying < 0.7 ? 0 : paying < 0.85 ? Math.round(total * 0.4 * scale) / scale : total;
		const amountDue = Math.round((total - amountPaid) * scale) / scale;
		const kind = random();
		const status = kind < 0.03 ? 'draft' : kind < 0.05 ? 'void' : amountDue === 0 ? 'paid' : 'open';
		const dueDay = asOfDay + Math.floor(random() * 150) - 120;
		const customer = index % 997;
		const row: InvoiceRow = {
			id: `inv_${index}`,
			number: `INV-${100000 + index}`,
			status,
			customer: `Customer ${customer}`,
			email: `ap${customer}@customer${customer}.test`,
			currency,
			total,
			amountPaid,
			amountDue,
			issueDate: isoDay(dueDay - 30),
			dueDate: isoDay(dueDay),
		};
		const zone = zones[customer % zones.length];
		if (zone) row.timezone = zone;
		if (random() < 0.02) row.disputed = true;
		if (random() < 0.05) row.promiseDate = isoDay(asOfDay + Math.floor(random() * 10) - 5);
		rows[index] = row;
	}
	return rows;
}
