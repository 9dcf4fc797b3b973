/** The three standard tables rebuilt in the official layout from the parsed cells. */
import type { FieldKey, Finding, ParsedReport } from '../model.ts';
import { Sec2Table } from './Sec2Table.tsx';
import { Sec3Table } from './Sec3Table.tsx';
import { Sec4Table } from './Sec4Table.tsx';

/** Props every table gets. */
export interface TableProps {
  parsed: ParsedReport;
  byCell: Map<FieldKey, Finding[]>;
  /** Cells to emphasise (the selected cell, or the cells of the selected finding). */
  hot: Set<FieldKey>;
  onSelect: (key: FieldKey) => void;
}

/** Tables 二, 三 and 四 (a table that was not found says so). */
export function ReportTables(props: TableProps) {
  const { tables } = props.parsed;
  return (
    <section class="tables" aria-label="表格">
      <h3>二、主动公开政府信息情况</h3>
      {tables.sec2 ? <Sec2Table {...props} /> : <p class="missing-table">未找到此表。</p>}
      <h3>三、收到和处理政府信息公开申请情况</h3>
      {tables.sec3 ? <Sec3Table {...props} /> : <p class="missing-table">未找到此表。</p>}
      <h3>四、政府信息公开行政复议、行政诉讼情况</h3>
      {tables.sec4 ? <Sec4Table {...props} /> : <p class="missing-table">未找到此表。</p>}
    </section>
  );
}
