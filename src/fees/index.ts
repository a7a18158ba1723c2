export * from './lateFee';
