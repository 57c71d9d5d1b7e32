export interface BenchResult {
  label: string;
  wallMs: number;
  budgetMs?: number;
  /** A size measured against a size budget (KB = 1,000 bytes), e.g. a page's compressed scripts. */
  sizeKb?: number;
  budgetKb?: number;
  /** Peak resident memory (MB = 1,024 KB, as GNU time's %M / 1024) against a memory budget. */
  peakMb?: number;
  budgetMb?: number;
  /** Further figures: files per second, CPU time, resources... */
  extra?: string;
}

export interface BenchSection {
  name: string;
  run(): Promise<BenchResult[]>;
}
