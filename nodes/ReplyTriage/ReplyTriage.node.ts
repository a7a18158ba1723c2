import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import {
	classifyReplyWithAi,
	DEFAULT_HYBRID_THRESHOLD,
	mapWithConcurrency,
	readReply,
	REPLY_PRESET_REGISTRY,
	routeTriage,
	triageReply,
	triageReplyHybrid,
	type AiConfig,
	type ReplyMapping,
	type ReplyPreset,
	type TriageOptions,
	type TriageResult,
	type TriageRoute,
} from '../../src';
import { expandRawMessage } from '../../src/triage/mime';
import { addHints } from '../shared/hints';
import { auditEntry, namedOutputs, Outputs, valueAt, withAudit } from '../shared/items';
import { readAiConfig } from '../shared/ai';
import { invoiceFieldOption, timezoneOption } from '../shared/options';
import { NodeOperationError } from 'n8n-workflow';
import {
	LEDGER_INPUT_NAME,
	ledgerInvoicesById,
	matchInvoicesNotice,
	matchInvoicesProperty,
	matchTriagedReply,
	readLedgerInput,
} from './ledger';

const NODE = 'Reply Triage';
/** Version 1.1 adds Review (a person reads it at low priority; reminders stay paused). */
const OUTPUTS = ['Escalate', 'Review', 'Update Record', 'Stop', 'No Action'] as const;
/** Version 1 keeps its four outputs so saved workflows keep their wiring; review goes to Escalate there. */
const OUTPUTS_V1 = ['Escalate', 'Update Record', 'Stop', 'No Action'] as const;
type OutputName = (typeof OUTPUTS)[number];
const OUTPUT_OF_ROUTE: Record<TriageRoute, OutputName> = {
	escalate: 'Escalate',
	review: 'Review',
	update: 'Update Record',
	stop: 'Stop',
	none: 'No Action',
};
const OUTPUTS_EXPRESSION: `={{${string}}}` = `={{ $nodeVersion >= 1.1 ? ${JSON.stringify(namedOutputs(OUTPUTS))} : ${JSON.stringify(namedOutputs(OUTPUTS_V1))} }}`;
type Engine = 'rules' | 'ai' | 'hybrid';

const FIX_HINT =
	'Choose the Input preset that matches the node before this one (Gmail, Outlook, Email Trigger), or pick Generic Mapping and map subject, body, sender and received date with expressions';

export class ReplyTriage implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Reply Triage',
		name: 'replyTriage',
		icon: { light: 'file:replyTriage.svg', dark: 'file:replyTriage.dark.svg' },
		group: ['transform'],
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle:
			'={{ {"rules":"Rules","ai":"AI","hybrid":"Hybrid"}[$parameter["engine"]] + " · " + {"gmail":"Gmail","gmailRaw":"Gmail (raw)","outlook":"Outlook","imap":"IMAP","generic":"Generic"}[$parameter["inputPreset"]] }}',
		description:
			'Read customer replies to invoice reminders: intent, promised date, documents, new contact, and who must see it',
		defaults: { name: 'Reply Triage' },
		usableAsTool: true,
		inputs: [
			NodeConnectionTypes.Main,
			{ type: NodeConnectionTypes.Main, displayName: LEDGER_INPUT_NAME, required: false },
		],
		outputs: OUTPUTS_EXPRESSION,
		credentials: [
			{
				name: 'openAiCompatibleApi',
				required: true,
				displayOptions: { show: { engine: ['ai', 'hybrid'] } },
			},
		],
		properties: [
			{
				displayName: 'Engine',
				name: 'engine',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Rules (Offline)',
						value: 'rules',
						description:
							'Patterns with evidence plus the shipped offline classifier (Learned Classifier option); no network',
					},
					{
						name: 'AI',
						value: 'ai',
						description:
							'An OpenAI-compatible model reads every reply; the rules stand in when it fails and guard escalations',
					},
					{
						name: 'Hybrid',
						value: 'hybrid',
						description: 'Rules first; the model only reads replies the rules are unsure about',
					},
				],
				default: 'rules',
			},
			{
				displayName: 'Input Preset',
				name: 'inputPreset',
				type: 'options',
				noDataExpression: true,
				options: REPLY_PRESET_REGISTRY.map((preset) => ({ name: preset.name, value: preset.key })),
				default: 'gmailRaw',
				description: 'The node the e-mails come from, so its output shape is read without mapping',
			},
			{
				displayName: 'Subject',
				name: 'subject',
				type: 'string',
				default: '={{ $json.subject }}',
				displayOptions: { show: { inputPreset: ['generic'] } },
			},
			{
				displayName: 'Body (Text)',
				name: 'text',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '={{ $json.text }}',
				displayOptions: { show: { inputPreset: ['generic'] } },
			},
			{
				displayName: 'Body (HTML)',
				name: 'html',
				type: 'string',
				default: "={{ $json.html ?? '' }}",
				displayOptions: { show: { inputPreset: ['generic'] } },
				description: 'Used when the text body is empty',
			},
			{
				displayName: 'From',
				name: 'from',
				type: 'string',
				default: '={{ $json.from }}',
				displayOptions: { show: { inputPreset: ['generic'] } },
				description: 'The sender, "Name &lt;address&gt;" or an address',
			},
			{
				displayName: 'Received At',
				name: 'receivedAt',
				type: 'string',
				default: '={{ $json.date }}',
				displayOptions: { show: { inputPreset: ['generic'] } },
				description:
					'When the reply arrived (ISO timestamp or epoch milliseconds); relative dates are read against it',
			},
			{
				displayName: 'Headers',
				name: 'headers',
				type: 'json',
				default: '={{ $json.headers ?? {} }}',
				displayOptions: { show: { inputPreset: ['generic'] } },
				description:
					'Header names to values, for auto-reply and bounce detection (Auto-Submitted, Precedence, Content-Type)',
			},
			matchInvoicesProperty,
			matchInvoicesNotice,
			{
				displayName: 'Model',
				name: 'model',
				type: 'string',
				default: '',
				placeholder: 'gpt-4o-mini',
				displayOptions: { show: { engine: ['ai', 'hybrid'] } },
				description: "Empty: the credential's default model",
			},
			{
				displayName: 'Confidence Threshold',
				name: 'threshold',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
				default: DEFAULT_HYBRID_THRESHOLD,
				displayOptions: { show: { engine: ['hybrid'] } },
				description: 'The model reads a reply only when the rules are less sure than this',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'AI Concurrency',
						name: 'concurrency',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 32 },
						default: 4,
						description: 'Replies sent to the model at the same time (AI and Hybrid)',
					},
					{
						displayName: 'AI Max Retries',
						name: 'maxRetries',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 6 },
						default: 2,
						description: 'Retries with backoff on 429, 5xx and connection errors (AI and Hybrid)',
					},
					{
						displayName: 'AI Timeout per Reply (Ms)',
						name: 'timeoutMs',
						type: 'number',
						typeOptions: { minValue: 500 },
						default: 20000,
						description:
							'After this the rules result is used and the item records the fallback (AI and Hybrid)',
					},
					{
						displayName: 'Far-Off Promise Days',
						name: 'maxPromiseDays',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 60,
						description:
							'A promised date more than this many days after the reply goes to Review: a person agrees to it or not',
					},
					invoiceFieldOption(
						"Where an upstream node put the invoice; its customer's time zone is used when Time Zone is empty",
					),
					{
						displayName: 'Learned Classifier',
						name: 'learned',
						type: 'boolean',
						default: true,
						description:
							'Whether the shipped offline classifier reads each reply beside the rules (more recall; the rules keep their evidence)',
					},
					{
						displayName: 'Paid Pause Days',
						name: 'paidPauseDays',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 5,
						description:
							'Days an "already paid" reply pauses reminders while the payment clears (0: no pause)',
					},
					{
						displayName: 'Reference Date',
						name: 'referenceDate',
						type: 'string',
						default: '',
						placeholder: '2026-11-23',
						description:
							'Read relative dates ("next Friday") against this date instead of the day each reply arrived',
					},
					timezoneOption(
						'Time Zone',
						'America/New_York',
						"The customer's zone for relative dates. Empty: the invoice customer's zone, else the workflow's.",
					),
					{
						displayName: 'Unrecognised Replies',
						name: 'unrecognised',
						type: 'options',
						options: [
							{ name: 'Review', value: 'review' },
							{ name: 'No Action', value: 'none' },
							{ name: 'Escalate', value: 'escalate' },
						],
						default: 'review',
						description:
							'Where replies the engine could not read (intent "other") go; Review keeps the reminders paused until a person reads them',
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const engine = this.getNodeParameter('engine', 0) as Engine;
		const preset = this.getNodeParameter('inputPreset', 0) as ReplyPreset;
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const invoiceField = (options.invoiceField as string) || 'invoice';
		const zoneOption = (options.timezone as string) || '';
		const workflowZone = this.getTimezone();
		const version = this.getNode().typeVersion;
		const unrecognised: TriageOptions['unrecognised'] =
			options.unrecognised === 'escalate' ||
			options.unrecognised === 'none' ||
			options.unrecognised === 'review'
				? options.unrecognised
				: version >= 1.1
					? 'review'
					: 'none';
		const maxPromiseDays =
			typeof options.maxPromiseDays === 'number' ? options.maxPromiseDays : undefined;
		const learned = options.learned !== false;
		const paidPauseDays =
			typeof options.paidPauseDays === 'number' ? options.paidPauseDays : undefined;
		const referenceDate = (options.referenceDate as string) || undefined;
		let ai: AiConfig | undefined;
		let threshold = DEFAULT_HYBRID_THRESHOLD;
		if (engine !== 'rules') {
			ai = await readAiConfig(this, {
				model: (this.getNodeParameter('model', 0, '') as string) || undefined,
				...((options.timeoutMs as number) ? { timeoutMs: options.timeoutMs as number } : {}),
				maxRetries: typeof options.maxRetries === 'number' ? options.maxRetries : 2,
				temperature: 0,
			});
			if (engine === 'hybrid')
				threshold = this.getNodeParameter('threshold', 0, DEFAULT_HYBRID_THRESHOLD) as number;
		}
		const at = new Date().toISOString();
		const outputs = new Outputs<OutputName>(version >= 1.1 ? OUTPUTS : OUTPUTS_V1);
		// Version 1 has no Review output: a person still reads those replies, on Escalate.
		const outputFor = (route: TriageRoute): OutputName =>
			version < 1.1 && route === 'review' ? 'Escalate' : OUTPUT_OF_ROUTE[route];
		// The Ledger input (second input): which invoices each reply concerns, when matching is on.
		const matchInvoices = this.getNodeParameter('matchInvoices', 0, false) as boolean;
		const ledgerItems = matchInvoices ? this.getInputData(1) : [];
		const ledger = matchInvoices ? readLedgerInput(ledgerItems, invoiceField) : undefined;
		const ledgerInvoices = matchInvoices
			? ledgerInvoicesById(ledgerItems, invoiceField)
			: new Map();
		let unmatched = 0;
		let fallbacks = 0;
		let firstFallback = '';
		let unread = 0;
		const notes = new Set<string>();

		const triageItem = async (item: INodeExecutionData, itemIndex: number): Promise<() => void> => {
			const mapping: ReplyMapping =
				preset === 'generic'
					? {
							subject: this.getNodeParameter('subject', itemIndex, ''),
							text: this.getNodeParameter('text', itemIndex, ''),
							html: this.getNodeParameter('html', itemIndex, ''),
							from: this.getNodeParameter('from', itemIndex, ''),
							receivedAt: this.getNodeParameter('receivedAt', itemIndex, ''),
							headers: this.getNodeParameter('headers', itemIndex, {}),
						}
					: {};
			// IMAP "Raw" / Gmail raw: the message source is parsed first (mailparser, loaded on the first one).
			const expanded = await expandRawMessage(item.json, preset);
			if (expanded.note) notes.add(expanded.note);
			const read = readReply(expanded.json, preset, mapping);
			if (!read.ok)
				throw new NodeOperationError(this.getNode(), read.reason, {
					itemIndex,
					description: FIX_HINT,
				});
			for (const note of read.notes) notes.add(note);
			const invoiceZone = valueAt(item.json, `${invoiceField}.customer.timezone`);
			const timezone =
				zoneOption || (typeof invoiceZone === 'string' && invoiceZone ? invoiceZone : workflowZone);
			const triageOptions = {
				timezone,
				referenceDate,
				paidPauseDays,
				unrecognised,
				maxPromiseDays,
				learned,
			};
			let result: TriageResult;
			if (engine === 'ai')
				result = await classifyReplyWithAi(read.reply, { ...triageOptions, ai: ai as AiConfig });
			else if (engine === 'hybrid')
				result = await triageReplyHybrid(read.reply, {
					...triageOptions,
					ai: ai as AiConfig,
					threshold,
				});
			else result = triageReply(read.reply, triageOptions);
			const route = routeTriage(result, triageOptions);
			return () => {
				if (result.ai?.fallback) {
					fallbacks++;
					firstFallback ||= result.ai.fallback;
				}
				if (result.intent === 'other') unread++;
				const receivedAt = result.evidence.find((entry) => entry.rule === 'input.received-at');
				if (receivedAt)
					notes.add(
						receivedAt.snippet.replace(/ against .*$/, ' against the day the workflow ran'),
					);
				const rule = result.ai?.fallback ? `${result.intent} (rules fallback)` : result.intent;
				const reason = result.ai?.fallback
					? `${result.summary} [model failed: ${result.ai.fallback}]`
					: result.summary;
				const json = withAudit(item.json, auditEntry(NODE, rule, route, reason, at), {
					triage: { ...result, route } as unknown as IDataObject,
				});
				if (!ledger) return outputs.push(outputFor(route), json, itemIndex);
				const matched = matchTriagedReply(
					item.json,
					read.reply,
					{ ...result, route },
					ledger.index,
					ledgerInvoices,
					at,
				);
				if (!matched.match.matched) {
					// A reply about no known invoice goes to a person, who knows the customer.
					unmatched++;
					const why = matched.match.reason ?? 'no invoice matched';
					return outputs.push(
						'Escalate',
						withAudit(item.json, auditEntry(NODE, 'unmatched_reply', 'escalate', why, at), {
							triage: { ...result, route: 'escalate', escalate: true } as unknown as IDataObject,
							replyMatch: { matched: false, reason: why },
						}),
						itemIndex,
					);
				}
				// One item per invoice the reply concerns, each with its reply row for the ledger.
				for (const one of matched.perInvoice)
					outputs.push(
						outputFor(route),
						{
							...json,
							...(one.invoice && !json[invoiceField] ? { [invoiceField]: one.invoice } : {}),
							replyMatch: one.replyMatch,
							ledgerRow: one.ledgerRow,
						},
						itemIndex,
					);
			};
		};

		// Per item: continueOnFail puts a failing item on Escalate with its error (a person should read what we could not).
		// Without Continue On Fail too: one reply that cannot be read goes to Escalate and the batch goes on (the legal
		// threat next to it is still triaged).
		const settle = (error: Error, item: INodeExecutionData, itemIndex: number) =>
			outputs.failed(this, 'Escalate', item.json, error, itemIndex);
		const concurrency =
			engine === 'rules' ? 1 : Math.max(1, Math.min(32, (options.concurrency as number) || 4));
		const done = await mapWithConcurrency(items, concurrency, async (item, itemIndex) => {
			try {
				return { ok: true as const, commit: await triageItem(item, itemIndex) };
			} catch (caught) {
				return {
					ok: false as const,
					error: caught instanceof Error ? caught : new Error(String(caught)),
				};
			}
		});
		// Route in input order, whatever order the model answered in.
		done.forEach((outcome, itemIndex) =>
			outcome.ok ? outcome.commit() : settle(outcome.error, items[itemIndex], itemIndex),
		);

		const hints: string[] = [];
		if (fallbacks > 0)
			hints.push(
				`${fallbacks} repl${fallbacks === 1 ? 'y' : 'ies'} used the rules because the model failed (${firstFallback}); see triage.ai.fallback`,
			);
		if (outputs.count('Escalate') > 0)
			hints.push(
				`${outputs.count('Escalate')} repl${outputs.count('Escalate') === 1 ? 'y needs' : 'ies need'} a person (dispute, legal, complaint, refund, terms, wrong contact): see triage.summary`,
			);
		if (version >= 1.1 && outputs.count('Review') > 0)
			hints.push(
				`${outputs.count('Review')} repl${outputs.count('Review') === 1 ? 'y goes' : 'ies go'} to Review (a question, low confidence or a far-off promise): reminders stay paused until a person reads ${outputs.count('Review') === 1 ? 'it' : 'them'}`,
			);
		if (unread > 0)
			hints.push(
				`${unread} repl${unread === 1 ? 'y was' : 'ies were'} not recognised (intent "other")${engine === 'rules' ? '; the Hybrid engine sends such replies to a model' : ''}`,
			);
		if (unmatched > 0)
			hints.push(
				`${unmatched} repl${unmatched === 1 ? 'y matches' : 'ies match'} no invoice on the Ledger input: sent to Escalate for a person`,
			);
		if (ledger && ledger.invalidRows > 0)
			hints.push(
				`${ledger.invalidRows} row${ledger.invalidRows === 1 ? '' : 's'} on the Ledger input could not be read as ledger events and were ignored`,
			);
		hints.push(...notes);
		addHints(this, hints);
		return outputs.result();
	}
}
