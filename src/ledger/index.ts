/** The collections ledger around the nodes: which invoices a reply concerns, and the events it adds. */
export * from './match';
