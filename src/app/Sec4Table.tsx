/** Table 四 in the official layout: 行政复议 and the two 行政诉讼 groups, five columns each, one data row. */
import { SEC4_COLUMNS, SEC4_GROUPS } from '../spec/templates.ts';
import { cellView } from './table-model.ts';
import { TableCell } from './TableCell.tsx';
import type { TableProps } from './ReportTables.tsx';

/** Table 四. */
export function Sec4Table({ parsed, byCell, hot, onSelect }: TableProps) {
  return (
    <table class="official sec4" data-testid="table-sec4">
      <thead>
        <tr>
          <th colSpan={5}>行政复议</th>
          <th colSpan={10}>行政诉讼</th>
        </tr>
        <tr>
          {SEC4_COLUMNS.map((c) => (
            <th key={c.key} rowSpan={2}>
              {c.label}
            </th>
          ))}
          <th colSpan={5}>未经复议直接起诉</th>
          <th colSpan={5}>复议后起诉</th>
        </tr>
        <tr>
          {[0, 1].flatMap((g) =>
            SEC4_COLUMNS.map((c) => <th key={`${g}-${c.key}`}>{c.label}</th>),
          )}
        </tr>
      </thead>
      <tbody>
        <tr>
          {SEC4_GROUPS.flatMap((g) =>
            SEC4_COLUMNS.map((c) => {
              const key = `sec4.${g.key}.${c.key}`;
              return <TableCell key={key} view={cellView(key, parsed, byCell)} hot={hot.has(key)} onSelect={onSelect} />;
            }),
          )}
        </tr>
      </tbody>
    </table>
  );
}
