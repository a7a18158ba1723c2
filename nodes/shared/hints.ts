/** Execution hints: things that are not errors, said in the output pane (n8n's addExecutionHints). */
import type { IExecuteFunctions } from 'n8n-workflow';

/** Adds each message as an output-pane hint; nothing when there is none. */
export function addHints(ctx: IExecuteFunctions, messages: readonly string[]): void {
	if (messages.length === 0) return;
	ctx.addExecutionHints(
		...messages.map((message) => ({ message, location: 'outputPane' as const })),
	);
}
