/**
 * The template workflows as tests use them: read from workflows/, and a "test copy" of the daily template whose source
 * and sinks are retargeted at local fakes (FakeServices). Every other node, our five included, is left as shipped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject, INode } from 'n8n-workflow';

import type { FakeServices } from './fakeServices';
import { vendorFixture } from './fixtures';

export interface TemplateJson {
	id: string;
	name: string;
	nodes: INode[];
	connections: IDataObject;
	settings?: IDataObject;
	[key: string]: unknown;
}

export const WORKFLOWS_DIR = join(__dirname, '..', '..', 'workflows');

export function readTemplate(file: string): TemplateJson {
	return JSON.parse(readFileSync(join(WORKFLOWS_DIR, file), 'utf8')) as TemplateJson;
}

function httpNode(node: INode, url: string, jsonBody?: string): INode {
	return {
		...node,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		credentials: undefined,
		parameters: jsonBody
			? { method: 'POST', url, sendBody: true, specifyBody: 'json', jsonBody, options: {} }
			: { method: 'GET', url, options: {} },
	};
}

/**
 * The daily template with Stripe, Gmail, Slack and Sheets pointed at the fakes, a fixed as-of instant so the send
 * window is deterministic, and optionally a Webhook trigger (queue mode runs executions only from webhooks).
 */
export function dailyTestCopy(
	fakes: FakeServices,
	options: { id: string; asOf: string; webhookPath?: string },
): TemplateJson {
	const template = readTemplate('invoice-follow-up-daily.json');
	const nodes = template.nodes.map((node): INode => {
		switch (node.name) {
			case 'Stripe: open invoices':
				return httpNode(node, fakes.url('/stripe/v1/invoices'));
			case 'Gmail: send':
				return {
					...httpNode(node, fakes.url('/gmail/send'), '={{ { raw: $json.raw } }}'),
					onError: node.onError,
				};
			case 'Slack: ask the owner':
				return httpNode(
					node,
					fakes.url('/slack/chat.postMessage'),
					'={{ { text: $json.escalation.packet.slackApprovalMessage, invoice: $json.invoice.number } }}',
				);
			case 'Google Sheets: log':
				return httpNode(
					node,
					fakes.url('/sheets/append'),
					'={{ { key: $json.cadence.recorded.key, status: $json.cadence.recorded.status } }}',
				);
			case 'Weekdays at 09:00':
				return options.webhookPath
					? {
							...node,
							type: 'n8n-nodes-base.webhook',
							typeVersion: 2,
							webhookId: options.webhookPath,
							parameters: {
								httpMethod: 'POST',
								path: options.webhookPath,
								responseMode: 'onReceived',
								options: {},
							},
						}
					: node;
			default:
				if (node.type.startsWith('n8n-nodes-invoice-followup.')) {
					const parameters = node.parameters as IDataObject;
					return {
						...node,
						parameters: {
							...parameters,
							options: { ...((parameters.options as IDataObject) ?? {}), asOf: options.asOf },
						},
					};
				}
				return node;
		}
	});
	return { ...template, id: options.id, name: `${template.name} (test copy)`, nodes };
}

const unix = (date: string) => Math.floor(Date.parse(`${date}T17:00:00Z`) / 1000);

/** Stripe invoices (the docs example, reshaped) for a book as of Wednesday 2026-11-18. */
export function stripeBook(): object[] {
	const base = vendorFixture('stripe-invoice-paid.json');
	const invoice = (
		id: string,
		cents: number,
		due: string,
		email: string,
		metadata: IDataObject = {},
		status = 'open',
	) => ({
		...base,
		id,
		number: id.toUpperCase().replace('IN_', 'INV-'),
		status,
		currency: 'usd',
		collection_method: 'send_invoice',
		total: cents,
		amount_due: cents,
		amount_paid: status === 'paid' ? cents : 0,
		amount_remaining: status === 'paid' ? 0 : cents,
		due_date: unix(due),
		customer_email: email,
		customer_name: email.split('@')[1].split('.')[0],
		hosted_invoice_url: `https://invoice.stripe.example/${id}`,
		metadata: { timezone: 'America/New_York', ...metadata },
	});
	return [
		invoice('in_overdue7', 120_000, '2026-11-11', 'ap@acme.example'),
		invoice('in_duetoday', 53_000, '2026-11-18', 'ap@globex.example', {
			message_id: '<invoice-duetoday@billing.example>',
		}),
		invoice('in_disputed', 330_000, '2026-10-30', 'ap@stark.example', { disputed: 'true' }),
		invoice('in_notdue', 220_000, '2026-12-20', 'ap@initech.example'),
		invoice('in_bigold', 2_500_000, '2026-10-04', 'ap@umbrella.example'),
		invoice('in_optedout', 27_500, '2026-11-01', 'ap@soylent.example', { opted_out: 'true' }),
		invoice('in_paid', 90_000, '2026-11-01', 'ap@hooli.example', {}, 'paid'),
		invoice('in_duesoon', 41_500, '2026-11-21', 'ap@wayne.example'),
	];
}

/**
 * The ledger kept in the reminder-log sheet instead of static data: the log is read back before planning and joined
 * per invoice (Cadence Step: History From = Input Fields). This is the set-up for queue mode, whose workers in n8n
 * 2.41.1 start each new execution without the workflow's saved static data.
 */
export function withSheetLedger(
	workflow: TemplateJson,
	fakes: FakeServices,
	asOf: string,
): TemplateJson {
	const plan = "$('Cadence Step: plan').item.json";
	const nodes = workflow.nodes.map((node): INode => {
		if (node.name === 'Cadence Step: plan') {
			return {
				...node,
				parameters: {
					...node.parameters,
					ledger: 'fields',
					lastStepId: '={{ $json.lastStepId }}',
					lastTouchAt: '={{ $json.lastTouchAt }}',
				},
			};
		}
		if (node.name === 'Google Sheets: log') {
			return httpNode(
				node,
				fakes.url('/sheets/append'),
				`={{ { invoiceId: ${plan}.invoice.id, stepId: ${plan}.cadence.step.id, at: '${asOf}', key: $json.cadence.recorded.key, status: $json.cadence.recorded.status } }}`,
			);
		}
		return node;
	});
	const join: INode = {
		id: 'f0c3a3a2-6a8e-4d47-9d0c-4c9b2b7a1e01',
		name: 'Join the reminder log',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [900, 600],
		parameters: {
			jsCode: `// The last step sent per invoice, from the reminder log, so Cadence Step plans from it.
const { rows } = await this.helpers.httpRequest({ method: 'GET', url: '${fakes.url('/sheets/rows')}', json: true });
const last = {};
for (const row of rows) if (row.status === 'sent' && (!last[row.invoiceId] || row.at >= last[row.invoiceId].at)) last[row.invoiceId] = row;
return $input.all().map((item) => ({ json: { ...item.json, lastStepId: last[item.json.invoice.id]?.stepId ?? '', lastTouchAt: last[item.json.invoice.id]?.at ?? '' }, pairedItem: item.pairedItem }));`,
		},
	};
	const connections = JSON.parse(JSON.stringify(workflow.connections)) as Record<
		string,
		{ main: Array<Array<{ node: string; type: string; index: number }>> }
	>;
	connections['Escalation Gate'].main[1] = [{ node: join.name, type: 'main', index: 0 }];
	connections[join.name] = { main: [[{ node: 'Cadence Step: plan', type: 'main', index: 0 }]] };
	return { ...workflow, nodes: [...nodes, join], connections };
}
