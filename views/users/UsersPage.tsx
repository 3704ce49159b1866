import { ErrorSummary } from '../components/ErrorSummary';
import type { UserListing } from '../../src/features/users/queries';
import { formatDateTime } from '../../src/lib/dates';
import { USER_ROLE_LABELS } from '../../src/lib/labels';
import { Tag } from '../components/Tag';
import { Table } from '../components/Table';

export interface UsersPageProps {
  users: UserListing[];
  currentUserId: number;
  csrfToken: string;
  error?: string;
}

/** Administrators see every account and can disable or enable it. Accounts are added with `npm run user`. */
export function UsersPage({ users, currentUserId, csrfToken, error }: UsersPageProps): JSX.Element {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <ErrorSummary errors={error ? [{ text: error, href: '#main-content' }] : []} />
        <h1 class="govuk-heading-xl">Users</h1>
        <p class="govuk-body">
          Add accounts on the server with <code>npm run user -- add</code>. Disabling an account signs it out at once.
        </p>
        <Table
          caption="Users"
          captionClasses="govuk-visually-hidden"
          head={[
            { text: 'Name' },
            { text: 'Role' },
            { text: 'Committees' },
            { text: 'Last signed in' },
            { text: 'Change' },
          ]}
          rows={users.map((u) => [
            {
              html: (
                <>
                  <span safe>{u.displayName}</span>
                  <br />
                  <span class="govuk-hint govuk-!-margin-bottom-0" safe>
                    {u.email}
                  </span>
                  {u.disabled ? <Tag text="Disabled" colour="grey" /> : ''}
                  {u.demo ? <Tag text="Demo" colour="yellow" /> : ''}
                </>
              ),
            },
            { text: USER_ROLE_LABELS[u.role] },
            { text: u.role === 'admin' ? 'All' : u.committees.join(', ') || 'None' },
            { text: u.lastSignInAt ? formatDateTime(u.lastSignInAt) : 'Never' },
            {
              html:
                u.id === currentUserId ? (
                  'Your account'
                ) : (
                  <form method="post" action={`/manage/users/${u.id}/${u.disabled ? 'enable' : 'disable'}`}>
                    <input type="hidden" name="_csrf" value={csrfToken} />
                    <button
                      type="submit"
                      class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                      data-module="govuk-button"
                    >
                      {u.disabled ? 'Enable' : 'Disable'}
                      <span class="govuk-visually-hidden" safe>{` ${u.displayName}`}</span>
                    </button>
                  </form>
                ),
            },
          ])}
        />
      </div>
    </div>
  );
}
