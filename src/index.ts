/**
 * The public library API of n8n-nodes-invoice-followup (a stable contract: extend it, never rename).
 * `require('n8n-nodes-invoice-followup')` gives these pure functions; the nodes call exactly these.
 */
export * from './money';
export * from './dates';
export * from './address';
export * from './audit';
export * from './invoice';
export * from './state';
export * from './cadence';
export * from './messages';
export * from './triage';
export * from './escalation';
export * from './report';
export * from './fees';
export * from './statement';
export * from './ai';
export * from './contract';
export { valueAtPath, pathKeys } from './path';
export { parseHighValue, highValueRuleSettings, type HighValueRow } from './highValue';
export * from './ledger';
export * from './replyPresets';

// The stable contract of DESIGN.md, named so it is plain to see: these names are extended, never renamed.
export { normalizeInvoice } from './invoice';
export { checkPaymentState } from './state';
export { planCadenceStep } from './cadence';
export { renderMessage, lintMessage } from './messages';
export { triageReply } from './triage';
export { evaluateEscalation } from './escalation';
export { buildCollectionsReport } from './report';
