export * from './ontology.ts';
export * from './document.ts';
export * from './filters.ts';
export * from './graph.ts';
export * from './store-types.ts';
export * from './when.ts';
export * from './curated.ts';
export * from './responses.ts';
