/**
 * Collections reporting: exact receivables metrics (Credit Research Foundation definitions) over the items the
 * other nodes produce, in the reporting currency, with renders people read (Markdown, email HTML, SVG, CSV, Slack).
 */
export * from './types';
export {
	buildCollectionsReport,
	invoiceOfItem as reportInvoiceOfItem,
	DEFAULT_PERIOD_MONTHS,
	DEFAULT_STALLED_DAYS,
	DEFAULT_TOP_COUNT,
} from './build';
export {
	dsoSimple,
	dsoCountback,
	bestPossibleDso,
	averageDaysDelinquent,
	collectionEffectivenessIndex,
	promiseKeptRate,
	type MonthSales as ReportMonthSales,
	type CountbackResult as DsoCountbackResult,
	type CeiInput,
} from './metrics';
export {
	parseRate as parseFxRate,
	conversionOf as fxConversion,
	convertMinor as convertFxMinor,
	type Conversion as FxConversion,
} from './fx';
export {
	csvField as reportCsvField,
	csvLine as reportCsvLine,
	openInvoicesCsv,
	openInvoicesCsvBytes,
	openInvoicesCsvChunks,
} from './csv';
export { renderMarkdown as renderReportMarkdown } from './markdown';
export { renderHtml as renderReportHtml } from './html';
export { renderSvg as renderReportSvg } from './svg';
export { renderSlack as renderReportSlack } from './slack';
export {
	reportHeadline,
	readHeadline as readReportHeadline,
	compareHeadlines as compareReportHeadlines,
} from './trend';
