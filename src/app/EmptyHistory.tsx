/** What a newcomer sees: an empty history and one click to load the five sample reports. */
import { loadSamples } from './actions.ts';

/** The empty state. */
export function EmptyHistory({ busy }: { busy: boolean }) {
  return (
    <section class="empty" data-testid="empty">
      <h2>还没有导入任何报告</h2>
      <p>拖入报告文件或文件夹即可开始。想先看看效果？</p>
      <button type="button" class="primary" disabled={busy} onClick={() => void loadSamples()} data-testid="load-samples">
        载入五份示例报告
      </button>
    </section>
  );
}
