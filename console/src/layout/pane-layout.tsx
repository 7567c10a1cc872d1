import type { CSSProperties, ReactNode } from 'react';

export interface Pane {
  /** Stable name; also the `data-pane` attribute tests and styles use. */
  key: string;
  /** Fixed width in px; without it the pane takes the space left (shared with other flexible panes). */
  width?: number;
  /** Flexible panes narrower than this scroll sideways rather than squash. */
  minWidth?: number;
  content: ReactNode;
}

/**
 * Side-by-side panes, each scrolling on its own: list | conversation | candidate. A page lists the panes
 * it shows; a feature adds its pane by adding an entry (see console/README.md).
 */
export function PaneLayout({ panes }: { panes: Pane[] }) {
  return (
    <div className="pane-layout">
      {panes.map((pane) => {
        const style: CSSProperties = pane.width
          ? { flex: `0 0 ${pane.width}px`, width: pane.width }
          : { flex: '1 1 0', minWidth: pane.minWidth ?? 360 };
        return (
          <section key={pane.key} className="pane" data-pane={pane.key} style={style}>
            {pane.content}
          </section>
        );
      })}
    </div>
  );
}
