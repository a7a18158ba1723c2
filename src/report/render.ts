/** Produces the renders a report asks for: Markdown, email-safe HTML, the SVG chart, the CSV and Slack blocks. */
import {
	openInvoicesCsvChunks,
	openInvoicesCsvRender,
	type OpenInvoiceRow,
	type OpenInvoiceRows,
} from './csv';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import { renderSlack } from './slack';
import { renderSvg } from './svg';
import type { CollectionsReport, ReportRenderName, ReportRenders } from './types';

export interface RenderInputs {
	wanted: (name: ReportRenderName) => boolean;
	/** The open invoices for the CSV, produced lazily (only when the CSV is wanted). */
	csvRows: () => OpenInvoiceRows & Iterable<OpenInvoiceRow>;
	listLimit?: number;
	/** The CSV as bytes (renders.csvBytes) with this prefix (a byte-order mark or ''), instead of a string. */
	csvBytes?: false | { prefix: string };
	/** The CSV as UTF-8 chunks made as they are read (renders.csvChunks), with this prefix; wins over csvBytes. */
	csvChunks?: false | { prefix: string };
}

export function renderAll(report: CollectionsReport, inputs: RenderInputs): ReportRenders {
	const renders: ReportRenders = {};
	const limit = inputs.listLimit ?? 10;
	if (inputs.wanted('markdown')) renders.markdown = renderMarkdown(report, limit);
	if (inputs.wanted('html')) renders.html = renderHtml(report, limit);
	if (inputs.wanted('svg')) renders.svg = renderSvg(report);
	if (inputs.wanted('slack')) renders.slack = renderSlack(report, Math.min(limit, 5));
	if (inputs.wanted('csv') && inputs.csvChunks)
		renders.csvChunks = openInvoicesCsvChunks(
			report.currency,
			inputs.csvRows(),
			inputs.csvChunks.prefix,
		);
	else if (inputs.wanted('csv')) {
		const csv = openInvoicesCsvRender(report.currency, inputs.csvRows(), inputs.csvBytes ?? false);
		if (csv.text !== undefined) renders.csv = csv.text;
		else renders.csvBytes = csv.bytes;
	}
	return renders;
}
