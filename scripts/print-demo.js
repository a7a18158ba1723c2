// Prints the offline demo's result (n8n execute --rawOutput) for a terminal: the tables a user would open on the canvas.
'use strict';
const { readFileSync } = require('node:fs');

const lines = readFileSync(process.argv[2], 'utf8').split('\n');
const start = lines.indexOf('{');
const end = lines.lastIndexOf('}');
if (start < 0 || end < start) {
	process.stderr.write(`n8n printed no result:\n${lines.slice(-30).join('\n')}\n`);
	process.exit(1);
}
const run = JSON.parse(lines.slice(start, end + 1).join('\n'));
const runData = run.data.resultData.runData;
const rows = (node, output = 0) =>
	(runData[node] ?? []).flatMap((task) =>
		(task.data?.main?.[output] ?? []).map((item) => item.json),
	);
const counts = (node) =>
	(runData[node]?.[0]?.data?.main ?? []).map((items) => (items ?? []).length);
const bold = (text) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);

function table(title, records, columns) {
	process.stdout.write(`\n${bold(`${title} (${records.length})`)}\n`);
	if (records.length === 0) return;
	const widths = columns.map((column) =>
		Math.min(
			48,
			Math.max(column.length, ...records.map((record) => String(record[column] ?? '').length)),
		),
	);
	const cell = (value, width) => {
		const text = String(value ?? '');
		return (text.length > width ? `${text.slice(0, width - 1)}…` : text).padEnd(width);
	};
	process.stdout.write(
		`  ${columns.map((column, index) => cell(column, widths[index])).join('  ')}\n`,
	);
	for (const record of records)
		process.stdout.write(
			`  ${columns.map((column, index) => cell(record[column], widths[index])).join('  ')}\n`,
		);
}

const [follow, hold, closed, notDue, invalid] = counts('Payment State Check');
process.stdout.write(
	`${bold('Payment State Check')}: ${follow} follow up · ${hold} held · ${closed} closed · ${notDue} not due · ${invalid} invalid\n`,
);
table('Would send today (dry run: nothing was sent)', rows('Would send'), [
	'Invoice',
	'Customer',
	'Amount due',
	'Step',
	'To',
	'Subject',
]);
table('Held, and why', rows('Held (why)'), ['Invoice', 'Customer', 'State', 'Why']);
table('Escalated to a person', rows('Escalated to a person'), [
	'Invoice',
	'Customer',
	'Amount due',
	'Priority',
	'Owner',
	'Why',
]);
table('Invalid records', rows('Invalid records'), ['Record', 'Why']);
const triage = rows('Reply Triage', 0).concat(
	rows('Reply Triage', 1),
	rows('Reply Triage', 2),
	rows('Reply Triage', 3),
);
table(
	'Client replies',
	triage.map((reply) => ({
		From: reply.from,
		Intent: reply.triage.intent,
		Escalate: reply.triage.escalate ? 'yes' : '',
		Extracted: [
			reply.triage.extracted.promisedDate && `promised ${reply.triage.extracted.promisedDate}`,
			reply.triage.extracted.newContactEmail &&
				`new contact ${reply.triage.extracted.newContactEmail}`,
			reply.triage.pauseUntil && `pause until ${reply.triage.pauseUntil}`,
			(reply.triage.extracted.documentsRequested ?? []).length > 0 &&
				`wants ${reply.triage.extracted.documentsRequested.join(', ')}`,
		]
			.filter(Boolean)
			.join(', '),
	})),
	['From', 'Intent', 'Escalate', 'Extracted'],
);
const [report] = rows('Collections Report');
if (report?.markdown) process.stdout.write(`\n${report.markdown}\n`);
process.exit(run.data.resultData.error ? 1 : 0);
