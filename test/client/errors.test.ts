/**
 * Error mapping: every envelope form the emulator can send is checked over HTTP; the forms only
 * other Databricks front ends send (HTML, plain text, SCIM, API 1.2) are checked on the parser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patProvider } from '../../src/core/auth/pat.js';
import {
  DatabricksError,
  isAlreadyExists,
  isInvalidState,
  isNotFound,
  isPermissionDenied,
  isRateLimited,
  parseErrorBody,
} from '../../src/core/client/index.js';
import { caught, type Harness, harness, memoryLogger, notebookTask } from './helpers.js';

const SECRET = 'dapi-0123456789abcdef-wrong';

describe('error envelopes over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('maps the standard envelope (404 RESOURCE_DOES_NOT_EXIST)', async () => {
    const { client } = h.client();
    const e = (await caught(() => client.workspace.getStatus('/Shared/missing?x'))) as DatabricksError;

    expect(e).toBeInstanceOf(DatabricksError);
    expect(e).toMatchObject({
      status: 404,
      errorCode: 'RESOURCE_DOES_NOT_EXIST',
      method: 'GET',
      path: '/api/2.0/workspace/get-status',
      region: 'primary',
      attempts: 1,
    });
    expect(e.serverMessage).toContain("doesn't exist");
    expect(e.message).toMatch(/^\[primary\] GET \/api\/2\.0\/workspace\/get-status failed: 404/);
    expect(isNotFound(e)).toBe(true);
  });

  it('treats the 400 "Job … does not exist" form as not-found, and the 404 form too', async () => {
    const { client } = h.client();
    const e400 = (await caught(() => client.jobs.get(123))) as DatabricksError;
    expect(e400).toMatchObject({ status: 400, errorCode: 'INVALID_PARAMETER_VALUE' });
    expect(isNotFound(e400)).toBe(true);
    expect(isNotFound(await caught(() => client.clusters.get('0101-000000-nope')))).toBe(true);
    expect(isNotFound(await caught(() => client.jobs.getRun(77)))).toBe(true);
    expect(await client.jobs.tryGet(123)).toBeUndefined();
    expect(await client.clusters.tryGet('0101-000000-nope')).toBeUndefined();

    const h404 = await harness({ notFoundStatus: 404 });
    try {
      const { client: c404 } = h404.client();
      const e404 = (await caught(() => c404.jobs.get(123))) as DatabricksError;
      expect(e404).toMatchObject({ status: 404, errorCode: 'RESOURCE_DOES_NOT_EXIST' });
      expect(isNotFound(e404)).toBe(true);
      expect(await c404.jobs.tryGet(123)).toBeUndefined();
    } finally {
      await h404.close();
    }
  });

  it('does not mistake an unknown endpoint for a missing object', async () => {
    const { client } = h.client();
    const e = (await caught(() => client.http.get('/api/2.0/no-such-api'))) as DatabricksError;
    expect(e).toMatchObject({ status: 404, errorCode: 'ENDPOINT_NOT_FOUND' });
    expect(isNotFound(e)).toBe(false);
  });

  it('derives REQUEST_LIMIT_EXCEEDED for an empty-bodied 429 and says to slow down', async () => {
    const { client } = h.client({ deadlineMs: 2500 });
    h.ws.setFaults({ rules: [{ fault: '429', path: '/api/2.1/clusters/list', body: 'empty' }] });
    try {
      const e = (await caught(() => client.clusters.listAll())) as DatabricksError;
      expect(e).toMatchObject({ status: 429, errorCode: 'REQUEST_LIMIT_EXCEEDED', attempts: 3 });
      expect(isRateLimited(e)).toBe(true);
      expect(e.userMessage).toMatch(/Region primary: .*after 3 attempts.*lower the concurrency/);
    } finally {
      h.ws.setFaults(undefined);
    }
  });

  it('derives the code from the status for an integer error_code', async () => {
    const { client } = h.client({ deadlineMs: 1 });
    h.ws.setFaults({ rules: [{ fault: '503', path: '/api/2.1/clusters/list', body: 'int-code' }] });
    try {
      const e = (await caught(() => client.clusters.listAll())) as DatabricksError;
      expect(e).toMatchObject({ status: 503, errorCode: 'TEMPORARILY_UNAVAILABLE', rawErrorCode: 503 });
      expect(e.serverMessage).toContain('temporarily unavailable');
    } finally {
      h.ws.setFaults(undefined);
    }
  });

  it('explains a wrong token (403, integer code) without ever showing it', async () => {
    const logger = memoryLogger();
    const { client } = h.client({
      tokenProvider: patProvider(SECRET, 'environment variable DATABRICKS_TOKEN_PRIMARY'),
      logger,
    });
    const e = (await caught(() => client.jobs.listAll())) as DatabricksError;

    expect(e).toMatchObject({ status: 403, errorCode: 'PERMISSION_DENIED', rawErrorCode: 403 });
    expect(e.reasonPhrase).toBe('Invalid access token.');
    expect(e.hint).toMatch(/wrong or expired.*environment variable DATABRICKS_TOKEN_PRIMARY/);
    expect(e.userMessage).toMatch(/^Region primary: /);
    expect(isPermissionDenied(e)).toBe(true);
    for (const text of [e.message, e.userMessage, JSON.stringify(e), String(e.stack), ...logger.lines]) {
      expect(text).not.toContain(SECRET);
    }
  });

  it('explains a 401 as no usable credential', async () => {
    const { client } = h.client({ tokenProvider: patProvider('', 'environment variable DATABRICKS_TOKEN') });
    const e = (await caught(() => client.secrets.listScopes())) as DatabricksError;
    expect(e).toMatchObject({ status: 401, errorCode: 'UNAUTHENTICATED', rawErrorCode: 401 });
    expect(e.serverMessage).toMatch(/Credential was not sent/);
    expect(e.hint).toMatch(/No usable credential was sent/);
  });

  it('explains a 403 on a write to a read-only workspace', async () => {
    const { client } = h.client();
    h.ws.setReadOnly(true);
    try {
      const e = (await caught(() => client.workspace.mkdirs('/Shared/ro'))) as DatabricksError;
      expect(e).toMatchObject({ status: 403, errorCode: 'PERMISSION_DENIED', method: 'POST' });
      expect(e.message).toMatch(/The workspace is read-only or the identity lacks permission/);
      // Reads still work.
      await client.workspace.list('/');
    } finally {
      h.ws.setReadOnly(false);
    }
  });

  it('recognises "already exists" in both the code and the message', async () => {
    const { client } = h.client();
    await client.secrets.createScope({ scope: 'dup' });
    const scope = await caught(() => client.secrets.createScope({ scope: 'dup' }));
    expect(isAlreadyExists(scope)).toBe(true);

    await client.workspace.mkdirs('/Shared/dup');
    const nb = '# Databricks notebook source\n1\n';
    await client.workspace.importContent('/Shared/dup/nb', nb, { format: 'SOURCE', language: 'PYTHON' });
    const again = await caught(() =>
      client.workspace.importContent('/Shared/dup/nb', nb, { format: 'SOURCE', language: 'PYTHON' }),
    );
    expect(again).toMatchObject({ status: 400, errorCode: 'RESOURCE_ALREADY_EXISTS' });
    expect(isAlreadyExists(again)).toBe(true);
    expect(isNotFound(again)).toBe(false);
  });

  it('surfaces a 400 on a bad field at once, without retrying', async () => {
    const { client } = h.client();
    const e = (await caught(() =>
      client.jobs.create({ name: 'bad', tasks: [notebookTask(1), notebookTask(1)] }),
    )) as DatabricksError;
    expect(e.status).toBe(400);
    expect(e.attempts).toBe(1);
    expect(e.hint).toBe('');
    expect(client.stats().retries).toBe(0);
  });
});

describe('parseErrorBody (forms the emulator never sends)', () => {
  it('reads the documented envelope with details', () => {
    const body = JSON.stringify({
      error_code: 'NOT_FOUND',
      message: 'Job 123 does not exist.',
      details: [{ '@type': 'type.googleapis.com/google.rpc.RequestInfo', request_id: 'r' }],
    });
    expect(parseErrorBody(404, body)).toEqual({
      errorCode: 'NOT_FOUND',
      message: 'Job 123 does not exist.',
      details: [{ '@type': 'type.googleapis.com/google.rpc.RequestInfo', request_id: 'r' }],
    });
  });

  it('reads integer codes, message-only bodies and API 1.2 {"error"}', () => {
    expect(parseErrorBody(403, '{"error_code": 403, "message": "Invalid access token."}')).toEqual({
      errorCode: 'PERMISSION_DENIED',
      message: 'Invalid access token.',
      rawErrorCode: 403,
    });
    expect(parseErrorBody(404, '{"message":"Job 5 does not exist."}')).toEqual({
      errorCode: 'NOT_FOUND',
      message: 'Job 5 does not exist.',
    });
    expect(parseErrorBody(400, '{"error":"Cluster abc does not exist"}')).toEqual({
      errorCode: 'BAD_REQUEST',
      message: 'Cluster abc does not exist',
    });
  });

  it('reads SCIM errors', () => {
    expect(
      parseErrorBody(
        409,
        '{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"User already exists","status":"409","scimType":"uniqueness"}',
      ),
    ).toEqual({ errorCode: 'SCIM_409', message: 'uniqueness User already exists' });
    expect(parseErrorBody(500, '{"detail":"null","status":"500"}')).toEqual({
      errorCode: 'SCIM_500',
      message: 'SCIM API Internal Error',
    });
  });

  it('reads HTML with <pre>, other HTML, CODE: text and plain text', () => {
    const html =
      '<html><head><title>Error 400 Bad Request</title></head><body><h2>HTTP ERROR 400</h2>' +
      '<p>Problem accessing /api/2.0/jobs/create. Reason:<pre>    io.jsonwebtoken.IncorrectClaimException: Expected aud claim &amp; more.</pre></p></body></html>';
    expect(parseErrorBody(400, html)).toEqual({
      errorCode: 'BAD_REQUEST',
      message: 'io.jsonwebtoken.IncorrectClaimException: Expected aud claim & more',
    });
    expect(
      parseErrorBody(502, '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>'),
    ).toEqual({ errorCode: 'BAD_GATEWAY', message: '502 Bad Gateway' });
    expect(parseErrorBody(400, 'INVALID_STATE: Cluster is not running')).toEqual({
      errorCode: 'INVALID_STATE',
      message: 'Cluster is not running',
    });
    expect(parseErrorBody(503, 'upstream connect error or disconnect/reset before headers')).toEqual({
      errorCode: 'TEMPORARILY_UNAVAILABLE',
      message: 'upstream connect error or disconnect/reset before headers',
    });
  });

  it('derives the code from the status for an empty body', () => {
    expect(parseErrorBody(429, '', 'Too Many Requests')).toEqual({
      errorCode: 'REQUEST_LIMIT_EXCEEDED',
      message: 'Too Many Requests',
    });
    expect(parseErrorBody(404, '')).toMatchObject({ errorCode: 'NOT_FOUND' });
    expect(parseErrorBody(401, '  ')).toMatchObject({ errorCode: 'UNAUTHENTICATED' });
    expect(parseErrorBody(403, '')).toMatchObject({ errorCode: 'PERMISSION_DENIED' });
    expect(parseErrorBody(503, '')).toMatchObject({ errorCode: 'TEMPORARILY_UNAVAILABLE' });
    expect(parseErrorBody(418, '')).toMatchObject({ errorCode: 'HTTP_418' });
  });

  it('clips very long bodies', () => {
    expect(parseErrorBody(500, 'x'.repeat(5000)).message.length).toBeLessThanOrEqual(501);
  });
});

describe('not-found classification', () => {
  const err = (status: number, errorCode: string, message: string, path: string) =>
    new DatabricksError({ status, errorCode, message, method: 'GET', path, region: 'r' });

  it('matches the missing thing against the endpoint (go-sdk overrides)', () => {
    const missingJob = 'Job 998654886170278 does not exist.';
    expect(isNotFound(err(400, 'INVALID_PARAMETER_VALUE', missingJob, '/api/2.1/jobs/get'))).toBe(true);
    expect(isNotFound(err(400, 'INVALID_PARAMETER_VALUE', missingJob, '/api/2.2/jobs/reset'))).toBe(true);
    expect(
      isNotFound(
        err(
          400,
          'INVALID_PARAMETER_VALUE',
          'Cluster 0524-202631-rung996 does not exist',
          '/api/2.0/clusters/get',
        ),
      ),
    ).toBe(true);
    expect(
      isNotFound(err(400, 'INVALID_PARAMETER_VALUE', 'Run 5 does not exist', '/api/2.2/jobs/runs/get')),
    ).toBe(true);
    // A create naming a missing cluster has a bad reference; the job is not "not found".
    expect(
      isNotFound(err(400, 'INVALID_PARAMETER_VALUE', 'Cluster 1 does not exist', '/api/2.2/jobs/create')),
    ).toBe(false);
    expect(
      isNotFound(err(400, 'INVALID_PARAMETER_VALUE', 'Cluster 1 does not exist', '/api/2.2/jobs/reset')),
    ).toBe(false);
    expect(isNotFound(err(400, 'INVALID_PARAMETER_VALUE', 'name is too long', '/api/2.2/jobs/get'))).toBe(
      false,
    );
    expect(
      isNotFound(err(404, 'RESOURCE_DOES_NOT_EXIST', 'Scope x does not exist!', '/api/2.0/secrets/list')),
    ).toBe(true);
    expect(isNotFound(new Error('Job 1 does not exist'))).toBe(false);
  });

  it('classifies INVALID_STATE', () => {
    expect(isInvalidState(err(400, 'INVALID_STATE', 'x', '/api/2.1/clusters/edit'))).toBe(true);
  });
});
