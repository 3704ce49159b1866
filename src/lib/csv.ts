/**
 * CSV as spreadsheets read it (RFC 4180): a field with a comma, a quote or a
 * line break is quoted, quotes doubled. A field a spreadsheet would run as a
 * formula (starting =, +, -, @, a tab or a carriage return) is prefixed with
 * an apostrophe, so opening an export never runs what someone typed.
 */
export function csvField(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvRow(values: (string | number | null | undefined)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
