export * from './schema';
export {
	checkPaymentState,
	paymentStateChecker,
	reasonOf,
	agingBucketOf,
	routeOf,
	isCsuiteContact,
	highValueMinor,
	DEFAULT_DUE_SOON_DAYS,
	DEFAULT_STALE_REPLY_DAYS,
	DEFAULT_PROMISE_GRACE_DAYS,
} from './check';
export {
	OUTPUT_DETAILS,
	outputDetailOf,
	paymentStateOnItem,
	type OutputDetail,
	type PaymentStateOnItem,
} from './output';
