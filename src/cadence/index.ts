export * from './policy';
export * from './calendar';
export * from './ledger';
export * from './plan';
export * from './consolidate';
export * from './history';
export * from './batch';
