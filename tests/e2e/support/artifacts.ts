/** Screenshots of the journeys: artifacts/e2e/<journey>/NN-step.png, a manifest each, and one index.html. */
import fs from 'node:fs';
import path from 'node:path';

export const ARTIFACTS_DIR = path.resolve(__dirname, '../../../artifacts/e2e');

export interface Shot {
  step: string;
  route: string | null;
  file: string;
  ok: boolean;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}

/** Writes artifacts/e2e/index.html: every journey as a row of its screenshots, side by side. */
export function writeIndex(): string {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const journeys = fs
    .readdirSync(ARTIFACTS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(ARTIFACTS_DIR, entry.name, 'manifest.json')))
    .map((entry) => ({
      name: entry.name,
      shots: JSON.parse(fs.readFileSync(path.join(ARTIFACTS_DIR, entry.name, 'manifest.json'), 'utf8')) as Shot[],
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const sections = journeys
    .map(
      (journey) =>
        `<section><h2>${escapeHtml(journey.name)}</h2><div class="row">${journey.shots
          .map(
            (shot) =>
              `<figure class="${shot.ok ? '' : 'failed'}"><a href="${journey.name}/${shot.file}"><img src="${journey.name}/${shot.file}" loading="lazy"></a>` +
              `<figcaption><b>${escapeHtml(shot.step)}</b><br><code>${escapeHtml(shot.route ?? '')}</code></figcaption></figure>`,
          )
          .join('')}</div></section>`,
    )
    .join('\n');
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>E2E screenshots</title><style>
body{font:13px -apple-system,'PingFang SC','Noto Sans CJK SC',sans-serif;margin:16px;background:#f3f4f6}
h1{font-size:18px}h2{font-size:15px;margin:18px 0 8px}.row{display:flex;gap:12px;overflow-x:auto;padding-bottom:8px}
figure{margin:0;flex:none;width:250px;background:#fff;border-radius:8px;padding:6px;box-shadow:0 1px 4px rgba(0,0,0,.1)}
figure.failed{outline:3px solid #e00000}figure img{width:100%;display:block;border-radius:4px}figcaption{margin-top:6px;line-height:1.4}
code{color:#5c6370;font-size:11px}</style></head><body><h1>Browser journeys (${new Date().toISOString()})</h1>${sections || '<p>No screenshots.</p>'}</body></html>`;
  const file = path.join(ARTIFACTS_DIR, 'index.html');
  fs.writeFileSync(file, html);
  return file;
}
