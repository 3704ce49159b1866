/** Every table and relation, gathered from the features for drizzle and drizzle-kit. */
export * from '../features/organisations/schema';
export * from '../features/people/schema';
export * from '../features/committees/schema';
export * from '../features/meetings/schema';
export * from '../features/agenda/schema';
export * from '../features/documents/schema';
export * from '../features/questions/schema';
export * from '../features/minutes/schema';
export * from '../features/actions/schema';
export * from '../features/recommendations/schema';
export * from '../features/inquiries/schema';
export * from '../features/work-programme/schema';
export * from '../features/users/schema';
export * from '../features/auth/schema';
export * from '../features/settings/schema';
export * from '../features/audit/schema';
