import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface Props {
  id: string;
  /** The question, in bold. */
  spoergsmaal: string;
  /** What happens, after the question. */
  tekst?: string;
  children?: ComponentChildren;
  bekraeft: string;
  fare?: boolean;
  onBekraeft: () => void;
  onAnnuller: () => void;
}

/** The confirm step before a change: the question, what it does, and "Annuller". Takes focus. */
export function Bekraeft({ id, spoergsmaal, tekst, children, bekraeft, fare, onBekraeft, onAnnuller }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div class="tj-bekraeft" role="group" aria-labelledby={id} tabIndex={-1} ref={ref}>
      <p id={id}>
        <strong>{spoergsmaal}</strong>
        {tekst && ` ${tekst}`}
      </p>
      {children}
      <div class="tj-knapper">
        <button type="button" class={fare ? 'tj-knap tj-knap--fare' : 'tj-knap'} onClick={onBekraeft}>
          {bekraeft}
        </button>
        <button type="button" class="tj-knap tj-knap--sekundaer" onClick={onAnnuller}>
          Annuller
        </button>
      </div>
    </div>
  );
}

/** Moves focus to an element once the page has re-rendered (e.g. back to the button that opened a step). */
export function focusLater(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}
