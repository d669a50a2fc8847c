// Marks a client whose record is restricted by consent: only staff a consent in force names may open it.

export function RestrictedBadge() {
  return (
    <span class="badge badge-restricted badge-consent">
      <span>Restricted</span>
    </span>
  );
}
