export * from './common';
export * from './auth';
export * from './users';
export * from './audit';
export * from './cases';
export * from './timeline';
export * from './documents';
