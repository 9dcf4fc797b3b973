/** Table 三 in the official layout: the three-row applicant header and the spanning label columns. */
import { SEC3_COLUMNS } from '../spec/templates.ts';
import { cellView, layoutSec3, sec3Layout } from './table-model.ts';
import { TableCell } from './TableCell.tsx';
import type { TableProps } from './ReportTables.tsx';

/** Table 三. */
export function Sec3Table({ parsed, byCell, hot, onSelect }: TableProps) {
  const rows = layoutSec3(sec3Layout(parsed));
  return (
    <table class="official sec3" data-testid="table-sec3">
      <thead>
        <tr>
          <th rowSpan={3} colSpan={3} class="note">
            （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）
          </th>
          <th colSpan={7}>申请人情况</th>
        </tr>
        <tr>
          <th rowSpan={2}>自然人</th>
          <th colSpan={5}>法人或其他组织</th>
          <th rowSpan={2}>总计</th>
        </tr>
        <tr>
          {SEC3_COLUMNS.slice(1, 6).map((c) => (
            <th key={c.key}>{c.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.def.key}>
            {r.outerSpan && (
              <th rowSpan={r.outerSpan} class="outer">
                三、本年度办理结果
              </th>
            )}
            {r.groupSpan && (
              <th rowSpan={r.groupSpan} class="group">
                {r.def.group}
              </th>
            )}
            <th scope="row" colSpan={r.labelSpan}>
              {r.def.label}
            </th>
            {SEC3_COLUMNS.map((c) => {
              const key = `sec3.${r.def.key}.${c.key}`;
              return <TableCell key={key} view={cellView(key, parsed, byCell)} hot={hot.has(key)} onSelect={onSelect} />;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
