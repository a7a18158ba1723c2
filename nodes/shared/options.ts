/** Options several nodes offer, defined once; each node words the description for what it does with them. */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

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

/** Holiday Country and Holiday Region: whose public holidays count (src/cadence/holidays.ts resolves the names). */
export function holidayPlaceOptions(countryDescription: string): INodeProperties[] {
	return [
		{
			displayName: 'Holiday Country',
			name: 'holidayCountry',
			type: 'string',
			default: '',
			placeholder: 'DE',
			description: countryDescription,
		},
		{
			displayName: 'Holiday Region',
			name: 'holidayRegion',
			type: 'string',
			default: '',
			placeholder: 'BY',
			description: 'Region of the Holiday Country (ISO 3166-2 code or name), for regional holidays',
		},
	];
}

/** The `publicHolidays` country and region from those options, or undefined when no country is set. */
export function holidayPlaceOf(
	options: IDataObject,
): { country: string; region?: string } | undefined {
	const country = typeof options.holidayCountry === 'string' ? options.holidayCountry.trim() : '';
	if (country === '') return undefined;
	const region = typeof options.holidayRegion === 'string' ? options.holidayRegion.trim() : '';
	return region === '' ? { country } : { country, region };
}
