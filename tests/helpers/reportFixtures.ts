import { buildInvoice, type Invoice } from '../../src/invoice';

let counter = 0;

/** A valid normalised invoice (via the real builder), with overrides in canonical field names. */
export function invoice(
	overrides: Partial<Invoice> & { paidOn?: string } = {},
): Invoice & { paidOn?: string } {
	counter++;
	const currency = overrides.currency ?? 'USD';
	const built = buildInvoice(
		{
			source: 'generic',
			amountsIn: 'major',
			id: { value: `inv_${counter}`, path: 'id' },
			number: { value: `INV-${String(counter).padStart(4, '0')}`, path: 'number' },
			status: { value: 'open', path: 'status' },
			currency: { value: currency, path: 'currency' },
			total: { value: 100, path: 'total' },
			amountDue: { value: 100, path: 'amountDue' },
			issuedOn: { value: '2026-08-01', path: 'issuedOn' },
			dueOn: { value: '2026-08-31', path: 'dueOn' },
			customerName: { value: `Customer ${counter}`, path: 'customer' },
			contactEmail: { value: 'ap@example.com', path: 'email' },
		},
		{},
	);
	if (!built.ok) throw new Error(JSON.stringify(built.errors));
	const merged = { ...built.invoice, ...overrides } as Invoice & { paidOn?: string };
	if (overrides.amountDueMinor === undefined && overrides.totalMinor !== undefined)
		merged.amountDueMinor = overrides.totalMinor - (overrides.amountPaidMinor ?? 0);
	if (overrides.totalMinor === undefined && overrides.amountDueMinor !== undefined)
		merged.totalMinor = overrides.amountDueMinor + (overrides.amountPaidMinor ?? 0);
	return merged;
}

/** Dollars to cents for readable tests. */
export const usd = (major: number) => Math.round(major * 100);
