import { readdirSync } from 'node:fs';

import { readTemplate, WORKFLOWS_DIR } from '../helpers/templates';

/**
 * Collections Report puts its files (report.html, the CSV, the chart) on its second output, Files, so that the JSON
 * opens first in the editor. A template node that attaches or stores a binary must take it from Files.
 */
const templates = readdirSync(WORKFLOWS_DIR).filter((file) => file.endsWith('.json'));
const USES_BINARY = /attachmentsBinary|binaryPropertyName|"binaryData"\s*:\s*true|dataPropertyName/;

describe('template wiring', () => {
	it.each(templates)("%s: whatever attaches the report's files is connected to Files", (file) => {
		const workflow = readTemplate(file);
		const byName = new Map(workflow.nodes.map((node) => [node.name, node]));
		const problems: string[] = [];
		for (const report of workflow.nodes.filter((node) =>
			node.type.endsWith('.collectionsReport'),
		)) {
			const outputs = ((workflow.connections[report.name] as { main?: unknown[][] } | undefined)
				?.main ?? []) as Array<Array<{ node: string }> | null>;
			for (const target of outputs[0] ?? []) {
				const parameters = JSON.stringify(byName.get(target.node)?.parameters ?? {});
				if (USES_BINARY.test(parameters))
					problems.push(
						`"${target.node}" reads a binary file but is connected to "${report.name}"'s Report output: connect it to Files`,
					);
			}
		}
		expect(problems).toEqual([]);
	});
});
