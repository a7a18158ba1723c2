/**
 * Who owns an escalation: the invoice's own owner, else the first matching route (tier, region, amount range),
 * else the fallback owner.
 */
import { toMinor } from '../money';
import type { Invoice } from '../invoice/schema';
import type { EscalationOwner, EscalationResult, EscalationRoute } from './schema';

function hasOwner(owner: EscalationOwner | undefined): owner is EscalationOwner {
	return !!owner && !!(owner.email || owner.name || owner.slackId);
}

/** Whether a route applies to an invoice. Amount bounds compare in the invoice currency's minor units. */
export function escalationRouteMatches(
	route: EscalationRoute,
	invoice: Invoice | undefined,
): boolean {
	const tier = route.tier && route.tier !== 'any' ? route.tier : undefined;
	if (tier && invoice?.customer.tier !== tier) return false;
	const region = route.region?.trim().toLowerCase();
	if (region && invoice?.customer.region?.trim().toLowerCase() !== region) return false;
	const bounded = route.minAmount !== undefined || route.maxAmount !== undefined;
	if (!bounded && !route.currency) return true;
	if (!invoice) return false;
	const currency = route.currency?.trim().toUpperCase();
	if (currency && currency !== invoice.currency) return false;
	if (route.minAmount !== undefined) {
		const min = toMinor(route.minAmount, invoice.currency);
		if (min === null || invoice.amountDueMinor < min) return false;
	}
	if (route.maxAmount !== undefined) {
		const max = toMinor(route.maxAmount, invoice.currency);
		if (max === null || invoice.amountDueMinor >= max) return false;
	}
	return true;
}

export function assignEscalationOwner(
	invoice: Invoice | undefined,
	routing: readonly EscalationRoute[],
	fallback: EscalationOwner | undefined,
): { owner?: EscalationOwner; ownerSource: EscalationResult['ownerSource'] } {
	if (hasOwner(invoice?.owner)) return { owner: invoice!.owner, ownerSource: 'invoice' };
	for (const route of routing) {
		if (hasOwner(route.owner) && escalationRouteMatches(route, invoice))
			return { owner: route.owner, ownerSource: 'routing' };
	}
	if (hasOwner(fallback)) return { owner: fallback, ownerSource: 'fallback' };
	return { ownerSource: 'none' };
}
