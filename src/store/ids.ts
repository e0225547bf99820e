/** The store uses the shared time-sortable id generator from the spec module. */
export { createIdGenerator } from '../spec/ids.js';
