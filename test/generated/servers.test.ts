/**
 * Generated error responses served for real: Express, Fastify and Koa apps and a Flask app
 * listen on loopback, run the generated handler code, and the responses that come back over
 * HTTP must carry the catalog's status, content type, Retry-After and body. FastAPI and Django
 * run the generated code through their own test clients.
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import express from 'express';
import Fastify from 'fastify';
import Koa from 'koa';
import { renderBody } from '../../server/src/service/catalog/envelope';
import { isRetryable, type Catalog, type CodeEntry } from '../../server/src/service/catalog/model';
import { toPlainText } from '../../server/src/service/render/code';
import { errorResponse } from '../../server/src/service/render/errorResponse';
import { FRAMEWORKS } from '../../server/src/service/render/frameworks';
import { builtin, builtins } from '../helpers/catalogs';
import { pythonWith, skipUnless } from '../helpers/toolchains';

const standard = builtin('http-status');
const cases = [...builtins().values()].filter((c) => c.codes.size > 0).flatMap((catalog) => [...catalog.codes.values()].map((entry) => ({ catalog, entry })));

function generated(catalog: Catalog, entry: CodeEntry, framework: string, indent: string): string {
  const template = FRAMEWORKS.find((f) => f.id === framework)!;
  return toPlainText(errorResponse(catalog, entry, { languageId: template.languages[0], text: '', framework, indent, standard })!.code);
}

/** Requests every case's route and checks what comes back over HTTP. */
async function checkServed(base: string, label: string): Promise<void> {
  for (const [i, { catalog, entry }] of cases.entries()) {
    const response = await fetch(`${base}/c${i}`);
    const name = `${label} ${catalog.id}/${entry.code}`;
    assert.equal(response.status, entry.status, `${name} status`);
    assert.equal(response.headers.get('content-type')?.split(';')[0], catalog.envelope.contentType, `${name} content type`);
    const retryAfter = (entry.status === 429 || entry.status === 503) && isRetryable(entry, catalog, standard);
    assert.equal(response.headers.get('retry-after'), retryAfter ? String(entry.members.retryAfter ?? 60) : null, `${name} Retry-After`);
    assert.deepEqual(await response.json(), renderBody(catalog, entry), `${name} body`);
  }
}

describe('generated responses served by real JavaScript servers on loopback', () => {
  it('Express', async () => {
    const app = express();
    cases.forEach(({ catalog, entry }, i) => {
      // The generated statements are the handler's body, exactly as the quick fix inserts them.
      app.get(`/c${i}`, new Function('req', 'res', generated(catalog, entry, 'express', '')) as express.RequestHandler);
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      await checkServed(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 'express');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('Fastify', async () => {
    const app = Fastify();
    cases.forEach(({ catalog, entry }, i) => {
      const handler = new Function('request', 'reply', generated(catalog, entry, 'fastify', ''));
      app.get(`/c${i}`, async (request, reply) => handler(request, reply));
    });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      await checkServed(address, 'fastify');
    } finally {
      await app.close();
    }
  });

  it('Koa', async () => {
    const app = new Koa();
    const handlers = cases.map(({ catalog, entry }) => new Function('ctx', generated(catalog, entry, 'koa', '')));
    app.use(async (ctx) => {
      const index = Number(/^\/c(\d+)$/.exec(ctx.path)?.[1]);
      handlers[index](ctx);
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      await checkServed(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 'koa');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

const flaskPython = pythonWith('flask');

describe('generated responses served by a real Flask app on loopback', { skip: skipUnless(flaskPython !== undefined, 'python3 with flask') }, () => {
  it('Flask', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'error-catalog-flask-'));
    const routes = cases.map(({ catalog, entry }, i) => `@app.get("/c${i}")\ndef c${i}():\n    ${generated(catalog, entry, 'flask', '    ')}\n`).join('\n\n');
    writeFileSync(join(dir, 'app.py'), `from flask import Flask
from werkzeug.serving import make_server

app = Flask(__name__)


${routes}

server = make_server("127.0.0.1", 0, app)
print(server.server_port, flush=True)
server.serve_forever()
`);
    const child = spawn(flaskPython!, ['app.py'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    try {
      // The app prints its port once it listens: that line is the ready signal.
      const port = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`the Flask app exited (${code}): ${stderr}`)));
      });
      await checkServed(`http://127.0.0.1:${port.trim()}`, 'flask');
    } finally {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const asgiPython = pythonWith('fastapi', 'django', 'httpx');

describe('generated responses through FastAPI\'s and Django\'s own test clients', { skip: skipUnless(asgiPython !== undefined, 'python3 with fastapi and django') }, () => {
  for (const framework of ['fastapi', 'fastapi-exception', 'django'] as const) {
    it(framework, { timeout: 60_000 }, () => {
      const dir = mkdtempSync(join(tmpdir(), `error-catalog-${framework}-`));
      try {
        const handlers = cases.map(({ catalog, entry }, i) => framework !== 'django'
          ? `@app.get("/c${i}")\ndef c${i}():\n    ${generated(catalog, entry, framework, '    ')}\n`
          : `def c${i}(request):\n    ${generated(catalog, entry, framework, '    ')}\n`).join('\n\n');
        const prelude = framework === 'fastapi'
          ? 'from fastapi import FastAPI\nfrom fastapi.responses import JSONResponse\nfrom fastapi.testclient import TestClient\n\napp = FastAPI()\n'
          : framework === 'fastapi-exception'
          // The handler the app registers so that an HTTPException's detail is the whole body.
          ? `from fastapi import FastAPI, HTTPException
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient

app = FastAPI()


@app.exception_handler(HTTPException)
async def send_detail(request, exc):
    return JSONResponse(status_code=exc.status_code, content=exc.detail, headers=exc.headers)
`
          : `import django
from django.conf import settings

settings.configure(ROOT_URLCONF=__name__, ALLOWED_HOSTS=["testserver"], SECRET_KEY="test", MIDDLEWARE=[])
django.setup()

from django.http import JsonResponse
from django.test import Client
from django.urls import path
`;
        const client = framework !== 'django'
          ? 'client = TestClient(app)'
          : `urlpatterns = [${cases.map((_, i) => `path("c${i}", c${i})`).join(', ')}]\nclient = Client()`;
        writeFileSync(join(dir, 'app.py'), `import json
${prelude}

${handlers}

${client}
results = []
for i in range(${cases.length}):
    response = client.get(f"/c{i}")
    headers = response.headers
    results.append({"status": response.status_code, "contentType": headers.get("content-type"), "retryAfter": headers.get("retry-after"), "body": json.loads(response.content)})
print(json.dumps(results))
`);
        const ran = spawnSync(asgiPython!, ['app.py'], { cwd: dir, encoding: 'utf8' });
        assert.equal(ran.status, 0, ran.stderr);
        const results = JSON.parse(ran.stdout) as { status: number; contentType: string; retryAfter: string | null; body: unknown }[];
        results.forEach((result, i) => {
          const { catalog, entry } = cases[i];
          const name = `${framework} ${catalog.id}/${entry.code}`;
          assert.equal(result.status, entry.status, `${name} status`);
          assert.equal(result.contentType.split(';')[0], catalog.envelope.contentType, `${name} content type`);
          const retryAfter = (entry.status === 429 || entry.status === 503) && isRetryable(entry, catalog, standard);
          assert.equal(result.retryAfter, retryAfter ? String(entry.members.retryAfter ?? 60) : null, `${name} Retry-After`);
          assert.deepEqual(result.body, renderBody(catalog, entry), `${name} body`);
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
