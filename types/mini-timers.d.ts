// Timers the mini-program engine provides (the ES lib does not declare them; Node's typings do for tests).
declare function setTimeout(callback: () => void, ms?: number): number;
declare function clearTimeout(id?: number): void;
declare function setInterval(callback: () => void, ms?: number): number;
declare function clearInterval(id?: number): void;
