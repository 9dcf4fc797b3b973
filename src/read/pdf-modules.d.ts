// pdfjs-dist ships no types for its worker module; readPdf only hands it to pdf.js as `globalThis.pdfjsWorker`.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  /** The worker-side message handler pdf.js looks for on `globalThis.pdfjsWorker`. */
  export const WorkerMessageHandler: unknown;
}
