/** Base URL of the recruitment backend, set by the build from API_BASE_URL (default: the local mock). */
declare const __API_BASE_URL__: string;

// Timers the mini-program engine provides (the ES lib does not declare them).
declare function setTimeout(callback: () => void, ms?: number): number;
declare function clearTimeout(id?: number): void;
