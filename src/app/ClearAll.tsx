/** Clear-all button with an inline confirmation step. */
import { useState } from 'preact/hooks';
import { clearAll } from './actions.ts';

/** The clear-all control. */
export function ClearAll({ total }: { total: number }) {
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" class="danger" onClick={() => setAsking(true)} data-testid="clear-all">
        清空全部…
      </button>
    );
  return (
    <span class="confirm" role="alertdialog" aria-label="确认清空">
      确定删除全部 {total} 份报告及其原始文件？此操作无法撤销。
      <button
        type="button"
        class="danger"
        onClick={() => {
          setAsking(false);
          void clearAll();
        }}
        data-testid="confirm-clear"
      >
        确认清空
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        取消
      </button>
    </span>
  );
}
