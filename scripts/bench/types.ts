export interface BenchResult {
  label: string;
  wallMs: number;
  budgetMs?: number;
  /** A size measured against a size budget (KB = 1,000 bytes), e.g. a page's compressed scripts. */
  sizeKb?: number;
  budgetKb?: number;
  /** Further figures: files per second, peak memory, resources... */
  extra?: string;
}

export interface BenchSection {
  name: string;
  run(): Promise<BenchResult[]>;
}
