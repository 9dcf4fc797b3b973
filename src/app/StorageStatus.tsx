/** Footer: how much space the history uses and whether the browser keeps it persistently. */
import { formatBytes } from './format.ts';
import type { StorageInfo } from '../storage/history.ts';

/** The storage line. */
export function StorageStatus({ info, count }: { info: StorageInfo | null; count: number }) {
  return (
    <footer class="storage" data-testid="storage-status">
      <span>历史记录：{count} 份报告</span>
      {info && (
        <span>
          已用空间 {formatBytes(info.usage)}
          {info.quota !== null ? ` / 可用 ${formatBytes(info.quota)}` : ''}
        </span>
      )}
      {info && <span>{info.persisted ? '持久存储：已开启（浏览器不会自动清除）' : '持久存储：未获准（空间紧张时浏览器可能清除记录）'}</span>}
      <span>所有数据只保存在本机浏览器中。</span>
    </footer>
  );
}
