/**
 * The Code-node alternative, run in a real n8n (the Code node needs n8n's JavaScript task runner, which the
 * in-process engine harness does not have): the classification most users write in a Code node, next to Payment
 * State Check on the same items, both fed by one Code node that generates the benchmark's invoices.
 */
import { generateInvoiceRows } from '../data';

/**
 * What a typical user writes: "Run Once for All Items", plain Date arithmetic, numbers as they come. It hands on what
 * a user needs downstream: the invoice (the row, with the amount due and currency made usable), a state that says
 * why (a held invoice is held for a reason a person reads), the route and the age.
 */
export function classifyInCodeNode(asOf: string): string {
	return `// Classify invoices for follow-up
const today = new Date('${asOf}');
const DAY = 24 * 60 * 60 * 1000;
const out = [];
for (const item of $input.all()) {
  const inv = item.json;
  const amountDue = inv.amountDue != null ? Number(inv.amountDue) : Number(inv.total) - Number(inv.amountPaid || 0);
  const daysPastDue = Math.floor((today - new Date(inv.dueDate)) / DAY);
  let state;
  if (inv.status === 'void') state = 'void';
  else if (inv.status === 'paid' || amountDue <= 0) state = 'paid';
  else if (inv.status === 'draft') state = 'draft';
  else if (inv.disputed) state = 'disputed';
  else if (inv.promiseDate && new Date(inv.promiseDate) >= today) state = 'promised';
  else if (daysPastDue > 0) state = 'overdue';
  else if (daysPastDue >= -3) state = 'due_soon';
  else state = 'not_due';
  const route = state === 'paid' || state === 'void' ? 'closed' : state === 'draft' || state === 'disputed' || state === 'promised' ? 'hold' : state === 'not_due' ? 'not_due' : 'follow_up';
  const agingBucket = daysPastDue <= 0 ? 'not_due' : daysPastDue <= 30 ? '1-30' : daysPastDue <= 60 ? '31-60' : daysPastDue <= 90 ? '61-90' : '91+';
  out.push({ json: { ...inv, currency: String(inv.currency || 'USD').toUpperCase(), amountDue, daysPastDue, agingBucket, state, route, partiallyPaid: Number(inv.amountPaid) > 0 && amountDue > 0 } });
}
return out;
`;
}

export const CODE_NODE = 'Classify (Code)';
export const OUR_NODE = 'Payment State Check';
export const GENERATE_NODE = 'Generate Invoices';

/**
 * `copies` pairs of (our node, Code node), interleaved top to bottom so n8n's v1 order runs them alternately, all fed
 * the same items: each `n8n execute` is a fresh process, so the first pair runs on cold code (no JIT yet, a fresh
 * task runner) and the later pairs show what a long-running n8n does.
 */
export function codeNodeWorkflow(id: string, items: number, asOf: string, copies: number): object {
	const generate = `${generateInvoiceRows.toString()}\nreturn generateInvoiceRows(${items}).map((json) => ({ json }));`;
	const pairs = Array.from({ length: copies }, (_, index) => index + 1);
	const targets = pairs.flatMap((copy) => [`${OUR_NODE} ${copy}`, `${CODE_NODE} ${copy}`]);
	return {
		id,
		name: 'Code node vs Payment State Check (benchmark)',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 't',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'g',
				name: GENERATE_NODE,
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: { mode: 'runOnceForAllItems', jsCode: generate },
			},
			...pairs.flatMap((copy) => [
				{
					id: `p${copy}`,
					name: `${OUR_NODE} ${copy}`,
					type: 'n8n-nodes-invoice-followup.paymentStateCheck',
					typeVersion: 1.1,
					position: [440, copy * 200 - 100],
					parameters: { source: 'generic', options: { asOf, timezone: 'UTC' } },
				},
				{
					id: `c${copy}`,
					name: `${CODE_NODE} ${copy}`,
					type: 'n8n-nodes-base.code',
					typeVersion: 2,
					position: [440, copy * 200],
					parameters: { mode: 'runOnceForAllItems', jsCode: classifyInCodeNode(asOf) },
				},
			]),
		],
		connections: {
			Start: { main: [[{ node: GENERATE_NODE, type: 'main', index: 0 }]] },
			[GENERATE_NODE]: { main: [targets.map((node) => ({ node, type: 'main', index: 0 }))] },
		},
	};
}
