/** @jsxImportSource preact */
/** Small shared pieces of the checker's UI. */
import type { ComponentChildren } from 'preact';
import { ALVOR_NAVN, type Alvor } from '../../lib/sod/alvor';

const ICON: Record<Alvor, string> = { kritisk: '◆', høj: '▲', middel: '■', lav: '●' };

export function Badge({ alvor }: { alvor: Alvor }) {
  return (
    <span class={`sod-alvor sod-alvor--${alvor === 'høj' ? 'hoej' : alvor}`}>
      <span aria-hidden="true">{ICON[alvor]}</span> {ALVOR_NAVN[alvor]}
    </span>
  );
}

/** A table that may scroll sideways on a phone: a focusable, named region (keyboard users can scroll it). */
export function Scroll({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-wrap sod-scroll" role="region" tabIndex={0} aria-label={label}>
      {children}
    </div>
  );
}

