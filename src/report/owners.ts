/**
 * Owners: open and overdue money per owner, and what needs them (escalations raised to them, disputes and
 * broken promises on their open invoices, stalled accounts). Several accumulators add to the same table.
 */
import type { NamedMoney } from './format';
import type { ReportOwnerCell } from './types';

export interface OwnerCell {
	count: number;
	amount: number;
	overdueCount: number;
	overdueAmount: number;
	escalations: number;
	disputes: number;
	brokenPromises: number;
	stalledAccounts: number;
}

export class Owners {
	private readonly cells = new Map<string, OwnerCell>();

	cell(name: string): OwnerCell {
		let cell = this.cells.get(name);
		if (cell === undefined) {
			cell = {
				count: 0,
				amount: 0,
				overdueCount: 0,
				overdueAmount: 0,
				escalations: 0,
				disputes: 0,
				brokenPromises: 0,
				stalledAccounts: 0,
			};
			this.cells.set(name, cell);
		}
		return cell;
	}

	/** Most overdue money first, then most open money, then by name. */
	finish(money: NamedMoney): ReportOwnerCell[] {
		const owners: ReportOwnerCell[] = [];
		for (const [owner, cell] of this.cells) {
			owners.push({
				owner,
				count: cell.count,
				...money('amount', cell.amount),
				overdueCount: cell.overdueCount,
				...money('overdueAmount', cell.overdueAmount),
				actions: {
					escalations: cell.escalations,
					disputes: cell.disputes,
					brokenPromises: cell.brokenPromises,
					stalledAccounts: cell.stalledAccounts,
				},
			});
		}
		return owners.sort(
			(a, b) =>
				b.overdueAmount - a.overdueAmount || b.amount - a.amount || a.owner.localeCompare(b.owner),
		);
	}
}
