/**
 * Never send a step twice when two runs overlap (issue 17): two executions that read the ledger at the same instant
 * both plan the same step. With claim-and-reread (insert the reservation, read the key back, Cadence Step Claim)
 * exactly one sends, the other waits and releases its reservation. Real n8n engine, one shared table.
 */
import type { IDataObject } from 'n8n-workflow';

import { runWorkflow } from '../helpers/engine';
import { sampleInvoice } from '../helpers/invoices';
import { FakeLedger, ledgerLoop, useLedger } from '../helpers/ledgerTable';

const invoice = sampleInvoice({
	customer: { id: 'cus_1', name: 'Acme GmbH', timezone: 'Europe/Berlin' },
});
const input = [{ invoice: invoice as unknown as IDataObject }];
const plan = (asOf: string) => ({ policy: 'standard-5', options: { asOf } });

async function overlapping(ledger: FakeLedger, claim: boolean, rereadTogether = true) {
	useLedger(ledger);
	ledger.readTogether = 2;
	// Both inserts before either re-read: the interleaving in which each run sees the other's reservation.
	if (claim && rereadTogether) ledger.rereadTogether = 2;
	const runs = await Promise.all(
		['run-A', 'run-B'].map((executionId) =>
			runWorkflow(ledgerLoop(plan('2026-03-09T10:00:00Z'), input, { claim }), { executionId }),
		),
	);
	ledger.readTogether = undefined;
	ledger.rereadTogether = undefined;
	return runs;
}

describe('two runs that overlap', () => {
	it('without the claim both read an empty ledger and both send (the race the claim closes)', async () => {
		const ledger = new FakeLedger();
		const runs = await overlapping(ledger, false);
		expect(runs.map((run) => run.counts('Plan')[0])).toEqual([1, 1]);
		expect(ledger.mails).toHaveLength(2);
	});

	it('two executions interleaved against one ledger table send exactly once; the loser waits and releases', async () => {
		const ledger = new FakeLedger();
		const runs = await overlapping(ledger, true);
		runs.forEach((run) => expect(run.error).toBeUndefined());
		// Both planned the step (neither saw the other's reservation) ...
		expect(runs.map((run) => run.counts('Plan')[0])).toEqual([1, 1]);
		// ... but only one got past the claim.
		expect(ledger.mails).toHaveLength(1);
		const claims = runs.map((run) => run.counts('Claim'));
		expect(claims.map(([send]) => send).sort()).toEqual([0, 1]);
		const loser = runs.find((run) => run.counts('Claim')[1] === 1)!;
		expect(loser.json('Claim', 1)[0].claim).toMatchObject({ won: false });
		expect(String((loser.json('Claim', 1)[0].claim as IDataObject).reason)).toMatch(
			/claim lost: execution run-[AB] reserved in_1:overdue-7 first/,
		);
		const winnerId = ledger.mails[0].executionId;
		const loserId = winnerId === 'run-A' ? 'run-B' : 'run-A';
		// The earliest reservation (lowest row id) is the one that went out.
		const reservations = ledger.rows.filter((row) => row.status === 'reserved');
		expect(reservations[0].executionId).toBe(winnerId);
		expect(
			ledger.rows
				.filter((row) => row.status !== 'reserved')
				.map((row) => [row.status, row.executionId])
				.sort(),
		).toEqual([
			['released', loserId],
			['sent', winnerId],
		]);
	});

	it('when one run finishes its send before the other re-reads, the other sees the sent row and waits', async () => {
		const ledger = new FakeLedger();
		await overlapping(ledger, true, false);
		expect(ledger.mails).toHaveLength(1);
		expect(ledger.rows.filter((row) => row.status === 'released')).toHaveLength(1);
	});

	it('after the claim the ledger reads clean: later runs neither resend nor report an unknown outcome', async () => {
		const ledger = new FakeLedger();
		await overlapping(ledger, true);
		// Two hours on (past the 30-minute reservation timeout): the step is sent, nothing is unconfirmed.
		const later = await runWorkflow(
			ledgerLoop(plan('2026-03-09T12:00:00Z'), input, { claim: true }),
			{
				executionId: 'run-C',
			},
		);
		expect(later.counts('Plan')).toEqual([0, 1, 0, 0]);
		expect(later.json('Plan', 1)[0].cadence).toMatchObject({
			rule: expect.not.stringMatching(/outcome/),
		});
		expect(ledger.mails).toHaveLength(1);
	});

	it('a single run claims its own reservation and sends as before', async () => {
		const ledger = useLedger(new FakeLedger());
		const run = await runWorkflow(
			ledgerLoop(plan('2026-03-09T10:00:00Z'), input, { claim: true }),
			{
				executionId: 'solo',
			},
		);
		expect(run.error).toBeUndefined();
		expect(run.counts('Claim')).toEqual([1, 0]);
		expect(ledger.mails).toHaveLength(1);
		expect(ledger.rows.map((row) => row.status)).toEqual(['reserved', 'sent']);
	});
});
