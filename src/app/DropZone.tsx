/** Accepts files and folders dropped anywhere on the page. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { importFiles } from './actions.ts';
import { grabDrop } from './collect-files.ts';

/** Page-wide drop target. */
export function DropZone({ children }: { children: ComponentChildren }) {
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (!e.dataTransfer) return;
    const collect = grabDrop(e.dataTransfer); // synchronously, while the items are readable
    void collect().then(importFiles);
  };
  return (
    <div
      class={over ? 'page drag-over' : 'page'}
      data-testid="page"
      onDragOver={(e) => {
        e.preventDefault();
        if (!over) setOver(true);
      }}
      onDragLeave={(e) => {
        if (e.target === e.currentTarget) setOver(false);
      }}
      onDrop={onDrop}
    >
      {children}
    </div>
  );
}
