/** One report: header and actions, findings, the three tables, and the source text beside them. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { StoredReport } from '../storage/history.ts';
import { getHistory } from './actions.ts';
import { findingsByCell } from './table-model.ts';
import { marksForCell, marksForFinding, NO_MARKS } from './source-marks.ts';
import { ReportHeader } from './ReportHeader.tsx';
import { FindingsPanel } from './FindingsPanel.tsx';
import { ReportTables } from './ReportTables.tsx';
import { SourcePane } from './SourcePane.tsx';

/** What the user pointed at: a table cell or a finding. */
export type Selection = { kind: 'cell'; key: string } | { kind: 'finding'; index: number } | null;

/** The report view. */
export function ReportView({ hash, parserVersion }: { hash: string; parserVersion: number | null }) {
  const [stored, setStored] = useState<StoredReport | null | undefined>(undefined);
  const [selection, setSelection] = useState<Selection>(null);
  useEffect(() => {
    let live = true;
    setStored(undefined);
    setSelection(null);
    const h = getHistory();
    if (!h) {
      setStored(null);
      return;
    }
    h.getReport(hash).then(
      (r) => live && setStored(r ?? null),
      () => live && setStored(null),
    );
    return () => {
      live = false;
    };
  }, [hash, parserVersion]);
  const analysis = stored?.analysis;
  const findings = analysis?.result.findings ?? [];
  const byCell = useMemo(() => findingsByCell(findings), [findings]);
  const marks = useMemo(() => {
    if (!analysis?.doc || !selection) return NO_MARKS;
    if (selection.kind === 'cell') return analysis.parsed ? marksForCell(selection.key, analysis.parsed) : NO_MARKS;
    const f = findings[selection.index];
    return f ? marksForFinding(f, analysis.parsed, analysis.doc) : NO_MARKS;
  }, [analysis, selection, findings]);
  const hot = useMemo(() => {
    if (selection?.kind === 'cell') return new Set([selection.key]);
    if (selection?.kind === 'finding') return new Set(findings[selection.index]?.cells ?? []);
    return new Set<string>();
  }, [selection, findings]);

  if (stored === undefined) return <p class="loading">正在打开报告…</p>;
  if (stored === null || !analysis)
    return (
      <p class="notice notice-error">
        找不到这份报告（可能已被删除）。<a href="#">返回列表</a>
      </p>
    );
  return (
    <article class="report" data-testid="report-view">
      <ReportHeader stored={stored} parserVersion={parserVersion} />
      <div class="report-body">
        <div class="report-main">
          {analysis.result.status !== 'ok' && (
            <p class="notice notice-error" role="alert">
              {analysis.result.error ?? '无法核查这份文件。'}
            </p>
          )}
          <FindingsPanel findings={findings} template={analysis.result.meta?.template ?? null} selected={selection} onSelect={setSelection} />
          {analysis.parsed && <ReportTables parsed={analysis.parsed} byCell={byCell} hot={hot} onSelect={(key) => setSelection({ kind: 'cell', key })} />}
        </div>
        {analysis.doc && <SourcePane doc={analysis.doc} marks={marks} />}
      </div>
    </article>
  );
}
