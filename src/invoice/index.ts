export * from './schema';
export { parseInvoice, invoiceProblem } from '../contract/invoice';
export { buildInvoice, lifecycleOfStatus, type NormalizeDefaults, type DateOrder } from './build';
export { compileFastGenericReader, type FastInvoiceOptions, type FastInvoiceReader } from './fast';
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
export { INVOICE_SOURCE_REGISTRY } from './adapters';
export {
	defineInvoiceSource,
	type InvoiceSourceDefinition,
	type SourceReadOptions,
} from './adapters/source';
