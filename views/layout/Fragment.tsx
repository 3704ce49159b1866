import { documentTitle } from './Page';

export interface FragmentProps {
  title: string;
  children: JSX.Element;
}

/**
 * What an htmx request gets instead of the whole page: the region it asked
 * for, with the page title so htmx keeps the browser's title right.
 */
export function Fragment({ title, children }: FragmentProps): JSX.Element {
  return (
    <>
      <title safe>{documentTitle(title)}</title>
      {children}
    </>
  );
}
