import { Readable } from 'node:stream';

import {
	NodeOperationError,
	UserError,
	type IBinaryKeyData,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPairedItemData,
} from 'n8n-workflow';

import {
	buildCollectionsReport,
	readReportHeadline,
	REPORT_RENDER_NAMES,
	type CollectionsReportOptions,
	type ReportRenderName,
} from '../../src';
import { asOfParameter, namedOutputs, valueAt } from '../shared/items';
import { addHints } from '../shared/hints';
import { highValueFields, highValueOf } from '../shared/highValue';
import { inputsWithLedger, readLedgerInput } from '../shared/ledger';
import { STATIC_DATA_NOTICE, staticNamespace } from '../shared/staticData';
import { asOfOption, invoiceFieldOption, timezoneOption } from '../shared/options';

const RENDER_LABELS: Record<ReportRenderName | 'statements', string> = {
	markdown: 'Markdown',
	html: 'Email HTML',
	svg: 'SVG Chart (Binary)',
	csv: 'CSV of Open Invoices (Binary)',
	slack: 'Slack Blocks',
	statements: 'Statement per Customer (HTML, CSV)',
};
/** Statements are one message per customer: offered, not on by default. */
const RENDER_OPTIONS = [...REPORT_RENDER_NAMES, 'statements'] as const;

export class CollectionsReport implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Collections Report',
		name: 'collectionsReport',
		icon: { light: 'file:collectionsReport.svg', dark: 'file:collectionsReport.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ "in " + ($parameter["currency"] || "the first invoice\'s currency") }}',
		description:
			'One receivables report from all items: aging, DSO, best possible DSO, ADD, CEI, promises kept, stalled accounts; as Markdown, email HTML, Slack blocks, CSV and SVG',
		defaults: { name: 'Collections Report' },
		usableAsTool: true,
		inputs: inputsWithLedger(),
		// The JSON first, so the output pane opens on it (n8n shows the Binary tab for any output that carries files);
		// the same report with report.html, the CSV and the chart as files on the second.
		outputs: namedOutputs(['Report', 'Files']),
		outputNames: ['Report', 'Files'],
		properties: [
			{
				displayName:
					'Put this after Payment State Check (and optionally Cadence Step, Reply Triage, Escalation Gate). All items become one report item; anything that cannot be reported is listed in skipped[] with the reason. Wire the collections ledger (a Data Table node reading collections_ledger) into the Ledger input: reminders, replies, escalations, approvals, promises and response time of the period are then counted from it, and stalled accounts measured from the last touch or reply.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Reporting Currency',
				name: 'currency',
				type: 'string',
				default: 'USD',
				placeholder: 'USD',
				description:
					'ISO 4217 code every amount is converted to. Empty: the currency of the first invoice. Invoices in other currencies need an exchange rate below, or they are skipped (never summed unconverted).',
			},
			{
				displayName: 'Exchange Rates',
				name: 'fxRates',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true, sortable: true },
				default: {},
				placeholder: 'Add Exchange Rate',
				description:
					'How many units of the reporting currency one unit of each other currency buys. No rates are fetched: the report uses exactly these.',
				options: [
					{
						displayName: 'Rate',
						name: 'rates',
						values: [
							{
								displayName: 'Currency',
								name: 'currency',
								type: 'string',
								default: 'EUR',
								placeholder: 'EUR',
							},
							{
								displayName: 'Rate',
								name: 'rate',
								type: 'string',
								default: '',
								placeholder: '1.0834',
								description:
									'Decimal text, read exactly (not as a floating-point number): 1 unit of this currency = rate units of the reporting currency',
							},
						],
					},
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					asOfOption('The day the report is for. Empty: now.'),
					{
						displayName: 'Beginning Receivables',
						name: 'beginningReceivables',
						type: 'string',
						default: '',
						placeholder: '200000.00',
						description:
							'Total receivables at the start of the period, in the reporting currency (major units). Needed for CEI.',
					},
					{
						displayName: 'Credit Sales by Month',
						name: 'creditSales',
						type: 'fixedCollection',
						typeOptions: { multipleValues: true, sortable: true },
						default: {},
						placeholder: 'Add Month',
						description:
							'Credit sales per month in the reporting currency, from your ledger. Empty: derived from the issue dates and totals of the invoices given (feed paid invoices too).',
						options: [
							{
								displayName: 'Month',
								name: 'months',
								values: [
									{
										displayName: 'Month',
										name: 'month',
										type: 'string',
										default: '',
										placeholder: '2026-11',
									},
									{
										displayName: 'Credit Sales',
										name: 'amount',
										type: 'string',
										default: '',
										placeholder: '100000.00',
									},
								],
							},
						],
					},
					{
						displayName: 'Credit Sales by Month (JSON)',
						name: 'creditSalesJson',
						type: 'json',
						default: '',
						placeholder: '{ "2026-11": 100000, "2026-10": 80000 }',
						description:
							'The same as an object, for an expression that reads it from a previous node. Overrides the list above.',
					},
					{
						displayName: 'CSV With Excel BOM',
						name: 'csvBom',
						type: 'boolean',
						default: true,
						description:
							'Whether to start the CSV with a UTF-8 byte-order mark, so Excel shows accented customer names correctly',
					},
					{
						displayName: 'Exchange Rates (JSON)',
						name: 'fxRatesJson',
						type: 'json',
						default: '',
						placeholder: '{ "EUR": "1.0834", "GBP": "1.2712" }',
						description:
							'Rates as an object (e.g. from an HTTP Request node). Added to, and overriding, the list above.',
					},
					...highValueFields('an overdue invoice is flagged high value in the lists'),
					invoiceFieldOption(
						'Where the normalised invoice is on each item (dot path). Items that are invoices themselves are read as they are.',
					),
					{
						displayName: 'Keep Trend',
						name: 'keepTrend',
						type: 'boolean',
						default: true,
						description:
							"Whether to keep this report's headline numbers in the workflow's static data and show the change since the previous report. Saved only for production (scheduled, webhook) executions.",
					},
					{
						displayName: 'Late Fee Policy (JSON)',
						name: 'lateFeesJson',
						type: 'json',
						default: '',
						placeholder:
							'{ "kind": "statutory", "referenceRatePercent": 4.25, "compensation": "uk" }',
						description:
							'Shows the late fees and interest this policy entitles to on each overdue invoice, per customer and in total (kind fixed with fixedMinor, monthly_percent with monthlyPercent, or statutory with referenceRatePercent; graceDays). Shown to people only: nothing is posted to the accounting system.',
					},
					{
						displayName: 'List Length',
						name: 'topCount',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 100 },
						default: 10,
						description: 'Rows in the largest-overdue list',
					},
					{
						displayName: 'Locale',
						name: 'locale',
						type: 'string',
						default: 'en-US',
						description: 'How amounts and dates are written for people (en-GB, de-DE, fr-FR, ...)',
					},
					{
						displayName: 'Period (Months)',
						name: 'periodMonths',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 60 },
						default: 3,
						description:
							'Months in the DSO and CEI period, the as-of month included (it counts the days up to the as-of date)',
					},
					{
						displayName: 'Renders',
						name: 'renders',
						type: 'multiOptions',
						options: RENDER_OPTIONS.map((value) => ({ name: RENDER_LABELS[value], value })),
						default: [...REPORT_RENDER_NAMES],
						description:
							"Which forms of the report to produce. The numbers (JSON) are always there. A statement per customer lists every open invoice with its age and the total, in the customer's language, with a CSV on the Files output.",
					},
					{
						displayName: 'Stalled After (Days)',
						name: 'stalledDays',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 14,
						description:
							'An overdue account with no touch, reply or payment for this many days is listed as stalled',
					},
					timezoneOption(
						'Time Zone',
						'America/New_York',
						"Zone that decides the report's calendar day. Empty: the workflow's time zone.",
					),
					{
						displayName: 'Title',
						name: 'title',
						type: 'string',
						default: 'Collections report',
					},
					{
						displayName: 'Trend Key',
						name: 'trendKey',
						type: 'string',
						default: 'default',
						description:
							'Keeps separate trends for several reports in one workflow (e.g. per region)',
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const pairedItem: IPairedItemData[] = items.map((_, item) => ({ item }));
		const invoiceField = ((options.invoiceField as string) || 'invoice').trim();
		const keepTrend = options.keepTrend !== false;
		const trendKey = ((options.trendKey as string) || 'default').trim();
		const store = keepTrend ? staticNamespace(this, 'collectionsReport') : undefined;

		try {
			const ledger = readLedgerInput(this);
			const reportOptions: CollectionsReportOptions = {
				...(ledger ? { ledger: ledger.events, ledgerInvalidRows: ledger.invalid.length } : {}),
				asOf: asOfParameter(options.asOf),
				timezone: (options.timezone as string) || this.getTimezone(),
				currency: ((this.getNodeParameter('currency', 0, '') as string) || '').trim() || undefined,
				fxRates: fxRatesOf(
					this.getNodeParameter('fxRates', 0, {}) as IDataObject,
					options.fxRatesJson,
				),
				creditSalesByMonth: creditSalesOf(options),
				beginningReceivables: (options.beginningReceivables as string | undefined) || undefined,
				periodMonths: options.periodMonths as number | undefined,
				stalledDays: options.stalledDays as number | undefined,
				highValue: highValueOf(options.highValue, options.highValueByCurrency),
				topCount: options.topCount as number | undefined,
				locale: (options.locale as string) || undefined,
				title: (options.title as string) || undefined,
				previous: store ? readReportHeadline(store[trendKey]) : null,
				renders: rendersOf(options.renders),
				lateFees: lateFeesOf(options.lateFeesJson),
				// The CSV as byte chunks streamed into n8n's binary data store, with Excel's byte-order mark unless turned
				// off: neither a string nor a Buffer of the whole file exists here.
				csvChunks: { bom: options.csvBom !== false },
			};
			// The report reads `invoice` on each item; another field is exposed under that name without copying the item.
			const input =
				invoiceField === 'invoice'
					? items.map((item) => item.json)
					: items.map((item) => ({ ...item.json, invoice: valueAt(item.json, invoiceField) }));
			const report = buildCollectionsReport(input, reportOptions);
			if (store) store[trendKey] = report.headline as unknown as IDataObject;

			const { renders, ...numbers } = report;
			const json: IDataObject = { ...(numbers as unknown as IDataObject) };
			if (renders.markdown !== undefined) json.markdown = renders.markdown;
			if (renders.html !== undefined) json.html = renders.html;
			if (renders.slack !== undefined) json.slack = renders.slack as unknown as IDataObject;
			if (renders.statements !== undefined)
				// The CSVs go to the Files output; the JSON keeps the rest of each statement.
				json.statements = renders.statements.map((statement) => ({
					customerKey: statement.customerKey,
					customerName: statement.customerName,
					...(statement.to ? { to: statement.to } : {}),
					locale: statement.locale,
					rows: statement.rows,
					totals: statement.totals,
					message: statement.message,
					csvFileName: statement.csvFileName,
				})) as unknown as IDataObject[];
			const binary: IBinaryKeyData = {};
			if (renders.html !== undefined) {
				binary.html = await this.helpers.prepareBinaryData(
					Buffer.from(renders.html, 'utf8'),
					'report.html',
					'text/html',
				);
			}
			if (renders.csvChunks !== undefined) {
				binary.csv = await this.helpers.prepareBinaryData(
					Readable.from(renders.csvChunks),
					`open-invoices-${report.asOf}.csv`,
					'text/csv',
				);
			}
			if (renders.svg !== undefined) {
				binary.chart = await this.helpers.prepareBinaryData(
					Buffer.from(renders.svg, 'utf8'),
					`aging-${report.asOf}.svg`,
					'image/svg+xml',
				);
			}

			for (const [index, statement] of (renders.statements ?? []).entries()) {
				binary[`statement${index + 1}`] = await this.helpers.prepareBinaryData(
					Buffer.from(statement.csv, 'utf8'),
					statement.csvFileName,
					'text/csv',
				);
			}

			const hints: string[] = [];
			if (report.skipped.length > 0)
				hints.push(
					`${report.skipped.length} item(s) are not in the report: see skipped[] for each reason (first: ${report.skipped[0].reason})`,
				);
			if (report.metrics.period.creditSalesSource === 'derived' && items.length > 0)
				hints.push(
					'Credit sales were derived from the invoices given: for exact DSO and CEI, feed every invoice of the period (paid ones too) or set Credit Sales by Month',
				);
			if (!ledger)
				hints.push(
					'No collections ledger on the Ledger input: reminders, replies and escalations are only those the items of this run carry',
				);
			else if (ledger.invalid.length > 0)
				hints.push(
					`${ledger.invalid.length} row(s) on the Ledger input are not ledger events and were left out (first: row ${ledger.invalid[0].index}: ${ledger.invalid[0].errors.join('; ')})`,
				);
			if (keepTrend && this.getMode() === 'manual') hints.push(STATIC_DATA_NOTICE);
			addHints(this, hints);

			const files = Object.keys(binary).length > 0 ? [{ json, binary, pairedItem }] : [];
			return [[{ json, pairedItem }], files];
		} catch (caught) {
			const error = caught instanceof Error ? caught : new Error(String(caught));
			if (this.continueOnFail()) return [[{ json: { error: error.message }, pairedItem }], []];
			throw new NodeOperationError(this.getNode(), error, {
				description:
					'Check the options: the reporting currency must be an ISO code (USD), months YYYY-MM, amounts plain numbers, exchange rates positive decimals',
			});
		}
	}
}

/** The list of rates plus the JSON object (which wins), upper-cased. */
function fxRatesOf(list: IDataObject, json: unknown): Record<string, string | number> {
	const rates: Record<string, string | number> = {};
	for (const entry of (list.rates ?? []) as Array<{ currency?: string; rate?: string | number }>) {
		if (entry.currency && entry.rate !== undefined && entry.rate !== '')
			rates[entry.currency.trim().toUpperCase()] = entry.rate;
	}
	for (const [currency, rate] of Object.entries(objectOf(json, 'Exchange Rates (JSON)'))) {
		rates[currency.trim().toUpperCase()] = rate as string | number;
	}
	return rates;
}

function creditSalesOf(options: IDataObject): Record<string, string | number> | undefined {
	const fromJson = objectOf(options.creditSalesJson, 'Credit Sales by Month (JSON)');
	if (Object.keys(fromJson).length > 0) return fromJson as Record<string, string | number>;
	const months = ((options.creditSales as IDataObject | undefined)?.months ?? []) as Array<{
		month?: string;
		amount?: string | number;
	}>;
	const sales: Record<string, string | number> = {};
	for (const { month, amount } of months)
		if (month && amount !== undefined && amount !== '') sales[month.trim()] = amount;
	return Object.keys(sales).length > 0 ? sales : undefined;
}

/** A JSON option: an object, a JSON text of one, or empty. */
function objectOf(value: unknown, label: string): IDataObject {
	if (value === undefined || value === null || value === '') return {};
	if (typeof value === 'string') {
		try {
			const parsed = JSON.parse(value) as unknown;
			if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
				return parsed as IDataObject;
		} catch {
			// Reported below.
		}
		throw new UserError(`${label} is not a JSON object`);
	}
	if (typeof value === 'object' && !Array.isArray(value)) return value as IDataObject;
	throw new UserError(`${label} is not a JSON object`);
}

function rendersOf(value: unknown): CollectionsReportOptions['renders'] {
	if (!Array.isArray(value)) return true;
	return Object.fromEntries(RENDER_OPTIONS.map((name) => [name, value.includes(name)]));
}

function lateFeesOf(value: unknown): CollectionsReportOptions['lateFees'] {
	const policy = objectOf(value, 'Late Fee Policy (JSON)');
	return Object.keys(policy).length > 0 ? (policy as CollectionsReportOptions['lateFees']) : null;
}
