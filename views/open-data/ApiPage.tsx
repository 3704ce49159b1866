import { Table } from '../components/Table';

/** What the page reads of the OpenAPI document (the rest it leaves to tools). */
export interface ApiDocument {
  info: { title: string; description?: string };
  paths: Record<
    string,
    {
      get?: {
        summary?: string;
        description?: string;
        parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: ApiSchema }[];
      };
    }
  >;
}

interface ApiSchema {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  minimum?: number;
  maximum?: number;
  default?: unknown;
}

/** "integer, 1 to 100, default 50"; "one of: open, in_progress …". */
function describeSchema(schema: ApiSchema | undefined): string {
  if (!schema) return '';
  if (schema.enum) return `one of: ${schema.enum.join(', ')}`;
  const parts = [schema.format === 'date' ? 'date (YYYY-MM-DD)' : String(schema.type ?? '')];
  if (schema.minimum !== undefined && schema.maximum !== undefined)
    parts.push(`${schema.minimum} to ${schema.maximum}`);
  else if (schema.minimum !== undefined) parts.push(`from ${schema.minimum}`);
  if (schema.default !== undefined) parts.push(`default ${String(schema.default)}`);
  return parts.join(', ');
}

const anchorOf = (path: string) => `get${path.replaceAll(/[^a-z0-9]+/gi, '-').replace(/-$/, '')}`;

/** The open-data API, documented for people: every address, what it takes, and the rules all share. */
export function ApiPage({ document }: { document: ApiDocument }): JSX.Element {
  const paths = Object.entries(document.paths).flatMap(([path, item]) => (item.get ? [{ path, get: item.get }] : []));
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-xl">Open data API</h1>
        <p class="govuk-body" safe>
          {document.info.description ?? ''}
        </p>
        <p class="govuk-body">
          The machine-readable description is the OpenAPI 3.1 document at{' '}
          <a class="govuk-link" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>
          : load it into any OpenAPI tool to try the API or generate a client.
        </p>

        <h2 class="govuk-heading-l">How it works</h2>
        <ul class="govuk-list govuk-list--bullet">
          <li>Every address answers JSON to GET (and HEAD). No key or account is needed.</li>
          <li>
            Records follow the Open Civic Data model: meetings are Events, committees and other bodies are
            Organizations, members are People with Memberships. Ids such as <code>ocd-event/…</code> never change.
          </li>
          <li>
            Times are ISO 8601 with the London offset, for example 2021-01-07T10:00:00+00:00. Dates are YYYY-MM-DD.
          </li>
          <li>
            Lists come a page at a time: <code>page</code> (from 1) and <code>per_page</code> (up to 100). Each answer’s{' '}
            <code>meta</code> gives the total and the address of the next page.
          </li>
          <li>
            A parameter a list does not take is refused with 400 and a message naming the ones it does. A committee that
            does not exist gives an empty list.
          </li>
          <li>
            Any website may read the API from a browser (CORS). Each answer has an <code>ETag</code>: send it back in{' '}
            <code>If-None-Match</code> and an unchanged answer costs a 304.
          </li>
          <li>
            Each IP address may make a limited number of requests a minute. The <code>RateLimit-Limit</code>,{' '}
            <code>RateLimit-Remaining</code> and <code>RateLimit-Reset</code> headers say how many are left and when the
            count starts again; past the limit the answer is 429 with <code>Retry-After</code>.
          </li>
          <li>
            Only what the public pages show is here: never exempt (Schedule 12A) content, drafts, private notes or
            anyone’s email address.
          </li>
        </ul>
        <p class="govuk-body">
          Each committee’s meetings, actions and recommendations can also be downloaded whole, as CSV or JSON, from the
          committee’s page; its Atom feed follows what it publishes.
        </p>

        <h2 class="govuk-heading-l">Addresses</h2>
        <ul class="govuk-list">
          {paths.map(({ path, get }) => (
            <li>
              <a class="govuk-link" href={`#${anchorOf(path)}`}>
                <code safe>{`/api/v1${path}`}</code>
              </a>
              {get.summary ? <span safe>{`: ${get.summary}`}</span> : ''}
            </li>
          ))}
        </ul>

        {paths.map(({ path, get }) => {
          const parameters = get.parameters ?? [];
          return (
            <section aria-labelledby={anchorOf(path)}>
              <h3 class="govuk-heading-m" id={anchorOf(path)}>
                <code safe>{`GET /api/v1${path}`}</code>
              </h3>
              <p class="govuk-body" safe>
                {get.description ?? get.summary ?? ''}
              </p>
              {parameters.length > 0 ? (
                <Table
                  caption="Parameters"
                  captionClasses="govuk-table__caption--s"
                  head={[{ text: 'Name' }, { text: 'In' }, { text: 'What it is' }, { text: 'Values' }]}
                  rows={parameters.map((p) => [
                    { html: <code safe>{p.name}</code> },
                    { text: p.in === 'path' ? 'address' : 'query' },
                    { text: p.description ?? '' },
                    { text: describeSchema(p.schema) },
                  ])}
                />
              ) : (
                <p class="govuk-body">It takes no parameters.</p>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}
