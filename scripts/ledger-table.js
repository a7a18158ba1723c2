#!/usr/bin/env node
/**
 * Creates the collections ledger table (an n8n Data Table) in a running local n8n, with the columns of the ledger
 * contract (src/contract/ledger.ts, compiled to dist/), and adds any column a newer version of the package defines.
 * Safe to run on every start: an existing table keeps its rows.
 *
 *   node scripts/ledger-table.js <n8n url> <owner e-mail> <owner password>
 *
 * It talks to n8n's own REST API as the owner (the same calls the editor makes), because the Data Table node cannot
 * run under `n8n execute`: that command does not start n8n's data-table module.
 */
'use strict';
const { join } = require('node:path');
const { ownerSession } = require('./local-n8n');

async function main() {
	const [url, email, password] = process.argv.slice(2);
	if (!url || !email || !password) {
		console.error('usage: node scripts/ledger-table.js <n8n url> <owner e-mail> <owner password>');
		process.exit(2);
	}
	const { LEDGER_TABLE_NAME, LEDGER_COLUMNS } = require(
		join(__dirname, '..', 'dist', 'src', 'index.js'),
	);
	const result = await ensureLedgerTable({
		url,
		email,
		password,
		name: LEDGER_TABLE_NAME,
		columns: LEDGER_COLUMNS,
	});
	console.log(
		result.created
			? `Created the Data Table "${result.name}" (${result.columns.length} columns).`
			: result.added.length > 0
				? `Data Table "${result.name}": added the columns ${result.added.join(', ')}.`
				: `Data Table "${result.name}" is ready.`,
	);
}

/** Logs in, then creates the table or adds its missing columns. Returns what it did. */
async function ensureLedgerTable({ url, email, password, name, columns }) {
	const { call } = await ownerSession(url, { email, password });
	const project = await call('GET', '/projects/personal');
	const base = `/projects/${project.id}/data-tables`;
	const listed = await call(
		'GET',
		`${base}?filter=${encodeURIComponent(JSON.stringify({ name }))}&take=50`,
	);
	// The name filter is a substring match: pick the exact name.
	const existing = (listed?.data ?? []).find((table) => table.name === name);
	if (!existing) {
		const created = await call('POST', base, {
			name,
			columns: columns.map((column) => ({ name: column.name, type: column.type })),
		});
		return { created: true, name, id: created.id, columns: columns.map((c) => c.name), added: [] };
	}
	const have = new Set(
		(await call('GET', `${base}/${existing.id}/columns`)).map((column) => column.name),
	);
	const added = [];
	for (const column of columns) {
		if (have.has(column.name)) continue;
		await call('POST', `${base}/${existing.id}/columns`, { name: column.name, type: column.type });
		added.push(column.name);
	}
	return { created: false, name, id: existing.id, columns: columns.map((c) => c.name), added };
}

module.exports = { ensureLedgerTable };

if (require.main === module) {
	main().catch((error) => {
		console.error(`Could not prepare the collections ledger table: ${error.message}`);
		process.exit(1);
	});
}
