/**
 * The report's CSV as bytes (issue 15): built chunk by chunk into one Buffer, so a book past V8's string limit
 * (about 5M invoices) still renders; the bytes are exactly the text's UTF-8, with the byte-order mark when asked.
 */
import {
	buildCollectionsReport,
	openInvoicesCsv,
	openInvoicesCsvBytes,
	openInvoicesCsvChunks,
} from '../../src';
import { invoice } from '../helpers/reportFixtures';

const asOf = '2026-11-22';
const book = Array.from({ length: 700 }, (_, index) =>
	invoice({ customer: { name: index % 2 ? 'Müller & Söhne, "GmbH"' : `Customer ${index}` } }),
);

describe('the open-invoice CSV as bytes', () => {
	it('csvBytes gives the UTF-8 of the same CSV, with a BOM when asked, and no string render', () => {
		const text = buildCollectionsReport(book, { asOf, currency: 'USD' }).renders.csv!;
		const plain = buildCollectionsReport(book, { asOf, currency: 'USD', csvBytes: true }).renders;
		expect(plain.csv).toBeUndefined();
		expect(plain.csvBytes!.equals(Buffer.from(text, 'utf8'))).toBe(true);
		const excel = buildCollectionsReport(book, {
			asOf,
			currency: 'USD',
			csvBytes: { bom: true },
		}).renders.csvBytes!;
		expect(excel.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
		expect(excel.subarray(3).toString('utf8')).toBe(text);
		expect(text.split('\r\n')).toHaveLength(book.length + 2);
	});

	it('openInvoicesCsvBytes and openInvoicesCsv agree row for row (more rows than one chunk)', () => {
		const rows = book.map((entry, index) => ({
			invoice: entry as unknown as Record<string, unknown>,
			amount: entry.amountDueMinor,
			daysPastDue: index % 120,
			state: 'overdue' as const,
			owner: '=cmd()',
		}));
		const bytes = openInvoicesCsvBytes('USD', rows, '\uFEFF');
		expect(bytes.toString('utf8')).toBe(`\uFEFF${openInvoicesCsv('USD', rows)}`);
		expect(bytes.toString('utf8')).toContain(",'=cmd(),");
	});

	it('grows its Buffer when the rows after the first chunk are longer than estimated, or their count is unknown', () => {
		// The first chunk is short ASCII; later rows are long and non-ASCII, so the size estimate falls short.
		const rows = Array.from({ length: 2_000 }, (_, index) => ({
			invoice: invoice({
				customer: { name: index < 300 ? 'A' : `Ünïcødé 名前 ${'x'.repeat(index % 400)} "q"` },
			}) as unknown as Record<string, unknown>,
			amount: 12_345,
			daysPastDue: 3,
			state: 'overdue' as const,
			owner: 'Ana',
		}));
		const text = openInvoicesCsv('EUR', rows);
		expect(openInvoicesCsvBytes('EUR', rows).toString('utf8')).toBe(text);
		const counted = Object.assign(
			(each: (row: (typeof rows)[number]) => void) => rows.forEach(each),
			{
				count: 10,
			},
		);
		expect(openInvoicesCsvBytes('EUR', counted, '\uFEFF').toString('utf8')).toBe(`\uFEFF${text}`);
		const uncounted = (each: (row: (typeof rows)[number]) => void) => rows.forEach(each);
		expect(openInvoicesCsvBytes('EUR', uncounted).equals(Buffer.from(text, 'utf8'))).toBe(true);
		expect(openInvoicesCsvBytes('EUR', []).toString('utf8')).toBe(openInvoicesCsv('EUR', []));
	});

	it('csvChunks gives the same bytes in chunks of at most 256 lines, made as they are read, each read anew', () => {
		const bytes = buildCollectionsReport(book, { asOf, currency: 'USD', csvBytes: { bom: true } })
			.renders.csvBytes!;
		const renders = buildCollectionsReport(book, {
			asOf,
			currency: 'USD',
			csvBytes: true,
			csvChunks: { bom: true },
		}).renders;
		expect(renders.csv).toBeUndefined();
		expect(renders.csvBytes).toBeUndefined();
		const chunks = [...renders.csvChunks!];
		expect(chunks.length).toBe(Math.ceil((book.length + 1) / 256));
		expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
		expect(Buffer.concat([...renders.csvChunks!]).equals(bytes)).toBe(true);
		const plain = buildCollectionsReport(book, { asOf, currency: 'USD', csvChunks: true }).renders;
		expect(Buffer.concat([...plain.csvChunks!]).equals(bytes.subarray(3))).toBe(true);
		expect(Buffer.concat([...openInvoicesCsvChunks('EUR', [])]).toString('utf8')).toBe(
			openInvoicesCsv('EUR', []),
		);
	});
});
