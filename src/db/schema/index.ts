/** Every table, one file per noun: what drizzle and drizzle-kit read. Relations are in ../relations.ts. */
export * from './organisations';
export * from './people';
export * from './committees';
export * from './meetings';
export * from './agenda';
export * from './documents';
export * from './questions';
export * from './minutes';
export * from './actions';
export * from './recommendations';
export * from './inquiries';
export * from './work-programme';
export * from './users';
export * from './sessions';
export * from './settings';
export * from './audit';
export * from './mail';
