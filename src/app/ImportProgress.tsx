/** Progress of the running batch: done / total, current file, elapsed time, cancel. */
import { useEffect, useState } from 'preact/hooks';
import { cancelImport } from './actions.ts';
import { formatElapsed } from './format.ts';
import type { Progress } from './store.ts';

/** The progress bar. */
export function ImportProgress({ progress }: { progress: Progress }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, []);
  const { done, total, current, label, startedAt } = progress;
  return (
    <section class="progress" aria-label={`${label}进度`} data-testid="progress">
      <div class="progress-line">
        <strong>
          {label}中：{done} / {total}
        </strong>
        <span>已用时 {formatElapsed(now - startedAt)}</span>
        <button type="button" onClick={cancelImport}>
          取消
        </button>
      </div>
      <progress max={total} value={done} />
      <div class="progress-current">{current.length ? `正在处理：${current.join('、')}` : '准备中…'}</div>
    </section>
  );
}
