/** Base URL of the recruitment backend, set by the build from API_BASE_URL (default: the local mock). */
declare const __API_BASE_URL__: string;
