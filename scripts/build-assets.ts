/**
 * Builds static/build/: the stylesheet compiled from GOV.UK Frontend's Sass,
 * and the browser scripts copied from their packages (served by us, never a CDN).
 * Run by `npm start` and `npm test`; quick enough to run every time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import * as sass from 'sass';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'static', 'build');
const require = createRequire(import.meta.url);

const htmxDist = path.dirname(require.resolve('htmx.org/dist/htmx.min.js'));
const govukDist = path.join(path.dirname(require.resolve('govuk-frontend/package.json')), 'dist', 'govuk');

fs.mkdirSync(out, { recursive: true });

const css = sass.compile(path.join(root, 'static', 'scss', 'app.scss'), {
  loadPaths: [path.join(root, 'node_modules')],
  style: 'compressed',
  quietDeps: true,
  silenceDeprecations: ['import'],
});
fs.writeFileSync(path.join(out, 'app.css'), css.css);

for (const [from, to] of [
  [path.join(htmxDist, 'htmx.min.js'), 'htmx.min.js'],
  [path.join(govukDist, 'govuk-frontend.min.js'), 'govuk-frontend.min.js'],
] as const) {
  fs.copyFileSync(from, path.join(out, to));
}

console.log(`Built static assets in ${path.relative(process.cwd(), out) || out}`);
