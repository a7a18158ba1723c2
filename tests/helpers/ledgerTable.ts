/**
 * Stand-ins for what the engine harness cannot reach: n8n's Data Table (its proxy is only given to n8n's own Data
 * Table nodes, and needs n8n's database) and a mail server. They behave as the stock nodes do: "Ledger Get" emits
 * every row (with id and createdAt, like row > get), "Ledger Insert" appends the row each item carries at
 * `ledgerRow` and outputs the inserted row (paired with its input), "Mail" sends one message per item, reading it
 * from the Plan node's paired item, and can fail or wait on a gate (to hold an execution mid-send).
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeType,
} from 'n8n-workflow';

import { ledgerRowMapping } from '../../src';
import { PACKAGE_NAME, registerNodeType, type WorkflowJson } from './engine';

export interface SentMail {
	to: string;
	subject: string;
	key: string;
	executionId: string;
}

export class FakeLedger {
	rows: IDataObject[] = [];
	mails: SentMail[] = [];
	/** When set, Mail waits for it before sending (an execution held mid-send). */
	gate?: Promise<void>;
	/** When set, each first read (Ledger Get) waits until this many runs have read: overlapping runs read together. */
	readTogether?: number;
	/** When set, each re-read after the insert waits until this many runs got there: every insert comes first. */
	rereadTogether?: number;
	private waiting: Record<'read' | 'reread', Array<() => void>> = { read: [], reread: [] };
	private seq = 0;

	/** Holds a run at `point` until `together` runs have arrived there. */
	async meet(point: 'read' | 'reread', together: number | undefined): Promise<void> {
		if (!together) return;
		const queue = this.waiting[point];
		if (queue.length + 1 >= together) queue.splice(0).forEach((go) => go());
		else await new Promise<void>((go) => queue.push(go));
	}

	/** Ledger Get's read: with readTogether, every run's read happens before any run goes on. */
	async read(): Promise<IDataObject[]> {
		const rows = this.rows.map((row) => ({ ...row }));
		await this.meet('read', this.readTogether);
		return rows;
	}

	insert(row: IDataObject): IDataObject {
		const stored = { id: ++this.seq, createdAt: new Date().toISOString(), ...row };
		this.rows.push(stored);
		return stored;
	}

	/** Rows as a person would type them in the n8n UI (only the columns they fill). */
	add(row: IDataObject): void {
		this.insert(row);
	}

	rowsOf(kind: string): IDataObject[] {
		return this.rows.filter((row) => row.kind === kind);
	}
}

let current: FakeLedger | undefined;

/** The table the fake nodes use for the next runs. */
export function useLedger(ledger: FakeLedger): FakeLedger {
	current = ledger;
	return ledger;
}

function nodeType(name: string, execute: INodeType['execute']): INodeType {
	return {
		description: {
			displayName: name,
			name,
			group: ['transform'],
			version: 1,
			description: name,
			defaults: { name },
			inputs: ['main'],
			outputs: ['main'],
			properties: [
				{ displayName: 'To', name: 'to', type: 'string', default: '' },
				{ displayName: 'Subject', name: 'subject', type: 'string', default: '' },
				{ displayName: 'Key', name: 'key', type: 'string', default: '' },
				{ displayName: 'Fail', name: 'fail', type: 'boolean', default: false },
				{ displayName: 'Items', name: 'items', type: 'string', default: '[]' },
			],
		},
		execute,
	} as unknown as INodeType;
}

// The source's invoices (a manual trigger emits one empty item, whatever the test passes it).
registerNodeType(
	'test.emit',
	nodeType('emit', async function (this: IExecuteFunctions) {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as IDataObject[];
		return [items.map((json) => ({ json }))];
	}),
);

registerNodeType(
	'test.ledgerGet',
	nodeType('ledgerGet', async function (this: IExecuteFunctions) {
		const rows = (await current!.read()).map((json) => ({ json }));
		// Like the stock node with "Always Output Data": an empty table still lets the workflow go on.
		return [rows.length > 0 ? rows : [{ json: {} }]];
	}),
);

// Row > get with "Key equals {{ $json.key }}", per input item (the claim's re-read after the insert).
registerNodeType(
	'test.ledgerReread',
	nodeType('ledgerReread', async function (this: IExecuteFunctions) {
		await current!.meet('reread', current!.rereadTogether);
		const out: INodeExecutionData[] = [];
		this.getInputData().forEach((item, index) => {
			for (const row of current!.rows)
				if (row.key === item.json.key) out.push({ json: { ...row }, pairedItem: { item: index } });
		});
		return [out.length > 0 ? out : [{ json: {} }]];
	}),
);

registerNodeType(
	'test.ledgerInsert',
	nodeType('ledgerInsert', async function (this: IExecuteFunctions) {
		const out: INodeExecutionData[] = [];
		this.getInputData().forEach((item, index) => {
			const row = item.json.ledgerRow as IDataObject | undefined;
			if (!row) return;
			// The stock node rejects unknown columns: the row must be exactly the table's columns.
			const mapped = Object.fromEntries(
				Object.keys(ledgerRowMapping().value).map((column) => [column, row[column] ?? null]),
			);
			if (Object.keys(row).some((column) => !(column in mapped)))
				throw new Error(`unknown column in ${JSON.stringify(row)}`);
			out.push({ json: current!.insert(mapped), pairedItem: { item: index } });
		});
		return [out];
	}),
);

registerNodeType(
	'test.mail',
	nodeType('mail', async function (this: IExecuteFunctions) {
		const out: INodeExecutionData[] = [];
		const items = this.getInputData();
		for (let index = 0; index < items.length; index++) {
			if (current!.gate) await current!.gate;
			if (this.getNodeParameter('fail', index) === true)
				throw new Error('550 mailbox unavailable (the SMTP server refused the message)');
			const mail: SentMail = {
				to: this.getNodeParameter('to', index) as string,
				subject: this.getNodeParameter('subject', index) as string,
				key: this.getNodeParameter('key', index) as string,
				executionId: this.getExecutionId(),
			};
			current!.mails.push(mail);
			out.push({ json: { id: `msg-${current!.mails.length}` }, pairedItem: { item: index } });
		}
		return [out];
	}),
);

/**
 * The daily loop as a template wires it, with the Data Table: Invoices + Ledger Get → Plan; Send → insert the
 * reservation → Mail → Record → insert sent/failed; Escalate → insert the escalation.
 */
export function ledgerLoop(
	planParameters: IDataObject,
	invoices: IDataObject[],
	{ mailFails = false, claim = false }: { mailFails?: boolean; claim?: boolean } = {},
): WorkflowJson {
	const node = (name: string, type: string, parameters: IDataObject, x: number, y = 0): INode =>
		({
			id: name,
			name,
			type,
			typeVersion: type.endsWith('cadenceStep') ? 1.1 : 1,
			position: [x, y],
			parameters,
		}) as INode;
	const plan = "$('Plan').item.json.cadence";
	return {
		nodes: [
			node('Trigger', 'n8n-nodes-base.manualTrigger', {}, 0),
			node('Invoices', 'test.emit', { items: JSON.stringify(invoices) }, 200),
			node('Ledger Get', 'test.ledgerGet', {}, 200, 200),
			node('Plan', `${PACKAGE_NAME}.cadenceStep`, { operation: 'plan', ...planParameters }, 400),
			node('Insert Reservation', 'test.ledgerInsert', {}, 600),
			node(
				'Mail',
				'test.mail',
				{
					to: `={{ ${plan}.message.to }}`,
					subject: `={{ ${plan}.message.subject }}`,
					key: `={{ ${plan}.idempotencyKey }}`,
					fail: mailFails,
				},
				800,
			),
			node(
				'Record',
				`${PACKAGE_NAME}.cadenceStep`,
				{
					operation: 'record',
					idempotencyKey: `={{ ${plan}.idempotencyKey }}`,
					messageId: '={{ $json.id }}',
				},
				1000,
			),
			node('Insert Sent', 'test.ledgerInsert', {}, 1200),
			node('Insert Escalation', 'test.ledgerInsert', {}, 600, 300),
			...(claim
				? [
						node('Reread', 'test.ledgerReread', {}, 700, 200),
						node('Claim', `${PACKAGE_NAME}.cadenceStep`, { operation: 'claim' }, 800, 100),
						node('Insert Release', 'test.ledgerInsert', {}, 1000, 300),
					]
				: []),
		],
		connections: {
			Trigger: {
				main: [
					[
						{ node: 'Invoices', type: 'main', index: 0 },
						{ node: 'Ledger Get', type: 'main', index: 0 },
					],
				],
			},
			Invoices: { main: [[{ node: 'Plan', type: 'main', index: 0 }]] },
			'Ledger Get': { main: [[{ node: 'Plan', type: 'main', index: 1 }]] },
			Plan: {
				main: [
					[{ node: 'Insert Reservation', type: 'main', index: 0 }],
					[],
					[],
					[{ node: 'Insert Escalation', type: 'main', index: 0 }],
				],
			},
			...(claim
				? {
						// Claim-and-reread: insert, read the key back, and only the first reservation goes to Mail.
						'Insert Reservation': {
							main: [
								[
									{ node: 'Claim', type: 'main', index: 0 },
									{ node: 'Reread', type: 'main', index: 0 },
								],
							],
						},
						Reread: { main: [[{ node: 'Claim', type: 'main', index: 1 }]] },
						Claim: {
							main: [
								[{ node: 'Mail', type: 'main', index: 0 }],
								[{ node: 'Insert Release', type: 'main', index: 0 }],
							],
						},
					}
				: { 'Insert Reservation': { main: [[{ node: 'Mail', type: 'main', index: 0 }]] } }),
			Mail: { main: [[{ node: 'Record', type: 'main', index: 0 }]] },
			Record: { main: [[{ node: 'Insert Sent', type: 'main', index: 0 }]] },
		},
	};
}
