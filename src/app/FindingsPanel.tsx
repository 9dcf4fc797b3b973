/** The findings of one report, grouped by severity; choosing one highlights its cells and source lines. */
import type { Finding, Severity, TemplateId } from '../model.ts';
import { SEVERITY_LABELS } from './format.ts';
import { keyLabel } from './table-model.ts';
import type { Selection } from './ReportView.tsx';

const ORDER: Severity[] = ['error', 'warning', 'info'];

/** The findings list. */
export function FindingsPanel(props: {
  findings: Finding[];
  template: TemplateId | null;
  selected: Selection;
  onSelect: (s: Selection) => void;
}) {
  const { findings, template, selected, onSelect } = props;
  if (findings.length === 0) return <section class="findings"><h3>核查结果</h3><p>未发现问题。</p></section>;
  return (
    <section class="findings" aria-label="核查结果" data-testid="findings">
      <h3>核查结果</h3>
      {ORDER.map((sev) => {
        const items = findings.map((f, index) => ({ f, index })).filter((x) => x.f.severity === sev);
        if (items.length === 0) return null;
        return (
          <div key={sev} class={`finding-group sev-${sev}`}>
            <h4>
              {SEVERITY_LABELS[sev]}（{items.length}）
            </h4>
            <ul>
              {items.map(({ f, index }) => (
                <li key={index}>
                  <button
                    type="button"
                    class={selected?.kind === 'finding' && selected.index === index ? 'finding selected' : 'finding'}
                    aria-pressed={selected?.kind === 'finding' && selected.index === index}
                    onClick={() => onSelect({ kind: 'finding', index })}
                    data-testid="finding"
                    data-id={f.id}
                  >
                    <span class="finding-id">{f.id}</span>
                    <span class="finding-msg">{f.message}</span>
                    {f.quote && <q class="finding-quote">{f.quote}</q>}
                    {f.cells.length > 0 && (
                      <span class="finding-cells">
                        涉及：{f.cells.slice(0, 4).map((k) => keyLabel(k, template)).join('；')}
                        {f.cells.length > 4 ? ` 等 ${f.cells.length} 格` : ''}
                      </span>
                    )}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
