import { MARKET_YEAR, type YearSize } from '../tests/fixtures/year-store';

/** BENCH_SCALE=small: a quick run (bench/README.md, "Sizes"). */
export const small = process.env.BENCH_SCALE === 'small';

/** A size from its BENCH_* variable, else the full or the small default. */
export const benchEnv = (name: string, full: number, smallValue: number): number => Number(process.env[name] ?? (small ? smallValue : full));

/** The year of a market the bench seeds: BENCH_PRODUCTS, BENCH_ARTISANS, BENCH_SALES, BENCH_DAYS. */
export const benchYear: YearSize = {
  products: benchEnv('BENCH_PRODUCTS', MARKET_YEAR.products, 5_000),
  artisans: benchEnv('BENCH_ARTISANS', MARKET_YEAR.artisans, 50),
  sales: benchEnv('BENCH_SALES', MARKET_YEAR.sales, 4_000),
  closedDays: benchEnv('BENCH_DAYS', MARKET_YEAR.closedDays, 20),
};
