import type { FieldErrors } from '../../src/lib/validation';
import { errorList } from '../../src/lib/validation';
import { ErrorSummary } from '../components/ErrorSummary';
import { Input } from '../components/Field';
import { Button } from '../components/Button';

export interface LoginPageProps {
  csrfToken: string;
  next: string;
  email?: string;
  errors?: FieldErrors;
}

/** Sign in: clerks, members and administrators. The public never needs to. */
export function LoginPage({ csrfToken, next, email = '', errors = {} }: LoginPageProps): JSX.Element {
  // The form swaps itself (its region), leaving the page's notice box above it in place.
  return (
    <div class="govuk-grid-row" id="sign-in">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errorList(errors, ['email', 'password'])} />
        <h1 class="govuk-heading-xl">Sign in</h1>
        <p class="govuk-body">
          Sign in to manage committee meetings, agendas and minutes, or to update the actions you own. You do not need
          to sign in to read published agendas and minutes.
        </p>
        <form method="post" action="/login" novalidate hx-post="/login" hx-target="#sign-in" hx-swap="outerHTML">
          <input type="hidden" name="_csrf" value={csrfToken} />
          <input type="hidden" name="next" value={next} />
          <Input
            id="email"
            label="Email address"
            type="email"
            autocomplete="username"
            spellcheck={false}
            value={email}
            errorMessage={errors.email}
          />
          <Input
            id="password"
            label="Password"
            type="password"
            autocomplete="current-password"
            errorMessage={errors.password}
          />
          <Button text="Sign in" preventDoubleClick />
        </form>
      </div>
    </div>
  );
}
