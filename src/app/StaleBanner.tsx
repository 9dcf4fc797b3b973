/** Offers to re-parse reports made by an older parser, from their stored original bytes. */
import type { ReportSummary } from '../storage/history.ts';
import { reparse } from './actions.ts';

/** The banner (nothing when every report is current). */
export function StaleBanner({ stale, busy }: { stale: ReportSummary[]; busy: boolean }) {
  if (stale.length === 0) return null;
  return (
    <div class="stale" role="status">
      有 {stale.length} 份报告是用旧版解析器处理的，解析器已更新。
      <button type="button" disabled={busy} onClick={() => void reparse(stale.map((r) => r.hash))}>
        全部重新解析
      </button>
    </div>
  );
}
