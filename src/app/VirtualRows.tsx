/** The list rows, fixed height, only the visible window rendered (thousands of rows stay fast). */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReportSummary } from '../storage/history.ts';
import { visibleRows } from './virtual-window.ts';
import { ReportRow } from './ReportRow.tsx';

/** Height of one row in px; must match `.row` in styles.css. */
export const ROW_HEIGHT = 40;

/** Scrollable, virtualised list of report rows. */
export function VirtualRows({ rows }: { rows: ReportSummary[] }) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setHeight(el.clientHeight);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const { start, end } = visibleRows(scrollTop, height, ROW_HEIGHT, rows.length);
  return (
    <div class="table-list" aria-label="报告">
      <div class="row head">
        <span>机关</span>
        <span>年份</span>
        <span>格式</span>
        <span>文件</span>
        <span>错误</span>
        <span>警告</span>
        <span>状态</span>
      </div>
      <div class="rows" ref={box} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} data-testid="rows">
        <div style={{ height: `${rows.length * ROW_HEIGHT}px`, position: 'relative' }}>
          {rows.slice(start, end).map((r, i) => (
            <ReportRow key={r.hash} row={r} top={(start + i) * ROW_HEIGHT} />
          ))}
        </div>
      </div>
    </div>
  );
}
