import { STATUS_LABEL, type Status } from '../../lib/tjekliste/state';

/** The status as a text badge (the colour only repeats what the text says). */
export function StatusBadge({ status }: { status: Status }) {
  return (
    <strong class={`tj-badge tj-badge--${status}`}>
      <span class="tj-sr">Status: </span>
      {STATUS_LABEL[status]}
    </strong>
  );
}
