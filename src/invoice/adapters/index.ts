/**
 * The invoice source registry, in the order Payment State Check lists them. To add a source: write one file
 * beside these that exports `defineInvoiceSource({ key, name, unwrap?, read })` and list it here. The source enum
 * (`INVOICE_SOURCES`), normalizeInvoice, splitInvoiceRecords and the node's Source picker all follow.
 */
import { freshbooksSource } from './freshbooks';
import { genericSource } from './generic';
import { quickbooksSource } from './quickbooks';
import { stripeSource } from './stripe';
import { xeroSource } from './xero';

export const INVOICE_SOURCE_REGISTRY = [
	stripeSource,
	quickbooksSource,
	xeroSource,
	freshbooksSource,
	genericSource,
] as const;
