/** What every `my.*` API hands to `fail`. */
export interface PlatformFailure {
  error?: number;
  errorMessage?: string;
}
