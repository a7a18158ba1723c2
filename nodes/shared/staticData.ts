/**
 * Workflow static data, namespaced per feature. n8n persists it only for production executions (trigger, webhook,
 * CLI), not for manual test runs from the editor; nodes that keep state say so in a notice.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

export const STATIC_DATA_NOTICE =
	"State (the send ledger, de-duplication, the previous report) is kept in the workflow's static data, which n8n saves only for production executions: scheduled, webhook or CLI runs, not manual test runs from the editor.";

/** The namespace object under the workflow's global static data, created on first use. */
export function staticNamespace(ctx: IExecuteFunctions, namespace: string): IDataObject {
	const global = ctx.getWorkflowStaticData('global');
	let bucket = global[namespace] as IDataObject | undefined;
	if (!bucket || typeof bucket !== 'object') {
		bucket = {};
		global[namespace] = bucket;
	}
	return bucket;
}
