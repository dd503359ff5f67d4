/**
 * A file field that files can also be dropped on (the checks' file choice): the browser's own
 * file button as `children`, and a framed zone around it that takes dropped files.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import './dropzone.css';

export function Dropzone({ disabled, onFiles, tekst, children }: { disabled: boolean; onFiles: (files: FileList | null) => void; tekst: string; children: ComponentChildren }) {
  const [over, setOver] = useState(false);
  return (
    <div
      class={`vv-dropzone${over ? ' vv-dropzone--over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
        setOver(!disabled);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (!disabled) onFiles(e.dataTransfer?.files ?? null);
      }}
    >
      {children}
      <span class="vv-dropzone__tekst" aria-hidden="true">
        {tekst}
      </span>
    </div>
  );
}
