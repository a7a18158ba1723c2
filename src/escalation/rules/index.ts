/**
 * The escalation rule registry, in the order rules are checked (and reasons of equal priority are listed).
 * To add a rule: write one file beside these with `defineEscalationRule` (code, key, priority, threshold, labels,
 * next action, settings and their form fields, evaluate) and list it here. The schema, the evaluator, the packet
 * and Escalation Gate's form all follow.
 */
import { brokenPromises } from './brokenPromises';
import { complaint } from './complaint';
import { csuiteContact } from './csuiteContact';
import { daysPastDue } from './daysPastDue';
import { dispute } from './dispute';
import { failedPayment } from './failedPayment';
import { guardrail } from './guardrail';
import { highValue } from './highValue';
import { legalThreat } from './legalThreat';
import { paymentPlan } from './paymentPlan';
import { refundRequest } from './refundRequest';
import { strategicFinalNotice } from './strategicFinalNotice';
import { upstreamRequest } from './upstreamRequest';
import { wrongContact } from './wrongContact';

export { DEFAULT_ESCALATION_HIGH_VALUE } from './highValue';

export const ESCALATION_RULES = [
	legalThreat,
	highValue,
	dispute,
	complaint,
	refundRequest,
	failedPayment,
	brokenPromises,
	guardrail,
	csuiteContact,
	strategicFinalNotice,
	paymentPlan,
	wrongContact,
	daysPastDue,
	upstreamRequest,
] as const;
