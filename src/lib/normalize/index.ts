// Normalising printed values: one parser for the browser import, build-data and the command line.
export * from './value';
