/**
 * The `<camera>` elements of a page's template, for the harness (which renders no template): their `id` and
 * the page method bound to `onStop`, so the harness can fire the event the platform sends when the page hides.
 * Read with the project's one AXML reader (scripts/lib/axml.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import { isElement, parseAxml, type AxmlNode } from '../../scripts/lib/axml';

export interface CameraBinding {
  id: string;
  /** The handler of `onStop` (or `catchStop`); '' when none is bound. */
  onStop: string;
}

const cache = new Map<string, CameraBinding[]>();

export function cameraBindingsOf(root: string, route: string): CameraBinding[] {
  const file = path.join(root, `${route}.axml`);
  const known = cache.get(file);
  if (known) return known;
  const cameras: CameraBinding[] = [];
  if (fs.existsSync(file)) {
    const walk = (nodes: AxmlNode[] | undefined) => {
      for (const node of nodes ?? []) {
        if (!isElement(node)) continue;
        if (node.name === 'camera') {
          const attribute = (key: string) => node.startTag.attributes.find((item) => item.key === key)?.value ?? '';
          cameras.push({ id: attribute('id'), onStop: attribute('onStop') || attribute('catchStop') });
        }
        walk(node.children);
      }
    };
    walk(parseAxml(fs.readFileSync(file, 'utf8')).body);
  }
  cache.set(file, cameras);
  return cameras;
}
