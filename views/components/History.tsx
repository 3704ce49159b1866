import type { HistoryEntry } from '../../src/features/audit/queries';
import { formatDateTime, isoLondon } from '../../src/lib/dates';
import { AUDIT_ACTION_LABELS, displayValue, fieldLabel } from '../../src/lib/labels';
import { Table } from './Table';

/** A record's history from the audit trail: who, when, what changed (before → after). */
export function History({ entries, caption = 'History' }: { entries: HistoryEntry[]; caption?: string }): JSX.Element {
  return (
    <section aria-labelledby="history-heading" class="app-history">
      <h2 class="govuk-heading-m" id="history-heading" safe>
        {caption}
      </h2>
      {entries.length === 0 ? (
        <p class="govuk-body">No changes have been recorded yet.</p>
      ) : (
        <Table
          caption={caption}
          captionClasses="govuk-visually-hidden"
          head={[{ text: 'When' }, { text: 'Who' }, { text: 'What changed' }]}
          rows={entries.map((e) => [
            {
              html: (
                <time datetime={isoLondon(e.at)} safe>
                  {formatDateTime(e.at)}
                </time>
              ),
            },
            { text: e.who },
            {
              html: (
                <>
                  <span safe>{AUDIT_ACTION_LABELS[e.action] ?? e.action}</span>
                  {e.changes.length > 0 ? (
                    <ul class="govuk-list govuk-body-s govuk-!-margin-bottom-0">
                      {e.changes.map((c) => (
                        <li safe>
                          {c.before === null
                            ? `${fieldLabel(c.field)}: ${displayValue(c.after)}`
                            : `${fieldLabel(c.field)}: ${displayValue(c.before)} → ${displayValue(c.after)}`}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    ''
                  )}
                </>
              ),
            },
          ])}
        />
      )}
    </section>
  );
}
