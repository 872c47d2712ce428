import { performance } from 'node:perf_hooks';
import { loadCatalog } from '../server/src/service/catalog/catalogLoader';
import { generatedCatalogYaml } from './helpers/generate';
const text = generatedCatalogYaml(100000);
const t = performance.now();
const r = loadCatalog('file:///a.errors.yaml', text, { knownStatuses: new Set([400,401,403,404,409,422,429,500,502,503]) });
console.log('load', (performance.now() - t).toFixed(0), r.catalog?.codes.size, r.problems.length);
