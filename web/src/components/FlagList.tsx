// What an assessment's flags set off, grouped the way staff act on them: safety flags (urgent
// tasks), needs identified (social-needs screens), an earlier post-discharge check-in, and flags
// that are only shown. The safety prompt itself is the caller's (it differs before and after the
// assessment is recorded).

import type { Flag } from '../assessmentsApi';
import { isEarlyFollowUp, isNeed, isUrgent, needLabel } from '../assessmentLabels';

interface Props {
  flags: Flag[];
  /** Leave the safety flags out (the caller shows them in its prompt). */
  withoutUrgent?: boolean;
  /** Heading level of the group titles. */
  headingLevel?: 3 | 4;
  /** Said in the future tense while the assessment is not recorded yet. */
  draft?: boolean;
}

export function FlagList({ flags, withoutUrgent = false, headingLevel = 3, draft = false }: Props) {
  const urgent = withoutUrgent ? [] : flags.filter(isUrgent);
  const needs = flags.filter(isNeed);
  const early = flags.filter(isEarlyFollowUp);
  const other = flags.filter((flag) => !isUrgent(flag) && !isNeed(flag) && !isEarlyFollowUp(flag));
  if (urgent.length + needs.length + early.length + other.length === 0) return null;
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div class="flag-list">
      {urgent.length > 0 ? (
        <div class="flag-group flag-group-urgent">
          <Heading class="flag-group-title">
            <span aria-hidden="true" class="badge-icon">
              ⚠
            </span>
            Safety flag
          </Heading>
          <ul class="compact-list">
            {urgent.map((flag) => (
              <li key={flag.code}>{flag.display}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {needs.length > 0 ? (
        <div class="flag-group flag-group-needs">
          <Heading class="flag-group-title">Needs identified</Heading>
          <ul class="compact-list">
            {needs.map((flag) => (
              <li key={flag.code}>
                <strong>{needLabel(flag.need)}</strong>: {flag.display}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {early.length > 0 ? (
        <div class="flag-group flag-group-early">
          <Heading class="flag-group-title">Earlier follow-up</Heading>
          <ul class="compact-list">
            {early.map((flag) => (
              <li key={flag.code}>
                {flag.display}:{' '}
                {draft
                  ? 'once recorded, the post-discharge check-in of an open discharge comes due sooner.'
                  : 'the post-discharge check-in of an open discharge comes due sooner.'}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {other.length > 0 ? (
        <div class="flag-group">
          <Heading class="flag-group-title">Flags</Heading>
          <ul class="compact-list">
            {other.map((flag) => (
              <li key={flag.code}>{flag.display}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
