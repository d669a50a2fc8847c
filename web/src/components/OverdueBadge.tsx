// Marks an item whose clock has run out. "Overdue" is said in words and an icon as well as colour.

export function OverdueBadge() {
  return (
    <span class="badge badge-overdue">
      <span aria-hidden="true" class="badge-icon">
        ⚠
      </span>
      <span>Overdue</span>
    </span>
  );
}
