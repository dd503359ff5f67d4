import { useEffect, useRef } from 'preact/hooks';

/** A confirmation after a change, with "Fortryd" where the change can be undone. */
export interface NoticeData {
  /** Which part of the page the action was taken in (the notice is shown there). */
  where: 'runs' | 'orphans' | 'data';
  text: string;
  undo?: () => void;
  /** Changes on every notice, so a repeated text is still announced and focused. */
  key: number;
}

export function Notice({ notice }: { notice: NoticeData }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [notice.key]);
  return (
    <div class="tj-besked" role="status" tabIndex={-1} ref={ref}>
      <p>{notice.text}</p>
      {notice.undo && (
        <button type="button" class="tj-knap tj-knap--sekundaer tj-knap--lille" onClick={notice.undo}>
          Fortryd
        </button>
      )}
    </div>
  );
}
