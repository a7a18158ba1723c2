/**
 * The statement render: one statement of account per customer (every open invoice with its age, the aging and
 * the total; HTML and text in the customer's language, and a CSV), built by src/statement, the one home of
 * statements. The report only hands it the counted open invoices (duplicates resolved), oldest first, so the
 * statements do not depend on the order of the items.
 */
import type { Invoice } from '../invoice/schema';
import { buildStatements, type Statement } from '../statement/build';
import type { InvoiceFacts } from './facts';
import type { ReportSettings } from './options';

export class StatementRender {
	private readonly invoices: Invoice[] = [];

	constructor(private readonly settings: ReportSettings) {}

	add(facts: InvoiceFacts): void {
		if (facts.isOpen) this.invoices.push(facts.invoice as unknown as Invoice);
	}

	finish(): Statement[] {
		const key = (invoice: Invoice) => invoice.dueOn ?? invoice.issuedOn ?? '';
		this.invoices.sort(
			(a, b) =>
				key(a).localeCompare(key(b)) ||
				a.number.localeCompare(b.number) ||
				a.id.localeCompare(b.id),
		);
		return buildStatements(this.invoices, {
			asOf: this.settings.asOfDate,
			fallbackLocale: this.settings.locale,
		}).sort(
			(a, b) =>
				a.customerName.localeCompare(b.customerName) || a.customerKey.localeCompare(b.customerKey),
		);
	}
}
