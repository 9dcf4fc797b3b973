/** Table 二 in the official layout: one block per article item, a header row, then its rows. */
import { sec2Rows, type Sec2RowDef } from '../spec/templates.ts';
import { cellView, sec2Template } from './table-model.ts';
import { TableCell } from './TableCell.tsx';
import type { TableProps } from './ReportTables.tsx';

/** Table 二. */
export function Sec2Table({ parsed, byCell, hot, onSelect }: TableProps) {
  const rows = sec2Rows(sec2Template(parsed));
  const width = Math.max(...rows.map((r) => r.columns.length));
  const blocks: Sec2RowDef[][] = [];
  for (const r of rows) {
    const last = blocks[blocks.length - 1];
    if (last && last[0].block === r.block) last.push(r);
    else blocks.push([r]);
  }
  return (
    <table class="official sec2" data-testid="table-sec2">
      <tbody>
        {blocks.map((block) => [
          <tr key={`${block[0].block}-title`} class="block-title">
            <th colSpan={width + 1}>{block[0].block}</th>
          </tr>,
          <tr key={`${block[0].block}-head`}>
            <th>信息内容</th>
            {block[0].columns.map((c, i) => (
              <th key={c.key} colSpan={i === block[0].columns.length - 1 ? width - i : 1}>
                {c.label}
              </th>
            ))}
          </tr>,
          ...block.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {r.columns.map((c, i) => (
                <TableCell
                  key={c.key}
                  view={cellView(`sec2.${r.key}.${c.key}`, parsed, byCell)}
                  hot={hot.has(`sec2.${r.key}.${c.key}`)}
                  colSpan={i === r.columns.length - 1 ? width - i : undefined}
                  onSelect={onSelect}
                />
              ))}
            </tr>
          )),
        ])}
      </tbody>
    </table>
  );
}
