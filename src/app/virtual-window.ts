/** The slice of a fixed-height list that is on screen (plus a margin), so only that is rendered. */

/** First and one-past-last index to render. */
export interface RowWindow {
  start: number;
  end: number;
}

/** Rows visible in a viewport of `height` scrolled to `scrollTop`, with `overscan` rows either side. */
export function visibleRows(scrollTop: number, height: number, rowHeight: number, count: number, overscan = 8): RowWindow {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const shown = Math.ceil(Math.max(0, height) / rowHeight) + 1;
  const start = Math.max(0, Math.min(count - 1, first - overscan));
  const end = Math.min(count, first + shown + overscan);
  return { start, end: Math.max(start, end) };
}
