import { buildTestApp } from '../tests/helpers/app';
const { app } = await buildTestApp({ demo: true });
const urls = process.argv.slice(2);
for (let i = 0; i < 200; i++) for (const url of urls) await app.inject({ url, headers: { cookie: 'scrutineer=none' } });
const t = performance.now();
const N = Number(process.env.N ?? 2000);
for (let i = 0; i < N; i++) for (const url of urls) await app.inject({ url, headers: { cookie: 'scrutineer=none' } });
console.log(`${((performance.now() - t) / N).toFixed(2)} ms per round`);
await app.close();
