export * from './render';
export * from './library';
export * from './lint';
export * from './personalise';
export * from './mime';
export * from './locales';
