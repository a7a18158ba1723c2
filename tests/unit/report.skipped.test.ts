import { buildCollectionsReport } from '../../src';
import { invoice } from '../helpers/reportFixtures';

describe('Collections Report: a skipped item names its real cause', () => {
	const asOf = '2026-09-15T12:00:00Z';

	it('an invalid record from Payment State Check is skipped with its reason, not as a missing invoice', () => {
		const invalidRecord = {
			invalid: { reason: 'dueOn: "31/02/2026" is not a calendar date', errors: [] },
			sourceRecord: { id: 'inv_broken', number: 'INV-BROKEN', dueDate: '31/02/2026' },
		};
		const report = buildCollectionsReport([{ invoice: invoice() }, invalidRecord], { asOf });
		expect(report.skipped).toEqual([
			{
				item: 1,
				invoice: 'INV-BROKEN',
				reason:
					'invalid record from Payment State Check: dueOn: "31/02/2026" is not a calendar date',
			},
		]);
	});

	it('an item that is no invoice at all still says so', () => {
		const report = buildCollectionsReport([{ invoice: invoice() }, { hello: 'world' }], { asOf });
		expect(report.skipped).toHaveLength(1);
		expect(report.skipped[0].reason).toMatch(/^no invoice on the item/);
	});
});
