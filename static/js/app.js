// Progressive enhancement. Loaded as a module, so browsers that cannot run
// GOV.UK Frontend's JavaScript never try; every page works without it.
import { initAll } from '/static/build/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

// Content htmx swaps in gets its GOV.UK components too (an error summary
// takes focus, a notification banner is announced). Components already
// running are left alone.
const ignoreAlreadyRunning = (error) => {
  if (error?.name !== 'InitError') console.error(error);
};
document.addEventListener('htmx:after:process', (event) => {
  const root = event.target;
  if (root instanceof Element && root !== document.body && root.isConnected) {
    initAll({ scope: root.parentElement ?? root, onError: ignoreAlreadyRunning });
  }
});

// An htmx read answered 401 means the session ended: send the user to sign
// in, and back here afterwards. (A form sent then is answered with a notice
// above it instead, so what was typed is not lost to the navigation.)
document.addEventListener('htmx:response:error', (event) => {
  const ctx = event.detail?.ctx;
  if (ctx?.response?.status === 401 && String(ctx.request?.method ?? 'GET').toUpperCase() === 'GET') {
    const here = window.location.pathname + window.location.search;
    window.location.assign(`/login?next=${encodeURIComponent(here)}`);
  }
});

// Minute-taking: autosave, and what was typed kept through reloads and lost connections.
import './drafts.js';
