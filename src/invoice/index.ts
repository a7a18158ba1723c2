export * from './schema';
export { parseInvoice, invoiceProblem } from '../contract/invoice';
export { buildInvoice, type NormalizeDefaults, type DateOrder } from './build';
export {
	normalizeInvoice,
	normalizeRecord,
	invoiceNormalizer,
	splitInvoiceRecords,
	type NormalizeOptions,
	type SourceRecord,
} from './normalize';
export {
	GENERIC_ALIASES,
	GENERIC_FIELDS,
	compileGenericReader,
	type GenericField,
	type GenericReader,
} from './adapters/generic';
