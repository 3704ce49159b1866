// Progressive enhancement. Loaded as a module, so browsers that cannot run
// GOV.UK Frontend's JavaScript never try; every page works without it.
import { initAll } from '/static/build/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
