/** Entry of the simulator page (main thread): shell and view layer. The logic layer runs in worker.ts. */
import { Shell } from './shell';

const root = document.getElementById('sim-root');
if (!root) throw new Error('#sim-root is missing');
new Shell(root);
