export interface TableHeadCell {
  text: string;
  numeric?: boolean;
  classes?: string;
}

export interface TableCell {
  text?: string;
  html?: JSX.Element;
  numeric?: boolean;
  classes?: string;
}

export interface TableProps {
  caption?: string;
  captionClasses?: string;
  head: TableHeadCell[];
  rows: TableCell[][];
  /** Render each row's first cell as a row header (<th scope="row">). */
  firstCellIsHeader?: boolean;
  classes?: string;
  /** What the table is, for its scrolling box when there is no caption. */
  label?: string;
}

/**
 * A table's box: a table too wide for a phone scrolls inside it, sideways,
 * instead of widening the page (WCAG 1.4.10). It can take focus, so the
 * keyboard can scroll it too.
 */
export function TableScroll({ label, children }: { label: string; children: JSX.Element }): JSX.Element {
  return (
    <div class="app-table-scroll" role="region" aria-label={label} tabindex="0">
      {children}
    </div>
  );
}

function cellClass(base: string, cell: { numeric?: boolean; classes?: string }): string {
  return [base, cell.numeric ? `${base}--numeric` : '', cell.classes ?? ''].filter(Boolean).join(' ');
}

/** GOV.UK table. */
export function Table({
  caption,
  captionClasses,
  head,
  rows,
  firstCellIsHeader,
  classes,
  label,
}: TableProps): JSX.Element {
  return (
    <TableScroll label={caption ?? label ?? 'Table'}>
      <table class={['govuk-table', classes ?? ''].filter(Boolean).join(' ')}>
        {caption ? (
          <caption class={['govuk-table__caption', captionClasses ?? 'govuk-table__caption--m'].join(' ')} safe>
            {caption}
          </caption>
        ) : (
          ''
        )}
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            {head.map((h) => (
              <th scope="col" class={cellClass('govuk-table__header', h)} safe>
                {h.text}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {rows.map((row) => (
            <tr class="govuk-table__row">
              {row.map((cell, i) => {
                const content = cell.html ?? <span safe>{cell.text ?? ''}</span>;
                return firstCellIsHeader && i === 0 ? (
                  <th scope="row" class={cellClass('govuk-table__header', cell)}>
                    {content}
                  </th>
                ) : (
                  <td class={cellClass('govuk-table__cell', cell)}>{content}</td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
