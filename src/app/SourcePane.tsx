/** The source text beside the tables, with the selected cell's or finding's lines and spans highlighted. */
import { useEffect, useRef } from 'preact/hooks';
import type { SourceDoc, SourceLine } from '../model.ts';
import { splitQuote, type SourceMarks } from './source-marks.ts';

/** The source pane. Text is always rendered as text, never as HTML. */
export function SourcePane({ doc, marks }: { doc: SourceDoc; marks: SourceMarks }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (marks.focus === null) return;
    const el = box.current?.querySelector<HTMLElement>(`[data-line="${marks.focus}"]`);
    el?.scrollIntoView({ block: 'center' });
  }, [marks]);
  const focusLine = marks.focus !== null ? doc.lines[marks.focus] : undefined;
  return (
    <aside class="source" aria-label="原文" data-testid="source">
      <h3>原文{doc.fileType === 'pdf' && doc.pageCount ? `（PDF，共 ${doc.pageCount} 页）` : ''}</h3>
      {focusLine && <p class="where" data-testid="source-where">{describe(marks, focusLine, marks.focus!)}</p>}
      {doc.notes?.map((n, i) => (
        <p key={i} class="doc-note">
          {n}
        </p>
      ))}
      <div class="source-text" ref={box}>
        {doc.lines.map((line, i) => (
          <Line key={i} line={line} index={i} marks={marks} />
        ))}
      </div>
    </aside>
  );
}

function describe(marks: SourceMarks, line: SourceLine, index: number): string {
  if (line.page === undefined) return `所选位置：第 ${index + 1} 行`;
  const cellIndex = [...marks.cells].map((c) => c.split(':').map(Number)).find(([l]) => l === index)?.[1];
  const box = cellIndex !== undefined ? line.cells[cellIndex]?.box : line.cells[0]?.box;
  const pos = box ? `，横坐标 ${Math.round(box.x)}、纵坐标 ${Math.round(box.y)}` : '';
  return `所选位置：第 ${line.page} 页${pos}`;
}

function Line({ line, index, marks }: { line: SourceLine; index: number; marks: SourceMarks }) {
  const on = marks.lines.has(index);
  return (
    <div class={on ? 'src-line marked' : 'src-line'} data-line={index} data-testid={on ? 'source-marked' : undefined}>
      <span class="gutter">{line.page !== undefined ? `${line.page}页` : index + 1}</span>
      <span class="src-cells">
        {line.cells.map((c, j) => {
          const cellOn = marks.cells.has(`${index}:${j}`);
          const parts = on ? splitQuote(c.text, marks.quote) : null;
          return (
            <span key={j} class={cellOn ? 'src-cell marked-cell' : 'src-cell'}>
              {parts ? [parts[0], <mark key="q">{parts[1]}</mark>, parts[2]] : c.text}
            </span>
          );
        })}
      </span>
    </div>
  );
}
