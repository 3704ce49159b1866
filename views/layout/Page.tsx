import { escapeXml } from '../../src/lib/xml';
import { REFUSAL_NOTICE } from '../errors/RefusalNotice';
import { NotificationBanner } from '../components/NotificationBanner';

export type NavSection = 'home' | 'committees' | 'meetings' | 'manage' | 'none';

/** The signed-in user, as the layout shows them. */
export interface SignedIn {
  displayName: string;
  /** For the sign-out form and htmx requests. */
  csrfToken: string;
}

export interface PageProps {
  /** The page's own title; " – Scrutineer" is added. */
  title: string;
  children: JSX.Element;
  nav?: NavSection;
  /** Breadcrumbs or a back link, above <main>. */
  beforeContent?: JSX.Element;
  signedIn?: SignedIn | null;
  /** A success message from the change just made. */
  confirmation?: string;
  /** Feeds that follow what this page shows (the whole site's is always offered). */
  feeds?: readonly FeedLink[];
  /** Schema.org facts about the page as JSON-LD, already serialised for a script element (jsonForScript). */
  structuredData?: string;
}

export interface FeedLink {
  title: string;
  href: string;
}

const SITE_FEED: FeedLink = { title: 'Scrutineer: what is published', href: '/feed.atom' };

export const SERVICE_NAME = 'Scrutineer';

export function documentTitle(title: string): string {
  return title === SERVICE_NAME ? SERVICE_NAME : `${title} – ${SERVICE_NAME}`;
}

const PUBLIC_NAV = [
  { section: 'home', href: '/', text: 'Home' },
  { section: 'meetings', href: '/meetings', text: 'Meetings' },
  { section: 'committees', href: '/committees', text: 'Committees' },
] as const satisfies readonly { section: NavSection; href: string; text: string }[];

const SIGNED_IN_NAV = [
  ...PUBLIC_NAV,
  { section: 'manage', href: '/manage', text: 'Manage' },
] as const satisfies readonly { section: NavSection; href: string; text: string }[];

/** The full HTML document: skip link, generic header, navigation, main, footer. */
export function Page({
  title,
  children,
  nav = 'none',
  beforeContent = '',
  signedIn = null,
  confirmation,
  feeds = [],
  structuredData,
}: PageProps): JSX.Element {
  const items = signedIn ? SIGNED_IN_NAV : PUBLIC_NAV;
  // Written here, every reserved character escaped: a committee's name is what its clerk typed.
  const safeFeedLinks = [...feeds, SITE_FEED]
    .map(
      (f) =>
        `<link rel="alternate" type="application/atom+xml" title="${escapeXml(f.title)}" href="${escapeXml(f.href)}"/>`,
    )
    .join('');
  const htmxHeaders = signedIn ? JSON.stringify({ 'x-csrf-token': signedIn.csrfToken }) : undefined;
  return (
    <>
      {'<!doctype html>'}
      <html lang="en" class="govuk-template">
        <head>
          <meta charset="utf-8" />
          <title safe>{documentTitle(title)}</title>
          <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
          <meta name="theme-color" content="#0b0c0c" />
          <meta name="htmx-config" content='{"includeIndicatorCSS":false}' />
          <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
          <link rel="stylesheet" href="/static/build/app.css" />
          {safeFeedLinks}
          {structuredData ? <script type="application/ld+json">{structuredData}</script> : ''}
          <script src="/static/build/htmx.min.js" defer></script>
          <script type="module" src="/static/js/app.js"></script>
        </head>
        <body class="govuk-template__body" hx-headers:inherited={htmxHeaders}>
          <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">
            Skip to main content
          </a>
          <header class="govuk-generic-header">
            <div class="govuk-generic-header__container govuk-width-container">
              <div class="govuk-generic-header__logo">
                <a href="/" class="govuk-generic-header__homepage-link">
                  {SERVICE_NAME}
                </a>
              </div>
              <form class="app-header-search" method="get" action="/search" role="search" aria-label="Site">
                <label class="govuk-visually-hidden" for="header-search">
                  Search agendas, papers and minutes
                </label>
                <input class="govuk-input app-header-search__input" id="header-search" name="q" type="search" />
                <button class="govuk-button app-header-search__button" type="submit" data-module="govuk-button">
                  Search
                </button>
              </form>
            </div>
          </header>
          <section
            aria-label="Service information"
            class="govuk-service-navigation"
            data-module="govuk-service-navigation"
          >
            <div class="govuk-width-container">
              <div class="govuk-service-navigation__container">
                <nav aria-label="Menu" class="govuk-service-navigation__wrapper">
                  <button
                    type="button"
                    class="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
                    aria-controls="navigation"
                    hidden
                  >
                    Menu
                  </button>
                  <ul class="govuk-service-navigation__list" id="navigation">
                    {items.map((item) => {
                      const active = item.section === nav;
                      return (
                        <li
                          class={
                            active
                              ? 'govuk-service-navigation__item govuk-service-navigation__item--active'
                              : 'govuk-service-navigation__item'
                          }
                        >
                          <a
                            class="govuk-service-navigation__link"
                            href={item.href}
                            aria-current={active ? 'page' : undefined}
                          >
                            {active ? (
                              <strong class="govuk-service-navigation__active-fallback">{item.text}</strong>
                            ) : (
                              item.text
                            )}
                          </a>
                        </li>
                      );
                    })}
                    {signedIn ? (
                      <li class="govuk-service-navigation__item app-sign-out">
                        <form method="post" action="/logout" class="app-sign-out__form">
                          <input type="hidden" name="_csrf" value={signedIn.csrfToken} />
                          <button type="submit" class="govuk-service-navigation__link app-link-button">
                            Sign out<span class="govuk-visually-hidden" safe>{` ${signedIn.displayName}`}</span>
                          </button>
                        </form>
                      </li>
                    ) : (
                      ''
                    )}
                  </ul>
                </nav>
              </div>
            </div>
          </section>
          <div class="govuk-width-container">
            {beforeContent}
            <main class="govuk-main-wrapper" id="main-content">
              <div id={REFUSAL_NOTICE}></div>
              {confirmation ? (
                <NotificationBanner type="success" heading={confirmation} titleId="confirmation-title" />
              ) : (
                ''
              )}
              {children}
            </main>
          </div>
          <footer class="govuk-footer">
            <div class="govuk-width-container">
              <div class="govuk-footer__meta">
                <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
                  <h2 class="govuk-visually-hidden">Support links</h2>
                  <ul class="govuk-footer__inline-list">
                    <li class="govuk-footer__inline-list-item">
                      <a class="govuk-footer__link" href="/accessibility">
                        Accessibility statement
                      </a>
                    </li>
                    <li class="govuk-footer__inline-list-item">
                      <a class="govuk-footer__link" href="/committees">
                        Committees
                      </a>
                    </li>
                    <li class="govuk-footer__inline-list-item">
                      <a class="govuk-footer__link" href="/api/v1/docs">
                        Open data
                      </a>
                    </li>
                    <li class="govuk-footer__inline-list-item">
                      <a class="govuk-footer__link" href="/subscribe">
                        Email alerts
                      </a>
                    </li>
                  </ul>
                  <p class="govuk-body-s govuk-!-margin-bottom-0">
                    {SERVICE_NAME} publishes the agendas, papers and minutes of council scrutiny committees.
                  </p>
                </div>
              </div>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}
