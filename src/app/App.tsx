/** The page: drop zone, progress, messages, then the list or one report. */
import { useAppState } from './store.ts';
import { DropZone } from './DropZone.tsx';
import { FilePickers } from './FilePickers.tsx';
import { ImportProgress } from './ImportProgress.tsx';
import { Notices } from './Notices.tsx';
import { ReportList } from './ReportList.tsx';
import { ReportView } from './ReportView.tsx';
import { StorageStatus } from './StorageStatus.tsx';

/** Root component. */
export function App() {
  const s = useAppState();
  return (
    <DropZone>
      <header class="top">
        <h1>
          <a href="#">年报核查</a>
        </h1>
        <p class="tagline">政府信息公开工作年度报告 · 表格重建与差错核查 · 全部在本机完成，文件不会离开本机</p>
      </header>
      {s.dbMessage && (
        <div class="db-message" role="alert">
          {s.dbMessage}
        </div>
      )}
      <FilePickers busy={s.progress !== null} />
      {s.progress && <ImportProgress progress={s.progress} />}
      <Notices notices={s.notices} />
      <main>{s.openHash ? <ReportView hash={s.openHash} parserVersion={s.parserVersion} /> : <ReportList state={s} />}</main>
      <StorageStatus info={s.storage} count={s.summaries?.length ?? 0} />
    </DropZone>
  );
}
