import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/core/state/lock.ts
import { randomUUID } from "node:crypto";
import os from "node:os";

// src/core/logger.ts
var nullLogger = {
  debug() {
  },
  info() {
  },
  warning() {
  },
  error() {
  }
};
function streamLogger(stream, options = {}) {
  const write = (prefix, message) => stream.write(`${prefix}${message}
`);
  return {
    debug: (m) => {
      if (options.debug) write("debug: ", m);
    },
    info: (m) => write("", m),
    warning: (m) => write("warning: ", m),
    error: (m) => write("error: ", m)
  };
}

// src/core/client/errors.ts
var STATUS_CODES = {
  400: "BAD_REQUEST",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  409: "RESOURCE_CONFLICT",
  429: "REQUEST_LIMIT_EXCEEDED",
  499: "CANCELLED",
  500: "INTERNAL_ERROR",
  501: "NOT_IMPLEMENTED",
  502: "BAD_GATEWAY",
  503: "TEMPORARILY_UNAVAILABLE",
  504: "DEADLINE_EXCEEDED"
};
function errorCodeForStatus(status) {
  return STATUS_CODES[status] ?? `HTTP_${status}`;
}
var MAX_MESSAGE = 500;
function clip(text) {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > MAX_MESSAGE ? `${t.slice(0, MAX_MESSAGE)}\u2026` : t;
}
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function parseErrorBody(status, body, statusText = "") {
  const fallbackCode = errorCodeForStatus(status);
  const fallbackMessage = statusText || fallbackCode;
  const text = body.trim();
  if (text === "") return { errorCode: fallbackCode, message: fallbackMessage };
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = void 0;
  }
  if (isRecord(json)) {
    const rawCode = json.error_code;
    let message = typeof json.message === "string" ? json.message : "";
    let errorCode = typeof rawCode === "string" && rawCode !== "" ? rawCode : fallbackCode;
    if (message === "" && typeof json.error === "string") message = json.error;
    if (message === "" && (typeof json.detail === "string" || typeof json.scimType === "string")) {
      const detail = json.detail === "null" ? "SCIM API Internal Error" : String(json.detail ?? "");
      message = `${typeof json.scimType === "string" ? json.scimType : ""} ${detail}`.trim();
      if (typeof rawCode !== "string") errorCode = `SCIM_${String(json.status ?? status)}`;
    }
    if (message === "") message = fallbackMessage;
    const parsed = { errorCode, message: clip(message) };
    if (Array.isArray(json.details)) parsed.details = json.details;
    if (rawCode !== void 0 && typeof rawCode !== "string") parsed.rawErrorCode = rawCode;
    return parsed;
  }
  if (json !== void 0) {
    return { errorCode: fallbackCode, message: clip(typeof json === "string" ? json : text) };
  }
  const pre = /<pre>([\s\S]*?)<\/pre>/i.exec(text);
  if (pre)
    return { errorCode: fallbackCode, message: clip(decodeEntities(pre[1]).replace(/^[\s.]+|[\s.]+$/g, "")) };
  if (/^\s*</.test(text)) {
    const title = /<title>([\s\S]*?)<\/title>/i.exec(text);
    const stripped = decodeEntities((title ? title[1] : text).replace(/<[^>]*>/g, " "));
    return { errorCode: fallbackCode, message: clip(stripped) || fallbackMessage };
  }
  const coded = /^([A-Z][A-Z0-9_]+): ([\s\S]*)$/.exec(text);
  if (coded) return { errorCode: coded[1], message: clip(coded[2]) };
  return { errorCode: fallbackCode, message: clip(text) };
}
function decodeEntities(s) {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
}
var DatabricksError = class extends Error {
  name = "DatabricksError";
  status;
  errorCode;
  serverMessage;
  method;
  path;
  region;
  details;
  rawErrorCode;
  reasonPhrase;
  credentialSource;
  /** HTTP attempts made for this call, retries included. Set when the client gives up. */
  attempts;
  constructor(init) {
    super(init.message, init.cause === void 0 ? void 0 : { cause: init.cause });
    this.status = init.status;
    this.errorCode = init.errorCode;
    this.serverMessage = init.message;
    this.method = init.method;
    this.path = init.path;
    this.region = init.region;
    this.attempts = init.attempts ?? 1;
    if (init.details !== void 0) this.details = init.details;
    if (init.rawErrorCode !== void 0) this.rawErrorCode = init.rawErrorCode;
    if (init.reasonPhrase !== void 0) this.reasonPhrase = init.reasonPhrase;
    if (init.credentialSource !== void 0) this.credentialSource = init.credentialSource;
    this.message = this.describe();
  }
  /** Records the attempt count once the client gives up, and refreshes the message with it. */
  withAttempts(attempts) {
    this.attempts = attempts;
    this.message = this.describe();
    return this;
  }
  /** What to do about it, or '' when the workspace's message says it all (e.g. a bad field). */
  get hint() {
    const write = this.method !== "GET";
    if (this.errorCode === "RESPONSE_TOO_LARGE")
      return "No Databricks API answers with that much; check what answers at the host (a proxy, a wrong URL).";
    if (this.status === 0) {
      return this.errorCode === "TIMEOUT" ? "The workspace did not answer in time; check that the host is right and the region is up, or raise the timeout." : "The workspace could not be reached; check the host and the network, or whether the region is down.";
    }
    if (this.status === 401) {
      return `No usable credential was sent (none, or of a type this API does not accept); check the region's auth settings${this.credentialSource ? ` (${this.credentialSource})` : ""}.`;
    }
    if (this.status === 403 && isInvalidToken(this)) {
      return `The access token is wrong or expired; check ${this.credentialSource ?? "the environment variable that holds the region token"}.`;
    }
    if (this.status === 403) {
      return write ? "The workspace is read-only or the identity lacks permission for this operation." : "The identity lacks permission to read this.";
    }
    if (this.status === 429) {
      return "Rate limited by the workspace even after retrying; lower the concurrency or the client rate limits.";
    }
    if (this.status === 503) return "The workspace is temporarily unavailable; try again later.";
    if (this.status >= 500) return "The workspace failed to handle the request; try again later.";
    return "";
  }
  /** For people (summaries, PR comments): the region, what happened, and what to do. */
  get userMessage() {
    const what = this.status === 0 ? `${this.serverMessage}` : `${this.errorCode} (HTTP ${this.status}): ${this.serverMessage}`;
    const tries = this.attempts > 1 ? ` (after ${this.attempts} attempts)` : "";
    const hint = this.hint;
    return `Region ${this.region}: ${what}${tries}.${hint ? ` ${hint}` : ""}`.replace(/\.\./g, ".");
  }
  describe() {
    const status = this.status === 0 ? "no response" : `${this.status}`;
    const tries = this.attempts > 1 ? ` after ${this.attempts} attempts` : "";
    const hint = this.hint;
    return `[${this.region}] ${this.method} ${this.path} failed${tries}: ${status} ${this.errorCode}: ${this.serverMessage}${hint ? ` \u2014 ${hint}` : ""}`;
  }
};
var OutcomeUnknownError = class extends Error {
  constructor(method, path, region, cause, attempts) {
    super(
      `[${region}] ${method} ${path}: the request was sent but no answer said whether it was applied (${cause.errorCode}: ${cause.serverMessage}); look the object up by name before creating it again.`
    );
    this.method = method;
    this.path = path;
    this.region = region;
    this.cause = cause;
    this.attempts = attempts;
  }
  method;
  path;
  region;
  cause;
  attempts;
  name = "OutcomeUnknownError";
  get userMessage() {
    return `Region ${this.region}: ${this.method} ${this.path} may or may not have been applied (${this.cause.errorCode}, no answer said which); check by name before retrying.`;
  }
};
function isInvalidToken(err) {
  return /invalid access token/i.test(`${err.reasonPhrase ?? ""} ${err.serverMessage}`);
}
var NOT_EXIST = /\b(Job|Cluster|Run)\b.* does not exist/i;
function endpointEntity(path) {
  const op = path.replace(/^\/api\/[0-9.]+\//, "");
  if (op.endsWith("/create") || op.endsWith("/submit")) return void 0;
  if (op.startsWith("jobs/runs/")) return "run";
  if (op.startsWith("jobs/")) return "job";
  if (op.startsWith("clusters/")) return "cluster";
  return void 0;
}
function isNotFound(err) {
  if (!(err instanceof DatabricksError)) return false;
  if (err.status === 404) return err.errorCode !== "ENDPOINT_NOT_FOUND";
  if (err.errorCode === "RESOURCE_DOES_NOT_EXIST") return true;
  if (err.status === 400 && err.errorCode === "INVALID_PARAMETER_VALUE") {
    const m = NOT_EXIST.exec(err.serverMessage);
    return m !== null && m[1].toLowerCase() === endpointEntity(err.path);
  }
  return false;
}
function isAlreadyExists(err) {
  return err instanceof DatabricksError && (err.errorCode === "RESOURCE_ALREADY_EXISTS" || err.errorCode === "ALREADY_EXISTS" || /already exists/i.test(err.serverMessage));
}
function isInvalidState(err) {
  return err instanceof DatabricksError && err.errorCode === "INVALID_STATE";
}
function isUnreachable(err) {
  return err instanceof DatabricksError && err.errorCode !== "RESPONSE_TOO_LARGE" && (err.status === 0 || err.status === 502 || err.status === 503 || err.status === 504);
}
function isOutcomeUnknown(err) {
  return err instanceof OutcomeUnknownError;
}

// src/core/client/options.ts
var DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
function resolveTimings(options) {
  return {
    maxResponseBytes: positive(options.maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES, "maxResponseBytes"),
    maxConcurrency: positive(options.maxConcurrency, 16, "maxConcurrency"),
    timeoutMs: positive(options.timeoutMs, 6e4, "timeoutMs"),
    deadlineMs: positive(options.deadlineMs, 12e4, "deadlineMs"),
    backoffBaseMs: positive(options.backoffBaseMs, 250, "backoffBaseMs"),
    backoffCapMs: positive(options.backoffCapMs, 1e4, "backoffCapMs")
  };
}
function positive(value, fallback, name) {
  if (value === void 0) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new TypeError(`${name} must be a positive number`);
  return value;
}
function parseHost(region, host) {
  let url;
  try {
    url = new URL(host);
  } catch {
    throw new TypeError(`Region ${region}: host '${host}' is not a URL`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new TypeError(`Region ${region}: host '${host}' must be an http(s) URL`);
  }
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return { url, origin: url.origin, endpoint: `${url.protocol}//${url.hostname}:${port}` };
}
function encodeQuery(query) {
  if (!query) return "";
  const params = new URLSearchParams();
  const add = (key, value) => {
    if (value === void 0 || value === null) return;
    if (Array.isArray(value)) {
      for (const v of value) params.append(key, String(v));
    } else if (typeof value === "object") {
      for (const [k, v] of Object.entries(value)) add(`${key}.${k}`, v);
    } else {
      params.append(key, String(value));
    }
  };
  for (const [k, v] of Object.entries(query)) add(k, v);
  const s = params.toString();
  return s === "" ? "" : `?${s}`;
}

// src/core/client/rate-limits.ts
var DEFAULT_RATE_LIMITS = {
  "workspace-import": 30,
  "workspace-export": 60,
  "workspace-list": 50,
  "workspace-delete": 2,
  // get-status and mkdirs have no documented limit; the list limit is the closest documented one.
  "workspace-other": 50,
  jobs: 20,
  "jobs-delete-update": 10,
  "jobs-runs": 100,
  clusters: void 0,
  secrets: 1100 / 60,
  "permissions-read": 100,
  "permissions-write": 30,
  other: void 0
};
function apiFamily(method, path) {
  const p = path.replace(/^\/api\/[0-9.]+\//, "");
  if (path.startsWith("/api/2.0/workspace-files/import-file")) return "workspace-import";
  if (p.startsWith("workspace/")) {
    const op = p.slice("workspace/".length);
    if (op === "import") return "workspace-import";
    if (op === "export") return "workspace-export";
    if (op === "list") return "workspace-list";
    if (op === "delete") return "workspace-delete";
    return "workspace-other";
  }
  if (p.startsWith("jobs/runs/")) return "jobs-runs";
  if (p === "jobs/delete" || p === "jobs/update") return "jobs-delete-update";
  if (p.startsWith("jobs/")) return "jobs";
  if (p.startsWith("clusters/")) return "clusters";
  if (p.startsWith("secrets/")) return "secrets";
  if (p.startsWith("permissions/")) return method === "GET" ? "permissions-read" : "permissions-write";
  return "other";
}

// src/core/client/rate-limiter.ts
var TokenBucket = class {
  constructor(ratePerSecond, now = Date.now(), capacity) {
    this.ratePerSecond = ratePerSecond;
    this.capacity = capacity ?? Math.max(1, ratePerSecond);
    this.tokens = this.capacity;
    this.last = now;
  }
  ratePerSecond;
  tokens;
  last;
  capacity;
  refill(now) {
    if (now > this.last) {
      this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) / 1e3 * this.ratePerSecond);
      this.last = now;
    }
  }
  /** Books one request; returns the milliseconds to wait before sending it. */
  take(now = Date.now()) {
    this.refill(now);
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil(-this.tokens / this.ratePerSecond * 1e3);
  }
};
function clientBurst(ratePerSecond) {
  return Math.max(1, ratePerSecond - (ratePerSecond >= 10 ? 2 : 1));
}
var Semaphore = class {
  constructor(size) {
    this.size = size;
  }
  size;
  active = 0;
  waiting = [];
  get inUse() {
    return this.active;
  }
  async acquire() {
    if (this.active < this.size) {
      this.active++;
      return;
    }
    await new Promise((resolve) => this.waiting.push(resolve));
  }
  release() {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
};
function resolveRates(option) {
  const rates = {};
  if (option === "off") return rates;
  for (const [family, rate] of Object.entries(DEFAULT_RATE_LIMITS)) {
    if (rate !== void 0) rates[family] = rate;
  }
  if (option === void 0 || option === "default") return rates;
  for (const [family, rate] of Object.entries(option)) {
    if (rate === "off" || rate === void 0) delete rates[family];
    else if (Number.isFinite(rate) && rate > 0) rates[family] = rate;
    else throw new TypeError(`rate limit for ${family} must be a positive number or 'off'`);
  }
  return rates;
}
var RequestGate = class {
  constructor(maxConcurrency, rates, counters, now, sleep) {
    this.rates = rates;
    this.counters = counters;
    this.now = now;
    this.sleep = sleep;
    this.slots = new Semaphore(maxConcurrency);
  }
  rates;
  counters;
  now;
  sleep;
  slots;
  limiters = /* @__PURE__ */ new Map();
  /** The rate for a family (requests per second), or undefined when unlimited. */
  rateLimit(family) {
    return this.rates[family];
  }
  /**
   * Waits for a concurrency slot, then for the family's rate limiter. The rate wait happens while
   * holding the slot so the send goes out at exactly the booked time: booking first and queueing
   * for a slot afterwards could release several booked requests at once, a burst the server would
   * answer with 429s. Every admit is followed by one `release`.
   */
  async admit(family) {
    await this.slots.acquire();
    this.counters.inFlight++;
    this.counters.maxInFlight = Math.max(this.counters.maxInFlight, this.counters.inFlight);
    const limiter = this.limiter(family);
    if (!limiter) return;
    try {
      const paused = limiter.pausedUntil - this.now();
      if (paused > 0) await this.waitForRate(paused);
      const wait = limiter.bucket.take(this.now());
      if (wait > 0) await this.waitForRate(wait);
    } catch (e) {
      this.release();
      throw e;
    }
  }
  release() {
    this.counters.inFlight--;
    this.slots.release();
  }
  /** After a 429 with Retry-After: the family's other requests hold off as long. */
  pause(family, ms) {
    const limiter = this.limiter(family);
    if (limiter) limiter.pausedUntil = Math.max(limiter.pausedUntil, this.now() + ms);
  }
  async waitForRate(ms) {
    this.counters.rateLimitWaits++;
    this.counters.rateLimitWaitMs += ms;
    await this.sleep(ms, "rate-limit");
  }
  limiter(family) {
    const rate = this.rates[family];
    if (rate === void 0) return void 0;
    let limiter = this.limiters.get(family);
    if (!limiter) {
      limiter = { bucket: new TokenBucket(rate, this.now(), clientBurst(rate)), pausedUntil: 0 };
      this.limiters.set(family, limiter);
    }
    return limiter;
  }
};

// src/core/client/request-stats.ts
function emptyStats(region) {
  return {
    region,
    calls: 0,
    requests: 0,
    byFamily: {},
    byMethod: {},
    byEndpoint: {},
    byStatus: {},
    retries: 0,
    retriesByReason: {},
    throttled: 0,
    rateLimitWaits: 0,
    rateLimitWaitMs: 0,
    outcomeUnknown: 0,
    failures: 0,
    inFlight: 0,
    maxInFlight: 0
  };
}
function snapshotStats(c) {
  return {
    ...c,
    byFamily: { ...c.byFamily },
    byMethod: { ...c.byMethod },
    byEndpoint: { ...c.byEndpoint },
    byStatus: { ...c.byStatus },
    retriesByReason: { ...c.retriesByReason }
  };
}
function countAttempt(c, family, method, path) {
  c.requests++;
  c.byFamily[family] = (c.byFamily[family] ?? 0) + 1;
  c.byMethod[method] = (c.byMethod[method] ?? 0) + 1;
  const endpoint = `${method} ${path}`;
  c.byEndpoint[endpoint] = (c.byEndpoint[endpoint] ?? 0) + 1;
}
function countStatus(c, status) {
  c.byStatus[status] = (c.byStatus[status] ?? 0) + 1;
  if (status === 429) c.throttled++;
}
function countRetry(c, reason) {
  c.retries++;
  c.retriesByReason[reason] = (c.retriesByReason[reason] ?? 0) + 1;
}

// src/core/proxy.ts
var PROXY_VARIABLES = ["https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"];
function proxyConfigured(env = process.env) {
  return PROXY_VARIABLES.some((name) => (env[name] ?? "").trim() !== "");
}
function describeProxy(proxy) {
  try {
    const url = new URL(proxy);
    return `${url.protocol}//${url.host}`;
  } catch {
    return "(an unparsable proxy URL)";
  }
}
var ProxyRefusedError = class extends Error {
  constructor(proxy, status, statusText) {
    super(proxyRefusalMessage(proxy, status, statusText));
    this.proxy = proxy;
    this.status = status;
  }
  proxy;
  status;
  name = "ProxyRefusedError";
  code = "PROXY_REFUSED";
};
function proxyRefusalMessage(proxy, status, statusText) {
  const answer = `HTTP ${status}${statusText ? ` ${statusText}` : ""}`;
  const hint = status === 407 ? "it wants credentials: put them in the proxy URL (http://user:password@proxy:port) of HTTPS_PROXY / HTTP_PROXY" : "ask for the host to be allowed through the proxy, or list it in NO_PROXY if it is reachable directly";
  return `the proxy ${describeProxy(proxy)} refused the request (${answer}): ${hint}`;
}
async function proxyAgentFor(url, options = {}) {
  if (!proxyConfigured()) return void 0;
  const { getProxyForUrl } = await import("./proxy-from-env-2IS4XTT5.js");
  const proxy = getProxyForUrl(url);
  if (!proxy) return void 0;
  let agent;
  if (url.startsWith("https:")) {
    const { HttpsProxyAgent } = await import("./dist-GGAEHHFT.js");
    agent = new HttpsProxyAgent(proxy, options);
  } else {
    const { HttpProxyAgent } = await import("./dist-VVJCP7JZ.js");
    agent = new HttpProxyAgent(proxy, options);
  }
  agent.on("proxyConnect", (connect, req) => {
    if (connect.statusCode !== void 0 && connect.statusCode !== 200)
      req.destroy(new ProxyRefusedError(proxy, connect.statusCode, connect.statusText ?? ""));
  });
  return { agent, proxy: describeProxy(proxy) };
}

// src/core/redact.ts
var MIN_SECRET_LENGTH = 4;
var MASK = "***";
function secretForms(value) {
  const forms = /* @__PURE__ */ new Set();
  const add = (form) => {
    if (form.length >= MIN_SECRET_LENGTH) forms.add(form);
  };
  const escaped = JSON.stringify(value).slice(1, -1);
  for (const text of /* @__PURE__ */ new Set([value, escaped, JSON.stringify(escaped).slice(1, -1)])) {
    add(text);
    add(encodeURIComponent(text));
    add(new URLSearchParams({ v: text }).toString().slice(2));
    const bytes = Buffer.from(text, "utf8");
    for (const encoding of ["base64", "base64url"]) {
      add(bytes.toString(encoding));
      add(bytes.toString(encoding).replace(/=+$/, ""));
      for (const offset of [0, 1, 2]) {
        const shifted = Buffer.concat([Buffer.alloc(offset), bytes]).toString(encoding);
        add(shifted.slice(Math.ceil(8 * offset / 6), Math.floor(8 * (offset + bytes.length) / 6)));
      }
    }
  }
  return [...forms].sort((a, b) => b.length - a.length);
}
function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
var Redactor = class {
  values = /* @__PURE__ */ new Set();
  forms = /* @__PURE__ */ new Set();
  pattern;
  constructor(secrets = []) {
    for (const s of secrets) this.add(s);
  }
  /**
   * Registers a secret. Returns the forms not hidden before, for platforms that also mask on their
   * side (the GitHub runner's `add-mask`, Azure Pipelines' `setsecret`).
   */
  add(secret) {
    if (secret.length < MIN_SECRET_LENGTH || this.values.has(secret)) return [];
    this.values.add(secret);
    const fresh = secretForms(secret).filter((f) => !this.forms.has(f));
    for (const f of fresh) this.forms.add(f);
    this.pattern = void 0;
    return fresh;
  }
  /**
   * Every form of `secret` that is hidden once it is registered, for a platform that masks on its
   * side too and has not been told of it yet (a reporter made after the secret was registered).
   */
  formsOf(secret) {
    return secret.length < MIN_SECRET_LENGTH ? [] : secretForms(secret);
  }
  /** Whether any secret is registered. */
  get empty() {
    return this.forms.size === 0;
  }
  /** The text with every form of every registered secret replaced by `***`. */
  redact(text) {
    if (this.forms.size === 0 || text === "") return text;
    this.pattern ??= patternOf(this.forms);
    if (!Array.isArray(this.pattern)) return text.replace(this.pattern, MASK);
    let out = text;
    for (const form of this.pattern) out = out.split(form).join(MASK);
    return out;
  }
};
function patternOf(forms) {
  const sorted = [...forms].sort((a, b) => b.length - a.length);
  try {
    const pattern = new RegExp(sorted.map(escapeRegExp).join("|"), "g");
    pattern.test("");
    pattern.lastIndex = 0;
    return pattern;
  } catch {
    return sorted;
  }
}
var processRedactor = new Redactor();
function redactSecrets(text, secrets) {
  return new Redactor(secrets).redact(text);
}
function redactStrings(value, redact) {
  const visit = (v) => {
    if (typeof v === "string") return redact(v);
    if (Array.isArray(v)) return v.map(visit);
    if (v !== null && typeof v === "object") {
      const out = {};
      for (const [k, x] of Object.entries(v)) out[redact(k)] = visit(x);
      return out;
    }
    return v;
  };
  return visit(value);
}

// src/core/client/transport.ts
import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";

// src/core/version.ts
var VERSION = true ? "0.1.0" : "0.0.0-dev";
var USER_AGENT = `databricks-dr-actions/${VERSION}`;

// src/core/client/transport.ts
var PREMATURE_CLOSE = "ERR_STREAM_PREMATURE_CLOSE";
var TOO_LARGE = "RESPONSE_TOO_LARGE";
function header(headers, name) {
  const v = headers[name];
  return v === void 0 ? null : Array.isArray(v) ? v.join(", ") : v;
}
function selectTransport(url, agentOptions, onProxy) {
  const https = url.protocol === "https:";
  const sendRequest = https ? httpsRequest : httpRequest;
  const direct = () => ({
    agent: https ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions),
    sendRequest
  });
  if (!proxyConfigured()) return direct();
  return proxyAgentFor(url.href, agentOptions).then((proxied) => {
    if (!proxied) return direct();
    onProxy(proxied.proxy);
    return { agent: proxied.agent, sendRequest };
  });
}
function closeTransport(transport) {
  if (transport instanceof Promise)
    void transport.then(
      (t) => t.agent.destroy(),
      () => {
      }
    );
  else transport.agent.destroy();
}
async function requestHeaders(tokenProvider, hasBody) {
  const headers = { Accept: "application/json", "User-Agent": USER_AGENT };
  if (hasBody) headers["Content-Type"] = "application/json";
  const secrets = [];
  const extra = tokenProvider.headers ? await tokenProvider.headers() : {};
  for (const [k, v] of Object.entries(extra)) {
    headers[k] = v;
    secrets.push(v);
  }
  const token = await tokenProvider.token();
  if (token !== "") {
    headers.Authorization = `Bearer ${token}`;
    secrets.push(token);
  }
  return { headers, secrets };
}
async function exchange(transport, request) {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, request.timeoutMs);
  try {
    return { ok: true, answer: await send(await transport, request, controller.signal) };
  } catch (error) {
    return { ok: false, error, timedOut };
  } finally {
    clearTimeout(timer);
  }
}
function send({ agent, sendRequest }, request, signal) {
  const { method, url, headers, body, maxResponseBytes } = request;
  return new Promise((resolve, reject) => {
    const outgoing = typeof body === "string" ? Buffer.from(body, "utf8") : body;
    if (outgoing) headers["Content-Length"] = String(outgoing.length);
    const req = sendRequest(url, { method, headers, agent, signal }, (res) => {
      const chunks = [];
      let ended = false;
      let received = 0;
      res.on("data", (chunk) => {
        received += chunk.length;
        if (received > maxResponseBytes) {
          chunks.length = 0;
          ended = true;
          reject(Object.assign(new Error("answer too large"), { code: TOO_LARGE }));
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on("end", () => {
        ended = true;
        resolve({
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? "",
          headers: res.headers,
          text: Buffer.concat(chunks).toString("utf8")
        });
      });
      res.on("error", reject);
      res.on("close", () => {
        if (!ended) {
          const e = new Error("premature close: the connection closed before the whole answer arrived");
          reject(Object.assign(e, { code: PREMATURE_CLOSE }));
        }
      });
    });
    req.on("error", reject);
    req.end(outgoing);
  });
}

// src/core/client/retry.ts
var NON_IDEMPOTENT = /* @__PURE__ */ new Set(["jobs/create", "clusters/create", "secrets/scopes/create"]);
function isNonIdempotent(method, path, body) {
  if (method === "GET") return false;
  const op = path.replace(/^\/api\/[0-9.]+\//, "");
  if (NON_IDEMPOTENT.has(op)) return true;
  if (op === "jobs/run-now" || op === "jobs/runs/submit") {
    const token = typeof body === "object" && body !== null ? body.idempotency_token : void 0;
    return typeof token !== "string" || token === "";
  }
  return false;
}
function parseRetryAfter(value, now = Date.now()) {
  if (value === null) return void 0;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1e3;
  const date = Date.parse(v);
  return Number.isNaN(date) ? void 0 : Math.max(0, date - now);
}
function backoffDelay(failures, baseMs, capMs, random) {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(failures - 1, 30));
  return Math.floor(random() * ceiling);
}
function attemptError(ctx, status, errorCode, message, cause) {
  return new DatabricksError({
    status,
    errorCode,
    message,
    method: ctx.method,
    path: ctx.path,
    region: ctx.region,
    credentialSource: ctx.credentialSource,
    cause
  });
}
function failure(kind, reason, error) {
  return { ok: false, kind, reason, error };
}
function classifyAnswer(ctx, res, scrub) {
  const { status, text } = res;
  if (status >= 200 && status < 300) {
    if (text.trim() === "") return { ok: true, value: {} };
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch {
      const error2 = attemptError(ctx, status, "MALFORMED_RESPONSE", `the ${status} answer is not JSON`);
      return failure("final", "malformed", error2);
    }
  }
  if (status === 407 && ctx.proxy) {
    const message = proxyRefusalMessage(ctx.proxy, status, res.statusText);
    return failure("final", "proxy", attemptError(ctx, 0, "PROXY_REFUSED", message));
  }
  const parsed = parseErrorBody(status, scrub(text), scrub(res.statusText));
  const reasonPhrase = header(res.headers, "x-databricks-reason-phrase") ?? void 0;
  const error = new DatabricksError({
    status,
    errorCode: parsed.errorCode,
    message: parsed.message,
    method: ctx.method,
    path: ctx.path,
    region: ctx.region,
    details: parsed.details,
    rawErrorCode: parsed.rawErrorCode,
    reasonPhrase: reasonPhrase === void 0 ? void 0 : scrub(reasonPhrase),
    credentialSource: ctx.credentialSource
  });
  if (status === 429 || status === 503) {
    const retryAfterMs = parseRetryAfter(header(res.headers, "retry-after"), Date.now());
    const refused = status === 429 || parsed.errorCode === "REQUEST_LIMIT_EXCEEDED";
    return {
      ok: false,
      error,
      kind: refused ? "rejected" : "maybe-applied",
      reason: String(status),
      retryAfterMs
    };
  }
  if (status === 500 || status === 502 || status === 504) return failure("maybe-applied", "5xx", error);
  return failure("final", String(status), error);
}
function scrubber(secrets, redact) {
  return (t) => redact(redactSecrets(t, secrets));
}
var UNSENT_CODES = /* @__PURE__ */ new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);
function classifyTransportFailure(ctx, e, timedOut, timeoutMs) {
  const { method, path, endpoint, proxy } = ctx;
  if (e?.code === TOO_LARGE) {
    const mb = Math.round(ctx.maxResponseBytes / 1024 / 1024 * 10) / 10;
    const message2 = `the answer to ${method} ${path} exceeded ${mb} MB`;
    return failure("final", "too-large", attemptError(ctx, 0, TOO_LARGE, message2, e));
  }
  if (timedOut) {
    const message2 = `no answer from ${endpoint} within ${formatMs(timeoutMs)}`;
    return failure("maybe-applied", "timeout", attemptError(ctx, 0, "TIMEOUT", message2, e));
  }
  if (!isNetworkError(e)) {
    throw e;
  }
  if (e instanceof ProxyRefusedError) {
    return failure("final", "proxy", attemptError(ctx, 0, e.code, e.message));
  }
  const code = e.code ?? "";
  if (UNSENT_CODES.has(code)) {
    const message2 = `could not connect to ${endpoint} (${code}${proxy ? `, through the proxy ${proxy}` : ""})`;
    return failure("unsent", "refused", attemptError(ctx, 0, "CONNECTION_REFUSED", message2, e));
  }
  if (/CERT|SSL|TLS|SELF_SIGNED/.test(code)) {
    const message2 = `TLS failure with ${endpoint} (${code})`;
    return failure("final", "tls", attemptError(ctx, 0, "NETWORK_ERROR", message2, e));
  }
  const reason = describeReason(e.message) + (proxy ? ` (through the proxy ${proxy})` : "");
  const reset = code === "ECONNRESET" || code === "EPIPE" || code === PREMATURE_CLOSE || /socket hang up|other side closed|premature close|ECONNRESET/i.test(e.message);
  const errorCode = reset ? "CONNECTION_RESET" : "NETWORK_ERROR";
  const message = reset ? `the connection to ${endpoint} was closed before an answer arrived (${reason})` : `${endpoint}: ${reason}`;
  return failure("maybe-applied", reset ? "reset" : "network", attemptError(ctx, 0, errorCode, message, e));
}
function formatMs(ms) {
  return ms % 1e3 === 0 ? `${ms / 1e3} s` : `${ms} ms`;
}
function isNetworkError(e) {
  if (!(e instanceof Error) || e instanceof TypeError || e instanceof RangeError) return false;
  if (e.name === "AbortError") return true;
  const { code, syscall } = e;
  if (typeof syscall === "string") return true;
  if (typeof code !== "string") return false;
  return !code.startsWith("ERR_") || code === PREMATURE_CLOSE || /CERT|SSL|TLS/.test(code);
}
function describeReason(message) {
  const m = /reason: (.*)$/s.exec(message);
  const reason = m ? m[1] : message;
  return reason.replace(/https?:\/\/\S+/g, "<url>").trim();
}

// src/core/client/paging.ts
async function* followPages(fetchPage) {
  const seen = /* @__PURE__ */ new Set();
  let token;
  do {
    const page = await fetchPage(token);
    yield page;
    token = page.next_page_token || void 0;
    if (token !== void 0) {
      if (seen.has(token)) break;
      seen.add(token);
    }
  } while (token !== void 0);
}

// src/core/client/http.ts
var defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
var HttpClient = class {
  region;
  /** The workspace origin, without a trailing slash. */
  host;
  /** scheme://host:port, the port always shown: what a connection error names. */
  endpoint;
  timings;
  tokenProvider;
  /** The keep-alive agent, direct or through a proxy (decided once: the host never changes). */
  transport;
  /** The proxy the requests go through, for messages; set once the transport is chosen. */
  proxy;
  logger;
  redact;
  sleep;
  random;
  now;
  gate;
  counters;
  constructor(options) {
    this.region = options.region;
    const { url, origin, endpoint } = parseHost(options.region, options.host);
    this.host = origin;
    this.endpoint = endpoint;
    this.timings = resolveTimings(options);
    this.tokenProvider = options.tokenProvider;
    const agentOptions = { keepAlive: true, maxSockets: this.timings.maxConcurrency };
    this.transport = selectTransport(url, agentOptions, (proxy) => {
      this.proxy = proxy;
    });
    this.logger = options.logger ?? nullLogger;
    this.redact = options.redact ?? ((text) => text);
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.counters = emptyStats(this.region);
    const rates = resolveRates(options.rateLimits);
    this.gate = new RequestGate(this.timings.maxConcurrency, rates, this.counters, this.now, this.sleep);
  }
  /** A snapshot of the counters. */
  stats() {
    return snapshotStats(this.counters);
  }
  /** The client's rate for a family (requests per second), or undefined when unlimited. */
  rateLimit(family) {
    return this.gate.rateLimit(family);
  }
  /** Closes idle keep-alive sockets so the process can exit. */
  close() {
    closeTransport(this.transport);
  }
  get(path, query, options = {}) {
    return this.request("GET", path, { ...options, query });
  }
  /** `body` is serialised as JSON; a Buffer is taken as JSON already encoded. */
  post(path, body, options = {}) {
    return this.request("POST", path, { ...options, body });
  }
  async request(method, path, options = {}) {
    const idempotent = options.idempotent ?? !isNonIdempotent(method, path, options.body);
    const call = {
      method,
      path,
      url: `${this.host}${path}${encodeQuery(options.query)}`,
      family: apiFamily(method, path),
      body: options.body === void 0 || method === "GET" ? void 0 : Buffer.isBuffer(options.body) ? options.body : JSON.stringify(options.body)
    };
    const deadlineMs = options.deadlineMs ?? this.timings.deadlineMs;
    this.counters.calls++;
    let attempt = 0;
    let started;
    let lostEarlier = false;
    for (; ; ) {
      attempt++;
      await this.gate.admit(call.family);
      started ??= this.now();
      const remaining = deadlineMs - (this.now() - started);
      const timeoutMs = Math.min(options.timeoutMs ?? this.timings.timeoutMs, Math.max(remaining, 1e3));
      let result;
      try {
        result = await this.attempt(call, timeoutMs);
      } finally {
        this.gate.release();
      }
      if (result.ok) return result.value;
      const { error, kind } = result;
      if (kind === "final") return this.finalError(call, error, attempt, lostEarlier, options);
      if (kind === "maybe-applied" && !idempotent) throw this.outcomeUnknown(call, error, attempt);
      if (kind === "maybe-applied") lostEarlier = true;
      if (error.status === 429 && result.retryAfterMs !== void 0)
        this.gate.pause(call.family, result.retryAfterMs);
      const wait = result.retryAfterMs ?? this.backoff(attempt);
      if (this.now() + wait - started > deadlineMs) {
        this.logger.debug(
          `${this.region}: ${method} ${path}: giving up after ${attempt} attempts (deadline)`
        );
        throw this.fail(error.withAttempts(attempt));
      }
      countRetry(this.counters, result.reason);
      this.logger.debug(
        `${this.region}: ${method} ${path}: ${error.status || error.errorCode}, retrying in ${wait} ms (attempt ${attempt + 1})`
      );
      await this.sleep(wait, "retry");
    }
  }
  /**
   * A final error ends the call, unless an earlier attempt's answer was lost and the caller reads
   * this error as that attempt's doing (`afterLostAttempt`).
   */
  finalError(call, error, attempt, lostEarlier, options) {
    const verdict = lostEarlier && options.afterLostAttempt ? options.afterLostAttempt(error) : "error";
    if (verdict === "success") {
      this.logger.debug(
        `${this.region}: ${call.method} ${call.path}: ${error.errorCode} after a lost answer; the earlier attempt was applied`
      );
      return {};
    }
    if (verdict === "unknown") throw this.outcomeUnknown(call, error, attempt);
    throw this.fail(error.withAttempts(attempt));
  }
  backoff(failures) {
    return backoffDelay(failures, this.timings.backoffBaseMs, this.timings.backoffCapMs, this.random);
  }
  fail(error) {
    this.counters.failures++;
    return error;
  }
  outcomeUnknown(call, cause, attempts) {
    const { method, path } = call;
    this.counters.failures++;
    this.counters.outcomeUnknown++;
    this.logger.debug(`${this.region}: ${method} ${path}: answer lost (${cause.errorCode}); outcome unknown`);
    return new OutcomeUnknownError(method, path, this.region, cause.withAttempts(attempts), attempts);
  }
  context(call) {
    return {
      method: call.method,
      path: call.path,
      region: this.region,
      endpoint: this.endpoint,
      proxy: this.proxy,
      credentialSource: this.tokenProvider.source,
      maxResponseBytes: this.timings.maxResponseBytes
    };
  }
  async attempt(call, timeoutMs) {
    const { method, path, url, body } = call;
    const { headers, secrets } = await requestHeaders(this.tokenProvider, body !== void 0);
    countAttempt(this.counters, call.family, method, path);
    const t0 = performance.now();
    const { maxResponseBytes } = this.timings;
    const sent = await exchange(this.transport, { method, url, headers, body, timeoutMs, maxResponseBytes });
    if (!sent.ok) {
      countStatus(this.counters, 0);
      return classifyTransportFailure(this.context(call), sent.error, sent.timedOut, timeoutMs);
    }
    countStatus(this.counters, sent.answer.status);
    this.logger.debug(
      `${this.region}: ${method} ${path} \u2192 ${sent.answer.status} in ${Math.round(performance.now() - t0)} ms`
    );
    return classifyAnswer(this.context(call), sent.answer, scrubber(secrets, this.redact));
  }
};

// src/core/client/assets.ts
var SQL_DASHBOARDS = "/api/2.0/preview/sql/dashboards";
var SQL_DASHBOARDS_PAGE = 250;
var MAX_NUMBERED_PAGES = 1e4;
var LISTINGS = {
  pipelines: {
    path: "/api/2.0/pipelines",
    size: ["max_results", 100],
    items: "statuses",
    id: "pipeline_id",
    name: "name"
  },
  alerts: {
    path: "/api/2.0/sql/alerts",
    size: ["page_size", 100],
    items: "results",
    id: "id",
    name: "display_name"
  },
  queries: {
    path: "/api/2.0/sql/queries",
    size: ["page_size", 100],
    items: "results",
    id: "id",
    name: "display_name"
  },
  dashboards: {
    path: "/api/2.0/lakeview/dashboards",
    size: ["page_size", 1e3],
    items: "dashboards",
    id: "dashboard_id",
    name: "display_name"
  },
  destinations: {
    path: "/api/2.0/notification-destinations",
    size: ["page_size", 100],
    items: "results",
    id: "id",
    name: "display_name"
  }
};
var AssetsApi = class {
  constructor(http) {
    this.http = http;
  }
  http;
  /** Every object of a kind, as id and name (all pages). */
  async listAll(kind) {
    if (kind === "sqlDashboards") return this.listSqlDashboards();
    const l = LISTINGS[kind];
    const out = [];
    for await (const page of followPages(
      (token) => this.http.get(l.path, { [l.size[0]]: l.size[1], page_token: token })
    )) {
      const items = page[l.items];
      if (!Array.isArray(items)) continue;
      for (const item of items)
        if (typeof item[l.id] === "string" && typeof item[l.name] === "string")
          out.push({ id: item[l.id], name: item[l.name] });
    }
    return out;
  }
  /** The SDK's iterator: the next page number until a page comes back empty (no token, no total). */
  async listSqlDashboards() {
    const out = [];
    for (let page = 1; page <= MAX_NUMBERED_PAGES; page++) {
      const res = await this.http.get(SQL_DASHBOARDS, {
        page,
        page_size: SQL_DASHBOARDS_PAGE
      });
      const items = res.results ?? [];
      if (items.length === 0) break;
      for (const item of items)
        if (typeof item.id === "string" && typeof item.name === "string")
          out.push({ id: item.id, name: item.name });
      if (items.length < SQL_DASHBOARDS_PAGE) break;
    }
    return out;
  }
};

// src/core/client/clusters.ts
var BASE = "/api/2.1/clusters";
var ClustersApi = class {
  constructor(http) {
    this.http = http;
  }
  http;
  /** Not idempotent (names are not unique): a lost answer throws OutcomeUnknownError (createAtMostOnce). */
  create(spec) {
    return this.http.post(`${BASE}/create`, spec);
  }
  /**
   * Replaces the spec. A running cluster restarts, so an edit retried after a lost answer can meet
   * INVALID_STATE (the first edit's restart): that is reported as OutcomeUnknownError.
   */
  async edit(clusterId, spec) {
    await this.http.post(
      `${BASE}/edit`,
      { ...spec, cluster_id: clusterId },
      { afterLostAttempt: (err) => isInvalidState(err) ? "unknown" : "error" }
    );
  }
  get(clusterId) {
    return this.http.get(`${BASE}/get`, { cluster_id: clusterId });
  }
  /** clusters/get, or undefined when the cluster does not exist (400 or 404 form). */
  async tryGet(clusterId) {
    try {
      return await this.get(clusterId);
    } catch (e) {
      if (isNotFound(e)) return void 0;
      throw e;
    }
  }
  /** Every page of clusters/list. */
  async *listPages(options = {}) {
    yield* followPages(
      (token) => this.http.get(`${BASE}/list`, {
        filter_by: {
          cluster_sources: options.clusterSources,
          cluster_states: options.clusterStates,
          is_pinned: options.isPinned,
          policy_id: options.policyId
        },
        page_size: options.pageSize,
        page_token: token
      })
    );
  }
  /** Every cluster (pinned, active, and terminated in the last 30 days), across pages. */
  async *list(options = {}) {
    for await (const page of this.listPages(options)) yield* page.clusters ?? [];
  }
  async listAll(options = {}) {
    const all = [];
    for await (const c of this.list(options)) all.push(c);
    return all;
  }
  /** The node type ids the workspace offers. */
  async listNodeTypes() {
    const res = await this.http.get(
      `${BASE}/list-node-types`
    );
    return (res.node_types ?? []).map((t) => t.node_type_id);
  }
  /** The Databricks Runtime keys (`spark_version`) the workspace offers. */
  async sparkVersions() {
    const res = await this.http.get(`${BASE}/spark-versions`);
    return (res.versions ?? []).map((v) => v.key);
  }
  /** Terminates (asynchronously); a no-op on a terminated cluster. */
  async delete(clusterId) {
    await this.http.post(`${BASE}/delete`, { cluster_id: clusterId });
  }
  /** Alias of `delete`, named for what it does. */
  terminate(clusterId) {
    return this.delete(clusterId);
  }
  async start(clusterId) {
    await this.http.post(`${BASE}/start`, { cluster_id: clusterId });
  }
  /** Removes the cluster for good. "Does not exist" after a lost answer means it is done. */
  async permanentDelete(clusterId) {
    await this.http.post(
      `${BASE}/permanent-delete`,
      { cluster_id: clusterId },
      { afterLostAttempt: (err) => isNotFound(err) ? "success" : "error" }
    );
  }
  /** Keeps a terminated cluster from being deleted after 30 days. */
  async pin(clusterId) {
    await this.http.post(`${BASE}/pin`, { cluster_id: clusterId });
  }
  async unpin(clusterId) {
    await this.http.post(`${BASE}/unpin`, { cluster_id: clusterId });
  }
};

// src/core/client/compute.ts
var ComputeApi = class {
  constructor(http) {
    this.http = http;
  }
  http;
  /** Every cluster policy (the API answers in one page; `policies` is absent when there are none). */
  async listPolicies() {
    const res = await this.http.get("/api/2.0/policies/clusters/list");
    return res.policies ?? [];
  }
  async listInstancePools() {
    const res = await this.http.get("/api/2.0/instance-pools/list");
    return res.instance_pools ?? [];
  }
  async listWarehouses() {
    const res = await this.http.get("/api/2.0/sql/warehouses");
    return res.warehouses ?? [];
  }
};

// src/core/client/jobs.ts
var BASE2 = "/api/2.2/jobs";
var JOB_PAGED = ["tasks", "job_clusters", "parameters", "environments"];
var RUN_PAGED = [
  "tasks",
  "job_clusters",
  "job_parameters",
  "parameters",
  "environments",
  "iterations"
];
var deleted = { afterLostAttempt: (err) => isNotFound(err) ? "success" : "error" };
var JobsApi = class {
  constructor(http) {
    this.http = http;
  }
  http;
  /**
   * Not idempotent: a lost answer throws OutcomeUnknownError and the caller looks the job up by
   * name (`list({name})`) before creating it again (createAtMostOnce).
   */
  create(settings) {
    return this.http.post(`${BASE2}/create`, settings);
  }
  /** Replaces all settings. */
  async reset(jobId, newSettings) {
    await this.http.post(`${BASE2}/reset`, { job_id: jobId, new_settings: newSettings });
  }
  /** Replaces the given top-level fields; tasks and job clusters merge by key. */
  async update(jobId, changes) {
    await this.http.post(`${BASE2}/update`, {
      job_id: jobId,
      ...changes.newSettings ? { new_settings: changes.newSettings } : {},
      ...changes.fieldsToRemove ? { fields_to_remove: changes.fieldsToRemove } : {}
    });
  }
  /**
   * The whole job. 2.2 returns at most 100 tasks, job clusters, parameters and environments per
   * answer; this follows `next_page_token` and appends the later pages' arrays.
   */
  async get(jobId) {
    let first;
    for await (const page of followPages(
      (token) => this.http.get(`${BASE2}/get`, { job_id: jobId, page_token: token })
    )) {
      if (!first) first = page;
      else
        mergeArrays(
          first.settings,
          page.settings,
          JOB_PAGED
        );
    }
    delete first.next_page_token;
    return first;
  }
  /** jobs/get, or undefined when the job does not exist (400 or 404 form). */
  async tryGet(jobId) {
    try {
      return await this.get(jobId);
    } catch (e) {
      if (isNotFound(e)) return void 0;
      throw e;
    }
  }
  /** Every page of jobs/list. `name` is an exact, case-insensitive match. */
  async *listPages(options = {}) {
    yield* followPages(
      (token) => this.http.get(`${BASE2}/list`, {
        name: options.name,
        expand_tasks: options.expandTasks,
        limit: options.limit ?? 100,
        page_token: token
      })
    );
  }
  /**
   * Every job, across pages. With `expandTasks`, a 2.2 listing shows at most 100 tasks and job
   * clusters per job and marks the rest with `has_more`; such a job is completed with jobs/get (as
   * the official SDKs do), so a caller always sees the whole job.
   */
  async *list(options = {}) {
    for await (const page of this.listPages(options)) {
      for (const job of page.jobs ?? []) {
        if (!options.expandTasks || job.has_more !== true) {
          yield job;
          continue;
        }
        const whole = await this.get(job.job_id);
        const settings = { ...job.settings };
        for (const key of JOB_PAGED) {
          if (whole.settings[key] === void 0) delete settings[key];
          else settings[key] = whole.settings[key];
        }
        const { has_more: _, ...rest } = job;
        yield { ...rest, settings };
      }
    }
  }
  async listAll(options = {}) {
    const all = [];
    for await (const job of this.list(options)) all.push(job);
    return all;
  }
  async delete(jobId) {
    await this.http.post(`${BASE2}/delete`, { job_id: jobId }, deleted);
  }
  /**
   * Starts a run. Without `idempotency_token` a lost answer throws OutcomeUnknownError (a retry
   * could start a second run); with one, it is retried like any idempotent write.
   */
  runNow(jobId, request = {}) {
    return this.http.post(`${BASE2}/run-now`, { ...request, job_id: jobId });
  }
  /** The whole run, following 2.2 array paging like `get`. */
  async getRun(runId) {
    const first = await this.http.get(`${BASE2}/runs/get`, {
      run_id: runId
    });
    let token = first.next_page_token;
    const seen = /* @__PURE__ */ new Set();
    while (token && !seen.has(token)) {
      seen.add(token);
      const page = await this.http.get(`${BASE2}/runs/get`, {
        run_id: runId,
        page_token: token
      });
      mergeArrays(first, page, RUN_PAGED);
      token = page.next_page_token;
    }
    delete first.next_page_token;
    return first;
  }
  /** Every run, newest first, across pages. */
  async *listRuns(options = {}) {
    let token;
    const seen = /* @__PURE__ */ new Set();
    do {
      const page = await this.http.get(`${BASE2}/runs/list`, {
        job_id: options.jobId,
        active_only: options.activeOnly,
        completed_only: options.completedOnly,
        expand_tasks: options.expandTasks,
        limit: options.limit ?? 25,
        page_token: token
      });
      yield* page.runs ?? [];
      token = page.next_page_token || void 0;
      if (token !== void 0 && seen.has(token)) break;
      if (token !== void 0) seen.add(token);
    } while (token !== void 0);
  }
  async cancelRun(runId) {
    await this.http.post(`${BASE2}/runs/cancel`, { run_id: runId });
  }
  /** Cancels every active run of a job (failover `--cancel-runs`). */
  async cancelAllRuns(jobId, options = {}) {
    await this.http.post(`${BASE2}/runs/cancel-all`, {
      job_id: jobId,
      ...options.allQueuedRuns ? { all_queued_runs: true } : {}
    });
  }
};
function mergeArrays(into, from, keys) {
  if (!from) return;
  for (const key of keys) {
    const more = from[key];
    if (!Array.isArray(more) || more.length === 0) continue;
    const have = into[key];
    into[key] = Array.isArray(have) ? [...have, ...more] : [...more];
  }
}

// src/core/client/permissions.ts
var BASE3 = "/api/2.0/permissions";
var PermissionsApi = class {
  constructor(http) {
    this.http = http;
  }
  http;
  /** Every principal's permissions on the object, direct and inherited. */
  async get(type, id) {
    const res = await this.http.get(`${BASE3}/${type}/${id}`);
    return res.access_control_list ?? [];
  }
  /** Replaces the object's direct permissions with `acl` (PUT: a repeat writes the same list). */
  async set(type, id, acl) {
    await this.http.request("PUT", `${BASE3}/${type}/${id}`, { body: { access_control_list: acl } });
  }
};

// src/core/client/pipelines.ts
var BASE4 = "/api/2.0/pipelines";
var PAGE = 100;
var ACTIVE_UPDATE = /* @__PURE__ */ new Set([
  "CREATED",
  "QUEUED",
  "INITIALIZING",
  "RESETTING",
  "SETTING_UP_TABLES",
  "RUNNING",
  "WAITING_FOR_RESOURCES",
  "STOPPING"
]);
function isPipelineActive(p) {
  if (p.state && ["RUNNING", "STARTING", "DEPLOYING", "RECOVERING", "RESETTING"].includes(p.state))
    return true;
  const latest = p.latest_updates?.[0]?.state;
  return latest !== void 0 && ACTIVE_UPDATE.has(latest) && latest !== "STOPPING";
}
function nameFilter(name) {
  return `name LIKE '${name.replace(/'/g, "''").replace(/[%_\\]/g, (c) => `\\${c}`)}'`;
}
var PipelinesApi = class {
  constructor(http) {
    this.http = http;
  }
  http;
  /**
   * Not idempotent: a lost answer throws OutcomeUnknownError and the caller looks the pipeline up
   * by name and owner tag before creating it again (createAtMostOnce).
   */
  create(settings) {
    return this.http.request("POST", BASE4, { body: settings, idempotent: false });
  }
  /** Replaces all settings (PUT: a repeat writes the same settings). */
  async edit(pipelineId, settings) {
    await this.http.request("PUT", `${BASE4}/${pipelineId}`, {
      body: { ...settings, id: pipelineId }
    });
  }
  get(pipelineId) {
    return this.http.get(`${BASE4}/${pipelineId}`);
  }
  /** Every pipeline matching `filter` (e.g. nameFilter(name)), all pages. */
  async listAll(filter) {
    const out = [];
    for await (const page of followPages(
      (token) => this.http.get(BASE4, {
        max_results: PAGE,
        filter,
        page_token: token
      })
    ))
      out.push(...page.statuses ?? []);
    return out;
  }
  /** "Does not exist" after a lost answer means the lost attempt already deleted it. */
  async delete(pipelineId) {
    await this.http.request("DELETE", `${BASE4}/${pipelineId}`, {
      afterLostAttempt: (err) => isNotFound(err) ? "success" : "error"
    });
  }
  /** Stops the active update, if any (a stopped pipeline answers OK). */
  async stop(pipelineId) {
    await this.http.post(`${BASE4}/${pipelineId}/stop`, {});
  }
  /** Starts an update. Not idempotent: a lost answer is not retried. */
  startUpdate(pipelineId, options = {}) {
    return this.http.request("POST", `${BASE4}/${pipelineId}/updates`, {
      body: { cause: "API_CALL", ...options.fullRefresh ? { full_refresh: true } : {} },
      idempotent: false
    });
  }
  /** The most recent updates, newest first (one page). */
  async listUpdates(pipelineId, maxResults = 25) {
    const res = await this.http.get(`${BASE4}/${pipelineId}/updates`, {
      max_results: maxResults
    });
    return res.updates ?? [];
  }
};

// src/core/client/scim.ts
var BASE5 = "/api/2.0/preview/scim/v2";
var RESOURCES = {
  user: { resource: "Users", attribute: "userName" },
  group: { resource: "Groups", attribute: "displayName" },
  "service principal": { resource: "ServicePrincipals", attribute: "applicationId" }
};
var ScimApi = class {
  constructor(http) {
    this.http = http;
  }
  http;
  me() {
    return this.http.get(`${BASE5}/Me`);
  }
  /** Whether a principal of that kind and name exists (a filtered list: one request). */
  async exists(kind, name) {
    const { resource, attribute } = RESOURCES[kind];
    const res = await this.http.get(`${BASE5}/${resource}`, {
      filter: `${attribute} eq "${name.replace(/"/g, '\\"')}"`
    });
    return (res.Resources?.length ?? res.totalResults ?? 0) > 0;
  }
};

// src/core/client/secrets.ts
var BASE6 = "/api/2.0/secrets";
var notFoundIsDone = {
  afterLostAttempt: (err) => isNotFound(err) ? "success" : "error"
};
var SecretsApi = class {
  constructor(http) {
    this.http = http;
  }
  http;
  /**
   * Not idempotent (a second create fails with "already exists", which after a lost answer would
   * be ambiguous): a lost answer throws OutcomeUnknownError. Create through createAtMostOnce.
   */
  async createScope(request) {
    await this.http.post(`${BASE6}/scopes/create`, request);
  }
  async listScopes() {
    const res = await this.http.get(`${BASE6}/scopes/list`);
    return res.scopes ?? [];
  }
  async deleteScope(scope) {
    await this.http.post(`${BASE6}/scopes/delete`, { scope }, notFoundIsDone);
  }
  /** Creates or overwrites a secret. The value never appears in any message. */
  async putSecret(scope, key, value) {
    const v = typeof value === "string" ? { string_value: value } : value;
    await this.http.post(`${BASE6}/put`, { scope, key, ...v });
  }
  async listSecrets(scope) {
    const res = await this.http.get(`${BASE6}/list`, { scope });
    return res.secrets ?? [];
  }
  async deleteSecret(scope, key) {
    await this.http.post(`${BASE6}/delete`, { scope, key }, notFoundIsDone);
  }
  /** Creates or overwrites the principal's permission. */
  async putAcl(scope, principal, permission) {
    await this.http.post(`${BASE6}/acls/put`, { scope, principal, permission });
  }
  /** The scope's ACLs (the API lists them under `items`, absent when none). */
  async listAcls(scope) {
    const res = await this.http.get(`${BASE6}/acls/list`, { scope });
    return res.items ?? [];
  }
  getAcl(scope, principal) {
    return this.http.get(`${BASE6}/acls/get`, { scope, principal });
  }
  async deleteAcl(scope, principal) {
    await this.http.post(`${BASE6}/acls/delete`, { scope, principal }, notFoundIsDone);
  }
};

// src/core/client/json-body.ts
var SLICE = 3 * 16 * 1024;
function jsonWithBase64(fields, key, bytes) {
  const leading = JSON.stringify(fields).slice(0, -1);
  const head = Buffer.from(`${leading}${leading === "{" ? "" : ","}${JSON.stringify(key)}:"`, "utf8");
  const tail = Buffer.from('"}', "utf8");
  const encodedLength = 4 * Math.ceil(bytes.length / 3);
  const out = Buffer.allocUnsafe(head.length + encodedLength + tail.length);
  let at = head.copy(out, 0);
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < source.length; i += SLICE)
    at += out.write(source.subarray(i, i + SLICE).toString("base64"), at, "latin1");
  tail.copy(out, at);
  return out;
}

// src/core/client/workspace.ts
var BASE7 = "/api/2.0/workspace";
var WorkspaceApi = class {
  constructor(http) {
    this.http = http;
  }
  http;
  /**
   * Imports one object. Without `overwrite`, a retry after a lost answer can meet the object the
   * lost attempt created: that "already exists" is then reported as OutcomeUnknownError, because
   * the object may equally have been there before.
   */
  async import(request, bounds = {}) {
    await this.http.post(`${BASE7}/import`, request, {
      ...bounds,
      afterLostAttempt: (err) => !request.overwrite && isAlreadyExists(err) ? "unknown" : "error"
    });
  }
  /** Imports bytes or text, encoding them as base64 for the JSON body. */
  importContent(path, content, options = {}, bounds = {}) {
    const buffer = typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content);
    return this.import({ path, ...options, content: buffer.toString("base64") }, bounds);
  }
  /**
   * Imports a ZIP of source files as the new folder `path`: one request for a whole directory
   * (`format: SOURCE` with `language` unset, reference §12). Never with `overwrite` (replacing a
   * directory is not documented). A retry after a lost answer that meets "already exists" cannot
   * tell its own folder from one that was there: reported as OutcomeUnknownError.
   */
  async importDirectory(path, zip, bounds = {}) {
    await this.http.post(`${BASE7}/import`, jsonWithBase64({ path, format: "SOURCE" }, "content", zip), {
      ...bounds,
      afterLostAttempt: (err) => isAlreadyExists(err) ? "unknown" : "error"
    });
  }
  export(path, format = "SOURCE", bounds = {}) {
    return this.http.get(`${BASE7}/export`, { path, format }, bounds);
  }
  /** Exports and decodes the content. */
  async exportContent(path, format = "SOURCE") {
    const res = await this.export(path, format);
    return Buffer.from(res.content ?? "", "base64");
  }
  /**
   * The folder's direct children (no paging in this API). `objects` is absent when the folder is
   * empty, hence []. `notebooksModifiedAfter` (epoch ms) finds hand edits on workspaces whose
   * get-status gives no `modified_at` for notebooks.
   */
  async list(path, options = {}) {
    const res = await this.http.get(`${BASE7}/list`, {
      path,
      notebooks_modified_after: options.notebooksModifiedAfter
    });
    return res.objects ?? [];
  }
  getStatus(path) {
    return this.http.get(`${BASE7}/get-status`, { path });
  }
  /** get-status, or undefined when the path does not exist. */
  async tryGetStatus(path) {
    try {
      return await this.getStatus(path);
    } catch (e) {
      if (isNotFound(e)) return void 0;
      throw e;
    }
  }
  /** The permissions of a folder, direct and inherited (`/api/2.0/permissions/directories/{id}`). */
  async directoryPermissions(path) {
    const status = await this.getStatus(path);
    const res = await this.http.get(
      `/api/2.0/permissions/directories/${status.object_id}`
    );
    return res.access_control_list ?? [];
  }
  /** Creates the folder and its parents; an existing folder is fine. */
  async mkdirs(path, bounds = {}) {
    await this.http.post(`${BASE7}/mkdirs`, { path }, bounds);
  }
  /**
   * Deletes an object (a folder only with `recursive`). "Does not exist" after a lost answer means
   * the lost attempt did it.
   */
  async delete(path, options = {}) {
    await this.http.post(
      `${BASE7}/delete`,
      { path, recursive: options.recursive ?? false },
      { afterLostAttempt: (err) => isNotFound(err) ? "success" : "error" }
    );
  }
};

// src/core/client/create.ts
async function createAtMostOnce({
  create,
  lookUp,
  attempts = 4,
  backoffMs = (n) => Math.min(250 * 2 ** (n - 1), 4e3)
}) {
  let maybeApplied = false;
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (err) {
      const ours = isOutcomeUnknown(err) || maybeApplied && isAlreadyExists(err);
      if (!ours) throw err;
      maybeApplied = true;
      const found = await lookUp();
      if (found !== void 0) return found;
      if (attempt >= attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
    }
  }
}

// src/core/client/index.ts
var DatabricksClient = class {
  region;
  host;
  /** The transport, for calls the typed modules do not cover (`http.get`, `http.post`). */
  http;
  workspace;
  jobs;
  clusters;
  secrets;
  /** Lakeflow Declarative Pipelines. */
  pipelines;
  /** Pipelines, SQL alerts and queries, dashboards, notification destinations, by name. */
  assets;
  /** Cluster policies, instance pools and SQL warehouses. */
  compute;
  /** Permissions on jobs, clusters and pipelines. */
  permissions;
  /** Users, groups and service principals (SCIM). */
  scim;
  #me;
  constructor(options) {
    this.http = new HttpClient(options);
    this.region = this.http.region;
    this.host = this.http.host;
    this.workspace = new WorkspaceApi(this.http);
    this.jobs = new JobsApi(this.http);
    this.clusters = new ClustersApi(this.http);
    this.secrets = new SecretsApi(this.http);
    this.pipelines = new PipelinesApi(this.http);
    this.assets = new AssetsApi(this.http);
    this.compute = new ComputeApi(this.http);
    this.permissions = new PermissionsApi(this.http);
    this.scim = new ScimApi(this.http);
  }
  /**
   * Who these credentials are, asked once per client: the identity cannot change while a command
   * runs, and preflight, secret scope ACLs and permissions all need it. A failed answer is not kept.
   */
  me() {
    this.#me ??= this.scim.me().catch((err) => {
      this.#me = void 0;
      throw err;
    });
    return this.#me;
  }
  /** Request counts by family, method, endpoint and status, plus retries and limiter waits. */
  stats() {
    return this.http.stats();
  }
  /** Releases the keep-alive sockets (call when done, so a CLI process can exit promptly). */
  close() {
    this.http.close();
  }
};

// src/core/errors.ts
var ConfigurationError = class extends Error {
  name = "ConfigurationError";
};
var UsageError = class extends Error {
  constructor(message, hint) {
    super(message);
    this.hint = hint;
  }
  hint;
  name = "UsageError";
};
function formatDiagnostic(d) {
  const where = `${d.file}:${d.line}:${d.column}`;
  const region = d.region ? ` [region ${d.region}]` : "";
  const severity = d.severity === "warning" ? "warning: " : "";
  return `${where}: ${severity}${d.message}${region} (${d.pointer || "/"})`;
}
var ValidationError = class extends ConfigurationError {
  constructor(diagnostics, options = {}) {
    super(
      diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic).join("\n") || "validation failed"
    );
    this.diagnostics = diagnostics;
    this.reported = options.reported ?? false;
  }
  diagnostics;
  name = "ValidationError";
  /** True when every diagnostic was already shown (annotated) by the engine. */
  reported;
};

// src/core/state/lock.ts
function lockFilePath(configName) {
  return `/Shared/.databricks-dr/${configName}/lock.json`;
}
function stateFolder(configName) {
  return `/Shared/.databricks-dr/${configName}`;
}
var DEFAULT_LOCK_WAIT_SECONDS = 300;
var DEFAULT_LOCK_LEASE_SECONDS = 120;
var LockHeldError = class extends ConfigurationError {
  constructor(region, record, waitedMs) {
    super(
      `region ${region}: the lock is held by ${describeHolder(record)}; waited ${Math.round(waitedMs / 1e3)} s. If that run is dead, remove its lock with \`databricks-dr unlock --region ${region}\` (or wait until its lease expires at ${record?.expires_at ?? "an unknown time"})`
    );
    this.region = region;
    this.record = record;
  }
  region;
  record;
  name = "LockHeldError";
};
function describeHolder(record) {
  if (!record) return "an unreadable lock file";
  const h = record.holder;
  return `${h.command} of ${h.identity} (host ${h.host}, pid ${h.pid}) since ${record.since}`;
}
function lockHolder(identity, command) {
  return { identity, command, host: os.hostname(), pid: process.pid };
}
async function readLock(client, configName) {
  let text;
  try {
    text = (await client.workspace.exportContent(lockFilePath(configName), "AUTO")).toString("utf8");
  } catch (err) {
    if (isNotFound(err)) return { present: false };
    throw err;
  }
  try {
    const value = JSON.parse(text);
    if (typeof value?.token === "string" && typeof value.expires_at === "string" && value.holder)
      return { record: value, present: true };
  } catch {
  }
  return { present: true };
}
var held = /* @__PURE__ */ new Set();
var RegionLock = class {
  constructor(region, client, configName, record, timing) {
    this.region = region;
    this.client = client;
    this.configName = configName;
    this.record = record;
    this.timing = timing;
    held.add(this);
    this.timer = setInterval(() => void this.renew(), Math.max(50, timing.leaseMs / 3));
    this.timer.unref();
  }
  region;
  client;
  configName;
  record;
  timing;
  timer;
  /** Set when a renewal found the lock gone or taken over: this run no longer holds it. */
  lost;
  /** Extends the lease when the lock is still this run's; notes the loss otherwise. */
  async renew() {
    try {
      const { record } = await readLock(this.client, this.configName);
      if (record?.token !== this.record.token) {
        this.lost = `the lock of region ${this.region} was taken over by ${describeHolder(record)}`;
        this.stop();
        return;
      }
      const now = (this.timing.now ?? Date.now)();
      this.record = {
        ...this.record,
        renewed_at: new Date(now).toISOString(),
        expires_at: new Date(now + this.timing.leaseMs).toISOString()
      };
      await writeLock(this.client, this.configName, this.record, true);
    } catch {
    }
  }
  /** Throws when this run no longer holds the lock: it must not write the region's state. */
  assertHeld() {
    if (this.lost) throw new Error(`${this.lost}; this run stops writing there`);
  }
  /** Deletes the lock when it is still this run's. Never throws: it runs on every exit path. */
  async release() {
    this.stop();
    if (this.lost) return;
    try {
      const { record } = await readLock(this.client, this.configName);
      if (record?.token === this.record.token)
        await this.client.workspace.delete(lockFilePath(this.configName));
    } catch {
    }
  }
  stop() {
    clearInterval(this.timer);
    held.delete(this);
  }
};
async function writeLock(client, configName, record, overwrite, bounds = {}) {
  const text = `${JSON.stringify(record, null, 2)}
`;
  const write = () => client.workspace.importContent(lockFilePath(configName), text, { format: "AUTO", overwrite }, bounds);
  try {
    await write();
  } catch (err) {
    if (!isNotFound(err)) throw err;
    await client.workspace.mkdirs(stateFolder(configName), bounds);
    await write();
  }
}
async function acquireLock(client, options) {
  const now = options.now ?? Date.now;
  const started = now();
  const token = randomUUID();
  let told = false;
  let first = true;
  for (; ; ) {
    const at = now();
    const record = {
      version: 1,
      token,
      holder: options.holder,
      since: new Date(at).toISOString(),
      renewed_at: new Date(at).toISOString(),
      expires_at: new Date(at + options.leaseMs).toISOString()
    };
    try {
      await writeLock(client, options.configName, record, false, first ? options.probe : {});
      return new RegionLock(options.region, client, options.configName, record, options);
    } catch (err) {
      if (!isAlreadyExists(err) && !isOutcomeUnknown(err)) throw err;
    }
    first = false;
    const found = await readLock(client, options.configName);
    if (!found.present) continue;
    if (found.record?.token === token)
      return new RegionLock(options.region, client, options.configName, found.record, options);
    if (!found.record || Date.parse(found.record.expires_at) <= now()) {
      options.notify(
        `region ${options.region}: took over the lock of ${describeHolder(found.record)}: its lease expired${found.record ? ` at ${found.record.expires_at}` : ""} (that run is taken to be dead)`
      );
      await deleteIfUnchanged(client, options.configName, found.record);
      continue;
    }
    const waited = now() - started;
    if (waited >= options.waitMs) throw new LockHeldError(options.region, found.record, waited);
    if (!told) {
      options.notify(
        `region ${options.region}: waiting up to ${Math.round((options.waitMs - waited) / 1e3)} s for the lock held by ${describeHolder(found.record)}`
      );
      told = true;
    }
    const pause = Math.min(options.pollMs ?? 1e3, options.waitMs - waited);
    await new Promise((resolve) => setTimeout(resolve, Math.max(1, pause)));
  }
}
async function deleteIfUnchanged(client, configName, expired) {
  const again = await readLock(client, configName);
  if (!again.present) return;
  if (again.record?.token !== expired?.token || again.record?.expires_at !== expired?.expires_at) return;
  try {
    await client.workspace.delete(lockFilePath(configName));
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}
async function removeLock(client, configName) {
  try {
    await client.workspace.delete(lockFilePath(configName));
    return true;
  } catch (err) {
    if (isNotFound(err)) return false;
    throw err;
  }
}
async function releaseAllLocks(timeoutMs = 5e3) {
  const timeout = new Promise((resolve) => setTimeout(resolve, timeoutMs).unref());
  await Promise.race([Promise.all([...held].map((l) => l.release())), timeout]);
}
var signalsInstalled = false;
function releaseLocksOnSignals(exit = (code) => process.exit(code)) {
  if (signalsInstalled) return;
  signalsInstalled = true;
  const numbers = { SIGINT: 2, SIGTERM: 15 };
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      void releaseAllLocks().finally(() => exit(128 + numbers[signal]));
    });
  }
}

export {
  ConfigurationError,
  UsageError,
  formatDiagnostic,
  ValidationError,
  nullLogger,
  streamLogger,
  processRedactor,
  redactSecrets,
  redactStrings,
  VERSION,
  DatabricksError,
  isNotFound,
  isUnreachable,
  isOutcomeUnknown,
  proxyConfigured,
  proxyRefusalMessage,
  proxyAgentFor,
  isPipelineActive,
  nameFilter,
  createAtMostOnce,
  DatabricksClient,
  lockFilePath,
  stateFolder,
  DEFAULT_LOCK_WAIT_SECONDS,
  DEFAULT_LOCK_LEASE_SECONDS,
  LockHeldError,
  describeHolder,
  lockHolder,
  readLock,
  RegionLock,
  acquireLock,
  removeLock,
  releaseAllLocks,
  releaseLocksOnSignals
};
