// Marks a client the signed-in user can see in search but may not open (not on their caseload or
// care team). The words are the badge's content, so screen readers read them with the name.

/** The sentence that explains the badge, for a note under a list that shows it. */
export const NOT_ON_CASELOAD_EXPLANATION =
  'Clients marked “Not on your caseload” are registered in your organization, but their records are open only to the staff who work with them. Ask the client’s case manager or your supervisor if you need access.';

export function NotOnCaseloadBadge() {
  return (
    <span class="badge badge-restricted">
      <span aria-hidden="true" class="badge-icon">
        ⊘
      </span>
      <span>Not on your caseload</span>
    </span>
  );
}
