/** One value cell of a rebuilt table; a faulty cell is highlighted and shows its findings on hover and focus. */
import type { CellView } from './table-model.ts';
import { SEVERITY_LABELS } from './format.ts';

/** The cell. */
export function TableCell(props: { view: CellView; hot: boolean; colSpan?: number; onSelect: (key: string) => void }) {
  const { view, hot, colSpan, onSelect } = props;
  const faulty = view.findings.length > 0;
  const tipId = `tip-${view.key}`;
  const cls = ['cell', `cell-${view.state}`, view.severity ? `sev-${view.severity}` : '', hot ? 'hot' : ''].filter(Boolean).join(' ');
  const shown = view.state === 'absent' ? '缺' : view.text === '' ? '空' : view.text;
  return (
    <td
      class={cls}
      colSpan={colSpan}
      tabIndex={faulty ? 0 : -1}
      data-key={view.key}
      data-testid="cell"
      aria-describedby={faulty ? tipId : undefined}
      aria-label={view.state === 'absent' ? '缺少此格' : undefined}
      onClick={() => onSelect(view.key)}
      onFocus={() => onSelect(view.key)}
    >
      {shown}
      {faulty && (
        <span class="tip" role="tooltip" id={tipId}>
          {view.findings.map((f, i) => (
            <span key={i} class="tip-line">
              <b>
                {SEVERITY_LABELS[f.severity]} {f.id}
              </b>{' '}
              {f.message}
            </span>
          ))}
        </span>
      )}
    </td>
  );
}
