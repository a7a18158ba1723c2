/** Options several nodes offer, defined once; each node words the description for what it does with them. */
import type { INodeProperties } from 'n8n-workflow';

/** When to judge, plan or report at. Empty means now. */
export function asOfOption(description: string): INodeProperties {
	return { displayName: 'As-Of Date', name: 'asOf', type: 'dateTime', default: '', description };
}

/** Where the normalised invoice sits on each item (a dot path), for items that did not come straight from Payment State Check. */
export function invoiceFieldOption(description: string): INodeProperties {
	return {
		displayName: 'Invoice Field',
		name: 'invoiceField',
		type: 'string',
		default: 'invoice',
		description,
	};
}

/** An IANA time zone, used where the invoice's customer has none. */
export function timezoneOption(
	displayName: string,
	placeholder: string,
	description: string,
): INodeProperties {
	return { displayName, name: 'timezone', type: 'string', default: '', placeholder, description };
}
