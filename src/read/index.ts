/** Bytes → SourceDoc, by file type. The one entry point of the read stage. */
import type { FileType, SourceDoc } from '../model.ts';
import { decodeText } from './decode.ts';
import { readText } from './text.ts';

/** A file that could not be read, with the reason in Chinese (shown to the user as it is). */
export interface Unreadable {
  unreadable: true;
  reason: string;
}

/** Guesses the file type from the name's extension. */
export function fileTypeOf(name: string): FileType | 'zip' | null {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  switch (ext) {
    case 'txt':
    case 'text':
      return 'txt';
    case 'md':
    case 'markdown':
      return 'md';
    case 'html':
    case 'htm':
    case 'shtml':
      return 'html';
    case 'docx':
      return 'docx';
    case 'pdf':
      return 'pdf';
    case 'zip':
      return 'zip';
    default:
      return null;
  }
}

/** Reads one (non-zip) file into a SourceDoc, or says why it cannot. Never throws. */
export async function readDocument(name: string, bytes: Uint8Array): Promise<SourceDoc | Unreadable> {
  if (bytes.length === 0) return { unreadable: true, reason: `文件「${name}」是空文件（0 字节）。` };
  const type = fileTypeOf(name);
  switch (type) {
    case 'txt':
    case 'md':
      return readText(decodeText(bytes).text, type);
    default:
      return { unreadable: true, reason: `暂不支持读取文件「${name}」的类型。` };
  }
}
