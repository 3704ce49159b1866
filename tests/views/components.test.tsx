import { describe, expect, it } from 'vitest';
import { parse } from '../helpers/html';
import { Button } from '../../views/components/Button';
import { ErrorSummary } from '../../views/components/ErrorSummary';
import { Input, Select, Textarea } from '../../views/components/Field';
import { SummaryList } from '../../views/components/SummaryList';
import { Table } from '../../views/components/Table';
import { Tag } from '../../views/components/Tag';

const html = (el: JSX.Element) => parse(String(el));

describe('GOV.UK-shaped components', () => {
  it('Input links its hint and error message to the control and keeps the typed value', () => {
    const $ = html(
      <Input
        id="venue"
        label="Venue"
        hint="Where the meeting is held"
        errorMessage="Enter a venue"
        value={'<b>Room 1</b>'}
      />,
    );
    expect($('.govuk-form-group').hasClass('govuk-form-group--error')).toBe(true);
    expect($('label').attr('for')).toBe('venue');
    expect($('input').attr('aria-describedby')).toBe('venue-hint venue-error');
    expect($('#venue-error').text()).toBe('Error: Enter a venue');
    expect($('input').hasClass('govuk-input--error')).toBe(true);
    expect($('input').attr('value')).toBe('<b>Room 1</b>');
    expect($('input').attr('name')).toBe('venue');
  });

  it('Input without hint or error has no aria-describedby', () => {
    const $ = html(<Input id="title" label="Title" />);
    expect($('input').attr('aria-describedby')).toBeUndefined();
    expect($('.govuk-error-message')).toHaveLength(0);
  });

  it('Textarea escapes its value and Select marks the chosen option', () => {
    const $t = html(<Textarea id="purpose" label="Purpose" value={'</textarea><script>x()</script>'} />);
    expect($t('textarea').text()).toBe('</textarea><script>x()</script>');
    expect($t('script')).toHaveLength(0);
    const $s = html(
      <Select
        id="role"
        label="Role"
        value="vice_chairman"
        options={[
          { value: 'chairman', text: 'Chairman' },
          { value: 'vice_chairman', text: 'Vice-Chairman' },
        ]}
      />,
    );
    expect($s('option[selected]').attr('value')).toBe('vice_chairman');
  });

  it('ErrorSummary lists each error as a link to its field, and renders nothing without errors', () => {
    const $ = html(<ErrorSummary errors={[{ text: 'Enter a date', href: '#date' }]} />);
    expect($('.govuk-error-summary h2').text()).toBe('There is a problem');
    expect($('[role="alert"]')).toHaveLength(1);
    expect($('.govuk-error-summary__list a').attr('href')).toBe('#date');
    expect(String(<ErrorSummary errors={[]} />)).toBe('');
  });

  it('Button is a <button> or, with href, a link styled as one', () => {
    const $b = html(<Button text="Publish agenda" variant="warning" preventDoubleClick />);
    expect($b('button').attr('type')).toBe('submit');
    expect($b('button').hasClass('govuk-button--warning')).toBe(true);
    expect($b('button').attr('data-prevent-double-click')).toBe('true');
    const $a = html(<Button text="Start" href="/start" />);
    expect($a('a').attr('role')).toBe('button');
    expect($a('a').attr('href')).toBe('/start');
  });

  it('Table renders a caption, header cells and row headers', () => {
    const $ = html(
      <Table
        caption="Members"
        head={[{ text: 'Name' }, { text: 'Votes', numeric: true }]}
        firstCellIsHeader
        rows={[[{ text: 'A' }, { text: '3', numeric: true }]]}
      />,
    );
    expect($('caption').text()).toBe('Members');
    expect($('thead th').last().hasClass('govuk-table__header--numeric')).toBe(true);
    expect($('tbody th[scope="row"]').text()).toBe('A');
    expect($('tbody td').hasClass('govuk-table__cell--numeric')).toBe(true);
  });

  it('SummaryList and Tag escape their text', () => {
    const $ = html(<SummaryList rows={[{ key: 'Venue', text: '<i>Room</i>' }]} />);
    expect($('dt').text()).toBe('Venue');
    expect($('dd').text()).toBe('<i>Room</i>');
    expect($('i')).toHaveLength(0);
    const $tag = html(<Tag text="Draft & <new>" colour="yellow" />);
    expect($tag('strong').text()).toBe('Draft & <new>');
    expect($tag('strong').hasClass('govuk-tag--yellow')).toBe(true);
  });
});
