export interface BenchResult {
  label: string;
  wallMs: number;
  budgetMs?: number;
  /** Further figures: files per second, peak memory, resources... */
  extra?: string;
}

export interface BenchSection {
  name: string;
  run(): Promise<BenchResult[]>;
}
