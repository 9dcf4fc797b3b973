/** Dropped items and picked files → the files to import, folders walked, unsupported names set aside. */

/** A file to import, with the path it had inside a dropped folder. */
export interface PickedFile {
  /** Path shown to the user (folder/sub/file.txt) or the bare name. */
  name: string;
  file: File;
}

/** Result of sorting picked files. */
export interface Sorted {
  accepted: PickedFile[];
  /** Names set aside, with why (Chinese). */
  skipped: string[];
}

// .doc/.wps go to the reader too: many are really HTML, MHT or .docx, and for binary Word it says what to do.
const SUPPORTED = /\.(txt|text|md|markdown|html?|shtml|mht|mhtml|docx|docm|doc|wps|pdf|zip)$/i;
const OLD_WORD = /\.(et|xls|xlsx|ppt|pptx)$/i;

/** Keeps supported files; hidden files are dropped silently, others are listed with a reason. */
export function sortPicked(files: PickedFile[]): Sorted {
  const accepted: PickedFile[] = [];
  const skipped: string[] = [];
  for (const f of files) {
    const base = f.name.split('/').pop() ?? f.name;
    if (base.startsWith('.') || base === 'Thumbs.db' || base === 'desktop.ini') continue;
    if (SUPPORTED.test(base)) accepted.push(f);
    else if (OLD_WORD.test(base)) skipped.push(`${f.name}：表格或演示文稿不是年度报告的格式，请另存为 .docx 或 PDF 后再导入。`);
    else skipped.push(`${f.name}：不支持的文件类型（支持 .txt .md .html .docx .pdf .zip）。`);
  }
  return { accepted, skipped };
}

/** Files from an <input type=file> (with or without webkitdirectory). */
export function filesFromInput(list: FileList | null): PickedFile[] {
  return Array.from(list ?? [], (file) => ({ name: file.webkitRelativePath || file.name, file }));
}

/** The part of FileSystemEntry we use (also what tests fake). */
export interface EntryLike {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
  file?(ok: (f: File) => void, fail: (e: unknown) => void): void;
  createReader?(): { readEntries(ok: (entries: EntryLike[]) => void, fail: (e: unknown) => void): void };
}

/**
 * Takes what a drop event holds. Must be called synchronously inside the drop handler: the items
 * are emptied when the handler returns. Walking the folders happens afterwards.
 */
export function grabDrop(dt: DataTransfer): () => Promise<PickedFile[]> {
  const entries: EntryLike[] = [];
  const loose: File[] = [];
  for (const item of Array.from(dt.items ?? [])) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.() as EntryLike | null | undefined;
    if (entry) entries.push(entry);
    else {
      // Synthetic drops (and some browsers) give no entry: the plain file still works.
      const file = item.getAsFile();
      if (file) loose.push(file);
    }
  }
  if (entries.length === 0 && loose.length === 0) loose.push(...Array.from(dt.files ?? []));
  return async () => {
    const walked = (await Promise.all(entries.map((e) => walkEntry(e)))).flat();
    return [...walked, ...loose.map((file) => ({ name: file.name, file }))];
  };
}

/** Every file under an entry, depth first; unreadable entries are left out. */
export async function walkEntry(entry: EntryLike): Promise<PickedFile[]> {
  if (entry.isFile && entry.file) {
    const read = entry.file.bind(entry);
    const file = await new Promise<File | null>((ok) => read(ok, () => ok(null)));
    return file ? [{ name: entry.fullPath.replace(/^\//, '') || entry.name, file }] : [];
  }
  if (entry.isDirectory && entry.createReader) {
    const reader = entry.createReader();
    const children: EntryLike[] = [];
    // readEntries returns at most 100 entries per call (Chromium): call until it returns none.
    for (;;) {
      const batch = await new Promise<EntryLike[]>((ok) => reader.readEntries(ok, () => ok([])));
      if (batch.length === 0) break;
      children.push(...batch);
    }
    const nested = await Promise.all(children.map((c) => walkEntry(c)));
    return nested.flat();
  }
  return [];
}
