/**
 * The catalog CSV files (DESIGN.md "Catalog CSV"): parseCatalog checks both files and
 * returns every problem or the rows; planImport says what the rows change in the store;
 * artisansToCsv / productsToCsv write the same format back.
 */
export * from './types';
export { parseCatalog, type CatalogInput } from './parse';
export { planImport, type EntityChange, type ImportCounts, type ImportOptions, type ImportPlan } from './plan';
export { artisansToCsv, productsToCsv, catalogFromStore } from './export';
export { readCsv, writeCsv, type CsvRecord, type CsvReadResult, type CsvSyntaxIssue } from './csv';
export { GST_RATES_BPS, formatBpsAsPercent } from './values';
export { webShopFeedCsv, photoFileFor, WEBSHOP_FEED_COLUMNS } from './webshop-feed';
