export * from './errors';
export * from './auth/permissions';
export * from './enterprise/industries';
