export * from './errors.js';
export type * from './character.js';
export type * from './lorebook.js';
export type * from './store.js';
export type * from './tokens.js';
export type * from './prompt.js';
export type * from './model.js';
export * from './ids.js';
export * from './defaults.js';
