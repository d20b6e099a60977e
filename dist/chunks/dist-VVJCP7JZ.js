import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  Agent,
  createNegotiateAuth
} from "./chunk-QDHJAOCT.js";
import {
  require_src
} from "./chunk-AIK262FI.js";
import {
  __toESM
} from "./chunk-HANBNIMK.js";

// node_modules/http-proxy-agent/dist/index.js
var import_debug = __toESM(require_src(), 1);
import * as net from "net";
import * as tls from "tls";
import { once } from "events";
import { URL } from "url";
var debug = (0, import_debug.default)("http-proxy-agent");
var HttpProxyAgent = class extends Agent {
  constructor(proxy, opts) {
    super(opts);
    this.proxy = typeof proxy === "string" ? new URL(proxy) : proxy;
    this.proxyHeaders = opts?.headers ?? {};
    debug("Creating new HttpProxyAgent instance: %o", this.proxy.href);
    if (opts?.negotiate) {
      this.onProxyAuth = createNegotiateAuth();
    } else if (opts?.onProxyAuth) {
      this.onProxyAuth = opts.onProxyAuth;
    }
    const host = (this.proxy.hostname || this.proxy.host).replace(/^\[|\]$/g, "");
    const port = this.proxy.port ? parseInt(this.proxy.port, 10) : this.proxy.protocol === "https:" ? 443 : 80;
    this.connectOpts = {
      ...opts ? omit(opts, "headers", "onProxyAuth", "negotiate") : null,
      host,
      port
    };
  }
  addRequest(req, opts) {
    req._header = null;
    this.setRequestProps(req, opts);
    super.addRequest(req, opts);
  }
  setRequestProps(req, opts) {
    const { proxy } = this;
    const protocol = opts.secureEndpoint ? "https:" : "http:";
    const hostname = req.getHeader("host") || "localhost";
    const base = `${protocol}//${hostname}`;
    const url = new URL(req.path, base);
    if (opts.port !== 80) {
      url.port = String(opts.port);
    }
    req.path = String(url);
    const headers = typeof this.proxyHeaders === "function" ? this.proxyHeaders() : { ...this.proxyHeaders };
    if (proxy.username || proxy.password) {
      const auth = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
      headers["Proxy-Authorization"] = `Basic ${Buffer.from(auth).toString("base64")}`;
    }
    if (!headers["Proxy-Connection"]) {
      headers["Proxy-Connection"] = this.keepAlive ? "Keep-Alive" : "close";
    }
    for (const name of Object.keys(headers)) {
      const value = headers[name];
      if (value) {
        req.setHeader(name, value);
      }
    }
  }
  async connect(req, opts) {
    req._header = null;
    if (!req.path.includes("://")) {
      this.setRequestProps(req, opts);
    }
    let first;
    let endOfHeaders;
    debug("Regenerating stored HTTP header string for request");
    req._implicitHeader();
    if (req.outputData && req.outputData.length > 0) {
      debug("Patching connection write() output buffer with updated header");
      first = req.outputData[0].data;
      endOfHeaders = first.indexOf("\r\n\r\n") + 4;
      req.outputData[0].data = req._header + first.substring(endOfHeaders);
      debug("Output buffer: %o", req.outputData[0].data);
    }
    let socket;
    if (this.proxy.protocol === "https:") {
      debug("Creating `tls.Socket`: %o", this.connectOpts);
      socket = tls.connect(this.connectOpts);
    } else {
      debug("Creating `net.Socket`: %o", this.connectOpts);
      socket = net.connect(this.connectOpts);
    }
    await once(socket, "connect");
    const connect3 = { socket };
    req.emit("proxyConnect", connect3);
    this.emit("proxyConnect", connect3, req);
    req.emit("proxy", { proxy: this.proxy.href, socket });
    return socket;
  }
};
HttpProxyAgent.protocols = ["http", "https"];
function omit(obj, ...keys) {
  const ret = {};
  let key;
  for (key in obj) {
    if (!keys.includes(key)) {
      ret[key] = obj[key];
    }
  }
  return ret;
}
export {
  HttpProxyAgent
};
