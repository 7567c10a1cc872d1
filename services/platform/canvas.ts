/** A handwritten signature drawn on `<canvas id="…">` with the finger: strokes in, a PNG out. */
export interface SignaturePad {
  begin(x: number, y: number): void;
  extend(x: number, y: number): void;
  clear(width: number, height: number): void;
  /** The drawing as a PNG, base64 without the data-URL prefix. */
  toPngBase64(width: number, height: number): Promise<string>;
}

export function createSignaturePad(canvasId: string): SignaturePad {
  const context = my.createCanvasContext(canvasId);
  let last: { x: number; y: number } | null = null;
  return {
    begin(x, y) {
      last = { x, y };
    },
    extend(x, y) {
      if (!last) last = { x, y };
      context.setStrokeStyle('#1f1f1f');
      context.setLineWidth(3);
      context.setLineCap('round');
      context.beginPath();
      context.moveTo(last.x, last.y);
      context.lineTo(x, y);
      context.stroke();
      // `true` keeps what was drawn before: each move adds a segment.
      context.draw(true);
      last = { x, y };
    },
    clear(width, height) {
      context.clearRect(0, 0, width, height);
      context.draw();
      last = null;
    },
    async toPngBase64(width, height) {
      const result: unknown = await context.toDataURL({
        x: 0,
        y: 0,
        width,
        height,
        destWidth: width,
        destHeight: height,
        fileType: 'png',
        quality: 1,
      });
      const dataUrl = typeof result === 'string' ? result : String((result as { data?: unknown })?.data ?? '');
      return dataUrl.replace(/^data:image\/png;base64,/, '');
    },
  };
}
