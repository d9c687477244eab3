// The one definition of Jixiao's data: tables, columns, metric dictionary, DDL and validation.
export * from './types';
export * from './msg';
export * from './grades';
export * from './tables';
export * from './audit-tables';
export * from './summary-tables';
export * from './rows';
export * from './metrics';
export * from './validate';
export * from './aliases';
export * from './regions';
