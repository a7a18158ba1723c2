/**
 * The compiled Generic reader (issue 15) resolves the column aliases once per row shape; for every row it must read
 * exactly what readGeneric reads, whatever the shapes, empty cells, competing aliases, nested objects and mappings.
 */
import { compileGenericReader, invoiceNormalizer, normalizeInvoice } from '../../src';
import { readGeneric } from '../../src/invoice/adapters/generic';

/** Deterministic pseudo-random rows drawn from aliases, empty values, objects and unknown columns. */
function rows(count: number): Array<Record<string, unknown>> {
	let seed = 15;
	const random = () => {
		seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
		return seed / 4294967296;
	};
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
	const columns = [
		'id',
		'invoice_id',
		'Invoice ID',
		'number',
		'Invoice #',
		'currency',
		'Currency',
		'total',
		'amount',
		'amountDue',
		'balance',
		'Amount Due',
		'dueDate',
		'due_date',
		'dueOn',
		'customer',
		'customerName',
		'client',
		'email',
		'contact',
		'tier',
		'disputed',
		'flags',
		'notes',
		'promiseDate',
	];
	const values = [
		'',
		null,
		undefined,
		'X-1',
		'EUR',
		12.5,
		'99.95',
		'2026-10-01',
		'Acme',
		true,
		'ap@acme.test',
		{ name: 'Nested Co', email: 'n@co.test' },
		{ disputed: true },
		['list'],
	];
	const out: Array<Record<string, unknown>> = [];
	const shapes = Array.from({ length: 40 }, () =>
		Array.from({ length: 3 + Math.floor(random() * 9) }, () => pick(columns)),
	);
	for (let index = 0; index < count; index++) {
		const row: Record<string, unknown> = {};
		for (const column of pick(shapes)) row[column] = pick(values);
		out.push(row);
	}
	return out;
}

describe('the compiled Generic reader', () => {
	it('reads every row as readGeneric does, over many shapes (past its shape cache too)', () => {
		const read = compileGenericReader();
		const mapped = compileGenericReader({ dueOn: 'notes' });
		for (const row of rows(3000)) {
			expect(read(row)).toEqual(readGeneric(row));
			expect(mapped(row, { customerName: 'Mapped' })).toEqual(
				readGeneric(row, { dueOn: 'notes' }, { customerName: 'Mapped' }),
			);
		}
	});

	it("invoiceNormalizer gives normalizeInvoice's result for every row of a batch", () => {
		const normalize = invoiceNormalizer({ source: 'generic', defaults: { currency: 'USD' } });
		for (const row of rows(1500))
			expect(normalize({ record: row, path: '' })).toEqual(
				normalizeInvoice(row, { source: 'generic', defaults: { currency: 'USD' } }),
			);
	});
});
