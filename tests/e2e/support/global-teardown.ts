import { writeIndex } from './artifacts';

export default function globalTeardown(): void {
  const file = writeIndex();
  process.stdout.write(`\nscreenshots: ${file}\n`);
}
