/** The import box: what to drop, and the file and folder pickers. */
import { importFiles } from './actions.ts';
import { filesFromInput } from './collect-files.ts';

const ACCEPT = '.txt,.md,.markdown,.html,.htm,.docx,.pdf,.zip';

function onPick(e: Event): void {
  const input = e.currentTarget as HTMLInputElement;
  const picked = filesFromInput(input.files);
  input.value = ''; // picking the same files again must fire change again
  void importFiles(picked);
}

/** File picker (multiple) and folder picker. */
export function FilePickers({ busy }: { busy: boolean }) {
  return (
    <section class="dropzone" aria-label="导入报告" data-testid="dropzone">
      <p>把报告文件或整个文件夹拖到本页任意位置，或：</p>
      <label class={busy ? 'button disabled' : 'button'}>
        选择文件…
        <input type="file" multiple accept={ACCEPT} onChange={onPick} disabled={busy} data-testid="file-input" />
      </label>
      <label class={busy ? 'button disabled' : 'button'}>
        选择文件夹…
        <input type="file" multiple {...{ webkitdirectory: true }} onChange={onPick} disabled={busy} data-testid="folder-input" />
      </label>
      <p class="hint">支持 .txt .md .html .docx .pdf 及 .zip 压缩包；同一文件只保存一次。</p>
    </section>
  );
}
