/**
 * The contract between the nodes: one zod slice per producer. Each node adds its own namespaced key to an item
 * (`invoice`, `paymentState`, `cadence`, `triage`, `escalation`) and every consumer reads that key with the
 * producer's schema from here, never with a copy of its own.
 */
export * from './invoice';
export * from './paymentState';
export * from './cadence';
export * from './triage';
export * from './escalation';
export * from './ledger';
