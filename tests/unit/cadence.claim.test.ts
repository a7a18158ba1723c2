/**
 * decideClaim: of the reservations of one key read back after the insert, the earliest live one (row id, then
 * execution id) sends; every other run waits and releases its own. The history reads a release as answered.
 */
import { decideClaim, planCadenceStep, touchRowsByKey, type ClaimRow } from '../../src';
import { sampleInvoice } from '../helpers/invoices';

const KEY = 'in_1:overdue-7';
const at = '2026-03-09T10:00:05Z';
const reserved = (
	id: number | undefined,
	executionId: string,
	when = '2026-03-09T10:00:00Z',
): ClaimRow => ({
	id,
	kind: 'touch',
	invoiceId: 'in_1',
	stepId: 'overdue-7',
	key: KEY,
	status: 'reserved',
	executionId,
	at: when,
});
const answer = (id: number, executionId: string, status: string): ClaimRow => ({
	...reserved(id, executionId),
	status,
});

describe('decideClaim', () => {
	it('the only reservation of its key wins', () => {
		const own = reserved(1, 'A');
		expect(decideClaim(own, [own], { at })).toMatchObject({ won: true, rivals: 0 });
	});

	it('the earliest row id wins; the later run loses and gets a released row for its own reservation', () => {
		const a = reserved(1, 'A');
		const b = reserved(2, 'B');
		expect(decideClaim(a, [a, b], { at })).toMatchObject({ won: true, rivals: 1 });
		const lost = decideClaim(b, [a, b], { at });
		expect(lost).toMatchObject({ won: false, winner: { id: '1', executionId: 'A' } });
		expect(lost.won === false && lost.release).toMatchObject({
			kind: 'touch',
			key: KEY,
			status: 'released',
			executionId: 'B',
			invoiceId: 'in_1',
			stepId: 'overdue-7',
		});
	});

	it('a tie on row id (or no ids) is broken by execution id, so both runs agree', () => {
		const a = reserved(undefined, 'A');
		const b = reserved(undefined, 'B');
		expect(decideClaim(a, [a, b], { at }).won).toBe(true);
		expect(decideClaim(b, [a, b], { at }).won).toBe(false);
	});

	it('the loser that did not see its own row still loses to an earlier one (own id found by execution)', () => {
		const a = reserved(1, 'A');
		const b = reserved(2, 'B');
		const { id: _id, ...bWithoutId } = b;
		void _id;
		expect(decideClaim(bWithoutId, [a, b], { at }).won).toBe(false);
	});

	it('a rival that already sent wins outright, whatever the ids', () => {
		const own = reserved(1, 'B');
		const rival = reserved(2, 'A');
		expect(decideClaim(own, [own, rival, answer(3, 'A', 'sent')], { at })).toMatchObject({
			won: false,
			reason: expect.stringMatching(/already sent/),
		});
	});

	it('a rival that failed or released is not sending: no contest', () => {
		const own = reserved(3, 'C');
		const rows = [reserved(1, 'A'), answer(2, 'A', 'failed'), reserved(4, 'B'), own];
		// B reserved after C, so C still wins; A failed, so it is out.
		expect(decideClaim(own, rows, { at }).won).toBe(true);
		expect(decideClaim(own, [reserved(1, 'A'), answer(2, 'A', 'released'), own], { at }).won).toBe(
			true,
		);
	});

	it('an unanswered reservation older than the timeout is an unknown outcome Plan handled, not a live rival', () => {
		const stale = reserved(1, 'A', '2026-03-08T09:00:00Z');
		const own = reserved(2, 'B');
		expect(decideClaim(own, [stale, own], { at, reservationTimeoutMinutes: 30 }).won).toBe(true);
	});

	it('rows of other keys and other kinds are ignored', () => {
		const own = reserved(5, 'B');
		const other = { ...reserved(1, 'A'), key: 'in_2:overdue-7' };
		const reply = { id: 2, kind: 'reply', key: KEY, executionId: 'A' };
		expect(decideClaim(own, [other, reply, own], { at }).won).toBe(true);
	});
});

describe('the history reads a released reservation as answered', () => {
	it('winner failed, loser released: the step is retried, never an unknown outcome', () => {
		const invoice = sampleInvoice({
			customer: { id: 'cus_1', name: 'Acme GmbH', timezone: 'Europe/Berlin' },
		});
		const history = [
			{ ...reserved(1, 'A'), invoiceId: invoice.id, key: `${invoice.id}:overdue-7` },
			{ ...reserved(2, 'B'), invoiceId: invoice.id, key: `${invoice.id}:overdue-7` },
			{ ...answer(3, 'A', 'failed'), invoiceId: invoice.id, key: `${invoice.id}:overdue-7` },
			{ ...answer(4, 'B', 'released'), invoiceId: invoice.id, key: `${invoice.id}:overdue-7` },
		].map((row) => ({ ...row, id: undefined }));
		const plan = planCadenceStep(invoice, 'standard-5', {
			asOf: '2026-03-10T10:00:00Z',
			history: history as never,
			reservationTimeoutMinutes: 30,
		});
		expect(plan.rule).not.toBe('send_outcome_unknown');
		expect(plan.action).toBe('send');
		expect(plan.step?.id).toBe('overdue-7');
	});
});

describe('touchRowsByKey', () => {
	it('gives each claim the decision it reaches over every row, reading only its own key', () => {
		let seed = 15;
		const random = () => {
			seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
			return seed / 4294967296;
		};
		const keys = ['in_1:overdue-7', 'in_2:due', 'in_1:overdue-7+in_3:due', 7, ''];
		const statuses = ['reserved', 'reserved', 'sent', 'failed', 'released'];
		const rows: ClaimRow[] = Array.from({ length: 400 }, (_, index) => ({
			id: random() < 0.9 ? index : undefined,
			kind: random() < 0.9 ? 'touch' : 'reply',
			key: keys[Math.floor(random() * keys.length)],
			status: statuses[Math.floor(random() * statuses.length)],
			executionId: `e${Math.floor(random() * 30)}`,
			at: `2026-03-09T${String(8 + Math.floor(random() * 3)).padStart(2, '0')}:00:00Z`,
		}));
		const byKey = touchRowsByKey(rows);
		for (const own of rows.filter((row) => row.status === 'reserved' && row.key)) {
			const key = String(own.key);
			expect(decideClaim(own, byKey.get(key) ?? [], { at })).toEqual(
				decideClaim(own, rows, { at }),
			);
		}
	});
});
