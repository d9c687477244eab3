// The audit: consistency and credibility rules over forms, indicators and funding, plus the recomputed score.
export * from './rules';
export * from './types';
export * from './input';
export * from './run';
export { readDirection, type Direction, type DirectionSource } from './direction';
export { isMet, ruleScore } from './score';
export { overrideLookup, resolveDirection, type ResolvedDirection } from './override';
