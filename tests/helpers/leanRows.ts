import type { IDataObject } from 'n8n-workflow';

/**
 * Sheet rows for the lean-item tests (Generic source, judged at 2026-11-22): overdue, partially paid, a promise
 * that was broken, disputed, not due, paid, and a bad row (L-7) that goes to Invalid.
 */
export const LEAN_ROWS: IDataObject[] = [
	{
		id: 'L-1',
		customer: 'Acme',
		email: 'ap@acme.test',
		currency: 'USD',
		total: 1200,
		amountDue: 1200,
		issueDate: '2026-09-01',
		dueDate: '2026-10-01',
		timezone: 'America/New_York',
	},
	{
		id: 'L-2',
		customer: 'Globex',
		email: 'ap@globex.test',
		currency: 'EUR',
		total: 900,
		amountPaid: 400,
		amountDue: 500,
		issueDate: '2026-09-15',
		dueDate: '2026-10-15',
	},
	{
		id: 'L-3',
		customer: 'Initech',
		email: 'ap@initech.test',
		currency: 'JPY',
		total: 150000,
		amountDue: 150000,
		dueDate: '2026-08-01',
		promiseDate: '2026-11-01',
	},
	{
		id: 'L-4',
		customer: 'Hooli',
		email: 'ap@hooli.test',
		currency: 'USD',
		total: 300,
		amountDue: 300,
		dueDate: '2026-10-20',
		disputed: true,
	},
	{
		id: 'L-5',
		customer: 'Umbrella',
		email: 'ap@umbrella.test',
		currency: 'KWD',
		total: 12.345,
		amountDue: 12.345,
		dueDate: '2026-12-20',
	},
	{
		id: 'L-6',
		customer: 'Stark',
		email: 'ap@stark.test',
		currency: 'USD',
		total: 80,
		amountPaid: 80,
		amountDue: 0,
		status: 'paid',
		dueDate: '2026-10-01',
	},
	{ id: 'L-7', customer: 'Wayne', currency: 'USD', amountDue: 'lots', dueDate: '2026-10-01' },
];
