import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  FormData,
  fetch_blob_default,
  formDataToBlob
} from "./chunk-JZRJ656T.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-HANBNIMK.js";

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar2(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap2;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar2;
    exports.isSeq = isSeq2;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit2(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    function visit_(key, node, visitor, path5) {
      const ctrl = callVisitor(key, node, visitor, path5);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path5, ctrl);
        return visit_(key, ctrl, visitor, path5);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path5 = Object.freeze(path5.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path5);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path5 = Object.freeze(path5.concat(node));
          const ck = visit_("key", node.key, visitor, path5);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path5);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path5) {
      const ctrl = await callVisitor(key, node, visitor, path5);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path5, ctrl);
        return visitAsync_(key, ctrl, visitor, path5);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path5 = Object.freeze(path5.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path5);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path5 = Object.freeze(path5.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path5);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path5);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path5) {
      if (typeof visitor === "function")
        return visitor(key, node, path5);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path5);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path5);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path5);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path5);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path5);
      return void 0;
    }
    function replaceNode(key, path5, node) {
      const parent = path5[path5.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit2;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix2] = parts;
            this.tags[handle] = prefix2;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix2 = this.tags[handle];
        if (prefix2) {
          try {
            return prefix2 + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix2] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix2))
            return handle + escapeTagName(tag.substring(prefix2.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit2.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix2] of tagEntries) {
          if (handle === "!!" && prefix2 === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix2)))
            lines.push(`%TAG ${handle} ${prefix2}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit2.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix2, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix2}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix2) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix2, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value2, arg, ctx) {
      if (Array.isArray(value2))
        return value2.map((v, i) => toJS(v, String(i), ctx));
      if (value2 && typeof value2.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value2))
          return value2.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value2, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value2.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value2 === "bigint" && !ctx?.keep)
        return Number(value2);
      return value2;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit2 = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit2.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value2) => !value2 || typeof value2 !== "function" && typeof value2 !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value2) {
        super(identity.SCALAR);
        this.value = value2;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value2, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value2) && !t.format);
    }
    function createNode(value2, tagName, ctx) {
      if (identity.isDocument(value2))
        value2 = value2.contents;
      if (identity.isNode(value2))
        return value2;
      if (identity.isPair(value2)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value2);
        return map;
      }
      if (value2 instanceof String || value2 instanceof Number || value2 instanceof Boolean || typeof BigInt !== "undefined" && value2 instanceof BigInt) {
        value2 = value2.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value2 && typeof value2 === "object") {
        ref = sourceObjects.get(value2);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value2));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value2, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value2, tagName, schema.tags);
      if (!tagObj) {
        if (value2 && typeof value2.toJSON === "function") {
          value2 = value2.toJSON();
        }
        if (!value2 || typeof value2 !== "object") {
          const node2 = new Scalar.Scalar(value2);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value2 instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value2) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value2, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value2, ctx) : new Scalar.Scalar(value2);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path5, value2) {
      let v = value2;
      for (let i = path5.length - 1; i >= 0; --i) {
        const k = path5[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path5) => path5 == null || typeof path5 === "object" && !!path5[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path5, value2) {
        if (isEmptyPath(path5))
          this.add(value2);
        else {
          const [key, ...rest] = path5;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value2);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value2));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path5) {
        const [key, ...rest] = path5;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path5, keepScalar) {
        const [key, ...rest] = path5;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path5) {
        const [key, ...rest] = path5;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path5, value2) {
        const [key, ...rest] = path5;
        if (rest.length === 0) {
          this.set(key, value2);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value2);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value2));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value2, ctx) {
      const json = JSON.stringify(value2);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value2) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value2, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value2.includes("\n") || /[ \t]\n|\n[ \t]/.test(value2))
        return doubleQuotedString(value2, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value2) ? "  " : "");
      const res = "'" + value2.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value2, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value2.includes('"');
        const hasSingle = value2.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value2, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value: value2 }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value2)) {
        return quotedString(value2, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value2) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value2, lineWidth, indent.length);
      if (!value2)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value2.length; endStart > 0; --endStart) {
        const ch = value2[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value2.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value2 === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value2 = value2.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value2.length; ++startEnd) {
        const ch = value2[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value2.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value2 = value2.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header2 = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header2 += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value2.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header2}
${indent}${body}`;
      }
      value2 = value2.replace(/\n+/g, `$&${indent}`);
      return `|${header2}
${indent}${start}${value2}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value: value2 } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value2.includes("\n") || inFlow && /[[\]{},]/.test(value2)) {
        return quotedString(value2, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value2)) {
        return implicitKey || inFlow || !value2.includes("\n") ? quotedString(value2, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value2.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value2)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value2, ctx);
        }
      }
      const str = value2.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value2, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value: value2 }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value2 == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value2 == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value2 == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value2)) {
        vsb = !!value2.spaceBefore;
        vcb = value2.commentBefore;
        valueComment = value2.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value2 && typeof value2 === "object")
          value2 = doc.createNode(value2);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value2))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value2) && !value2.flow && !value2.tag && !value2.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value2, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value2)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value2.flow ?? value2.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value2) => value2 === MERGE_KEY || typeof value2 === "symbol" && value2.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value2) {
      const source = resolveAliasValue(ctx, value2);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value2) {
      const source = resolveAliasValue(ctx, value2);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value3] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value3);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value3,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value2) {
      return ctx && identity.isAlias(value2) ? value2.resolve(ctx.doc, ctx) : value2;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value: value2 }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value2);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value2);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value2, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value2, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value2, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value2, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value2 = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value2;
      }
      clone(schema) {
        let { key, value: value2 } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value2))
          value2 = value2.clone(schema);
        return new _Pair(key, value2);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value2) => {
          if (typeof replacer === "function")
            value2 = replacer.call(obj, key, value2);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value2 !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value2, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value2] of obj)
            add(key, value2);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value2) {
        this.add(new Pair.Pair(key, value2), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value2) {
        this.items.push(value2);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value2) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value2))
          prev.value = value2;
        else
          this.items[idx] = value2;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value2) => typeof value2 === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value2) => value2 == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value2) => typeof value2 === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value: value2 }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value2 === sv)
            return source;
        }
        return value2 ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format: format2, minFractionDigits, tag, value: value2 }) {
      if (typeof value2 === "bigint")
        return String(value2);
      const num = typeof value2 === "number" ? value2 : Number(value2);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value2, -0) ? "-0" : JSON.stringify(value2);
      if (!format2 && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value2) => typeof value2 === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value2) => typeof value2 === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value2) => typeof value2 === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value2) => typeof value2 === "bigint" || Number.isInteger(value2);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix2) {
      const { value: value2 } = node;
      if (intIdentify(value2) && value2 >= 0)
        return prefix2 + value2.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value2) => intIdentify(value2) && value2 >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value2) => intIdentify(value2) && value2 >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value2) {
      return typeof value2 === "bigint" || Number.isInteger(value2);
    }
    var stringifyJSON = ({ value: value2 }) => JSON.stringify(value2);
    var jsonScalars = [
      {
        identify: (value2) => typeof value2 === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value2) => value2 == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value2) => typeof value2 === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value: value2 }) => intIdentify(value2) ? value2.toString() : JSON.stringify(value2)
      },
      {
        identify: (value2) => typeof value2 === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value2) => value2 instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value: value2 }, ctx, onComment, onChompKeep) {
        if (!value2)
          return "";
        const buf = value2;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value2;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value2 = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value2 = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value2, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value2;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value2 = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value2);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value2) => value2 instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value: value2, source }, ctx) {
      const boolObj = value2 ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value2 ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value2) => value2 === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value2) => value2 === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value2) => typeof value2 === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value2) => typeof value2 === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value2) => typeof value2 === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value2) => typeof value2 === "bigint" || Number.isInteger(value2);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix2) {
      const { value: value2 } = node;
      if (intIdentify(value2)) {
        const str = value2.toString(radix);
        return value2 < 0 ? "-" + prefix2 + str.substr(1) : prefix2 + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value2) {
        if (typeof value2 !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value2}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value2) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value2) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value2 of iterable) {
            if (typeof replacer === "function")
              value2 = replacer.call(iterable, value2, value2);
            set2.items.push(Pair.createPair(value2, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value2) => value2 instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value: value2 } = node;
      let num = (n) => n;
      if (typeof value2 === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value2) || !isFinite(value2))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value2 < 0) {
        sign = "-";
        value2 *= num(-1);
      }
      const _60 = num(60);
      const parts = [value2 % _60];
      if (value2 < 60) {
        parts.unshift(0);
      } else {
        value2 = (value2 - parts[0]) / _60;
        parts.unshift(value2 % _60);
        if (value2 >= 60) {
          value2 = (value2 - parts[0]) / _60;
          parts.unshift(value2);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value2) => typeof value2 === "bigint" || Number.isInteger(value2),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value2) => typeof value2 === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value2) => value2 instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value: value2 }) => value2?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value2, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value2 === void 0 ? null : this.createNode(value2, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value2) {
        if (assertCollection(this.contents))
          this.contents.add(value2);
      }
      /** Adds a value to the document. */
      addIn(path5, value2) {
        if (assertCollection(this.contents))
          this.contents.addIn(path5, value2);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value2, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value2 = replacer.call({ "": value2 }, "", value2);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value2, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value2, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value2, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path5) {
        if (Collection.isEmptyPath(path5)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path5) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path5, keepScalar) {
        if (Collection.isEmptyPath(path5))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path5, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path5) {
        if (Collection.isEmptyPath(path5))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path5) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value2) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value2);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value2);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path5, value2) {
        if (Collection.isEmptyPath(path5)) {
          this.contents = value2;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path5), value2);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path5, value2);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message2) {
        super();
        this.name = name;
        this.code = code;
        this.message = message2;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message2) {
        super("YAMLParseError", pos, code, message2);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message2) {
        super("YAMLWarning", pos, code, message2);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys: uniqueKeys2 } = ctx.options;
      if (uniqueKeys2 === false)
        return false;
      const isEqual = typeof uniqueKeys2 === "function" ? uniqueKeys2 : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep, value: value2 } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value2,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value2?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value2 ? composeNode(ctx, value2, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value2, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value: value2 } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value2,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value2) {
            if (value2?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value2 ? composeNode(ctx, value2, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value2, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap2 = fc.start.source === "{";
      const fcName = isMap2 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap2 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value: value2 } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value2) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap2 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap2 && !sep && !props.found) {
          const valueNode = value2 ? composeNode(ctx, value2, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value2))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value2,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap2 && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value2) {
            if ("source" in value2 && value2.source?.[0] === ":")
              onError(value2, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value2 ? composeNode(ctx, value2, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value2))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap2) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap2 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message2 = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message2);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header2 = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header2)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header2.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value3 = header2.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header2.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value3, type, comment: header2.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header2.indent;
      let offset = scalar.offset + header2.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header2.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message2 = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message2);
          }
          if (header2.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message2 = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message2);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value2 = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value2 += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header2.indent ? "explicit indentation indicator" : "first line";
          const message2 = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message2);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value2 += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value2 += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value2 += "\n";
          else
            sep = "\n";
        } else {
          value2 += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header2.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value2 += "\n" + lines[i][0].slice(trimIndent);
          if (value2[value2.length - 1] !== "\n")
            value2 += "\n";
          break;
        default:
          value2 += "\n";
      }
      const end = start + header2.length + scalar.source.length;
      return { value: value2, type, comment: header2.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message2 = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message2);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message2 = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message2);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value2;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value2 = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value2 = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value2 = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value: value2,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value: value2, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value2, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value2, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value2, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value2);
      }
      scalar.range = range;
      scalar.source = value2;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value2, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value2))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value2, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value2)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value2)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message2 = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message2);
          }
          break;
        default: {
          const message2 = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message2);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value: value2, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value2 ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value2 && (value2.type === "block-map" || value2.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value2 ? composeNode.composeNode(ctx, value2, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message2, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message2));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message2));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message2, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message2, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message2) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message2);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message2);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value2, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value: value2 }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value2, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header2 = token.props[0];
            if (header2.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header2.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value: value2 }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header2 = token.props[0];
        if (header2.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header2.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value: value2 }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value2)
        res += stringifyToken(value2);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit2(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    visit2.itemAtPath = (cst, path5) => {
      let item = cst;
      for (const [field, index] of path5) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit2.parentCollection = (cst, path5) => {
      const parent = visit2.itemAtPath(cst, path5.slice(0, -1));
      const field = path5[path5.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path5, item, visitor) {
      let ctrl = visitor(item, path5);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path5.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path5);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path5) : ctrl;
    }
    exports.visit = visit2;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar2 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar2;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty2(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty2(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty2(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty2(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty2(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty2(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty2(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty2(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty2(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty2(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty2(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty2(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message2 = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message: message2, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message2 = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message: message2 };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar.end) {
            sep = scalar.end;
            sep.push(this.sourceToken);
            delete scalar.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse2(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value2, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value2 === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value2) && !_replacer)
        return value2.toString(options);
      return new Document.Document(value2, _replacer, options).toString(options);
    }
    exports.parse = parse2;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit2 = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit2.visit;
    exports.visitAsync = visit2.visitAsync;
  }
});

// node_modules/ajv/dist/compile/codegen/code.js
var require_code = __commonJS({
  "node_modules/ajv/dist/compile/codegen/code.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.regexpCode = exports.getEsmExportName = exports.getProperty = exports.safeStringify = exports.stringify = exports.strConcat = exports.addCodeArg = exports.str = exports._ = exports.nil = exports._Code = exports.Name = exports.IDENTIFIER = exports._CodeOrName = void 0;
    var _CodeOrName = class {
    };
    exports._CodeOrName = _CodeOrName;
    exports.IDENTIFIER = /^[a-z$_][a-z$_0-9]*$/i;
    var Name = class extends _CodeOrName {
      constructor(s) {
        super();
        if (!exports.IDENTIFIER.test(s))
          throw new Error("CodeGen: name must be a valid identifier");
        this.str = s;
      }
      toString() {
        return this.str;
      }
      emptyStr() {
        return false;
      }
      get names() {
        return { [this.str]: 1 };
      }
    };
    exports.Name = Name;
    var _Code = class extends _CodeOrName {
      constructor(code) {
        super();
        this._items = typeof code === "string" ? [code] : code;
      }
      toString() {
        return this.str;
      }
      emptyStr() {
        if (this._items.length > 1)
          return false;
        const item = this._items[0];
        return item === "" || item === '""';
      }
      get str() {
        var _a;
        return (_a = this._str) !== null && _a !== void 0 ? _a : this._str = this._items.reduce((s, c) => `${s}${c}`, "");
      }
      get names() {
        var _a;
        return (_a = this._names) !== null && _a !== void 0 ? _a : this._names = this._items.reduce((names, c) => {
          if (c instanceof Name)
            names[c.str] = (names[c.str] || 0) + 1;
          return names;
        }, {});
      }
    };
    exports._Code = _Code;
    exports.nil = new _Code("");
    function _(strs, ...args) {
      const code = [strs[0]];
      let i = 0;
      while (i < args.length) {
        addCodeArg(code, args[i]);
        code.push(strs[++i]);
      }
      return new _Code(code);
    }
    exports._ = _;
    var plus = new _Code("+");
    function str(strs, ...args) {
      const expr = [safeStringify(strs[0])];
      let i = 0;
      while (i < args.length) {
        expr.push(plus);
        addCodeArg(expr, args[i]);
        expr.push(plus, safeStringify(strs[++i]));
      }
      optimize(expr);
      return new _Code(expr);
    }
    exports.str = str;
    function addCodeArg(code, arg) {
      if (arg instanceof _Code)
        code.push(...arg._items);
      else if (arg instanceof Name)
        code.push(arg);
      else
        code.push(interpolate(arg));
    }
    exports.addCodeArg = addCodeArg;
    function optimize(expr) {
      let i = 1;
      while (i < expr.length - 1) {
        if (expr[i] === plus) {
          const res = mergeExprItems(expr[i - 1], expr[i + 1]);
          if (res !== void 0) {
            expr.splice(i - 1, 3, res);
            continue;
          }
          expr[i++] = "+";
        }
        i++;
      }
    }
    function mergeExprItems(a, b) {
      if (b === '""')
        return a;
      if (a === '""')
        return b;
      if (typeof a == "string") {
        if (b instanceof Name || a[a.length - 1] !== '"')
          return;
        if (typeof b != "string")
          return `${a.slice(0, -1)}${b}"`;
        if (b[0] === '"')
          return a.slice(0, -1) + b.slice(1);
        return;
      }
      if (typeof b == "string" && b[0] === '"' && !(a instanceof Name))
        return `"${a}${b.slice(1)}`;
      return;
    }
    function strConcat(c1, c2) {
      return c2.emptyStr() ? c1 : c1.emptyStr() ? c2 : str`${c1}${c2}`;
    }
    exports.strConcat = strConcat;
    function interpolate(x) {
      return typeof x == "number" || typeof x == "boolean" || x === null ? x : safeStringify(Array.isArray(x) ? x.join(",") : x);
    }
    function stringify(x) {
      return new _Code(safeStringify(x));
    }
    exports.stringify = stringify;
    function safeStringify(x) {
      return JSON.stringify(x).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
    }
    exports.safeStringify = safeStringify;
    function getProperty(key) {
      return typeof key == "string" && exports.IDENTIFIER.test(key) ? new _Code(`.${key}`) : _`[${key}]`;
    }
    exports.getProperty = getProperty;
    function getEsmExportName(key) {
      if (typeof key == "string" && exports.IDENTIFIER.test(key)) {
        return new _Code(`${key}`);
      }
      throw new Error(`CodeGen: invalid export name: ${key}, use explicit $id name mapping`);
    }
    exports.getEsmExportName = getEsmExportName;
    function regexpCode(rx) {
      return new _Code(rx.toString());
    }
    exports.regexpCode = regexpCode;
  }
});

// node_modules/ajv/dist/compile/codegen/scope.js
var require_scope = __commonJS({
  "node_modules/ajv/dist/compile/codegen/scope.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ValueScope = exports.ValueScopeName = exports.Scope = exports.varKinds = exports.UsedValueState = void 0;
    var code_1 = require_code();
    var ValueError = class extends Error {
      constructor(name) {
        super(`CodeGen: "code" for ${name} not defined`);
        this.value = name.value;
      }
    };
    var UsedValueState;
    (function(UsedValueState2) {
      UsedValueState2[UsedValueState2["Started"] = 0] = "Started";
      UsedValueState2[UsedValueState2["Completed"] = 1] = "Completed";
    })(UsedValueState || (exports.UsedValueState = UsedValueState = {}));
    exports.varKinds = {
      const: new code_1.Name("const"),
      let: new code_1.Name("let"),
      var: new code_1.Name("var")
    };
    var Scope = class {
      constructor({ prefixes, parent } = {}) {
        this._names = {};
        this._prefixes = prefixes;
        this._parent = parent;
      }
      toName(nameOrPrefix) {
        return nameOrPrefix instanceof code_1.Name ? nameOrPrefix : this.name(nameOrPrefix);
      }
      name(prefix2) {
        return new code_1.Name(this._newName(prefix2));
      }
      _newName(prefix2) {
        const ng = this._names[prefix2] || this._nameGroup(prefix2);
        return `${prefix2}${ng.index++}`;
      }
      _nameGroup(prefix2) {
        var _a, _b;
        if (((_b = (_a = this._parent) === null || _a === void 0 ? void 0 : _a._prefixes) === null || _b === void 0 ? void 0 : _b.has(prefix2)) || this._prefixes && !this._prefixes.has(prefix2)) {
          throw new Error(`CodeGen: prefix "${prefix2}" is not allowed in this scope`);
        }
        return this._names[prefix2] = { prefix: prefix2, index: 0 };
      }
    };
    exports.Scope = Scope;
    var ValueScopeName = class extends code_1.Name {
      constructor(prefix2, nameStr) {
        super(nameStr);
        this.prefix = prefix2;
      }
      setValue(value2, { property, itemIndex }) {
        this.value = value2;
        this.scopePath = (0, code_1._)`.${new code_1.Name(property)}[${itemIndex}]`;
      }
    };
    exports.ValueScopeName = ValueScopeName;
    var line = (0, code_1._)`\n`;
    var ValueScope = class extends Scope {
      constructor(opts) {
        super(opts);
        this._values = {};
        this._scope = opts.scope;
        this.opts = { ...opts, _n: opts.lines ? line : code_1.nil };
      }
      get() {
        return this._scope;
      }
      name(prefix2) {
        return new ValueScopeName(prefix2, this._newName(prefix2));
      }
      value(nameOrPrefix, value2) {
        var _a;
        if (value2.ref === void 0)
          throw new Error("CodeGen: ref must be passed in value");
        const name = this.toName(nameOrPrefix);
        const { prefix: prefix2 } = name;
        const valueKey = (_a = value2.key) !== null && _a !== void 0 ? _a : value2.ref;
        let vs = this._values[prefix2];
        if (vs) {
          const _name = vs.get(valueKey);
          if (_name)
            return _name;
        } else {
          vs = this._values[prefix2] = /* @__PURE__ */ new Map();
        }
        vs.set(valueKey, name);
        const s = this._scope[prefix2] || (this._scope[prefix2] = []);
        const itemIndex = s.length;
        s[itemIndex] = value2.ref;
        name.setValue(value2, { property: prefix2, itemIndex });
        return name;
      }
      getValue(prefix2, keyOrRef) {
        const vs = this._values[prefix2];
        if (!vs)
          return;
        return vs.get(keyOrRef);
      }
      scopeRefs(scopeName, values = this._values) {
        return this._reduceValues(values, (name) => {
          if (name.scopePath === void 0)
            throw new Error(`CodeGen: name "${name}" has no value`);
          return (0, code_1._)`${scopeName}${name.scopePath}`;
        });
      }
      scopeCode(values = this._values, usedValues, getCode) {
        return this._reduceValues(values, (name) => {
          if (name.value === void 0)
            throw new Error(`CodeGen: name "${name}" has no value`);
          return name.value.code;
        }, usedValues, getCode);
      }
      _reduceValues(values, valueCode, usedValues = {}, getCode) {
        let code = code_1.nil;
        for (const prefix2 in values) {
          const vs = values[prefix2];
          if (!vs)
            continue;
          const nameSet = usedValues[prefix2] = usedValues[prefix2] || /* @__PURE__ */ new Map();
          vs.forEach((name) => {
            if (nameSet.has(name))
              return;
            nameSet.set(name, UsedValueState.Started);
            let c = valueCode(name);
            if (c) {
              const def = this.opts.es5 ? exports.varKinds.var : exports.varKinds.const;
              code = (0, code_1._)`${code}${def} ${name} = ${c};${this.opts._n}`;
            } else if (c = getCode === null || getCode === void 0 ? void 0 : getCode(name)) {
              code = (0, code_1._)`${code}${c}${this.opts._n}`;
            } else {
              throw new ValueError(name);
            }
            nameSet.set(name, UsedValueState.Completed);
          });
        }
        return code;
      }
    };
    exports.ValueScope = ValueScope;
  }
});

// node_modules/ajv/dist/compile/codegen/index.js
var require_codegen = __commonJS({
  "node_modules/ajv/dist/compile/codegen/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.or = exports.and = exports.not = exports.CodeGen = exports.operators = exports.varKinds = exports.ValueScopeName = exports.ValueScope = exports.Scope = exports.Name = exports.regexpCode = exports.stringify = exports.getProperty = exports.nil = exports.strConcat = exports.str = exports._ = void 0;
    var code_1 = require_code();
    var scope_1 = require_scope();
    var code_2 = require_code();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return code_2._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return code_2.str;
    } });
    Object.defineProperty(exports, "strConcat", { enumerable: true, get: function() {
      return code_2.strConcat;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return code_2.nil;
    } });
    Object.defineProperty(exports, "getProperty", { enumerable: true, get: function() {
      return code_2.getProperty;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return code_2.stringify;
    } });
    Object.defineProperty(exports, "regexpCode", { enumerable: true, get: function() {
      return code_2.regexpCode;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return code_2.Name;
    } });
    var scope_2 = require_scope();
    Object.defineProperty(exports, "Scope", { enumerable: true, get: function() {
      return scope_2.Scope;
    } });
    Object.defineProperty(exports, "ValueScope", { enumerable: true, get: function() {
      return scope_2.ValueScope;
    } });
    Object.defineProperty(exports, "ValueScopeName", { enumerable: true, get: function() {
      return scope_2.ValueScopeName;
    } });
    Object.defineProperty(exports, "varKinds", { enumerable: true, get: function() {
      return scope_2.varKinds;
    } });
    exports.operators = {
      GT: new code_1._Code(">"),
      GTE: new code_1._Code(">="),
      LT: new code_1._Code("<"),
      LTE: new code_1._Code("<="),
      EQ: new code_1._Code("==="),
      NEQ: new code_1._Code("!=="),
      NOT: new code_1._Code("!"),
      OR: new code_1._Code("||"),
      AND: new code_1._Code("&&"),
      ADD: new code_1._Code("+")
    };
    var Node = class {
      optimizeNodes() {
        return this;
      }
      optimizeNames(_names, _constants) {
        return this;
      }
    };
    var Def = class extends Node {
      constructor(varKind, name, rhs) {
        super();
        this.varKind = varKind;
        this.name = name;
        this.rhs = rhs;
      }
      render({ es5, _n }) {
        const varKind = es5 ? scope_1.varKinds.var : this.varKind;
        const rhs = this.rhs === void 0 ? "" : ` = ${this.rhs}`;
        return `${varKind} ${this.name}${rhs};` + _n;
      }
      optimizeNames(names, constants) {
        if (!names[this.name.str])
          return;
        if (this.rhs)
          this.rhs = optimizeExpr(this.rhs, names, constants);
        return this;
      }
      get names() {
        return this.rhs instanceof code_1._CodeOrName ? this.rhs.names : {};
      }
    };
    var Assign = class extends Node {
      constructor(lhs, rhs, sideEffects) {
        super();
        this.lhs = lhs;
        this.rhs = rhs;
        this.sideEffects = sideEffects;
      }
      render({ _n }) {
        return `${this.lhs} = ${this.rhs};` + _n;
      }
      optimizeNames(names, constants) {
        if (this.lhs instanceof code_1.Name && !names[this.lhs.str] && !this.sideEffects)
          return;
        this.rhs = optimizeExpr(this.rhs, names, constants);
        return this;
      }
      get names() {
        const names = this.lhs instanceof code_1.Name ? {} : { ...this.lhs.names };
        return addExprNames(names, this.rhs);
      }
    };
    var AssignOp = class extends Assign {
      constructor(lhs, op, rhs, sideEffects) {
        super(lhs, rhs, sideEffects);
        this.op = op;
      }
      render({ _n }) {
        return `${this.lhs} ${this.op}= ${this.rhs};` + _n;
      }
    };
    var Label = class extends Node {
      constructor(label) {
        super();
        this.label = label;
        this.names = {};
      }
      render({ _n }) {
        return `${this.label}:` + _n;
      }
    };
    var Break = class extends Node {
      constructor(label) {
        super();
        this.label = label;
        this.names = {};
      }
      render({ _n }) {
        const label = this.label ? ` ${this.label}` : "";
        return `break${label};` + _n;
      }
    };
    var Throw = class extends Node {
      constructor(error) {
        super();
        this.error = error;
      }
      render({ _n }) {
        return `throw ${this.error};` + _n;
      }
      get names() {
        return this.error.names;
      }
    };
    var AnyCode = class extends Node {
      constructor(code) {
        super();
        this.code = code;
      }
      render({ _n }) {
        return `${this.code};` + _n;
      }
      optimizeNodes() {
        return `${this.code}` ? this : void 0;
      }
      optimizeNames(names, constants) {
        this.code = optimizeExpr(this.code, names, constants);
        return this;
      }
      get names() {
        return this.code instanceof code_1._CodeOrName ? this.code.names : {};
      }
    };
    var ParentNode = class extends Node {
      constructor(nodes = []) {
        super();
        this.nodes = nodes;
      }
      render(opts) {
        return this.nodes.reduce((code, n) => code + n.render(opts), "");
      }
      optimizeNodes() {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
          const n = nodes[i].optimizeNodes();
          if (Array.isArray(n))
            nodes.splice(i, 1, ...n);
          else if (n)
            nodes[i] = n;
          else
            nodes.splice(i, 1);
        }
        return nodes.length > 0 ? this : void 0;
      }
      optimizeNames(names, constants) {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
          const n = nodes[i];
          if (n.optimizeNames(names, constants))
            continue;
          subtractNames(names, n.names);
          nodes.splice(i, 1);
        }
        return nodes.length > 0 ? this : void 0;
      }
      get names() {
        return this.nodes.reduce((names, n) => addNames(names, n.names), {});
      }
    };
    var BlockNode = class extends ParentNode {
      render(opts) {
        return "{" + opts._n + super.render(opts) + "}" + opts._n;
      }
    };
    var Root = class extends ParentNode {
    };
    var Else = class extends BlockNode {
    };
    Else.kind = "else";
    var If = class _If extends BlockNode {
      constructor(condition, nodes) {
        super(nodes);
        this.condition = condition;
      }
      render(opts) {
        let code = `if(${this.condition})` + super.render(opts);
        if (this.else)
          code += "else " + this.else.render(opts);
        return code;
      }
      optimizeNodes() {
        super.optimizeNodes();
        const cond = this.condition;
        if (cond === true)
          return this.nodes;
        let e = this.else;
        if (e) {
          const ns = e.optimizeNodes();
          e = this.else = Array.isArray(ns) ? new Else(ns) : ns;
        }
        if (e) {
          if (cond === false)
            return e instanceof _If ? e : e.nodes;
          if (this.nodes.length)
            return this;
          return new _If(not(cond), e instanceof _If ? [e] : e.nodes);
        }
        if (cond === false || !this.nodes.length)
          return void 0;
        return this;
      }
      optimizeNames(names, constants) {
        var _a;
        this.else = (_a = this.else) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants);
        if (!(super.optimizeNames(names, constants) || this.else))
          return;
        this.condition = optimizeExpr(this.condition, names, constants);
        return this;
      }
      get names() {
        const names = super.names;
        addExprNames(names, this.condition);
        if (this.else)
          addNames(names, this.else.names);
        return names;
      }
    };
    If.kind = "if";
    var For = class extends BlockNode {
    };
    For.kind = "for";
    var ForLoop = class extends For {
      constructor(iteration) {
        super();
        this.iteration = iteration;
      }
      render(opts) {
        return `for(${this.iteration})` + super.render(opts);
      }
      optimizeNames(names, constants) {
        if (!super.optimizeNames(names, constants))
          return;
        this.iteration = optimizeExpr(this.iteration, names, constants);
        return this;
      }
      get names() {
        return addNames(super.names, this.iteration.names);
      }
    };
    var ForRange = class extends For {
      constructor(varKind, name, from, to) {
        super();
        this.varKind = varKind;
        this.name = name;
        this.from = from;
        this.to = to;
      }
      render(opts) {
        const varKind = opts.es5 ? scope_1.varKinds.var : this.varKind;
        const { name, from, to } = this;
        return `for(${varKind} ${name}=${from}; ${name}<${to}; ${name}++)` + super.render(opts);
      }
      get names() {
        const names = addExprNames(super.names, this.from);
        return addExprNames(names, this.to);
      }
    };
    var ForIter = class extends For {
      constructor(loop, varKind, name, iterable) {
        super();
        this.loop = loop;
        this.varKind = varKind;
        this.name = name;
        this.iterable = iterable;
      }
      render(opts) {
        return `for(${this.varKind} ${this.name} ${this.loop} ${this.iterable})` + super.render(opts);
      }
      optimizeNames(names, constants) {
        if (!super.optimizeNames(names, constants))
          return;
        this.iterable = optimizeExpr(this.iterable, names, constants);
        return this;
      }
      get names() {
        return addNames(super.names, this.iterable.names);
      }
    };
    var Func = class extends BlockNode {
      constructor(name, args, async) {
        super();
        this.name = name;
        this.args = args;
        this.async = async;
      }
      render(opts) {
        const _async = this.async ? "async " : "";
        return `${_async}function ${this.name}(${this.args})` + super.render(opts);
      }
    };
    Func.kind = "func";
    var Return = class extends ParentNode {
      render(opts) {
        return "return " + super.render(opts);
      }
    };
    Return.kind = "return";
    var Try = class extends BlockNode {
      render(opts) {
        let code = "try" + super.render(opts);
        if (this.catch)
          code += this.catch.render(opts);
        if (this.finally)
          code += this.finally.render(opts);
        return code;
      }
      optimizeNodes() {
        var _a, _b;
        super.optimizeNodes();
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNodes();
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNodes();
        return this;
      }
      optimizeNames(names, constants) {
        var _a, _b;
        super.optimizeNames(names, constants);
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants);
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNames(names, constants);
        return this;
      }
      get names() {
        const names = super.names;
        if (this.catch)
          addNames(names, this.catch.names);
        if (this.finally)
          addNames(names, this.finally.names);
        return names;
      }
    };
    var Catch = class extends BlockNode {
      constructor(error) {
        super();
        this.error = error;
      }
      render(opts) {
        return `catch(${this.error})` + super.render(opts);
      }
    };
    Catch.kind = "catch";
    var Finally = class extends BlockNode {
      render(opts) {
        return "finally" + super.render(opts);
      }
    };
    Finally.kind = "finally";
    var CodeGen = class {
      constructor(extScope, opts = {}) {
        this._values = {};
        this._blockStarts = [];
        this._constants = {};
        this.opts = { ...opts, _n: opts.lines ? "\n" : "" };
        this._extScope = extScope;
        this._scope = new scope_1.Scope({ parent: extScope });
        this._nodes = [new Root()];
      }
      toString() {
        return this._root.render(this.opts);
      }
      // returns unique name in the internal scope
      name(prefix2) {
        return this._scope.name(prefix2);
      }
      // reserves unique name in the external scope
      scopeName(prefix2) {
        return this._extScope.name(prefix2);
      }
      // reserves unique name in the external scope and assigns value to it
      scopeValue(prefixOrName, value2) {
        const name = this._extScope.value(prefixOrName, value2);
        const vs = this._values[name.prefix] || (this._values[name.prefix] = /* @__PURE__ */ new Set());
        vs.add(name);
        return name;
      }
      getScopeValue(prefix2, keyOrRef) {
        return this._extScope.getValue(prefix2, keyOrRef);
      }
      // return code that assigns values in the external scope to the names that are used internally
      // (same names that were returned by gen.scopeName or gen.scopeValue)
      scopeRefs(scopeName) {
        return this._extScope.scopeRefs(scopeName, this._values);
      }
      scopeCode() {
        return this._extScope.scopeCode(this._values);
      }
      _def(varKind, nameOrPrefix, rhs, constant) {
        const name = this._scope.toName(nameOrPrefix);
        if (rhs !== void 0 && constant)
          this._constants[name.str] = rhs;
        this._leafNode(new Def(varKind, name, rhs));
        return name;
      }
      // `const` declaration (`var` in es5 mode)
      const(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.const, nameOrPrefix, rhs, _constant);
      }
      // `let` declaration with optional assignment (`var` in es5 mode)
      let(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.let, nameOrPrefix, rhs, _constant);
      }
      // `var` declaration with optional assignment
      var(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.var, nameOrPrefix, rhs, _constant);
      }
      // assignment code
      assign(lhs, rhs, sideEffects) {
        return this._leafNode(new Assign(lhs, rhs, sideEffects));
      }
      // `+=` code
      add(lhs, rhs) {
        return this._leafNode(new AssignOp(lhs, exports.operators.ADD, rhs));
      }
      // appends passed SafeExpr to code or executes Block
      code(c) {
        if (typeof c == "function")
          c();
        else if (c !== code_1.nil)
          this._leafNode(new AnyCode(c));
        return this;
      }
      // returns code for object literal for the passed argument list of key-value pairs
      object(...keyValues) {
        const code = ["{"];
        for (const [key, value2] of keyValues) {
          if (code.length > 1)
            code.push(",");
          code.push(key);
          if (key !== value2 || this.opts.es5) {
            code.push(":");
            (0, code_1.addCodeArg)(code, value2);
          }
        }
        code.push("}");
        return new code_1._Code(code);
      }
      // `if` clause (or statement if `thenBody` and, optionally, `elseBody` are passed)
      if(condition, thenBody, elseBody) {
        this._blockNode(new If(condition));
        if (thenBody && elseBody) {
          this.code(thenBody).else().code(elseBody).endIf();
        } else if (thenBody) {
          this.code(thenBody).endIf();
        } else if (elseBody) {
          throw new Error('CodeGen: "else" body without "then" body');
        }
        return this;
      }
      // `else if` clause - invalid without `if` or after `else` clauses
      elseIf(condition) {
        return this._elseNode(new If(condition));
      }
      // `else` clause - only valid after `if` or `else if` clauses
      else() {
        return this._elseNode(new Else());
      }
      // end `if` statement (needed if gen.if was used only with condition)
      endIf() {
        return this._endBlockNode(If, Else);
      }
      _for(node, forBody) {
        this._blockNode(node);
        if (forBody)
          this.code(forBody).endFor();
        return this;
      }
      // a generic `for` clause (or statement if `forBody` is passed)
      for(iteration, forBody) {
        return this._for(new ForLoop(iteration), forBody);
      }
      // `for` statement for a range of values
      forRange(nameOrPrefix, from, to, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.let) {
        const name = this._scope.toName(nameOrPrefix);
        return this._for(new ForRange(varKind, name, from, to), () => forBody(name));
      }
      // `for-of` statement (in es5 mode replace with a normal for loop)
      forOf(nameOrPrefix, iterable, forBody, varKind = scope_1.varKinds.const) {
        const name = this._scope.toName(nameOrPrefix);
        if (this.opts.es5) {
          const arr = iterable instanceof code_1.Name ? iterable : this.var("_arr", iterable);
          return this.forRange("_i", 0, (0, code_1._)`${arr}.length`, (i) => {
            this.var(name, (0, code_1._)`${arr}[${i}]`);
            forBody(name);
          });
        }
        return this._for(new ForIter("of", varKind, name, iterable), () => forBody(name));
      }
      // `for-in` statement.
      // With option `ownProperties` replaced with a `for-of` loop for object keys
      forIn(nameOrPrefix, obj, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.const) {
        if (this.opts.ownProperties) {
          return this.forOf(nameOrPrefix, (0, code_1._)`Object.keys(${obj})`, forBody);
        }
        const name = this._scope.toName(nameOrPrefix);
        return this._for(new ForIter("in", varKind, name, obj), () => forBody(name));
      }
      // end `for` loop
      endFor() {
        return this._endBlockNode(For);
      }
      // `label` statement
      label(label) {
        return this._leafNode(new Label(label));
      }
      // `break` statement
      break(label) {
        return this._leafNode(new Break(label));
      }
      // `return` statement
      return(value2) {
        const node = new Return();
        this._blockNode(node);
        this.code(value2);
        if (node.nodes.length !== 1)
          throw new Error('CodeGen: "return" should have one node');
        return this._endBlockNode(Return);
      }
      // `try` statement
      try(tryBody, catchCode, finallyCode) {
        if (!catchCode && !finallyCode)
          throw new Error('CodeGen: "try" without "catch" and "finally"');
        const node = new Try();
        this._blockNode(node);
        this.code(tryBody);
        if (catchCode) {
          const error = this.name("e");
          this._currNode = node.catch = new Catch(error);
          catchCode(error);
        }
        if (finallyCode) {
          this._currNode = node.finally = new Finally();
          this.code(finallyCode);
        }
        return this._endBlockNode(Catch, Finally);
      }
      // `throw` statement
      throw(error) {
        return this._leafNode(new Throw(error));
      }
      // start self-balancing block
      block(body, nodeCount) {
        this._blockStarts.push(this._nodes.length);
        if (body)
          this.code(body).endBlock(nodeCount);
        return this;
      }
      // end the current self-balancing block
      endBlock(nodeCount) {
        const len = this._blockStarts.pop();
        if (len === void 0)
          throw new Error("CodeGen: not in self-balancing block");
        const toClose = this._nodes.length - len;
        if (toClose < 0 || nodeCount !== void 0 && toClose !== nodeCount) {
          throw new Error(`CodeGen: wrong number of nodes: ${toClose} vs ${nodeCount} expected`);
        }
        this._nodes.length = len;
        return this;
      }
      // `function` heading (or definition if funcBody is passed)
      func(name, args = code_1.nil, async, funcBody) {
        this._blockNode(new Func(name, args, async));
        if (funcBody)
          this.code(funcBody).endFunc();
        return this;
      }
      // end function definition
      endFunc() {
        return this._endBlockNode(Func);
      }
      optimize(n = 1) {
        while (n-- > 0) {
          this._root.optimizeNodes();
          this._root.optimizeNames(this._root.names, this._constants);
        }
      }
      _leafNode(node) {
        this._currNode.nodes.push(node);
        return this;
      }
      _blockNode(node) {
        this._currNode.nodes.push(node);
        this._nodes.push(node);
      }
      _endBlockNode(N1, N2) {
        const n = this._currNode;
        if (n instanceof N1 || N2 && n instanceof N2) {
          this._nodes.pop();
          return this;
        }
        throw new Error(`CodeGen: not in block "${N2 ? `${N1.kind}/${N2.kind}` : N1.kind}"`);
      }
      _elseNode(node) {
        const n = this._currNode;
        if (!(n instanceof If)) {
          throw new Error('CodeGen: "else" without "if"');
        }
        this._currNode = n.else = node;
        return this;
      }
      get _root() {
        return this._nodes[0];
      }
      get _currNode() {
        const ns = this._nodes;
        return ns[ns.length - 1];
      }
      set _currNode(node) {
        const ns = this._nodes;
        ns[ns.length - 1] = node;
      }
    };
    exports.CodeGen = CodeGen;
    function addNames(names, from) {
      for (const n in from)
        names[n] = (names[n] || 0) + (from[n] || 0);
      return names;
    }
    function addExprNames(names, from) {
      return from instanceof code_1._CodeOrName ? addNames(names, from.names) : names;
    }
    function optimizeExpr(expr, names, constants) {
      if (expr instanceof code_1.Name)
        return replaceName(expr);
      if (!canOptimize(expr))
        return expr;
      return new code_1._Code(expr._items.reduce((items, c) => {
        if (c instanceof code_1.Name)
          c = replaceName(c);
        if (c instanceof code_1._Code)
          items.push(...c._items);
        else
          items.push(c);
        return items;
      }, []));
      function replaceName(n) {
        const c = constants[n.str];
        if (c === void 0 || names[n.str] !== 1)
          return n;
        delete names[n.str];
        return c;
      }
      function canOptimize(e) {
        return e instanceof code_1._Code && e._items.some((c) => c instanceof code_1.Name && names[c.str] === 1 && constants[c.str] !== void 0);
      }
    }
    function subtractNames(names, from) {
      for (const n in from)
        names[n] = (names[n] || 0) - (from[n] || 0);
    }
    function not(x) {
      return typeof x == "boolean" || typeof x == "number" || x === null ? !x : (0, code_1._)`!${par(x)}`;
    }
    exports.not = not;
    var andCode = mappend(exports.operators.AND);
    function and(...args) {
      return args.reduce(andCode);
    }
    exports.and = and;
    var orCode = mappend(exports.operators.OR);
    function or(...args) {
      return args.reduce(orCode);
    }
    exports.or = or;
    function mappend(op) {
      return (x, y) => x === code_1.nil ? y : y === code_1.nil ? x : (0, code_1._)`${par(x)} ${op} ${par(y)}`;
    }
    function par(x) {
      return x instanceof code_1.Name ? x : (0, code_1._)`(${x})`;
    }
  }
});

// node_modules/ajv/dist/compile/util.js
var require_util = __commonJS({
  "node_modules/ajv/dist/compile/util.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.checkStrictMode = exports.getErrorPath = exports.Type = exports.useFunc = exports.setEvaluated = exports.evaluatedPropsToName = exports.mergeEvaluated = exports.eachItem = exports.unescapeJsonPointer = exports.escapeJsonPointer = exports.escapeFragment = exports.unescapeFragment = exports.schemaRefOrVal = exports.schemaHasRulesButRef = exports.schemaHasRules = exports.checkUnknownRules = exports.alwaysValidSchema = exports.toHash = void 0;
    var codegen_1 = require_codegen();
    var code_1 = require_code();
    function toHash(arr) {
      const hash = {};
      for (const item of arr)
        hash[item] = true;
      return hash;
    }
    exports.toHash = toHash;
    function alwaysValidSchema(it, schema) {
      if (typeof schema == "boolean")
        return schema;
      if (Object.keys(schema).length === 0)
        return true;
      checkUnknownRules(it, schema);
      return !schemaHasRules(schema, it.self.RULES.all);
    }
    exports.alwaysValidSchema = alwaysValidSchema;
    function checkUnknownRules(it, schema = it.schema) {
      const { opts, self } = it;
      if (!opts.strictSchema)
        return;
      if (typeof schema === "boolean")
        return;
      const rules = self.RULES.keywords;
      for (const key in schema) {
        if (!rules[key])
          checkStrictMode(it, `unknown keyword: "${key}"`);
      }
    }
    exports.checkUnknownRules = checkUnknownRules;
    function schemaHasRules(schema, rules) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (rules[key])
          return true;
      return false;
    }
    exports.schemaHasRules = schemaHasRules;
    function schemaHasRulesButRef(schema, RULES) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (key !== "$ref" && RULES.all[key])
          return true;
      return false;
    }
    exports.schemaHasRulesButRef = schemaHasRulesButRef;
    function schemaRefOrVal({ topSchemaRef, schemaPath }, schema, keyword, $data) {
      if (!$data) {
        if (typeof schema == "number" || typeof schema == "boolean")
          return schema;
        if (typeof schema == "string")
          return (0, codegen_1._)`${schema}`;
      }
      return (0, codegen_1._)`${topSchemaRef}${schemaPath}${(0, codegen_1.getProperty)(keyword)}`;
    }
    exports.schemaRefOrVal = schemaRefOrVal;
    function unescapeFragment(str) {
      return unescapeJsonPointer(decodeURIComponent(str));
    }
    exports.unescapeFragment = unescapeFragment;
    function escapeFragment(str) {
      return encodeURIComponent(escapeJsonPointer(str));
    }
    exports.escapeFragment = escapeFragment;
    function escapeJsonPointer(str) {
      if (typeof str == "number")
        return `${str}`;
      return str.replace(/~/g, "~0").replace(/\//g, "~1");
    }
    exports.escapeJsonPointer = escapeJsonPointer;
    function unescapeJsonPointer(str) {
      return str.replace(/~1/g, "/").replace(/~0/g, "~");
    }
    exports.unescapeJsonPointer = unescapeJsonPointer;
    function eachItem(xs, f) {
      if (Array.isArray(xs)) {
        for (const x of xs)
          f(x);
      } else {
        f(xs);
      }
    }
    exports.eachItem = eachItem;
    function makeMergeEvaluated({ mergeNames, mergeToName, mergeValues, resultToName }) {
      return (gen, from, to, toName) => {
        const res = to === void 0 ? from : to instanceof codegen_1.Name ? (from instanceof codegen_1.Name ? mergeNames(gen, from, to) : mergeToName(gen, from, to), to) : from instanceof codegen_1.Name ? (mergeToName(gen, to, from), from) : mergeValues(from, to);
        return toName === codegen_1.Name && !(res instanceof codegen_1.Name) ? resultToName(gen, res) : res;
      };
    }
    exports.mergeEvaluated = {
      props: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true && ${from} !== undefined`, () => {
          gen.if((0, codegen_1._)`${from} === true`, () => gen.assign(to, true), () => gen.assign(to, (0, codegen_1._)`${to} || {}`).code((0, codegen_1._)`Object.assign(${to}, ${from})`));
        }),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true`, () => {
          if (from === true) {
            gen.assign(to, true);
          } else {
            gen.assign(to, (0, codegen_1._)`${to} || {}`);
            setEvaluated(gen, to, from);
          }
        }),
        mergeValues: (from, to) => from === true ? true : { ...from, ...to },
        resultToName: evaluatedPropsToName
      }),
      items: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true && ${from} !== undefined`, () => gen.assign(to, (0, codegen_1._)`${from} === true ? true : ${to} > ${from} ? ${to} : ${from}`)),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true`, () => gen.assign(to, from === true ? true : (0, codegen_1._)`${to} > ${from} ? ${to} : ${from}`)),
        mergeValues: (from, to) => from === true ? true : Math.max(from, to),
        resultToName: (gen, items) => gen.var("items", items)
      })
    };
    function evaluatedPropsToName(gen, ps) {
      if (ps === true)
        return gen.var("props", true);
      const props = gen.var("props", (0, codegen_1._)`{}`);
      if (ps !== void 0)
        setEvaluated(gen, props, ps);
      return props;
    }
    exports.evaluatedPropsToName = evaluatedPropsToName;
    function setEvaluated(gen, props, ps) {
      Object.keys(ps).forEach((p) => gen.assign((0, codegen_1._)`${props}${(0, codegen_1.getProperty)(p)}`, true));
    }
    exports.setEvaluated = setEvaluated;
    var snippets = {};
    function useFunc(gen, f) {
      return gen.scopeValue("func", {
        ref: f,
        code: snippets[f.code] || (snippets[f.code] = new code_1._Code(f.code))
      });
    }
    exports.useFunc = useFunc;
    var Type;
    (function(Type2) {
      Type2[Type2["Num"] = 0] = "Num";
      Type2[Type2["Str"] = 1] = "Str";
    })(Type || (exports.Type = Type = {}));
    function getErrorPath(dataProp, dataPropType, jsPropertySyntax) {
      if (dataProp instanceof codegen_1.Name) {
        const isNumber = dataPropType === Type.Num;
        return jsPropertySyntax ? isNumber ? (0, codegen_1._)`"[" + ${dataProp} + "]"` : (0, codegen_1._)`"['" + ${dataProp} + "']"` : isNumber ? (0, codegen_1._)`"/" + ${dataProp}` : (0, codegen_1._)`"/" + ${dataProp}.replace(/~/g, "~0").replace(/\\//g, "~1")`;
      }
      return jsPropertySyntax ? (0, codegen_1.getProperty)(dataProp).toString() : "/" + escapeJsonPointer(dataProp);
    }
    exports.getErrorPath = getErrorPath;
    function checkStrictMode(it, msg, mode = it.opts.strictSchema) {
      if (!mode)
        return;
      msg = `strict mode: ${msg}`;
      if (mode === true)
        throw new Error(msg);
      it.self.logger.warn(msg);
    }
    exports.checkStrictMode = checkStrictMode;
  }
});

// node_modules/ajv/dist/compile/names.js
var require_names = __commonJS({
  "node_modules/ajv/dist/compile/names.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var names = {
      // validation function arguments
      data: new codegen_1.Name("data"),
      // data passed to validation function
      // args passed from referencing schema
      valCxt: new codegen_1.Name("valCxt"),
      // validation/data context - should not be used directly, it is destructured to the names below
      instancePath: new codegen_1.Name("instancePath"),
      parentData: new codegen_1.Name("parentData"),
      parentDataProperty: new codegen_1.Name("parentDataProperty"),
      rootData: new codegen_1.Name("rootData"),
      // root data - same as the data passed to the first/top validation function
      dynamicAnchors: new codegen_1.Name("dynamicAnchors"),
      // used to support recursiveRef and dynamicRef
      // function scoped variables
      vErrors: new codegen_1.Name("vErrors"),
      // null or array of validation errors
      errors: new codegen_1.Name("errors"),
      // counter of validation errors
      this: new codegen_1.Name("this"),
      // "globals"
      self: new codegen_1.Name("self"),
      scope: new codegen_1.Name("scope"),
      // JTD serialize/parse name for JSON string and position
      json: new codegen_1.Name("json"),
      jsonPos: new codegen_1.Name("jsonPos"),
      jsonLen: new codegen_1.Name("jsonLen"),
      jsonPart: new codegen_1.Name("jsonPart")
    };
    exports.default = names;
  }
});

// node_modules/ajv/dist/compile/errors.js
var require_errors2 = __commonJS({
  "node_modules/ajv/dist/compile/errors.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.extendErrors = exports.resetErrorsCount = exports.reportExtraError = exports.reportError = exports.keyword$DataError = exports.keywordError = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    exports.keywordError = {
      message: ({ keyword }) => (0, codegen_1.str)`must pass "${keyword}" keyword validation`
    };
    exports.keyword$DataError = {
      message: ({ keyword, schemaType }) => schemaType ? (0, codegen_1.str)`"${keyword}" keyword must be ${schemaType} ($data)` : (0, codegen_1.str)`"${keyword}" keyword is invalid ($data)`
    };
    function reportError(cxt, error = exports.keywordError, errorPaths, overrideAllErrors) {
      const { it } = cxt;
      const { gen, compositeRule, allErrors } = it;
      const errObj = errorObjectCode(cxt, error, errorPaths);
      if (overrideAllErrors !== null && overrideAllErrors !== void 0 ? overrideAllErrors : compositeRule || allErrors) {
        addError(gen, errObj);
      } else {
        returnErrors(it, (0, codegen_1._)`[${errObj}]`);
      }
    }
    exports.reportError = reportError;
    function reportExtraError(cxt, error = exports.keywordError, errorPaths) {
      const { it } = cxt;
      const { gen, compositeRule, allErrors } = it;
      const errObj = errorObjectCode(cxt, error, errorPaths);
      addError(gen, errObj);
      if (!(compositeRule || allErrors)) {
        returnErrors(it, names_1.default.vErrors);
      }
    }
    exports.reportExtraError = reportExtraError;
    function resetErrorsCount(gen, errsCount) {
      gen.assign(names_1.default.errors, errsCount);
      gen.if((0, codegen_1._)`${names_1.default.vErrors} !== null`, () => gen.if(errsCount, () => gen.assign((0, codegen_1._)`${names_1.default.vErrors}.length`, errsCount), () => gen.assign(names_1.default.vErrors, null)));
    }
    exports.resetErrorsCount = resetErrorsCount;
    function extendErrors({ gen, keyword, schemaValue, data, errsCount, it }) {
      if (errsCount === void 0)
        throw new Error("ajv implementation error");
      const err = gen.name("err");
      gen.forRange("i", errsCount, names_1.default.errors, (i) => {
        gen.const(err, (0, codegen_1._)`${names_1.default.vErrors}[${i}]`);
        gen.if((0, codegen_1._)`${err}.instancePath === undefined`, () => gen.assign((0, codegen_1._)`${err}.instancePath`, (0, codegen_1.strConcat)(names_1.default.instancePath, it.errorPath)));
        gen.assign((0, codegen_1._)`${err}.schemaPath`, (0, codegen_1.str)`${it.errSchemaPath}/${keyword}`);
        if (it.opts.verbose) {
          gen.assign((0, codegen_1._)`${err}.schema`, schemaValue);
          gen.assign((0, codegen_1._)`${err}.data`, data);
        }
      });
    }
    exports.extendErrors = extendErrors;
    function addError(gen, errObj) {
      const err = gen.const("err", errObj);
      gen.if((0, codegen_1._)`${names_1.default.vErrors} === null`, () => gen.assign(names_1.default.vErrors, (0, codegen_1._)`[${err}]`), (0, codegen_1._)`${names_1.default.vErrors}.push(${err})`);
      gen.code((0, codegen_1._)`${names_1.default.errors}++`);
    }
    function returnErrors(it, errs) {
      const { gen, validateName, schemaEnv } = it;
      if (schemaEnv.$async) {
        gen.throw((0, codegen_1._)`new ${it.ValidationError}(${errs})`);
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, errs);
        gen.return(false);
      }
    }
    var E = {
      keyword: new codegen_1.Name("keyword"),
      schemaPath: new codegen_1.Name("schemaPath"),
      // also used in JTD errors
      params: new codegen_1.Name("params"),
      propertyName: new codegen_1.Name("propertyName"),
      message: new codegen_1.Name("message"),
      schema: new codegen_1.Name("schema"),
      parentSchema: new codegen_1.Name("parentSchema")
    };
    function errorObjectCode(cxt, error, errorPaths) {
      const { createErrors } = cxt.it;
      if (createErrors === false)
        return (0, codegen_1._)`{}`;
      return errorObject(cxt, error, errorPaths);
    }
    function errorObject(cxt, error, errorPaths = {}) {
      const { gen, it } = cxt;
      const keyValues = [
        errorInstancePath(it, errorPaths),
        errorSchemaPath(cxt, errorPaths)
      ];
      extraErrorProps(cxt, error, keyValues);
      return gen.object(...keyValues);
    }
    function errorInstancePath({ errorPath }, { instancePath }) {
      const instPath = instancePath ? (0, codegen_1.str)`${errorPath}${(0, util_1.getErrorPath)(instancePath, util_1.Type.Str)}` : errorPath;
      return [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, instPath)];
    }
    function errorSchemaPath({ keyword, it: { errSchemaPath } }, { schemaPath, parentSchema }) {
      let schPath = parentSchema ? errSchemaPath : (0, codegen_1.str)`${errSchemaPath}/${keyword}`;
      if (schemaPath) {
        schPath = (0, codegen_1.str)`${schPath}${(0, util_1.getErrorPath)(schemaPath, util_1.Type.Str)}`;
      }
      return [E.schemaPath, schPath];
    }
    function extraErrorProps(cxt, { params, message: message2 }, keyValues) {
      const { keyword, data, schemaValue, it } = cxt;
      const { opts, propertyName, topSchemaRef, schemaPath } = it;
      keyValues.push([E.keyword, keyword], [E.params, typeof params == "function" ? params(cxt) : params || (0, codegen_1._)`{}`]);
      if (opts.messages) {
        keyValues.push([E.message, typeof message2 == "function" ? message2(cxt) : message2]);
      }
      if (opts.verbose) {
        keyValues.push([E.schema, schemaValue], [E.parentSchema, (0, codegen_1._)`${topSchemaRef}${schemaPath}`], [names_1.default.data, data]);
      }
      if (propertyName)
        keyValues.push([E.propertyName, propertyName]);
    }
  }
});

// node_modules/ajv/dist/compile/validate/boolSchema.js
var require_boolSchema = __commonJS({
  "node_modules/ajv/dist/compile/validate/boolSchema.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.boolOrEmptySchema = exports.topBoolOrEmptySchema = void 0;
    var errors_1 = require_errors2();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var boolError = {
      message: "boolean schema is false"
    };
    function topBoolOrEmptySchema(it) {
      const { gen, schema, validateName } = it;
      if (schema === false) {
        falseSchemaError(it, false);
      } else if (typeof schema == "object" && schema.$async === true) {
        gen.return(names_1.default.data);
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, null);
        gen.return(true);
      }
    }
    exports.topBoolOrEmptySchema = topBoolOrEmptySchema;
    function boolOrEmptySchema(it, valid) {
      const { gen, schema } = it;
      if (schema === false) {
        gen.var(valid, false);
        falseSchemaError(it);
      } else {
        gen.var(valid, true);
      }
    }
    exports.boolOrEmptySchema = boolOrEmptySchema;
    function falseSchemaError(it, overrideAllErrors) {
      const { gen, data } = it;
      const cxt = {
        gen,
        keyword: "false schema",
        data,
        schema: false,
        schemaCode: false,
        schemaValue: false,
        params: {},
        it
      };
      (0, errors_1.reportError)(cxt, boolError, void 0, overrideAllErrors);
    }
  }
});

// node_modules/ajv/dist/compile/rules.js
var require_rules = __commonJS({
  "node_modules/ajv/dist/compile/rules.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getRules = exports.isJSONType = void 0;
    var _jsonTypes = ["string", "number", "integer", "boolean", "null", "object", "array"];
    var jsonTypes = new Set(_jsonTypes);
    function isJSONType(x) {
      return typeof x == "string" && jsonTypes.has(x);
    }
    exports.isJSONType = isJSONType;
    function getRules() {
      const groups = {
        number: { type: "number", rules: [] },
        string: { type: "string", rules: [] },
        array: { type: "array", rules: [] },
        object: { type: "object", rules: [] }
      };
      return {
        types: { ...groups, integer: true, boolean: true, null: true },
        rules: [{ rules: [] }, groups.number, groups.string, groups.array, groups.object],
        post: { rules: [] },
        all: {},
        keywords: {}
      };
    }
    exports.getRules = getRules;
  }
});

// node_modules/ajv/dist/compile/validate/applicability.js
var require_applicability = __commonJS({
  "node_modules/ajv/dist/compile/validate/applicability.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.shouldUseRule = exports.shouldUseGroup = exports.schemaHasRulesForType = void 0;
    function schemaHasRulesForType({ schema, self }, type) {
      const group = self.RULES.types[type];
      return group && group !== true && shouldUseGroup(schema, group);
    }
    exports.schemaHasRulesForType = schemaHasRulesForType;
    function shouldUseGroup(schema, group) {
      return group.rules.some((rule) => shouldUseRule(schema, rule));
    }
    exports.shouldUseGroup = shouldUseGroup;
    function shouldUseRule(schema, rule) {
      var _a;
      return schema[rule.keyword] !== void 0 || ((_a = rule.definition.implements) === null || _a === void 0 ? void 0 : _a.some((kwd) => schema[kwd] !== void 0));
    }
    exports.shouldUseRule = shouldUseRule;
  }
});

// node_modules/ajv/dist/compile/validate/dataType.js
var require_dataType = __commonJS({
  "node_modules/ajv/dist/compile/validate/dataType.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.reportTypeError = exports.checkDataTypes = exports.checkDataType = exports.coerceAndCheckDataType = exports.getJSONTypes = exports.getSchemaTypes = exports.DataType = void 0;
    var rules_1 = require_rules();
    var applicability_1 = require_applicability();
    var errors_1 = require_errors2();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var DataType;
    (function(DataType2) {
      DataType2[DataType2["Correct"] = 0] = "Correct";
      DataType2[DataType2["Wrong"] = 1] = "Wrong";
    })(DataType || (exports.DataType = DataType = {}));
    function getSchemaTypes(schema) {
      const types3 = getJSONTypes(schema.type);
      const hasNull = types3.includes("null");
      if (hasNull) {
        if (schema.nullable === false)
          throw new Error("type: null contradicts nullable: false");
      } else {
        if (!types3.length && schema.nullable !== void 0) {
          throw new Error('"nullable" cannot be used without "type"');
        }
        if (schema.nullable === true)
          types3.push("null");
      }
      return types3;
    }
    exports.getSchemaTypes = getSchemaTypes;
    function getJSONTypes(ts) {
      const types3 = Array.isArray(ts) ? ts : ts ? [ts] : [];
      if (types3.every(rules_1.isJSONType))
        return types3;
      throw new Error("type must be JSONType or JSONType[]: " + types3.join(","));
    }
    exports.getJSONTypes = getJSONTypes;
    function coerceAndCheckDataType(it, types3) {
      const { gen, data, opts } = it;
      const coerceTo = coerceToTypes(types3, opts.coerceTypes);
      const checkTypes = types3.length > 0 && !(coerceTo.length === 0 && types3.length === 1 && (0, applicability_1.schemaHasRulesForType)(it, types3[0]));
      if (checkTypes) {
        const wrongType = checkDataTypes(types3, data, opts.strictNumbers, DataType.Wrong);
        gen.if(wrongType, () => {
          if (coerceTo.length)
            coerceData(it, types3, coerceTo);
          else
            reportTypeError(it);
        });
      }
      return checkTypes;
    }
    exports.coerceAndCheckDataType = coerceAndCheckDataType;
    var COERCIBLE = /* @__PURE__ */ new Set(["string", "number", "integer", "boolean", "null"]);
    function coerceToTypes(types3, coerceTypes) {
      return coerceTypes ? types3.filter((t) => COERCIBLE.has(t) || coerceTypes === "array" && t === "array") : [];
    }
    function coerceData(it, types3, coerceTo) {
      const { gen, data, opts } = it;
      const dataType = gen.let("dataType", (0, codegen_1._)`typeof ${data}`);
      const coerced = gen.let("coerced", (0, codegen_1._)`undefined`);
      if (opts.coerceTypes === "array") {
        gen.if((0, codegen_1._)`${dataType} == 'object' && Array.isArray(${data}) && ${data}.length == 1`, () => gen.assign(data, (0, codegen_1._)`${data}[0]`).assign(dataType, (0, codegen_1._)`typeof ${data}`).if(checkDataTypes(types3, data, opts.strictNumbers), () => gen.assign(coerced, data)));
      }
      gen.if((0, codegen_1._)`${coerced} !== undefined`);
      for (const t of coerceTo) {
        if (COERCIBLE.has(t) || t === "array" && opts.coerceTypes === "array") {
          coerceSpecificType(t);
        }
      }
      gen.else();
      reportTypeError(it);
      gen.endIf();
      gen.if((0, codegen_1._)`${coerced} !== undefined`, () => {
        gen.assign(data, coerced);
        assignParentData(it, coerced);
      });
      function coerceSpecificType(t) {
        switch (t) {
          case "string":
            gen.elseIf((0, codegen_1._)`${dataType} == "number" || ${dataType} == "boolean"`).assign(coerced, (0, codegen_1._)`"" + ${data}`).elseIf((0, codegen_1._)`${data} === null`).assign(coerced, (0, codegen_1._)`""`);
            return;
          case "number":
            gen.elseIf((0, codegen_1._)`${dataType} == "boolean" || ${data} === null
              || (${dataType} == "string" && ${data} && ${data} == +${data})`).assign(coerced, (0, codegen_1._)`+${data}`);
            return;
          case "integer":
            gen.elseIf((0, codegen_1._)`${dataType} === "boolean" || ${data} === null
              || (${dataType} === "string" && ${data} && ${data} == +${data} && !(${data} % 1))`).assign(coerced, (0, codegen_1._)`+${data}`);
            return;
          case "boolean":
            gen.elseIf((0, codegen_1._)`${data} === "false" || ${data} === 0 || ${data} === null`).assign(coerced, false).elseIf((0, codegen_1._)`${data} === "true" || ${data} === 1`).assign(coerced, true);
            return;
          case "null":
            gen.elseIf((0, codegen_1._)`${data} === "" || ${data} === 0 || ${data} === false`);
            gen.assign(coerced, null);
            return;
          case "array":
            gen.elseIf((0, codegen_1._)`${dataType} === "string" || ${dataType} === "number"
              || ${dataType} === "boolean" || ${data} === null`).assign(coerced, (0, codegen_1._)`[${data}]`);
        }
      }
    }
    function assignParentData({ gen, parentData, parentDataProperty }, expr) {
      gen.if((0, codegen_1._)`${parentData} !== undefined`, () => gen.assign((0, codegen_1._)`${parentData}[${parentDataProperty}]`, expr));
    }
    function checkDataType(dataType, data, strictNums, correct = DataType.Correct) {
      const EQ = correct === DataType.Correct ? codegen_1.operators.EQ : codegen_1.operators.NEQ;
      let cond;
      switch (dataType) {
        case "null":
          return (0, codegen_1._)`${data} ${EQ} null`;
        case "array":
          cond = (0, codegen_1._)`Array.isArray(${data})`;
          break;
        case "object":
          cond = (0, codegen_1._)`${data} && typeof ${data} == "object" && !Array.isArray(${data})`;
          break;
        case "integer":
          cond = numCond((0, codegen_1._)`!(${data} % 1) && !isNaN(${data})`);
          break;
        case "number":
          cond = numCond();
          break;
        default:
          return (0, codegen_1._)`typeof ${data} ${EQ} ${dataType}`;
      }
      return correct === DataType.Correct ? cond : (0, codegen_1.not)(cond);
      function numCond(_cond = codegen_1.nil) {
        return (0, codegen_1.and)((0, codegen_1._)`typeof ${data} == "number"`, _cond, strictNums ? (0, codegen_1._)`isFinite(${data})` : codegen_1.nil);
      }
    }
    exports.checkDataType = checkDataType;
    function checkDataTypes(dataTypes, data, strictNums, correct) {
      if (dataTypes.length === 1) {
        return checkDataType(dataTypes[0], data, strictNums, correct);
      }
      let cond;
      const types3 = (0, util_1.toHash)(dataTypes);
      if (types3.array && types3.object) {
        const notObj = (0, codegen_1._)`typeof ${data} != "object"`;
        cond = types3.null ? notObj : (0, codegen_1._)`!${data} || ${notObj}`;
        delete types3.null;
        delete types3.array;
        delete types3.object;
      } else {
        cond = codegen_1.nil;
      }
      if (types3.number)
        delete types3.integer;
      for (const t in types3)
        cond = (0, codegen_1.and)(cond, checkDataType(t, data, strictNums, correct));
      return cond;
    }
    exports.checkDataTypes = checkDataTypes;
    var typeError = {
      message: ({ schema }) => `must be ${schema}`,
      params: ({ schema, schemaValue }) => typeof schema == "string" ? (0, codegen_1._)`{type: ${schema}}` : (0, codegen_1._)`{type: ${schemaValue}}`
    };
    function reportTypeError(it) {
      const cxt = getTypeErrorContext(it);
      (0, errors_1.reportError)(cxt, typeError);
    }
    exports.reportTypeError = reportTypeError;
    function getTypeErrorContext(it) {
      const { gen, data, schema } = it;
      const schemaCode = (0, util_1.schemaRefOrVal)(it, schema, "type");
      return {
        gen,
        keyword: "type",
        data,
        schema: schema.type,
        schemaCode,
        schemaValue: schemaCode,
        parentSchema: schema,
        params: {},
        it
      };
    }
  }
});

// node_modules/ajv/dist/compile/validate/defaults.js
var require_defaults = __commonJS({
  "node_modules/ajv/dist/compile/validate/defaults.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.assignDefaults = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    function assignDefaults(it, ty) {
      const { properties, items } = it.schema;
      if (ty === "object" && properties) {
        for (const key in properties) {
          assignDefault(it, key, properties[key].default);
        }
      } else if (ty === "array" && Array.isArray(items)) {
        items.forEach((sch, i) => assignDefault(it, i, sch.default));
      }
    }
    exports.assignDefaults = assignDefaults;
    function assignDefault(it, prop, defaultValue) {
      const { gen, compositeRule, data, opts } = it;
      if (defaultValue === void 0)
        return;
      const childData = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(prop)}`;
      if (compositeRule) {
        (0, util_1.checkStrictMode)(it, `default is ignored for: ${childData}`);
        return;
      }
      let condition = (0, codegen_1._)`${childData} === undefined`;
      if (opts.useDefaults === "empty") {
        condition = (0, codegen_1._)`${condition} || ${childData} === null || ${childData} === ""`;
      }
      gen.if(condition, (0, codegen_1._)`${childData} = ${(0, codegen_1.stringify)(defaultValue)}`);
    }
  }
});

// node_modules/ajv/dist/vocabularies/code.js
var require_code2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/code.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateUnion = exports.validateArray = exports.usePattern = exports.callValidateCode = exports.schemaProperties = exports.allSchemaProperties = exports.noPropertyInData = exports.propertyInData = exports.isOwnProperty = exports.hasPropFunc = exports.reportMissingProp = exports.checkMissingProp = exports.checkReportMissingProp = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    var util_2 = require_util();
    function checkReportMissingProp(cxt, prop) {
      const { gen, data, it } = cxt;
      gen.if(noPropertyInData(gen, data, prop, it.opts.ownProperties), () => {
        cxt.setParams({ missingProperty: (0, codegen_1._)`${prop}` }, true);
        cxt.error();
      });
    }
    exports.checkReportMissingProp = checkReportMissingProp;
    function checkMissingProp({ gen, data, it: { opts } }, properties, missing) {
      return (0, codegen_1.or)(...properties.map((prop) => (0, codegen_1.and)(noPropertyInData(gen, data, prop, opts.ownProperties), (0, codegen_1._)`${missing} = ${prop}`)));
    }
    exports.checkMissingProp = checkMissingProp;
    function reportMissingProp(cxt, missing) {
      cxt.setParams({ missingProperty: missing }, true);
      cxt.error();
    }
    exports.reportMissingProp = reportMissingProp;
    function hasPropFunc(gen) {
      return gen.scopeValue("func", {
        // eslint-disable-next-line @typescript-eslint/unbound-method
        ref: Object.prototype.hasOwnProperty,
        code: (0, codegen_1._)`Object.prototype.hasOwnProperty`
      });
    }
    exports.hasPropFunc = hasPropFunc;
    function isOwnProperty(gen, data, property) {
      return (0, codegen_1._)`${hasPropFunc(gen)}.call(${data}, ${property})`;
    }
    exports.isOwnProperty = isOwnProperty;
    function propertyInData(gen, data, property, ownProperties) {
      const cond = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(property)} !== undefined`;
      return ownProperties ? (0, codegen_1._)`${cond} && ${isOwnProperty(gen, data, property)}` : cond;
    }
    exports.propertyInData = propertyInData;
    function noPropertyInData(gen, data, property, ownProperties) {
      const cond = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(property)} === undefined`;
      return ownProperties ? (0, codegen_1.or)(cond, (0, codegen_1.not)(isOwnProperty(gen, data, property))) : cond;
    }
    exports.noPropertyInData = noPropertyInData;
    function allSchemaProperties(schemaMap) {
      return schemaMap ? Object.keys(schemaMap).filter((p) => p !== "__proto__") : [];
    }
    exports.allSchemaProperties = allSchemaProperties;
    function schemaProperties(it, schemaMap) {
      return allSchemaProperties(schemaMap).filter((p) => !(0, util_1.alwaysValidSchema)(it, schemaMap[p]));
    }
    exports.schemaProperties = schemaProperties;
    function callValidateCode({ schemaCode, data, it: { gen, topSchemaRef, schemaPath, errorPath }, it }, func, context, passSchema) {
      const dataAndSchema = passSchema ? (0, codegen_1._)`${schemaCode}, ${data}, ${topSchemaRef}${schemaPath}` : data;
      const valCxt = [
        [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, errorPath)],
        [names_1.default.parentData, it.parentData],
        [names_1.default.parentDataProperty, it.parentDataProperty],
        [names_1.default.rootData, names_1.default.rootData]
      ];
      if (it.opts.dynamicRef)
        valCxt.push([names_1.default.dynamicAnchors, names_1.default.dynamicAnchors]);
      const args = (0, codegen_1._)`${dataAndSchema}, ${gen.object(...valCxt)}`;
      return context !== codegen_1.nil ? (0, codegen_1._)`${func}.call(${context}, ${args})` : (0, codegen_1._)`${func}(${args})`;
    }
    exports.callValidateCode = callValidateCode;
    var newRegExp = (0, codegen_1._)`new RegExp`;
    function usePattern({ gen, it: { opts } }, pattern) {
      const u = opts.unicodeRegExp ? "u" : "";
      const { regExp } = opts.code;
      const rx = regExp(pattern, u);
      return gen.scopeValue("pattern", {
        key: rx.toString(),
        ref: rx,
        code: (0, codegen_1._)`${regExp.code === "new RegExp" ? newRegExp : (0, util_2.useFunc)(gen, regExp)}(${pattern}, ${u})`
      });
    }
    exports.usePattern = usePattern;
    function validateArray(cxt) {
      const { gen, data, keyword, it } = cxt;
      const valid = gen.name("valid");
      if (it.allErrors) {
        const validArr = gen.let("valid", true);
        validateItems(() => gen.assign(validArr, false));
        return validArr;
      }
      gen.var(valid, true);
      validateItems(() => gen.break());
      return valid;
      function validateItems(notValid) {
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        gen.forRange("i", 0, len, (i) => {
          cxt.subschema({
            keyword,
            dataProp: i,
            dataPropType: util_1.Type.Num
          }, valid);
          gen.if((0, codegen_1.not)(valid), notValid);
        });
      }
    }
    exports.validateArray = validateArray;
    function validateUnion(cxt) {
      const { gen, schema, keyword, it } = cxt;
      if (!Array.isArray(schema))
        throw new Error("ajv implementation error");
      const alwaysValid = schema.some((sch) => (0, util_1.alwaysValidSchema)(it, sch));
      if (alwaysValid && !it.opts.unevaluated)
        return;
      const valid = gen.let("valid", false);
      const schValid = gen.name("_valid");
      gen.block(() => schema.forEach((_sch, i) => {
        const schCxt = cxt.subschema({
          keyword,
          schemaProp: i,
          compositeRule: true
        }, schValid);
        gen.assign(valid, (0, codegen_1._)`${valid} || ${schValid}`);
        const merged = cxt.mergeValidEvaluated(schCxt, schValid);
        if (!merged)
          gen.if((0, codegen_1.not)(valid));
      }));
      cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
    }
    exports.validateUnion = validateUnion;
  }
});

// node_modules/ajv/dist/compile/validate/keyword.js
var require_keyword = __commonJS({
  "node_modules/ajv/dist/compile/validate/keyword.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateKeywordUsage = exports.validSchemaType = exports.funcKeywordCode = exports.macroKeywordCode = void 0;
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var code_1 = require_code2();
    var errors_1 = require_errors2();
    function macroKeywordCode(cxt, def) {
      const { gen, keyword, schema, parentSchema, it } = cxt;
      const macroSchema = def.macro.call(it.self, schema, parentSchema, it);
      const schemaRef = useKeyword(gen, keyword, macroSchema);
      if (it.opts.validateSchema !== false)
        it.self.validateSchema(macroSchema, true);
      const valid = gen.name("valid");
      cxt.subschema({
        schema: macroSchema,
        schemaPath: codegen_1.nil,
        errSchemaPath: `${it.errSchemaPath}/${keyword}`,
        topSchemaRef: schemaRef,
        compositeRule: true
      }, valid);
      cxt.pass(valid, () => cxt.error(true));
    }
    exports.macroKeywordCode = macroKeywordCode;
    function funcKeywordCode(cxt, def) {
      var _a;
      const { gen, keyword, schema, parentSchema, $data, it } = cxt;
      checkAsyncKeyword(it, def);
      const validate = !$data && def.compile ? def.compile.call(it.self, schema, parentSchema, it) : def.validate;
      const validateRef = useKeyword(gen, keyword, validate);
      const valid = gen.let("valid");
      cxt.block$data(valid, validateKeyword);
      cxt.ok((_a = def.valid) !== null && _a !== void 0 ? _a : valid);
      function validateKeyword() {
        if (def.errors === false) {
          assignValid();
          if (def.modifying)
            modifyData(cxt);
          reportErrs(() => cxt.error());
        } else {
          const ruleErrs = def.async ? validateAsync() : validateSync();
          if (def.modifying)
            modifyData(cxt);
          reportErrs(() => addErrs(cxt, ruleErrs));
        }
      }
      function validateAsync() {
        const ruleErrs = gen.let("ruleErrs", null);
        gen.try(() => assignValid((0, codegen_1._)`await `), (e) => gen.assign(valid, false).if((0, codegen_1._)`${e} instanceof ${it.ValidationError}`, () => gen.assign(ruleErrs, (0, codegen_1._)`${e}.errors`), () => gen.throw(e)));
        return ruleErrs;
      }
      function validateSync() {
        const validateErrs = (0, codegen_1._)`${validateRef}.errors`;
        gen.assign(validateErrs, null);
        assignValid(codegen_1.nil);
        return validateErrs;
      }
      function assignValid(_await = def.async ? (0, codegen_1._)`await ` : codegen_1.nil) {
        const passCxt = it.opts.passContext ? names_1.default.this : names_1.default.self;
        const passSchema = !("compile" in def && !$data || def.schema === false);
        gen.assign(valid, (0, codegen_1._)`${_await}${(0, code_1.callValidateCode)(cxt, validateRef, passCxt, passSchema)}`, def.modifying);
      }
      function reportErrs(errors) {
        var _a2;
        gen.if((0, codegen_1.not)((_a2 = def.valid) !== null && _a2 !== void 0 ? _a2 : valid), errors);
      }
    }
    exports.funcKeywordCode = funcKeywordCode;
    function modifyData(cxt) {
      const { gen, data, it } = cxt;
      gen.if(it.parentData, () => gen.assign(data, (0, codegen_1._)`${it.parentData}[${it.parentDataProperty}]`));
    }
    function addErrs(cxt, errs) {
      const { gen } = cxt;
      gen.if((0, codegen_1._)`Array.isArray(${errs})`, () => {
        gen.assign(names_1.default.vErrors, (0, codegen_1._)`${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`).assign(names_1.default.errors, (0, codegen_1._)`${names_1.default.vErrors}.length`);
        (0, errors_1.extendErrors)(cxt);
      }, () => cxt.error());
    }
    function checkAsyncKeyword({ schemaEnv }, def) {
      if (def.async && !schemaEnv.$async)
        throw new Error("async keyword in sync schema");
    }
    function useKeyword(gen, keyword, result) {
      if (result === void 0)
        throw new Error(`keyword "${keyword}" failed to compile`);
      return gen.scopeValue("keyword", typeof result == "function" ? { ref: result } : { ref: result, code: (0, codegen_1.stringify)(result) });
    }
    function validSchemaType(schema, schemaType, allowUndefined = false) {
      return !schemaType.length || schemaType.some((st) => st === "array" ? Array.isArray(schema) : st === "object" ? schema && typeof schema == "object" && !Array.isArray(schema) : typeof schema == st || allowUndefined && typeof schema == "undefined");
    }
    exports.validSchemaType = validSchemaType;
    function validateKeywordUsage({ schema, opts, self, errSchemaPath }, def, keyword) {
      if (Array.isArray(def.keyword) ? !def.keyword.includes(keyword) : def.keyword !== keyword) {
        throw new Error("ajv implementation error");
      }
      const deps = def.dependencies;
      if (deps === null || deps === void 0 ? void 0 : deps.some((kwd) => !Object.prototype.hasOwnProperty.call(schema, kwd))) {
        throw new Error(`parent schema must have dependencies of ${keyword}: ${deps.join(",")}`);
      }
      if (def.validateSchema) {
        const valid = def.validateSchema(schema[keyword]);
        if (!valid) {
          const msg = `keyword "${keyword}" value is invalid at path "${errSchemaPath}": ` + self.errorsText(def.validateSchema.errors);
          if (opts.validateSchema === "log")
            self.logger.error(msg);
          else
            throw new Error(msg);
        }
      }
    }
    exports.validateKeywordUsage = validateKeywordUsage;
  }
});

// node_modules/ajv/dist/compile/validate/subschema.js
var require_subschema = __commonJS({
  "node_modules/ajv/dist/compile/validate/subschema.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.extendSubschemaMode = exports.extendSubschemaData = exports.getSubschema = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    function getSubschema(it, { keyword, schemaProp, schema, schemaPath, errSchemaPath, topSchemaRef }) {
      if (keyword !== void 0 && schema !== void 0) {
        throw new Error('both "keyword" and "schema" passed, only one allowed');
      }
      if (keyword !== void 0) {
        const sch = it.schema[keyword];
        return schemaProp === void 0 ? {
          schema: sch,
          schemaPath: (0, codegen_1._)`${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}`,
          errSchemaPath: `${it.errSchemaPath}/${keyword}`
        } : {
          schema: sch[schemaProp],
          schemaPath: (0, codegen_1._)`${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}${(0, codegen_1.getProperty)(schemaProp)}`,
          errSchemaPath: `${it.errSchemaPath}/${keyword}/${(0, util_1.escapeFragment)(schemaProp)}`
        };
      }
      if (schema !== void 0) {
        if (schemaPath === void 0 || errSchemaPath === void 0 || topSchemaRef === void 0) {
          throw new Error('"schemaPath", "errSchemaPath" and "topSchemaRef" are required with "schema"');
        }
        return {
          schema,
          schemaPath,
          topSchemaRef,
          errSchemaPath
        };
      }
      throw new Error('either "keyword" or "schema" must be passed');
    }
    exports.getSubschema = getSubschema;
    function extendSubschemaData(subschema, it, { dataProp, dataPropType: dpType, data, dataTypes, propertyName }) {
      if (data !== void 0 && dataProp !== void 0) {
        throw new Error('both "data" and "dataProp" passed, only one allowed');
      }
      const { gen } = it;
      if (dataProp !== void 0) {
        const { errorPath, dataPathArr, opts } = it;
        const nextData = gen.let("data", (0, codegen_1._)`${it.data}${(0, codegen_1.getProperty)(dataProp)}`, true);
        dataContextProps(nextData);
        subschema.errorPath = (0, codegen_1.str)`${errorPath}${(0, util_1.getErrorPath)(dataProp, dpType, opts.jsPropertySyntax)}`;
        subschema.parentDataProperty = (0, codegen_1._)`${dataProp}`;
        subschema.dataPathArr = [...dataPathArr, subschema.parentDataProperty];
      }
      if (data !== void 0) {
        const nextData = data instanceof codegen_1.Name ? data : gen.let("data", data, true);
        dataContextProps(nextData);
        if (propertyName !== void 0)
          subschema.propertyName = propertyName;
      }
      if (dataTypes)
        subschema.dataTypes = dataTypes;
      function dataContextProps(_nextData) {
        subschema.data = _nextData;
        subschema.dataLevel = it.dataLevel + 1;
        subschema.dataTypes = [];
        it.definedProperties = /* @__PURE__ */ new Set();
        subschema.parentData = it.data;
        subschema.dataNames = [...it.dataNames, _nextData];
      }
    }
    exports.extendSubschemaData = extendSubschemaData;
    function extendSubschemaMode(subschema, { jtdDiscriminator, jtdMetadata, compositeRule, createErrors, allErrors }) {
      if (compositeRule !== void 0)
        subschema.compositeRule = compositeRule;
      if (createErrors !== void 0)
        subschema.createErrors = createErrors;
      if (allErrors !== void 0)
        subschema.allErrors = allErrors;
      subschema.jtdDiscriminator = jtdDiscriminator;
      subschema.jtdMetadata = jtdMetadata;
    }
    exports.extendSubschemaMode = extendSubschemaMode;
  }
});

// node_modules/fast-deep-equal/index.js
var require_fast_deep_equal = __commonJS({
  "node_modules/fast-deep-equal/index.js"(exports, module) {
    "use strict";
    module.exports = function equal(a, b) {
      if (a === b) return true;
      if (a && b && typeof a == "object" && typeof b == "object") {
        if (a.constructor !== b.constructor) return false;
        var length, i, keys;
        if (Array.isArray(a)) {
          length = a.length;
          if (length != b.length) return false;
          for (i = length; i-- !== 0; )
            if (!equal(a[i], b[i])) return false;
          return true;
        }
        if (a.constructor === RegExp) return a.source === b.source && a.flags === b.flags;
        if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
        if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();
        keys = Object.keys(a);
        length = keys.length;
        if (length !== Object.keys(b).length) return false;
        for (i = length; i-- !== 0; )
          if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;
        for (i = length; i-- !== 0; ) {
          var key = keys[i];
          if (!equal(a[key], b[key])) return false;
        }
        return true;
      }
      return a !== a && b !== b;
    };
  }
});

// node_modules/json-schema-traverse/index.js
var require_json_schema_traverse = __commonJS({
  "node_modules/json-schema-traverse/index.js"(exports, module) {
    "use strict";
    var traverse = module.exports = function(schema, opts, cb) {
      if (typeof opts == "function") {
        cb = opts;
        opts = {};
      }
      cb = opts.cb || cb;
      var pre = typeof cb == "function" ? cb : cb.pre || function() {
      };
      var post = cb.post || function() {
      };
      _traverse(opts, pre, post, schema, "", schema);
    };
    traverse.keywords = {
      additionalItems: true,
      items: true,
      contains: true,
      additionalProperties: true,
      propertyNames: true,
      not: true,
      if: true,
      then: true,
      else: true
    };
    traverse.arrayKeywords = {
      items: true,
      allOf: true,
      anyOf: true,
      oneOf: true
    };
    traverse.propsKeywords = {
      $defs: true,
      definitions: true,
      properties: true,
      patternProperties: true,
      dependencies: true
    };
    traverse.skipKeywords = {
      default: true,
      enum: true,
      const: true,
      required: true,
      maximum: true,
      minimum: true,
      exclusiveMaximum: true,
      exclusiveMinimum: true,
      multipleOf: true,
      maxLength: true,
      minLength: true,
      pattern: true,
      format: true,
      maxItems: true,
      minItems: true,
      uniqueItems: true,
      maxProperties: true,
      minProperties: true
    };
    function _traverse(opts, pre, post, schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex) {
      if (schema && typeof schema == "object" && !Array.isArray(schema)) {
        pre(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
        for (var key in schema) {
          var sch = schema[key];
          if (Array.isArray(sch)) {
            if (key in traverse.arrayKeywords) {
              for (var i = 0; i < sch.length; i++)
                _traverse(opts, pre, post, sch[i], jsonPtr + "/" + key + "/" + i, rootSchema, jsonPtr, key, schema, i);
            }
          } else if (key in traverse.propsKeywords) {
            if (sch && typeof sch == "object") {
              for (var prop in sch)
                _traverse(opts, pre, post, sch[prop], jsonPtr + "/" + key + "/" + escapeJsonPtr(prop), rootSchema, jsonPtr, key, schema, prop);
            }
          } else if (key in traverse.keywords || opts.allKeys && !(key in traverse.skipKeywords)) {
            _traverse(opts, pre, post, sch, jsonPtr + "/" + key, rootSchema, jsonPtr, key, schema);
          }
        }
        post(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
      }
    }
    function escapeJsonPtr(str) {
      return str.replace(/~/g, "~0").replace(/\//g, "~1");
    }
  }
});

// node_modules/ajv/dist/compile/resolve.js
var require_resolve = __commonJS({
  "node_modules/ajv/dist/compile/resolve.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getSchemaRefs = exports.resolveUrl = exports.normalizeId = exports._getFullPath = exports.getFullPath = exports.inlineRef = void 0;
    var util_1 = require_util();
    var equal = require_fast_deep_equal();
    var traverse = require_json_schema_traverse();
    var SIMPLE_INLINED = /* @__PURE__ */ new Set([
      "type",
      "format",
      "pattern",
      "maxLength",
      "minLength",
      "maxProperties",
      "minProperties",
      "maxItems",
      "minItems",
      "maximum",
      "minimum",
      "uniqueItems",
      "multipleOf",
      "required",
      "enum",
      "const"
    ]);
    function inlineRef(schema, limit = true) {
      if (typeof schema == "boolean")
        return true;
      if (limit === true)
        return !hasRef(schema);
      if (!limit)
        return false;
      return countKeys(schema) <= limit;
    }
    exports.inlineRef = inlineRef;
    var REF_KEYWORDS = /* @__PURE__ */ new Set([
      "$ref",
      "$recursiveRef",
      "$recursiveAnchor",
      "$dynamicRef",
      "$dynamicAnchor"
    ]);
    function hasRef(schema) {
      for (const key in schema) {
        if (REF_KEYWORDS.has(key))
          return true;
        const sch = schema[key];
        if (Array.isArray(sch) && sch.some(hasRef))
          return true;
        if (typeof sch == "object" && hasRef(sch))
          return true;
      }
      return false;
    }
    function countKeys(schema) {
      let count = 0;
      for (const key in schema) {
        if (key === "$ref")
          return Infinity;
        count++;
        if (SIMPLE_INLINED.has(key))
          continue;
        if (typeof schema[key] == "object") {
          (0, util_1.eachItem)(schema[key], (sch) => count += countKeys(sch));
        }
        if (count === Infinity)
          return Infinity;
      }
      return count;
    }
    function getFullPath(resolver, id = "", normalize) {
      if (normalize !== false)
        id = normalizeId(id);
      const p = resolver.parse(id);
      return _getFullPath(resolver, p);
    }
    exports.getFullPath = getFullPath;
    function _getFullPath(resolver, p) {
      const serialized = resolver.serialize(p);
      return serialized.split("#")[0] + "#";
    }
    exports._getFullPath = _getFullPath;
    var TRAILING_SLASH_HASH = /#\/?$/;
    function normalizeId(id) {
      return id ? id.replace(TRAILING_SLASH_HASH, "") : "";
    }
    exports.normalizeId = normalizeId;
    function resolveUrl(resolver, baseId, id) {
      id = normalizeId(id);
      return resolver.resolve(baseId, id);
    }
    exports.resolveUrl = resolveUrl;
    var ANCHOR = /^[a-z_][-a-z0-9._]*$/i;
    function getSchemaRefs(schema, baseId) {
      if (typeof schema == "boolean")
        return {};
      const { schemaId, uriResolver } = this.opts;
      const schId = normalizeId(schema[schemaId] || baseId);
      const baseIds = { "": schId };
      const pathPrefix = getFullPath(uriResolver, schId, false);
      const localRefs = {};
      const schemaRefs = /* @__PURE__ */ new Set();
      traverse(schema, { allKeys: true }, (sch, jsonPtr, _, parentJsonPtr) => {
        if (parentJsonPtr === void 0)
          return;
        const fullPath = pathPrefix + jsonPtr;
        let innerBaseId = baseIds[parentJsonPtr];
        if (typeof sch[schemaId] == "string")
          innerBaseId = addRef.call(this, sch[schemaId]);
        addAnchor.call(this, sch.$anchor);
        addAnchor.call(this, sch.$dynamicAnchor);
        baseIds[jsonPtr] = innerBaseId;
        function addRef(ref) {
          const _resolve = this.opts.uriResolver.resolve;
          ref = normalizeId(innerBaseId ? _resolve(innerBaseId, ref) : ref);
          if (schemaRefs.has(ref))
            throw ambiguos(ref);
          schemaRefs.add(ref);
          let schOrRef = this.refs[ref];
          if (typeof schOrRef == "string")
            schOrRef = this.refs[schOrRef];
          if (typeof schOrRef == "object") {
            checkAmbiguosRef(sch, schOrRef.schema, ref);
          } else if (ref !== normalizeId(fullPath)) {
            if (ref[0] === "#") {
              checkAmbiguosRef(sch, localRefs[ref], ref);
              localRefs[ref] = sch;
            } else {
              this.refs[ref] = fullPath;
            }
          }
          return ref;
        }
        function addAnchor(anchor) {
          if (typeof anchor == "string") {
            if (!ANCHOR.test(anchor))
              throw new Error(`invalid anchor "${anchor}"`);
            addRef.call(this, `#${anchor}`);
          }
        }
      });
      return localRefs;
      function checkAmbiguosRef(sch1, sch2, ref) {
        if (sch2 !== void 0 && !equal(sch1, sch2))
          throw ambiguos(ref);
      }
      function ambiguos(ref) {
        return new Error(`reference "${ref}" resolves to more than one schema`);
      }
    }
    exports.getSchemaRefs = getSchemaRefs;
  }
});

// node_modules/ajv/dist/compile/validate/index.js
var require_validate = __commonJS({
  "node_modules/ajv/dist/compile/validate/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getData = exports.KeywordCxt = exports.validateFunctionCode = void 0;
    var boolSchema_1 = require_boolSchema();
    var dataType_1 = require_dataType();
    var applicability_1 = require_applicability();
    var dataType_2 = require_dataType();
    var defaults_1 = require_defaults();
    var keyword_1 = require_keyword();
    var subschema_1 = require_subschema();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var resolve_1 = require_resolve();
    var util_1 = require_util();
    var errors_1 = require_errors2();
    function validateFunctionCode(it) {
      if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
          topSchemaObjCode(it);
          return;
        }
      }
      validateFunction(it, () => (0, boolSchema_1.topBoolOrEmptySchema)(it));
    }
    exports.validateFunctionCode = validateFunctionCode;
    function validateFunction({ gen, validateName, schema, schemaEnv, opts }, body) {
      if (opts.code.es5) {
        gen.func(validateName, (0, codegen_1._)`${names_1.default.data}, ${names_1.default.valCxt}`, schemaEnv.$async, () => {
          gen.code((0, codegen_1._)`"use strict"; ${funcSourceUrl(schema, opts)}`);
          destructureValCxtES5(gen, opts);
          gen.code(body);
        });
      } else {
        gen.func(validateName, (0, codegen_1._)`${names_1.default.data}, ${destructureValCxt(opts)}`, schemaEnv.$async, () => gen.code(funcSourceUrl(schema, opts)).code(body));
      }
    }
    function destructureValCxt(opts) {
      return (0, codegen_1._)`{${names_1.default.instancePath}="", ${names_1.default.parentData}, ${names_1.default.parentDataProperty}, ${names_1.default.rootData}=${names_1.default.data}${opts.dynamicRef ? (0, codegen_1._)`, ${names_1.default.dynamicAnchors}={}` : codegen_1.nil}}={}`;
    }
    function destructureValCxtES5(gen, opts) {
      gen.if(names_1.default.valCxt, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.instancePath}`);
        gen.var(names_1.default.parentData, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.parentData}`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.parentDataProperty}`);
        gen.var(names_1.default.rootData, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.rootData}`);
        if (opts.dynamicRef)
          gen.var(names_1.default.dynamicAnchors, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.dynamicAnchors}`);
      }, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._)`""`);
        gen.var(names_1.default.parentData, (0, codegen_1._)`undefined`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._)`undefined`);
        gen.var(names_1.default.rootData, names_1.default.data);
        if (opts.dynamicRef)
          gen.var(names_1.default.dynamicAnchors, (0, codegen_1._)`{}`);
      });
    }
    function topSchemaObjCode(it) {
      const { schema, opts, gen } = it;
      validateFunction(it, () => {
        if (opts.$comment && schema.$comment)
          commentKeyword(it);
        checkNoDefault(it);
        gen.let(names_1.default.vErrors, null);
        gen.let(names_1.default.errors, 0);
        if (opts.unevaluated)
          resetEvaluated(it);
        typeAndKeywords(it);
        returnResults(it);
      });
      return;
    }
    function resetEvaluated(it) {
      const { gen, validateName } = it;
      it.evaluated = gen.const("evaluated", (0, codegen_1._)`${validateName}.evaluated`);
      gen.if((0, codegen_1._)`${it.evaluated}.dynamicProps`, () => gen.assign((0, codegen_1._)`${it.evaluated}.props`, (0, codegen_1._)`undefined`));
      gen.if((0, codegen_1._)`${it.evaluated}.dynamicItems`, () => gen.assign((0, codegen_1._)`${it.evaluated}.items`, (0, codegen_1._)`undefined`));
    }
    function funcSourceUrl(schema, opts) {
      const schId = typeof schema == "object" && schema[opts.schemaId];
      return schId && (opts.code.source || opts.code.process) ? (0, codegen_1._)`/*# sourceURL=${schId} */` : codegen_1.nil;
    }
    function subschemaCode(it, valid) {
      if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
          subSchemaObjCode(it, valid);
          return;
        }
      }
      (0, boolSchema_1.boolOrEmptySchema)(it, valid);
    }
    function schemaCxtHasRules({ schema, self }) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (self.RULES.all[key])
          return true;
      return false;
    }
    function isSchemaObj(it) {
      return typeof it.schema != "boolean";
    }
    function subSchemaObjCode(it, valid) {
      const { schema, gen, opts } = it;
      if (opts.$comment && schema.$comment)
        commentKeyword(it);
      updateContext(it);
      checkAsyncSchema(it);
      const errsCount = gen.const("_errs", names_1.default.errors);
      typeAndKeywords(it, errsCount);
      gen.var(valid, (0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
    }
    function checkKeywords(it) {
      (0, util_1.checkUnknownRules)(it);
      checkRefsAndKeywords(it);
    }
    function typeAndKeywords(it, errsCount) {
      if (it.opts.jtd)
        return schemaKeywords(it, [], false, errsCount);
      const types3 = (0, dataType_1.getSchemaTypes)(it.schema);
      const checkedTypes = (0, dataType_1.coerceAndCheckDataType)(it, types3);
      schemaKeywords(it, types3, !checkedTypes, errsCount);
    }
    function checkRefsAndKeywords(it) {
      const { schema, errSchemaPath, opts, self } = it;
      if (schema.$ref && opts.ignoreKeywordsWithRef && (0, util_1.schemaHasRulesButRef)(schema, self.RULES)) {
        self.logger.warn(`$ref: keywords ignored in schema at path "${errSchemaPath}"`);
      }
    }
    function checkNoDefault(it) {
      const { schema, opts } = it;
      if (schema.default !== void 0 && opts.useDefaults && opts.strictSchema) {
        (0, util_1.checkStrictMode)(it, "default is ignored in the schema root");
      }
    }
    function updateContext(it) {
      const schId = it.schema[it.opts.schemaId];
      if (schId)
        it.baseId = (0, resolve_1.resolveUrl)(it.opts.uriResolver, it.baseId, schId);
    }
    function checkAsyncSchema(it) {
      if (it.schema.$async && !it.schemaEnv.$async)
        throw new Error("async schema in sync schema");
    }
    function commentKeyword({ gen, schemaEnv, schema, errSchemaPath, opts }) {
      const msg = schema.$comment;
      if (opts.$comment === true) {
        gen.code((0, codegen_1._)`${names_1.default.self}.logger.log(${msg})`);
      } else if (typeof opts.$comment == "function") {
        const schemaPath = (0, codegen_1.str)`${errSchemaPath}/$comment`;
        const rootName = gen.scopeValue("root", { ref: schemaEnv.root });
        gen.code((0, codegen_1._)`${names_1.default.self}.opts.$comment(${msg}, ${schemaPath}, ${rootName}.schema)`);
      }
    }
    function returnResults(it) {
      const { gen, schemaEnv, validateName, ValidationError: ValidationError2, opts } = it;
      if (schemaEnv.$async) {
        gen.if((0, codegen_1._)`${names_1.default.errors} === 0`, () => gen.return(names_1.default.data), () => gen.throw((0, codegen_1._)`new ${ValidationError2}(${names_1.default.vErrors})`));
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, names_1.default.vErrors);
        if (opts.unevaluated)
          assignEvaluated(it);
        gen.return((0, codegen_1._)`${names_1.default.errors} === 0`);
      }
    }
    function assignEvaluated({ gen, evaluated, props, items }) {
      if (props instanceof codegen_1.Name)
        gen.assign((0, codegen_1._)`${evaluated}.props`, props);
      if (items instanceof codegen_1.Name)
        gen.assign((0, codegen_1._)`${evaluated}.items`, items);
    }
    function schemaKeywords(it, types3, typeErrors, errsCount) {
      const { gen, schema, data, allErrors, opts, self } = it;
      const { RULES } = self;
      if (schema.$ref && (opts.ignoreKeywordsWithRef || !(0, util_1.schemaHasRulesButRef)(schema, RULES))) {
        gen.block(() => keywordCode(it, "$ref", RULES.all.$ref.definition));
        return;
      }
      if (!opts.jtd)
        checkStrictTypes(it, types3);
      gen.block(() => {
        for (const group of RULES.rules)
          groupKeywords(group);
        groupKeywords(RULES.post);
      });
      function groupKeywords(group) {
        if (!(0, applicability_1.shouldUseGroup)(schema, group))
          return;
        if (group.type) {
          gen.if((0, dataType_2.checkDataType)(group.type, data, opts.strictNumbers));
          iterateKeywords(it, group);
          if (types3.length === 1 && types3[0] === group.type && typeErrors) {
            gen.else();
            (0, dataType_2.reportTypeError)(it);
          }
          gen.endIf();
        } else {
          iterateKeywords(it, group);
        }
        if (!allErrors)
          gen.if((0, codegen_1._)`${names_1.default.errors} === ${errsCount || 0}`);
      }
    }
    function iterateKeywords(it, group) {
      const { gen, schema, opts: { useDefaults } } = it;
      if (useDefaults)
        (0, defaults_1.assignDefaults)(it, group.type);
      gen.block(() => {
        for (const rule of group.rules) {
          if ((0, applicability_1.shouldUseRule)(schema, rule)) {
            keywordCode(it, rule.keyword, rule.definition, group.type);
          }
        }
      });
    }
    function checkStrictTypes(it, types3) {
      if (it.schemaEnv.meta || !it.opts.strictTypes)
        return;
      checkContextTypes(it, types3);
      if (!it.opts.allowUnionTypes)
        checkMultipleTypes(it, types3);
      checkKeywordTypes(it, it.dataTypes);
    }
    function checkContextTypes(it, types3) {
      if (!types3.length)
        return;
      if (!it.dataTypes.length) {
        it.dataTypes = types3;
        return;
      }
      types3.forEach((t) => {
        if (!includesType(it.dataTypes, t)) {
          strictTypesError(it, `type "${t}" not allowed by context "${it.dataTypes.join(",")}"`);
        }
      });
      narrowSchemaTypes(it, types3);
    }
    function checkMultipleTypes(it, ts) {
      if (ts.length > 1 && !(ts.length === 2 && ts.includes("null"))) {
        strictTypesError(it, "use allowUnionTypes to allow union type keyword");
      }
    }
    function checkKeywordTypes(it, ts) {
      const rules = it.self.RULES.all;
      for (const keyword in rules) {
        const rule = rules[keyword];
        if (typeof rule == "object" && (0, applicability_1.shouldUseRule)(it.schema, rule)) {
          const { type } = rule.definition;
          if (type.length && !type.some((t) => hasApplicableType(ts, t))) {
            strictTypesError(it, `missing type "${type.join(",")}" for keyword "${keyword}"`);
          }
        }
      }
    }
    function hasApplicableType(schTs, kwdT) {
      return schTs.includes(kwdT) || kwdT === "number" && schTs.includes("integer");
    }
    function includesType(ts, t) {
      return ts.includes(t) || t === "integer" && ts.includes("number");
    }
    function narrowSchemaTypes(it, withTypes) {
      const ts = [];
      for (const t of it.dataTypes) {
        if (includesType(withTypes, t))
          ts.push(t);
        else if (withTypes.includes("integer") && t === "number")
          ts.push("integer");
      }
      it.dataTypes = ts;
    }
    function strictTypesError(it, msg) {
      const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
      msg += ` at "${schemaPath}" (strictTypes)`;
      (0, util_1.checkStrictMode)(it, msg, it.opts.strictTypes);
    }
    var KeywordCxt = class {
      constructor(it, def, keyword) {
        (0, keyword_1.validateKeywordUsage)(it, def, keyword);
        this.gen = it.gen;
        this.allErrors = it.allErrors;
        this.keyword = keyword;
        this.data = it.data;
        this.schema = it.schema[keyword];
        this.$data = def.$data && it.opts.$data && this.schema && this.schema.$data;
        this.schemaValue = (0, util_1.schemaRefOrVal)(it, this.schema, keyword, this.$data);
        this.schemaType = def.schemaType;
        this.parentSchema = it.schema;
        this.params = {};
        this.it = it;
        this.def = def;
        if (this.$data) {
          this.schemaCode = it.gen.const("vSchema", getData(this.$data, it));
        } else {
          this.schemaCode = this.schemaValue;
          if (!(0, keyword_1.validSchemaType)(this.schema, def.schemaType, def.allowUndefined)) {
            throw new Error(`${keyword} value must be ${JSON.stringify(def.schemaType)}`);
          }
        }
        if ("code" in def ? def.trackErrors : def.errors !== false) {
          this.errsCount = it.gen.const("_errs", names_1.default.errors);
        }
      }
      result(condition, successAction, failAction) {
        this.failResult((0, codegen_1.not)(condition), successAction, failAction);
      }
      failResult(condition, successAction, failAction) {
        this.gen.if(condition);
        if (failAction)
          failAction();
        else
          this.error();
        if (successAction) {
          this.gen.else();
          successAction();
          if (this.allErrors)
            this.gen.endIf();
        } else {
          if (this.allErrors)
            this.gen.endIf();
          else
            this.gen.else();
        }
      }
      pass(condition, failAction) {
        this.failResult((0, codegen_1.not)(condition), void 0, failAction);
      }
      fail(condition) {
        if (condition === void 0) {
          this.error();
          if (!this.allErrors)
            this.gen.if(false);
          return;
        }
        this.gen.if(condition);
        this.error();
        if (this.allErrors)
          this.gen.endIf();
        else
          this.gen.else();
      }
      fail$data(condition) {
        if (!this.$data)
          return this.fail(condition);
        const { schemaCode } = this;
        this.fail((0, codegen_1._)`${schemaCode} !== undefined && (${(0, codegen_1.or)(this.invalid$data(), condition)})`);
      }
      error(append, errorParams, errorPaths) {
        if (errorParams) {
          this.setParams(errorParams);
          this._error(append, errorPaths);
          this.setParams({});
          return;
        }
        this._error(append, errorPaths);
      }
      _error(append, errorPaths) {
        ;
        (append ? errors_1.reportExtraError : errors_1.reportError)(this, this.def.error, errorPaths);
      }
      $dataError() {
        (0, errors_1.reportError)(this, this.def.$dataError || errors_1.keyword$DataError);
      }
      reset() {
        if (this.errsCount === void 0)
          throw new Error('add "trackErrors" to keyword definition');
        (0, errors_1.resetErrorsCount)(this.gen, this.errsCount);
      }
      ok(cond) {
        if (!this.allErrors)
          this.gen.if(cond);
      }
      setParams(obj, assign) {
        if (assign)
          Object.assign(this.params, obj);
        else
          this.params = obj;
      }
      block$data(valid, codeBlock, $dataValid = codegen_1.nil) {
        this.gen.block(() => {
          this.check$data(valid, $dataValid);
          codeBlock();
        });
      }
      check$data(valid = codegen_1.nil, $dataValid = codegen_1.nil) {
        if (!this.$data)
          return;
        const { gen, schemaCode, schemaType, def } = this;
        gen.if((0, codegen_1.or)((0, codegen_1._)`${schemaCode} === undefined`, $dataValid));
        if (valid !== codegen_1.nil)
          gen.assign(valid, true);
        if (schemaType.length || def.validateSchema) {
          gen.elseIf(this.invalid$data());
          this.$dataError();
          if (valid !== codegen_1.nil)
            gen.assign(valid, false);
        }
        gen.else();
      }
      invalid$data() {
        const { gen, schemaCode, schemaType, def, it } = this;
        return (0, codegen_1.or)(wrong$DataType(), invalid$DataSchema());
        function wrong$DataType() {
          if (schemaType.length) {
            if (!(schemaCode instanceof codegen_1.Name))
              throw new Error("ajv implementation error");
            const st = Array.isArray(schemaType) ? schemaType : [schemaType];
            return (0, codegen_1._)`${(0, dataType_2.checkDataTypes)(st, schemaCode, it.opts.strictNumbers, dataType_2.DataType.Wrong)}`;
          }
          return codegen_1.nil;
        }
        function invalid$DataSchema() {
          if (def.validateSchema) {
            const validateSchemaRef = gen.scopeValue("validate$data", { ref: def.validateSchema });
            return (0, codegen_1._)`!${validateSchemaRef}(${schemaCode})`;
          }
          return codegen_1.nil;
        }
      }
      subschema(appl, valid) {
        const subschema = (0, subschema_1.getSubschema)(this.it, appl);
        (0, subschema_1.extendSubschemaData)(subschema, this.it, appl);
        (0, subschema_1.extendSubschemaMode)(subschema, appl);
        const nextContext = { ...this.it, ...subschema, items: void 0, props: void 0 };
        subschemaCode(nextContext, valid);
        return nextContext;
      }
      mergeEvaluated(schemaCxt, toName) {
        const { it, gen } = this;
        if (!it.opts.unevaluated)
          return;
        if (it.props !== true && schemaCxt.props !== void 0) {
          it.props = util_1.mergeEvaluated.props(gen, schemaCxt.props, it.props, toName);
        }
        if (it.items !== true && schemaCxt.items !== void 0) {
          it.items = util_1.mergeEvaluated.items(gen, schemaCxt.items, it.items, toName);
        }
      }
      mergeValidEvaluated(schemaCxt, valid) {
        const { it, gen } = this;
        if (it.opts.unevaluated && (it.props !== true || it.items !== true)) {
          gen.if(valid, () => this.mergeEvaluated(schemaCxt, codegen_1.Name));
          return true;
        }
      }
    };
    exports.KeywordCxt = KeywordCxt;
    function keywordCode(it, keyword, def, ruleType) {
      const cxt = new KeywordCxt(it, def, keyword);
      if ("code" in def) {
        def.code(cxt, ruleType);
      } else if (cxt.$data && def.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def);
      } else if ("macro" in def) {
        (0, keyword_1.macroKeywordCode)(cxt, def);
      } else if (def.compile || def.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def);
      }
    }
    var JSON_POINTER = /^\/(?:[^~]|~0|~1)*$/;
    var RELATIVE_JSON_POINTER = /^([0-9]+)(#|\/(?:[^~]|~0|~1)*)?$/;
    function getData($data, { dataLevel, dataNames, dataPathArr }) {
      let jsonPointer;
      let data;
      if ($data === "")
        return names_1.default.rootData;
      if ($data[0] === "/") {
        if (!JSON_POINTER.test($data))
          throw new Error(`Invalid JSON-pointer: ${$data}`);
        jsonPointer = $data;
        data = names_1.default.rootData;
      } else {
        const matches2 = RELATIVE_JSON_POINTER.exec($data);
        if (!matches2)
          throw new Error(`Invalid JSON-pointer: ${$data}`);
        const up = +matches2[1];
        jsonPointer = matches2[2];
        if (jsonPointer === "#") {
          if (up >= dataLevel)
            throw new Error(errorMsg("property/index", up));
          return dataPathArr[dataLevel - up];
        }
        if (up > dataLevel)
          throw new Error(errorMsg("data", up));
        data = dataNames[dataLevel - up];
        if (!jsonPointer)
          return data;
      }
      let expr = data;
      const segments = jsonPointer.split("/");
      for (const segment of segments) {
        if (segment) {
          data = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)((0, util_1.unescapeJsonPointer)(segment))}`;
          expr = (0, codegen_1._)`${expr} && ${data}`;
        }
      }
      return expr;
      function errorMsg(pointerType, up) {
        return `Cannot access ${pointerType} ${up} levels up, current level is ${dataLevel}`;
      }
    }
    exports.getData = getData;
  }
});

// node_modules/ajv/dist/runtime/validation_error.js
var require_validation_error = __commonJS({
  "node_modules/ajv/dist/runtime/validation_error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var ValidationError2 = class extends Error {
      constructor(errors) {
        super("validation failed");
        this.errors = errors;
        this.ajv = this.validation = true;
      }
    };
    exports.default = ValidationError2;
  }
});

// node_modules/ajv/dist/compile/ref_error.js
var require_ref_error = __commonJS({
  "node_modules/ajv/dist/compile/ref_error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var resolve_1 = require_resolve();
    var MissingRefError = class extends Error {
      constructor(resolver, baseId, ref, msg) {
        super(msg || `can't resolve reference ${ref} from id ${baseId}`);
        this.missingRef = (0, resolve_1.resolveUrl)(resolver, baseId, ref);
        this.missingSchema = (0, resolve_1.normalizeId)((0, resolve_1.getFullPath)(resolver, this.missingRef));
      }
    };
    exports.default = MissingRefError;
  }
});

// node_modules/ajv/dist/compile/index.js
var require_compile = __commonJS({
  "node_modules/ajv/dist/compile/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.resolveSchema = exports.getCompilingSchema = exports.resolveRef = exports.compileSchema = exports.SchemaEnv = void 0;
    var codegen_1 = require_codegen();
    var validation_error_1 = require_validation_error();
    var names_1 = require_names();
    var resolve_1 = require_resolve();
    var util_1 = require_util();
    var validate_1 = require_validate();
    var SchemaEnv = class {
      constructor(env) {
        var _a;
        this.refs = {};
        this.dynamicAnchors = {};
        let schema;
        if (typeof env.schema == "object")
          schema = env.schema;
        this.schema = env.schema;
        this.schemaId = env.schemaId;
        this.root = env.root || this;
        this.baseId = (_a = env.baseId) !== null && _a !== void 0 ? _a : (0, resolve_1.normalizeId)(schema === null || schema === void 0 ? void 0 : schema[env.schemaId || "$id"]);
        this.schemaPath = env.schemaPath;
        this.localRefs = env.localRefs;
        this.meta = env.meta;
        this.$async = schema === null || schema === void 0 ? void 0 : schema.$async;
        this.refs = {};
      }
    };
    exports.SchemaEnv = SchemaEnv;
    function compileSchema(sch) {
      const _sch = getCompilingSchema.call(this, sch);
      if (_sch)
        return _sch;
      const rootId = (0, resolve_1.getFullPath)(this.opts.uriResolver, sch.root.baseId);
      const { es5, lines } = this.opts.code;
      const { ownProperties } = this.opts;
      const gen = new codegen_1.CodeGen(this.scope, { es5, lines, ownProperties });
      let _ValidationError;
      if (sch.$async) {
        _ValidationError = gen.scopeValue("Error", {
          ref: validation_error_1.default,
          code: (0, codegen_1._)`require("ajv/dist/runtime/validation_error").default`
        });
      }
      const validateName = gen.scopeName("validate");
      sch.validateName = validateName;
      const schemaCxt = {
        gen,
        allErrors: this.opts.allErrors,
        data: names_1.default.data,
        parentData: names_1.default.parentData,
        parentDataProperty: names_1.default.parentDataProperty,
        dataNames: [names_1.default.data],
        dataPathArr: [codegen_1.nil],
        // TODO can its length be used as dataLevel if nil is removed?
        dataLevel: 0,
        dataTypes: [],
        definedProperties: /* @__PURE__ */ new Set(),
        topSchemaRef: gen.scopeValue("schema", this.opts.code.source === true ? { ref: sch.schema, code: (0, codegen_1.stringify)(sch.schema) } : { ref: sch.schema }),
        validateName,
        ValidationError: _ValidationError,
        schema: sch.schema,
        schemaEnv: sch,
        rootId,
        baseId: sch.baseId || rootId,
        schemaPath: codegen_1.nil,
        errSchemaPath: sch.schemaPath || (this.opts.jtd ? "" : "#"),
        errorPath: (0, codegen_1._)`""`,
        opts: this.opts,
        self: this
      };
      let sourceCode;
      try {
        this._compilations.add(sch);
        (0, validate_1.validateFunctionCode)(schemaCxt);
        gen.optimize(this.opts.code.optimize);
        const validateCode = gen.toString();
        sourceCode = `${gen.scopeRefs(names_1.default.scope)}return ${validateCode}`;
        if (this.opts.code.process)
          sourceCode = this.opts.code.process(sourceCode, sch);
        const makeValidate = new Function(`${names_1.default.self}`, `${names_1.default.scope}`, sourceCode);
        const validate = makeValidate(this, this.scope.get());
        this.scope.value(validateName, { ref: validate });
        validate.errors = null;
        validate.schema = sch.schema;
        validate.schemaEnv = sch;
        if (sch.$async)
          validate.$async = true;
        if (this.opts.code.source === true) {
          validate.source = { validateName, validateCode, scopeValues: gen._values };
        }
        if (this.opts.unevaluated) {
          const { props, items } = schemaCxt;
          validate.evaluated = {
            props: props instanceof codegen_1.Name ? void 0 : props,
            items: items instanceof codegen_1.Name ? void 0 : items,
            dynamicProps: props instanceof codegen_1.Name,
            dynamicItems: items instanceof codegen_1.Name
          };
          if (validate.source)
            validate.source.evaluated = (0, codegen_1.stringify)(validate.evaluated);
        }
        sch.validate = validate;
        return sch;
      } catch (e) {
        delete sch.validate;
        delete sch.validateName;
        if (sourceCode)
          this.logger.error("Error compiling schema, function code:", sourceCode);
        throw e;
      } finally {
        this._compilations.delete(sch);
      }
    }
    exports.compileSchema = compileSchema;
    function resolveRef(root, baseId, ref) {
      var _a;
      ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, ref);
      const schOrFunc = root.refs[ref];
      if (schOrFunc)
        return schOrFunc;
      let _sch = resolve3.call(this, root, ref);
      if (_sch === void 0) {
        const schema = (_a = root.localRefs) === null || _a === void 0 ? void 0 : _a[ref];
        const { schemaId } = this.opts;
        if (schema)
          _sch = new SchemaEnv({ schema, schemaId, root, baseId });
      }
      if (_sch === void 0)
        return;
      return root.refs[ref] = inlineOrCompile.call(this, _sch);
    }
    exports.resolveRef = resolveRef;
    function inlineOrCompile(sch) {
      if ((0, resolve_1.inlineRef)(sch.schema, this.opts.inlineRefs))
        return sch.schema;
      return sch.validate ? sch : compileSchema.call(this, sch);
    }
    function getCompilingSchema(schEnv) {
      for (const sch of this._compilations) {
        if (sameSchemaEnv(sch, schEnv))
          return sch;
      }
    }
    exports.getCompilingSchema = getCompilingSchema;
    function sameSchemaEnv(s1, s2) {
      return s1.schema === s2.schema && s1.root === s2.root && s1.baseId === s2.baseId;
    }
    function resolve3(root, ref) {
      let sch;
      while (typeof (sch = this.refs[ref]) == "string")
        ref = sch;
      return sch || this.schemas[ref] || resolveSchema.call(this, root, ref);
    }
    function resolveSchema(root, ref) {
      const p = this.opts.uriResolver.parse(ref);
      const refPath = (0, resolve_1._getFullPath)(this.opts.uriResolver, p);
      let baseId = (0, resolve_1.getFullPath)(this.opts.uriResolver, root.baseId, void 0);
      if (Object.keys(root.schema).length > 0 && refPath === baseId) {
        return getJsonPointer.call(this, p, root);
      }
      const id = (0, resolve_1.normalizeId)(refPath);
      const schOrRef = this.refs[id] || this.schemas[id];
      if (typeof schOrRef == "string") {
        const sch = resolveSchema.call(this, root, schOrRef);
        if (typeof (sch === null || sch === void 0 ? void 0 : sch.schema) !== "object")
          return;
        return getJsonPointer.call(this, p, sch);
      }
      if (typeof (schOrRef === null || schOrRef === void 0 ? void 0 : schOrRef.schema) !== "object")
        return;
      if (!schOrRef.validate)
        compileSchema.call(this, schOrRef);
      if (id === (0, resolve_1.normalizeId)(ref)) {
        const { schema } = schOrRef;
        const { schemaId } = this.opts;
        const schId = schema[schemaId];
        if (schId)
          baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        return new SchemaEnv({ schema, schemaId, root, baseId });
      }
      return getJsonPointer.call(this, p, schOrRef);
    }
    exports.resolveSchema = resolveSchema;
    var PREVENT_SCOPE_CHANGE = /* @__PURE__ */ new Set([
      "properties",
      "patternProperties",
      "enum",
      "dependencies",
      "definitions"
    ]);
    function getJsonPointer(parsedRef, { baseId, schema, root }) {
      var _a;
      if (((_a = parsedRef.fragment) === null || _a === void 0 ? void 0 : _a[0]) !== "/")
        return;
      for (const part of parsedRef.fragment.slice(1).split("/")) {
        if (typeof schema === "boolean")
          return;
        const partSchema = schema[(0, util_1.unescapeFragment)(part)];
        if (partSchema === void 0)
          return;
        schema = partSchema;
        const schId = typeof schema === "object" && schema[this.opts.schemaId];
        if (!PREVENT_SCOPE_CHANGE.has(part) && schId) {
          baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        }
      }
      let env;
      if (typeof schema != "boolean" && schema.$ref && !(0, util_1.schemaHasRulesButRef)(schema, this.RULES)) {
        const $ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schema.$ref);
        env = resolveSchema.call(this, root, $ref);
      }
      const { schemaId } = this.opts;
      env = env || new SchemaEnv({ schema, schemaId, root, baseId });
      if (env.schema !== env.root.schema)
        return env;
      return void 0;
    }
  }
});

// node_modules/ajv/dist/refs/data.json
var require_data = __commonJS({
  "node_modules/ajv/dist/refs/data.json"(exports, module) {
    module.exports = {
      $id: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#",
      description: "Meta-schema for $data reference (JSON AnySchema extension proposal)",
      type: "object",
      required: ["$data"],
      properties: {
        $data: {
          type: "string",
          anyOf: [{ format: "relative-json-pointer" }, { format: "json-pointer" }]
        }
      },
      additionalProperties: false
    };
  }
});

// node_modules/fast-uri/lib/utils.js
var require_utils = __commonJS({
  "node_modules/fast-uri/lib/utils.js"(exports, module) {
    "use strict";
    var isUUID = RegExp.prototype.test.bind(/^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/iu);
    var isIPv4 = RegExp.prototype.test.bind(/^(?:(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)$/u);
    var isPort = RegExp.prototype.test.bind(/^\d*$/u);
    var isHexPair = RegExp.prototype.test.bind(/^[\da-f]{2}$/iu);
    var isUnreserved = RegExp.prototype.test.bind(/^[\da-z\-._~]$/iu);
    var isPathCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/]$/u);
    var isQueryFragmentCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]$/u);
    var isUserinfoCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:]$/u);
    var BYTE_HEX = new Array(256);
    {
      const HEX_DIGITS = "0123456789ABCDEF";
      for (let i = 0; i < 256; i++) {
        BYTE_HEX[i] = "%" + HEX_DIGITS[i >> 4] + HEX_DIGITS[i & 15];
      }
    }
    function percentEncodeNonAscii(cp) {
      if (cp < 2048) {
        return BYTE_HEX[192 | cp >> 6] + BYTE_HEX[128 | cp & 63];
      }
      if (cp < 65536) {
        return BYTE_HEX[224 | cp >> 12] + BYTE_HEX[128 | cp >> 6 & 63] + BYTE_HEX[128 | cp & 63];
      }
      return BYTE_HEX[240 | cp >> 18] + BYTE_HEX[128 | cp >> 12 & 63] + BYTE_HEX[128 | cp >> 6 & 63] + BYTE_HEX[128 | cp & 63];
    }
    function stringArrayToHexStripped(input) {
      let acc = "";
      let code = 0;
      let i = 0;
      for (i = 0; i < input.length; i++) {
        code = input[i].charCodeAt(0);
        if (code === 48) {
          continue;
        }
        if (!(code >= 48 && code <= 57 || code >= 65 && code <= 70 || code >= 97 && code <= 102)) {
          return "";
        }
        acc += input[i];
        break;
      }
      for (i += 1; i < input.length; i++) {
        code = input[i].charCodeAt(0);
        if (!(code >= 48 && code <= 57 || code >= 65 && code <= 70 || code >= 97 && code <= 102)) {
          return "";
        }
        acc += input[i];
      }
      return acc;
    }
    var isHextet = RegExp.prototype.test.bind(/^[\dA-Fa-f]{1,4}$/);
    var isIPvFuture = RegExp.prototype.test.bind(/^[vV][\dA-Fa-f]+\.[A-Za-z\d\-._~!$&'()*+,;=:]+$/);
    var isZoneCharacter = RegExp.prototype.test.bind(/^[A-Za-z\d\-._~]$/);
    var nonSimpleDomain = RegExp.prototype.test.bind(/[^!"$&'()*+,\-.;=_`a-z{}~]/u);
    function isZoneIdentifier(zone) {
      if (zone.length === 0) return false;
      for (let i = 0; i < zone.length; i++) {
        if (isZoneCharacter(zone[i])) continue;
        if (zone[i] === "%" && i + 2 < zone.length && isHexPair(zone.slice(i + 1, i + 3))) {
          i += 2;
          continue;
        }
        return false;
      }
      return true;
    }
    function compressIPv6ZeroRun(hextets) {
      let bestStart = -1;
      let bestLength = 0;
      let runStart = -1;
      let runLength = 0;
      for (let i = 0; i < hextets.length; i++) {
        if (hextets[i] === "0") {
          if (runStart === -1) runStart = i;
          runLength++;
          if (runLength > bestLength) {
            bestLength = runLength;
            bestStart = runStart;
          }
        } else {
          runStart = -1;
          runLength = 0;
        }
      }
      if (bestLength < 2) return hextets.join(":");
      const head = hextets.slice(0, bestStart).join(":");
      const tail = hextets.slice(bestStart + bestLength).join(":");
      return head + "::" + tail;
    }
    function normalizeIPv6Address(input) {
      const compression = input.indexOf("::");
      if (compression !== -1 && input.indexOf("::", compression + 1) !== -1) return void 0;
      const left = compression === -1 ? input.split(":") : input.slice(0, compression).split(":");
      const right = compression === -1 ? [] : input.slice(compression + 2).split(":");
      if (compression !== -1) {
        if (left.length === 1 && left[0] === "") left.length = 0;
        if (right.length === 1 && right[0] === "") right.length = 0;
      }
      const parts = left.concat(right);
      let hextetCount = 0;
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (part === "") return void 0;
        if (part.indexOf(".") !== -1) {
          if (i !== parts.length - 1 || compression !== -1 && right.length === 0 || !isIPv4(part)) return void 0;
          hextetCount += 2;
          continue;
        }
        if (!isHextet(part)) return void 0;
        parts[i] = parseInt(part, 16).toString(16);
        hextetCount++;
      }
      if (compression === -1) {
        if (hextetCount !== 8) return void 0;
        return compressIPv6ZeroRun(parts);
      }
      if (hextetCount >= 8) return void 0;
      const expanded = parts.slice(0, left.length);
      for (let i = hextetCount; i < 8; i++) expanded.push("0");
      for (let i = left.length; i < parts.length; i++) expanded.push(parts[i]);
      return compressIPv6ZeroRun(expanded);
    }
    function normalizeIPv6(host) {
      const bracketed = host[0] === "[" && host[host.length - 1] === "]";
      const hasBracket = host[0] === "[" || host[host.length - 1] === "]";
      if (hasBracket && !bracketed) return { host, isIPV6: false, error: true };
      let input = bracketed ? host.slice(1, -1) : host;
      if (bracketed && isIPvFuture(input)) {
        input = input.toLowerCase();
        return { host: `[${input}]`, escapedHost: input, isIPV6: false, isIPVFuture: true };
      }
      if (findToken(input, ":") < 2) {
        return { host, isIPV6: false, error: bracketed };
      }
      let zoneIdentifier = "";
      const zoneSeparator = input.indexOf("%");
      if (zoneSeparator !== -1) {
        const separatorLength = input.slice(zoneSeparator, zoneSeparator + 3).toLowerCase() === "%25" ? 3 : 1;
        zoneIdentifier = input.slice(zoneSeparator + separatorLength);
        if (!isZoneIdentifier(zoneIdentifier)) return { host, isIPV6: false, error: true };
        input = input.slice(0, zoneSeparator);
      }
      const address = normalizeIPv6Address(input);
      if (address === void 0) return { host, isIPV6: false, error: true };
      return {
        host: address + (zoneIdentifier ? "%" + zoneIdentifier : ""),
        escapedHost: address + (zoneIdentifier ? "%25" + zoneIdentifier : ""),
        isIPV6: true
      };
    }
    function findToken(str, token) {
      let ind = 0;
      for (let i = 0; i < str.length; i++) {
        if (str[i] === token) ind++;
      }
      return ind;
    }
    function removeDotSegments(path5) {
      let input = path5;
      const output = [];
      let nextSlash = -1;
      let len = 0;
      while (len = input.length) {
        if (len === 1) {
          if (input === ".") {
            break;
          } else if (input === "/") {
            output.push("/");
            break;
          } else {
            output.push(input);
            break;
          }
        } else if (len === 2) {
          if (input[0] === ".") {
            if (input[1] === ".") {
              break;
            } else if (input[1] === "/") {
              input = input.slice(2);
              continue;
            }
          } else if (input[0] === "/") {
            if (input[1] === "." || input[1] === "/") {
              output.push("/");
              break;
            }
          }
        } else if (len === 3) {
          if (input === "/..") {
            if (output.length !== 0) {
              output.pop();
            }
            output.push("/");
            break;
          }
        }
        if (input[0] === ".") {
          if (input[1] === ".") {
            if (input[2] === "/") {
              input = input.slice(3);
              continue;
            }
          } else if (input[1] === "/") {
            input = input.slice(2);
            continue;
          }
        } else if (input[0] === "/") {
          if (input[1] === ".") {
            if (input[2] === "/") {
              input = input.slice(2);
              continue;
            } else if (input[2] === ".") {
              if (input[3] === "/") {
                input = input.slice(3);
                if (output.length !== 0) {
                  output.pop();
                }
                continue;
              }
            }
          }
        }
        if ((nextSlash = input.indexOf("/", 1)) === -1) {
          output.push(input);
          break;
        } else {
          output.push(input.slice(0, nextSlash));
          input = input.slice(nextSlash);
        }
      }
      return output.join("");
    }
    function removeDotSegmentsRelative(path5) {
      if (path5 === "" || path5[0] === "/") {
        return removeDotSegments(path5);
      }
      const segments = path5.split("/");
      const last = segments.length - 1;
      const output = [];
      let trailingDirectory = false;
      for (let i = 0; i <= last; i++) {
        const segment = segments[i];
        if (segment === "." || segment === "..") {
          if (segment === "..") {
            if (output.length !== 0 && output[output.length - 1] !== "..") {
              output.pop();
            } else {
              output.push("..");
            }
          }
          trailingDirectory = i === last;
        } else {
          output.push(segment);
        }
      }
      if (trailingDirectory && output[output.length - 1] !== "..") {
        output.push("");
      }
      if (output.length === 0 || output[0] === "" || output[0].includes(":")) {
        output.unshift(".");
      }
      return output.join("/");
    }
    var HOST_DELIMS = { "@": "%40", "/": "%2F", "?": "%3F", "#": "%23", ":": "%3A" };
    var HOST_DELIM_RE = /[@/?#:]/g;
    var HOST_DELIM_NO_COLON_RE = /[@/?#]/g;
    function reescapeHostDelimiters(host, isIP2) {
      const re = isIP2 ? HOST_DELIM_NO_COLON_RE : HOST_DELIM_RE;
      re.lastIndex = 0;
      return host.replace(re, (ch) => HOST_DELIMS[ch]);
    }
    function normalizePercentEncoding(input, decodeUnreserved = false) {
      if (input.indexOf("%") === -1) {
        return input;
      }
      let output = "";
      for (let i = 0; i < input.length; i++) {
        if (input[i] === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (decodeUnreserved && isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        output += input[i];
      }
      return output;
    }
    function normalizePathEncoding(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (decoded !== "." && isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        if (isPathCharacter(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += isEscapeSafe(code) ? ch : BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function serializePathEncoding(input, pathNoScheme = false) {
      let output = "";
      let firstSegment = pathNoScheme && input[0] !== "/";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        if (ch === "/") {
          firstSegment = false;
        }
        if (isPathCharacter(ch) && (ch !== ":" || !firstSegment)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function encodeComponent(input, isAllowed) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        if (isAllowed(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function encodeUserinfo(input) {
      return encodeComponent(input, isUserinfoCharacter);
    }
    function encodeQuery2(input) {
      return encodeComponent(input, isQueryFragmentCharacter);
    }
    function encodeFragment(input) {
      return encodeComponent(input, isQueryFragmentCharacter);
    }
    function isEscapeSafe(cp) {
      return cp >= 48 && cp <= 57 || cp >= 65 && cp <= 90 || cp >= 97 && cp <= 122 || cp === 42 || cp === 43 || cp === 45 || cp === 46 || cp === 47 || cp === 64 || cp === 95;
    }
    function normalizeQueryFragmentEncoding(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        if (isQueryFragmentCharacter(ch)) {
          output += ch;
        } else {
          const code = input.charCodeAt(i);
          if (code < 128) {
            output += isEscapeSafe(code) ? ch : BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function escapePreservingEscapes(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        if (input[i] === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        output += escape(input[i]);
      }
      return output;
    }
    function recomposeAuthority(component) {
      const uriTokens = [];
      if (component.userinfo !== void 0) {
        uriTokens.push(encodeUserinfo(component.userinfo));
        uriTokens.push("@");
      }
      if (component.host !== void 0) {
        let host = component.host;
        if (!isIPv4(host)) {
          let ipV6res = normalizeIPv6(host);
          if (ipV6res.isIPV6 !== true && ipV6res.isIPVFuture !== true) {
            host = normalizePercentEncoding(host, true);
            ipV6res = normalizeIPv6(host);
          }
          if (ipV6res.isIPV6 === true || ipV6res.isIPVFuture === true) {
            host = `[${ipV6res.escapedHost}]`;
          } else {
            host = reescapeHostDelimiters(host, false);
          }
        }
        uriTokens.push(host);
      }
      if (typeof component.port === "number" || typeof component.port === "string") {
        const port = String(component.port);
        if (!isPort(port)) {
          throw new TypeError("URI port is malformed.");
        }
        uriTokens.push(":");
        uriTokens.push(port);
      }
      return uriTokens.length ? uriTokens.join("") : void 0;
    }
    module.exports = {
      nonSimpleDomain,
      recomposeAuthority,
      reescapeHostDelimiters,
      normalizePercentEncoding,
      normalizePathEncoding,
      serializePathEncoding,
      normalizeQueryFragmentEncoding,
      encodeUserinfo,
      encodeQuery: encodeQuery2,
      encodeFragment,
      escapePreservingEscapes,
      removeDotSegments,
      removeDotSegmentsRelative,
      isIPv4,
      isUUID,
      normalizeIPv6,
      stringArrayToHexStripped
    };
  }
});

// node_modules/fast-uri/lib/schemes.js
var require_schemes = __commonJS({
  "node_modules/fast-uri/lib/schemes.js"(exports, module) {
    "use strict";
    var { isUUID } = require_utils();
    var URN_REG = /^([\da-z][\d\-a-z]{0,31}):((?:[\w!$'()*+,\-./:;=@]|%[\da-f]{2})+)$/iu;
    var supportedSchemeNames = (
      /** @type {const} */
      [
        "http",
        "https",
        "ws",
        "wss",
        "urn",
        "urn:uuid"
      ]
    );
    function isValidSchemeName(name) {
      return supportedSchemeNames.indexOf(
        /** @type {*} */
        name
      ) !== -1;
    }
    function wsIsSecure(wsComponent) {
      if (wsComponent.secure === true) {
        return true;
      } else if (wsComponent.secure === false) {
        return false;
      } else if (wsComponent.scheme) {
        return wsComponent.scheme.length === 3 && (wsComponent.scheme[0] === "w" || wsComponent.scheme[0] === "W") && (wsComponent.scheme[1] === "s" || wsComponent.scheme[1] === "S") && (wsComponent.scheme[2] === "s" || wsComponent.scheme[2] === "S");
      } else {
        return false;
      }
    }
    function httpParse(component) {
      if (!component.host) {
        component.error = component.error || "HTTP URIs must have a host.";
      }
      return component;
    }
    function httpSerialize(component) {
      const secure = String(component.scheme).toLowerCase() === "https";
      if (component.port === (secure ? 443 : 80) || component.port === "") {
        component.port = void 0;
      }
      if (!component.path) {
        component.path = "/";
      }
      return component;
    }
    function wsParse(wsComponent) {
      wsComponent.secure = wsIsSecure(wsComponent);
      wsComponent.resourceName = (wsComponent.path || "/") + (wsComponent.query ? "?" + wsComponent.query : "");
      wsComponent.path = void 0;
      wsComponent.query = void 0;
      return wsComponent;
    }
    function wsSerialize(wsComponent) {
      if (wsComponent.port === (wsIsSecure(wsComponent) ? 443 : 80) || wsComponent.port === "") {
        wsComponent.port = void 0;
      }
      if (typeof wsComponent.secure === "boolean") {
        wsComponent.scheme = wsComponent.secure ? "wss" : "ws";
        wsComponent.secure = void 0;
      }
      if (wsComponent.resourceName) {
        const queryIndex = wsComponent.resourceName.indexOf("?");
        const path5 = queryIndex === -1 ? wsComponent.resourceName : wsComponent.resourceName.slice(0, queryIndex);
        wsComponent.path = path5 && path5 !== "/" ? path5 : void 0;
        wsComponent.query = queryIndex === -1 ? void 0 : wsComponent.resourceName.slice(queryIndex + 1);
        wsComponent.resourceName = void 0;
      }
      wsComponent.fragment = void 0;
      return wsComponent;
    }
    function urnParse(urnComponent, options) {
      if (!urnComponent.path) {
        urnComponent.error = "URN can not be parsed";
        return urnComponent;
      }
      const matches2 = urnComponent.path.match(URN_REG);
      if (matches2 && matches2[0] === urnComponent.path) {
        const scheme = options.scheme || urnComponent.scheme || "urn";
        urnComponent.nid = matches2[1].toLowerCase();
        urnComponent.nss = matches2[2];
        const urnScheme = `${scheme}:${options.nid || urnComponent.nid}`;
        const schemeHandler = getSchemeHandler(urnScheme);
        urnComponent.path = void 0;
        if (schemeHandler) {
          urnComponent = schemeHandler.parse(urnComponent, options);
        }
      } else {
        urnComponent.error = urnComponent.error || "URN can not be parsed.";
      }
      return urnComponent;
    }
    function urnSerialize(urnComponent, options) {
      if (urnComponent.nid === void 0) {
        throw new Error("URN without nid cannot be serialized");
      }
      const scheme = options.scheme || urnComponent.scheme || "urn";
      const nid = urnComponent.nid.toLowerCase();
      const urnScheme = `${scheme}:${options.nid || nid}`;
      const schemeHandler = getSchemeHandler(urnScheme);
      if (schemeHandler) {
        urnComponent = schemeHandler.serialize(urnComponent, options);
      }
      const uriComponent = urnComponent;
      const nss = urnComponent.nss;
      uriComponent.path = `${nid || options.nid}:${nss}`;
      options.skipEscape = true;
      return uriComponent;
    }
    function urnuuidParse(urnComponent, options) {
      const uuidComponent = urnComponent;
      uuidComponent.uuid = uuidComponent.nss;
      uuidComponent.nss = void 0;
      if (!options.tolerant && (!uuidComponent.uuid || !isUUID(uuidComponent.uuid))) {
        uuidComponent.error = uuidComponent.error || "UUID is not valid.";
      }
      return uuidComponent;
    }
    function urnuuidSerialize(uuidComponent) {
      const urnComponent = uuidComponent;
      urnComponent.nss = (uuidComponent.uuid || "").toLowerCase();
      return urnComponent;
    }
    var http3 = (
      /** @type {SchemeHandler} */
      {
        scheme: "http",
        domainHost: true,
        parse: httpParse,
        serialize: httpSerialize
      }
    );
    var https2 = (
      /** @type {SchemeHandler} */
      {
        scheme: "https",
        domainHost: http3.domainHost,
        parse: httpParse,
        serialize: httpSerialize
      }
    );
    var ws = (
      /** @type {SchemeHandler} */
      {
        scheme: "ws",
        domainHost: true,
        parse: wsParse,
        serialize: wsSerialize
      }
    );
    var wss = (
      /** @type {SchemeHandler} */
      {
        scheme: "wss",
        domainHost: ws.domainHost,
        parse: ws.parse,
        serialize: ws.serialize
      }
    );
    var urn = (
      /** @type {SchemeHandler} */
      {
        scheme: "urn",
        parse: urnParse,
        serialize: urnSerialize,
        skipNormalize: true
      }
    );
    var urnuuid = (
      /** @type {SchemeHandler} */
      {
        scheme: "urn:uuid",
        parse: urnuuidParse,
        serialize: urnuuidSerialize,
        skipNormalize: true
      }
    );
    var SCHEMES = (
      /** @type {Record<SchemeName, SchemeHandler>} */
      {
        http: http3,
        https: https2,
        ws,
        wss,
        urn,
        "urn:uuid": urnuuid
      }
    );
    Object.setPrototypeOf(SCHEMES, null);
    function getSchemeHandler(scheme) {
      return scheme && (SCHEMES[
        /** @type {SchemeName} */
        scheme
      ] || SCHEMES[
        /** @type {SchemeName} */
        scheme.toLowerCase()
      ]) || void 0;
    }
    module.exports = {
      wsIsSecure,
      SCHEMES,
      isValidSchemeName,
      getSchemeHandler
    };
  }
});

// node_modules/fast-uri/index.js
var require_fast_uri = __commonJS({
  "node_modules/fast-uri/index.js"(exports, module) {
    "use strict";
    var { normalizeIPv6, removeDotSegments, removeDotSegmentsRelative, recomposeAuthority, normalizePercentEncoding, normalizePathEncoding, serializePathEncoding, normalizeQueryFragmentEncoding, encodeQuery: encodeQuery2, encodeFragment, reescapeHostDelimiters, isIPv4, nonSimpleDomain } = require_utils();
    var { SCHEMES, getSchemeHandler } = require_schemes();
    var VALID_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/u;
    var MALFORMED_SCHEME_ERROR = "URI scheme is malformed.";
    var MALFORMED_HOST_ERROR = "URI host is malformed.";
    var FORBIDDEN_DOMAIN_HOST_CHARACTER = /[\0-\x20"#/:<>?@[\\\]^`{|}\x7F]/u;
    function validateScheme(scheme) {
      const stringScheme = String(scheme);
      if (!VALID_SCHEME.test(stringScheme)) {
        throw new TypeError(MALFORMED_SCHEME_ERROR);
      }
      return stringScheme;
    }
    function normalize(uri, options) {
      if (typeof uri === "string") {
        uri = /** @type {T} */
        normalizeString(uri, options);
      } else if (typeof uri === "object") {
        uri = /** @type {T} */
        parse2(serialize(uri, options), options);
      }
      return uri;
    }
    function resolve3(baseURI, relativeURI, options) {
      const schemelessOptions = options ? Object.assign({ scheme: "null" }, options) : { scheme: "null" };
      const {
        parsed: baseParsed,
        malformedAuthorityOrPort: baseMalformed,
        malformedPercentEncoding: baseMalformedPercentEncoding,
        malformedSchemeSpecific: baseMalformedSchemeSpecific,
        malformedHost: baseMalformedHost,
        malformedScheme: baseMalformedScheme
      } = parseWithStatus(baseURI, schemelessOptions);
      const {
        parsed: relativeParsed,
        malformedAuthorityOrPort: relativeMalformed,
        malformedPercentEncoding: relativeMalformedPercentEncoding,
        malformedSchemeSpecific: relativeMalformedSchemeSpecific,
        malformedHost: relativeMalformedHost,
        malformedScheme: relativeMalformedScheme
      } = parseWithStatus(relativeURI, schemelessOptions);
      if (baseMalformed || relativeMalformed || baseMalformedPercentEncoding || relativeMalformedPercentEncoding || baseMalformedSchemeSpecific || relativeMalformedSchemeSpecific || baseMalformedHost || relativeMalformedHost || baseMalformedScheme || relativeMalformedScheme) {
        throw new Error(baseParsed.error || relativeParsed.error || "URI is malformed.");
      }
      const resolved = resolveComponent(baseParsed, relativeParsed, schemelessOptions, true);
      const resolvedSchemeHandler = getSchemeHandler(options && options.scheme || resolved.scheme);
      const resolvedHost = resolved.host;
      const resolvedHostIsIP = resolvedHost !== void 0 && resolvedHost !== "" && (isIPv4(resolvedHost) || normalizeIPv6(resolvedHost).isIPV6);
      if (hasForbiddenDomainHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP)) {
        throw new Error(MALFORMED_HOST_ERROR);
      }
      canonicalizeHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP);
      const encodedASCIIHost = resolvedHost && resolvedHost.indexOf("%") !== -1 && !new RegExp("\\P{ASCII}", "u").test(resolvedHost);
      if (resolved.error && !encodedASCIIHost) {
        throw new Error(resolved.error);
      }
      schemelessOptions.skipEscape = true;
      return serialize(resolved, schemelessOptions);
    }
    function resolveComponent(base, relative, options, skipNormalization) {
      const target = {};
      if (!skipNormalization) {
        base = parse2(serialize(base, options), options);
        relative = parse2(serialize(relative, options), options);
      }
      options = options || {};
      if (!options.tolerant && relative.scheme) {
        target.scheme = relative.scheme;
        target.userinfo = relative.userinfo;
        target.host = relative.host;
        target.port = relative.port;
        target.path = removeDotSegments(relative.path || "");
        target.query = relative.query;
      } else {
        if (relative.userinfo !== void 0 || relative.host !== void 0 || relative.port !== void 0) {
          target.userinfo = relative.userinfo;
          target.host = relative.host;
          target.port = relative.port;
          target.path = removeDotSegments(relative.path || "");
          target.query = relative.query;
        } else {
          if (!relative.path) {
            target.path = base.path;
            if (relative.query !== void 0) {
              target.query = relative.query;
            } else {
              target.query = base.query;
            }
          } else {
            if (relative.path[0] === "/") {
              target.path = removeDotSegments(relative.path);
            } else {
              const baseHasAuthority = base.userinfo !== void 0 || base.host !== void 0 || base.port !== void 0;
              if (baseHasAuthority && !base.path) {
                target.path = "/" + relative.path;
              } else if (!base.path) {
                target.path = relative.path;
              } else {
                target.path = base.path.slice(0, base.path.lastIndexOf("/") + 1) + relative.path;
              }
              target.path = base.scheme === void 0 && !baseHasAuthority && target.path[0] !== "/" ? removeDotSegmentsRelative(target.path) : removeDotSegments(target.path);
            }
            target.query = relative.query;
          }
          target.userinfo = base.userinfo;
          target.host = base.host;
          target.port = base.port;
        }
        target.scheme = base.scheme;
      }
      target.fragment = relative.fragment;
      return target;
    }
    function equal(uriA, uriB, options) {
      const normalizedA = normalizeComparableURI(uriA, options);
      const normalizedB = normalizeComparableURI(uriB, options);
      return normalizedA !== void 0 && normalizedB !== void 0 && normalizedA === normalizedB;
    }
    function serialize(cmpts, opts) {
      const component = {
        host: cmpts.host,
        scheme: cmpts.scheme,
        userinfo: cmpts.userinfo,
        port: cmpts.port,
        path: cmpts.path,
        query: cmpts.query,
        nid: cmpts.nid,
        nss: cmpts.nss,
        uuid: cmpts.uuid,
        fragment: cmpts.fragment,
        reference: cmpts.reference,
        resourceName: cmpts.resourceName,
        secure: cmpts.secure,
        error: ""
      };
      const options = Object.assign({}, opts);
      const uriTokens = [];
      if (component.scheme) {
        component.scheme = validateScheme(component.scheme);
      }
      const schemeHandler = getSchemeHandler(options.scheme || component.scheme);
      if (schemeHandler && schemeHandler.serialize) schemeHandler.serialize(component, options);
      const hasAuthority = component.userinfo !== void 0 || component.host !== void 0 || component.port !== void 0;
      const schemelessReference = (component.scheme === void 0 || options.reference === "suffix") && !hasAuthority;
      const pathNoScheme = !options.skipEscape && schemelessReference;
      if (component.path !== void 0) {
        if (!options.skipEscape) {
          component.path = serializePathEncoding(component.path, pathNoScheme);
        } else {
          component.path = normalizePercentEncoding(component.path);
        }
      }
      if (options.reference !== "suffix" && component.scheme) {
        component.scheme = validateScheme(component.scheme);
        uriTokens.push(component.scheme, ":");
      }
      const authority = recomposeAuthority(component);
      if (authority !== void 0) {
        if (options.reference !== "suffix") {
          uriTokens.push("//");
        }
        uriTokens.push(authority);
        if (component.path && component.path[0] !== "/") {
          uriTokens.push("/");
        }
      }
      if (component.path !== void 0) {
        let s = component.path;
        if (!options.absolutePath && (!schemeHandler || !schemeHandler.absolutePath)) {
          s = schemelessReference && s[0] !== "/" ? removeDotSegmentsRelative(s) : removeDotSegments(s);
        }
        if (schemelessReference) {
          s = serializePathEncoding(s, true);
        }
        if (authority === void 0 && s[0] === "/" && s[1] === "/") {
          s = "/%2F" + s.slice(2);
        }
        uriTokens.push(s);
      }
      if (component.query !== void 0) {
        uriTokens.push("?", encodeQuery2(component.query));
      }
      if (component.fragment !== void 0) {
        uriTokens.push("#", encodeFragment(component.fragment));
      }
      return uriTokens.join("");
    }
    var URI_PARSE = /^(?:([^#/:?]+):)?(?:\/\/((?:([^#/?@]*)@)?(\[[^#/?\]]+\]|[^#/:?]*)(?::(\d*))?))?([^#?]*)(?:\?([^#]*))?(?:#((?:.|[\n\r])*))?/u;
    var AUTHORITY_PREFIX = /^(?:[^#/:?]+:)?\/\/([^/?#]*)/;
    var AUTHORITY_INTRODUCER_REGION = /^(?:[^#/:?]+:)?([/\\\t\n\r]*)/;
    function getParseError(parsed, matches2) {
      if (matches2[2] !== void 0 && parsed.path && parsed.path[0] !== "/") {
        return 'URI path must start with "/" when authority is present.';
      }
      if (typeof parsed.port === "number" && (parsed.port < 0 || parsed.port > 65535)) {
        return "URI port is malformed.";
      }
      return void 0;
    }
    function hasMalformedPercentEncoding(component) {
      if (component === void 0) return false;
      let percent = component.indexOf("%");
      while (percent !== -1) {
        if (percent + 2 >= component.length || !/^[\da-f]{2}$/iu.test(component.slice(percent + 1, percent + 3))) {
          return true;
        }
        percent = component.indexOf("%", percent + 3);
      }
      return false;
    }
    function isIPLiteral(host) {
      return host[0] === "[" && host[host.length - 1] === "]";
    }
    function hasMalformedComponentPercentEncoding(matches2) {
      const host = matches2[4];
      return hasMalformedPercentEncoding(matches2[3]) || host !== void 0 && !isIPLiteral(host) && hasMalformedPercentEncoding(host) || hasMalformedPercentEncoding(matches2[6]) || hasMalformedPercentEncoding(matches2[7]) || hasMalformedPercentEncoding(matches2[8]);
    }
    function canonicalizeHost(parsed, options, schemeHandler, isIP2) {
      if (hasForbiddenDomainHost(parsed, options, schemeHandler, isIP2)) {
        parsed.error = parsed.error || MALFORMED_HOST_ERROR;
        return true;
      }
      if (!options.unicodeSupport && (!schemeHandler || !schemeHandler.unicodeSupport) && parsed.host && !isIPLiteral(parsed.host) && (options.domainHost || schemeHandler && schemeHandler.domainHost) && isIP2 === false && nonSimpleDomain(parsed.host)) {
        let url;
        try {
          url = new URL("http://" + parsed.host);
        } catch (e) {
          parsed.error = parsed.error || "Host's domain name can not be converted to ASCII: " + e;
          return true;
        }
        if (!isHostOnlyURL(url)) {
          parsed.error = parsed.error || MALFORMED_HOST_ERROR;
          return true;
        }
        parsed.host = url.hostname;
      }
      return false;
    }
    function hasForbiddenDomainHost(parsed, options, schemeHandler, isIP2) {
      return Boolean(
        parsed.host && isIP2 === false && !isIPLiteral(parsed.host) && (options.domainHost || schemeHandler && schemeHandler.domainHost) && FORBIDDEN_DOMAIN_HOST_CHARACTER.test(parsed.host)
      );
    }
    function isHostOnlyURL(url) {
      return url.username === "" && url.password === "" && url.port === "" && url.pathname === "/" && url.search === "" && url.hash === "" && url.hostname !== "";
    }
    function parseWithStatus(uri, opts) {
      const options = Object.assign({}, opts);
      const parsed = {
        scheme: void 0,
        userinfo: void 0,
        host: "",
        port: void 0,
        path: "",
        query: void 0,
        fragment: void 0
      };
      let malformedAuthorityOrPort = false;
      let malformedPercentEncoding = false;
      let malformedSchemeSpecific = false;
      let malformedHost = false;
      let malformedIPLiteral = false;
      let malformedScheme = false;
      let isIP2 = false;
      if (options.reference === "suffix") {
        if (options.scheme) {
          uri = options.scheme + ":" + uri;
        } else {
          uri = "//" + uri;
        }
      }
      const authorityMatch = uri.match(AUTHORITY_PREFIX);
      if (authorityMatch !== null && authorityMatch[1].indexOf("\\") !== -1) {
        parsed.error = "URI authority must not contain a literal backslash.";
        malformedAuthorityOrPort = true;
      }
      const introducerMatch = uri.match(AUTHORITY_INTRODUCER_REGION);
      if (introducerMatch !== null) {
        const region = introducerMatch[1];
        const normalizedRegion = region.replace(/[\t\n\r]/g, "");
        if (normalizedRegion.length >= 2) {
          if (normalizedRegion.slice(0, 2) !== "//") {
            parsed.error = parsed.error || "URI authority must not contain a literal backslash.";
            malformedAuthorityOrPort = true;
          } else if (region.length !== normalizedRegion.length) {
            parsed.error = parsed.error || "URI authority introducer must not contain whitespace.";
            malformedAuthorityOrPort = true;
          }
        }
      }
      const matches2 = uri.match(URI_PARSE);
      if (matches2) {
        parsed.scheme = matches2[1];
        parsed.userinfo = matches2[3];
        parsed.host = matches2[4];
        parsed.port = parseInt(matches2[5], 10);
        parsed.path = matches2[6] || "";
        parsed.query = matches2[7];
        parsed.fragment = matches2[8];
        if (parsed.scheme !== void 0) {
          if (VALID_SCHEME.test(parsed.scheme)) {
            parsed.scheme = parsed.scheme.toLowerCase();
          } else {
            parsed.error = parsed.error || MALFORMED_SCHEME_ERROR;
            malformedScheme = true;
          }
        }
        malformedPercentEncoding = hasMalformedComponentPercentEncoding(matches2);
        if (malformedPercentEncoding) {
          parsed.error = parsed.error || "URI contains malformed percent-encoding.";
        }
        if (isNaN(parsed.port)) {
          parsed.port = matches2[5];
        }
        const parseError = getParseError(parsed, matches2);
        if (parseError !== void 0) {
          parsed.error = parsed.error || parseError;
          malformedAuthorityOrPort = true;
        }
        if (parsed.host) {
          const ipv4result = isIPv4(parsed.host);
          if (ipv4result === false) {
            const bracketedIPLiteral = isIPLiteral(parsed.host);
            const hasIPLiteralBracket = parsed.host.indexOf("[") !== -1 || parsed.host.indexOf("]") !== -1;
            const ipv6result = normalizeIPv6(parsed.host);
            isIP2 = ipv6result.isIPV6 || ipv6result.isIPVFuture === true;
            malformedIPLiteral = hasIPLiteralBracket && (!bracketedIPLiteral || ipv6result.error === true);
            parsed.host = isIP2 ? ipv6result.host : ipv6result.host.toLowerCase();
            if (malformedIPLiteral) {
              parsed.error = parsed.error || MALFORMED_HOST_ERROR;
              malformedAuthorityOrPort = true;
            }
          } else {
            isIP2 = true;
          }
        }
        if (parsed.scheme === void 0 && parsed.userinfo === void 0 && parsed.host === void 0 && parsed.port === void 0 && parsed.query === void 0 && !parsed.path) {
          parsed.reference = "same-document";
        } else if (parsed.scheme === void 0) {
          parsed.reference = "relative";
        } else if (parsed.fragment === void 0) {
          parsed.reference = "absolute";
        } else {
          parsed.reference = "uri";
        }
        if (options.reference && options.reference !== "suffix" && options.reference !== parsed.reference) {
          parsed.error = parsed.error || "URI is not a " + options.reference + " reference.";
        }
        const schemeHandler = getSchemeHandler(options.scheme || parsed.scheme);
        if (!malformedIPLiteral) {
          malformedHost = canonicalizeHost(parsed, options, schemeHandler, isIP2);
        }
        if (uri.indexOf("%") !== -1 && parsed.host !== void 0 && !malformedIPLiteral) {
          let host = isIP2 ? parsed.host : normalizePercentEncoding(parsed.host, true);
          if (!isIP2) {
            host = normalizePercentEncoding(host.toLowerCase());
          }
          parsed.host = isIP2 || options.scheme !== "null" ? reescapeHostDelimiters(host, isIP2) : host;
        }
        if (!schemeHandler || schemeHandler && !schemeHandler.skipNormalize) {
          if (parsed.path) {
            parsed.path = normalizePathEncoding(parsed.path);
          }
          if (parsed.query) {
            parsed.query = normalizeQueryFragmentEncoding(parsed.query);
          }
          if (parsed.fragment) {
            parsed.fragment = normalizeQueryFragmentEncoding(parsed.fragment);
          }
        }
        if (schemeHandler && schemeHandler.parse) {
          schemeHandler.parse(parsed, options);
          if (schemeHandler === SCHEMES.urn && parsed.nid === void 0) {
            malformedSchemeSpecific = true;
          }
        }
      } else {
        parsed.error = parsed.error || "URI can not be parsed.";
      }
      return { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme };
    }
    function parse2(uri, opts) {
      return parseWithStatus(uri, opts).parsed;
    }
    function normalizeString(uri, opts) {
      return normalizeStringWithStatus(uri, opts).normalized;
    }
    function normalizeStringWithStatus(uri, opts) {
      const { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = parseWithStatus(uri, opts);
      return {
        normalized: malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? uri : serialize(parsed, opts),
        malformedAuthorityOrPort,
        malformedPercentEncoding,
        malformedSchemeSpecific,
        malformedHost,
        malformedScheme
      };
    }
    function normalizeComparableURI(uri, opts) {
      if (typeof uri !== "string" && typeof uri !== "object") {
        return void 0;
      }
      let value2;
      try {
        value2 = typeof uri === "string" ? uri : serialize(uri, opts);
      } catch {
        return void 0;
      }
      const { normalized, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = normalizeStringWithStatus(value2, opts);
      return malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? void 0 : normalized;
    }
    var fastUri = {
      SCHEMES,
      normalize,
      resolve: resolve3,
      resolveComponent,
      equal,
      serialize,
      parse: parse2
    };
    module.exports = fastUri;
    module.exports.default = fastUri;
    module.exports.fastUri = fastUri;
  }
});

// node_modules/ajv/dist/runtime/uri.js
var require_uri = __commonJS({
  "node_modules/ajv/dist/runtime/uri.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var uri = require_fast_uri();
    uri.code = 'require("ajv/dist/runtime/uri").default';
    exports.default = uri;
  }
});

// node_modules/ajv/dist/core.js
var require_core = __commonJS({
  "node_modules/ajv/dist/core.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = void 0;
    var validate_1 = require_validate();
    Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    var ref_error_1 = require_ref_error();
    var rules_1 = require_rules();
    var compile_1 = require_compile();
    var codegen_2 = require_codegen();
    var resolve_1 = require_resolve();
    var dataType_1 = require_dataType();
    var util_1 = require_util();
    var $dataRefSchema = require_data();
    var uri_1 = require_uri();
    var defaultRegExp = (str, flags) => new RegExp(str, flags);
    defaultRegExp.code = "new RegExp";
    var META_IGNORE_OPTIONS = ["removeAdditional", "useDefaults", "coerceTypes"];
    var EXT_SCOPE_NAMES = /* @__PURE__ */ new Set([
      "validate",
      "serialize",
      "parse",
      "wrapper",
      "root",
      "schema",
      "keyword",
      "pattern",
      "formats",
      "validate$data",
      "func",
      "obj",
      "Error"
    ]);
    var removedOptions = {
      errorDataPath: "",
      format: "`validateFormats: false` can be used instead.",
      nullable: '"nullable" keyword is supported by default.',
      jsonPointers: "Deprecated jsPropertySyntax can be used instead.",
      extendRefs: "Deprecated ignoreKeywordsWithRef can be used instead.",
      missingRefs: "Pass empty schema with $id that should be ignored to ajv.addSchema.",
      processCode: "Use option `code: {process: (code, schemaEnv: object) => string}`",
      sourceCode: "Use option `code: {source: true}`",
      strictDefaults: "It is default now, see option `strict`.",
      strictKeywords: "It is default now, see option `strict`.",
      uniqueItems: '"uniqueItems" keyword is always validated.',
      unknownFormats: "Disable strict mode or pass `true` to `ajv.addFormat` (or `formats` option).",
      cache: "Map is used as cache, schema object as key.",
      serialize: "Map is used as cache, schema object as key.",
      ajvErrors: "It is default now."
    };
    var deprecatedOptions = {
      ignoreKeywordsWithRef: "",
      jsPropertySyntax: "",
      unicode: '"minLength"/"maxLength" account for unicode characters by default.'
    };
    var MAX_EXPRESSION = 200;
    function requiredOptions(o) {
      var _a, _b, _c, _d, _e, _f, _g, _h, _j, _k, _l, _m, _o, _p, _q, _r, _s, _t, _u, _v, _w, _x, _y, _z, _0;
      const s = o.strict;
      const _optz = (_a = o.code) === null || _a === void 0 ? void 0 : _a.optimize;
      const optimize = _optz === true || _optz === void 0 ? 1 : _optz || 0;
      const regExp = (_c = (_b = o.code) === null || _b === void 0 ? void 0 : _b.regExp) !== null && _c !== void 0 ? _c : defaultRegExp;
      const uriResolver = (_d = o.uriResolver) !== null && _d !== void 0 ? _d : uri_1.default;
      return {
        strictSchema: (_f = (_e = o.strictSchema) !== null && _e !== void 0 ? _e : s) !== null && _f !== void 0 ? _f : true,
        strictNumbers: (_h = (_g = o.strictNumbers) !== null && _g !== void 0 ? _g : s) !== null && _h !== void 0 ? _h : true,
        strictTypes: (_k = (_j = o.strictTypes) !== null && _j !== void 0 ? _j : s) !== null && _k !== void 0 ? _k : "log",
        strictTuples: (_m = (_l = o.strictTuples) !== null && _l !== void 0 ? _l : s) !== null && _m !== void 0 ? _m : "log",
        strictRequired: (_p = (_o = o.strictRequired) !== null && _o !== void 0 ? _o : s) !== null && _p !== void 0 ? _p : false,
        code: o.code ? { ...o.code, optimize, regExp } : { optimize, regExp },
        loopRequired: (_q = o.loopRequired) !== null && _q !== void 0 ? _q : MAX_EXPRESSION,
        loopEnum: (_r = o.loopEnum) !== null && _r !== void 0 ? _r : MAX_EXPRESSION,
        meta: (_s = o.meta) !== null && _s !== void 0 ? _s : true,
        messages: (_t = o.messages) !== null && _t !== void 0 ? _t : true,
        inlineRefs: (_u = o.inlineRefs) !== null && _u !== void 0 ? _u : true,
        schemaId: (_v = o.schemaId) !== null && _v !== void 0 ? _v : "$id",
        addUsedSchema: (_w = o.addUsedSchema) !== null && _w !== void 0 ? _w : true,
        validateSchema: (_x = o.validateSchema) !== null && _x !== void 0 ? _x : true,
        validateFormats: (_y = o.validateFormats) !== null && _y !== void 0 ? _y : true,
        unicodeRegExp: (_z = o.unicodeRegExp) !== null && _z !== void 0 ? _z : true,
        int32range: (_0 = o.int32range) !== null && _0 !== void 0 ? _0 : true,
        uriResolver
      };
    }
    var Ajv = class {
      constructor(opts = {}) {
        this.schemas = {};
        this.refs = {};
        this.formats = /* @__PURE__ */ Object.create(null);
        this._compilations = /* @__PURE__ */ new Set();
        this._loading = {};
        this._cache = /* @__PURE__ */ new Map();
        opts = this.opts = { ...opts, ...requiredOptions(opts) };
        const { es5, lines } = this.opts.code;
        this.scope = new codegen_2.ValueScope({ scope: {}, prefixes: EXT_SCOPE_NAMES, es5, lines });
        this.logger = getLogger(opts.logger);
        const formatOpt = opts.validateFormats;
        opts.validateFormats = false;
        this.RULES = (0, rules_1.getRules)();
        checkOptions.call(this, removedOptions, opts, "NOT SUPPORTED");
        checkOptions.call(this, deprecatedOptions, opts, "DEPRECATED", "warn");
        this._metaOpts = getMetaSchemaOptions.call(this);
        if (opts.formats)
          addInitialFormats.call(this);
        this._addVocabularies();
        this._addDefaultMetaSchema();
        if (opts.keywords)
          addInitialKeywords.call(this, opts.keywords);
        if (typeof opts.meta == "object")
          this.addMetaSchema(opts.meta);
        addInitialSchemas.call(this);
        opts.validateFormats = formatOpt;
      }
      _addVocabularies() {
        this.addKeyword("$async");
      }
      _addDefaultMetaSchema() {
        const { $data, meta, schemaId } = this.opts;
        let _dataRefSchema = $dataRefSchema;
        if (schemaId === "id") {
          _dataRefSchema = { ...$dataRefSchema };
          _dataRefSchema.id = _dataRefSchema.$id;
          delete _dataRefSchema.$id;
        }
        if (meta && $data)
          this.addMetaSchema(_dataRefSchema, _dataRefSchema[schemaId], false);
      }
      defaultMeta() {
        const { meta, schemaId } = this.opts;
        return this.opts.defaultMeta = typeof meta == "object" ? meta[schemaId] || meta : void 0;
      }
      validate(schemaKeyRef, data) {
        let v;
        if (typeof schemaKeyRef == "string") {
          v = this.getSchema(schemaKeyRef);
          if (!v)
            throw new Error(`no schema with key or ref "${schemaKeyRef}"`);
        } else {
          v = this.compile(schemaKeyRef);
        }
        const valid = v(data);
        if (!("$async" in v))
          this.errors = v.errors;
        return valid;
      }
      compile(schema, _meta) {
        const sch = this._addSchema(schema, _meta);
        return sch.validate || this._compileSchemaEnv(sch);
      }
      compileAsync(schema, meta) {
        if (typeof this.opts.loadSchema != "function") {
          throw new Error("options.loadSchema should be a function");
        }
        const { loadSchema } = this.opts;
        return runCompileAsync.call(this, schema, meta);
        async function runCompileAsync(_schema, _meta) {
          await loadMetaSchema.call(this, _schema.$schema);
          const sch = this._addSchema(_schema, _meta);
          return sch.validate || _compileAsync.call(this, sch);
        }
        async function loadMetaSchema($ref) {
          if ($ref && !this.getSchema($ref)) {
            await runCompileAsync.call(this, { $ref }, true);
          }
        }
        async function _compileAsync(sch) {
          try {
            return this._compileSchemaEnv(sch);
          } catch (e) {
            if (!(e instanceof ref_error_1.default))
              throw e;
            checkLoaded.call(this, e);
            await loadMissingSchema.call(this, e.missingSchema);
            return _compileAsync.call(this, sch);
          }
        }
        function checkLoaded({ missingSchema: ref, missingRef }) {
          if (this.refs[ref]) {
            throw new Error(`AnySchema ${ref} is loaded but ${missingRef} cannot be resolved`);
          }
        }
        async function loadMissingSchema(ref) {
          const _schema = await _loadSchema.call(this, ref);
          if (!this.refs[ref])
            await loadMetaSchema.call(this, _schema.$schema);
          if (!this.refs[ref])
            this.addSchema(_schema, ref, meta);
        }
        async function _loadSchema(ref) {
          const p = this._loading[ref];
          if (p)
            return p;
          try {
            return await (this._loading[ref] = loadSchema(ref));
          } finally {
            delete this._loading[ref];
          }
        }
      }
      // Adds schema to the instance
      addSchema(schema, key, _meta, _validateSchema = this.opts.validateSchema) {
        if (Array.isArray(schema)) {
          for (const sch of schema)
            this.addSchema(sch, void 0, _meta, _validateSchema);
          return this;
        }
        let id;
        if (typeof schema === "object") {
          const { schemaId } = this.opts;
          id = schema[schemaId];
          if (id !== void 0 && typeof id != "string") {
            throw new Error(`schema ${schemaId} must be string`);
          }
        }
        key = (0, resolve_1.normalizeId)(key || id);
        this._checkUnique(key);
        this.schemas[key] = this._addSchema(schema, _meta, key, _validateSchema, true);
        return this;
      }
      // Add schema that will be used to validate other schemas
      // options in META_IGNORE_OPTIONS are alway set to false
      addMetaSchema(schema, key, _validateSchema = this.opts.validateSchema) {
        this.addSchema(schema, key, true, _validateSchema);
        return this;
      }
      //  Validate schema against its meta-schema
      validateSchema(schema, throwOrLogError) {
        if (typeof schema == "boolean")
          return true;
        let $schema;
        $schema = schema.$schema;
        if ($schema !== void 0 && typeof $schema != "string") {
          throw new Error("$schema must be a string");
        }
        $schema = $schema || this.opts.defaultMeta || this.defaultMeta();
        if (!$schema) {
          this.logger.warn("meta-schema not available");
          this.errors = null;
          return true;
        }
        const valid = this.validate($schema, schema);
        if (!valid && throwOrLogError) {
          const message2 = "schema is invalid: " + this.errorsText();
          if (this.opts.validateSchema === "log")
            this.logger.error(message2);
          else
            throw new Error(message2);
        }
        return valid;
      }
      // Get compiled schema by `key` or `ref`.
      // (`key` that was passed to `addSchema` or full schema reference - `schema.$id` or resolved id)
      getSchema(keyRef) {
        let sch;
        while (typeof (sch = getSchEnv.call(this, keyRef)) == "string")
          keyRef = sch;
        if (sch === void 0) {
          const { schemaId } = this.opts;
          const root = new compile_1.SchemaEnv({ schema: {}, schemaId });
          sch = compile_1.resolveSchema.call(this, root, keyRef);
          if (!sch)
            return;
          this.refs[keyRef] = sch;
        }
        return sch.validate || this._compileSchemaEnv(sch);
      }
      // Remove cached schema(s).
      // If no parameter is passed all schemas but meta-schemas are removed.
      // If RegExp is passed all schemas with key/id matching pattern but meta-schemas are removed.
      // Even if schema is referenced by other schemas it still can be removed as other schemas have local references.
      removeSchema(schemaKeyRef) {
        if (schemaKeyRef instanceof RegExp) {
          this._removeAllSchemas(this.schemas, schemaKeyRef);
          this._removeAllSchemas(this.refs, schemaKeyRef);
          return this;
        }
        switch (typeof schemaKeyRef) {
          case "undefined":
            this._removeAllSchemas(this.schemas);
            this._removeAllSchemas(this.refs);
            this._cache.clear();
            return this;
          case "string": {
            const sch = getSchEnv.call(this, schemaKeyRef);
            if (typeof sch == "object")
              this._cache.delete(sch.schema);
            delete this.schemas[schemaKeyRef];
            delete this.refs[schemaKeyRef];
            return this;
          }
          case "object": {
            const cacheKey = schemaKeyRef;
            this._cache.delete(cacheKey);
            let id = schemaKeyRef[this.opts.schemaId];
            if (id) {
              id = (0, resolve_1.normalizeId)(id);
              delete this.schemas[id];
              delete this.refs[id];
            }
            return this;
          }
          default:
            throw new Error("ajv.removeSchema: invalid parameter");
        }
      }
      // add "vocabulary" - a collection of keywords
      addVocabulary(definitions) {
        for (const def of definitions)
          this.addKeyword(def);
        return this;
      }
      addKeyword(kwdOrDef, def) {
        let keyword;
        if (typeof kwdOrDef == "string") {
          keyword = kwdOrDef;
          if (typeof def == "object") {
            this.logger.warn("these parameters are deprecated, see docs for addKeyword");
            def.keyword = keyword;
          }
        } else if (typeof kwdOrDef == "object" && def === void 0) {
          def = kwdOrDef;
          keyword = def.keyword;
          if (Array.isArray(keyword) && !keyword.length) {
            throw new Error("addKeywords: keyword must be string or non-empty array");
          }
        } else {
          throw new Error("invalid addKeywords parameters");
        }
        checkKeyword.call(this, keyword, def);
        if (!def) {
          (0, util_1.eachItem)(keyword, (kwd) => addRule.call(this, kwd));
          return this;
        }
        keywordMetaschema.call(this, def);
        const definition = {
          ...def,
          type: (0, dataType_1.getJSONTypes)(def.type),
          schemaType: (0, dataType_1.getJSONTypes)(def.schemaType)
        };
        (0, util_1.eachItem)(keyword, definition.type.length === 0 ? (k) => addRule.call(this, k, definition) : (k) => definition.type.forEach((t) => addRule.call(this, k, definition, t)));
        return this;
      }
      getKeyword(keyword) {
        const rule = this.RULES.all[keyword];
        return typeof rule == "object" ? rule.definition : !!rule;
      }
      // Remove keyword
      removeKeyword(keyword) {
        const { RULES } = this;
        delete RULES.keywords[keyword];
        delete RULES.all[keyword];
        for (const group of RULES.rules) {
          const i = group.rules.findIndex((rule) => rule.keyword === keyword);
          if (i >= 0)
            group.rules.splice(i, 1);
        }
        return this;
      }
      // Add format
      addFormat(name, format2) {
        if (typeof format2 == "string")
          format2 = new RegExp(format2);
        this.formats[name] = format2;
        return this;
      }
      errorsText(errors = this.errors, { separator = ", ", dataVar = "data" } = {}) {
        if (!errors || errors.length === 0)
          return "No errors";
        return errors.map((e) => `${dataVar}${e.instancePath} ${e.message}`).reduce((text, msg) => text + separator + msg);
      }
      $dataMetaSchema(metaSchema, keywordsJsonPointers) {
        const rules = this.RULES.all;
        metaSchema = JSON.parse(JSON.stringify(metaSchema));
        for (const jsonPointer of keywordsJsonPointers) {
          const segments = jsonPointer.split("/").slice(1);
          let keywords = metaSchema;
          for (const seg of segments)
            keywords = keywords[seg];
          for (const key in rules) {
            const rule = rules[key];
            if (typeof rule != "object")
              continue;
            const { $data } = rule.definition;
            const schema = keywords[key];
            if ($data && schema)
              keywords[key] = schemaOrData(schema);
          }
        }
        return metaSchema;
      }
      _removeAllSchemas(schemas, regex) {
        for (const keyRef in schemas) {
          const sch = schemas[keyRef];
          if (!regex || regex.test(keyRef)) {
            if (typeof sch == "string") {
              delete schemas[keyRef];
            } else if (sch && !sch.meta) {
              this._cache.delete(sch.schema);
              delete schemas[keyRef];
            }
          }
        }
      }
      _addSchema(schema, meta, baseId, validateSchema = this.opts.validateSchema, addSchema = this.opts.addUsedSchema) {
        let id;
        const { schemaId } = this.opts;
        if (typeof schema == "object") {
          id = schema[schemaId];
        } else {
          if (this.opts.jtd)
            throw new Error("schema must be object");
          else if (typeof schema != "boolean")
            throw new Error("schema must be object or boolean");
        }
        let sch = this._cache.get(schema);
        if (sch !== void 0)
          return sch;
        baseId = (0, resolve_1.normalizeId)(id || baseId);
        const localRefs = resolve_1.getSchemaRefs.call(this, schema, baseId);
        sch = new compile_1.SchemaEnv({ schema, schemaId, meta, baseId, localRefs });
        this._cache.set(sch.schema, sch);
        if (addSchema && !baseId.startsWith("#")) {
          if (baseId)
            this._checkUnique(baseId);
          this.refs[baseId] = sch;
        }
        if (validateSchema)
          this.validateSchema(schema, true);
        return sch;
      }
      _checkUnique(id) {
        if (this.schemas[id] || this.refs[id]) {
          throw new Error(`schema with key or id "${id}" already exists`);
        }
      }
      _compileSchemaEnv(sch) {
        if (sch.meta)
          this._compileMetaSchema(sch);
        else
          compile_1.compileSchema.call(this, sch);
        if (!sch.validate)
          throw new Error("ajv implementation error");
        return sch.validate;
      }
      _compileMetaSchema(sch) {
        const currentOpts = this.opts;
        this.opts = this._metaOpts;
        try {
          compile_1.compileSchema.call(this, sch);
        } finally {
          this.opts = currentOpts;
        }
      }
    };
    Ajv.ValidationError = validation_error_1.default;
    Ajv.MissingRefError = ref_error_1.default;
    exports.default = Ajv;
    function checkOptions(checkOpts, options, msg, log = "error") {
      for (const key in checkOpts) {
        const opt = key;
        if (opt in options)
          this.logger[log](`${msg}: option ${key}. ${checkOpts[opt]}`);
      }
    }
    function getSchEnv(keyRef) {
      keyRef = (0, resolve_1.normalizeId)(keyRef);
      return this.schemas[keyRef] || this.refs[keyRef];
    }
    function addInitialSchemas() {
      const optsSchemas = this.opts.schemas;
      if (!optsSchemas)
        return;
      if (Array.isArray(optsSchemas))
        this.addSchema(optsSchemas);
      else
        for (const key in optsSchemas)
          this.addSchema(optsSchemas[key], key);
    }
    function addInitialFormats() {
      for (const name in this.opts.formats) {
        const format2 = this.opts.formats[name];
        if (format2)
          this.addFormat(name, format2);
      }
    }
    function addInitialKeywords(defs) {
      if (Array.isArray(defs)) {
        this.addVocabulary(defs);
        return;
      }
      this.logger.warn("keywords option as map is deprecated, pass array");
      for (const keyword in defs) {
        const def = defs[keyword];
        if (!def.keyword)
          def.keyword = keyword;
        this.addKeyword(def);
      }
    }
    function getMetaSchemaOptions() {
      const metaOpts = { ...this.opts };
      for (const opt of META_IGNORE_OPTIONS)
        delete metaOpts[opt];
      return metaOpts;
    }
    var noLogs = { log() {
    }, warn() {
    }, error() {
    } };
    function getLogger(logger) {
      if (logger === false)
        return noLogs;
      if (logger === void 0)
        return console;
      if (logger.log && logger.warn && logger.error)
        return logger;
      throw new Error("logger must implement log, warn and error methods");
    }
    var KEYWORD_NAME = /^[a-z_$][a-z0-9_$:-]*$/i;
    function checkKeyword(keyword, def) {
      const { RULES } = this;
      (0, util_1.eachItem)(keyword, (kwd) => {
        if (RULES.keywords[kwd])
          throw new Error(`Keyword ${kwd} is already defined`);
        if (!KEYWORD_NAME.test(kwd))
          throw new Error(`Keyword ${kwd} has invalid name`);
      });
      if (!def)
        return;
      if (def.$data && !("code" in def || "validate" in def)) {
        throw new Error('$data keyword must have "code" or "validate" function');
      }
    }
    function addRule(keyword, definition, dataType) {
      var _a;
      const post = definition === null || definition === void 0 ? void 0 : definition.post;
      if (dataType && post)
        throw new Error('keyword with "post" flag cannot have "type"');
      const { RULES } = this;
      let ruleGroup = post ? RULES.post : RULES.rules.find(({ type: t }) => t === dataType);
      if (!ruleGroup) {
        ruleGroup = { type: dataType, rules: [] };
        RULES.rules.push(ruleGroup);
      }
      RULES.keywords[keyword] = true;
      if (!definition)
        return;
      const rule = {
        keyword,
        definition: {
          ...definition,
          type: (0, dataType_1.getJSONTypes)(definition.type),
          schemaType: (0, dataType_1.getJSONTypes)(definition.schemaType)
        }
      };
      if (definition.before)
        addBeforeRule.call(this, ruleGroup, rule, definition.before);
      else
        ruleGroup.rules.push(rule);
      RULES.all[keyword] = rule;
      (_a = definition.implements) === null || _a === void 0 ? void 0 : _a.forEach((kwd) => this.addKeyword(kwd));
    }
    function addBeforeRule(ruleGroup, rule, before) {
      const i = ruleGroup.rules.findIndex((_rule) => _rule.keyword === before);
      if (i >= 0) {
        ruleGroup.rules.splice(i, 0, rule);
      } else {
        ruleGroup.rules.push(rule);
        this.logger.warn(`rule ${before} is not defined`);
      }
    }
    function keywordMetaschema(def) {
      let { metaSchema } = def;
      if (metaSchema === void 0)
        return;
      if (def.$data && this.opts.$data)
        metaSchema = schemaOrData(metaSchema);
      def.validateSchema = this.compile(metaSchema, true);
    }
    var $dataRef = {
      $ref: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#"
    };
    function schemaOrData(schema) {
      return { anyOf: [schema, $dataRef] };
    }
  }
});

// node_modules/ajv/dist/vocabularies/core/id.js
var require_id = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/id.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var def = {
      keyword: "id",
      code() {
        throw new Error('NOT SUPPORTED: keyword "id", use "$id" for schema ID');
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/core/ref.js
var require_ref = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/ref.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.callRef = exports.getValidate = void 0;
    var ref_error_1 = require_ref_error();
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var compile_1 = require_compile();
    var util_1 = require_util();
    var def = {
      keyword: "$ref",
      schemaType: "string",
      code(cxt) {
        const { gen, schema: $ref, it } = cxt;
        const { baseId, schemaEnv: env, validateName, opts, self } = it;
        const { root } = env;
        if (($ref === "#" || $ref === "#/") && baseId === root.baseId)
          return callRootRef();
        const schOrEnv = compile_1.resolveRef.call(self, root, baseId, $ref);
        if (schOrEnv === void 0)
          throw new ref_error_1.default(it.opts.uriResolver, baseId, $ref);
        if (schOrEnv instanceof compile_1.SchemaEnv)
          return callValidate(schOrEnv);
        return inlineRefSchema(schOrEnv);
        function callRootRef() {
          if (env === root)
            return callRef(cxt, validateName, env, env.$async);
          const rootName = gen.scopeValue("root", { ref: root });
          return callRef(cxt, (0, codegen_1._)`${rootName}.validate`, root, root.$async);
        }
        function callValidate(sch) {
          const v = getValidate(cxt, sch);
          callRef(cxt, v, sch, sch.$async);
        }
        function inlineRefSchema(sch) {
          const schName = gen.scopeValue("schema", opts.code.source === true ? { ref: sch, code: (0, codegen_1.stringify)(sch) } : { ref: sch });
          const valid = gen.name("valid");
          const schCxt = cxt.subschema({
            schema: sch,
            dataTypes: [],
            schemaPath: codegen_1.nil,
            topSchemaRef: schName,
            errSchemaPath: $ref
          }, valid);
          cxt.mergeEvaluated(schCxt);
          cxt.ok(valid);
        }
      }
    };
    function getValidate(cxt, sch) {
      const { gen } = cxt;
      return sch.validate ? gen.scopeValue("validate", { ref: sch.validate }) : (0, codegen_1._)`${gen.scopeValue("wrapper", { ref: sch })}.validate`;
    }
    exports.getValidate = getValidate;
    function callRef(cxt, v, sch, $async) {
      const { gen, it } = cxt;
      const { allErrors, schemaEnv: env, opts } = it;
      const passCxt = opts.passContext ? names_1.default.this : codegen_1.nil;
      if ($async)
        callAsyncRef();
      else
        callSyncRef();
      function callAsyncRef() {
        if (!env.$async)
          throw new Error("async schema referenced by sync schema");
        const valid = gen.let("valid");
        gen.try(() => {
          gen.code((0, codegen_1._)`await ${(0, code_1.callValidateCode)(cxt, v, passCxt)}`);
          addEvaluatedFrom(v);
          if (!allErrors)
            gen.assign(valid, true);
        }, (e) => {
          gen.if((0, codegen_1._)`!(${e} instanceof ${it.ValidationError})`, () => gen.throw(e));
          addErrorsFrom(e);
          if (!allErrors)
            gen.assign(valid, false);
        });
        cxt.ok(valid);
      }
      function callSyncRef() {
        cxt.result((0, code_1.callValidateCode)(cxt, v, passCxt), () => addEvaluatedFrom(v), () => addErrorsFrom(v));
      }
      function addErrorsFrom(source) {
        const errs = (0, codegen_1._)`${source}.errors`;
        gen.assign(names_1.default.vErrors, (0, codegen_1._)`${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`);
        gen.assign(names_1.default.errors, (0, codegen_1._)`${names_1.default.vErrors}.length`);
      }
      function addEvaluatedFrom(source) {
        var _a;
        if (!it.opts.unevaluated)
          return;
        const schEvaluated = (_a = sch === null || sch === void 0 ? void 0 : sch.validate) === null || _a === void 0 ? void 0 : _a.evaluated;
        if (it.props !== true) {
          if (schEvaluated && !schEvaluated.dynamicProps) {
            if (schEvaluated.props !== void 0) {
              it.props = util_1.mergeEvaluated.props(gen, schEvaluated.props, it.props);
            }
          } else {
            const props = gen.var("props", (0, codegen_1._)`${source}.evaluated.props`);
            it.props = util_1.mergeEvaluated.props(gen, props, it.props, codegen_1.Name);
          }
        }
        if (it.items !== true) {
          if (schEvaluated && !schEvaluated.dynamicItems) {
            if (schEvaluated.items !== void 0) {
              it.items = util_1.mergeEvaluated.items(gen, schEvaluated.items, it.items);
            }
          } else {
            const items = gen.var("items", (0, codegen_1._)`${source}.evaluated.items`);
            it.items = util_1.mergeEvaluated.items(gen, items, it.items, codegen_1.Name);
          }
        }
      }
    }
    exports.callRef = callRef;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/core/index.js
var require_core2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var id_1 = require_id();
    var ref_1 = require_ref();
    var core = [
      "$schema",
      "$id",
      "$defs",
      "$vocabulary",
      { keyword: "$comment" },
      "definitions",
      id_1.default,
      ref_1.default
    ];
    exports.default = core;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitNumber.js
var require_limitNumber = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitNumber.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var ops = codegen_1.operators;
    var KWDs = {
      maximum: { okStr: "<=", ok: ops.LTE, fail: ops.GT },
      minimum: { okStr: ">=", ok: ops.GTE, fail: ops.LT },
      exclusiveMaximum: { okStr: "<", ok: ops.LT, fail: ops.GTE },
      exclusiveMinimum: { okStr: ">", ok: ops.GT, fail: ops.LTE }
    };
    var error = {
      message: ({ keyword, schemaCode }) => (0, codegen_1.str)`must be ${KWDs[keyword].okStr} ${schemaCode}`,
      params: ({ keyword, schemaCode }) => (0, codegen_1._)`{comparison: ${KWDs[keyword].okStr}, limit: ${schemaCode}}`
    };
    var def = {
      keyword: Object.keys(KWDs),
      type: "number",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        cxt.fail$data((0, codegen_1._)`${data} ${KWDs[keyword].fail} ${schemaCode} || isNaN(${data})`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/multipleOf.js
var require_multipleOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/multipleOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must be multiple of ${schemaCode}`,
      params: ({ schemaCode }) => (0, codegen_1._)`{multipleOf: ${schemaCode}}`
    };
    var def = {
      keyword: "multipleOf",
      type: "number",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, schemaCode, it } = cxt;
        const prec = it.opts.multipleOfPrecision;
        const res = gen.let("res");
        const invalid = prec ? (0, codegen_1._)`Math.abs(Math.round(${res}) - ${res}) > 1e-${prec}` : (0, codegen_1._)`${res} !== parseInt(${res})`;
        cxt.fail$data((0, codegen_1._)`(${schemaCode} === 0 || (${res} = ${data}/${schemaCode}, ${invalid}))`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  "node_modules/ajv/dist/runtime/ucs2length.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    function ucs2length(str) {
      const len = str.length;
      let length = 0;
      let pos = 0;
      let value2;
      while (pos < len) {
        length++;
        value2 = str.charCodeAt(pos++);
        if (value2 >= 55296 && value2 <= 56319 && pos < len) {
          value2 = str.charCodeAt(pos);
          if ((value2 & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitLength.js
var require_limitLength = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitLength.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var ucs2length_1 = require_ucs2length();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxLength" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} characters`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxLength", "minLength"],
      type: "string",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode, it } = cxt;
        const op = keyword === "maxLength" ? codegen_1.operators.GT : codegen_1.operators.LT;
        const len = it.opts.unicode === false ? (0, codegen_1._)`${data}.length` : (0, codegen_1._)`${(0, util_1.useFunc)(cxt.gen, ucs2length_1.default)}(${data})`;
        cxt.fail$data((0, codegen_1._)`${len} ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/pattern.js
var require_pattern = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/pattern.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var util_1 = require_util();
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must match pattern "${schemaCode}"`,
      params: ({ schemaCode }) => (0, codegen_1._)`{pattern: ${schemaCode}}`
    };
    var def = {
      keyword: "pattern",
      type: "string",
      schemaType: "string",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        const u = it.opts.unicodeRegExp ? "u" : "";
        if ($data) {
          const { regExp } = it.opts.code;
          const regExpCode = regExp.code === "new RegExp" ? (0, codegen_1._)`new RegExp` : (0, util_1.useFunc)(gen, regExp);
          const valid = gen.let("valid");
          gen.try(() => gen.assign(valid, (0, codegen_1._)`${regExpCode}(${schemaCode}, ${u}).test(${data})`), () => gen.assign(valid, false));
          cxt.fail$data((0, codegen_1._)`!${valid}`);
        } else {
          const regExp = (0, code_1.usePattern)(cxt, schema);
          cxt.fail$data((0, codegen_1._)`!${regExp}.test(${data})`);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitProperties.js
var require_limitProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxProperties" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} properties`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxProperties", "minProperties"],
      type: "object",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op = keyword === "maxProperties" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._)`Object.keys(${data}).length ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/required.js
var require_required = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/required.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { missingProperty } }) => (0, codegen_1.str)`must have required property '${missingProperty}'`,
      params: ({ params: { missingProperty } }) => (0, codegen_1._)`{missingProperty: ${missingProperty}}`
    };
    var def = {
      keyword: "required",
      type: "object",
      schemaType: "array",
      $data: true,
      error,
      code(cxt) {
        const { gen, schema, schemaCode, data, $data, it } = cxt;
        const { opts } = it;
        if (!$data && schema.length === 0)
          return;
        const useLoop = schema.length >= opts.loopRequired;
        if (it.allErrors)
          allErrorsMode();
        else
          exitOnErrorMode();
        if (opts.strictRequired) {
          const props = cxt.parentSchema.properties;
          const { definedProperties } = cxt.it;
          for (const requiredKey of schema) {
            if ((props === null || props === void 0 ? void 0 : props[requiredKey]) === void 0 && !definedProperties.has(requiredKey)) {
              const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
              const msg = `required property "${requiredKey}" is not defined at "${schemaPath}" (strictRequired)`;
              (0, util_1.checkStrictMode)(it, msg, it.opts.strictRequired);
            }
          }
        }
        function allErrorsMode() {
          if (useLoop || $data) {
            cxt.block$data(codegen_1.nil, loopAllRequired);
          } else {
            for (const prop of schema) {
              (0, code_1.checkReportMissingProp)(cxt, prop);
            }
          }
        }
        function exitOnErrorMode() {
          const missing = gen.let("missing");
          if (useLoop || $data) {
            const valid = gen.let("valid", true);
            cxt.block$data(valid, () => loopUntilMissing(missing, valid));
            cxt.ok(valid);
          } else {
            gen.if((0, code_1.checkMissingProp)(cxt, schema, missing));
            (0, code_1.reportMissingProp)(cxt, missing);
            gen.else();
          }
        }
        function loopAllRequired() {
          gen.forOf("prop", schemaCode, (prop) => {
            cxt.setParams({ missingProperty: prop });
            gen.if((0, code_1.noPropertyInData)(gen, data, prop, opts.ownProperties), () => cxt.error());
          });
        }
        function loopUntilMissing(missing, valid) {
          cxt.setParams({ missingProperty: missing });
          gen.forOf(missing, schemaCode, () => {
            gen.assign(valid, (0, code_1.propertyInData)(gen, data, missing, opts.ownProperties));
            gen.if((0, codegen_1.not)(valid), () => {
              cxt.error();
              gen.break();
            });
          }, codegen_1.nil);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitItems.js
var require_limitItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxItems" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} items`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxItems", "minItems"],
      type: "array",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op = keyword === "maxItems" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._)`${data}.length ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/runtime/equal.js
var require_equal = __commonJS({
  "node_modules/ajv/dist/runtime/equal.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var equal = require_fast_deep_equal();
    equal.code = 'require("ajv/dist/runtime/equal").default';
    exports.default = equal;
  }
});

// node_modules/ajv/dist/vocabularies/validation/uniqueItems.js
var require_uniqueItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/uniqueItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dataType_1 = require_dataType();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: ({ params: { i, j } }) => (0, codegen_1.str)`must NOT have duplicate items (items ## ${j} and ${i} are identical)`,
      params: ({ params: { i, j } }) => (0, codegen_1._)`{i: ${i}, j: ${j}}`
    };
    var def = {
      keyword: "uniqueItems",
      type: "array",
      schemaType: "boolean",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, parentSchema, schemaCode, it } = cxt;
        if (!$data && !schema)
          return;
        const valid = gen.let("valid");
        const itemTypes = parentSchema.items ? (0, dataType_1.getSchemaTypes)(parentSchema.items) : [];
        cxt.block$data(valid, validateUniqueItems, (0, codegen_1._)`${schemaCode} === false`);
        cxt.ok(valid);
        function validateUniqueItems() {
          const i = gen.let("i", (0, codegen_1._)`${data}.length`);
          const j = gen.let("j");
          cxt.setParams({ i, j });
          gen.assign(valid, true);
          gen.if((0, codegen_1._)`${i} > 1`, () => (canOptimize() ? loopN : loopN2)(i, j));
        }
        function canOptimize() {
          return itemTypes.length > 0 && !itemTypes.some((t) => t === "object" || t === "array");
        }
        function loopN(i, j) {
          const item = gen.name("item");
          const wrongType = (0, dataType_1.checkDataTypes)(itemTypes, item, it.opts.strictNumbers, dataType_1.DataType.Wrong);
          const indices = gen.const("indices", (0, codegen_1._)`{}`);
          gen.for((0, codegen_1._)`;${i}--;`, () => {
            gen.let(item, (0, codegen_1._)`${data}[${i}]`);
            gen.if(wrongType, (0, codegen_1._)`continue`);
            if (itemTypes.length > 1)
              gen.if((0, codegen_1._)`typeof ${item} == "string"`, (0, codegen_1._)`${item} += "_"`);
            gen.if((0, codegen_1._)`typeof ${indices}[${item}] == "number"`, () => {
              gen.assign(j, (0, codegen_1._)`${indices}[${item}]`);
              cxt.error();
              gen.assign(valid, false).break();
            }).code((0, codegen_1._)`${indices}[${item}] = ${i}`);
          });
        }
        function loopN2(i, j) {
          const eql = (0, util_1.useFunc)(gen, equal_1.default);
          const outer = gen.name("outer");
          gen.label(outer).for((0, codegen_1._)`;${i}--;`, () => gen.for((0, codegen_1._)`${j} = ${i}; ${j}--;`, () => gen.if((0, codegen_1._)`${eql}(${data}[${i}], ${data}[${j}])`, () => {
            cxt.error();
            gen.assign(valid, false).break(outer);
          })));
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/const.js
var require_const = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/const.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: "must be equal to constant",
      params: ({ schemaCode }) => (0, codegen_1._)`{allowedValue: ${schemaCode}}`
    };
    var def = {
      keyword: "const",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schemaCode, schema } = cxt;
        if ($data || schema && typeof schema == "object") {
          cxt.fail$data((0, codegen_1._)`!${(0, util_1.useFunc)(gen, equal_1.default)}(${data}, ${schemaCode})`);
        } else {
          cxt.fail((0, codegen_1._)`${schema} !== ${data}`);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/enum.js
var require_enum = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/enum.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: "must be equal to one of the allowed values",
      params: ({ schemaCode }) => (0, codegen_1._)`{allowedValues: ${schemaCode}}`
    };
    var def = {
      keyword: "enum",
      schemaType: "array",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        if (!$data && schema.length === 0)
          throw new Error("enum must have non-empty array");
        const useLoop = schema.length >= it.opts.loopEnum;
        let eql;
        const getEql = () => eql !== null && eql !== void 0 ? eql : eql = (0, util_1.useFunc)(gen, equal_1.default);
        let valid;
        if (useLoop || $data) {
          valid = gen.let("valid");
          cxt.block$data(valid, loopEnum);
        } else {
          if (!Array.isArray(schema))
            throw new Error("ajv implementation error");
          const vSchema = gen.const("vSchema", schemaCode);
          valid = (0, codegen_1.or)(...schema.map((_x, i) => equalCode(vSchema, i)));
        }
        cxt.pass(valid);
        function loopEnum() {
          gen.assign(valid, false);
          gen.forOf("v", schemaCode, (v) => gen.if((0, codegen_1._)`${getEql()}(${data}, ${v})`, () => gen.assign(valid, true).break()));
        }
        function equalCode(vSchema, i) {
          const sch = schema[i];
          return typeof sch === "object" && sch !== null ? (0, codegen_1._)`${getEql()}(${data}, ${vSchema}[${i}])` : (0, codegen_1._)`${data} === ${sch}`;
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/index.js
var require_validation = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var limitNumber_1 = require_limitNumber();
    var multipleOf_1 = require_multipleOf();
    var limitLength_1 = require_limitLength();
    var pattern_1 = require_pattern();
    var limitProperties_1 = require_limitProperties();
    var required_1 = require_required();
    var limitItems_1 = require_limitItems();
    var uniqueItems_1 = require_uniqueItems();
    var const_1 = require_const();
    var enum_1 = require_enum();
    var validation = [
      // number
      limitNumber_1.default,
      multipleOf_1.default,
      // string
      limitLength_1.default,
      pattern_1.default,
      // object
      limitProperties_1.default,
      required_1.default,
      // array
      limitItems_1.default,
      uniqueItems_1.default,
      // any
      { keyword: "type", schemaType: ["string", "array"] },
      { keyword: "nullable", schemaType: "boolean" },
      const_1.default,
      enum_1.default
    ];
    exports.default = validation;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/additionalItems.js
var require_additionalItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/additionalItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateAdditionalItems = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "additionalItems",
      type: "array",
      schemaType: ["boolean", "object"],
      before: "uniqueItems",
      error,
      code(cxt) {
        const { parentSchema, it } = cxt;
        const { items } = parentSchema;
        if (!Array.isArray(items)) {
          (0, util_1.checkStrictMode)(it, '"additionalItems" is ignored when "items" is not an array of schemas');
          return;
        }
        validateAdditionalItems(cxt, items);
      }
    };
    function validateAdditionalItems(cxt, items) {
      const { gen, schema, data, keyword, it } = cxt;
      it.items = true;
      const len = gen.const("len", (0, codegen_1._)`${data}.length`);
      if (schema === false) {
        cxt.setParams({ len: items.length });
        cxt.pass((0, codegen_1._)`${len} <= ${items.length}`);
      } else if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
        const valid = gen.var("valid", (0, codegen_1._)`${len} <= ${items.length}`);
        gen.if((0, codegen_1.not)(valid), () => validateItems(valid));
        cxt.ok(valid);
      }
      function validateItems(valid) {
        gen.forRange("i", items.length, len, (i) => {
          cxt.subschema({ keyword, dataProp: i, dataPropType: util_1.Type.Num }, valid);
          if (!it.allErrors)
            gen.if((0, codegen_1.not)(valid), () => gen.break());
        });
      }
    }
    exports.validateAdditionalItems = validateAdditionalItems;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/items.js
var require_items = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/items.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateTuple = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    var def = {
      keyword: "items",
      type: "array",
      schemaType: ["object", "array", "boolean"],
      before: "uniqueItems",
      code(cxt) {
        const { schema, it } = cxt;
        if (Array.isArray(schema))
          return validateTuple(cxt, "additionalItems", schema);
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        cxt.ok((0, code_1.validateArray)(cxt));
      }
    };
    function validateTuple(cxt, extraItems, schArr = cxt.schema) {
      const { gen, parentSchema, data, keyword, it } = cxt;
      checkStrictTuple(parentSchema);
      if (it.opts.unevaluated && schArr.length && it.items !== true) {
        it.items = util_1.mergeEvaluated.items(gen, schArr.length, it.items);
      }
      const valid = gen.name("valid");
      const len = gen.const("len", (0, codegen_1._)`${data}.length`);
      schArr.forEach((sch, i) => {
        if ((0, util_1.alwaysValidSchema)(it, sch))
          return;
        gen.if((0, codegen_1._)`${len} > ${i}`, () => cxt.subschema({
          keyword,
          schemaProp: i,
          dataProp: i
        }, valid));
        cxt.ok(valid);
      });
      function checkStrictTuple(sch) {
        const { opts, errSchemaPath } = it;
        const l = schArr.length;
        const fullTuple = l === sch.minItems && (l === sch.maxItems || sch[extraItems] === false);
        if (opts.strictTuples && !fullTuple) {
          const msg = `"${keyword}" is ${l}-tuple, but minItems or maxItems/${extraItems} are not specified or different at path "${errSchemaPath}"`;
          (0, util_1.checkStrictMode)(it, msg, opts.strictTuples);
        }
      }
    }
    exports.validateTuple = validateTuple;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/prefixItems.js
var require_prefixItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/prefixItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var items_1 = require_items();
    var def = {
      keyword: "prefixItems",
      type: "array",
      schemaType: ["array"],
      before: "uniqueItems",
      code: (cxt) => (0, items_1.validateTuple)(cxt, "items")
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/items2020.js
var require_items2020 = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/items2020.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    var additionalItems_1 = require_additionalItems();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "items",
      type: "array",
      schemaType: ["object", "boolean"],
      before: "uniqueItems",
      error,
      code(cxt) {
        const { schema, parentSchema, it } = cxt;
        const { prefixItems } = parentSchema;
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        if (prefixItems)
          (0, additionalItems_1.validateAdditionalItems)(cxt, prefixItems);
        else
          cxt.ok((0, code_1.validateArray)(cxt));
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/contains.js
var require_contains = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/contains.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { min, max } }) => max === void 0 ? (0, codegen_1.str)`must contain at least ${min} valid item(s)` : (0, codegen_1.str)`must contain at least ${min} and no more than ${max} valid item(s)`,
      params: ({ params: { min, max } }) => max === void 0 ? (0, codegen_1._)`{minContains: ${min}}` : (0, codegen_1._)`{minContains: ${min}, maxContains: ${max}}`
    };
    var def = {
      keyword: "contains",
      type: "array",
      schemaType: ["object", "boolean"],
      before: "uniqueItems",
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, data, it } = cxt;
        let min;
        let max;
        const { minContains, maxContains } = parentSchema;
        if (it.opts.next) {
          min = minContains === void 0 ? 1 : minContains;
          max = maxContains;
        } else {
          min = 1;
        }
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        cxt.setParams({ min, max });
        if (max === void 0 && min === 0) {
          (0, util_1.checkStrictMode)(it, `"minContains" == 0 without "maxContains": "contains" keyword ignored`);
          return;
        }
        if (max !== void 0 && min > max) {
          (0, util_1.checkStrictMode)(it, `"minContains" > "maxContains" is always invalid`);
          cxt.fail();
          return;
        }
        if ((0, util_1.alwaysValidSchema)(it, schema)) {
          let cond = (0, codegen_1._)`${len} >= ${min}`;
          if (max !== void 0)
            cond = (0, codegen_1._)`${cond} && ${len} <= ${max}`;
          cxt.pass(cond);
          return;
        }
        it.items = true;
        const valid = gen.name("valid");
        if (max === void 0 && min === 1) {
          validateItems(valid, () => gen.if(valid, () => gen.break()));
        } else if (min === 0) {
          gen.let(valid, true);
          if (max !== void 0)
            gen.if((0, codegen_1._)`${data}.length > 0`, validateItemsWithCount);
        } else {
          gen.let(valid, false);
          validateItemsWithCount();
        }
        cxt.result(valid, () => cxt.reset());
        function validateItemsWithCount() {
          const schValid = gen.name("_valid");
          const count = gen.let("count", 0);
          validateItems(schValid, () => gen.if(schValid, () => checkLimits(count)));
        }
        function validateItems(_valid, block) {
          gen.forRange("i", 0, len, (i) => {
            cxt.subschema({
              keyword: "contains",
              dataProp: i,
              dataPropType: util_1.Type.Num,
              compositeRule: true
            }, _valid);
            block();
          });
        }
        function checkLimits(count) {
          gen.code((0, codegen_1._)`${count}++`);
          if (max === void 0) {
            gen.if((0, codegen_1._)`${count} >= ${min}`, () => gen.assign(valid, true).break());
          } else {
            gen.if((0, codegen_1._)`${count} > ${max}`, () => gen.assign(valid, false).break());
            if (min === 1)
              gen.assign(valid, true);
            else
              gen.if((0, codegen_1._)`${count} >= ${min}`, () => gen.assign(valid, true));
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/dependencies.js
var require_dependencies = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/dependencies.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateSchemaDeps = exports.validatePropertyDeps = exports.error = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    exports.error = {
      message: ({ params: { property, depsCount, deps } }) => {
        const property_ies = depsCount === 1 ? "property" : "properties";
        return (0, codegen_1.str)`must have ${property_ies} ${deps} when property ${property} is present`;
      },
      params: ({ params: { property, depsCount, deps, missingProperty } }) => (0, codegen_1._)`{property: ${property},
    missingProperty: ${missingProperty},
    depsCount: ${depsCount},
    deps: ${deps}}`
      // TODO change to reference
    };
    var def = {
      keyword: "dependencies",
      type: "object",
      schemaType: "object",
      error: exports.error,
      code(cxt) {
        const [propDeps, schDeps] = splitDependencies(cxt);
        validatePropertyDeps(cxt, propDeps);
        validateSchemaDeps(cxt, schDeps);
      }
    };
    function splitDependencies({ schema }) {
      const propertyDeps = {};
      const schemaDeps = {};
      for (const key in schema) {
        if (key === "__proto__")
          continue;
        const deps = Array.isArray(schema[key]) ? propertyDeps : schemaDeps;
        deps[key] = schema[key];
      }
      return [propertyDeps, schemaDeps];
    }
    function validatePropertyDeps(cxt, propertyDeps = cxt.schema) {
      const { gen, data, it } = cxt;
      if (Object.keys(propertyDeps).length === 0)
        return;
      const missing = gen.let("missing");
      for (const prop in propertyDeps) {
        const deps = propertyDeps[prop];
        if (deps.length === 0)
          continue;
        const hasProperty = (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties);
        cxt.setParams({
          property: prop,
          depsCount: deps.length,
          deps: deps.join(", ")
        });
        if (it.allErrors) {
          gen.if(hasProperty, () => {
            for (const depProp of deps) {
              (0, code_1.checkReportMissingProp)(cxt, depProp);
            }
          });
        } else {
          gen.if((0, codegen_1._)`${hasProperty} && (${(0, code_1.checkMissingProp)(cxt, deps, missing)})`);
          (0, code_1.reportMissingProp)(cxt, missing);
          gen.else();
        }
      }
    }
    exports.validatePropertyDeps = validatePropertyDeps;
    function validateSchemaDeps(cxt, schemaDeps = cxt.schema) {
      const { gen, data, keyword, it } = cxt;
      const valid = gen.name("valid");
      for (const prop in schemaDeps) {
        if ((0, util_1.alwaysValidSchema)(it, schemaDeps[prop]))
          continue;
        gen.if(
          (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties),
          () => {
            const schCxt = cxt.subschema({ keyword, schemaProp: prop }, valid);
            cxt.mergeValidEvaluated(schCxt, valid);
          },
          () => gen.var(valid, true)
          // TODO var
        );
        cxt.ok(valid);
      }
    }
    exports.validateSchemaDeps = validateSchemaDeps;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/propertyNames.js
var require_propertyNames = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/propertyNames.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: "property name must be valid",
      params: ({ params }) => (0, codegen_1._)`{propertyName: ${params.propertyName}}`
    };
    var def = {
      keyword: "propertyNames",
      type: "object",
      schemaType: ["object", "boolean"],
      error,
      code(cxt) {
        const { gen, schema, data, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        const valid = gen.name("valid");
        gen.forIn("key", data, (key) => {
          cxt.setParams({ propertyName: key });
          cxt.subschema({
            keyword: "propertyNames",
            data: key,
            dataTypes: ["string"],
            propertyName: key,
            compositeRule: true
          }, valid);
          gen.if((0, codegen_1.not)(valid), () => {
            cxt.error(true);
            if (!it.allErrors)
              gen.break();
          });
        });
        cxt.ok(valid);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/additionalProperties.js
var require_additionalProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/additionalProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var util_1 = require_util();
    var error = {
      message: "must NOT have additional properties",
      params: ({ params }) => (0, codegen_1._)`{additionalProperty: ${params.additionalProperty}}`
    };
    var def = {
      keyword: "additionalProperties",
      type: ["object"],
      schemaType: ["boolean", "object"],
      allowUndefined: true,
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, data, errsCount, it } = cxt;
        if (!errsCount)
          throw new Error("ajv implementation error");
        const { allErrors, opts } = it;
        it.props = true;
        if (opts.removeAdditional !== "all" && (0, util_1.alwaysValidSchema)(it, schema))
          return;
        const props = (0, code_1.allSchemaProperties)(parentSchema.properties);
        const patProps = (0, code_1.allSchemaProperties)(parentSchema.patternProperties);
        checkAdditionalProperties();
        cxt.ok((0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
        function checkAdditionalProperties() {
          gen.forIn("key", data, (key) => {
            if (!props.length && !patProps.length)
              additionalPropertyCode(key);
            else
              gen.if(isAdditional(key), () => additionalPropertyCode(key));
          });
        }
        function isAdditional(key) {
          let definedProp;
          if (props.length > 8) {
            const propsSchema = (0, util_1.schemaRefOrVal)(it, parentSchema.properties, "properties");
            definedProp = (0, code_1.isOwnProperty)(gen, propsSchema, key);
          } else if (props.length) {
            definedProp = (0, codegen_1.or)(...props.map((p) => (0, codegen_1._)`${key} === ${p}`));
          } else {
            definedProp = codegen_1.nil;
          }
          if (patProps.length) {
            definedProp = (0, codegen_1.or)(definedProp, ...patProps.map((p) => (0, codegen_1._)`${(0, code_1.usePattern)(cxt, p)}.test(${key})`));
          }
          return (0, codegen_1.not)(definedProp);
        }
        function deleteAdditional(key) {
          gen.code((0, codegen_1._)`delete ${data}[${key}]`);
        }
        function additionalPropertyCode(key) {
          if (opts.removeAdditional === "all" || opts.removeAdditional && schema === false) {
            deleteAdditional(key);
            return;
          }
          if (schema === false) {
            cxt.setParams({ additionalProperty: key });
            cxt.error();
            if (!allErrors)
              gen.break();
            return;
          }
          if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
            const valid = gen.name("valid");
            if (opts.removeAdditional === "failing") {
              applyAdditionalSchema(key, valid, false);
              gen.if((0, codegen_1.not)(valid), () => {
                cxt.reset();
                deleteAdditional(key);
              });
            } else {
              applyAdditionalSchema(key, valid);
              if (!allErrors)
                gen.if((0, codegen_1.not)(valid), () => gen.break());
            }
          }
        }
        function applyAdditionalSchema(key, valid, errors) {
          const subschema = {
            keyword: "additionalProperties",
            dataProp: key,
            dataPropType: util_1.Type.Str
          };
          if (errors === false) {
            Object.assign(subschema, {
              compositeRule: true,
              createErrors: false,
              allErrors: false
            });
          }
          cxt.subschema(subschema, valid);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/properties.js
var require_properties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/properties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var validate_1 = require_validate();
    var code_1 = require_code2();
    var util_1 = require_util();
    var additionalProperties_1 = require_additionalProperties();
    var def = {
      keyword: "properties",
      type: "object",
      schemaType: "object",
      code(cxt) {
        const { gen, schema, parentSchema, data, it } = cxt;
        if (it.opts.removeAdditional === "all" && parentSchema.additionalProperties === void 0) {
          additionalProperties_1.default.code(new validate_1.KeywordCxt(it, additionalProperties_1.default, "additionalProperties"));
        }
        const allProps = (0, code_1.allSchemaProperties)(schema);
        for (const prop of allProps) {
          it.definedProperties.add(prop);
        }
        if (it.opts.unevaluated && allProps.length && it.props !== true) {
          it.props = util_1.mergeEvaluated.props(gen, (0, util_1.toHash)(allProps), it.props);
        }
        const properties = allProps.filter((p) => !(0, util_1.alwaysValidSchema)(it, schema[p]));
        if (properties.length === 0)
          return;
        const valid = gen.name("valid");
        for (const prop of properties) {
          if (hasDefault(prop)) {
            applyPropertySchema(prop);
          } else {
            gen.if((0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties));
            applyPropertySchema(prop);
            if (!it.allErrors)
              gen.else().var(valid, true);
            gen.endIf();
          }
          cxt.it.definedProperties.add(prop);
          cxt.ok(valid);
        }
        function hasDefault(prop) {
          return it.opts.useDefaults && !it.compositeRule && schema[prop].default !== void 0;
        }
        function applyPropertySchema(prop) {
          cxt.subschema({
            keyword: "properties",
            schemaProp: prop,
            dataProp: prop
          }, valid);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/patternProperties.js
var require_patternProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/patternProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var util_2 = require_util();
    var def = {
      keyword: "patternProperties",
      type: "object",
      schemaType: "object",
      code(cxt) {
        const { gen, schema, data, parentSchema, it } = cxt;
        const { opts } = it;
        const patterns = (0, code_1.allSchemaProperties)(schema);
        const alwaysValidPatterns = patterns.filter((p) => (0, util_1.alwaysValidSchema)(it, schema[p]));
        if (patterns.length === 0 || alwaysValidPatterns.length === patterns.length && (!it.opts.unevaluated || it.props === true)) {
          return;
        }
        const checkProperties = opts.strictSchema && !opts.allowMatchingProperties && parentSchema.properties;
        const valid = gen.name("valid");
        if (it.props !== true && !(it.props instanceof codegen_1.Name)) {
          it.props = (0, util_2.evaluatedPropsToName)(gen, it.props);
        }
        const { props } = it;
        validatePatternProperties();
        function validatePatternProperties() {
          for (const pat of patterns) {
            if (checkProperties)
              checkMatchingProperties(pat);
            if (it.allErrors) {
              validateProperties(pat);
            } else {
              gen.var(valid, true);
              validateProperties(pat);
              gen.if(valid);
            }
          }
        }
        function checkMatchingProperties(pat) {
          for (const prop in checkProperties) {
            if (new RegExp(pat).test(prop)) {
              (0, util_1.checkStrictMode)(it, `property ${prop} matches pattern ${pat} (use allowMatchingProperties)`);
            }
          }
        }
        function validateProperties(pat) {
          gen.forIn("key", data, (key) => {
            gen.if((0, codegen_1._)`${(0, code_1.usePattern)(cxt, pat)}.test(${key})`, () => {
              const alwaysValid = alwaysValidPatterns.includes(pat);
              if (!alwaysValid) {
                cxt.subschema({
                  keyword: "patternProperties",
                  schemaProp: pat,
                  dataProp: key,
                  dataPropType: util_2.Type.Str
                }, valid);
              }
              if (it.opts.unevaluated && props !== true) {
                gen.assign((0, codegen_1._)`${props}[${key}]`, true);
              } else if (!alwaysValid && !it.allErrors) {
                gen.if((0, codegen_1.not)(valid), () => gen.break());
              }
            });
          });
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/not.js
var require_not = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/not.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: "not",
      schemaType: ["object", "boolean"],
      trackErrors: true,
      code(cxt) {
        const { gen, schema, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema)) {
          cxt.fail();
          return;
        }
        const valid = gen.name("valid");
        cxt.subschema({
          keyword: "not",
          compositeRule: true,
          createErrors: false,
          allErrors: false
        }, valid);
        cxt.failResult(valid, () => cxt.reset(), () => cxt.error());
      },
      error: { message: "must NOT be valid" }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/anyOf.js
var require_anyOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/anyOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var def = {
      keyword: "anyOf",
      schemaType: "array",
      trackErrors: true,
      code: code_1.validateUnion,
      error: { message: "must match a schema in anyOf" }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/oneOf.js
var require_oneOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/oneOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: "must match exactly one schema in oneOf",
      params: ({ params }) => (0, codegen_1._)`{passingSchemas: ${params.passing}}`
    };
    var def = {
      keyword: "oneOf",
      schemaType: "array",
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, it } = cxt;
        if (!Array.isArray(schema))
          throw new Error("ajv implementation error");
        if (it.opts.discriminator && parentSchema.discriminator)
          return;
        const schArr = schema;
        const valid = gen.let("valid", false);
        const passing = gen.let("passing", null);
        const schValid = gen.name("_valid");
        cxt.setParams({ passing });
        gen.block(validateOneOf);
        cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
        function validateOneOf() {
          schArr.forEach((sch, i) => {
            let schCxt;
            if ((0, util_1.alwaysValidSchema)(it, sch)) {
              gen.var(schValid, true);
            } else {
              schCxt = cxt.subschema({
                keyword: "oneOf",
                schemaProp: i,
                compositeRule: true
              }, schValid);
            }
            if (i > 0) {
              gen.if((0, codegen_1._)`${schValid} && ${valid}`).assign(valid, false).assign(passing, (0, codegen_1._)`[${passing}, ${i}]`).else();
            }
            gen.if(schValid, () => {
              gen.assign(valid, true);
              gen.assign(passing, i);
              if (schCxt)
                cxt.mergeEvaluated(schCxt, codegen_1.Name);
            });
          });
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/allOf.js
var require_allOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/allOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: "allOf",
      schemaType: "array",
      code(cxt) {
        const { gen, schema, it } = cxt;
        if (!Array.isArray(schema))
          throw new Error("ajv implementation error");
        const valid = gen.name("valid");
        schema.forEach((sch, i) => {
          if ((0, util_1.alwaysValidSchema)(it, sch))
            return;
          const schCxt = cxt.subschema({ keyword: "allOf", schemaProp: i }, valid);
          cxt.ok(valid);
          cxt.mergeEvaluated(schCxt);
        });
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/if.js
var require_if = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/if.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params }) => (0, codegen_1.str)`must match "${params.ifClause}" schema`,
      params: ({ params }) => (0, codegen_1._)`{failingKeyword: ${params.ifClause}}`
    };
    var def = {
      keyword: "if",
      schemaType: ["object", "boolean"],
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, parentSchema, it } = cxt;
        if (parentSchema.then === void 0 && parentSchema.else === void 0) {
          (0, util_1.checkStrictMode)(it, '"if" without "then" and "else" is ignored');
        }
        const hasThen = hasSchema(it, "then");
        const hasElse = hasSchema(it, "else");
        if (!hasThen && !hasElse)
          return;
        const valid = gen.let("valid", true);
        const schValid = gen.name("_valid");
        validateIf();
        cxt.reset();
        if (hasThen && hasElse) {
          const ifClause = gen.let("ifClause");
          cxt.setParams({ ifClause });
          gen.if(schValid, validateClause("then", ifClause), validateClause("else", ifClause));
        } else if (hasThen) {
          gen.if(schValid, validateClause("then"));
        } else {
          gen.if((0, codegen_1.not)(schValid), validateClause("else"));
        }
        cxt.pass(valid, () => cxt.error(true));
        function validateIf() {
          const schCxt = cxt.subschema({
            keyword: "if",
            compositeRule: true,
            createErrors: false,
            allErrors: false
          }, schValid);
          cxt.mergeEvaluated(schCxt);
        }
        function validateClause(keyword, ifClause) {
          return () => {
            const schCxt = cxt.subschema({ keyword }, schValid);
            gen.assign(valid, schValid);
            cxt.mergeValidEvaluated(schCxt, valid);
            if (ifClause)
              gen.assign(ifClause, (0, codegen_1._)`${keyword}`);
            else
              cxt.setParams({ ifClause: keyword });
          };
        }
      }
    };
    function hasSchema(it, keyword) {
      const schema = it.schema[keyword];
      return schema !== void 0 && !(0, util_1.alwaysValidSchema)(it, schema);
    }
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/thenElse.js
var require_thenElse = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/thenElse.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: ["then", "else"],
      schemaType: ["object", "boolean"],
      code({ keyword, parentSchema, it }) {
        if (parentSchema.if === void 0)
          (0, util_1.checkStrictMode)(it, `"${keyword}" without "if" is ignored`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/index.js
var require_applicator = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var additionalItems_1 = require_additionalItems();
    var prefixItems_1 = require_prefixItems();
    var items_1 = require_items();
    var items2020_1 = require_items2020();
    var contains_1 = require_contains();
    var dependencies_1 = require_dependencies();
    var propertyNames_1 = require_propertyNames();
    var additionalProperties_1 = require_additionalProperties();
    var properties_1 = require_properties();
    var patternProperties_1 = require_patternProperties();
    var not_1 = require_not();
    var anyOf_1 = require_anyOf();
    var oneOf_1 = require_oneOf();
    var allOf_1 = require_allOf();
    var if_1 = require_if();
    var thenElse_1 = require_thenElse();
    function getApplicator(draft2020 = false) {
      const applicator = [
        // any
        not_1.default,
        anyOf_1.default,
        oneOf_1.default,
        allOf_1.default,
        if_1.default,
        thenElse_1.default,
        // object
        propertyNames_1.default,
        additionalProperties_1.default,
        dependencies_1.default,
        properties_1.default,
        patternProperties_1.default
      ];
      if (draft2020)
        applicator.push(prefixItems_1.default, items2020_1.default);
      else
        applicator.push(additionalItems_1.default, items_1.default);
      applicator.push(contains_1.default);
      return applicator;
    }
    exports.default = getApplicator;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/dynamicAnchor.js
var require_dynamicAnchor = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/dynamicAnchor.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.dynamicAnchor = void 0;
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var compile_1 = require_compile();
    var ref_1 = require_ref();
    var def = {
      keyword: "$dynamicAnchor",
      schemaType: "string",
      code: (cxt) => dynamicAnchor(cxt, cxt.schema)
    };
    function dynamicAnchor(cxt, anchor) {
      const { gen, it } = cxt;
      it.schemaEnv.root.dynamicAnchors[anchor] = true;
      const v = (0, codegen_1._)`${names_1.default.dynamicAnchors}${(0, codegen_1.getProperty)(anchor)}`;
      const validate = it.errSchemaPath === "#" ? it.validateName : _getValidate(cxt);
      gen.if((0, codegen_1._)`!${v}`, () => gen.assign(v, validate));
    }
    exports.dynamicAnchor = dynamicAnchor;
    function _getValidate(cxt) {
      const { schemaEnv, schema, self } = cxt.it;
      const { root, baseId, localRefs, meta } = schemaEnv.root;
      const { schemaId } = self.opts;
      const sch = new compile_1.SchemaEnv({ schema, schemaId, root, baseId, localRefs, meta });
      compile_1.compileSchema.call(self, sch);
      return (0, ref_1.getValidate)(cxt, sch);
    }
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/dynamicRef.js
var require_dynamicRef = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/dynamicRef.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.dynamicRef = void 0;
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var ref_1 = require_ref();
    var def = {
      keyword: "$dynamicRef",
      schemaType: "string",
      code: (cxt) => dynamicRef(cxt, cxt.schema)
    };
    function dynamicRef(cxt, ref) {
      const { gen, keyword, it } = cxt;
      if (ref[0] !== "#")
        throw new Error(`"${keyword}" only supports hash fragment reference`);
      const anchor = ref.slice(1);
      if (it.allErrors) {
        _dynamicRef();
      } else {
        const valid = gen.let("valid", false);
        _dynamicRef(valid);
        cxt.ok(valid);
      }
      function _dynamicRef(valid) {
        if (it.schemaEnv.root.dynamicAnchors[anchor]) {
          const v = gen.let("_v", (0, codegen_1._)`${names_1.default.dynamicAnchors}${(0, codegen_1.getProperty)(anchor)}`);
          gen.if(v, _callRef(v, valid), _callRef(it.validateName, valid));
        } else {
          _callRef(it.validateName, valid)();
        }
      }
      function _callRef(validate, valid) {
        return valid ? () => gen.block(() => {
          (0, ref_1.callRef)(cxt, validate);
          gen.let(valid, true);
        }) : () => (0, ref_1.callRef)(cxt, validate);
      }
    }
    exports.dynamicRef = dynamicRef;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/recursiveAnchor.js
var require_recursiveAnchor = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/recursiveAnchor.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dynamicAnchor_1 = require_dynamicAnchor();
    var util_1 = require_util();
    var def = {
      keyword: "$recursiveAnchor",
      schemaType: "boolean",
      code(cxt) {
        if (cxt.schema)
          (0, dynamicAnchor_1.dynamicAnchor)(cxt, "");
        else
          (0, util_1.checkStrictMode)(cxt.it, "$recursiveAnchor: false is ignored");
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/recursiveRef.js
var require_recursiveRef = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/recursiveRef.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dynamicRef_1 = require_dynamicRef();
    var def = {
      keyword: "$recursiveRef",
      schemaType: "string",
      code: (cxt) => (0, dynamicRef_1.dynamicRef)(cxt, cxt.schema)
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/dynamic/index.js
var require_dynamic = __commonJS({
  "node_modules/ajv/dist/vocabularies/dynamic/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dynamicAnchor_1 = require_dynamicAnchor();
    var dynamicRef_1 = require_dynamicRef();
    var recursiveAnchor_1 = require_recursiveAnchor();
    var recursiveRef_1 = require_recursiveRef();
    var dynamic = [dynamicAnchor_1.default, dynamicRef_1.default, recursiveAnchor_1.default, recursiveRef_1.default];
    exports.default = dynamic;
  }
});

// node_modules/ajv/dist/vocabularies/validation/dependentRequired.js
var require_dependentRequired = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/dependentRequired.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dependencies_1 = require_dependencies();
    var def = {
      keyword: "dependentRequired",
      type: "object",
      schemaType: "object",
      error: dependencies_1.error,
      code: (cxt) => (0, dependencies_1.validatePropertyDeps)(cxt)
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/dependentSchemas.js
var require_dependentSchemas = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/dependentSchemas.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dependencies_1 = require_dependencies();
    var def = {
      keyword: "dependentSchemas",
      type: "object",
      schemaType: "object",
      code: (cxt) => (0, dependencies_1.validateSchemaDeps)(cxt)
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitContains.js
var require_limitContains = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitContains.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: ["maxContains", "minContains"],
      type: "array",
      schemaType: "number",
      code({ keyword, parentSchema, it }) {
        if (parentSchema.contains === void 0) {
          (0, util_1.checkStrictMode)(it, `"${keyword}" without "contains" is ignored`);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/next.js
var require_next = __commonJS({
  "node_modules/ajv/dist/vocabularies/next.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dependentRequired_1 = require_dependentRequired();
    var dependentSchemas_1 = require_dependentSchemas();
    var limitContains_1 = require_limitContains();
    var next = [dependentRequired_1.default, dependentSchemas_1.default, limitContains_1.default];
    exports.default = next;
  }
});

// node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedProperties.js
var require_unevaluatedProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    var error = {
      message: "must NOT have unevaluated properties",
      params: ({ params }) => (0, codegen_1._)`{unevaluatedProperty: ${params.unevaluatedProperty}}`
    };
    var def = {
      keyword: "unevaluatedProperties",
      type: "object",
      schemaType: ["boolean", "object"],
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, data, errsCount, it } = cxt;
        if (!errsCount)
          throw new Error("ajv implementation error");
        const { allErrors, props } = it;
        if (props instanceof codegen_1.Name) {
          gen.if((0, codegen_1._)`${props} !== true`, () => gen.forIn("key", data, (key) => gen.if(unevaluatedDynamic(props, key), () => unevaluatedPropCode(key))));
        } else if (props !== true) {
          gen.forIn("key", data, (key) => props === void 0 ? unevaluatedPropCode(key) : gen.if(unevaluatedStatic(props, key), () => unevaluatedPropCode(key)));
        }
        it.props = true;
        cxt.ok((0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
        function unevaluatedPropCode(key) {
          if (schema === false) {
            cxt.setParams({ unevaluatedProperty: key });
            cxt.error();
            if (!allErrors)
              gen.break();
            return;
          }
          if (!(0, util_1.alwaysValidSchema)(it, schema)) {
            const valid = gen.name("valid");
            cxt.subschema({
              keyword: "unevaluatedProperties",
              dataProp: key,
              dataPropType: util_1.Type.Str
            }, valid);
            if (!allErrors)
              gen.if((0, codegen_1.not)(valid), () => gen.break());
          }
        }
        function unevaluatedDynamic(evaluatedProps, key) {
          return (0, codegen_1._)`!${evaluatedProps} || !${evaluatedProps}[${key}]`;
        }
        function unevaluatedStatic(evaluatedProps, key) {
          const ps = [];
          for (const p in evaluatedProps) {
            if (evaluatedProps[p] === true)
              ps.push((0, codegen_1._)`${key} !== ${p}`);
          }
          return (0, codegen_1.and)(...ps);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedItems.js
var require_unevaluatedItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/unevaluated/unevaluatedItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "unevaluatedItems",
      type: "array",
      schemaType: ["boolean", "object"],
      error,
      code(cxt) {
        const { gen, schema, data, it } = cxt;
        const items = it.items || 0;
        if (items === true)
          return;
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        if (schema === false) {
          cxt.setParams({ len: items });
          cxt.fail((0, codegen_1._)`${len} > ${items}`);
        } else if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
          const valid = gen.var("valid", (0, codegen_1._)`${len} <= ${items}`);
          gen.if((0, codegen_1.not)(valid), () => validateItems(valid, items));
          cxt.ok(valid);
        }
        it.items = true;
        function validateItems(valid, from) {
          gen.forRange("i", from, len, (i) => {
            cxt.subschema({ keyword: "unevaluatedItems", dataProp: i, dataPropType: util_1.Type.Num }, valid);
            if (!it.allErrors)
              gen.if((0, codegen_1.not)(valid), () => gen.break());
          });
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/unevaluated/index.js
var require_unevaluated = __commonJS({
  "node_modules/ajv/dist/vocabularies/unevaluated/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var unevaluatedProperties_1 = require_unevaluatedProperties();
    var unevaluatedItems_1 = require_unevaluatedItems();
    var unevaluated = [unevaluatedProperties_1.default, unevaluatedItems_1.default];
    exports.default = unevaluated;
  }
});

// node_modules/ajv/dist/vocabularies/format/format.js
var require_format = __commonJS({
  "node_modules/ajv/dist/vocabularies/format/format.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must match format "${schemaCode}"`,
      params: ({ schemaCode }) => (0, codegen_1._)`{format: ${schemaCode}}`
    };
    var def = {
      keyword: "format",
      type: ["number", "string"],
      schemaType: "string",
      $data: true,
      error,
      code(cxt, ruleType) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        const { opts, errSchemaPath, schemaEnv, self } = it;
        if (!opts.validateFormats)
          return;
        if ($data)
          validate$DataFormat();
        else
          validateFormat();
        function validate$DataFormat() {
          const fmts = gen.scopeValue("formats", {
            ref: self.formats,
            code: opts.code.formats
          });
          const fDef = gen.const("fDef", (0, codegen_1._)`${fmts}[${schemaCode}]`);
          const fType = gen.let("fType");
          const format2 = gen.let("format");
          gen.if((0, codegen_1._)`typeof ${fDef} == "object" && !(${fDef} instanceof RegExp)`, () => gen.assign(fType, (0, codegen_1._)`${fDef}.type || "string"`).assign(format2, (0, codegen_1._)`${fDef}.validate`), () => gen.assign(fType, (0, codegen_1._)`"string"`).assign(format2, fDef));
          cxt.fail$data((0, codegen_1.or)(unknownFmt(), invalidFmt()));
          function unknownFmt() {
            if (opts.strictSchema === false)
              return codegen_1.nil;
            return (0, codegen_1._)`${schemaCode} && !${format2}`;
          }
          function invalidFmt() {
            const callFormat = schemaEnv.$async ? (0, codegen_1._)`(${fDef}.async ? await ${format2}(${data}) : ${format2}(${data}))` : (0, codegen_1._)`${format2}(${data})`;
            const validData = (0, codegen_1._)`(typeof ${format2} == "function" ? ${callFormat} : ${format2}.test(${data}))`;
            return (0, codegen_1._)`${format2} && ${format2} !== true && ${fType} === ${ruleType} && !${validData}`;
          }
        }
        function validateFormat() {
          const formatDef = self.formats[schema];
          if (!formatDef) {
            unknownFormat();
            return;
          }
          if (formatDef === true)
            return;
          const [fmtType, format2, fmtRef] = getFormat(formatDef);
          if (fmtType === ruleType)
            cxt.pass(validCondition());
          function unknownFormat() {
            if (opts.strictSchema === false) {
              self.logger.warn(unknownMsg());
              return;
            }
            throw new Error(unknownMsg());
            function unknownMsg() {
              return `unknown format "${schema}" ignored in schema at path "${errSchemaPath}"`;
            }
          }
          function getFormat(fmtDef) {
            const code = fmtDef instanceof RegExp ? (0, codegen_1.regexpCode)(fmtDef) : opts.code.formats ? (0, codegen_1._)`${opts.code.formats}${(0, codegen_1.getProperty)(schema)}` : void 0;
            const fmt = gen.scopeValue("formats", { key: schema, ref: fmtDef, code });
            if (typeof fmtDef == "object" && !(fmtDef instanceof RegExp)) {
              return [fmtDef.type || "string", fmtDef.validate, (0, codegen_1._)`${fmt}.validate`];
            }
            return ["string", fmtDef, fmt];
          }
          function validCondition() {
            if (typeof formatDef == "object" && !(formatDef instanceof RegExp) && formatDef.async) {
              if (!schemaEnv.$async)
                throw new Error("async format in sync schema");
              return (0, codegen_1._)`await ${fmtRef}(${data})`;
            }
            return typeof format2 == "function" ? (0, codegen_1._)`${fmtRef}(${data})` : (0, codegen_1._)`${fmtRef}.test(${data})`;
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/format/index.js
var require_format2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/format/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var format_1 = require_format();
    var format2 = [format_1.default];
    exports.default = format2;
  }
});

// node_modules/ajv/dist/vocabularies/metadata.js
var require_metadata = __commonJS({
  "node_modules/ajv/dist/vocabularies/metadata.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.contentVocabulary = exports.metadataVocabulary = void 0;
    exports.metadataVocabulary = [
      "title",
      "description",
      "default",
      "deprecated",
      "readOnly",
      "writeOnly",
      "examples"
    ];
    exports.contentVocabulary = [
      "contentMediaType",
      "contentEncoding",
      "contentSchema"
    ];
  }
});

// node_modules/ajv/dist/vocabularies/draft2020.js
var require_draft2020 = __commonJS({
  "node_modules/ajv/dist/vocabularies/draft2020.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var core_1 = require_core2();
    var validation_1 = require_validation();
    var applicator_1 = require_applicator();
    var dynamic_1 = require_dynamic();
    var next_1 = require_next();
    var unevaluated_1 = require_unevaluated();
    var format_1 = require_format2();
    var metadata_1 = require_metadata();
    var draft2020Vocabularies = [
      dynamic_1.default,
      core_1.default,
      validation_1.default,
      (0, applicator_1.default)(true),
      format_1.default,
      metadata_1.metadataVocabulary,
      metadata_1.contentVocabulary,
      next_1.default,
      unevaluated_1.default
    ];
    exports.default = draft2020Vocabularies;
  }
});

// node_modules/ajv/dist/vocabularies/discriminator/types.js
var require_types = __commonJS({
  "node_modules/ajv/dist/vocabularies/discriminator/types.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DiscrError = void 0;
    var DiscrError;
    (function(DiscrError2) {
      DiscrError2["Tag"] = "tag";
      DiscrError2["Mapping"] = "mapping";
    })(DiscrError || (exports.DiscrError = DiscrError = {}));
  }
});

// node_modules/ajv/dist/vocabularies/discriminator/index.js
var require_discriminator = __commonJS({
  "node_modules/ajv/dist/vocabularies/discriminator/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var types_1 = require_types();
    var compile_1 = require_compile();
    var ref_error_1 = require_ref_error();
    var util_1 = require_util();
    var error = {
      message: ({ params: { discrError, tagName } }) => discrError === types_1.DiscrError.Tag ? `tag "${tagName}" must be string` : `value of tag "${tagName}" must be in oneOf`,
      params: ({ params: { discrError, tag, tagName } }) => (0, codegen_1._)`{error: ${discrError}, tag: ${tagName}, tagValue: ${tag}}`
    };
    var def = {
      keyword: "discriminator",
      type: "object",
      schemaType: "object",
      error,
      code(cxt) {
        const { gen, data, schema, parentSchema, it } = cxt;
        const { oneOf } = parentSchema;
        if (!it.opts.discriminator) {
          throw new Error("discriminator: requires discriminator option");
        }
        const tagName = schema.propertyName;
        if (typeof tagName != "string")
          throw new Error("discriminator: requires propertyName");
        if (schema.mapping)
          throw new Error("discriminator: mapping is not supported");
        if (!oneOf)
          throw new Error("discriminator: requires oneOf keyword");
        const valid = gen.let("valid", false);
        const tag = gen.const("tag", (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(tagName)}`);
        gen.if((0, codegen_1._)`typeof ${tag} == "string"`, () => validateMapping(), () => cxt.error(false, { discrError: types_1.DiscrError.Tag, tag, tagName }));
        cxt.ok(valid);
        function validateMapping() {
          const mapping = getMapping();
          gen.if(false);
          for (const tagValue in mapping) {
            gen.elseIf((0, codegen_1._)`${tag} === ${tagValue}`);
            gen.assign(valid, applyTagSchema(mapping[tagValue]));
          }
          gen.else();
          cxt.error(false, { discrError: types_1.DiscrError.Mapping, tag, tagName });
          gen.endIf();
        }
        function applyTagSchema(schemaProp) {
          const _valid = gen.name("valid");
          const schCxt = cxt.subschema({ keyword: "oneOf", schemaProp }, _valid);
          cxt.mergeEvaluated(schCxt, codegen_1.Name);
          return _valid;
        }
        function getMapping() {
          var _a;
          const oneOfMapping = {};
          const topRequired = hasRequired(parentSchema);
          let tagRequired = true;
          for (let i = 0; i < oneOf.length; i++) {
            let sch = oneOf[i];
            if ((sch === null || sch === void 0 ? void 0 : sch.$ref) && !(0, util_1.schemaHasRulesButRef)(sch, it.self.RULES)) {
              const ref = sch.$ref;
              sch = compile_1.resolveRef.call(it.self, it.schemaEnv.root, it.baseId, ref);
              if (sch instanceof compile_1.SchemaEnv)
                sch = sch.schema;
              if (sch === void 0)
                throw new ref_error_1.default(it.opts.uriResolver, it.baseId, ref);
            }
            const propSch = (_a = sch === null || sch === void 0 ? void 0 : sch.properties) === null || _a === void 0 ? void 0 : _a[tagName];
            if (typeof propSch != "object") {
              throw new Error(`discriminator: oneOf subschemas (or referenced schemas) must have "properties/${tagName}"`);
            }
            tagRequired = tagRequired && (topRequired || hasRequired(sch));
            addMappings(propSch, i);
          }
          if (!tagRequired)
            throw new Error(`discriminator: "${tagName}" must be required`);
          return oneOfMapping;
          function hasRequired({ required }) {
            return Array.isArray(required) && required.includes(tagName);
          }
          function addMappings(sch, i) {
            if (sch.const) {
              addMapping(sch.const, i);
            } else if (sch.enum) {
              for (const tagValue of sch.enum) {
                addMapping(tagValue, i);
              }
            } else {
              throw new Error(`discriminator: "properties/${tagName}" must have "const" or "enum"`);
            }
          }
          function addMapping(tagValue, i) {
            if (typeof tagValue != "string" || tagValue in oneOfMapping) {
              throw new Error(`discriminator: "${tagName}" values must be unique strings`);
            }
            oneOfMapping[tagValue] = i;
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/schema.json
var require_schema4 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/schema.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/schema",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/core": true,
        "https://json-schema.org/draft/2020-12/vocab/applicator": true,
        "https://json-schema.org/draft/2020-12/vocab/unevaluated": true,
        "https://json-schema.org/draft/2020-12/vocab/validation": true,
        "https://json-schema.org/draft/2020-12/vocab/meta-data": true,
        "https://json-schema.org/draft/2020-12/vocab/format-annotation": true,
        "https://json-schema.org/draft/2020-12/vocab/content": true
      },
      $dynamicAnchor: "meta",
      title: "Core and Validation specifications meta-schema",
      allOf: [
        { $ref: "meta/core" },
        { $ref: "meta/applicator" },
        { $ref: "meta/unevaluated" },
        { $ref: "meta/validation" },
        { $ref: "meta/meta-data" },
        { $ref: "meta/format-annotation" },
        { $ref: "meta/content" }
      ],
      type: ["object", "boolean"],
      $comment: "This meta-schema also defines keywords that have appeared in previous drafts in order to prevent incompatible extensions as they remain in common use.",
      properties: {
        definitions: {
          $comment: '"definitions" has been replaced by "$defs".',
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          deprecated: true,
          default: {}
        },
        dependencies: {
          $comment: '"dependencies" has been split and replaced by "dependentSchemas" and "dependentRequired" in order to serve their differing semantics.',
          type: "object",
          additionalProperties: {
            anyOf: [{ $dynamicRef: "#meta" }, { $ref: "meta/validation#/$defs/stringArray" }]
          },
          deprecated: true,
          default: {}
        },
        $recursiveAnchor: {
          $comment: '"$recursiveAnchor" has been replaced by "$dynamicAnchor".',
          $ref: "meta/core#/$defs/anchorString",
          deprecated: true
        },
        $recursiveRef: {
          $comment: '"$recursiveRef" has been replaced by "$dynamicRef".',
          $ref: "meta/core#/$defs/uriReferenceString",
          deprecated: true
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/applicator.json
var require_applicator2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/applicator.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/applicator",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/applicator": true
      },
      $dynamicAnchor: "meta",
      title: "Applicator vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        prefixItems: { $ref: "#/$defs/schemaArray" },
        items: { $dynamicRef: "#meta" },
        contains: { $dynamicRef: "#meta" },
        additionalProperties: { $dynamicRef: "#meta" },
        properties: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          default: {}
        },
        patternProperties: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          propertyNames: { format: "regex" },
          default: {}
        },
        dependentSchemas: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" },
          default: {}
        },
        propertyNames: { $dynamicRef: "#meta" },
        if: { $dynamicRef: "#meta" },
        then: { $dynamicRef: "#meta" },
        else: { $dynamicRef: "#meta" },
        allOf: { $ref: "#/$defs/schemaArray" },
        anyOf: { $ref: "#/$defs/schemaArray" },
        oneOf: { $ref: "#/$defs/schemaArray" },
        not: { $dynamicRef: "#meta" }
      },
      $defs: {
        schemaArray: {
          type: "array",
          minItems: 1,
          items: { $dynamicRef: "#meta" }
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/unevaluated.json
var require_unevaluated2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/unevaluated.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/unevaluated",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/unevaluated": true
      },
      $dynamicAnchor: "meta",
      title: "Unevaluated applicator vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        unevaluatedItems: { $dynamicRef: "#meta" },
        unevaluatedProperties: { $dynamicRef: "#meta" }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/content.json
var require_content = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/content.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/content",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/content": true
      },
      $dynamicAnchor: "meta",
      title: "Content vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        contentEncoding: { type: "string" },
        contentMediaType: { type: "string" },
        contentSchema: { $dynamicRef: "#meta" }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/core.json
var require_core3 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/core.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/core",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/core": true
      },
      $dynamicAnchor: "meta",
      title: "Core vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        $id: {
          $ref: "#/$defs/uriReferenceString",
          $comment: "Non-empty fragments not allowed.",
          pattern: "^[^#]*#?$"
        },
        $schema: { $ref: "#/$defs/uriString" },
        $ref: { $ref: "#/$defs/uriReferenceString" },
        $anchor: { $ref: "#/$defs/anchorString" },
        $dynamicRef: { $ref: "#/$defs/uriReferenceString" },
        $dynamicAnchor: { $ref: "#/$defs/anchorString" },
        $vocabulary: {
          type: "object",
          propertyNames: { $ref: "#/$defs/uriString" },
          additionalProperties: {
            type: "boolean"
          }
        },
        $comment: {
          type: "string"
        },
        $defs: {
          type: "object",
          additionalProperties: { $dynamicRef: "#meta" }
        }
      },
      $defs: {
        anchorString: {
          type: "string",
          pattern: "^[A-Za-z_][-A-Za-z0-9._]*$"
        },
        uriString: {
          type: "string",
          format: "uri"
        },
        uriReferenceString: {
          type: "string",
          format: "uri-reference"
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/format-annotation.json
var require_format_annotation = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/format-annotation.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/format-annotation",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/format-annotation": true
      },
      $dynamicAnchor: "meta",
      title: "Format vocabulary meta-schema for annotation results",
      type: ["object", "boolean"],
      properties: {
        format: { type: "string" }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/meta-data.json
var require_meta_data = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/meta-data.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/meta-data",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/meta-data": true
      },
      $dynamicAnchor: "meta",
      title: "Meta-data vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        title: {
          type: "string"
        },
        description: {
          type: "string"
        },
        default: true,
        deprecated: {
          type: "boolean",
          default: false
        },
        readOnly: {
          type: "boolean",
          default: false
        },
        writeOnly: {
          type: "boolean",
          default: false
        },
        examples: {
          type: "array",
          items: true
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/meta/validation.json
var require_validation2 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/meta/validation.json"(exports, module) {
    module.exports = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://json-schema.org/draft/2020-12/meta/validation",
      $vocabulary: {
        "https://json-schema.org/draft/2020-12/vocab/validation": true
      },
      $dynamicAnchor: "meta",
      title: "Validation vocabulary meta-schema",
      type: ["object", "boolean"],
      properties: {
        type: {
          anyOf: [
            { $ref: "#/$defs/simpleTypes" },
            {
              type: "array",
              items: { $ref: "#/$defs/simpleTypes" },
              minItems: 1,
              uniqueItems: true
            }
          ]
        },
        const: true,
        enum: {
          type: "array",
          items: true
        },
        multipleOf: {
          type: "number",
          exclusiveMinimum: 0
        },
        maximum: {
          type: "number"
        },
        exclusiveMaximum: {
          type: "number"
        },
        minimum: {
          type: "number"
        },
        exclusiveMinimum: {
          type: "number"
        },
        maxLength: { $ref: "#/$defs/nonNegativeInteger" },
        minLength: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        pattern: {
          type: "string",
          format: "regex"
        },
        maxItems: { $ref: "#/$defs/nonNegativeInteger" },
        minItems: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        uniqueItems: {
          type: "boolean",
          default: false
        },
        maxContains: { $ref: "#/$defs/nonNegativeInteger" },
        minContains: {
          $ref: "#/$defs/nonNegativeInteger",
          default: 1
        },
        maxProperties: { $ref: "#/$defs/nonNegativeInteger" },
        minProperties: { $ref: "#/$defs/nonNegativeIntegerDefault0" },
        required: { $ref: "#/$defs/stringArray" },
        dependentRequired: {
          type: "object",
          additionalProperties: {
            $ref: "#/$defs/stringArray"
          }
        }
      },
      $defs: {
        nonNegativeInteger: {
          type: "integer",
          minimum: 0
        },
        nonNegativeIntegerDefault0: {
          $ref: "#/$defs/nonNegativeInteger",
          default: 0
        },
        simpleTypes: {
          enum: ["array", "boolean", "integer", "null", "number", "object", "string"]
        },
        stringArray: {
          type: "array",
          items: { type: "string" },
          uniqueItems: true,
          default: []
        }
      }
    };
  }
});

// node_modules/ajv/dist/refs/json-schema-2020-12/index.js
var require_json_schema_2020_12 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-2020-12/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var metaSchema = require_schema4();
    var applicator = require_applicator2();
    var unevaluated = require_unevaluated2();
    var content = require_content();
    var core = require_core3();
    var format2 = require_format_annotation();
    var metadata = require_meta_data();
    var validation = require_validation2();
    var META_SUPPORT_DATA = ["/properties"];
    function addMetaSchema2020($data) {
      ;
      [
        metaSchema,
        applicator,
        unevaluated,
        content,
        core,
        with$data(this, format2),
        metadata,
        with$data(this, validation)
      ].forEach((sch) => this.addMetaSchema(sch, void 0, false));
      return this;
      function with$data(ajv2, sch) {
        return $data ? ajv2.$dataMetaSchema(sch, META_SUPPORT_DATA) : sch;
      }
    }
    exports.default = addMetaSchema2020;
  }
});

// node_modules/ajv/dist/2020.js
var require__ = __commonJS({
  "node_modules/ajv/dist/2020.js"(exports, module) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.MissingRefError = exports.ValidationError = exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = exports.Ajv2020 = void 0;
    var core_1 = require_core();
    var draft2020_1 = require_draft2020();
    var discriminator_1 = require_discriminator();
    var json_schema_2020_12_1 = require_json_schema_2020_12();
    var META_SCHEMA_ID = "https://json-schema.org/draft/2020-12/schema";
    var Ajv20202 = class extends core_1.default {
      constructor(opts = {}) {
        super({
          ...opts,
          dynamicRef: true,
          next: true,
          unevaluated: true
        });
      }
      _addVocabularies() {
        super._addVocabularies();
        draft2020_1.default.forEach((v) => this.addVocabulary(v));
        if (this.opts.discriminator)
          this.addKeyword(discriminator_1.default);
      }
      _addDefaultMetaSchema() {
        super._addDefaultMetaSchema();
        const { $data, meta } = this.opts;
        if (!meta)
          return;
        json_schema_2020_12_1.default.call(this, $data);
        this.refs["http://json-schema.org/schema"] = META_SCHEMA_ID;
      }
      defaultMeta() {
        return this.opts.defaultMeta = super.defaultMeta() || (this.getSchema(META_SCHEMA_ID) ? META_SCHEMA_ID : void 0);
      }
    };
    exports.Ajv2020 = Ajv20202;
    module.exports = exports = Ajv20202;
    module.exports.Ajv2020 = Ajv20202;
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.default = Ajv20202;
    var validate_1 = require_validate();
    Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    Object.defineProperty(exports, "ValidationError", { enumerable: true, get: function() {
      return validation_error_1.default;
    } });
    var ref_error_1 = require_ref_error();
    Object.defineProperty(exports, "MissingRefError", { enumerable: true, get: function() {
      return ref_error_1.default;
    } });
  }
});

// src/core/errors.ts
var ConfigurationError = class extends Error {
  name = "ConfigurationError";
};
var UsageError = class extends Error {
  constructor(message2, hint) {
    super(message2);
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

// src/core/suggest.ts
function editDistance(a, b) {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}
function closest(word, candidates) {
  let best;
  let bestDistance = Number.POSITIVE_INFINITY;
  const lower = word.toLowerCase();
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== void 0 && bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : void 0;
}
function didYouMean(word, candidates) {
  const c = closest(word, candidates);
  return c ? ` \u2014 did you mean "${c}"?` : "";
}

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
  const write = (prefix2, message2) => stream.write(`${prefix2}${message2}
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

// src/core/version.ts
var VERSION = true ? "0.1.0" : "0.0.0-dev";
var USER_AGENT = `databricks-dr-actions/${VERSION}`;

// src/core/config/load.ts
import path from "node:path";

// src/core/source.ts
import { readFileSync } from "node:fs";

// node_modules/jsonc-parser/lib/esm/impl/scanner.js
function createScanner(text, ignoreTrivia = false) {
  const len = text.length;
  let pos = 0, value2 = "", tokenOffset = 0, token = 16, lineNumber = 0, lineStartOffset = 0, tokenLineStartOffset = 0, prevTokenLineStartOffset = 0, scanError = 0;
  function scanHexDigits(count, exact) {
    let digits = 0;
    let value3 = 0;
    while (digits < count || !exact) {
      let ch = text.charCodeAt(pos);
      if (ch >= 48 && ch <= 57) {
        value3 = value3 * 16 + ch - 48;
      } else if (ch >= 65 && ch <= 70) {
        value3 = value3 * 16 + ch - 65 + 10;
      } else if (ch >= 97 && ch <= 102) {
        value3 = value3 * 16 + ch - 97 + 10;
      } else {
        break;
      }
      pos++;
      digits++;
    }
    if (digits < count) {
      value3 = -1;
    }
    return value3;
  }
  function setPosition(newPosition) {
    pos = newPosition;
    value2 = "";
    tokenOffset = 0;
    token = 16;
    scanError = 0;
  }
  function scanNumber() {
    let start = pos;
    if (text.charCodeAt(pos) === 48) {
      pos++;
    } else {
      pos++;
      while (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
      }
    }
    if (pos < text.length && text.charCodeAt(pos) === 46) {
      pos++;
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
      } else {
        scanError = 3;
        return text.substring(start, pos);
      }
    }
    let end = pos;
    if (pos < text.length && (text.charCodeAt(pos) === 69 || text.charCodeAt(pos) === 101)) {
      pos++;
      if (pos < text.length && text.charCodeAt(pos) === 43 || text.charCodeAt(pos) === 45) {
        pos++;
      }
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
        end = pos;
      } else {
        scanError = 3;
      }
    }
    return text.substring(start, end);
  }
  function scanString() {
    let result = "", start = pos;
    while (true) {
      if (pos >= len) {
        result += text.substring(start, pos);
        scanError = 2;
        break;
      }
      const ch = text.charCodeAt(pos);
      if (ch === 34) {
        result += text.substring(start, pos);
        pos++;
        break;
      }
      if (ch === 92) {
        result += text.substring(start, pos);
        pos++;
        if (pos >= len) {
          scanError = 2;
          break;
        }
        const ch2 = text.charCodeAt(pos++);
        switch (ch2) {
          case 34:
            result += '"';
            break;
          case 92:
            result += "\\";
            break;
          case 47:
            result += "/";
            break;
          case 98:
            result += "\b";
            break;
          case 102:
            result += "\f";
            break;
          case 110:
            result += "\n";
            break;
          case 114:
            result += "\r";
            break;
          case 116:
            result += "	";
            break;
          case 117:
            const ch3 = scanHexDigits(4, true);
            if (ch3 >= 0) {
              result += String.fromCharCode(ch3);
            } else {
              scanError = 4;
            }
            break;
          default:
            scanError = 5;
        }
        start = pos;
        continue;
      }
      if (ch >= 0 && ch <= 31) {
        if (isLineBreak(ch)) {
          result += text.substring(start, pos);
          scanError = 2;
          break;
        } else {
          scanError = 6;
        }
      }
      pos++;
    }
    return result;
  }
  function scanNext() {
    value2 = "";
    scanError = 0;
    tokenOffset = pos;
    lineStartOffset = lineNumber;
    prevTokenLineStartOffset = tokenLineStartOffset;
    if (pos >= len) {
      tokenOffset = len;
      return token = 17;
    }
    let code = text.charCodeAt(pos);
    if (isWhiteSpace(code)) {
      do {
        pos++;
        value2 += String.fromCharCode(code);
        code = text.charCodeAt(pos);
      } while (isWhiteSpace(code));
      return token = 15;
    }
    if (isLineBreak(code)) {
      pos++;
      value2 += String.fromCharCode(code);
      if (code === 13 && text.charCodeAt(pos) === 10) {
        pos++;
        value2 += "\n";
      }
      lineNumber++;
      tokenLineStartOffset = pos;
      return token = 14;
    }
    switch (code) {
      // tokens: []{}:,
      case 123:
        pos++;
        return token = 1;
      case 125:
        pos++;
        return token = 2;
      case 91:
        pos++;
        return token = 3;
      case 93:
        pos++;
        return token = 4;
      case 58:
        pos++;
        return token = 6;
      case 44:
        pos++;
        return token = 5;
      // strings
      case 34:
        pos++;
        value2 = scanString();
        return token = 10;
      // comments
      case 47:
        const start = pos - 1;
        if (text.charCodeAt(pos + 1) === 47) {
          pos += 2;
          while (pos < len) {
            if (isLineBreak(text.charCodeAt(pos))) {
              break;
            }
            pos++;
          }
          value2 = text.substring(start, pos);
          return token = 12;
        }
        if (text.charCodeAt(pos + 1) === 42) {
          pos += 2;
          const safeLength = len - 1;
          let commentClosed = false;
          while (pos < safeLength) {
            const ch = text.charCodeAt(pos);
            if (ch === 42 && text.charCodeAt(pos + 1) === 47) {
              pos += 2;
              commentClosed = true;
              break;
            }
            pos++;
            if (isLineBreak(ch)) {
              if (ch === 13 && text.charCodeAt(pos) === 10) {
                pos++;
              }
              lineNumber++;
              tokenLineStartOffset = pos;
            }
          }
          if (!commentClosed) {
            pos++;
            scanError = 1;
          }
          value2 = text.substring(start, pos);
          return token = 13;
        }
        value2 += String.fromCharCode(code);
        pos++;
        return token = 16;
      // numbers
      case 45:
        value2 += String.fromCharCode(code);
        pos++;
        if (pos === len || !isDigit(text.charCodeAt(pos))) {
          return token = 16;
        }
      // found a minus, followed by a number so
      // we fall through to proceed with scanning
      // numbers
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57:
        value2 += scanNumber();
        return token = 11;
      // literals and unknown symbols
      default:
        while (pos < len && isUnknownContentCharacter(code)) {
          pos++;
          code = text.charCodeAt(pos);
        }
        if (tokenOffset !== pos) {
          value2 = text.substring(tokenOffset, pos);
          switch (value2) {
            case "true":
              return token = 8;
            case "false":
              return token = 9;
            case "null":
              return token = 7;
          }
          return token = 16;
        }
        value2 += String.fromCharCode(code);
        pos++;
        return token = 16;
    }
  }
  function isUnknownContentCharacter(code) {
    if (isWhiteSpace(code) || isLineBreak(code)) {
      return false;
    }
    switch (code) {
      case 125:
      case 93:
      case 123:
      case 91:
      case 34:
      case 58:
      case 44:
      case 47:
        return false;
    }
    return true;
  }
  function scanNextNonTrivia() {
    let result;
    do {
      result = scanNext();
    } while (result >= 12 && result <= 15);
    return result;
  }
  return {
    setPosition,
    getPosition: () => pos,
    scan: ignoreTrivia ? scanNextNonTrivia : scanNext,
    getToken: () => token,
    getTokenValue: () => value2,
    getTokenOffset: () => tokenOffset,
    getTokenLength: () => pos - tokenOffset,
    getTokenStartLine: () => lineStartOffset,
    getTokenStartCharacter: () => tokenOffset - prevTokenLineStartOffset,
    getTokenError: () => scanError
  };
}
function isWhiteSpace(ch) {
  return ch === 32 || ch === 9;
}
function isLineBreak(ch) {
  return ch === 10 || ch === 13;
}
function isDigit(ch) {
  return ch >= 48 && ch <= 57;
}
var CharacterCodes;
(function(CharacterCodes2) {
  CharacterCodes2[CharacterCodes2["lineFeed"] = 10] = "lineFeed";
  CharacterCodes2[CharacterCodes2["carriageReturn"] = 13] = "carriageReturn";
  CharacterCodes2[CharacterCodes2["space"] = 32] = "space";
  CharacterCodes2[CharacterCodes2["_0"] = 48] = "_0";
  CharacterCodes2[CharacterCodes2["_1"] = 49] = "_1";
  CharacterCodes2[CharacterCodes2["_2"] = 50] = "_2";
  CharacterCodes2[CharacterCodes2["_3"] = 51] = "_3";
  CharacterCodes2[CharacterCodes2["_4"] = 52] = "_4";
  CharacterCodes2[CharacterCodes2["_5"] = 53] = "_5";
  CharacterCodes2[CharacterCodes2["_6"] = 54] = "_6";
  CharacterCodes2[CharacterCodes2["_7"] = 55] = "_7";
  CharacterCodes2[CharacterCodes2["_8"] = 56] = "_8";
  CharacterCodes2[CharacterCodes2["_9"] = 57] = "_9";
  CharacterCodes2[CharacterCodes2["a"] = 97] = "a";
  CharacterCodes2[CharacterCodes2["b"] = 98] = "b";
  CharacterCodes2[CharacterCodes2["c"] = 99] = "c";
  CharacterCodes2[CharacterCodes2["d"] = 100] = "d";
  CharacterCodes2[CharacterCodes2["e"] = 101] = "e";
  CharacterCodes2[CharacterCodes2["f"] = 102] = "f";
  CharacterCodes2[CharacterCodes2["g"] = 103] = "g";
  CharacterCodes2[CharacterCodes2["h"] = 104] = "h";
  CharacterCodes2[CharacterCodes2["i"] = 105] = "i";
  CharacterCodes2[CharacterCodes2["j"] = 106] = "j";
  CharacterCodes2[CharacterCodes2["k"] = 107] = "k";
  CharacterCodes2[CharacterCodes2["l"] = 108] = "l";
  CharacterCodes2[CharacterCodes2["m"] = 109] = "m";
  CharacterCodes2[CharacterCodes2["n"] = 110] = "n";
  CharacterCodes2[CharacterCodes2["o"] = 111] = "o";
  CharacterCodes2[CharacterCodes2["p"] = 112] = "p";
  CharacterCodes2[CharacterCodes2["q"] = 113] = "q";
  CharacterCodes2[CharacterCodes2["r"] = 114] = "r";
  CharacterCodes2[CharacterCodes2["s"] = 115] = "s";
  CharacterCodes2[CharacterCodes2["t"] = 116] = "t";
  CharacterCodes2[CharacterCodes2["u"] = 117] = "u";
  CharacterCodes2[CharacterCodes2["v"] = 118] = "v";
  CharacterCodes2[CharacterCodes2["w"] = 119] = "w";
  CharacterCodes2[CharacterCodes2["x"] = 120] = "x";
  CharacterCodes2[CharacterCodes2["y"] = 121] = "y";
  CharacterCodes2[CharacterCodes2["z"] = 122] = "z";
  CharacterCodes2[CharacterCodes2["A"] = 65] = "A";
  CharacterCodes2[CharacterCodes2["B"] = 66] = "B";
  CharacterCodes2[CharacterCodes2["C"] = 67] = "C";
  CharacterCodes2[CharacterCodes2["D"] = 68] = "D";
  CharacterCodes2[CharacterCodes2["E"] = 69] = "E";
  CharacterCodes2[CharacterCodes2["F"] = 70] = "F";
  CharacterCodes2[CharacterCodes2["G"] = 71] = "G";
  CharacterCodes2[CharacterCodes2["H"] = 72] = "H";
  CharacterCodes2[CharacterCodes2["I"] = 73] = "I";
  CharacterCodes2[CharacterCodes2["J"] = 74] = "J";
  CharacterCodes2[CharacterCodes2["K"] = 75] = "K";
  CharacterCodes2[CharacterCodes2["L"] = 76] = "L";
  CharacterCodes2[CharacterCodes2["M"] = 77] = "M";
  CharacterCodes2[CharacterCodes2["N"] = 78] = "N";
  CharacterCodes2[CharacterCodes2["O"] = 79] = "O";
  CharacterCodes2[CharacterCodes2["P"] = 80] = "P";
  CharacterCodes2[CharacterCodes2["Q"] = 81] = "Q";
  CharacterCodes2[CharacterCodes2["R"] = 82] = "R";
  CharacterCodes2[CharacterCodes2["S"] = 83] = "S";
  CharacterCodes2[CharacterCodes2["T"] = 84] = "T";
  CharacterCodes2[CharacterCodes2["U"] = 85] = "U";
  CharacterCodes2[CharacterCodes2["V"] = 86] = "V";
  CharacterCodes2[CharacterCodes2["W"] = 87] = "W";
  CharacterCodes2[CharacterCodes2["X"] = 88] = "X";
  CharacterCodes2[CharacterCodes2["Y"] = 89] = "Y";
  CharacterCodes2[CharacterCodes2["Z"] = 90] = "Z";
  CharacterCodes2[CharacterCodes2["asterisk"] = 42] = "asterisk";
  CharacterCodes2[CharacterCodes2["backslash"] = 92] = "backslash";
  CharacterCodes2[CharacterCodes2["closeBrace"] = 125] = "closeBrace";
  CharacterCodes2[CharacterCodes2["closeBracket"] = 93] = "closeBracket";
  CharacterCodes2[CharacterCodes2["colon"] = 58] = "colon";
  CharacterCodes2[CharacterCodes2["comma"] = 44] = "comma";
  CharacterCodes2[CharacterCodes2["dot"] = 46] = "dot";
  CharacterCodes2[CharacterCodes2["doubleQuote"] = 34] = "doubleQuote";
  CharacterCodes2[CharacterCodes2["minus"] = 45] = "minus";
  CharacterCodes2[CharacterCodes2["openBrace"] = 123] = "openBrace";
  CharacterCodes2[CharacterCodes2["openBracket"] = 91] = "openBracket";
  CharacterCodes2[CharacterCodes2["plus"] = 43] = "plus";
  CharacterCodes2[CharacterCodes2["slash"] = 47] = "slash";
  CharacterCodes2[CharacterCodes2["formFeed"] = 12] = "formFeed";
  CharacterCodes2[CharacterCodes2["tab"] = 9] = "tab";
})(CharacterCodes || (CharacterCodes = {}));

// node_modules/jsonc-parser/lib/esm/impl/string-intern.js
var cachedSpaces = new Array(20).fill(0).map((_, index) => {
  return " ".repeat(index);
});
var maxCachedValues = 200;
var cachedBreakLinesWithSpaces = {
  " ": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + " ".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + " ".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + " ".repeat(index);
    })
  },
  "	": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + "	".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + "	".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + "	".repeat(index);
    })
  }
};

// node_modules/jsonc-parser/lib/esm/impl/parser.js
var ParseOptions;
(function(ParseOptions2) {
  ParseOptions2.DEFAULT = {
    allowTrailingComma: false
  };
})(ParseOptions || (ParseOptions = {}));
function parseTree(text, errors = [], options = ParseOptions.DEFAULT) {
  let currentParent = { type: "array", offset: -1, length: -1, children: [], parent: void 0 };
  function ensurePropertyComplete(endOffset) {
    if (currentParent.type === "property") {
      currentParent.length = endOffset - currentParent.offset;
      currentParent = currentParent.parent;
    }
  }
  function onValue(valueNode) {
    currentParent.children.push(valueNode);
    return valueNode;
  }
  const visitor = {
    onObjectBegin: (offset) => {
      currentParent = onValue({ type: "object", offset, length: -1, parent: currentParent, children: [] });
    },
    onObjectProperty: (name, offset, length) => {
      currentParent = onValue({ type: "property", offset, length: -1, parent: currentParent, children: [] });
      currentParent.children.push({ type: "string", value: name, offset, length, parent: currentParent });
    },
    onObjectEnd: (offset, length) => {
      ensurePropertyComplete(offset + length);
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onArrayBegin: (offset, length) => {
      currentParent = onValue({ type: "array", offset, length: -1, parent: currentParent, children: [] });
    },
    onArrayEnd: (offset, length) => {
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onLiteralValue: (value2, offset, length) => {
      onValue({ type: getNodeType(value2), offset, length, parent: currentParent, value: value2 });
      ensurePropertyComplete(offset + length);
    },
    onSeparator: (sep, offset, length) => {
      if (currentParent.type === "property") {
        if (sep === ":") {
          currentParent.colonOffset = offset;
        } else if (sep === ",") {
          ensurePropertyComplete(offset);
        }
      }
    },
    onError: (error, offset, length) => {
      errors.push({ error, offset, length });
    }
  };
  visit(text, visitor, options);
  const result = currentParent.children[0];
  if (result) {
    delete result.parent;
  }
  return result;
}
function findNodeAtLocation(root, path5) {
  if (!root) {
    return void 0;
  }
  let node = root;
  for (let segment of path5) {
    if (typeof segment === "string") {
      if (node.type !== "object" || !Array.isArray(node.children)) {
        return void 0;
      }
      let found = false;
      for (const propertyNode of node.children) {
        if (Array.isArray(propertyNode.children) && propertyNode.children[0].value === segment && propertyNode.children.length === 2) {
          node = propertyNode.children[1];
          found = true;
          break;
        }
      }
      if (!found) {
        return void 0;
      }
    } else {
      const index = segment;
      if (node.type !== "array" || index < 0 || !Array.isArray(node.children) || index >= node.children.length) {
        return void 0;
      }
      node = node.children[index];
    }
  }
  return node;
}
function visit(text, visitor, options = ParseOptions.DEFAULT) {
  const _scanner = createScanner(text, false);
  const _jsonPath = [];
  let suppressedCallbacks = 0;
  function toNoArgVisit(visitFunction) {
    return visitFunction ? () => suppressedCallbacks === 0 && visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisit(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisitWithPath(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice()) : () => true;
  }
  function toBeginVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks++;
      } else {
        let cbReturn = visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice());
        if (cbReturn === false) {
          suppressedCallbacks = 1;
        }
      }
    } : () => true;
  }
  function toEndVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks--;
      }
      if (suppressedCallbacks === 0) {
        visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter());
      }
    } : () => true;
  }
  const onObjectBegin = toBeginVisit(visitor.onObjectBegin), onObjectProperty = toOneArgVisitWithPath(visitor.onObjectProperty), onObjectEnd = toEndVisit(visitor.onObjectEnd), onArrayBegin = toBeginVisit(visitor.onArrayBegin), onArrayEnd = toEndVisit(visitor.onArrayEnd), onLiteralValue = toOneArgVisitWithPath(visitor.onLiteralValue), onSeparator = toOneArgVisit(visitor.onSeparator), onComment = toNoArgVisit(visitor.onComment), onError = toOneArgVisit(visitor.onError);
  const disallowComments = options && options.disallowComments;
  const allowTrailingComma = options && options.allowTrailingComma;
  function scanNext() {
    while (true) {
      const token = _scanner.scan();
      switch (_scanner.getTokenError()) {
        case 4:
          handleError(
            14
            /* ParseErrorCode.InvalidUnicode */
          );
          break;
        case 5:
          handleError(
            15
            /* ParseErrorCode.InvalidEscapeCharacter */
          );
          break;
        case 3:
          handleError(
            13
            /* ParseErrorCode.UnexpectedEndOfNumber */
          );
          break;
        case 1:
          if (!disallowComments) {
            handleError(
              11
              /* ParseErrorCode.UnexpectedEndOfComment */
            );
          }
          break;
        case 2:
          handleError(
            12
            /* ParseErrorCode.UnexpectedEndOfString */
          );
          break;
        case 6:
          handleError(
            16
            /* ParseErrorCode.InvalidCharacter */
          );
          break;
      }
      switch (token) {
        case 12:
        case 13:
          if (disallowComments) {
            handleError(
              10
              /* ParseErrorCode.InvalidCommentToken */
            );
          } else {
            onComment();
          }
          break;
        case 16:
          handleError(
            1
            /* ParseErrorCode.InvalidSymbol */
          );
          break;
        case 15:
        case 14:
          break;
        default:
          return token;
      }
    }
  }
  function handleError(error, skipUntilAfter = [], skipUntil = []) {
    onError(error);
    if (skipUntilAfter.length + skipUntil.length > 0) {
      let token = _scanner.getToken();
      while (token !== 17) {
        if (skipUntilAfter.indexOf(token) !== -1) {
          scanNext();
          break;
        } else if (skipUntil.indexOf(token) !== -1) {
          break;
        }
        token = scanNext();
      }
    }
  }
  function parseString(isValue) {
    const value2 = _scanner.getTokenValue();
    if (isValue) {
      onLiteralValue(value2);
    } else {
      onObjectProperty(value2);
      _jsonPath.push(value2);
    }
    scanNext();
    return true;
  }
  function parseLiteral() {
    switch (_scanner.getToken()) {
      case 11:
        const tokenValue = _scanner.getTokenValue();
        let value2 = Number(tokenValue);
        if (isNaN(value2)) {
          handleError(
            2
            /* ParseErrorCode.InvalidNumberFormat */
          );
          value2 = 0;
        }
        onLiteralValue(value2);
        break;
      case 7:
        onLiteralValue(null);
        break;
      case 8:
        onLiteralValue(true);
        break;
      case 9:
        onLiteralValue(false);
        break;
      default:
        return false;
    }
    scanNext();
    return true;
  }
  function parseProperty() {
    if (_scanner.getToken() !== 10) {
      handleError(3, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
      return false;
    }
    parseString(false);
    if (_scanner.getToken() === 6) {
      onSeparator(":");
      scanNext();
      if (!parseValue()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
    } else {
      handleError(5, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
    }
    _jsonPath.pop();
    return true;
  }
  function parseObject() {
    onObjectBegin();
    scanNext();
    let needsComma = false;
    while (_scanner.getToken() !== 2 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 2 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (!parseProperty()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onObjectEnd();
    if (_scanner.getToken() !== 2) {
      handleError(7, [
        2
        /* SyntaxKind.CloseBraceToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseArray() {
    onArrayBegin();
    scanNext();
    let isFirstElement = true;
    let needsComma = false;
    while (_scanner.getToken() !== 4 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 4 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (isFirstElement) {
        _jsonPath.push(0);
        isFirstElement = false;
      } else {
        _jsonPath[_jsonPath.length - 1]++;
      }
      if (!parseValue()) {
        handleError(4, [], [
          4,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onArrayEnd();
    if (!isFirstElement) {
      _jsonPath.pop();
    }
    if (_scanner.getToken() !== 4) {
      handleError(8, [
        4
        /* SyntaxKind.CloseBracketToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseValue() {
    switch (_scanner.getToken()) {
      case 3:
        return parseArray();
      case 1:
        return parseObject();
      case 10:
        return parseString(true);
      default:
        return parseLiteral();
    }
  }
  scanNext();
  if (_scanner.getToken() === 17) {
    if (options.allowEmptyContent) {
      return true;
    }
    handleError(4, [], []);
    return false;
  }
  if (!parseValue()) {
    handleError(4, [], []);
    return false;
  }
  if (_scanner.getToken() !== 17) {
    handleError(9, [], []);
  }
  return true;
}
function getNodeType(value2) {
  switch (typeof value2) {
    case "boolean":
      return "boolean";
    case "number":
      return "number";
    case "string":
      return "string";
    case "object": {
      if (!value2) {
        return "null";
      } else if (Array.isArray(value2)) {
        return "array";
      }
      return "object";
    }
    default:
      return "null";
  }
}

// node_modules/jsonc-parser/lib/esm/main.js
var ScanError;
(function(ScanError2) {
  ScanError2[ScanError2["None"] = 0] = "None";
  ScanError2[ScanError2["UnexpectedEndOfComment"] = 1] = "UnexpectedEndOfComment";
  ScanError2[ScanError2["UnexpectedEndOfString"] = 2] = "UnexpectedEndOfString";
  ScanError2[ScanError2["UnexpectedEndOfNumber"] = 3] = "UnexpectedEndOfNumber";
  ScanError2[ScanError2["InvalidUnicode"] = 4] = "InvalidUnicode";
  ScanError2[ScanError2["InvalidEscapeCharacter"] = 5] = "InvalidEscapeCharacter";
  ScanError2[ScanError2["InvalidCharacter"] = 6] = "InvalidCharacter";
})(ScanError || (ScanError = {}));
var SyntaxKind;
(function(SyntaxKind2) {
  SyntaxKind2[SyntaxKind2["OpenBraceToken"] = 1] = "OpenBraceToken";
  SyntaxKind2[SyntaxKind2["CloseBraceToken"] = 2] = "CloseBraceToken";
  SyntaxKind2[SyntaxKind2["OpenBracketToken"] = 3] = "OpenBracketToken";
  SyntaxKind2[SyntaxKind2["CloseBracketToken"] = 4] = "CloseBracketToken";
  SyntaxKind2[SyntaxKind2["CommaToken"] = 5] = "CommaToken";
  SyntaxKind2[SyntaxKind2["ColonToken"] = 6] = "ColonToken";
  SyntaxKind2[SyntaxKind2["NullKeyword"] = 7] = "NullKeyword";
  SyntaxKind2[SyntaxKind2["TrueKeyword"] = 8] = "TrueKeyword";
  SyntaxKind2[SyntaxKind2["FalseKeyword"] = 9] = "FalseKeyword";
  SyntaxKind2[SyntaxKind2["StringLiteral"] = 10] = "StringLiteral";
  SyntaxKind2[SyntaxKind2["NumericLiteral"] = 11] = "NumericLiteral";
  SyntaxKind2[SyntaxKind2["LineCommentTrivia"] = 12] = "LineCommentTrivia";
  SyntaxKind2[SyntaxKind2["BlockCommentTrivia"] = 13] = "BlockCommentTrivia";
  SyntaxKind2[SyntaxKind2["LineBreakTrivia"] = 14] = "LineBreakTrivia";
  SyntaxKind2[SyntaxKind2["Trivia"] = 15] = "Trivia";
  SyntaxKind2[SyntaxKind2["Unknown"] = 16] = "Unknown";
  SyntaxKind2[SyntaxKind2["EOF"] = 17] = "EOF";
})(SyntaxKind || (SyntaxKind = {}));
var parseTree2 = parseTree;
var findNodeAtLocation2 = findNodeAtLocation;
var ParseErrorCode;
(function(ParseErrorCode2) {
  ParseErrorCode2[ParseErrorCode2["InvalidSymbol"] = 1] = "InvalidSymbol";
  ParseErrorCode2[ParseErrorCode2["InvalidNumberFormat"] = 2] = "InvalidNumberFormat";
  ParseErrorCode2[ParseErrorCode2["PropertyNameExpected"] = 3] = "PropertyNameExpected";
  ParseErrorCode2[ParseErrorCode2["ValueExpected"] = 4] = "ValueExpected";
  ParseErrorCode2[ParseErrorCode2["ColonExpected"] = 5] = "ColonExpected";
  ParseErrorCode2[ParseErrorCode2["CommaExpected"] = 6] = "CommaExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBraceExpected"] = 7] = "CloseBraceExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBracketExpected"] = 8] = "CloseBracketExpected";
  ParseErrorCode2[ParseErrorCode2["EndOfFileExpected"] = 9] = "EndOfFileExpected";
  ParseErrorCode2[ParseErrorCode2["InvalidCommentToken"] = 10] = "InvalidCommentToken";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfComment"] = 11] = "UnexpectedEndOfComment";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfString"] = 12] = "UnexpectedEndOfString";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfNumber"] = 13] = "UnexpectedEndOfNumber";
  ParseErrorCode2[ParseErrorCode2["InvalidUnicode"] = 14] = "InvalidUnicode";
  ParseErrorCode2[ParseErrorCode2["InvalidEscapeCharacter"] = 15] = "InvalidEscapeCharacter";
  ParseErrorCode2[ParseErrorCode2["InvalidCharacter"] = 16] = "InvalidCharacter";
})(ParseErrorCode || (ParseErrorCode = {}));
function printParseErrorCode(code) {
  switch (code) {
    case 1:
      return "InvalidSymbol";
    case 2:
      return "InvalidNumberFormat";
    case 3:
      return "PropertyNameExpected";
    case 4:
      return "ValueExpected";
    case 5:
      return "ColonExpected";
    case 6:
      return "CommaExpected";
    case 7:
      return "CloseBraceExpected";
    case 8:
      return "CloseBracketExpected";
    case 9:
      return "EndOfFileExpected";
    case 10:
      return "InvalidCommentToken";
    case 11:
      return "UnexpectedEndOfComment";
    case 12:
      return "UnexpectedEndOfString";
    case 13:
      return "UnexpectedEndOfNumber";
    case 14:
      return "InvalidUnicode";
    case 15:
      return "InvalidEscapeCharacter";
    case 16:
      return "InvalidCharacter";
  }
  return "<unknown ParseErrorCode>";
}

// src/core/source.ts
var import_yaml = __toESM(require_dist(), 1);
function parsePointer(pointer) {
  if (pointer === "" || pointer === "/") return [];
  return pointer.replace(/^\//, "").split("/").map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
}
function formatPointer(segments) {
  if (segments.length === 0) return "";
  return `/${segments.map((s) => String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}`;
}
function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}
function offsetToPosition(file, starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { file, line: lo + 1, column: offset - starts[lo] + 1 };
}
function inferFormat(file, text) {
  if (/\.ya?ml$/i.test(file)) return "yaml";
  if (/\.json$/i.test(file)) return "json";
  return /^\s*[[{]/.test(text) ? "json" : "yaml";
}
function syntaxError(file, position, message2) {
  return { ...position, file, severity: "error", message: message2, pointer: "" };
}
function parseJson(file, text) {
  const starts = lineStarts(text);
  const errors = [];
  const root = parseTree2(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false
  });
  if (errors.length > 0 || !root) {
    const diagnostics = errors.map(
      (e) => syntaxError(
        file,
        offsetToPosition(file, starts, e.offset),
        `invalid JSON: ${describeJsonError(printParseErrorCode(e.error))}`
      )
    );
    if (diagnostics.length === 0)
      diagnostics.push(syntaxError(file, { file, line: 1, column: 1 }, "invalid JSON: empty file"));
    throw new ValidationError(diagnostics.slice(0, 1));
  }
  const value2 = jsonValue(root);
  return {
    file,
    format: "json",
    text,
    value: value2,
    position(pointer, target = "value") {
      const segments = parsePointer(pointer);
      for (let n = segments.length; n >= 0; n--) {
        const path5 = segments.slice(0, n).map((s, i) => isArrayAt(root, segments.slice(0, i)) ? Number(s) : s);
        const node = findNodeAtLocation2(root, path5);
        if (!node) continue;
        const at = target === "key" && n === segments.length && node.parent?.type === "property" ? node.parent : node;
        return offsetToPosition(file, starts, at.offset);
      }
      return { file, line: 1, column: 1 };
    }
  };
}
function isArrayAt(root, path5) {
  const node = findNodeAtLocation2(
    root,
    path5.map((s, i) => isArrayAt(root, path5.slice(0, i)) ? Number(s) : s)
  );
  return node?.type === "array";
}
function jsonValue(node) {
  switch (node.type) {
    case "object": {
      const out = {};
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (k && v) out[k.value] = jsonValue(v);
      }
      return out;
    }
    case "array":
      return (node.children ?? []).map(jsonValue);
    default:
      return node.value;
  }
}
function duplicateJsonKeys(doc) {
  if (doc.format !== "json") return [];
  const root = parseTree2(doc.text);
  const out = [];
  const starts = lineStarts(doc.text);
  const walk = (node, path5) => {
    if (node.type === "object") {
      const seen = /* @__PURE__ */ new Set();
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k) continue;
        const key = k.value;
        if (seen.has(key)) {
          out.push({
            ...offsetToPosition(doc.file, starts, k.offset),
            severity: "error",
            message: `duplicate key "${key}": only the last value would be used; remove one`,
            pointer: formatPointer([...path5, key])
          });
        }
        seen.add(key);
        if (v) walk(v, [...path5, key]);
      }
    } else if (node.type === "array") {
      (node.children ?? []).forEach((c, i) => {
        walk(c, [...path5, i]);
      });
    }
  };
  if (root) walk(root, []);
  return out;
}
function describeJsonError(code) {
  const words = {
    InvalidSymbol: "unexpected character",
    InvalidNumberFormat: "invalid number",
    PropertyNameExpected: "expected a property name in double quotes",
    ValueExpected: "expected a value",
    ColonExpected: "expected ':'",
    CommaExpected: "expected ',' or a closing bracket",
    CloseBraceExpected: "expected '}'",
    CloseBracketExpected: "expected ']'",
    EndOfFileExpected: "unexpected content after the end of the document",
    InvalidCommentToken: "comments are not allowed in JSON",
    UnexpectedEndOfComment: "unterminated comment",
    UnexpectedEndOfString: "unterminated string",
    UnexpectedEndOfNumber: "unterminated number",
    InvalidUnicode: "invalid unicode escape",
    InvalidEscapeCharacter: "invalid escape character",
    InvalidCharacter: "invalid character in string"
  };
  return words[code] ?? code;
}
function parseYaml(file, text) {
  const lineCounter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = lineCounter.linePos(e.pos[0]);
    const message2 = e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
    throw new ValidationError([
      syntaxError(file, { file, line: pos.line, column: pos.col }, `invalid YAML: ${message2}`)
    ]);
  }
  const toPos = (offset) => {
    const p = lineCounter.linePos(offset);
    return { file, line: p.line, column: p.col };
  };
  return {
    file,
    format: "yaml",
    text,
    value: doc.toJS({ maxAliasCount: 100 }),
    position(pointer, target = "value") {
      const segments = parsePointer(pointer);
      let node = doc.contents;
      let best = toPos(doc.contents?.range?.[0] ?? 0);
      for (let i = 0; i < segments.length; i++) {
        const seg = segments[i];
        const last = i === segments.length - 1;
        if ((0, import_yaml.isMap)(node)) {
          const pair = node.items.find(
            (p) => ((0, import_yaml.isScalar)(p.key) ? String(p.key.value) : String(p.key)) === seg
          );
          if (!pair) return best;
          if (last && target === "key" && (0, import_yaml.isScalar)(pair.key) && pair.key.range)
            return toPos(pair.key.range[0]);
          node = pair.value;
          const range = pair.value?.range ?? pair.key?.range;
          if (range) best = toPos(range[0]);
        } else if ((0, import_yaml.isSeq)(node)) {
          const item = node.items[Number(seg)];
          if (!item) return best;
          node = item;
          if (item.range) best = toPos(item.range[0]);
        } else {
          return best;
        }
      }
      return best;
    }
  };
}
function parseSource(file, text, format2 = inferFormat(file, text)) {
  const stripped = text.charCodeAt(0) === 65279 ? text.slice(1) : text;
  return format2 === "json" ? parseJson(file, stripped) : parseYaml(file, stripped);
}
function readSource(file, format2) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    const code = err.code;
    throw new ValidationError([
      syntaxError(
        file,
        { file, line: 1, column: 1 },
        code === "ENOENT" ? "file not found" : `cannot read file (${code})`
      )
    ]);
  }
  return parseSource(file, text, format2);
}

// src/core/config/types.ts
var AUTH_TYPES = [
  "pat",
  "azure-client-secret",
  "azure-oidc",
  "azure-cli",
  "azure-pipelines",
  "azure-msi",
  "databricks-oidc"
];

// src/core/config/load.ts
var DEFAULT_CONFIG_FILE = "databricks-dr.yml";
var NAME_PATTERN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
var REQUIRED_AUTH_KEYS = {
  pat: [],
  "azure-client-secret": ["tenant_id", "client_id", "client_secret_env"],
  "azure-oidc": ["tenant_id", "client_id"],
  "azure-cli": [],
  "azure-pipelines": ["tenant_id", "client_id", "service_connection_id"],
  "azure-msi": [],
  "databricks-oidc": ["client_id"]
};
function hostOverrideVariable(region) {
  return `DATABRICKS_DR_HOST_${region.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}
function isLoopbackHost(url) {
  return ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
}
function checkHost(host) {
  let url;
  try {
    url = new URL(host);
  } catch {
    return `"${host}" is not a URL; write it as https://adb-<workspace-id>.<n>.azuredatabricks.net`;
  }
  if (url.protocol === "https:") return void 0;
  if (url.protocol === "http:" && isLoopbackHost(url)) return void 0;
  return `host must use https:// (plain http is accepted only for loopback emulated workspaces), got "${host}"`;
}
function loadConfig(file = DEFAULT_CONFIG_FILE, options = {}) {
  const doc = readSource(file);
  return configFromDocument(doc, options);
}
function configFromDocument(doc, options = {}) {
  const env = options.env ?? process.env;
  const diagnostics = [];
  const report = (segments, message2, target = "value") => {
    const pointer = formatPointer(segments);
    diagnostics.push({ ...doc.position(pointer, target), severity: "error", message: message2, pointer });
  };
  const root = doc.value;
  if (!isObject(root)) {
    report([], "the config must be a mapping with version, name and regions");
    throw new ValidationError(diagnostics);
  }
  if (root.version !== 1)
    report(["version"], `version must be 1, got ${JSON.stringify(root.version ?? null)}`);
  const name = typeof root.name === "string" ? root.name : "";
  if (typeof root.name !== "string")
    report(["name"], "name is required: a short id of lowercase letters, digits and hyphens");
  else if (!NAME_PATTERN.test(name) || name.length > 64)
    report(["name"], `name "${name}" must be lowercase letters, digits and hyphens (e.g. sales-platform)`);
  const regions = [];
  if (!isObject(root.regions)) {
    report(["regions"], "regions is required: a mapping of region name to {host, role, auth}");
  } else {
    for (const [regionName, raw] of Object.entries(root.regions)) {
      const region = parseRegion(regionName, raw, env, report);
      if (region) regions.push(region);
    }
    if (Object.keys(root.regions).length < 2)
      report(["regions"], "at least two regions are needed (a primary and a secondary)");
    const active = regions.filter((r) => r.role === "active");
    if (regions.length === Object.keys(root.regions).length && active.length !== 1)
      report(["regions"], `exactly one region must have role: active (found ${active.length})`);
  }
  const notebooks = [];
  if (root.notebooks !== void 0) {
    if (!Array.isArray(root.notebooks)) report(["notebooks"], "notebooks must be a list of {source, target}");
    else
      root.notebooks.forEach((n, i) => {
        if (!isObject(n) || typeof n.source !== "string" || typeof n.target !== "string") {
          report(
            ["notebooks", i],
            "each notebooks entry needs source (a repo folder) and target (a workspace path)"
          );
          return;
        }
        if (!n.target.startsWith("/"))
          report(["notebooks", i, "target"], `target must be an absolute workspace path, got "${n.target}"`);
        notebooks.push({
          source: n.source,
          target: n.target.replace(/\/+$/, "") || "/",
          delete_orphans: n.delete_orphans === true
        });
      });
  }
  const globs = (key) => {
    const v = root[key];
    if (v === void 0) return [];
    if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) {
      report([key], `${key} must be a list of file paths or glob patterns`);
      return [];
    }
    return v;
  };
  const flags = (key, defaults) => {
    const v = root[key];
    if (v === void 0) return defaults;
    if (!isObject(v)) {
      report([key], `${key} must be a mapping`);
      return defaults;
    }
    const out = { ...defaults };
    for (const k of Object.keys(defaults)) {
      if (v[k] === void 0) continue;
      if (typeof v[k] !== "boolean") report([key, k], `${key}.${k} must be true or false`);
      else out[k] = v[k];
    }
    return out;
  };
  const passiveRaw = isObject(root.passive) ? root.passive : {};
  let maxRuns = 0;
  if (passiveRaw.max_concurrent_runs !== void 0) {
    const v = passiveRaw.max_concurrent_runs;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > 1e3)
      report(
        ["passive", "max_concurrent_runs"],
        "passive.max_concurrent_runs must be an integer from 0 to 1000 (0 keeps passive jobs from running)"
      );
    else maxRuns = v;
  }
  const { pause_schedules, terminate_clusters } = flags("passive", {
    pause_schedules: true,
    terminate_clusters: true
  });
  const validationRaw = isObject(root.validation) ? root.validation : {};
  const unknownFields = validationRaw.unknown_fields ?? "error";
  if (unknownFields !== "error" && unknownFields !== "warn")
    report(["validation", "unknown_fields"], 'validation.unknown_fields must be "error" or "warn"');
  let drill;
  if (root.drill !== void 0) {
    const d = root.drill;
    if (!isObject(d) || typeof d.job !== "string" || d.job === "") {
      report(["drill"], "drill needs job: the name of a job of this config to run as the smoke test");
    } else if (d.timeout_minutes !== void 0 && (typeof d.timeout_minutes !== "number" || !Number.isInteger(d.timeout_minutes) || d.timeout_minutes < 1)) {
      report(
        ["drill", "timeout_minutes"],
        "drill.timeout_minutes must be a whole number of minutes, at least 1"
      );
    } else {
      drill = { job: d.job, timeout_minutes: d.timeout_minutes ?? 60 };
    }
  }
  const config = {
    version: 1,
    name,
    file: path.resolve(doc.file),
    baseDir: path.dirname(path.resolve(doc.file)),
    regions,
    notebooks,
    jobs: globs("jobs"),
    clusters: globs("clusters"),
    secret_scopes: globs("secret_scopes"),
    external_clusters: globs("external_clusters"),
    prune: flags("prune", { jobs: false, clusters: false, secret_scopes: false }),
    passive: { max_concurrent_runs: maxRuns, pause_schedules, terminate_clusters },
    validation: { unknown_fields: unknownFields === "warn" ? "warn" : "error" },
    drill
  };
  if (diagnostics.length > 0) throw new ValidationError(diagnostics);
  return config;
}
function parseRegion(name, raw, env, report) {
  const at = (...rest) => ["regions", name, ...rest];
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name)) {
    report(at(), `region name "${name}" may use letters, digits, "-" and "_" only`, "key");
  }
  if (!isObject(raw)) {
    report(at(), `region ${name} must be a mapping with host, role and auth`);
    return void 0;
  }
  let ok = true;
  const override = env[hostOverrideVariable(name)];
  let host = typeof raw.host === "string" ? raw.host : "";
  if (override) {
    const problem = checkHost(override);
    if (problem) {
      report(at("host"), `${hostOverrideVariable(name)}: ${problem}`);
      ok = false;
    }
    host = override;
  } else if (typeof raw.host !== "string") {
    report(at("host"), `region ${name} needs host (or set ${hostOverrideVariable(name)})`);
    ok = false;
  } else {
    const problem = checkHost(raw.host);
    if (problem) {
      report(at("host"), problem);
      ok = false;
    }
  }
  host = host.replace(/\/+$/, "");
  const role = raw.role;
  if (role !== "active" && role !== "passive") {
    report(at("role"), `role must be "active" or "passive", got ${JSON.stringify(raw.role ?? null)}`);
    ok = false;
  }
  const auth = parseAuth(raw.auth, (rest, m) => report(at("auth", ...rest), m));
  if (!auth) ok = false;
  const variables = {};
  if (raw.variables !== void 0) {
    if (!isObject(raw.variables)) {
      report(at("variables"), "variables must be a mapping of name to value");
      ok = false;
    } else {
      for (const [k, v] of Object.entries(raw.variables)) {
        if (typeof v === "string" || typeof v === "number" || typeof v === "boolean")
          variables[k] = String(v);
        else {
          report(at("variables", k), `variable ${k} must be a string, number or boolean`);
          ok = false;
        }
      }
    }
  }
  return ok && auth ? { name, host, role, auth, variables } : void 0;
}
function parseAuth(raw, report) {
  if (raw === void 0) return { type: "pat", token_env: "DATABRICKS_TOKEN" };
  if (!isObject(raw) || typeof raw.type !== "string") {
    report(["type"], `auth needs a type: one of ${AUTH_TYPES.join(", ")}`);
    return void 0;
  }
  const type = raw.type;
  if (!AUTH_TYPES.includes(type)) {
    report(["type"], `unknown auth type "${raw.type}": use one of ${AUTH_TYPES.join(", ")}`);
    return void 0;
  }
  let ok = true;
  for (const key of REQUIRED_AUTH_KEYS[type]) {
    if (typeof raw[key] !== "string" || raw[key] === "") {
      report([key], `auth type ${type} needs ${key}`);
      ok = false;
    }
  }
  for (const [k, v] of Object.entries(raw)) {
    if (v !== void 0 && typeof v !== "string") {
      report([k], `auth.${k} must be a string`);
      ok = false;
    }
  }
  if (!ok) return void 0;
  if (type === "pat")
    return { type, token_env: typeof raw.token_env === "string" ? raw.token_env : "DATABRICKS_TOKEN" };
  return { ...raw, type };
}
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
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
    let message2 = typeof json.message === "string" ? json.message : "";
    let errorCode = typeof rawCode === "string" && rawCode !== "" ? rawCode : fallbackCode;
    if (message2 === "" && typeof json.error === "string") message2 = json.error;
    if (message2 === "" && (typeof json.detail === "string" || typeof json.scimType === "string")) {
      const detail = json.detail === "null" ? "SCIM API Internal Error" : String(json.detail ?? "");
      message2 = `${typeof json.scimType === "string" ? json.scimType : ""} ${detail}`.trim();
      if (typeof rawCode !== "string") errorCode = `SCIM_${String(json.status ?? status)}`;
    }
    if (message2 === "") message2 = fallbackMessage;
    const parsed = { errorCode, message: clip(message2) };
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
  constructor(method, path5, region, cause, attempts) {
    super(
      `[${region}] ${method} ${path5}: the request was sent but its answer was lost (${cause.errorCode}: ${cause.serverMessage}), so it is unknown whether it was applied; look the object up by name before creating it again.`
    );
    this.method = method;
    this.path = path5;
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
    return `Region ${this.region}: ${this.method} ${this.path} may or may not have been applied (the answer was lost: ${this.cause.errorCode}); check by name before retrying.`;
  }
};
function isInvalidToken(err) {
  return /invalid access token/i.test(`${err.reasonPhrase ?? ""} ${err.serverMessage}`);
}
var NOT_EXIST = /\b(Job|Cluster|Run)\b.* does not exist/i;
function endpointEntity(path5) {
  const op = path5.replace(/^\/api\/[0-9.]+\//, "");
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
  return err instanceof DatabricksError && (err.status === 0 || err.status === 502 || err.status === 503 || err.status === 504);
}
function isOutcomeUnknown(err) {
  return err instanceof OutcomeUnknownError;
}

// src/core/client/clusters.ts
var BASE = "/api/2.1/clusters";
var ClustersApi = class {
  constructor(http3) {
    this.http = http3;
  }
  http;
  /** Not idempotent (names are not unique): a lost answer throws OutcomeUnknownError. */
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
    let token;
    const seen = /* @__PURE__ */ new Set();
    do {
      const page = await this.http.get(`${BASE}/list`, {
        filter_by: {
          cluster_sources: options.clusterSources,
          cluster_states: options.clusterStates,
          is_pinned: options.isPinned,
          policy_id: options.policyId
        },
        page_size: options.pageSize,
        page_token: token
      });
      yield page;
      token = page.next_page_token || void 0;
      if (token !== void 0 && seen.has(token)) break;
      if (token !== void 0) seen.add(token);
    } while (token !== void 0);
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

// src/core/client/http.ts
import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";

// src/core/limits.ts
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
function apiFamily(method, path5) {
  const p = path5.replace(/^\/api\/[0-9.]+\//, "");
  if (path5.startsWith("/api/2.0/workspace-files/import-file")) return "workspace-import";
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
  /** Books one request only if one is available now (the emulator's admission check). */
  tryTake(now = Date.now()) {
    this.refill(now);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    return false;
  }
  /** Seconds until one token is available, rounded up (for Retry-After). */
  secondsUntilAvailable(now = Date.now()) {
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - this.tokens) / this.ratePerSecond));
  }
};

// src/core/client/http.ts
var NON_IDEMPOTENT = /* @__PURE__ */ new Set(["jobs/create", "clusters/create", "secrets/scopes/create"]);
function isNonIdempotent(method, path5, body) {
  if (method === "GET") return false;
  const op = path5.replace(/^\/api\/[0-9.]+\//, "");
  if (NON_IDEMPOTENT.has(op)) return true;
  if (op === "jobs/run-now" || op === "jobs/runs/submit") {
    const token = typeof body === "object" && body !== null ? body.idempotency_token : void 0;
    return typeof token !== "string" || token === "";
  }
  return false;
}
function encodeQuery(query) {
  if (!query) return "";
  const params = new URLSearchParams();
  const add = (key, value2) => {
    if (value2 === void 0 || value2 === null) return;
    if (Array.isArray(value2)) {
      for (const v of value2) params.append(key, String(v));
    } else if (typeof value2 === "object") {
      for (const [k, v] of Object.entries(value2)) add(`${key}.${k}`, v);
    } else {
      params.append(key, String(value2));
    }
  };
  for (const [k, v] of Object.entries(query)) add(k, v);
  const s = params.toString();
  return s === "" ? "" : `?${s}`;
}
function parseRetryAfter(value2, now = Date.now()) {
  if (value2 === null) return void 0;
  const v = value2.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1e3;
  const date = Date.parse(v);
  return Number.isNaN(date) ? void 0 : Math.max(0, date - now);
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
    await new Promise((resolve3) => this.waiting.push(resolve3));
  }
  release() {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
};
var UNSENT_CODES = /* @__PURE__ */ new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);
var PREMATURE_CLOSE = "ERR_STREAM_PREMATURE_CLOSE";
function header(headers, name) {
  const v = headers[name];
  return v === void 0 ? null : Array.isArray(v) ? v.join(", ") : v;
}
var defaultSleep = (ms) => new Promise((resolve3) => setTimeout(resolve3, ms));
var HttpClient = class {
  region;
  /** The workspace origin, without a trailing slash. */
  host;
  tokenProvider;
  agent;
  sendRequest;
  timeoutMs;
  deadlineMs;
  backoffBaseMs;
  backoffCapMs;
  logger;
  sleep;
  random;
  now;
  slots;
  rates;
  limiters = /* @__PURE__ */ new Map();
  counters;
  constructor(options) {
    this.region = options.region;
    let url;
    try {
      url = new URL(options.host);
    } catch {
      throw new TypeError(`Region ${options.region}: host '${options.host}' is not a URL`);
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      throw new TypeError(`Region ${options.region}: host '${options.host}' must be an http(s) URL`);
    }
    this.host = url.origin;
    this.tokenProvider = options.tokenProvider;
    const maxConcurrency = positive(options.maxConcurrency, 16, "maxConcurrency");
    const agentOptions = { keepAlive: true, maxSockets: maxConcurrency };
    this.agent = url.protocol === "https:" ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
    this.sendRequest = url.protocol === "https:" ? httpsRequest : httpRequest;
    this.timeoutMs = positive(options.timeoutMs, 6e4, "timeoutMs");
    this.deadlineMs = positive(options.deadlineMs, 12e4, "deadlineMs");
    this.backoffBaseMs = positive(options.backoffBaseMs, 250, "backoffBaseMs");
    this.backoffCapMs = positive(options.backoffCapMs, 1e4, "backoffCapMs");
    this.logger = options.logger ?? nullLogger;
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.slots = new Semaphore(maxConcurrency);
    this.rates = resolveRates(options.rateLimits);
    this.counters = {
      region: this.region,
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
  /** A snapshot of the counters. */
  stats() {
    const c = this.counters;
    return {
      ...c,
      byFamily: { ...c.byFamily },
      byMethod: { ...c.byMethod },
      byEndpoint: { ...c.byEndpoint },
      byStatus: { ...c.byStatus },
      retriesByReason: { ...c.retriesByReason }
    };
  }
  /** The client's rate for a family (requests per second), or undefined when unlimited. */
  rateLimit(family) {
    return this.rates[family];
  }
  /** Closes idle keep-alive sockets so the process can exit. */
  close() {
    this.agent.destroy();
  }
  get(path5, query, options = {}) {
    return this.request("GET", path5, { ...options, query });
  }
  post(path5, body, options = {}) {
    return this.request("POST", path5, { ...options, body });
  }
  async request(method, path5, options = {}) {
    const idempotent = options.idempotent ?? !isNonIdempotent(method, path5, options.body);
    const family = apiFamily(method, path5);
    const deadlineMs = options.deadlineMs ?? this.deadlineMs;
    const url = `${this.host}${path5}${encodeQuery(options.query)}`;
    const body = options.body === void 0 || method === "GET" ? void 0 : JSON.stringify(options.body);
    this.counters.calls++;
    let attempt = 0;
    let started;
    let lostEarlier = false;
    for (; ; ) {
      attempt++;
      await this.admit(family);
      started ??= this.now();
      const remaining = deadlineMs - (this.now() - started);
      const timeoutMs = Math.min(options.timeoutMs ?? this.timeoutMs, Math.max(remaining, 1e3));
      let result;
      try {
        result = await this.attempt(method, url, path5, family, body, timeoutMs);
      } finally {
        this.counters.inFlight--;
        this.slots.release();
      }
      if (result.ok) return result.value;
      const { error, kind } = result;
      if (kind === "final") {
        const verdict = lostEarlier && options.afterLostAttempt ? options.afterLostAttempt(error) : "error";
        if (verdict === "success") {
          this.logger.debug(
            `${this.region}: ${method} ${path5}: ${error.errorCode} after a lost answer; the earlier attempt was applied`
          );
          return {};
        }
        if (verdict === "unknown") throw this.outcomeUnknown(method, path5, error, attempt);
        throw this.fail(error.withAttempts(attempt));
      }
      if (kind === "maybe-applied" && !idempotent) throw this.outcomeUnknown(method, path5, error, attempt);
      if (kind === "maybe-applied") lostEarlier = true;
      if (error.status === 429 && result.retryAfterMs !== void 0) this.pause(family, result.retryAfterMs);
      const wait = result.retryAfterMs ?? this.backoff(attempt);
      if (this.now() + wait - started > deadlineMs) {
        this.logger.debug(
          `${this.region}: ${method} ${path5}: giving up after ${attempt} attempts (deadline)`
        );
        throw this.fail(error.withAttempts(attempt));
      }
      this.counters.retries++;
      this.counters.retriesByReason[result.reason] = (this.counters.retriesByReason[result.reason] ?? 0) + 1;
      this.logger.debug(
        `${this.region}: ${method} ${path5}: ${error.status || error.errorCode}, retrying in ${wait} ms (attempt ${attempt + 1})`
      );
      await this.sleep(wait, "retry");
    }
  }
  /** Full jitter: uniform in [0, min(cap, base·2^(n-1))). */
  backoff(failures) {
    const ceiling = Math.min(this.backoffCapMs, this.backoffBaseMs * 2 ** Math.min(failures - 1, 30));
    return Math.floor(this.random() * ceiling);
  }
  fail(error) {
    this.counters.failures++;
    return error;
  }
  outcomeUnknown(method, path5, cause, attempts) {
    this.counters.failures++;
    this.counters.outcomeUnknown++;
    this.logger.debug(`${this.region}: ${method} ${path5}: answer lost (${cause.errorCode}); outcome unknown`);
    return new OutcomeUnknownError(method, path5, this.region, cause.withAttempts(attempts), attempts);
  }
  limiter(family) {
    const rate = this.rates[family];
    if (rate === void 0) return void 0;
    let limiter = this.limiters.get(family);
    if (!limiter) {
      limiter = { bucket: new TokenBucket(rate, this.now(), Math.max(1, rate - 1)), pausedUntil: 0 };
      this.limiters.set(family, limiter);
    }
    return limiter;
  }
  pause(family, ms) {
    const limiter = this.limiter(family);
    if (limiter) limiter.pausedUntil = Math.max(limiter.pausedUntil, this.now() + ms);
  }
  /**
   * Waits for a concurrency slot, then for the family's rate limiter. The rate wait happens while
   * holding the slot so the send goes out at exactly the booked time: booking first and queueing
   * for a slot afterwards could release several booked requests at once, a burst the server would
   * answer with 429s.
   */
  async admit(family) {
    await this.slots.acquire();
    this.counters.inFlight++;
    this.counters.maxInFlight = Math.max(this.counters.maxInFlight, this.counters.inFlight);
    const limiter = this.limiter(family);
    if (!limiter) return;
    try {
      const paused = limiter.pausedUntil - this.now();
      if (paused > 0) {
        this.counters.rateLimitWaits++;
        this.counters.rateLimitWaitMs += paused;
        await this.sleep(paused, "rate-limit");
      }
      const wait = limiter.bucket.take(this.now());
      if (wait > 0) {
        this.counters.rateLimitWaits++;
        this.counters.rateLimitWaitMs += wait;
        await this.sleep(wait, "rate-limit");
      }
    } catch (e) {
      this.counters.inFlight--;
      this.slots.release();
      throw e;
    }
  }
  async headers(hasBody) {
    const headers = { Accept: "application/json", "User-Agent": USER_AGENT };
    if (hasBody) headers["Content-Type"] = "application/json";
    const secrets = [];
    const extra = this.tokenProvider.headers ? await this.tokenProvider.headers() : {};
    for (const [k, v] of Object.entries(extra)) {
      headers[k] = v;
      secrets.push(v);
    }
    const token = await this.tokenProvider.token();
    if (token !== "") {
      headers.Authorization = `Bearer ${token}`;
      secrets.push(token);
    }
    return { headers, secrets };
  }
  async attempt(method, url, path5, family, body, timeoutMs) {
    const { headers, secrets } = await this.headers(body !== void 0);
    const c = this.counters;
    c.requests++;
    c.byFamily[family] = (c.byFamily[family] ?? 0) + 1;
    c.byMethod[method] = (c.byMethod[method] ?? 0) + 1;
    const endpoint = `${method} ${path5}`;
    c.byEndpoint[endpoint] = (c.byEndpoint[endpoint] ?? 0) + 1;
    const count = (status2) => {
      c.byStatus[status2] = (c.byStatus[status2] ?? 0) + 1;
    };
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const t0 = performance.now();
    let res;
    try {
      res = await this.send(method, url, headers, body, controller.signal);
    } catch (e) {
      count(0);
      return this.transportFailure(method, path5, e, timedOut);
    } finally {
      clearTimeout(timer);
    }
    const { status, text } = res;
    count(status);
    this.logger.debug(
      `${this.region}: ${method} ${path5} \u2192 ${status} in ${Math.round(performance.now() - t0)} ms`
    );
    if (status >= 200 && status < 300) {
      if (text.trim() === "") return { ok: true, value: {} };
      try {
        return { ok: true, value: JSON.parse(text) };
      } catch {
        return {
          ok: false,
          kind: "final",
          reason: "malformed",
          error: this.error(
            method,
            path5,
            status,
            "MALFORMED_RESPONSE",
            `the ${status} answer is not JSON`,
            {}
          )
        };
      }
    }
    const parsed = parseErrorBody(status, scrub(text, secrets), res.statusText);
    const reasonPhrase = header(res.headers, "x-databricks-reason-phrase") ?? void 0;
    const error = new DatabricksError({
      status,
      errorCode: parsed.errorCode,
      message: parsed.message,
      method,
      path: path5,
      region: this.region,
      details: parsed.details,
      rawErrorCode: parsed.rawErrorCode,
      reasonPhrase: reasonPhrase === void 0 ? void 0 : scrub(reasonPhrase, secrets),
      credentialSource: this.tokenProvider.source
    });
    if (status === 429) c.throttled++;
    if (status === 429 || status === 503) {
      const retryAfterMs = parseRetryAfter(header(res.headers, "retry-after"), Date.now());
      const fromApi = text.trim() === "" || isJson(text);
      return {
        ok: false,
        error,
        kind: fromApi ? "rejected" : "maybe-applied",
        reason: String(status),
        retryAfterMs
      };
    }
    if (status === 500 || status === 502 || status === 504) {
      return { ok: false, error, kind: "maybe-applied", reason: "5xx" };
    }
    return { ok: false, error, kind: "final", reason: String(status) };
  }
  /**
   * One HTTP exchange on the keep-alive agent; redirects are not followed. This is node:http
   * directly rather than a fetch implementation: node-fetch allocated ~100 KB of short-lived
   * objects per request (Headers, stream pipelines, listeners), and at 10,000 notebook uploads that
   * garbage, promoted while requests were in flight, grew the heap to 250+ MB for a live set of
   * ~35 MB (bench/RESULTS.md, "Memory").
   */
  send(method, url, headers, body, signal) {
    return new Promise((resolve3, reject) => {
      const outgoing = body === void 0 ? void 0 : Buffer.from(body, "utf8");
      if (outgoing) headers["Content-Length"] = String(outgoing.length);
      const req = this.sendRequest(url, { method, headers, agent: this.agent, signal }, (res) => {
        const chunks = [];
        let ended = false;
        res.on("data", (chunk) => chunks.push(chunk));
        res.on("end", () => {
          ended = true;
          resolve3({
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
  transportFailure(method, path5, e, timedOut) {
    if (timedOut) {
      return {
        ok: false,
        kind: "maybe-applied",
        reason: "timeout",
        error: this.error(method, path5, 0, "TIMEOUT", "no answer within the request timeout", { cause: e })
      };
    }
    if (!isNetworkError(e)) {
      throw e;
    }
    const code = e.code ?? "";
    const reason = describeReason(e.message);
    if (UNSENT_CODES.has(code)) {
      return {
        ok: false,
        kind: "unsent",
        reason: "refused",
        error: this.error(method, path5, 0, "CONNECTION_REFUSED", `could not connect (${code})`, { cause: e })
      };
    }
    if (/CERT|SSL|TLS|SELF_SIGNED/.test(code)) {
      return {
        ok: false,
        kind: "final",
        reason: "tls",
        error: this.error(method, path5, 0, "NETWORK_ERROR", `TLS failure (${code})`, { cause: e })
      };
    }
    const reset = code === "ECONNRESET" || code === "EPIPE" || code === PREMATURE_CLOSE || /socket hang up|other side closed|premature close|ECONNRESET/i.test(e.message);
    const errorCode = reset ? "CONNECTION_RESET" : "NETWORK_ERROR";
    return {
      ok: false,
      kind: "maybe-applied",
      reason: reset ? "reset" : "network",
      error: this.error(
        method,
        path5,
        0,
        errorCode,
        reset ? `the connection was closed before an answer arrived (${reason})` : reason,
        { cause: e }
      )
    };
  }
  error(method, path5, status, errorCode, message2, extra) {
    return new DatabricksError({
      status,
      errorCode,
      message: message2,
      method,
      path: path5,
      region: this.region,
      credentialSource: this.tokenProvider.source,
      cause: extra.cause
    });
  }
};
function positive(value2, fallback, name) {
  if (value2 === void 0) return fallback;
  if (!Number.isFinite(value2) || value2 <= 0) throw new TypeError(`${name} must be a positive number`);
  return value2;
}
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
function isJson(text) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
function scrub(text, secrets) {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join("***");
  return out;
}
function isNetworkError(e) {
  if (!(e instanceof Error) || e instanceof TypeError || e instanceof RangeError) return false;
  if (e.name === "AbortError") return true;
  const { code, syscall } = e;
  if (typeof syscall === "string") return true;
  if (typeof code !== "string") return false;
  return !code.startsWith("ERR_") || code === PREMATURE_CLOSE || /CERT|SSL|TLS/.test(code);
}
function describeReason(message2) {
  const m = /reason: (.*)$/s.exec(message2);
  const reason = m ? m[1] : message2;
  return reason.replace(/https?:\/\/\S+/g, "<url>").trim();
}

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
  constructor(http3) {
    this.http = http3;
  }
  http;
  /**
   * Not idempotent: a lost answer throws OutcomeUnknownError and the caller looks the job up by
   * name (`list({name})`) before creating it again.
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
    const first = await this.http.get(`${BASE2}/get`, { job_id: jobId });
    let token = first.next_page_token;
    const seen = /* @__PURE__ */ new Set();
    while (token && !seen.has(token)) {
      seen.add(token);
      const page = await this.http.get(`${BASE2}/get`, {
        job_id: jobId,
        page_token: token
      });
      mergeArrays(
        first.settings,
        page.settings,
        JOB_PAGED
      );
      token = page.next_page_token;
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
    let token;
    const seen = /* @__PURE__ */ new Set();
    do {
      const page = await this.http.get(`${BASE2}/list`, {
        name: options.name,
        expand_tasks: options.expandTasks,
        limit: options.limit ?? 100,
        page_token: token
      });
      yield page;
      token = page.next_page_token || void 0;
      if (token !== void 0 && seen.has(token)) break;
      if (token !== void 0) seen.add(token);
    } while (token !== void 0);
  }
  /** Every job, across pages. */
  async *list(options = {}) {
    for await (const page of this.listPages(options)) yield* page.jobs ?? [];
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

// src/core/client/secrets.ts
var BASE3 = "/api/2.0/secrets";
var notFoundIsDone = {
  afterLostAttempt: (err) => isNotFound(err) ? "success" : "error"
};
var SecretsApi = class {
  constructor(http3) {
    this.http = http3;
  }
  http;
  /**
   * Not idempotent (a second create fails with "already exists", which after a lost answer would
   * be ambiguous): a lost answer throws OutcomeUnknownError.
   */
  async createScope(request) {
    await this.http.post(`${BASE3}/scopes/create`, request);
  }
  async listScopes() {
    const res = await this.http.get(`${BASE3}/scopes/list`);
    return res.scopes ?? [];
  }
  async deleteScope(scope) {
    await this.http.post(`${BASE3}/scopes/delete`, { scope }, notFoundIsDone);
  }
  /** Creates or overwrites a secret. The value never appears in any message. */
  async putSecret(scope, key, value2) {
    const v = typeof value2 === "string" ? { string_value: value2 } : value2;
    await this.http.post(`${BASE3}/put`, { scope, key, ...v });
  }
  async listSecrets(scope) {
    const res = await this.http.get(`${BASE3}/list`, { scope });
    return res.secrets ?? [];
  }
  async deleteSecret(scope, key) {
    await this.http.post(`${BASE3}/delete`, { scope, key }, notFoundIsDone);
  }
  /** Creates or overwrites the principal's permission. */
  async putAcl(scope, principal, permission) {
    await this.http.post(`${BASE3}/acls/put`, { scope, principal, permission });
  }
  /** The scope's ACLs (the API lists them under `items`, absent when none). */
  async listAcls(scope) {
    const res = await this.http.get(`${BASE3}/acls/list`, { scope });
    return res.items ?? [];
  }
  getAcl(scope, principal) {
    return this.http.get(`${BASE3}/acls/get`, { scope, principal });
  }
  async deleteAcl(scope, principal) {
    await this.http.post(`${BASE3}/acls/delete`, { scope, principal }, notFoundIsDone);
  }
};

// src/core/client/workspace.ts
var BASE4 = "/api/2.0/workspace";
var WorkspaceApi = class {
  constructor(http3) {
    this.http = http3;
  }
  http;
  /**
   * Imports one object. Without `overwrite`, a retry after a lost answer can meet the object the
   * lost attempt created: that "already exists" is then reported as OutcomeUnknownError, because
   * the object may equally have been there before.
   */
  async import(request) {
    await this.http.post(`${BASE4}/import`, request, {
      afterLostAttempt: (err) => !request.overwrite && isAlreadyExists(err) ? "unknown" : "error"
    });
  }
  /** Imports bytes or text, encoding them as base64 for the JSON body. */
  importContent(path5, content, options = {}) {
    const buffer = typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content);
    return this.import({ path: path5, ...options, content: buffer.toString("base64") });
  }
  export(path5, format2 = "SOURCE") {
    return this.http.get(`${BASE4}/export`, { path: path5, format: format2 });
  }
  /** Exports and decodes the content. */
  async exportContent(path5, format2 = "SOURCE") {
    const res = await this.export(path5, format2);
    return Buffer.from(res.content ?? "", "base64");
  }
  /**
   * The folder's direct children (no paging in this API). `objects` is absent when the folder is
   * empty, hence []. `notebooksModifiedAfter` (epoch ms) finds hand edits on workspaces whose
   * get-status gives no `modified_at` for notebooks.
   */
  async list(path5, options = {}) {
    const res = await this.http.get(`${BASE4}/list`, {
      path: path5,
      notebooks_modified_after: options.notebooksModifiedAfter
    });
    return res.objects ?? [];
  }
  getStatus(path5) {
    return this.http.get(`${BASE4}/get-status`, { path: path5 });
  }
  /** get-status, or undefined when the path does not exist. */
  async tryGetStatus(path5) {
    try {
      return await this.getStatus(path5);
    } catch (e) {
      if (isNotFound(e)) return void 0;
      throw e;
    }
  }
  /** Creates the folder and its parents; an existing folder is fine. */
  async mkdirs(path5) {
    await this.http.post(`${BASE4}/mkdirs`, { path: path5 });
  }
  /**
   * Deletes an object (a folder only with `recursive`). "Does not exist" after a lost answer means
   * the lost attempt did it.
   */
  async delete(path5, options = {}) {
    await this.http.post(
      `${BASE4}/delete`,
      { path: path5, recursive: options.recursive ?? false },
      { afterLostAttempt: (err) => isNotFound(err) ? "success" : "error" }
    );
  }
};

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
  constructor(options) {
    this.http = new HttpClient(options);
    this.region = this.http.region;
    this.host = this.http.host;
    this.workspace = new WorkspaceApi(this.http);
    this.jobs = new JobsApi(this.http);
    this.clusters = new ClustersApi(this.http);
    this.secrets = new SecretsApi(this.http);
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

// src/core/deploy/context.ts
function isFatalForRegion(err) {
  if (err instanceof DatabricksError) {
    return err.status === 0 || err.status === 401 || err.status === 403;
  }
  return false;
}
var RegionAbort = class extends Error {
  name = "RegionAbort";
};
function describeError(err) {
  if (err instanceof DatabricksError) return err.userMessage ?? err.message;
  if (isOutcomeUnknown(err)) return err.message;
  return err instanceof Error ? err.message : String(err);
}
async function mapLimit(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
async function applyChanges(ctx, kind, planned2, options = {}) {
  const label = options.label ?? kindLabel(kind);
  if (ctx.dryRun || planned2.length === 0) {
    for (const p of planned2) ctx.result.changes.push({ ...p.change, status: "planned" });
    return;
  }
  let done = 0;
  let aborted;
  const total = planned2.length;
  ctx.reporter.progress({ region: ctx.region.name, kind: label, done, total });
  const records = planned2.map((p) => {
    const change = { ...p.change, status: "skipped" };
    ctx.result.changes.push(change);
    return change;
  });
  await mapLimit(planned2, options.concurrency ?? 8, async (p, i) => {
    if (aborted) return;
    try {
      await p.apply();
      records[i].status = "applied";
      ctx.wrote = true;
    } catch (err) {
      records[i].status = "failed";
      records[i].error = describeError(err);
      if (isFatalForRegion(err)) aborted ??= err;
    }
    done++;
    ctx.reporter.progress({ region: ctx.region.name, kind: label, done, total });
  });
  if (aborted) throw new RegionAbort(describeError(aborted));
}
function kindLabel(kind) {
  return { secret_scope: "secret scopes", notebook: "notebooks", cluster: "clusters", job: "jobs" }[kind];
}
function countUnchanged(ctx, kind, n) {
  ctx.result.unchanged[kind] = (ctx.result.unchanged[kind] ?? 0) + n;
}
function planned(kind, name, action, apply, extra = {}) {
  return { change: { kind, name, action, ...extra }, apply };
}
function noteUnmanaged(ctx, kind, name, pruneKey) {
  ctx.result.unmanaged ??= [];
  ctx.result.unmanaged.push({ kind, name });
  if (pruneKey) {
    ctx.result.warnings.push(
      `${kindLabel(kind).replace(/s$/, "")} "${name}" in region ${ctx.region.name} is managed by ${ctx.config.name} but no longer in the repo; set ${pruneKey}: true to delete it`
    );
  }
}

// src/core/deploy/permissions.ts
function principalOf(e) {
  if (e.user_name) return `user:${e.user_name}`;
  if (e.group_name) return `group:${e.group_name}`;
  if (e.service_principal_name) return `sp:${e.service_principal_name}`;
  return void 0;
}
function entryOf(principal, level) {
  const [kind, ...rest] = principal.split(":");
  const name = rest.join(":");
  const key = kind === "user" ? "user_name" : kind === "group" ? "group_name" : "service_principal_name";
  return { [key]: name, permission_level: level };
}
async function readDirectPermissions(client, type, id) {
  const res = await client.http.get(
    `/api/2.0/permissions/${type}/${id}`
  );
  const out = /* @__PURE__ */ new Map();
  for (const item of res.access_control_list ?? []) {
    const p = principalOf(item);
    const direct = (item.all_permissions ?? []).find((x) => !x.inherited);
    if (p && direct) out.set(p, direct.permission_level);
  }
  return out;
}
async function deployingIdentity(client) {
  try {
    const me = await client.http.get(
      "/api/2.0/preview/scim/v2/Me"
    );
    const out = [];
    if (me.userName) out.push(`user:${me.userName}`);
    if (me.applicationId) out.push(`sp:${me.applicationId}`);
    return out;
  } catch (err) {
    if (isNotFound(err)) return [];
    throw err;
  }
}
var KEEP_LEVELS = /* @__PURE__ */ new Set(["CAN_MANAGE", "IS_OWNER"]);
function permissionsToWrite(desired, current, me) {
  const target = /* @__PURE__ */ new Map();
  for (const e of desired) {
    const p = principalOf(e);
    if (p) target.set(p, e.level);
  }
  for (const p of me) {
    const level = current.get(p);
    if (level && KEEP_LEVELS.has(level) && !target.has(p)) target.set(p, level);
  }
  if (![...target.values()].includes("IS_OWNER")) {
    const owner = [...current].find(([, l]) => l === "IS_OWNER");
    if (owner) target.set(owner[0], "IS_OWNER");
  }
  const same = target.size === current.size && [...target].every(([p, l]) => current.get(p) === l);
  return same ? void 0 : [...target].map(([p, l]) => entryOf(p, l));
}
async function writePermissions(client, type, id, acl) {
  await client.http.request("PUT", `/api/2.0/permissions/${type}/${id}`, {
    body: { access_control_list: acl }
  });
}
function principalsOf(entries) {
  const out = [];
  for (const e of entries) {
    if (e.user_name) out.push({ kind: "user", name: e.user_name });
    else if (e.group_name) out.push({ kind: "group", name: e.group_name });
    else if (e.service_principal_name)
      out.push({ kind: "service principal", name: e.service_principal_name });
  }
  return out;
}
function isPermissionsUnavailable(err) {
  return err instanceof DatabricksError && err.errorCode === "FEATURE_DISABLED";
}
async function aclToWrite(ctx, type, id, desired) {
  if (!desired || ctx.permissionsUnavailable) return void 0;
  try {
    return permissionsToWrite(
      desired,
      await readDirectPermissions(ctx.client, type, id),
      await ctx.identity()
    );
  } catch (err) {
    if (!isPermissionsUnavailable(err)) throw err;
    ctx.permissionsUnavailable = true;
    ctx.result.warnings.push(
      `region ${ctx.region.name} has no job and cluster permissions (Standard tier): the files' permissions are not applied there`
    );
    return void 0;
  }
}

// src/core/deploy/references.ts
var CLUSTER_REFS = [
  ["policy_name", "policy_id", "policies", "policy"],
  ["instance_pool_name", "instance_pool_id", "pools", "instance pool"],
  ["driver_instance_pool_name", "driver_instance_pool_id", "pools", "instance pool"]
];
function isObject2(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function tasksOf(job) {
  const out = [];
  const visit2 = (t) => {
    if (!isObject2(t)) return;
    out.push(t);
    if (isObject2(t.for_each_task)) visit2(t.for_each_task.task);
  };
  if (Array.isArray(job.tasks)) job.tasks.forEach(visit2);
  return out;
}
function clusterSpecsOf(job) {
  const specs = [];
  if (isObject2(job.new_cluster)) specs.push(job.new_cluster);
  if (Array.isArray(job.job_clusters)) {
    for (const jc of job.job_clusters)
      if (isObject2(jc) && isObject2(jc.new_cluster)) specs.push(jc.new_cluster);
  }
  for (const t of tasksOf(job)) if (isObject2(t.new_cluster)) specs.push(t.new_cluster);
  return specs;
}
function referencedNames(project, region) {
  const names = {
    policies: /* @__PURE__ */ new Set(),
    pools: /* @__PURE__ */ new Set(),
    warehouses: /* @__PURE__ */ new Set(),
    jobs: /* @__PURE__ */ new Set()
  };
  const addCluster = (spec) => {
    if (typeof spec.policy_name === "string") names.policies.add(spec.policy_name);
    if (typeof spec.instance_pool_name === "string") names.pools.add(spec.instance_pool_name);
    if (typeof spec.driver_instance_pool_name === "string") names.pools.add(spec.driver_instance_pool_name);
  };
  for (const c of project.clusters) addCluster(c.byRegion[region]);
  for (const j of project.jobs) {
    const job = j.byRegion[region];
    clusterSpecsOf(job).forEach(addCluster);
    for (const t of tasksOf(job)) {
      for (const type of ["sql_task", "dbt_task"]) {
        const block = t[type];
        if (isObject2(block) && typeof block.warehouse_name === "string")
          names.warehouses.add(block.warehouse_name);
      }
      if (isObject2(t.run_job_task) && typeof t.run_job_task.job_name === "string")
        names.jobs.add(t.run_job_task.job_name);
    }
  }
  return names;
}
async function byName(client, path5, key, idKey, nameKey) {
  const res = await client.http.get(path5);
  const map = /* @__PURE__ */ new Map();
  const dup = /* @__PURE__ */ new Set();
  for (const item of res[key] ?? []) {
    const name = String(item[nameKey]);
    if (map.has(name)) dup.add(name);
    map.set(name, String(item[idKey]));
  }
  for (const d of dup) map.set(d, "");
  return map;
}
async function loadCatalog(client, needs) {
  const empty = () => Promise.resolve(/* @__PURE__ */ new Map());
  const [policies, pools, warehouses] = await Promise.all([
    needs.policies.size > 0 ? byName(client, "/api/2.0/policies/clusters/list", "policies", "policy_id", "name") : empty(),
    needs.pools.size > 0 ? byName(
      client,
      "/api/2.0/instance-pools/list",
      "instance_pools",
      "instance_pool_id",
      "instance_pool_name"
    ) : empty(),
    needs.warehouses.size > 0 ? byName(client, "/api/2.0/sql/warehouses", "warehouses", "id", "name") : empty()
  ]);
  return { policies, pools, warehouses };
}
function resolveClusterSpec(spec, catalog, missing) {
  const out = { ...spec };
  for (const [nameKey, idKey, table, kind] of CLUSTER_REFS) {
    const name = out[nameKey];
    if (typeof name !== "string") continue;
    delete out[nameKey];
    const id = catalog[table].get(name);
    if (id) out[idKey] = id;
    else missing.push({ kind, name });
  }
  return out;
}
function resolveJobReferences(job, catalog, jobIds, missing) {
  const cluster = (spec) => isObject2(spec) ? resolveClusterSpec(spec, catalog, missing) : spec;
  const task = (t) => {
    if (!isObject2(t)) return t;
    const out2 = { ...t };
    if (out2.new_cluster) out2.new_cluster = cluster(out2.new_cluster);
    for (const type of ["sql_task", "dbt_task"]) {
      const block = out2[type];
      if (isObject2(block) && typeof block.warehouse_name === "string") {
        const { warehouse_name: name, ...rest } = block;
        const id = catalog.warehouses.get(name);
        if (!id) missing.push({ kind: "warehouse", name });
        out2[type] = { ...rest, warehouse_id: id || `<unresolved warehouse ${name}>` };
      }
    }
    const rj = out2.run_job_task;
    if (isObject2(rj) && typeof rj.job_name === "string") {
      const { job_name: name, ...rest } = rj;
      const id = jobIds.get(name.toLowerCase());
      if (id === void 0) missing.push({ kind: "job", name });
      out2.run_job_task = { ...rest, job_id: id ?? 0 };
    }
    if (isObject2(out2.for_each_task))
      out2.for_each_task = { ...out2.for_each_task, task: task(out2.for_each_task.task) };
    return out2;
  };
  const out = { ...job };
  if (out.new_cluster) out.new_cluster = cluster(out.new_cluster);
  if (Array.isArray(out.job_clusters))
    out.job_clusters = out.job_clusters.map(
      (jc) => isObject2(jc) ? { ...jc, new_cluster: cluster(jc.new_cluster) } : jc
    );
  if (Array.isArray(out.tasks)) out.tasks = out.tasks.map(task);
  return out;
}
function jobNamesRun(job) {
  return tasksOf(job).map((t) => isObject2(t.run_job_task) ? t.run_job_task.job_name : void 0).filter((n) => typeof n === "string").map((n) => n.toLowerCase());
}
function describeMissing(missing, region) {
  const unique = [...new Map(missing.map((m) => [`${m.kind}:${m.name}`, m])).values()];
  return unique.map((m) => `${m.kind} "${m.name}"`).join(", ") + ` not found in region ${region}`;
}

// src/core/ownership.ts
var MANAGEMENT_TAG = "databricks-dr";
function ownedBy(tags, configName) {
  return typeof tags === "object" && tags !== null && tags[MANAGEMENT_TAG] === configName;
}
function withManagementTag(tags, configName) {
  return { ...tags ?? {}, [MANAGEMENT_TAG]: configName };
}

// src/core/preflight/index.ts
var MAX_PINNED_CLUSTERS = 100;
function isObject3(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function clusterSpecs(project, region) {
  const out = [];
  for (const c of project.clusters) out.push({ spec: c.byRegion[region], file: c.path });
  for (const j of project.jobs) {
    const job = j.byRegion[region];
    const add = (spec) => {
      if (isObject3(spec)) out.push({ spec, file: j.path });
    };
    add(job.new_cluster);
    if (Array.isArray(job.job_clusters)) {
      for (const jc of job.job_clusters) if (isObject3(jc)) add(jc.new_cluster);
    }
    const visit2 = (t) => {
      if (!isObject3(t)) return;
      add(t.new_cluster);
      if (isObject3(t.for_each_task)) visit2(t.for_each_task.task);
    };
    if (Array.isArray(job.tasks)) job.tasks.forEach(visit2);
  }
  return out;
}
function used(specs, keys) {
  const out = /* @__PURE__ */ new Map();
  for (const { spec, file } of specs) {
    for (const k of keys) {
      const v = spec[k];
      if (typeof v !== "string") continue;
      if (!out.has(v)) out.set(v, /* @__PURE__ */ new Set());
      out.get(v).add(file);
    }
  }
  return out;
}
function sample(values, n = 5) {
  const list = [...values].slice(0, n);
  return list.length > 0 ? ` (it offers e.g. ${list.join(", ")})` : "";
}
async function scimExists(client, kind, name) {
  const [resource, attribute] = kind === "user" ? ["Users", "userName"] : kind === "group" ? ["Groups", "displayName"] : ["ServicePrincipals", "applicationId"];
  const res = await client.http.get(
    `/api/2.0/preview/scim/v2/${resource}`,
    {
      filter: `${attribute} eq "${name.replace(/"/g, '\\"')}"`
    }
  );
  return (res.Resources?.length ?? res.totalResults ?? 0) > 0;
}
async function offeredCheck(check2, what, variable, usedValues, region, list) {
  let offered;
  try {
    offered = new Set(await list());
  } catch (err) {
    return { check: check2, status: "warn", detail: `could not list ${check2}: ${describeError(err)}` };
  }
  const missing = [...usedValues].filter(([v]) => !offered.has(v));
  if (missing.length === 0) return { check: check2, status: "ok", detail: [...usedValues.keys()].join(", ") };
  return {
    check: check2,
    status: "fail",
    detail: `${missing.map(([v, files]) => `${v} (used by ${[...files].join(", ")})`).join("; ")} not offered in region ${region}`,
    fix: `use ${what} region ${region} offers${sample(offered)}, or set it per region with \${var.${variable}}`
  };
}
async function preflightRegion(client, region, project) {
  const checks = [];
  const name = region.name;
  let me;
  try {
    me = await client.http.get("/api/2.0/preview/scim/v2/Me");
    checks.push({
      check: "reachable and authenticated",
      status: "ok",
      detail: `as ${me.userName ?? me.applicationId ?? me.displayName ?? "unknown"}`
    });
  } catch (err) {
    checks.push({
      check: "reachable and authenticated",
      status: "fail",
      detail: describeError(err),
      fix: `check ${region.host} and the credentials of region ${name} (auth type ${region.auth.type})`
    });
    return checks;
  }
  const admin = (me.groups ?? []).some((g) => g.display === "admins");
  checks.push(
    admin ? { check: "identity rights", status: "ok", detail: "workspace admin" } : {
      check: "identity rights",
      status: "warn",
      detail: "not a workspace admin",
      fix: "the identity needs to create clusters and jobs, manage secret scopes and set permissions; add it to the admins group or grant those rights"
    }
  );
  const sections = await Promise.all([
    // 3. Node types and runtimes the definitions use.
    (async () => {
      const out = [];
      const specs = clusterSpecs(project, name);
      const nodeTypes = used(specs, ["node_type_id", "driver_node_type_id"]);
      const runtimes = used(specs, ["spark_version"]);
      if (nodeTypes.size > 0) {
        out.push(
          await offeredCheck("node types", "a node type", "node_type", nodeTypes, name, async () => {
            const res = await client.http.get(
              "/api/2.1/clusters/list-node-types"
            );
            return (res.node_types ?? []).map((t) => t.node_type_id);
          })
        );
      }
      if (runtimes.size > 0) {
        out.push(
          await offeredCheck(
            "runtimes",
            "a Databricks Runtime",
            "spark_version",
            runtimes,
            name,
            async () => {
              const res = await client.http.get(
                "/api/2.1/clusters/spark-versions"
              );
              return (res.versions ?? []).map((v) => v.key);
            }
          )
        );
      }
      return out;
    })(),
    // 4. Policies, pools, warehouses and jobs named in the definitions.
    (async () => {
      const out = [];
      const needs = referencedNames(project, name);
      if (needs.policies.size + needs.pools.size + needs.warehouses.size + needs.jobs.size > 0) {
        const catalog = await loadCatalog(client, needs);
        const missing = [];
        for (const p of needs.policies)
          if (!catalog.policies.get(p)) missing.push({ kind: "policy", name: p });
        for (const p of needs.pools)
          if (!catalog.pools.get(p)) missing.push({ kind: "instance pool", name: p });
        for (const w of needs.warehouses)
          if (!catalog.warehouses.get(w)) missing.push({ kind: "warehouse", name: w });
        const configJobs = new Set(
          project.jobs.map((j) => String(j.byRegion[name].name ?? j.name).toLowerCase())
        );
        for (const j of needs.jobs) {
          if (configJobs.has(j.toLowerCase())) continue;
          const found = await client.jobs.listAll({ name: j });
          if (found.length !== 1)
            missing.push({
              kind: "job",
              name: found.length > 1 ? `${j}" (ambiguous: ${found.length} jobs) "` : j
            });
        }
        out.push(
          missing.length === 0 ? {
            check: "referenced objects",
            status: "ok",
            detail: "every policy, pool, warehouse and job named exists"
          } : {
            check: "referenced objects",
            status: "fail",
            detail: describeMissing(missing, name),
            fix: `create them in region ${name} with the same names (ids differ per workspace; names are resolved in each region)`
          }
        );
      }
      return out;
    })(),
    // 5. Principals named in permissions and secret scope ACLs.
    (async () => {
      const out = [];
      const principals = /* @__PURE__ */ new Map();
      for (const d of [...project.jobs, ...project.clusters]) {
        const perms = d.byRegion[name].permissions;
        for (const p of principalsOf(perms ?? [])) principals.set(`${p.kind}:${p.name}`, p);
      }
      for (const s of project.scopes) {
        const acls = s.byRegion[name].acls;
        for (const a of acls ?? []) {
          const kind = a.principal.includes("@") ? "user" : /^[0-9a-f-]{36}$/i.test(a.principal) ? "service principal" : "group";
          principals.set(`${kind}:${a.principal}`, { kind, name: a.principal });
        }
      }
      if (principals.size > 0) {
        try {
          const absent = (await mapLimit(
            [...principals.values()],
            4,
            async (p) => await scimExists(client, p.kind, p.name) ? void 0 : p
          )).filter((p) => p !== void 0);
          out.push(
            absent.length === 0 ? { check: "principals", status: "ok", detail: `${principals.size} found` } : {
              check: "principals",
              status: "fail",
              detail: `${absent.map((p) => `${p.kind} "${p.name}"`).join(", ")} not found in region ${name}`,
              fix: `add them to workspace ${name} (or sync them from Entra ID with SCIM provisioning), so they can run and see the jobs after a failover`
            }
          );
        } catch (err) {
          out.push({
            check: "principals",
            status: "warn",
            detail: `could not look up principals: ${describeError(err)}`
          });
        }
      }
      return out;
    })(),
    // 6. Room for the clusters this config pins.
    (async () => {
      const out = [];
      if (project.clusters.length > 0) {
        const all = await client.clusters.listAll({ clusterSources: ["API", "UI"] });
        const pinned = all.filter((c) => c.is_pinned === true);
        const ours = new Set(
          all.filter((c) => ownedBy(c.custom_tags, project.config.name) && c.is_pinned).map((c) => c.cluster_name)
        );
        const needed = project.clusters.filter(
          (c) => !ours.has(String(c.byRegion[name].cluster_name ?? c.name))
        ).length;
        const total = pinned.length + needed;
        out.push(
          total > MAX_PINNED_CLUSTERS ? {
            check: "pinned clusters",
            status: "fail",
            detail: `${pinned.length} pinned + ${needed} to pin > ${MAX_PINNED_CLUSTERS}`,
            fix: `unpin clusters that need not survive 30 days terminated in region ${name}`
          } : {
            check: "pinned clusters",
            status: total > MAX_PINNED_CLUSTERS * 0.9 ? "warn" : "ok",
            detail: `${pinned.length} pinned, ${needed} to pin, limit ${MAX_PINNED_CLUSTERS}`
          }
        );
      }
      return out;
    })()
  ]);
  for (const section of sections) checks.push(...section);
  return checks;
}
function regionReady(checks) {
  return checks.every((c) => c.status !== "fail");
}
function recordChecks(result, checks) {
  result.checks = checks;
  for (const c of checks) {
    const line = `preflight ${c.check}: ${c.detail}${c.fix ? ` \u2014 ${c.fix}` : ""}`;
    if (c.status === "fail") result.errors.push(line);
    else if (c.status === "warn") result.warnings.push(line);
  }
  if (!regionReady(checks) && result.status === "ok") result.status = "failed";
}
function renderChecksMarkdown(regions) {
  const icon = { ok: "\u2705", warn: "\u26A0\uFE0F", fail: "\u274C" };
  const out = ["## databricks-dr preflight", ""];
  for (const [name, r] of Object.entries(regions)) {
    out.push(
      `### ${name}: ${r.status === "unreachable" ? "unreachable" : regionReady(r.checks ?? []) ? "ready" : "not ready"}`,
      ""
    );
    if (r.checks && r.checks.length > 0) {
      out.push("| | check | result | what to do |", "|---|---|---|---|");
      for (const c of r.checks)
        out.push(
          `| ${icon[c.status]} | ${c.check} | ${c.detail.replace(/\|/g, "\\|")} | ${(c.fix ?? "").replace(/\|/g, "\\|")} |`
        );
      out.push("");
    }
    for (const e of r.status === "unreachable" ? r.errors : []) out.push(`> [!CAUTION]
> ${e}`, "");
  }
  return `${out.join("\n")}
`;
}
function renderChecksText(regions) {
  const mark = { ok: "ok  ", warn: "warn", fail: "FAIL" };
  const lines = [];
  for (const [name, r] of Object.entries(regions)) {
    lines.push(
      `${name}: ${r.status === "unreachable" ? "unreachable" : regionReady(r.checks ?? []) ? "ready" : "NOT READY"}`
    );
    for (const c of r.checks ?? []) {
      lines.push(`  ${mark[c.status]} ${c.check}: ${c.detail}`);
      if (c.fix && c.status !== "ok") lines.push(`       fix: ${c.fix}`);
    }
    if (r.status === "unreachable") for (const e of r.errors) lines.push(`  ${e}`);
  }
  return `${lines.join("\n")}
`;
}

// src/core/validate/project.ts
import { readFileSync as readFileSync3, statSync as statSync3 } from "node:fs";
import path4 from "node:path";

// src/core/variables.ts
var REFERENCE = /\$(\$?)\{(var|region)\.([A-Za-z_][A-Za-z0-9_-]*)\}/g;
var WHOLE_REFERENCE = /^\$\{(var|region)\.([A-Za-z_][A-Za-z0-9_-]*)\}$/;
function hasReference(text) {
  if (!text.includes("${")) return false;
  REFERENCE.lastIndex = 0;
  for (let m = REFERENCE.exec(text); m; m = REFERENCE.exec(text)) if (m[1] === "") return true;
  return false;
}
function needsWork(text) {
  return text.includes("${");
}
function documentHasReferences(value2) {
  const stack = [value2];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === "string") {
      if (needsWork(v)) return true;
    } else if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
    } else if (v !== null && typeof v === "object") {
      for (const x of Object.values(v)) stack.push(x);
    }
  }
  return false;
}
function resolve(kind, name, region) {
  if (kind === "var") return Object.hasOwn(region.variables, name) ? region.variables[name] : void 0;
  if (name === "name") return region.name;
  if (name === "host") return region.host;
  return void 0;
}
function substituteString(text, region) {
  const unknown = [];
  if (!needsWork(text)) return { text, unknown };
  const whole = WHOLE_REFERENCE.exec(text);
  REFERENCE.lastIndex = 0;
  const out = text.replace(REFERENCE, (match, escaped, kind, name) => {
    if (escaped !== "") return match.slice(1);
    const v = resolve(kind, name, region);
    if (v === void 0) {
      unknown.push({ expression: match, kind, name });
      return match;
    }
    return v;
  });
  return { text: out, unknown, whole: whole && unknown.length === 0 ? text : void 0 };
}
function substitute(value2, region) {
  const unknown = [];
  const whole = /* @__PURE__ */ new Map();
  let changed = false;
  const path5 = [];
  const visit2 = (v) => {
    if (typeof v === "string") {
      if (!needsWork(v)) return v;
      const r = substituteString(v, region);
      const pointer = formatPointer(path5);
      for (const u of r.unknown) unknown.push({ ...u, pointer });
      if (r.whole !== void 0) whole.set(pointer, r.whole);
      if (r.text !== v) changed = true;
      return r.text;
    }
    if (Array.isArray(v)) {
      return v.map((x, i) => {
        path5.push(i);
        const out = visit2(x);
        path5.pop();
        return out;
      });
    }
    if (v !== null && typeof v === "object") {
      const out = {};
      for (const [k, x] of Object.entries(v)) {
        path5.push(k);
        out[k] = visit2(x);
        path5.pop();
      }
      return out;
    }
    return v;
  };
  return { value: visit2(value2), unknown, whole, changed };
}
function coerceWhole(text, type) {
  const t = text.trim();
  if (type === "boolean") return t === "true" ? true : t === "false" ? false : void 0;
  if (!/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(t)) return void 0;
  const n = Number(t);
  if (!Number.isFinite(n)) return void 0;
  if (type === "integer" && !Number.isInteger(n)) return void 0;
  return n;
}

// src/core/validate/issues.ts
function issue(pointer, message2, options = {}) {
  return {
    pointer: typeof pointer === "string" ? pointer : formatPointer(pointer),
    message: message2,
    severity: options.severity ?? "error",
    target: options.target
  };
}
function toDiagnostic(doc, i, region) {
  const pos = doc.position(i.pointer, i.target ?? "value");
  const d = { ...pos, severity: i.severity, message: i.message, pointer: i.pointer };
  if (region !== void 0) d.region = region;
  return d;
}
function valueAt(root, pointer) {
  let v = root;
  for (const seg of parsePointer(pointer)) {
    if (Array.isArray(v)) v = v[Number(seg)];
    else if (v !== null && typeof v === "object") v = v[seg];
    else return void 0;
  }
  return v;
}
function isObject4(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function show(v) {
  if (v === void 0) return "nothing";
  if (Array.isArray(v)) return "a list";
  if (isObject4(v)) return "an object";
  const s = JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}\u2026"` : s;
}
function oneOfWords(values, last = "or") {
  if (values.length <= 1) return values.join("");
  return `${values.slice(0, -1).join(", ")} ${last} ${values[values.length - 1]}`;
}

// src/core/validate/cluster-rules.ts
var MAX_CLUSTER_TAGS = 44;
var MAX_JOB_TAGS = 24;
var CLASSIC_PREVIEW_ONLY_MODES = [
  "DATA_SECURITY_MODE_AUTO",
  "DATA_SECURITY_MODE_STANDARD",
  "DATA_SECURITY_MODE_DEDICATED"
];
function clusterSpecIssues(spec, at, maxTags) {
  if (!isObject4(spec)) return [];
  const out = [];
  for (const [id, name] of [
    ["policy_id", "policy_name"],
    ["instance_pool_id", "instance_pool_name"],
    ["driver_instance_pool_id", "driver_instance_pool_name"]
  ]) {
    if (id in spec && name in spec)
      out.push(
        issue(
          `${at}/${name}`,
          `both ${id} and ${name} are set: keep ${name} (resolved in each region), or ${id}`,
          {
            target: "key"
          }
        )
      );
  }
  const autoscale = spec.autoscale;
  if (isObject4(autoscale)) {
    const { min_workers: min, max_workers: max } = autoscale;
    if (typeof min === "number" && typeof max === "number" && min > max) {
      out.push(
        issue(
          `${at}/autoscale/max_workers`,
          `autoscale.max_workers (${max}) must be at least min_workers (${min}): raise max_workers or lower min_workers`
        )
      );
    }
  }
  const auto = spec.autotermination_minutes;
  if (typeof auto === "number" && auto > 0 && auto < 10) {
    out.push(
      issue(
        `${at}/autotermination_minutes`,
        `autotermination_minutes must be 0 (never terminate) or from 10 to 10000, got ${auto}`
      )
    );
  }
  if (typeof spec.runtime_engine === "string" && spec.runtime_engine !== "NULL" && typeof spec.spark_version === "string" && spec.spark_version.includes("-photon-")) {
    out.push(
      issue(
        `${at}/runtime_engine`,
        `runtime_engine cannot be set with a "-photon-" spark_version ("${spec.spark_version}"): remove runtime_engine, or use the plain version with runtime_engine: PHOTON`
      )
    );
  }
  if (spec.kind !== "CLASSIC_PREVIEW") {
    for (const field of ["is_single_node", "use_ml_runtime"]) {
      if (spec[field] !== void 0)
        out.push(
          issue(`${at}/${field}`, `${field} requires "kind": "CLASSIC_PREVIEW" in the same cluster spec`)
        );
    }
    if (typeof spec.data_security_mode === "string" && CLASSIC_PREVIEW_ONLY_MODES.includes(spec.data_security_mode)) {
      out.push(
        issue(
          `${at}/data_security_mode`,
          `data_security_mode ${spec.data_security_mode} requires "kind": "CLASSIC_PREVIEW"; without it use SINGLE_USER or USER_ISOLATION`
        )
      );
    }
  }
  out.push(...tagIssues(spec.custom_tags, `${at}/custom_tags`, "custom tag", maxTags));
  return out;
}
function tagIssues(tags, at, what, max) {
  if (!isObject4(tags)) return [];
  const out = [];
  const keys = Object.keys(tags);
  for (const k of keys) {
    if (k.toLowerCase() === MANAGEMENT_TAG) {
      out.push(
        issue(
          `${at}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`,
          `${what} "${k}" is reserved: databricks-dr sets it on everything it manages; remove it`,
          { target: "key" }
        )
      );
    }
  }
  if (max !== void 0 && keys.length > max) {
    out.push(
      issue(
        at,
        `${at.split("/").pop()} has ${keys.length} entries; at most ${max} are allowed (Databricks allows ${max + 1} and databricks-dr adds "${MANAGEMENT_TAG}")`
      )
    );
  }
  return out;
}
function clusterFileIssues(cluster) {
  return clusterSpecIssues(cluster, "", MAX_CLUSTER_TAGS);
}

// schemas/job.schema.json
var job_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "Databricks job (jobs/*.json)",
  description: "Jobs API 2.1/2.2 JobSettings, or the Jobs 2.0 single-task form. databricks-dr extension: existing_cluster_name.",
  type: "object",
  properties: {
    $schema: {
      type: "string",
      description: "The JSON Schema of this file (for editors); not sent to Databricks."
    },
    name: {
      type: "string",
      description: "Job name: the key this tool matches the job by (case-insensitively) in each region.",
      minLength: 1,
      maxLength: 4096
    },
    description: {
      type: "string",
      maxLength: 27700
    },
    tags: {
      type: "object",
      description: 'Job tags (at most 24: the tool adds "databricks-dr"). Values are strings; "" for a label.',
      additionalProperties: {
        type: "string"
      }
    },
    tasks: {
      type: "array",
      description: "The tasks (at most 1000).",
      items: {
        $ref: "#/$defs/Task"
      },
      maxItems: 1e3
    },
    job_clusters: {
      type: "array",
      description: "Clusters shared by tasks of this job.",
      items: {
        $ref: "#/$defs/JobCluster"
      }
    },
    environments: {
      type: "array",
      description: "Serverless environments for tasks.",
      items: {
        $ref: "#/$defs/JobEnvironment"
      }
    },
    parameters: {
      type: "array",
      description: "Job parameters.",
      items: {
        $ref: "#/$defs/JobParameter"
      }
    },
    schedule: {
      $ref: "#/$defs/CronSchedule"
    },
    trigger: {
      $ref: "#/$defs/Trigger"
    },
    continuous: {
      $ref: "#/$defs/Continuous"
    },
    email_notifications: {
      $ref: "#/$defs/EmailNotifications"
    },
    webhook_notifications: {
      $ref: "#/$defs/WebhookNotifications"
    },
    notification_settings: {
      $ref: "#/$defs/JobNotificationSettings"
    },
    git_source: {
      $ref: "#/$defs/GitSource"
    },
    queue: {
      $ref: "#/$defs/Queue"
    },
    run_as: {
      $ref: "#/$defs/RunAs"
    },
    health: {
      $ref: "#/$defs/HealthRules"
    },
    timeout_seconds: {
      type: "integer",
      description: "0 means no timeout.",
      minimum: 0
    },
    max_concurrent_runs: {
      type: "integer",
      description: "Runs allowed at once, 0 to 1000 (passive regions get 0).",
      minimum: 0,
      maximum: 1e3
    },
    budget_policy_id: {
      type: "string"
    },
    usage_policy_id: {
      type: "string"
    },
    performance_target: {
      type: "string",
      description: "Serverless performance mode.",
      enum: ["PERFORMANCE_OPTIMIZED", "STANDARD"]
    },
    edit_mode: {
      type: "string",
      enum: ["UI_LOCKED", "EDITABLE"]
    },
    deployment: {
      $ref: "#/$defs/Deployment"
    },
    format: {
      type: "string",
      description: "Ignored on write.",
      enum: ["SINGLE_TASK", "MULTI_TASK"]
    },
    parent_path: {
      type: "string"
    },
    access_control_list: {
      type: "array",
      description: "Permissions applied when the job is created.",
      items: {
        $ref: "#/$defs/AccessControl"
      }
    },
    permissions: {
      type: "array",
      description: "databricks-dr: permissions on the job, applied in every region through the Permissions API; authoritative for this job (principals not listed lose their direct permission), except that the deploying identity keeps its own.",
      items: {
        type: "object",
        properties: {
          user_name: {
            type: "string",
            minLength: 1
          },
          group_name: {
            type: "string",
            minLength: 1
          },
          service_principal_name: {
            type: "string",
            minLength: 1,
            description: "The service principal's application id."
          },
          level: {
            type: "string",
            enum: ["CAN_VIEW", "CAN_MANAGE_RUN", "CAN_MANAGE", "IS_OWNER"]
          }
        },
        additionalProperties: false,
        required: ["level"],
        oneOf: [
          {
            required: ["user_name"]
          },
          {
            required: ["group_name"]
          },
          {
            required: ["service_principal_name"]
          }
        ]
      }
    },
    existing_cluster_id: {
      type: "string",
      description: "Jobs 2.0 single-task form.",
      minLength: 1
    },
    existing_cluster_name: {
      type: "string",
      description: "Jobs 2.0 single-task form; databricks-dr extension, see Task.",
      minLength: 1
    },
    new_cluster: {
      description: "Jobs 2.0 single-task form.",
      $ref: "#/$defs/ClusterSpec"
    },
    notebook_task: {
      description: "Jobs 2.0 single-task form.",
      $ref: "#/$defs/NotebookTask"
    },
    spark_jar_task: {
      description: "Jobs 2.0 single-task form.",
      $ref: "#/$defs/SparkJarTask"
    },
    spark_python_task: {
      description: "Jobs 2.0 single-task form.",
      $ref: "#/$defs/SparkPythonTask"
    },
    spark_submit_task: {
      description: "Jobs 2.0 single-task form.",
      $ref: "#/$defs/SparkSubmitTask"
    },
    python_wheel_task: {
      description: "Jobs 2.0 single-task form.",
      $ref: "#/$defs/PythonWheelTask"
    },
    pipeline_task: {
      description: "Jobs 2.0 single-task form.",
      $ref: "#/$defs/PipelineTask"
    },
    libraries: {
      type: "array",
      description: "Jobs 2.0 single-task form.",
      items: {
        $ref: "#/$defs/Library"
      }
    },
    max_retries: {
      type: "integer",
      description: "Jobs 2.0 single-task form.",
      minimum: -1
    },
    min_retry_interval_millis: {
      type: "integer",
      description: "Jobs 2.0 single-task form.",
      minimum: 0
    },
    retry_on_timeout: {
      type: "boolean",
      description: "Jobs 2.0 single-task form."
    }
  },
  additionalProperties: false,
  required: ["name"],
  oneOf: [
    {
      required: ["schedule"]
    },
    {
      required: ["trigger"]
    },
    {
      required: ["continuous"]
    },
    {
      not: {
        anyOf: [
          {
            required: ["schedule"]
          },
          {
            required: ["trigger"]
          },
          {
            required: ["continuous"]
          }
        ]
      }
    }
  ],
  $defs: {
    Task: {
      type: "object",
      properties: {
        task_key: {
          type: "string",
          description: "Unique name of the task within the job.",
          minLength: 1,
          maxLength: 100,
          pattern: "^[\\w-]+$",
          "x-hint": 'use letters, digits, "_" and "-" only (at most 100 characters)'
        },
        description: {
          type: "string"
        },
        depends_on: {
          type: "array",
          description: "Tasks that must finish before this one.",
          items: {
            $ref: "#/$defs/TaskDependency"
          }
        },
        run_if: {
          type: "string",
          enum: [
            "ALL_SUCCESS",
            "ALL_DONE",
            "NONE_FAILED",
            "AT_LEAST_ONE_SUCCESS",
            "ALL_FAILED",
            "AT_LEAST_ONE_FAILED"
          ]
        },
        notebook_task: {
          $ref: "#/$defs/NotebookTask"
        },
        spark_python_task: {
          $ref: "#/$defs/SparkPythonTask"
        },
        python_wheel_task: {
          $ref: "#/$defs/PythonWheelTask"
        },
        spark_jar_task: {
          $ref: "#/$defs/SparkJarTask"
        },
        spark_submit_task: {
          $ref: "#/$defs/SparkSubmitTask"
        },
        pipeline_task: {
          $ref: "#/$defs/PipelineTask"
        },
        sql_task: {
          $ref: "#/$defs/SqlTask"
        },
        dbt_task: {
          $ref: "#/$defs/DbtTask"
        },
        run_job_task: {
          $ref: "#/$defs/RunJobTask"
        },
        condition_task: {
          $ref: "#/$defs/ConditionTask"
        },
        for_each_task: {
          $ref: "#/$defs/ForEachTask"
        },
        clean_rooms_notebook_task: {
          $ref: "#/$defs/CleanRoomsNotebookTask"
        },
        dashboard_task: {
          $ref: "#/$defs/DashboardTask"
        },
        power_bi_task: {
          $ref: "#/$defs/PowerBiTask"
        },
        gen_ai_compute_task: {
          $ref: "#/$defs/GenAiComputeTask"
        },
        dbt_cloud_task: {
          $ref: "#/$defs/DbtCloudTask"
        },
        dbt_platform_task: {
          $ref: "#/$defs/DbtPlatformTask"
        },
        existing_cluster_id: {
          type: "string",
          description: "Id of an all-purpose cluster. Ids differ per workspace: prefer existing_cluster_name.",
          minLength: 1
        },
        existing_cluster_name: {
          type: "string",
          description: "databricks-dr extension: the name of a cluster defined in clusters/*.json or listed in external_clusters; resolved to its id in each region.",
          minLength: 1
        },
        new_cluster: {
          $ref: "#/$defs/ClusterSpec"
        },
        job_cluster_key: {
          type: "string",
          description: "A job_clusters[].job_cluster_key of this job.",
          minLength: 1
        },
        environment_key: {
          type: "string",
          description: "An environments[].environment_key of this job (serverless compute).",
          minLength: 1
        },
        compute: {
          type: "object",
          properties: {
            hardware_accelerator: {
              type: "string",
              enum: ["GPU_1xA10", "GPU_8xH100"]
            }
          },
          additionalProperties: false
        },
        libraries: {
          type: "array",
          description: "Libraries to install on the cluster.",
          items: {
            $ref: "#/$defs/Library"
          }
        },
        max_retries: {
          type: "integer",
          description: "Retries after a failed run: -1 forever, 0 never.",
          minimum: -1
        },
        min_retry_interval_millis: {
          type: "integer",
          minimum: 0
        },
        retry_on_timeout: {
          type: "boolean"
        },
        timeout_seconds: {
          type: "integer",
          description: "0 means no timeout.",
          minimum: 0
        },
        email_notifications: {
          $ref: "#/$defs/EmailNotifications"
        },
        webhook_notifications: {
          $ref: "#/$defs/WebhookNotifications"
        },
        notification_settings: {
          $ref: "#/$defs/TaskNotificationSettings"
        },
        health: {
          $ref: "#/$defs/HealthRules"
        },
        disabled: {
          type: "boolean"
        },
        disable_auto_optimization: {
          type: "boolean"
        }
      },
      additionalProperties: false,
      required: ["task_key"]
    },
    TaskDependency: {
      type: "object",
      properties: {
        task_key: {
          type: "string",
          description: "The task_key of a task in this job.",
          minLength: 1
        },
        outcome: {
          type: "string",
          description: "Only on a dependency on a condition_task: the outcome that lets this task run.",
          enum: ["true", "false"]
        }
      },
      additionalProperties: false,
      required: ["task_key"]
    },
    NotebookTask: {
      type: "object",
      properties: {
        notebook_path: {
          type: "string",
          description: "Absolute workspace path (e.g. /Shared/sales/etl/ingest, no extension), or a path relative to the repository for source: GIT.",
          minLength: 1
        },
        base_parameters: {
          type: "object",
          description: "Notebook widget values; values are strings.",
          additionalProperties: {
            type: "string"
          }
        },
        source: {
          type: "string",
          description: "WORKSPACE, or GIT for a file in git_source.",
          enum: ["WORKSPACE", "GIT"]
        },
        warehouse_id: {
          type: "string",
          description: "Run the notebook on a SQL warehouse (SQL cells only)."
        }
      },
      additionalProperties: false,
      required: ["notebook_path"]
    },
    SparkPythonTask: {
      type: "object",
      properties: {
        python_file: {
          type: "string",
          description: "A workspace path, a cloud URI, or a path relative to the repository for source: GIT.",
          minLength: 1
        },
        parameters: {
          type: "array",
          items: {
            type: "string"
          }
        },
        source: {
          type: "string",
          description: "WORKSPACE, or GIT for a file in git_source.",
          enum: ["WORKSPACE", "GIT"]
        }
      },
      additionalProperties: false,
      required: ["python_file"]
    },
    PythonWheelTask: {
      type: "object",
      properties: {
        package_name: {
          type: "string",
          minLength: 1
        },
        entry_point: {
          type: "string",
          minLength: 1
        },
        parameters: {
          type: "array",
          items: {
            type: "string"
          }
        },
        named_parameters: {
          type: "object",
          additionalProperties: {
            type: "string"
          }
        }
      },
      additionalProperties: false,
      required: ["package_name", "entry_point"],
      oneOf: [
        {
          required: ["parameters"]
        },
        {
          required: ["named_parameters"]
        },
        {
          not: {
            anyOf: [
              {
                required: ["parameters"]
              },
              {
                required: ["named_parameters"]
              }
            ]
          }
        }
      ]
    },
    SparkJarTask: {
      type: "object",
      properties: {
        main_class_name: {
          type: "string",
          description: "Class with the main method; the JAR goes in libraries.",
          minLength: 1
        },
        parameters: {
          type: "array",
          items: {
            type: "string"
          }
        },
        jar_uri: {
          type: "string",
          description: "Deprecated: use libraries."
        },
        run_as_repl: {
          type: "boolean",
          description: "Deprecated."
        }
      },
      additionalProperties: false
    },
    SparkSubmitTask: {
      type: "object",
      properties: {
        parameters: {
          type: "array",
          description: "spark-submit arguments.",
          items: {
            type: "string"
          }
        }
      },
      additionalProperties: false
    },
    PipelineTask: {
      type: "object",
      properties: {
        pipeline_id: {
          type: "string",
          minLength: 1
        },
        full_refresh: {
          type: "boolean"
        }
      },
      additionalProperties: false,
      required: ["pipeline_id"]
    },
    SqlTask: {
      type: "object",
      properties: {
        warehouse_id: {
          type: "string",
          description: "SQL warehouse id (ids differ per workspace: prefer warehouse_name).",
          minLength: 1
        },
        warehouse_name: {
          type: "string",
          minLength: 1,
          description: "databricks-dr: the SQL warehouse's name; resolved to warehouse_id in each region."
        },
        query: {
          type: "object",
          properties: {
            query_id: {
              type: "string",
              minLength: 1
            }
          },
          additionalProperties: false,
          required: ["query_id"]
        },
        dashboard: {
          type: "object",
          properties: {
            dashboard_id: {
              type: "string",
              minLength: 1
            },
            custom_subject: {
              type: "string"
            },
            pause_subscriptions: {
              type: "boolean"
            },
            subscriptions: {
              type: "array",
              items: {
                $ref: "#/$defs/SqlSubscription"
              }
            }
          },
          additionalProperties: false,
          required: ["dashboard_id"]
        },
        alert: {
          type: "object",
          properties: {
            alert_id: {
              type: "string",
              minLength: 1
            },
            pause_subscriptions: {
              type: "boolean"
            },
            subscriptions: {
              type: "array",
              items: {
                $ref: "#/$defs/SqlSubscription"
              }
            }
          },
          additionalProperties: false,
          required: ["alert_id"]
        },
        file: {
          type: "object",
          properties: {
            path: {
              type: "string",
              minLength: 1
            },
            source: {
              type: "string",
              description: "WORKSPACE, or GIT for a file in git_source.",
              enum: ["WORKSPACE", "GIT"]
            }
          },
          additionalProperties: false,
          required: ["path"]
        },
        parameters: {
          type: "object",
          additionalProperties: {
            type: "string"
          }
        }
      },
      additionalProperties: false,
      oneOf: [
        {
          required: ["query"]
        },
        {
          required: ["dashboard"]
        },
        {
          required: ["alert"]
        },
        {
          required: ["file"]
        }
      ]
    },
    SqlSubscription: {
      type: "object",
      properties: {
        user_name: {
          type: "string"
        },
        destination_id: {
          type: "string"
        }
      },
      additionalProperties: false
    },
    DbtTask: {
      type: "object",
      properties: {
        commands: {
          type: "array",
          description: 'dbt commands, 1 to 10, each starting with "dbt".',
          items: {
            type: "string",
            pattern: "^dbt(\\s|$)",
            "x-hint": 'every command starts with "dbt", e.g. "dbt run"'
          },
          minItems: 1,
          maxItems: 10
        },
        project_directory: {
          type: "string"
        },
        profiles_directory: {
          type: "string"
        },
        schema: {
          type: "string"
        },
        catalog: {
          type: "string"
        },
        warehouse_id: {
          type: "string"
        },
        warehouse_name: {
          type: "string",
          minLength: 1,
          description: "databricks-dr: the SQL warehouse's name; resolved to warehouse_id in each region."
        },
        source: {
          type: "string",
          description: "WORKSPACE, or GIT for a file in git_source.",
          enum: ["WORKSPACE", "GIT"]
        }
      },
      additionalProperties: false,
      required: ["commands"]
    },
    RunJobTask: {
      type: "object",
      properties: {
        job_id: {
          type: "integer",
          description: "Id of the job to run (ids differ per workspace: prefer job_name).",
          minimum: 0
        },
        job_name: {
          type: "string",
          minLength: 1,
          description: "databricks-dr: the job's name (a job of this config or one that exists in the region); resolved to job_id in each region."
        },
        job_parameters: {
          type: "object",
          additionalProperties: {
            type: "string"
          }
        },
        pipeline_params: {
          type: "object",
          properties: {
            full_refresh: {
              type: "boolean"
            }
          },
          additionalProperties: false
        },
        notebook_params: {
          type: "object",
          description: "Deprecated: use job_parameters.",
          additionalProperties: {
            type: "string"
          }
        },
        python_params: {
          type: "array",
          description: "Deprecated: use job_parameters.",
          items: {
            type: "string"
          }
        },
        python_named_params: {
          type: "object",
          description: "Deprecated: use job_parameters.",
          additionalProperties: {
            type: "string"
          }
        },
        jar_params: {
          type: "array",
          description: "Deprecated: use job_parameters.",
          items: {
            type: "string"
          }
        },
        spark_submit_params: {
          type: "array",
          description: "Deprecated: use job_parameters.",
          items: {
            type: "string"
          }
        },
        sql_params: {
          type: "object",
          description: "Deprecated: use job_parameters.",
          additionalProperties: {
            type: "string"
          }
        },
        dbt_commands: {
          type: "array",
          description: "Deprecated: use job_parameters.",
          items: {
            type: "string"
          }
        }
      },
      additionalProperties: false
    },
    ConditionTask: {
      type: "object",
      properties: {
        left: {
          type: "string",
          description: "Left operand: a value or a {{\u2026}} reference."
        },
        op: {
          type: "string",
          enum: [
            "EQUAL_TO",
            "NOT_EQUAL",
            "GREATER_THAN",
            "GREATER_THAN_OR_EQUAL",
            "LESS_THAN",
            "LESS_THAN_OR_EQUAL"
          ]
        },
        right: {
          type: "string",
          description: "Right operand: a value or a {{\u2026}} reference."
        }
      },
      additionalProperties: false,
      required: ["left", "op", "right"]
    },
    ForEachTask: {
      type: "object",
      properties: {
        inputs: {
          type: "string",
          description: "A JSON array, or a {{\u2026}} reference to one.",
          minLength: 1
        },
        task: {
          description: "The task run for every input.",
          $ref: "#/$defs/Task"
        },
        concurrency: {
          type: "integer",
          description: "Iterations that may run at once (1 to 100).",
          minimum: 1,
          maximum: 100
        }
      },
      additionalProperties: false,
      required: ["inputs", "task"]
    },
    CleanRoomsNotebookTask: {
      type: "object",
      properties: {
        clean_room_name: {
          type: "string",
          minLength: 1
        },
        notebook_name: {
          type: "string",
          minLength: 1
        },
        etag: {
          type: "string"
        },
        notebook_base_parameters: {
          type: "object",
          additionalProperties: {
            type: "string"
          }
        }
      },
      additionalProperties: false,
      required: ["clean_room_name", "notebook_name"]
    },
    DashboardTask: {
      type: "object",
      properties: {
        dashboard_id: {
          type: "string"
        },
        warehouse_id: {
          type: "string"
        },
        filters: {
          type: "object",
          additionalProperties: {
            type: "string"
          }
        },
        subscription: {
          type: "object",
          properties: {
            custom_subject: {
              type: "string"
            },
            paused: {
              type: "boolean"
            },
            subscribers: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  user_name: {
                    type: "string"
                  },
                  destination_id: {
                    type: "string"
                  }
                },
                additionalProperties: false
              }
            }
          },
          additionalProperties: false
        }
      },
      additionalProperties: false
    },
    PowerBiTask: {
      type: "object",
      properties: {
        connection_resource_name: {
          type: "string"
        },
        warehouse_id: {
          type: "string"
        },
        refresh_after_update: {
          type: "boolean"
        },
        power_bi_model: {
          type: "object",
          properties: {
            workspace_name: {
              type: "string"
            },
            model_name: {
              type: "string"
            },
            storage_mode: {
              type: "string",
              enum: ["DIRECT_QUERY", "IMPORT", "DUAL"]
            },
            authentication_method: {
              type: "string",
              enum: ["OAUTH", "PAT"]
            },
            overwrite_existing: {
              type: "boolean"
            }
          },
          additionalProperties: false
        },
        tables: {
          type: "array",
          items: {
            type: "object",
            properties: {
              catalog: {
                type: "string"
              },
              schema: {
                type: "string"
              },
              name: {
                type: "string"
              },
              storage_mode: {
                type: "string",
                enum: ["DIRECT_QUERY", "IMPORT", "DUAL"]
              }
            },
            additionalProperties: false
          }
        }
      },
      additionalProperties: false
    },
    GenAiComputeTask: {
      type: "object",
      properties: {
        dl_runtime_image: {
          type: "string",
          minLength: 1
        },
        command: {
          type: "string"
        },
        training_script_path: {
          type: "string"
        },
        yaml_parameters: {
          type: "string"
        },
        yaml_parameters_file_path: {
          type: "string"
        },
        mlflow_experiment_name: {
          type: "string"
        },
        source: {
          type: "string",
          description: "WORKSPACE, or GIT for a file in git_source.",
          enum: ["WORKSPACE", "GIT"]
        },
        compute: {
          type: "object",
          properties: {
            num_gpus: {
              type: "integer",
              minimum: 1
            },
            gpu_type: {
              type: "string"
            },
            gpu_node_pool_id: {
              type: "string"
            }
          },
          additionalProperties: false,
          required: ["num_gpus"]
        }
      },
      additionalProperties: false,
      required: ["dl_runtime_image"]
    },
    DbtCloudTask: {
      type: "object",
      properties: {
        connection_resource_name: {
          type: "string"
        },
        dbt_cloud_job_id: {
          type: "integer",
          minimum: 0
        }
      },
      additionalProperties: false
    },
    DbtPlatformTask: {
      type: "object",
      properties: {
        connection_resource_name: {
          type: "string"
        },
        dbt_platform_job_id: {
          type: "string"
        }
      },
      additionalProperties: false
    },
    Library: {
      type: "object",
      properties: {
        jar: {
          type: "string",
          minLength: 1
        },
        egg: {
          type: "string",
          description: "Deprecated (not supported on Databricks Runtime 14+).",
          minLength: 1
        },
        whl: {
          type: "string",
          minLength: 1
        },
        requirements: {
          type: "string",
          minLength: 1
        },
        pypi: {
          type: "object",
          properties: {
            package: {
              type: "string",
              description: 'e.g. "simplejson==3.8.0".',
              minLength: 1
            },
            repo: {
              type: "string"
            }
          },
          additionalProperties: false,
          required: ["package"]
        },
        maven: {
          type: "object",
          properties: {
            coordinates: {
              type: "string",
              description: 'e.g. "org.jsoup:jsoup:1.7.2".',
              minLength: 1
            },
            repo: {
              type: "string"
            },
            exclusions: {
              type: "array",
              items: {
                type: "string"
              }
            }
          },
          additionalProperties: false,
          required: ["coordinates"]
        },
        cran: {
          type: "object",
          properties: {
            package: {
              type: "string",
              minLength: 1
            },
            repo: {
              type: "string"
            }
          },
          additionalProperties: false,
          required: ["package"]
        }
      },
      additionalProperties: false,
      oneOf: [
        {
          required: ["jar"]
        },
        {
          required: ["egg"]
        },
        {
          required: ["whl"]
        },
        {
          required: ["requirements"]
        },
        {
          required: ["pypi"]
        },
        {
          required: ["maven"]
        },
        {
          required: ["cran"]
        }
      ]
    },
    JobCluster: {
      type: "object",
      properties: {
        job_cluster_key: {
          type: "string",
          description: "Unique key that tasks use in job_cluster_key.",
          minLength: 1,
          maxLength: 100,
          pattern: "^[\\w-]+$",
          "x-hint": 'use letters, digits, "_" and "-" only (at most 100 characters)'
        },
        new_cluster: {
          $ref: "#/$defs/ClusterSpec"
        }
      },
      additionalProperties: false,
      required: ["job_cluster_key", "new_cluster"]
    },
    JobEnvironment: {
      type: "object",
      properties: {
        environment_key: {
          type: "string",
          description: "Unique key that tasks use in environment_key.",
          minLength: 1
        },
        spec: {
          type: "object",
          properties: {
            client: {
              type: "string",
              description: "Deprecated: use environment_version."
            },
            environment_version: {
              type: "string"
            },
            dependencies: {
              type: "array",
              description: "pip requirement specifiers.",
              items: {
                type: "string"
              }
            },
            java_dependencies: {
              type: "array",
              items: {
                type: "string"
              }
            },
            base_environment: {
              type: "string"
            }
          },
          additionalProperties: false
        }
      },
      additionalProperties: false,
      required: ["environment_key"]
    },
    JobParameter: {
      type: "object",
      properties: {
        name: {
          type: "string",
          minLength: 1,
          pattern: "^[\\w.-]+$",
          "x-hint": 'use letters, digits, "_", "-" and "." only'
        },
        default: {
          type: "string",
          description: "Default value (a string)."
        }
      },
      additionalProperties: false,
      required: ["name", "default"]
    },
    CronSchedule: {
      type: "object",
      properties: {
        quartz_cron_expression: {
          type: "string",
          description: 'Quartz cron: seconds minutes hours day-of-month month day-of-week [year], e.g. "0 0 2 * * ?".',
          minLength: 1
        },
        timezone_id: {
          type: "string",
          description: 'A Java time-zone id, e.g. "UTC" or "Europe/Amsterdam".',
          minLength: 1
        },
        pause_status: {
          type: "string",
          enum: ["PAUSED", "UNPAUSED"]
        }
      },
      additionalProperties: false,
      required: ["quartz_cron_expression", "timezone_id"]
    },
    Trigger: {
      type: "object",
      properties: {
        pause_status: {
          type: "string",
          enum: ["PAUSED", "UNPAUSED"]
        },
        file_arrival: {
          type: "object",
          properties: {
            url: {
              type: "string",
              description: "A Unity Catalog external location or volume URL to watch.",
              minLength: 1
            },
            min_time_between_triggers_seconds: {
              type: "integer",
              description: "At least 60.",
              minimum: 60
            },
            wait_after_last_change_seconds: {
              type: "integer",
              description: "At least 60.",
              minimum: 60
            }
          },
          additionalProperties: false,
          required: ["url"]
        },
        periodic: {
          type: "object",
          properties: {
            interval: {
              type: "integer",
              minimum: 1
            },
            unit: {
              type: "string",
              enum: ["HOURS", "DAYS", "WEEKS"]
            }
          },
          additionalProperties: false,
          required: ["interval", "unit"]
        },
        table_update: {
          $ref: "#/$defs/TableUpdateTrigger"
        },
        table: {
          description: "Deprecated name of table_update.",
          $ref: "#/$defs/TableUpdateTrigger"
        },
        model: {
          type: "object",
          properties: {
            condition: {
              type: "string",
              enum: ["MODEL_CREATED", "MODEL_VERSION_READY", "MODEL_ALIAS_SET"]
            },
            securable_name: {
              type: "string"
            },
            aliases: {
              type: "array",
              items: {
                type: "string"
              }
            },
            min_time_between_triggers_seconds: {
              type: "integer",
              description: "At least 60.",
              minimum: 60
            },
            wait_after_last_change_seconds: {
              type: "integer",
              description: "At least 60.",
              minimum: 60
            }
          },
          additionalProperties: false,
          required: ["condition"]
        }
      },
      additionalProperties: false,
      oneOf: [
        {
          required: ["file_arrival"]
        },
        {
          required: ["periodic"]
        },
        {
          required: ["table_update"]
        },
        {
          required: ["table"]
        },
        {
          required: ["model"]
        }
      ]
    },
    TableUpdateTrigger: {
      type: "object",
      properties: {
        table_names: {
          type: "array",
          description: "Tables as catalog.schema.table.",
          items: {
            type: "string"
          },
          minItems: 1
        },
        condition: {
          type: "string",
          enum: ["ANY_UPDATED", "ALL_UPDATED"]
        },
        min_time_between_triggers_seconds: {
          type: "integer",
          description: "At least 60.",
          minimum: 60
        },
        wait_after_last_change_seconds: {
          type: "integer",
          description: "At least 60.",
          minimum: 60
        }
      },
      additionalProperties: false,
      required: ["table_names"]
    },
    Continuous: {
      type: "object",
      properties: {
        pause_status: {
          type: "string",
          enum: ["PAUSED", "UNPAUSED"]
        },
        task_retry_mode: {
          type: "string",
          enum: ["NEVER", "ON_FAILURE"]
        }
      },
      additionalProperties: false
    },
    EmailNotifications: {
      type: "object",
      properties: {
        on_start: {
          type: "array",
          description: "Email addresses.",
          items: {
            type: "string"
          }
        },
        on_success: {
          type: "array",
          description: "Email addresses.",
          items: {
            type: "string"
          }
        },
        on_failure: {
          type: "array",
          description: "Email addresses.",
          items: {
            type: "string"
          }
        },
        on_duration_warning_threshold_exceeded: {
          type: "array",
          description: "Email addresses.",
          items: {
            type: "string"
          }
        },
        on_streaming_backlog_exceeded: {
          type: "array",
          description: "Email addresses.",
          items: {
            type: "string"
          }
        },
        no_alert_for_skipped_runs: {
          type: "boolean",
          description: "Deprecated: use notification_settings.no_alert_for_skipped_runs."
        }
      },
      additionalProperties: false
    },
    Webhook: {
      type: "object",
      properties: {
        id: {
          type: "string",
          description: "A notification destination id.",
          minLength: 1
        }
      },
      additionalProperties: false,
      required: ["id"]
    },
    WebhookNotifications: {
      type: "object",
      properties: {
        on_start: {
          type: "array",
          description: "Notification destination ids (at most 3).",
          items: {
            $ref: "#/$defs/Webhook"
          },
          maxItems: 3
        },
        on_success: {
          type: "array",
          description: "Notification destination ids (at most 3).",
          items: {
            $ref: "#/$defs/Webhook"
          },
          maxItems: 3
        },
        on_failure: {
          type: "array",
          description: "Notification destination ids (at most 3).",
          items: {
            $ref: "#/$defs/Webhook"
          },
          maxItems: 3
        },
        on_duration_warning_threshold_exceeded: {
          type: "array",
          description: "Notification destination ids (at most 3).",
          items: {
            $ref: "#/$defs/Webhook"
          },
          maxItems: 3
        },
        on_streaming_backlog_exceeded: {
          type: "array",
          description: "Notification destination ids (at most 3).",
          items: {
            $ref: "#/$defs/Webhook"
          },
          maxItems: 3
        }
      },
      additionalProperties: false
    },
    JobNotificationSettings: {
      type: "object",
      properties: {
        no_alert_for_skipped_runs: {
          type: "boolean"
        },
        no_alert_for_canceled_runs: {
          type: "boolean"
        }
      },
      additionalProperties: false
    },
    TaskNotificationSettings: {
      type: "object",
      properties: {
        no_alert_for_skipped_runs: {
          type: "boolean"
        },
        no_alert_for_canceled_runs: {
          type: "boolean"
        },
        alert_on_last_attempt: {
          type: "boolean"
        }
      },
      additionalProperties: false
    },
    GitSource: {
      type: "object",
      properties: {
        git_url: {
          type: "string",
          minLength: 1
        },
        git_provider: {
          type: "string",
          description: "One of gitHub, gitHubEnterprise, bitbucketCloud, bitbucketServer, azureDevOpsServices, gitLab, gitLabEnterpriseEdition, awsCodeCommit (case-insensitive).",
          pattern: "^([gG][iI][tT][hH][uU][bB]|[gG][iI][tT][hH][uU][bB][eE][nN][tT][eE][rR][pP][rR][iI][sS][eE]|[bB][iI][tT][bB][uU][cC][kK][eE][tT][cC][lL][oO][uU][dD]|[bB][iI][tT][bB][uU][cC][kK][eE][tT][sS][eE][rR][vV][eE][rR]|[aA][zZ][uU][rR][eE][dD][eE][vV][oO][pP][sS][sS][eE][rR][vV][iI][cC][eE][sS]|[gG][iI][tT][lL][aA][bB]|[gG][iI][tT][lL][aA][bB][eE][nN][tT][eE][rR][pP][rR][iI][sS][eE][eE][dD][iI][tT][iI][oO][nN]|[aA][wW][sS][cC][oO][dD][eE][cC][oO][mM][mM][iI][tT])$",
          "x-hint": "use one of gitHub, gitHubEnterprise, bitbucketCloud, bitbucketServer, azureDevOpsServices, gitLab, gitLabEnterpriseEdition, awsCodeCommit"
        },
        git_branch: {
          type: "string",
          minLength: 1
        },
        git_tag: {
          type: "string",
          minLength: 1
        },
        git_commit: {
          type: "string",
          minLength: 1
        },
        git_snapshot: {
          type: "object",
          properties: {
            used_commit: {
              type: "string"
            }
          },
          additionalProperties: false
        },
        job_source: {
          type: "object",
          properties: {
            job_config_path: {
              type: "string",
              minLength: 1
            },
            import_from_git_branch: {
              type: "string",
              minLength: 1
            },
            dirty_state: {
              type: "string",
              enum: ["NOT_SYNCED", "DISCONNECTED"]
            }
          },
          additionalProperties: false,
          required: ["job_config_path", "import_from_git_branch"]
        },
        sparse_checkout: {
          type: "object",
          properties: {
            patterns: {
              type: "array",
              items: {
                type: "string"
              }
            }
          },
          additionalProperties: false
        }
      },
      additionalProperties: false,
      required: ["git_url", "git_provider"],
      oneOf: [
        {
          required: ["git_branch"]
        },
        {
          required: ["git_tag"]
        },
        {
          required: ["git_commit"]
        },
        {
          not: {
            anyOf: [
              {
                required: ["git_branch"]
              },
              {
                required: ["git_tag"]
              },
              {
                required: ["git_commit"]
              }
            ]
          }
        }
      ]
    },
    Queue: {
      type: "object",
      properties: {
        enabled: {
          type: "boolean",
          description: "Queue runs that cannot start yet (passive regions get false)."
        }
      },
      additionalProperties: false,
      required: ["enabled"]
    },
    RunAs: {
      type: "object",
      properties: {
        user_name: {
          type: "string",
          minLength: 1
        },
        service_principal_name: {
          type: "string",
          description: "The application id of a service principal.",
          minLength: 1
        },
        group_name: {
          type: "string",
          minLength: 1
        }
      },
      additionalProperties: false,
      oneOf: [
        {
          required: ["user_name"]
        },
        {
          required: ["service_principal_name"]
        },
        {
          required: ["group_name"]
        }
      ]
    },
    HealthRules: {
      type: "object",
      properties: {
        rules: {
          type: "array",
          items: {
            type: "object",
            properties: {
              metric: {
                type: "string",
                enum: [
                  "RUN_DURATION_SECONDS",
                  "STREAMING_BACKLOG_BYTES",
                  "STREAMING_BACKLOG_RECORDS",
                  "STREAMING_BACKLOG_SECONDS",
                  "STREAMING_BACKLOG_FILES"
                ]
              },
              op: {
                type: "string",
                enum: ["GREATER_THAN"]
              },
              value: {
                type: "integer",
                minimum: 0
              }
            },
            additionalProperties: false,
            required: ["metric", "op", "value"]
          }
        }
      },
      additionalProperties: false
    },
    Deployment: {
      type: "object",
      properties: {
        kind: {
          type: "string",
          enum: ["BUNDLE", "SYSTEM_MANAGED"]
        },
        metadata_file_path: {
          type: "string"
        }
      },
      additionalProperties: false,
      required: ["kind"]
    },
    AccessControl: {
      type: "object",
      properties: {
        user_name: {
          type: "string",
          minLength: 1
        },
        group_name: {
          type: "string",
          minLength: 1
        },
        service_principal_name: {
          type: "string",
          minLength: 1
        },
        permission_level: {
          type: "string",
          enum: ["CAN_MANAGE", "CAN_MANAGE_RUN", "CAN_VIEW", "IS_OWNER"]
        }
      },
      additionalProperties: false,
      required: ["permission_level"],
      oneOf: [
        {
          required: ["user_name"]
        },
        {
          required: ["group_name"]
        },
        {
          required: ["service_principal_name"]
        }
      ]
    },
    AutoScale: {
      type: "object",
      properties: {
        min_workers: {
          type: "integer",
          description: "Fewest workers the cluster scales down to (also the starting size).",
          minimum: 0
        },
        max_workers: {
          type: "integer",
          description: "Most workers the cluster scales up to; at least min_workers.",
          minimum: 1
        }
      },
      additionalProperties: false,
      required: ["min_workers", "max_workers"]
    },
    AzureAttributes: {
      type: "object",
      properties: {
        availability: {
          type: "string",
          enum: ["ON_DEMAND_AZURE", "SPOT_AZURE", "SPOT_WITH_FALLBACK_AZURE"]
        },
        first_on_demand: {
          type: "integer",
          description: "The first N nodes (the driver first) are on-demand.",
          minimum: 0
        },
        spot_bid_max_price: {
          type: "number",
          description: "Max spot price; -1 (default) means evict on capacity only.",
          minimum: -1
        },
        log_analytics_info: {
          $ref: "#/$defs/LogAnalyticsInfo"
        },
        capacity_reservation_group: {
          type: "string"
        }
      },
      additionalProperties: false
    },
    LogAnalyticsInfo: {
      type: "object",
      properties: {
        log_analytics_workspace_id: {
          type: "string"
        },
        log_analytics_primary_key: {
          type: "string"
        }
      },
      additionalProperties: false
    },
    AwsAttributes: {
      type: "object",
      properties: {
        availability: {
          type: "string",
          enum: ["SPOT", "ON_DEMAND", "SPOT_WITH_FALLBACK"]
        },
        ebs_volume_count: {
          type: "integer",
          minimum: 0
        },
        ebs_volume_iops: {
          type: "integer",
          minimum: 0
        },
        ebs_volume_size: {
          type: "integer",
          minimum: 0
        },
        ebs_volume_throughput: {
          type: "integer",
          minimum: 0
        },
        ebs_volume_type: {
          type: "string",
          enum: ["GENERAL_PURPOSE_SSD", "THROUGHPUT_OPTIMIZED_HDD"]
        },
        first_on_demand: {
          type: "integer",
          minimum: 0
        },
        instance_profile_arn: {
          type: "string"
        },
        spot_bid_price_percent: {
          type: "integer",
          minimum: 0
        },
        zone_id: {
          type: "string"
        }
      },
      additionalProperties: false
    },
    GcpAttributes: {
      type: "object",
      properties: {
        availability: {
          type: "string",
          enum: ["PREEMPTIBLE_GCP", "ON_DEMAND_GCP", "PREEMPTIBLE_WITH_FALLBACK_GCP"]
        },
        boot_disk_size: {
          type: "integer",
          minimum: 0
        },
        first_on_demand: {
          type: "integer",
          minimum: 0
        },
        google_service_account: {
          type: "string"
        },
        local_ssd_count: {
          type: "integer",
          minimum: 0
        },
        use_preemptible_executors: {
          type: "boolean"
        },
        zone_id: {
          type: "string"
        }
      },
      additionalProperties: false
    },
    Destination: {
      type: "object",
      properties: {
        destination: {
          type: "string",
          minLength: 1
        }
      },
      additionalProperties: false,
      required: ["destination"]
    },
    S3StorageInfo: {
      type: "object",
      properties: {
        destination: {
          type: "string",
          minLength: 1
        },
        region: {
          type: "string"
        },
        endpoint: {
          type: "string"
        },
        enable_encryption: {
          type: "boolean"
        },
        encryption_type: {
          type: "string"
        },
        kms_key: {
          type: "string"
        },
        canned_acl: {
          type: "string"
        }
      },
      additionalProperties: false,
      required: ["destination"]
    },
    InitScriptInfo: {
      type: "object",
      properties: {
        workspace: {
          description: 'A workspace file, e.g. {"destination": "/Shared/init/setup.sh"}.',
          $ref: "#/$defs/Destination"
        },
        volumes: {
          description: 'A Unity Catalog volume file, e.g. {"destination": "/Volumes/main/default/init/setup.sh"}.',
          $ref: "#/$defs/Destination"
        },
        abfss: {
          description: 'An ADLS Gen2 file, e.g. {"destination": "abfss://init@account.dfs.core.windows.net/setup.sh"}.',
          $ref: "#/$defs/Destination"
        },
        dbfs: {
          description: "Deprecated: a DBFS file.",
          $ref: "#/$defs/Destination"
        },
        file: {
          description: 'A file on the node, e.g. {"destination": "file:/my/local/file.sh"}.',
          $ref: "#/$defs/Destination"
        },
        gcs: {
          $ref: "#/$defs/Destination"
        },
        s3: {
          $ref: "#/$defs/S3StorageInfo"
        }
      },
      additionalProperties: false,
      oneOf: [
        {
          required: ["workspace"]
        },
        {
          required: ["volumes"]
        },
        {
          required: ["abfss"]
        },
        {
          required: ["dbfs"]
        },
        {
          required: ["file"]
        },
        {
          required: ["gcs"]
        },
        {
          required: ["s3"]
        }
      ]
    },
    ClusterLogConf: {
      type: "object",
      properties: {
        dbfs: {
          $ref: "#/$defs/Destination"
        },
        volumes: {
          $ref: "#/$defs/Destination"
        },
        s3: {
          $ref: "#/$defs/S3StorageInfo"
        }
      },
      additionalProperties: false,
      oneOf: [
        {
          required: ["dbfs"]
        },
        {
          required: ["volumes"]
        },
        {
          required: ["s3"]
        }
      ]
    },
    DockerImage: {
      type: "object",
      properties: {
        url: {
          type: "string",
          description: "Docker image URL.",
          minLength: 1
        },
        basic_auth: {
          type: "object",
          properties: {
            username: {
              type: "string"
            },
            password: {
              type: "string",
              description: "Use a {{secrets/scope/key}} reference, never a literal password."
            }
          },
          additionalProperties: false
        }
      },
      additionalProperties: false
    },
    WorkloadType: {
      type: "object",
      properties: {
        clients: {
          type: "object",
          properties: {
            jobs: {
              type: "boolean"
            },
            notebooks: {
              type: "boolean"
            }
          },
          additionalProperties: false
        }
      },
      additionalProperties: false,
      required: ["clients"]
    },
    NodeTypeFlexibility: {
      type: "object",
      properties: {
        alternate_node_type_ids: {
          type: "array",
          items: {
            type: "string"
          }
        }
      },
      additionalProperties: false
    },
    ClusterSpec: {
      type: "object",
      description: "A cluster specification (Clusters API create spec).",
      properties: {
        cluster_name: {
          type: "string",
          description: "Cluster name (clusters/*.json: required, the key this tool matches by)."
        },
        spark_version: {
          type: "string",
          description: 'Databricks Runtime version key, e.g. "15.4.x-scala2.12".',
          minLength: 1
        },
        node_type_id: {
          type: "string",
          description: 'Worker VM type, e.g. "Standard_DS3_v2".',
          minLength: 1
        },
        driver_node_type_id: {
          type: "string",
          description: "Driver VM type; defaults to node_type_id.",
          minLength: 1
        },
        num_workers: {
          type: "integer",
          description: "Fixed number of workers (0 for a single-node cluster). Use either num_workers or autoscale.",
          minimum: 0
        },
        autoscale: {
          description: "Autoscaling range. Use either num_workers or autoscale.",
          $ref: "#/$defs/AutoScale"
        },
        autotermination_minutes: {
          type: "integer",
          description: "Minutes of inactivity before the cluster terminates: 10 to 10000, or 0 to disable.",
          minimum: 0,
          maximum: 1e4
        },
        azure_attributes: {
          $ref: "#/$defs/AzureAttributes"
        },
        aws_attributes: {
          $ref: "#/$defs/AwsAttributes"
        },
        gcp_attributes: {
          $ref: "#/$defs/GcpAttributes"
        },
        init_scripts: {
          type: "array",
          description: "Init scripts, run in order.",
          items: {
            $ref: "#/$defs/InitScriptInfo"
          }
        },
        spark_conf: {
          type: "object",
          description: "Spark configuration. Values are strings (numbers and booleans are accepted, as the API does). {{secrets/scope/key}} references are resolved by Databricks.",
          additionalProperties: {
            type: ["string", "number", "boolean"]
          }
        },
        spark_env_vars: {
          type: "object",
          description: "Environment variables for the driver and workers.",
          additionalProperties: {
            type: ["string", "number", "boolean"]
          }
        },
        custom_tags: {
          type: "object",
          description: "Tags on the cluster's cloud resources (at most 45; the tool adds one).",
          additionalProperties: {
            type: "string"
          },
          maxProperties: 45
        },
        cluster_log_conf: {
          $ref: "#/$defs/ClusterLogConf"
        },
        data_security_mode: {
          type: "string",
          enum: [
            "NONE",
            "SINGLE_USER",
            "USER_ISOLATION",
            "LEGACY_TABLE_ACL",
            "LEGACY_PASSTHROUGH",
            "LEGACY_SINGLE_USER",
            "LEGACY_SINGLE_USER_STANDARD",
            "DATA_SECURITY_MODE_STANDARD",
            "DATA_SECURITY_MODE_DEDICATED",
            "DATA_SECURITY_MODE_AUTO"
          ]
        },
        single_user_name: {
          type: "string",
          description: "The user (or group) of a SINGLE_USER / DATA_SECURITY_MODE_DEDICATED cluster."
        },
        runtime_engine: {
          type: "string",
          description: 'Not allowed with a "-photon-" spark_version.',
          enum: ["NULL", "STANDARD", "PHOTON"]
        },
        enable_elastic_disk: {
          type: "boolean"
        },
        enable_local_disk_encryption: {
          type: "boolean"
        },
        instance_pool_id: {
          type: "string"
        },
        driver_instance_pool_id: {
          type: "string"
        },
        policy_id: {
          type: "string"
        },
        policy_name: {
          type: "string",
          minLength: 1,
          description: "databricks-dr: the cluster policy's name; resolved to policy_id in each region (ids differ per workspace)."
        },
        instance_pool_name: {
          type: "string",
          minLength: 1,
          description: "databricks-dr: the instance pool's name; resolved to instance_pool_id in each region."
        },
        driver_instance_pool_name: {
          type: "string",
          minLength: 1,
          description: "databricks-dr: the driver's instance pool name; resolved to driver_instance_pool_id in each region."
        },
        apply_policy_default_values: {
          type: "boolean"
        },
        docker_image: {
          $ref: "#/$defs/DockerImage"
        },
        ssh_public_keys: {
          type: "array",
          description: "At most 10 keys.",
          items: {
            type: "string"
          },
          maxItems: 10
        },
        is_single_node: {
          type: "boolean",
          description: "Only with kind: CLASSIC_PREVIEW."
        },
        kind: {
          type: "string",
          enum: ["CLASSIC_PREVIEW"]
        },
        use_ml_runtime: {
          type: "boolean",
          description: "Only with kind: CLASSIC_PREVIEW."
        },
        workload_type: {
          $ref: "#/$defs/WorkloadType"
        },
        remote_disk_throughput: {
          type: "integer",
          minimum: 0
        },
        total_initial_remote_disk_size: {
          type: "integer",
          minimum: 0
        },
        driver_node_type_flexibility: {
          $ref: "#/$defs/NodeTypeFlexibility"
        },
        worker_node_type_flexibility: {
          $ref: "#/$defs/NodeTypeFlexibility"
        }
      },
      additionalProperties: false,
      oneOf: [
        {
          required: ["num_workers"]
        },
        {
          required: ["autoscale"]
        },
        {
          not: {
            anyOf: [
              {
                required: ["num_workers"]
              },
              {
                required: ["autoscale"]
              }
            ]
          }
        }
      ]
    }
  }
};

// src/core/validate/cron.ts
var MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
var DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
var FIELDS = [
  { name: "seconds", min: 0, max: 59, maxStep: 59 },
  { name: "minutes", min: 0, max: 59, maxStep: 59 },
  { name: "hours", min: 0, max: 23, maxStep: 23 },
  { name: "day-of-month", min: 1, max: 31, maxStep: 31 },
  { name: "month", min: 1, max: 12, names: MONTHS, maxStep: 12 },
  { name: "day-of-week", min: 1, max: 7, names: DAYS, maxStep: 7 },
  { name: "year", min: 1970, max: 2099, maxStep: 129 }
];
var CRON_FORMAT = 'seconds minutes hours day-of-month month day-of-week [year], e.g. "0 0 2 * * ?"';
function quartzCronProblem(expression) {
  const parts = expression.trim().split(/\s+/).filter((p) => p !== "");
  if (parts.length !== 6 && parts.length !== 7) {
    const unix = parts.length === 5 ? `; this looks like a 5-field Unix cron: Quartz starts with seconds and needs "?" in day-of-month or day-of-week, e.g. "0 ${parts.slice(0, 4).join(" ")} ${parts[4] === "*" ? "?" : parts[4]}"` : "";
    return `it has ${parts.length} field${parts.length === 1 ? "" : "s"}; Quartz cron has 6 or 7 (${CRON_FORMAT})${unix}`;
  }
  const dom = parts[3];
  const dow = parts[5];
  if (dom === "?" && dow === "?") return '"?" may be used in day-of-month or in day-of-week, not both';
  if (dom !== "?" && dow !== "?")
    return `use "?" in day-of-month or in day-of-week (Quartz does not support both): e.g. "${parts.slice(0, 5).join(" ")} ?"${dow === "*" ? "" : ` or "${parts.slice(0, 3).join(" ")} ? ${parts[4]} ${dow}"`}`;
  for (let i = 0; i < parts.length; i++) {
    const problem = fieldProblem(parts[i], FIELDS[i], i);
    if (problem) return problem;
  }
  return void 0;
}
function fieldProblem(text, field, index) {
  if (text === "?")
    return index === 3 || index === 5 ? void 0 : `"?" is only allowed in day-of-month or day-of-week`;
  const upper = text.toUpperCase();
  if (index === 3 && /^(L|LW|L-\d{1,2}|\d{1,2}W)$/.test(upper)) {
    const n = /\d+/.exec(upper);
    if (n && (Number(n[0]) < 1 || Number(n[0]) > (upper.startsWith("L-") ? 30 : 31)))
      return `day-of-month "${text}" is out of range`;
    return void 0;
  }
  if (index === 5) {
    const special = /^([A-Z]{3}|\d)(L|#(\d))$/.exec(upper);
    if (upper === "L") return void 0;
    if (special) {
      const day = value(special[1], field);
      if (day === void 0 || day < 1 || day > 7)
        return `day-of-week "${text}" is out of range 1-7 (SUN-SAT)`;
      if (special[3] !== void 0 && (Number(special[3]) < 1 || Number(special[3]) > 5))
        return `day-of-week "${text}": the week number after "#" must be 1 to 5`;
      return void 0;
    }
  }
  for (const item of text.split(",")) {
    if (item === "") return `${field.name} "${text}" has an empty list item`;
    const problem = itemProblem(item, field);
    if (problem) return problem;
  }
  return void 0;
}
function itemProblem(item, field) {
  const [range, step, extra] = item.split("/");
  if (extra !== void 0) return `${field.name} "${item}" has more than one "/"`;
  if (step !== void 0) {
    if (!/^\d+$/.test(step)) return `${field.name} "${item}": the step after "/" must be a number`;
    const s = Number(step);
    if (s < 1 || s > field.maxStep) return `${field.name} "${item}": the step must be 1 to ${field.maxStep}`;
  }
  if (range === "*") return void 0;
  const bounds = range.split("-");
  if (bounds.length > 2 || bounds.some((b) => b === ""))
    return `${field.name} "${item}" is not a value or a range`;
  for (const b of bounds) {
    const v = value(b.toUpperCase(), field);
    if (v === void 0) {
      const names = field.names ? ` or ${field.names[0]}-${field.names[field.names.length - 1]}` : "";
      return `${field.name} "${b}" is not a number${names}`;
    }
    if (v < field.min || v > field.max) {
      return `${field.name} ${b} is out of range ${field.min}-${field.max}${field.names ? ` (${field.names[0]}-${field.names[field.names.length - 1]})` : ""}`;
    }
  }
  return void 0;
}
function value(text, field) {
  if (/^\d+$/.test(text)) return Number(text);
  const i = field.names?.indexOf(text) ?? -1;
  return i >= 0 ? field.min + i : void 0;
}

// src/core/validate/timezone.ts
var JAVA_LEGACY_IDS = /* @__PURE__ */ new Set([
  "ACT",
  "AET",
  "AGT",
  "ART",
  "AST",
  "BET",
  "BST",
  "CAT",
  "CNT",
  "CST",
  "CTT",
  "EAT",
  "ECT",
  "EST",
  "HST",
  "IET",
  "IST",
  "JST",
  "MIT",
  "MST",
  "NET",
  "NST",
  "PLT",
  "PNT",
  "PRT",
  "PST",
  "SST",
  "VST",
  "UTC",
  "GMT",
  "UCT",
  "UT",
  "Universal",
  "Zulu",
  "Greenwich",
  "GMT0",
  "CET",
  "EET",
  "MET",
  "WET",
  "EST5EDT",
  "CST6CDT",
  "MST7MDT",
  "PST8PDT"
]);
var UPPER_SEGMENTS = /* @__PURE__ */ new Set(["EST5EDT", "CST6CDT", "MST7MDT", "PST8PDT", "NZ-CHAT", "W-SU", "GMT0"]);
var OFFSET = /^(GMT|UTC|UT)[+-](\d{1,2})(:?(\d{2}))?$/;
var canonical;
function canonicalIds() {
  canonical ??= Intl.supportedValuesOf("timeZone");
  return canonical;
}
function resolve2(id) {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: id }).resolvedOptions().timeZone;
  } catch {
    return void 0;
  }
}
var cache = /* @__PURE__ */ new Map();
function checkTimeZone(id) {
  let result = cache.get(id);
  if (!result) {
    result = check(id);
    if (cache.size < 1e4) cache.set(id, result);
  }
  return result;
}
function check(id) {
  if (JAVA_LEGACY_IDS.has(id)) return { ok: true };
  const offset = OFFSET.exec(id);
  if (offset) {
    const ok = Number(offset[2]) <= 18 && (offset[4] === void 0 || Number(offset[4]) < 60);
    return { ok };
  }
  const suggest = () => ({ ok: false, suggestion: closest(id, canonicalIds()) });
  if (!/^[A-Za-z]/.test(id)) return suggest();
  const resolved = resolve2(id);
  if (resolved === void 0) return suggest();
  if (resolved === id) return { ok: true };
  if (resolved.toLowerCase() === id.toLowerCase()) return { ok: false, suggestion: resolved };
  const cased = id.split("/").every(
    (seg) => /^[A-Z][A-Za-z0-9_+-]*$/.test(seg) && (seg.length <= 4 || UPPER_SEGMENTS.has(seg) || /[a-z]/.test(seg))
  );
  return cased ? { ok: true } : { ok: false, suggestion: resolved };
}

// src/core/validate/job-rules.ts
var TASK_TYPES = [
  "notebook_task",
  "spark_python_task",
  "python_wheel_task",
  "spark_jar_task",
  "spark_submit_task",
  "pipeline_task",
  "sql_task",
  "dbt_task",
  "run_job_task",
  "condition_task",
  "for_each_task",
  "clean_rooms_notebook_task",
  "dashboard_task",
  "power_bi_task",
  "gen_ai_compute_task",
  "dbt_cloud_task",
  "dbt_platform_task"
];
var SINGLE_TASK_TYPES = [
  "notebook_task",
  "spark_jar_task",
  "spark_python_task",
  "spark_submit_task",
  "python_wheel_task",
  "pipeline_task"
];
var SINGLE_TASK_FIELDS = [
  ...SINGLE_TASK_TYPES,
  "existing_cluster_id",
  "existing_cluster_name",
  "new_cluster",
  "libraries",
  "max_retries",
  "min_retry_interval_millis",
  "retry_on_timeout"
];
var COMPUTE_FIELDS = [
  "existing_cluster_name",
  "existing_cluster_id",
  "job_cluster_key",
  "new_cluster",
  "environment_key"
];
var COMPUTE_HINT = "set existing_cluster_name (a cluster in clusters/ or external_clusters), job_cluster_key, new_cluster, existing_cluster_id or environment_key";
var TASK_FIELDS = new Set(Object.keys(job_schema_default.$defs.Task.properties));
var JOB_FIELDS = new Set(Object.keys(job_schema_default.properties));
function taskLabel(task, pointer) {
  if (typeof task.task_key === "string" && task.task_key !== "") return `task "${task.task_key}"`;
  if (pointer === "") return "the job";
  const segs = pointer.split("/");
  return /^\d+$/.test(segs[segs.length - 1]) ? `tasks[${segs[segs.length - 1]}]` : "the task";
}
function allTasks(job) {
  if (!isObject4(job)) return [];
  const out = [];
  const add = (task, pointer) => {
    if (!isObject4(task)) return;
    out.push({ task, pointer, label: taskLabel(task, pointer) });
    const fe = task.for_each_task;
    if (isObject4(fe) && isObject4(fe.task)) add(fe.task, `${pointer}/for_each_task/task`);
  };
  if (Array.isArray(job.tasks))
    job.tasks.forEach((t, i) => {
      add(t, `/tasks/${i}`);
    });
  else if (SINGLE_TASK_TYPES.some((t) => t in job)) add(job, "");
  return out;
}
function usesServerless(job) {
  if (typeof job.performance_target === "string") return true;
  if (Array.isArray(job.environments) && job.environments.length > 0) return true;
  return allTasks(job).some((t) => typeof t.task.environment_key === "string");
}
function needsCompute(type, body, serverless) {
  const b = isObject4(body) ? body : {};
  switch (type) {
    case "notebook_task":
      return !serverless && typeof b.warehouse_id !== "string";
    case "dbt_task":
      return typeof b.warehouse_id !== "string";
    case "spark_python_task":
    case "python_wheel_task":
    case "spark_jar_task":
    case "spark_submit_task":
      return true;
    default:
      return false;
  }
}
function keyOf(field) {
  return field.replace(/~/g, "~0").replace(/\//g, "~1");
}
function jobIssues(job) {
  if (!isObject4(job)) return [];
  const out = [];
  const serverless = usesServerless(job);
  const tasks = Array.isArray(job.tasks) ? job.tasks : void 0;
  const singleFields = SINGLE_TASK_FIELDS.filter((f) => f in job);
  if (tasks !== void 0) {
    for (const f of singleFields) {
      out.push(
        issue(
          `/${f}`,
          `"${f}" at the top level belongs to the Jobs 2.0 single-task form and cannot be combined with "tasks": move it into a task`,
          { target: "key" }
        )
      );
    }
    if (tasks.length === 0) out.push(issue("/tasks", "tasks is empty: add at least one task"));
  } else if (SINGLE_TASK_TYPES.some((t) => t in job)) {
    out.push(...singleTaskJobIssues(job));
  } else if (job.tasks === void 0) {
    out.push(
      issue(
        "",
        `the job has no tasks: add "tasks": [{"task_key": "main", "notebook_task": {\u2026}, "existing_cluster_name": \u2026}] (or, Jobs 2.0 style, one of ${oneOfWords([...SINGLE_TASK_TYPES])} at the top level)`
      )
    );
  }
  if (tasks === void 0 && Array.isArray(job.job_clusters) && SINGLE_TASK_TYPES.some((t) => t in job)) {
    out.push(
      issue("/job_clusters", 'job_clusters needs the multi-task form: move the task into "tasks"', {
        target: "key"
      })
    );
  }
  const taskIndex = /* @__PURE__ */ new Map();
  if (tasks) {
    tasks.forEach((t, i) => {
      if (!isObject4(t) || typeof t.task_key !== "string") return;
      const first = taskIndex.get(t.task_key);
      if (first !== void 0)
        out.push(
          issue(
            `/tasks/${i}/task_key`,
            `task_key "${t.task_key}" is already used by tasks[${first}]: task keys must be unique within a job`
          )
        );
      else taskIndex.set(t.task_key, i);
    });
  }
  const clusterKeys = uniqueKeys(job.job_clusters, "job_clusters", "job_cluster_key", out);
  const envKeys = uniqueKeys(job.environments, "environments", "environment_key", out);
  uniqueKeys(job.parameters, "parameters", "name", out);
  for (const ref of allTasks(job))
    out.push(...taskIssues(ref, serverless, clusterKeys, envKeys, ref.pointer === ""));
  for (const ref of allTasks(job)) out.push(...nameReferenceIssues(ref));
  if (tasks) out.push(...dependencyIssues(tasks, taskIndex));
  if (Array.isArray(job.job_clusters)) {
    job.job_clusters.forEach((jc, i) => {
      if (isObject4(jc)) out.push(...clusterSpecIssues(jc.new_cluster, `/job_clusters/${i}/new_cluster`));
    });
  }
  if (isObject4(job.schedule)) out.push(...scheduleIssues(job.schedule));
  out.push(...tagIssues(job.tags, "/tags", "tag", MAX_JOB_TAGS));
  return out;
}
function singleTaskJobIssues(job) {
  const out = [];
  const types3 = SINGLE_TASK_TYPES.filter((t) => t in job);
  if (types3.length > 1) {
    out.push(
      issue(
        `/${types3[1]}`,
        `a Jobs 2.0 job runs one task, but this one has ${oneOfWords(types3, "and")}: keep one, or use "tasks"`,
        { target: "key" }
      )
    );
  }
  return out;
}
function uniqueKeys(list, field, key, out) {
  const seen = /* @__PURE__ */ new Map();
  if (!Array.isArray(list)) return /* @__PURE__ */ new Set();
  list.forEach((item, i) => {
    if (!isObject4(item) || typeof item[key] !== "string") return;
    const k = item[key];
    const first = seen.get(k);
    if (first !== void 0)
      out.push(
        issue(
          `/${field}/${i}/${key}`,
          `${key} "${k}" is already used by ${field}[${first}]: it must be unique`
        )
      );
    else seen.set(k, i);
  });
  return new Set(seen.keys());
}
function taskIssues(ref, serverless, clusterKeys, envKeys, topLevel) {
  const { task, pointer: at, label } = ref;
  const out = [];
  const candidates = topLevel ? SINGLE_TASK_TYPES : TASK_TYPES;
  const types3 = candidates.filter((t) => t in task);
  const known = topLevel ? JOB_FIELDS : TASK_FIELDS;
  const misspelt = Object.keys(task).some((k) => !known.has(k));
  if (!topLevel) {
    if (types3.length === 0 && !misspelt) {
      out.push(
        issue(
          at,
          `${label} has no task type: add one of notebook_task, spark_python_task, python_wheel_task, spark_jar_task, sql_task, dbt_task, pipeline_task, run_job_task, condition_task, for_each_task, \u2026`
        )
      );
    } else if (types3.length > 1) {
      out.push(
        issue(
          `${at}/${types3[1]}`,
          `${label} has more than one task type (${oneOfWords(types3, "and")}): a task runs exactly one; split it into separate tasks`,
          { target: "key" }
        )
      );
    }
  }
  const computeFields = topLevel ? ["existing_cluster_name", "existing_cluster_id", "new_cluster"] : COMPUTE_FIELDS;
  const compute = computeFields.filter((c) => c in task);
  if (compute.length > 1) {
    out.push(
      issue(
        `${at}/${keyOf(compute[1])}`,
        `${label} has more than one compute choice (${oneOfWords(compute, "and")}): keep one`,
        { target: "key" }
      )
    );
  } else if (compute.length === 0 && !misspelt && types3.length === 1 && needsCompute(types3[0], task[types3[0]], serverless)) {
    const serverlessHint = types3[0] === "notebook_task" ? "; to run it on serverless compute, set performance_target or environments on the job" : "";
    out.push(
      issue(
        at,
        topLevel ? `the job (${types3[0]}) needs compute: set existing_cluster_name (a cluster in clusters/ or external_clusters), new_cluster or existing_cluster_id` : `${label} (${types3[0]}) needs compute: ${COMPUTE_HINT}${serverlessHint}`
      )
    );
  }
  if (typeof task.job_cluster_key === "string" && !topLevel) {
    const k = task.job_cluster_key;
    if (!clusterKeys.has(k)) {
      out.push(
        issue(
          `${at}/job_cluster_key`,
          clusterKeys.size === 0 ? `job_cluster_key "${k}" is not defined: this job has no job_clusters; add {"job_cluster_key": "${k}", "new_cluster": {\u2026}} to job_clusters` : `job_cluster_key "${k}" is not defined in job_clusters${didYouMean(k, clusterKeys) || ` (defined: ${[...clusterKeys].join(", ")})`}`
        )
      );
    }
  }
  if (typeof task.environment_key === "string" && !topLevel) {
    const k = task.environment_key;
    if (!envKeys.has(k)) {
      out.push(
        issue(
          `${at}/environment_key`,
          envKeys.size === 0 ? `environment_key "${k}" is not defined: this job has no environments; add {"environment_key": "${k}", "spec": {\u2026}} to environments` : `environment_key "${k}" is not defined in environments${didYouMean(k, envKeys) || ` (defined: ${[...envKeys].join(", ")})`}`
        )
      );
    }
  }
  if ("spark_submit_task" in task && ("existing_cluster_id" in task || "existing_cluster_name" in task)) {
    const field = "existing_cluster_name" in task ? "existing_cluster_name" : "existing_cluster_id";
    out.push(
      issue(
        `${at}/${field}`,
        `spark_submit_task runs only on a new cluster: use new_cluster or job_cluster_key instead of ${field}`,
        {
          target: "key"
        }
      )
    );
  }
  out.push(...clusterSpecIssues(task.new_cluster, `${at}/new_cluster`));
  return out;
}
function dependencyIssues(tasks, taskIndex) {
  const out = [];
  const edges = /* @__PURE__ */ new Map();
  tasks.forEach((t, i) => {
    if (!isObject4(t) || !Array.isArray(t.depends_on)) return;
    const list = [];
    edges.set(i, list);
    t.depends_on.forEach((d, k) => {
      if (!isObject4(d) || typeof d.task_key !== "string") return;
      const p = `/tasks/${i}/depends_on/${k}`;
      const target = taskIndex.get(d.task_key);
      if (d.task_key === t.task_key) {
        out.push(issue(`${p}/task_key`, `task "${d.task_key}" cannot depend on itself`));
        return;
      }
      if (target === void 0) {
        out.push(
          issue(
            `${p}/task_key`,
            `depends_on "${d.task_key}" is not a task of this job${didYouMean(d.task_key, taskIndex.keys()) || `: use the task_key of another task`}`
          )
        );
        return;
      }
      const targetTask = tasks[target];
      if (typeof d.outcome === "string" && isObject4(targetTask) && !("condition_task" in targetTask)) {
        out.push(
          issue(
            `${p}/outcome`,
            `outcome is only for dependencies on a condition_task, and "${d.task_key}" is not one: remove outcome`
          )
        );
      }
      list.push({ to: target, pointer: p });
    });
  });
  const state = /* @__PURE__ */ new Map();
  const stack = [];
  const reported = /* @__PURE__ */ new Set();
  const keyName = (i) => {
    const t = tasks[i];
    return isObject4(t) && typeof t.task_key === "string" ? t.task_key : `tasks[${i}]`;
  };
  const visit2 = (i) => {
    state.set(i, "open");
    stack.push(i);
    for (const e of edges.get(i) ?? []) {
      const s = state.get(e.to);
      if (s === "open") {
        const cycle = stack.slice(stack.indexOf(e.to));
        const id = [...cycle].sort((a, b) => a - b).join(",");
        if (!reported.has(id)) {
          reported.add(id);
          const names = [...cycle.map(keyName), keyName(e.to)];
          out.push(
            issue(
              `${e.pointer}/task_key`,
              `tasks ${names.join(" \u2192 ")} form a dependency cycle: remove one of these depends_on entries`
            )
          );
        }
      } else if (s === void 0) visit2(e.to);
    }
    stack.pop();
    state.set(i, "done");
  };
  for (let i = 0; i < tasks.length; i++) if (!state.has(i)) visit2(i);
  return out;
}
function scheduleIssues(schedule) {
  const out = [];
  const cron = schedule.quartz_cron_expression;
  if (typeof cron === "string" && cron.trim() !== "") {
    const problem = quartzCronProblem(cron);
    if (problem)
      out.push(
        issue(
          "/schedule/quartz_cron_expression",
          `quartz_cron_expression "${cron}" is not valid: ${problem}`
        )
      );
  }
  const tz = schedule.timezone_id;
  if (typeof tz === "string" && tz !== "") {
    const check2 = checkTimeZone(tz);
    if (!check2.ok) {
      out.push(
        issue(
          "/schedule/timezone_id",
          `timezone_id "${tz}" is not a Java time-zone id${check2.suggestion ? ` \u2014 did you mean "${check2.suggestion}"?` : ': use an IANA id such as "UTC" or "Europe/Amsterdam"'}`
        )
      );
    }
  }
  return out;
}
function nameReferenceIssues(ref) {
  const out = [];
  const task = ref.task;
  if (!isObject4(task)) return out;
  const pairs = [
    ["sql_task", "warehouse_id", "warehouse_name", true],
    ["dbt_task", "warehouse_id", "warehouse_name", false],
    ["run_job_task", "job_id", "job_name", true]
  ];
  for (const [type, id, name, required] of pairs) {
    const block = task[type];
    if (!isObject4(block)) continue;
    const at = `${ref.pointer}/${type}`;
    if (id in block && name in block) {
      out.push(
        issue(
          `${at}/${name}`,
          `${type} has both ${id} and ${name}: keep ${name} (resolved in each region), or ${id}`,
          { target: "key" }
        )
      );
    } else if (required && !(id in block) && !(name in block)) {
      out.push(issue(at, `${type} needs ${name} (resolved to the ${id} of each region) or ${id}`));
    }
  }
  return out;
}

// src/core/validate/json-keys.ts
function hasDuplicateKeys(text) {
  const keys = [];
  let expectKey = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const start = i + 1;
      let escaped = false;
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 92) {
          escaped = true;
          i += 2;
          continue;
        }
        if (d === 34) break;
        i++;
      }
      const top = keys.length > 0 ? keys[keys.length - 1] : null;
      if (expectKey && top) {
        const raw = text.slice(start, i);
        const key = escaped ? JSON.parse(`"${raw}"`) : raw;
        if (top.has(key)) return true;
        top.add(key);
        expectKey = false;
      }
    } else if (c === 123) {
      keys.push(/* @__PURE__ */ new Set());
      expectKey = true;
    } else if (c === 91) {
      keys.push(null);
      expectKey = false;
    } else if (c === 125 || c === 93) {
      keys.pop();
      expectKey = false;
    } else if (c === 44) {
      expectKey = keys.length > 0 && keys[keys.length - 1] !== null;
    }
  }
  return false;
}

// src/core/validate/schema-messages.ts
var KIND_LABEL = {
  job: "the job",
  cluster: "the cluster",
  "secret-scope": "the secret scope",
  config: "the config"
};
var REQUIRED_HINTS = {
  name: "the job is matched by name in every region",
  cluster_name: "the cluster is matched by name in every region",
  spark_version: 'a Databricks Runtime version such as "15.4.x-scala2.12"',
  task_key: "give every task a unique task_key",
  quartz_cron_expression: 'e.g. "0 0 2 * * ?" (02:00 every day)',
  timezone_id: 'a Java time-zone id such as "UTC"',
  warehouse_id: "the id of a SQL warehouse",
  notebook_path: 'e.g. "/Shared/sales/etl/ingest"',
  python_file: "a workspace path or a cloud URI of the script",
  scope: "the name of the secret scope",
  env: "the environment variable that holds the secret value at deploy time",
  keyvault: 'an azure_keyvault scope needs {"resource_id": \u2026, "dns_name": \u2026}',
  resource_id: "the Key Vault resource id /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.KeyVault/vaults/<name>",
  dns_name: "the vault URI https://<name>.vault.azure.net/",
  enabled: "true or false",
  new_cluster: "the cluster specification of this job cluster",
  job_cluster_key: "a key tasks refer to in job_cluster_key",
  version: "write version: 1",
  regions: "a mapping of region name to {host, role, auth}",
  role: "active or passive",
  principal: "a user, group or service principal",
  permission: "READ, WRITE or MANAGE"
};
var TYPE_WORDS = {
  integer: "an integer",
  number: "a number",
  string: "a string",
  boolean: "true or false",
  object: "an object",
  array: "a list",
  null: "null"
};
function fieldName(pointer, schemaPath) {
  const segs = parsePointer(pointer);
  if (segs.length === 0) return "the document";
  const last = segs[segs.length - 1];
  const parent = segs.length > 1 ? segs[segs.length - 2] : void 0;
  if (/^\d+$/.test(last)) return `${parent ?? ""}[${last}]`;
  if (parent !== void 0 && schemaPath && /\/additionalProperties\/[^/]+$/.test(schemaPath)) {
    return /^[\w-]+$/.test(last) ? `${parent}.${last}` : `${parent}["${last}"]`;
  }
  return last;
}
function objectName(kind, root, pointer) {
  const segs = parsePointer(pointer);
  if (segs.length === 0) return KIND_LABEL[kind];
  const last = segs[segs.length - 1];
  const parent = segs.length > 1 ? segs[segs.length - 2] : void 0;
  if (/^\d+$/.test(last)) {
    if (parent === "tasks" || parent === "task" && segs[segs.length - 3] === "for_each_task") {
      const v = valueAt(root, pointer);
      if (isObject4(v) && typeof v.task_key === "string" && v.task_key !== "") return `task "${v.task_key}"`;
    }
    return `${parent ?? ""}[${last}]`;
  }
  if (last === "task" && parent === "for_each_task") {
    const v = valueAt(root, pointer);
    if (isObject4(v) && typeof v.task_key === "string" && v.task_key !== "") return `task "${v.task_key}"`;
  }
  if (parent === "regions" && kind === "config") return `region ${last}`;
  return last;
}
function fieldGroup(schema) {
  if (!Array.isArray(schema) || schema.length === 0) return void 0;
  const fields = [];
  let required = true;
  for (const branch of schema) {
    if (!isObject4(branch)) return void 0;
    const keys = Object.keys(branch);
    if (keys.length === 1 && keys[0] === "required" && Array.isArray(branch.required) && branch.required.length === 1) {
      fields.push(String(branch.required[0]));
    } else if (keys.length === 1 && keys[0] === "not" && isObject4(branch.not) && Array.isArray(branch.not.anyOf)) {
      required = false;
    } else return void 0;
  }
  return { fields, required };
}
function isUnder(child, parent) {
  if (child === parent) return false;
  const p = parent.instancePath;
  const c = child.instancePath;
  if (!(c === p || c.startsWith(`${p}/`))) return false;
  return child.schemaPath.startsWith(`${parent.schemaPath}/`);
}
function schemaIssues(errors, root, opts) {
  let remaining = [...errors];
  const out = [];
  const meant = /* @__PURE__ */ new Map();
  if (opts.unknownFields === "error") {
    for (const e of errors) {
      if (e.keyword !== "additionalProperties" || !isObject4(e.parentSchema) || !isObject4(e.parentSchema.properties))
        continue;
      const near = closest(String(e.params.additionalProperty), Object.keys(e.parentSchema.properties));
      if (near === void 0) continue;
      const set = meant.get(e.instancePath) ?? /* @__PURE__ */ new Set();
      set.add(near);
      meant.set(e.instancePath, set);
    }
  }
  remaining = remaining.filter(
    (e) => !(e.keyword === "required" && meant.get(e.instancePath)?.has(String(e.params.missingProperty)))
  );
  const composites = remaining.filter((e) => e.keyword === "oneOf" || e.keyword === "anyOf").sort(
    (a, b) => b.schemaPath.length - a.schemaPath.length || b.instancePath.length - a.instancePath.length
  );
  for (const c of composites) {
    if (!remaining.includes(c)) continue;
    const subs = remaining.filter((e) => isUnder(e, c));
    remaining = remaining.filter((e) => e !== c && !subs.includes(e));
    const data = valueAt(root, c.instancePath);
    const group = c.keyword === "oneOf" ? fieldGroup(c.schema) : void 0;
    if (group) {
      if (!isObject4(data)) continue;
      const present = Object.keys(data).filter((k) => group.fields.includes(k));
      const where = objectName(opts.kind, root, c.instancePath);
      if (present.length === 0) {
        if (group.fields.some((f) => meant.get(c.instancePath)?.has(f))) continue;
        out.push(issue(c.instancePath, `${where} needs one of ${oneOfWords(group.fields)}`));
      } else if (present.length > 1) {
        const second = present[1];
        out.push(
          issue(
            `${c.instancePath}/${second}`,
            `${where} takes only one of ${oneOfWords(group.fields)}, but has ${oneOfWords(present, "and")}: keep one`,
            { target: "key" }
          )
        );
      }
      continue;
    }
    const branches = /* @__PURE__ */ new Map();
    for (const s of subs) {
      const branch = s.schemaPath.slice(c.schemaPath.length + 1).split("/")[0];
      const list = branches.get(branch) ?? [];
      list.push(s);
      branches.set(branch, list);
    }
    const typed = [...branches.values()].filter(
      (list) => !list.some((e) => e.keyword === "type" && e.instancePath === c.instancePath)
    );
    if (typed.length > 0) {
      const best = typed.sort((a, b) => a.length - b.length)[0];
      remaining.push(...best);
    } else {
      const types3 = [...branches.values()].flatMap(
        (list) => list.filter((e) => e.keyword === "type").map((e) => e.params.type)
      ).flat();
      const words = [...new Set(types3)].map((t) => TYPE_WORDS[t] ?? t);
      out.push(
        issue(
          c.instancePath,
          `${fieldName(c.instancePath, c.schemaPath)} must be ${oneOfWords(words)}, got ${show(data)}`
        )
      );
    }
  }
  for (const e of remaining) {
    const m = message(e, root, opts);
    if (m) out.push({ ...m, keyword: e.keyword });
  }
  return out;
}
function message(e, root, opts) {
  const p = e.instancePath;
  const name = fieldName(p, e.schemaPath);
  const hint = isObject4(e.parentSchema) && typeof e.parentSchema["x-hint"] === "string" ? e.parentSchema["x-hint"] : void 0;
  const from = opts.whole?.get(p);
  const got = `got ${show(e.data)}${from ? ` (from ${from})` : ""}`;
  switch (e.keyword) {
    case "additionalProperties": {
      const field = String(e.params.additionalProperty);
      const known = isObject4(e.parentSchema) && isObject4(e.parentSchema.properties) ? Object.keys(e.parentSchema.properties) : [];
      const suggestion = didYouMean(
        field,
        known.filter((k) => k !== "$schema")
      );
      const where = objectName(opts.kind, root, p);
      const fix = suggestion || `: ${where} has no such field; remove it or check the spelling`;
      const warn = opts.unknownFields === "warn";
      return issue(
        `${p}/${escapeSegment(field)}`,
        `unknown field "${field}"${fix}${warn ? " (allowed by validation.unknown_fields: warn)" : ""}`,
        {
          target: "key",
          severity: warn ? "warning" : "error"
        }
      );
    }
    case "required": {
      const field = String(e.params.missingProperty);
      const where = objectName(opts.kind, root, p);
      const why = REQUIRED_HINTS[field];
      return issue(
        `${p}/${escapeSegment(field)}`,
        `${where} is missing required field "${field}"${why ? `: ${why}` : ""}`
      );
    }
    case "type": {
      const t = e.params.type;
      const words = (Array.isArray(t) ? t : String(t).split(",")).map((x) => TYPE_WORDS[x] ?? x);
      const quoted = typeof e.data === "string" && /^-?\d+(\.\d+)?$|^(true|false)$/.test(e.data) && !from;
      return issue(p, `${name} must be ${oneOfWords(words)}, ${got}${quoted ? ": remove the quotes" : ""}`);
    }
    case "enum": {
      const allowed = e.params.allowedValues.map(String);
      const value2 = e.data;
      const near = typeof value2 === "string" ? allowed.find((a) => a.toLowerCase() === value2.toLowerCase()) ?? closest(value2, allowed) : void 0;
      const suffix = near ? ` \u2014 did you mean "${near}"? (values are case-sensitive)` : "";
      return issue(
        p,
        `${show(value2)} is not a valid ${name}: use one of ${allowed.join(", ")}${suffix}${from ? ` (from ${from})` : ""}`
      );
    }
    case "const":
      return issue(p, `${name} must be ${JSON.stringify(e.params.allowedValue)}, ${got}`);
    case "maximum":
      return issue(p, `${name} must be at most ${e.params.limit}, ${got}`);
    case "minimum":
      return issue(p, `${name} must be at least ${e.params.limit}, ${got}`);
    case "exclusiveMaximum":
      return issue(p, `${name} must be less than ${e.params.limit}, ${got}`);
    case "exclusiveMinimum":
      return issue(p, `${name} must be greater than ${e.params.limit}, ${got}`);
    case "minLength":
      return Number(e.params.limit) === 1 ? issue(p, `${name} must not be empty`) : issue(p, `${name} must be at least ${e.params.limit} characters long`);
    case "maxLength":
      return issue(p, `${name} must be at most ${e.params.limit} characters, got ${String(e.data).length}`);
    case "minItems":
      return issue(
        p,
        `${name} needs at least ${e.params.limit} item${Number(e.params.limit) === 1 ? "" : "s"}`
      );
    case "maxItems":
      return issue(
        p,
        `${name} may have at most ${e.params.limit} items, got ${e.data.length}`
      );
    case "minProperties":
      return issue(p, `${name} needs at least ${e.params.limit} entries`);
    case "maxProperties":
      return issue(
        p,
        `${name} may have at most ${e.params.limit} entries, got ${Object.keys(e.data).length}`
      );
    case "pattern": {
      if (e.propertyName !== void 0) {
        return issue(
          `${p}/${escapeSegment(e.propertyName)}`,
          `${name} key "${e.propertyName}" is not valid${hint ? `: ${hint}` : `: it must match ${e.params.pattern}`}`,
          { target: "key" }
        );
      }
      return issue(
        p,
        `${name} ${show(e.data)} is not valid${hint ? `: ${hint}` : `: it must match ${e.params.pattern}`}${from ? ` (from ${from})` : ""}`
      );
    }
    case "propertyNames":
      return void 0;
    // the inner error (with propertyName) says it
    case "not": {
      const last = parsePointer(p).pop() ?? "";
      return issue(p, `"${last}" is not allowed here${hint ? `: ${hint}` : ""}`, { target: "key" });
    }
    case "if":
      return void 0;
    // the failing `then`/`else` branch reports the real problem
    case "false schema":
      return issue(p, `"${parsePointer(p).pop() ?? ""}" is not allowed here`, { target: "key" });
    case "uniqueItems":
      return issue(p, `${name} has duplicate items`);
    default:
      return issue(p, `${name}: ${e.message ?? "is not valid"}`);
  }
}
function escapeSegment(segment) {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

// src/core/validate/schemas.ts
var import__ = __toESM(require__(), 1);

// schemas/cluster.schema.json
var cluster_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "Databricks cluster (clusters/*.json)",
  description: 'A Clusters API create spec. The cluster is matched by cluster_name in every region; the tool adds the custom tag "databricks-dr".',
  type: "object",
  properties: {
    $schema: {
      type: "string",
      description: "The JSON Schema of this file (for editors); not sent to Databricks."
    },
    cluster_name: {
      type: "string",
      description: "Cluster name: the key this tool matches the cluster by in each region.",
      minLength: 1
    },
    spark_version: {
      type: "string",
      description: 'Databricks Runtime version key, e.g. "15.4.x-scala2.12".',
      minLength: 1
    },
    node_type_id: {
      type: "string",
      description: 'Worker VM type, e.g. "Standard_DS3_v2".',
      minLength: 1
    },
    driver_node_type_id: {
      type: "string",
      description: "Driver VM type; defaults to node_type_id.",
      minLength: 1
    },
    num_workers: {
      type: "integer",
      description: "Fixed number of workers (0 for a single-node cluster). Use either num_workers or autoscale.",
      minimum: 0
    },
    autoscale: {
      description: "Autoscaling range. Use either num_workers or autoscale.",
      $ref: "#/$defs/AutoScale"
    },
    autotermination_minutes: {
      type: "integer",
      description: "Minutes of inactivity before the cluster terminates: 10 to 10000, or 0 to disable.",
      minimum: 0,
      maximum: 1e4
    },
    azure_attributes: {
      $ref: "#/$defs/AzureAttributes"
    },
    aws_attributes: {
      $ref: "#/$defs/AwsAttributes"
    },
    gcp_attributes: {
      $ref: "#/$defs/GcpAttributes"
    },
    init_scripts: {
      type: "array",
      description: "Init scripts, run in order.",
      items: {
        $ref: "#/$defs/InitScriptInfo"
      }
    },
    spark_conf: {
      type: "object",
      description: "Spark configuration. Values are strings (numbers and booleans are accepted, as the API does). {{secrets/scope/key}} references are resolved by Databricks.",
      additionalProperties: {
        type: ["string", "number", "boolean"]
      }
    },
    spark_env_vars: {
      type: "object",
      description: "Environment variables for the driver and workers.",
      additionalProperties: {
        type: ["string", "number", "boolean"]
      }
    },
    custom_tags: {
      type: "object",
      description: "Tags on the cluster's cloud resources (at most 45; the tool adds one).",
      additionalProperties: {
        type: "string"
      },
      maxProperties: 45
    },
    cluster_log_conf: {
      $ref: "#/$defs/ClusterLogConf"
    },
    data_security_mode: {
      type: "string",
      enum: [
        "NONE",
        "SINGLE_USER",
        "USER_ISOLATION",
        "LEGACY_TABLE_ACL",
        "LEGACY_PASSTHROUGH",
        "LEGACY_SINGLE_USER",
        "LEGACY_SINGLE_USER_STANDARD",
        "DATA_SECURITY_MODE_STANDARD",
        "DATA_SECURITY_MODE_DEDICATED",
        "DATA_SECURITY_MODE_AUTO"
      ]
    },
    single_user_name: {
      type: "string",
      description: "The user (or group) of a SINGLE_USER / DATA_SECURITY_MODE_DEDICATED cluster."
    },
    runtime_engine: {
      type: "string",
      description: 'Not allowed with a "-photon-" spark_version.',
      enum: ["NULL", "STANDARD", "PHOTON"]
    },
    enable_elastic_disk: {
      type: "boolean"
    },
    enable_local_disk_encryption: {
      type: "boolean"
    },
    instance_pool_id: {
      type: "string"
    },
    driver_instance_pool_id: {
      type: "string"
    },
    policy_id: {
      type: "string"
    },
    policy_name: {
      type: "string",
      minLength: 1,
      description: "databricks-dr: the cluster policy's name; resolved to policy_id in each region (ids differ per workspace)."
    },
    instance_pool_name: {
      type: "string",
      minLength: 1,
      description: "databricks-dr: the instance pool's name; resolved to instance_pool_id in each region."
    },
    driver_instance_pool_name: {
      type: "string",
      minLength: 1,
      description: "databricks-dr: the driver's instance pool name; resolved to driver_instance_pool_id in each region."
    },
    apply_policy_default_values: {
      type: "boolean"
    },
    docker_image: {
      $ref: "#/$defs/DockerImage"
    },
    ssh_public_keys: {
      type: "array",
      description: "At most 10 keys.",
      items: {
        type: "string"
      },
      maxItems: 10
    },
    is_single_node: {
      type: "boolean",
      description: "Only with kind: CLASSIC_PREVIEW."
    },
    kind: {
      type: "string",
      enum: ["CLASSIC_PREVIEW"]
    },
    use_ml_runtime: {
      type: "boolean",
      description: "Only with kind: CLASSIC_PREVIEW."
    },
    workload_type: {
      $ref: "#/$defs/WorkloadType"
    },
    remote_disk_throughput: {
      type: "integer",
      minimum: 0
    },
    total_initial_remote_disk_size: {
      type: "integer",
      minimum: 0
    },
    driver_node_type_flexibility: {
      $ref: "#/$defs/NodeTypeFlexibility"
    },
    worker_node_type_flexibility: {
      $ref: "#/$defs/NodeTypeFlexibility"
    },
    clone_from: {
      type: "object",
      properties: {
        source_cluster_id: {
          type: "string",
          minLength: 1
        }
      },
      additionalProperties: false,
      required: ["source_cluster_id"]
    },
    idempotency_token: {
      type: "string",
      maxLength: 64
    },
    permissions: {
      type: "array",
      description: "databricks-dr: permissions on the cluster, applied in every region through the Permissions API; authoritative for this cluster (principals not listed lose their direct permission), except that the deploying identity keeps its own.",
      items: {
        type: "object",
        properties: {
          user_name: {
            type: "string",
            minLength: 1
          },
          group_name: {
            type: "string",
            minLength: 1
          },
          service_principal_name: {
            type: "string",
            minLength: 1,
            description: "The service principal's application id."
          },
          level: {
            type: "string",
            enum: ["CAN_ATTACH_TO", "CAN_RESTART", "CAN_MANAGE"]
          }
        },
        additionalProperties: false,
        required: ["level"],
        oneOf: [
          {
            required: ["user_name"]
          },
          {
            required: ["group_name"]
          },
          {
            required: ["service_principal_name"]
          }
        ]
      }
    }
  },
  additionalProperties: false,
  required: ["cluster_name", "spark_version"],
  oneOf: [
    {
      required: ["num_workers"]
    },
    {
      required: ["autoscale"]
    },
    {
      not: {
        anyOf: [
          {
            required: ["num_workers"]
          },
          {
            required: ["autoscale"]
          }
        ]
      }
    }
  ],
  $defs: {
    AutoScale: {
      type: "object",
      properties: {
        min_workers: {
          type: "integer",
          description: "Fewest workers the cluster scales down to (also the starting size).",
          minimum: 0
        },
        max_workers: {
          type: "integer",
          description: "Most workers the cluster scales up to; at least min_workers.",
          minimum: 1
        }
      },
      additionalProperties: false,
      required: ["min_workers", "max_workers"]
    },
    AzureAttributes: {
      type: "object",
      properties: {
        availability: {
          type: "string",
          enum: ["ON_DEMAND_AZURE", "SPOT_AZURE", "SPOT_WITH_FALLBACK_AZURE"]
        },
        first_on_demand: {
          type: "integer",
          description: "The first N nodes (the driver first) are on-demand.",
          minimum: 0
        },
        spot_bid_max_price: {
          type: "number",
          description: "Max spot price; -1 (default) means evict on capacity only.",
          minimum: -1
        },
        log_analytics_info: {
          $ref: "#/$defs/LogAnalyticsInfo"
        },
        capacity_reservation_group: {
          type: "string"
        }
      },
      additionalProperties: false
    },
    LogAnalyticsInfo: {
      type: "object",
      properties: {
        log_analytics_workspace_id: {
          type: "string"
        },
        log_analytics_primary_key: {
          type: "string"
        }
      },
      additionalProperties: false
    },
    AwsAttributes: {
      type: "object",
      properties: {
        availability: {
          type: "string",
          enum: ["SPOT", "ON_DEMAND", "SPOT_WITH_FALLBACK"]
        },
        ebs_volume_count: {
          type: "integer",
          minimum: 0
        },
        ebs_volume_iops: {
          type: "integer",
          minimum: 0
        },
        ebs_volume_size: {
          type: "integer",
          minimum: 0
        },
        ebs_volume_throughput: {
          type: "integer",
          minimum: 0
        },
        ebs_volume_type: {
          type: "string",
          enum: ["GENERAL_PURPOSE_SSD", "THROUGHPUT_OPTIMIZED_HDD"]
        },
        first_on_demand: {
          type: "integer",
          minimum: 0
        },
        instance_profile_arn: {
          type: "string"
        },
        spot_bid_price_percent: {
          type: "integer",
          minimum: 0
        },
        zone_id: {
          type: "string"
        }
      },
      additionalProperties: false
    },
    GcpAttributes: {
      type: "object",
      properties: {
        availability: {
          type: "string",
          enum: ["PREEMPTIBLE_GCP", "ON_DEMAND_GCP", "PREEMPTIBLE_WITH_FALLBACK_GCP"]
        },
        boot_disk_size: {
          type: "integer",
          minimum: 0
        },
        first_on_demand: {
          type: "integer",
          minimum: 0
        },
        google_service_account: {
          type: "string"
        },
        local_ssd_count: {
          type: "integer",
          minimum: 0
        },
        use_preemptible_executors: {
          type: "boolean"
        },
        zone_id: {
          type: "string"
        }
      },
      additionalProperties: false
    },
    Destination: {
      type: "object",
      properties: {
        destination: {
          type: "string",
          minLength: 1
        }
      },
      additionalProperties: false,
      required: ["destination"]
    },
    S3StorageInfo: {
      type: "object",
      properties: {
        destination: {
          type: "string",
          minLength: 1
        },
        region: {
          type: "string"
        },
        endpoint: {
          type: "string"
        },
        enable_encryption: {
          type: "boolean"
        },
        encryption_type: {
          type: "string"
        },
        kms_key: {
          type: "string"
        },
        canned_acl: {
          type: "string"
        }
      },
      additionalProperties: false,
      required: ["destination"]
    },
    InitScriptInfo: {
      type: "object",
      properties: {
        workspace: {
          description: 'A workspace file, e.g. {"destination": "/Shared/init/setup.sh"}.',
          $ref: "#/$defs/Destination"
        },
        volumes: {
          description: 'A Unity Catalog volume file, e.g. {"destination": "/Volumes/main/default/init/setup.sh"}.',
          $ref: "#/$defs/Destination"
        },
        abfss: {
          description: 'An ADLS Gen2 file, e.g. {"destination": "abfss://init@account.dfs.core.windows.net/setup.sh"}.',
          $ref: "#/$defs/Destination"
        },
        dbfs: {
          description: "Deprecated: a DBFS file.",
          $ref: "#/$defs/Destination"
        },
        file: {
          description: 'A file on the node, e.g. {"destination": "file:/my/local/file.sh"}.',
          $ref: "#/$defs/Destination"
        },
        gcs: {
          $ref: "#/$defs/Destination"
        },
        s3: {
          $ref: "#/$defs/S3StorageInfo"
        }
      },
      additionalProperties: false,
      oneOf: [
        {
          required: ["workspace"]
        },
        {
          required: ["volumes"]
        },
        {
          required: ["abfss"]
        },
        {
          required: ["dbfs"]
        },
        {
          required: ["file"]
        },
        {
          required: ["gcs"]
        },
        {
          required: ["s3"]
        }
      ]
    },
    ClusterLogConf: {
      type: "object",
      properties: {
        dbfs: {
          $ref: "#/$defs/Destination"
        },
        volumes: {
          $ref: "#/$defs/Destination"
        },
        s3: {
          $ref: "#/$defs/S3StorageInfo"
        }
      },
      additionalProperties: false,
      oneOf: [
        {
          required: ["dbfs"]
        },
        {
          required: ["volumes"]
        },
        {
          required: ["s3"]
        }
      ]
    },
    DockerImage: {
      type: "object",
      properties: {
        url: {
          type: "string",
          description: "Docker image URL.",
          minLength: 1
        },
        basic_auth: {
          type: "object",
          properties: {
            username: {
              type: "string"
            },
            password: {
              type: "string",
              description: "Use a {{secrets/scope/key}} reference, never a literal password."
            }
          },
          additionalProperties: false
        }
      },
      additionalProperties: false
    },
    WorkloadType: {
      type: "object",
      properties: {
        clients: {
          type: "object",
          properties: {
            jobs: {
              type: "boolean"
            },
            notebooks: {
              type: "boolean"
            }
          },
          additionalProperties: false
        }
      },
      additionalProperties: false,
      required: ["clients"]
    },
    NodeTypeFlexibility: {
      type: "object",
      properties: {
        alternate_node_type_ids: {
          type: "array",
          items: {
            type: "string"
          }
        }
      },
      additionalProperties: false
    },
    ClusterSpec: {
      type: "object",
      description: "A cluster specification (Clusters API create spec).",
      properties: {
        cluster_name: {
          type: "string",
          description: "Cluster name (clusters/*.json: required, the key this tool matches by)."
        },
        spark_version: {
          type: "string",
          description: 'Databricks Runtime version key, e.g. "15.4.x-scala2.12".',
          minLength: 1
        },
        node_type_id: {
          type: "string",
          description: 'Worker VM type, e.g. "Standard_DS3_v2".',
          minLength: 1
        },
        driver_node_type_id: {
          type: "string",
          description: "Driver VM type; defaults to node_type_id.",
          minLength: 1
        },
        num_workers: {
          type: "integer",
          description: "Fixed number of workers (0 for a single-node cluster). Use either num_workers or autoscale.",
          minimum: 0
        },
        autoscale: {
          description: "Autoscaling range. Use either num_workers or autoscale.",
          $ref: "#/$defs/AutoScale"
        },
        autotermination_minutes: {
          type: "integer",
          description: "Minutes of inactivity before the cluster terminates: 10 to 10000, or 0 to disable.",
          minimum: 0,
          maximum: 1e4
        },
        azure_attributes: {
          $ref: "#/$defs/AzureAttributes"
        },
        aws_attributes: {
          $ref: "#/$defs/AwsAttributes"
        },
        gcp_attributes: {
          $ref: "#/$defs/GcpAttributes"
        },
        init_scripts: {
          type: "array",
          description: "Init scripts, run in order.",
          items: {
            $ref: "#/$defs/InitScriptInfo"
          }
        },
        spark_conf: {
          type: "object",
          description: "Spark configuration. Values are strings (numbers and booleans are accepted, as the API does). {{secrets/scope/key}} references are resolved by Databricks.",
          additionalProperties: {
            type: ["string", "number", "boolean"]
          }
        },
        spark_env_vars: {
          type: "object",
          description: "Environment variables for the driver and workers.",
          additionalProperties: {
            type: ["string", "number", "boolean"]
          }
        },
        custom_tags: {
          type: "object",
          description: "Tags on the cluster's cloud resources (at most 45; the tool adds one).",
          additionalProperties: {
            type: "string"
          },
          maxProperties: 45
        },
        cluster_log_conf: {
          $ref: "#/$defs/ClusterLogConf"
        },
        data_security_mode: {
          type: "string",
          enum: [
            "NONE",
            "SINGLE_USER",
            "USER_ISOLATION",
            "LEGACY_TABLE_ACL",
            "LEGACY_PASSTHROUGH",
            "LEGACY_SINGLE_USER",
            "LEGACY_SINGLE_USER_STANDARD",
            "DATA_SECURITY_MODE_STANDARD",
            "DATA_SECURITY_MODE_DEDICATED",
            "DATA_SECURITY_MODE_AUTO"
          ]
        },
        single_user_name: {
          type: "string",
          description: "The user (or group) of a SINGLE_USER / DATA_SECURITY_MODE_DEDICATED cluster."
        },
        runtime_engine: {
          type: "string",
          description: 'Not allowed with a "-photon-" spark_version.',
          enum: ["NULL", "STANDARD", "PHOTON"]
        },
        enable_elastic_disk: {
          type: "boolean"
        },
        enable_local_disk_encryption: {
          type: "boolean"
        },
        instance_pool_id: {
          type: "string"
        },
        driver_instance_pool_id: {
          type: "string"
        },
        policy_id: {
          type: "string"
        },
        policy_name: {
          type: "string",
          minLength: 1,
          description: "databricks-dr: the cluster policy's name; resolved to policy_id in each region (ids differ per workspace)."
        },
        instance_pool_name: {
          type: "string",
          minLength: 1,
          description: "databricks-dr: the instance pool's name; resolved to instance_pool_id in each region."
        },
        driver_instance_pool_name: {
          type: "string",
          minLength: 1,
          description: "databricks-dr: the driver's instance pool name; resolved to driver_instance_pool_id in each region."
        },
        apply_policy_default_values: {
          type: "boolean"
        },
        docker_image: {
          $ref: "#/$defs/DockerImage"
        },
        ssh_public_keys: {
          type: "array",
          description: "At most 10 keys.",
          items: {
            type: "string"
          },
          maxItems: 10
        },
        is_single_node: {
          type: "boolean",
          description: "Only with kind: CLASSIC_PREVIEW."
        },
        kind: {
          type: "string",
          enum: ["CLASSIC_PREVIEW"]
        },
        use_ml_runtime: {
          type: "boolean",
          description: "Only with kind: CLASSIC_PREVIEW."
        },
        workload_type: {
          $ref: "#/$defs/WorkloadType"
        },
        remote_disk_throughput: {
          type: "integer",
          minimum: 0
        },
        total_initial_remote_disk_size: {
          type: "integer",
          minimum: 0
        },
        driver_node_type_flexibility: {
          $ref: "#/$defs/NodeTypeFlexibility"
        },
        worker_node_type_flexibility: {
          $ref: "#/$defs/NodeTypeFlexibility"
        }
      },
      additionalProperties: false,
      oneOf: [
        {
          required: ["num_workers"]
        },
        {
          required: ["autoscale"]
        },
        {
          not: {
            anyOf: [
              {
                required: ["num_workers"]
              },
              {
                required: ["autoscale"]
              }
            ]
          }
        }
      ]
    }
  }
};

// schemas/config.schema.json
var config_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "databricks-dr.yml",
  description: 'Configuration of databricks-dr (DESIGN.md "Config").',
  type: "object",
  properties: {
    $schema: {
      type: "string",
      description: "The JSON Schema of this file (for editors); not sent to Databricks."
    },
    version: {
      const: 1,
      description: "Always 1."
    },
    name: {
      type: "string",
      description: "Short id scoping everything the tool owns: lowercase letters, digits and hyphens.",
      minLength: 1,
      maxLength: 64,
      pattern: "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$",
      "x-hint": "use lowercase letters, digits and hyphens (e.g. sales-platform)"
    },
    regions: {
      type: "object",
      description: "At least two regions; exactly one with role: active.",
      minProperties: 2,
      propertyNames: {
        pattern: "^[A-Za-z0-9][A-Za-z0-9_-]*$",
        "x-hint": 'use letters, digits, "-" and "_" only'
      },
      additionalProperties: {
        $ref: "#/$defs/Region"
      }
    },
    notebooks: {
      type: "array",
      items: {
        type: "object",
        properties: {
          source: {
            type: "string",
            description: "A folder of this repository.",
            minLength: 1
          },
          target: {
            type: "string",
            description: "An absolute workspace folder, e.g. /Shared/sales.",
            minLength: 1,
            pattern: "^/",
            "x-hint": 'write an absolute workspace path starting with "/"'
          },
          delete_orphans: {
            type: "boolean",
            description: "Delete owned workspace paths inside target that are gone from source."
          }
        },
        additionalProperties: false,
        required: ["source", "target"]
      }
    },
    jobs: {
      type: "array",
      description: "Job definitions: file paths or glob patterns relative to this file.",
      items: {
        type: "string",
        minLength: 1
      }
    },
    clusters: {
      type: "array",
      description: "Cluster definitions: file paths or glob patterns relative to this file.",
      items: {
        type: "string",
        minLength: 1
      }
    },
    secret_scopes: {
      type: "array",
      description: "Secret scope definitions: file paths or glob patterns relative to this file.",
      items: {
        type: "string",
        minLength: 1
      }
    },
    external_clusters: {
      type: "array",
      description: "Names of clusters that exist in every workspace but are not managed here.",
      items: {
        type: "string",
        minLength: 1
      }
    },
    prune: {
      type: "object",
      properties: {
        jobs: {
          type: "boolean"
        },
        clusters: {
          type: "boolean"
        },
        secret_scopes: {
          type: "boolean"
        }
      },
      additionalProperties: false
    },
    passive: {
      type: "object",
      properties: {
        max_concurrent_runs: {
          type: "integer",
          minimum: 0,
          maximum: 1e3
        },
        pause_schedules: {
          type: "boolean"
        },
        terminate_clusters: {
          type: "boolean"
        }
      },
      additionalProperties: false
    },
    drill: {
      type: "object",
      description: "failover --drill: the smoke job run in the promoted region before the roles are restored.",
      properties: {
        job: {
          type: "string",
          minLength: 1,
          description: "Name of a job of this config."
        },
        timeout_minutes: {
          type: "integer",
          minimum: 1,
          maximum: 1440,
          description: "How long to wait for the smoke run (default 60)."
        }
      },
      additionalProperties: false,
      required: ["job"]
    },
    validation: {
      type: "object",
      properties: {
        unknown_fields: {
          type: "string",
          enum: ["error", "warn"]
        }
      },
      additionalProperties: false
    }
  },
  additionalProperties: false,
  required: ["version", "name", "regions"],
  $defs: {
    Region: {
      type: "object",
      properties: {
        host: {
          type: "string",
          description: "Workspace URL (https://, or http:// for a loopback emulated workspace). DATABRICKS_DR_HOST_<REGION> overrides it.",
          minLength: 1
        },
        role: {
          type: "string",
          description: "The starting role only.",
          enum: ["active", "passive"]
        },
        auth: {
          $ref: "#/$defs/Auth"
        },
        variables: {
          type: "object",
          description: "Values for ${var.NAME} in definitions.",
          additionalProperties: {
            type: ["string", "number", "boolean"]
          }
        }
      },
      additionalProperties: false,
      required: ["role"]
    },
    Auth: {
      type: "object",
      required: ["type"],
      properties: {
        type: {
          type: "string",
          enum: [
            "pat",
            "azure-client-secret",
            "azure-oidc",
            "azure-cli",
            "azure-pipelines",
            "azure-msi",
            "databricks-oidc"
          ]
        }
      },
      allOf: [
        {
          if: {
            properties: {
              type: {
                const: "pat"
              }
            },
            required: ["type"]
          },
          then: {
            type: "object",
            properties: {
              type: {
                const: "pat"
              },
              token_env: {
                type: "string",
                description: "Environment variable holding the token (default DATABRICKS_TOKEN).",
                minLength: 1
              }
            },
            additionalProperties: false
          }
        },
        {
          if: {
            properties: {
              type: {
                const: "azure-client-secret"
              }
            },
            required: ["type"]
          },
          then: {
            type: "object",
            properties: {
              type: {
                const: "azure-client-secret"
              },
              tenant_id: {
                type: "string",
                minLength: 1
              },
              client_id: {
                type: "string",
                minLength: 1
              },
              client_secret_env: {
                type: "string",
                minLength: 1
              },
              authority_host: {
                type: "string",
                minLength: 1
              },
              workspace_resource_id: {
                type: "string",
                minLength: 1
              }
            },
            additionalProperties: false,
            required: ["tenant_id", "client_id", "client_secret_env"]
          }
        },
        {
          if: {
            properties: {
              type: {
                const: "azure-oidc"
              }
            },
            required: ["type"]
          },
          then: {
            type: "object",
            properties: {
              type: {
                const: "azure-oidc"
              },
              tenant_id: {
                type: "string",
                minLength: 1
              },
              client_id: {
                type: "string",
                minLength: 1
              },
              authority_host: {
                type: "string",
                minLength: 1
              },
              workspace_resource_id: {
                type: "string",
                minLength: 1
              }
            },
            additionalProperties: false,
            required: ["tenant_id", "client_id"]
          }
        },
        {
          if: {
            properties: {
              type: {
                const: "azure-cli"
              }
            },
            required: ["type"]
          },
          then: {
            type: "object",
            properties: {
              type: {
                const: "azure-cli"
              },
              authority_host: {
                type: "string",
                minLength: 1
              },
              workspace_resource_id: {
                type: "string",
                minLength: 1
              }
            },
            additionalProperties: false
          }
        },
        {
          if: {
            properties: {
              type: {
                const: "azure-pipelines"
              }
            },
            required: ["type"]
          },
          then: {
            type: "object",
            properties: {
              type: {
                const: "azure-pipelines"
              },
              tenant_id: {
                type: "string",
                minLength: 1
              },
              client_id: {
                type: "string",
                minLength: 1
              },
              service_connection_id: {
                type: "string",
                minLength: 1
              },
              authority_host: {
                type: "string",
                minLength: 1
              },
              workspace_resource_id: {
                type: "string",
                minLength: 1
              }
            },
            additionalProperties: false,
            required: ["tenant_id", "client_id", "service_connection_id"]
          }
        },
        {
          if: {
            properties: {
              type: {
                const: "azure-msi"
              }
            },
            required: ["type"]
          },
          then: {
            type: "object",
            properties: {
              type: {
                const: "azure-msi"
              },
              client_id: {
                type: "string",
                minLength: 1
              },
              authority_host: {
                type: "string",
                minLength: 1
              },
              workspace_resource_id: {
                type: "string",
                minLength: 1
              }
            },
            additionalProperties: false
          }
        },
        {
          if: {
            properties: {
              type: {
                const: "databricks-oidc"
              }
            },
            required: ["type"]
          },
          then: {
            type: "object",
            properties: {
              type: {
                const: "databricks-oidc"
              },
              client_id: {
                type: "string",
                minLength: 1
              },
              audience: {
                type: "string",
                minLength: 1
              }
            },
            additionalProperties: false,
            required: ["client_id"]
          }
        }
      ]
    }
  }
};

// schemas/secret-scope.schema.json
var secret_scope_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "Secret scope (secret-scopes/*.json)",
  description: "A secret scope in every region. Never holds secret values: they come from environment variables at deploy time.",
  type: "object",
  properties: {
    $schema: {
      type: "string",
      description: "The JSON Schema of this file (for editors); not sent to Databricks."
    },
    scope: {
      type: "string",
      description: "Scope name.",
      minLength: 1,
      maxLength: 128,
      pattern: "^[\\w.@-]+$",
      "x-hint": 'use letters, digits, "-", "_", "." and "@" only (at most 128 characters)'
    },
    backend: {
      type: "string",
      description: "databricks (default) or azure_keyvault.",
      enum: ["databricks", "azure_keyvault"]
    },
    secrets: {
      type: "object",
      description: "Databricks-backed scopes: secret key \u2192 the environment variable holding its value at deploy time.",
      propertyNames: {
        maxLength: 128,
        pattern: "^[\\w.-]+$",
        "x-hint": 'use letters, digits, "-", "_" and "." only (at most 128 characters)'
      },
      additionalProperties: {
        type: "object",
        properties: {
          env: {
            type: "string",
            description: "Name of the environment variable holding the value.",
            minLength: 1,
            pattern: "^[A-Za-z_][A-Za-z0-9_]*$",
            "x-hint": 'an environment variable name: letters, digits and "_", not starting with a digit'
          }
        },
        additionalProperties: false,
        required: ["env"]
      }
    },
    keyvault: {
      type: "object",
      properties: {
        resource_id: {
          type: "string",
          description: "Azure resource id of the Key Vault.",
          minLength: 1,
          pattern: "^/[sS][uU][bB][sS][cC][rR][iI][pP][tT][iI][oO][nN][sS]/[^/]+/[rR][eE][sS][oO][uU][rR][cC][eE][gG][rR][oO][uU][pP][sS]/[^/]+/[pP][rR][oO][vV][iI][dD][eE][rR][sS]/[mM][iI][cC][rR][oO][sS][oO][fF][tT]\\.[kK][eE][yY][vV][aA][uU][lL][tT]/[vV][aA][uU][lL][tT][sS]/[^/]+$",
          "x-hint": "write it as /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.KeyVault/vaults/<name>"
        },
        dns_name: {
          type: "string",
          description: "Vault URI.",
          minLength: 1,
          pattern: "^https://[A-Za-z0-9-]+\\.vault\\.(azure\\.net|azure\\.cn|usgovcloudapi\\.net|microsoftazure\\.de)/?$",
          "x-hint": "write it as https://<name>.vault.azure.net/"
        }
      },
      additionalProperties: false,
      required: ["resource_id", "dns_name"]
    },
    acls: {
      type: "array",
      description: "Access control: each principal at most once.",
      items: {
        type: "object",
        properties: {
          principal: {
            type: "string",
            description: 'A user, group (e.g. "users") or service principal application id.',
            minLength: 1
          },
          permission: {
            type: "string",
            enum: ["READ", "WRITE", "MANAGE"]
          }
        },
        additionalProperties: false,
        required: ["principal", "permission"]
      }
    }
  },
  additionalProperties: false,
  required: ["scope"],
  if: {
    properties: {
      backend: {
        const: "azure_keyvault"
      }
    },
    required: ["backend"]
  },
  then: {
    required: ["keyvault"],
    properties: {
      secrets: {
        not: {},
        "x-hint": "an azure_keyvault scope cannot hold secrets here: add them to the Key Vault"
      }
    }
  },
  else: {
    properties: {
      keyvault: {
        not: {},
        "x-hint": "keyvault belongs to backend: azure_keyvault; remove it or set the backend"
      }
    }
  }
};

// src/core/validate/schemas.ts
var SCHEMAS = {
  job: job_schema_default,
  cluster: cluster_schema_default,
  "secret-scope": secret_scope_schema_default,
  config: config_schema_default
};
var ajv;
var compiled = /* @__PURE__ */ new Map();
function instance() {
  if (!ajv) {
    ajv = new import__.Ajv2020({
      allErrors: true,
      verbose: true,
      strict: true,
      strictRequired: false,
      allowUnionTypes: true,
      inlineRefs: false
    });
    ajv.addKeyword({ keyword: "x-hint", schemaType: "string" });
  }
  return ajv;
}
function validatorFor(kind) {
  let v = compiled.get(kind);
  if (!v) {
    v = instance().compile(SCHEMAS[kind]);
    compiled.set(kind, v);
  }
  return v;
}
function schemaErrors(kind, value2) {
  const validate = validatorFor(kind);
  return validate(value2) ? [] : [...validate.errors ?? []];
}

// src/core/validate/scope-rules.ts
function scopeIssues(scope) {
  if (!isObject4(scope) || !Array.isArray(scope.acls)) return [];
  const out = [];
  const seen = /* @__PURE__ */ new Map();
  scope.acls.forEach((acl, i) => {
    if (!isObject4(acl) || typeof acl.principal !== "string") return;
    const first = seen.get(acl.principal);
    if (first !== void 0)
      out.push(
        issue(
          `/acls/${i}/principal`,
          `principal "${acl.principal}" is already in acls[${first}]: give each principal one permission (MANAGE includes WRITE, WRITE includes READ)`
        )
      );
    else seen.set(acl.principal, i);
  });
  return out;
}

// src/core/validate/document.ts
var DiagnosticSet = class {
  entries = /* @__PURE__ */ new Map();
  /** Adds a finding; `region` undefined means it holds in every region. */
  add(d, region) {
    const key = [d.file, d.line, d.column, d.severity, d.pointer, d.message].join("\0");
    const e = this.entries.get(key);
    if (!e) {
      this.entries.set(key, { d, regions: region === void 0 ? "all" : /* @__PURE__ */ new Set([region]) });
    } else if (e.regions !== "all") {
      if (region === void 0) e.regions = "all";
      else e.regions.add(region);
    }
  }
  addAll(ds) {
    for (const d of ds) this.add(d);
  }
  /** The diagnostics: one per finding, with `region` set when not every region has it. */
  result(regions) {
    const out = [];
    for (const { d, regions: rs } of this.entries.values()) {
      if (rs === "all" || regions.every((r) => rs.has(r))) out.push(d);
      else for (const r of regions) if (rs.has(r)) out.push({ ...d, region: r });
    }
    return out;
  }
};
function ruleIssues(kind, value2) {
  switch (kind) {
    case "job":
      return jobIssues(value2);
    case "cluster":
      return clusterFileIssues(value2);
    case "secret-scope":
      return scopeIssues(value2);
    default:
      return [];
  }
}
function setAt(root, pointer, v) {
  const segs = parsePointer(pointer);
  const last = segs.pop();
  const parent = valueAt(root, segs.length ? `/${segs.join("/")}` : "");
  if (last === void 0 || parent === null || typeof parent !== "object") return;
  if (Array.isArray(parent)) parent[Number(last)] = v;
  else parent[last] = v;
}
function checkSchema(kind, value2, whole) {
  let errors = schemaErrors(kind, value2);
  if (whole.size === 0 || errors.length === 0) return { value: value2, errors };
  let changed = false;
  for (const e of errors) {
    if (e.keyword !== "type" || !whole.has(e.instancePath) || typeof e.data !== "string") continue;
    for (const t of [e.params.type].flat()) {
      if (t !== "integer" && t !== "number" && t !== "boolean") continue;
      const typed = coerceWhole(e.data, t);
      if (typed !== void 0) {
        setAt(value2, e.instancePath, typed);
        changed = true;
        break;
      }
    }
  }
  if (changed) errors = schemaErrors(kind, value2);
  return { value: value2, errors };
}
function variantIssues(kind, value2, whole, unknownFields) {
  const checked = checkSchema(kind, value2, whole);
  const issues = [
    ...schemaIssues(checked.errors, checked.value, { kind, unknownFields, whole }),
    ...ruleIssues(kind, checked.value)
  ];
  return { value: checked.value, issues };
}
function validateDocument(doc, opts, set) {
  if (doc.format === "json" && hasDuplicateKeys(doc.text)) set.addAll(duplicateJsonKeys(doc));
  const values = /* @__PURE__ */ new Map();
  const unresolved = [];
  const hasRefs = documentHasReferences(doc.value);
  if (opts.regions && hasRefs) {
    const missing = /* @__PURE__ */ new Map();
    for (const region of opts.regions) {
      const s = substitute(doc.value, region);
      for (const u of s.unknown) {
        const key = `${u.pointer}\0${u.expression}`;
        const m = missing.get(key) ?? { ref: u, regions: [] };
        m.regions.push(region.name);
        missing.set(key, m);
      }
      const { value: value3, issues: issues2 } = variantIssues(opts.kind, s.value, s.whole, opts.unknownFields);
      for (const i of issues2) set.add(toDiagnostic(doc, i), region.name);
      values.set(region.name, value3);
    }
    unresolved.push(...missing.values());
    return { values, unresolved };
  }
  const { value: value2, issues } = variantIssues(opts.kind, doc.value, /* @__PURE__ */ new Map(), opts.unknownFields);
  for (const i of issues) {
    if (!opts.regions && hasRefs && i.target !== "key") {
      const v = valueAt(doc.value, i.pointer);
      if (typeof v === "string" && hasReference(v)) continue;
    }
    set.add(toDiagnostic(doc, i));
  }
  if (opts.regions) for (const r of opts.regions) values.set(r.name, value2);
  else values.set("", value2);
  return { values, unresolved };
}

// src/core/validate/files.ts
import { existsSync, globSync, statSync } from "node:fs";
import path2 from "node:path";
function displayPath(abs, cwd, baseDir) {
  const inside = (from) => {
    const rel = path2.relative(from, abs);
    return rel !== "" && !rel.startsWith("..") && !path2.isAbsolute(rel) ? rel.split(path2.sep).join("/") : void 0;
  };
  return inside(cwd) ?? (baseDir ? inside(baseDir) : void 0) ?? abs.split(path2.sep).join("/");
}
var GLOB_CHARS = /[*?[\]{}]/;
function expandPattern(pattern, baseDir) {
  if (!GLOB_CHARS.test(pattern)) {
    const abs = path2.resolve(baseDir, pattern);
    const ok = existsSync(abs) && statSync(abs).isFile();
    return { files: ok ? [abs] : [], missing: !ok };
  }
  const files = globSync(pattern, { cwd: baseDir }).map((p) => path2.resolve(baseDir, p)).filter((p) => statSync(p).isFile()).sort();
  return { files, missing: false };
}
var FOLDER_KINDS = {
  jobs: "job",
  clusters: "cluster",
  "secret-scopes": "secret-scope",
  secret_scopes: "secret-scope",
  scopes: "secret-scope"
};
function kindFromPath(file) {
  const base = path2.basename(file).toLowerCase();
  if (/^databricks-dr\.(ya?ml|json)$/.test(base)) return "config";
  const dirs = path2.dirname(path2.resolve(file)).split(path2.sep).reverse();
  for (const d of dirs) {
    const k = FOLDER_KINDS[d.toLowerCase()];
    if (k) return k;
  }
  return void 0;
}
function kindFromContent(value2) {
  if (!isObject4(value2)) return void 0;
  const has = (...keys) => keys.some((k) => Object.hasOwn(value2, k));
  if (has("regions")) return "config";
  if (has("scope", "keyvault", "acls") || has("backend") && has("secrets")) return "secret-scope";
  if (has("tasks", "job_clusters", "schedule", "trigger", "continuous", "max_concurrent_runs", ...TASK_TYPES))
    return "job";
  if (has("spark_version", "cluster_name", "node_type_id", "num_workers", "autoscale")) return "cluster";
  if (has("version") && has("name")) return "config";
  return void 0;
}

// src/core/validate/notebooks.ts
import { closeSync, openSync, readdirSync, readFileSync as readFileSync2, readSync, statSync as statSync2 } from "node:fs";
import path3 from "node:path";
var MAX_NOTEBOOK_BYTES = 10 * 1024 * 1024;
var HEADERS = {
  ".py": { header: "# Databricks notebook source", language: "PYTHON" },
  ".r": { header: "# Databricks notebook source", language: "R" },
  ".scala": { header: "// Databricks notebook source", language: "SCALA" },
  ".sql": { header: "-- Databricks notebook source", language: "SQL" }
};
function firstLine(file) {
  const fd = openSync(file, "r");
  try {
    const buf = Buffer.alloc(128);
    const n = readSync(fd, buf, 0, buf.length, 0);
    let text = buf.subarray(0, n).toString("utf8");
    if (text.charCodeAt(0) === 65279) text = text.slice(1);
    return text.split("\n")[0].replace(/\s+$/, "");
  } finally {
    closeSync(fd);
  }
}
function ipynbLanguage(value2) {
  const meta = isObject4(value2) && isObject4(value2.metadata) ? value2.metadata : {};
  const dbx = meta["application/vnd.databricks.v1+notebook"];
  const kernel = isObject4(meta.kernelspec) ? meta.kernelspec.language : void 0;
  const info = isObject4(meta.language_info) ? meta.language_info.name : void 0;
  const raw = isObject4(dbx) && typeof dbx.language === "string" ? dbx.language : kernel ?? info;
  const lang = typeof raw === "string" ? raw.toLowerCase() : "python";
  return lang === "sql" ? "SQL" : lang === "scala" ? "SCALA" : lang === "r" ? "R" : "PYTHON";
}
function scanNotebooks(sourceDir, target, mapping, display) {
  const entries = [];
  const problems = [];
  const atStart2 = (file, message2) => ({
    file,
    line: 1,
    column: 1,
    severity: "error",
    message: message2,
    pointer: ""
  });
  const files = [];
  const walk = (dir) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      if (d.name.startsWith(".") || d.name === "__pycache__") continue;
      const full = path3.join(dir, d.name);
      if (d.isDirectory()) walk(full);
      else if (d.isFile()) files.push(full);
    }
  };
  walk(sourceDir);
  files.sort();
  const base = target.replace(/\/+$/, "");
  for (const file of files) {
    const relative = path3.relative(sourceDir, file).split(path3.sep).join("/");
    const shown = display(file);
    const size = statSync2(file).size;
    const ext = path3.extname(file).toLowerCase();
    let entry = {
      file,
      path: shown,
      mapping,
      relative,
      workspacePath: `${base}/${relative}`,
      objectType: "FILE",
      format: "AUTO",
      size
    };
    const stem = relative.slice(0, relative.length - ext.length);
    if (ext === ".ipynb") {
      entry = {
        ...entry,
        objectType: "NOTEBOOK",
        format: "JUPYTER",
        workspacePath: `${base}/${stem}`,
        language: "PYTHON"
      };
      if (size <= MAX_NOTEBOOK_BYTES) {
        try {
          const doc = parseSource(shown, readFileSync2(file, "utf8"), "json");
          if (!isObject4(doc.value) || !Array.isArray(doc.value.cells)) {
            problems.push(
              atStart2(
                shown,
                'not a Jupyter notebook: a .ipynb file needs a "cells" list (save it from Jupyter or Databricks)'
              )
            );
          }
          entry.language = ipynbLanguage(doc.value);
        } catch (err) {
          if (!(err instanceof ValidationError)) throw err;
          for (const d of err.diagnostics)
            problems.push({ ...d, message: `${d.message} (a .ipynb notebook is JSON)` });
        }
      }
    } else if (HEADERS[ext] && firstLine(file) === HEADERS[ext].header) {
      entry = {
        ...entry,
        objectType: "NOTEBOOK",
        format: "SOURCE",
        language: HEADERS[ext].language,
        workspacePath: `${base}/${stem}`
      };
    }
    if (entry.objectType === "NOTEBOOK" && size > MAX_NOTEBOOK_BYTES) {
      problems.push(
        atStart2(
          shown,
          `notebook is ${(size / 1024 / 1024).toFixed(1)} MB; the Workspace API imports notebooks of at most 10 MB: split it or clear its outputs`
        )
      );
    }
    entries.push(entry);
  }
  return { entries, problems };
}

// src/core/validate/project.ts
var NAME_FIELD = {
  job: "name",
  cluster: "cluster_name",
  "secret-scope": "scope"
};
var LISTS = [
  { key: "jobs", kind: "job" },
  { key: "clusters", kind: "cluster" },
  { key: "secret_scopes", kind: "secret-scope" }
];
function shownAs(doc, shown) {
  if (doc.file === shown) return doc;
  return { ...doc, file: shown, position: (p, t) => ({ ...doc.position(p, t), file: shown }) };
}
function atStart(file, message2, severity = "error") {
  return { file, line: 1, column: 1, severity, message: message2, pointer: "" };
}
function readDocument(abs, shown, set) {
  let text;
  try {
    text = readFileSync3(abs, "utf8");
  } catch (err) {
    const code = err.code;
    set.add(atStart(shown, code === "ENOENT" ? "file not found" : `cannot read the file (${code})`));
    return void 0;
  }
  try {
    return shownAs(parseSource(abs, text), shown);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    for (const d of err.diagnostics) set.add({ ...d, file: shown });
    return void 0;
  }
}
function sortDiagnostics(ds) {
  const cmp = (a, b) => a < b ? -1 : a > b ? 1 : 0;
  return ds.sort(
    (a, b) => cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.region ?? "", b.region ?? "") || cmp(a.message, b.message)
  );
}
function checkConfig(abs, shown, env, set) {
  const doc = readDocument(abs, shown, set);
  if (!doc) return { unknownFields: "error" };
  if (doc.format === "json" && hasDuplicateKeys(doc.text)) set.addAll(duplicateJsonKeys(doc));
  const raw = doc.value;
  const unknownFields = isObject4(raw) && isObject4(raw.validation) && raw.validation.unknown_fields === "warn" ? "warn" : "error";
  let config;
  const loaderPointers = /* @__PURE__ */ new Set();
  try {
    config = configFromDocument({ ...doc, file: abs }, { env });
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    for (const d of err.diagnostics) {
      loaderPointers.add(d.pointer);
      set.add({ ...d, file: shown });
    }
  }
  const issues = schemaIssues(schemaErrors("config", raw), raw, { kind: "config", unknownFields });
  for (const i of issues) {
    const parent = i.pointer.slice(0, i.pointer.lastIndexOf("/"));
    const duplicate = i.target !== "key" && (loaderPointers.has(i.pointer) || i.keyword === "required" && loaderPointers.has(parent));
    if (!duplicate) set.add(toDiagnostic(doc, i));
  }
  return { doc, config, unknownFields };
}
function validateProject(configFile = DEFAULT_CONFIG_FILE, options = {}) {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const set = new DiagnosticSet();
  const configAbs = path4.resolve(cwd, configFile);
  const baseDir = path4.dirname(configAbs);
  const show2 = (abs) => displayPath(abs, cwd, baseDir);
  const configShown = show2(configAbs);
  const { doc: configDoc, config, unknownFields } = checkConfig(configAbs, configShown, env, set);
  if (!configDoc) return { diagnostics: sortDiagnostics(set.result([])), files: 0 };
  const raw = isObject4(configDoc.value) ? configDoc.value : {};
  const regions = config?.regions;
  const regionNames = regions ? regions.map((r) => r.name) : [""];
  let files = 1;
  const loaded = [];
  for (const { key, kind } of LISTS) {
    const patterns = config ? config[key] : Array.isArray(raw[key]) ? raw[key].filter((p) => typeof p === "string") : [];
    const seen = /* @__PURE__ */ new Set();
    patterns.forEach((pattern, i) => {
      const match = expandPattern(pattern, baseDir);
      if (match.missing) {
        set.add(
          toDiagnostic(
            configDoc,
            issue(`/${key}/${i}`, `"${pattern}" does not exist (paths are relative to ${configShown})`)
          )
        );
      } else if (match.files.length === 0) {
        set.add(
          toDiagnostic(
            configDoc,
            issue(`/${key}/${i}`, `"${pattern}" matches no file`, { severity: "warning" })
          )
        );
      }
      for (const file of match.files) {
        if (seen.has(file)) continue;
        seen.add(file);
        files++;
        const shown = show2(file);
        const doc = readDocument(file, shown, set);
        if (!doc) continue;
        const result = validateDocument(doc, { kind, regions, unknownFields }, set);
        for (const u of result.unresolved) reportUnresolved(doc, u.ref, u.regions, regions ?? [], set);
        loaded.push({ kind, file, path: shown, doc, values: result.values });
      }
    });
  }
  const notebooks = [];
  if (config) {
    const targets = [];
    config.notebooks.forEach((m, i) => {
      const sourceAbs = path4.resolve(baseDir, m.source);
      let isDir = false;
      try {
        isDir = statSync3(sourceAbs).isDirectory();
      } catch {
        isDir = false;
      }
      const clash = targets.find(
        (t) => t.target === m.target || m.target.startsWith(`${t.target}/`) || t.target.startsWith(`${m.target}/`)
      );
      if (clash) {
        set.add(
          toDiagnostic(
            configDoc,
            issue(
              `/notebooks/${i}/target`,
              `target "${m.target}" overlaps notebooks[${clash.index}].target "${config.notebooks[clash.index].target}": give each source its own workspace folder`
            )
          )
        );
      }
      targets.push({ target: m.target, index: i });
      if (!isDir) {
        set.add(
          toDiagnostic(
            configDoc,
            issue(
              `/notebooks/${i}/source`,
              `notebooks source "${m.source}" is not a folder (paths are relative to ${configShown})`
            )
          )
        );
        return;
      }
      const scan = scanNotebooks(sourceAbs, m.target, i, show2);
      notebooks.push(...scan.entries);
      set.addAll(scan.problems);
    });
    files += notebooks.length;
    const byPath = /* @__PURE__ */ new Map();
    for (const n of notebooks) {
      const first = byPath.get(n.workspacePath);
      if (first)
        set.add(
          atStart(
            n.path,
            `${n.path} and ${first.path} both deploy to ${n.workspacePath}: rename one of them`
          )
        );
      else byPath.set(n.workspacePath, n);
    }
  }
  crossFileRules(loaded, regionNames, set);
  if (config) projectRules(loaded, config, notebooks, set);
  const diagnostics = sortDiagnostics(set.result(regionNames));
  const report = { diagnostics, files };
  if (config) {
    report.config = config;
    report.project = buildProject(config, loaded, notebooks);
  }
  return report;
}
function reportUnresolved(doc, ref, missingIn, regions, set) {
  if (ref.kind === "region") {
    set.add(
      toDiagnostic(
        doc,
        issue(
          ref.pointer,
          `${ref.expression} is not a region property: use \${region.name} or \${region.host}`
        )
      )
    );
    return;
  }
  if (missingIn.length === regions.length) {
    const known = new Set(regions.flatMap((r) => Object.keys(r.variables)));
    set.add(
      toDiagnostic(
        doc,
        issue(
          ref.pointer,
          `${ref.expression} is not defined in any region${didYouMean(ref.name, known) || `: add ${ref.name} to the variables of every region in the config`}`
        )
      )
    );
    return;
  }
  for (const name of missingIn) {
    const region = regions.find((r) => r.name === name);
    const hint = region ? didYouMean(ref.name, Object.keys(region.variables)) : "";
    set.add(
      toDiagnostic(
        doc,
        issue(
          ref.pointer,
          `${ref.expression} is not defined for region ${name}${hint || `: add ${ref.name} under regions.${name}.variables`}`
        )
      ),
      name
    );
  }
}
function crossFileRules(loaded, regionNames, set) {
  for (const region of regionNames) {
    const seen = /* @__PURE__ */ new Map();
    for (const l of loaded) {
      const value2 = l.values.get(region);
      const field = NAME_FIELD[l.kind];
      const name = isObject4(value2) ? value2[field] : void 0;
      if (typeof name !== "string" || name === "") continue;
      const key = `${l.kind}\0${l.kind === "cluster" ? name : name.toLowerCase()}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, l);
        continue;
      }
      const at = first.doc.position(`/${field}`);
      const where = `${at.file}:${at.line}:${at.column}`;
      const message2 = l.kind === "job" ? `job name "${name}" is also used by ${where}: job names must be unique (they are compared case-insensitively)` : l.kind === "cluster" ? `cluster_name "${name}" is also used by ${where}: cluster names must be unique` : `scope "${name}" is also defined in ${where}: define each scope once`;
      set.add(toDiagnostic(l.doc, issue(`/${field}`, message2)), region === "" ? void 0 : region);
    }
  }
}
var HEADER_LINE = {
  ".py": "# Databricks notebook source",
  ".r": "# Databricks notebook source",
  ".scala": "// Databricks notebook source",
  ".sql": "-- Databricks notebook source"
};
function projectRules(loaded, config, notebooks, set) {
  const byPath = new Map(notebooks.map((n) => [n.workspacePath, n]));
  const targets = config.notebooks.map((m) => m.target);
  const normalize = (p) => p.replace(/^\/Workspace(?=\/)/, "").replace(/(.)\/+$/, "$1");
  const underTarget = (p) => targets.find((t) => t === "/" || p === t || p.startsWith(`${t}/`));
  for (const region of config.regions) {
    const r = region.name;
    const clusterNames = new Set(config.external_clusters);
    for (const l of loaded) {
      const v = l.values.get(r);
      if (l.kind === "cluster" && isObject4(v) && typeof v.cluster_name === "string")
        clusterNames.add(v.cluster_name);
    }
    for (const l of loaded) {
      const value2 = l.values.get(r);
      if (!isObject4(value2)) continue;
      const add = (i) => set.add(toDiagnostic(l.doc, i), r);
      if (l.kind === "secret-scope" && value2.backend === "azure_keyvault") {
        let loopback = false;
        try {
          loopback = isLoopbackHost(new URL(region.host));
        } catch {
          loopback = false;
        }
        if ((region.auth.type === "pat" || region.auth.type === "databricks-oidc") && !loopback) {
          add(
            issue(
              "/backend",
              `an azure_keyvault scope needs an Entra ID auth type (azure-*) in region ${r}, which uses ${region.auth.type}: Databricks creates Key Vault-backed scopes only with an Entra ID token`
            )
          );
        }
      }
      if (l.kind !== "job") continue;
      const gitJob = isObject4(value2.git_source);
      for (const ref of allTasks(value2)) {
        const t = ref.task;
        if (typeof t.existing_cluster_name === "string" && !clusterNames.has(t.existing_cluster_name)) {
          const name = t.existing_cluster_name;
          add(
            issue(
              `${ref.pointer}/existing_cluster_name`,
              `existing_cluster_name "${name}" is not a cluster of this repository: define it in a cluster file (cluster_name) or list it in external_clusters${didYouMean(name, clusterNames)}`
            )
          );
        }
        const nb = t.notebook_task;
        if (isObject4(nb) && typeof nb.notebook_path === "string" && nb.notebook_path.startsWith("/")) {
          const fromGit = nb.source === "GIT" || nb.source === void 0 && gitJob;
          const p = normalize(nb.notebook_path);
          const target = fromGit ? void 0 : underTarget(p);
          const entry = byPath.get(p);
          if (target !== void 0 && entry?.objectType !== "NOTEBOOK") {
            add(
              issue(
                `${ref.pointer}/notebook_task/notebook_path`,
                missingNotebookMessage(nb.notebook_path, p, target, byPath)
              )
            );
          }
        }
        const py = t.spark_python_task;
        if (isObject4(py) && typeof py.python_file === "string" && py.python_file.startsWith("/") && py.source !== "GIT") {
          const p = normalize(py.python_file);
          const target = underTarget(p);
          if (target !== void 0 && !byPath.has(p)) {
            const near = closestPath(p, byPath.keys());
            add(
              issue(
                `${ref.pointer}/spark_python_task/python_file`,
                `python_file "${py.python_file}" is not deployed by this repository (it is under the notebooks target ${target})${near ? ` \u2014 did you mean "${near}"?` : ""}`
              )
            );
          }
        }
      }
    }
  }
  for (const l of loaded) {
    if (l.kind !== "job") continue;
    for (const ref of allTasks(l.doc.value)) {
      const id = ref.task.existing_cluster_id;
      if (typeof id === "string" && !hasReference(id)) {
        set.add(
          toDiagnostic(
            l.doc,
            issue(
              `${ref.pointer}/existing_cluster_id`,
              `existing_cluster_id "${id}" names a cluster of one workspace; the other regions have other ids: use existing_cluster_name (or a \${var.X} per region)`,
              { severity: "warning" }
            )
          )
        );
      }
    }
  }
}
function missingNotebookMessage(written, p, target, byPath) {
  const entry = byPath.get(p);
  if (entry) {
    const ext = path4.extname(entry.file).toLowerCase();
    return `notebook_path "${written}" is a file, not a notebook: ${entry.path} ${HEADER_LINE[ext] ? `needs "${HEADER_LINE[ext]}" as its first line` : "is not a notebook type (.py, .sql, .scala, .r with the Databricks header, or .ipynb)"}`;
  }
  for (const ext of Object.keys(HEADER_LINE)) {
    const file = byPath.get(`${p}${ext}`);
    if (file)
      return `notebook_path "${written}" is not a notebook: ${file.path} has no "${HEADER_LINE[ext]}" first line, so it deploys as the file ${file.workspacePath}; add the header`;
  }
  const candidates = [...byPath.values()].filter((n) => n.objectType === "NOTEBOOK").map((n) => n.workspacePath);
  const stem = p.replace(/\.(py|r|scala|sql|ipynb)$/i, "");
  const near = stem !== p && byPath.get(stem)?.objectType === "NOTEBOOK" ? stem : closestPath(p, candidates);
  return `notebook_path "${written}" is not a notebook of this repository (the notebooks target is ${target})${near ? ` \u2014 did you mean "${near}"?` : ": check the path; notebooks deploy without their extension"}`;
}
function closestPath(p, candidates) {
  const dir = p.slice(0, p.lastIndexOf("/") + 1);
  const names = [...candidates].filter((c) => c.startsWith(dir) && !c.slice(dir.length).includes("/")).map((c) => c.slice(dir.length));
  const name = closest(p.slice(dir.length), names);
  return name === void 0 ? void 0 : `${dir}${name}`;
}
function buildProject(config, loaded, notebooks) {
  const regions = config.regions.map((r) => r.name);
  const out = { config, regions, jobs: [], clusters: [], scopes: [], notebooks };
  for (const l of loaded) {
    const byRegion = {};
    for (const r of regions) {
      const v = l.values.get(r);
      if (!isObject4(v)) continue;
      const { $schema: _ignored, ...rest } = v;
      byRegion[r] = rest;
    }
    if (Object.keys(byRegion).length !== regions.length) continue;
    const first = byRegion[regions[0]][NAME_FIELD[l.kind]];
    const def = {
      kind: l.kind,
      file: l.file,
      path: l.path,
      name: typeof first === "string" ? first : "",
      byRegion
    };
    if (l.kind === "job") out.jobs.push(def);
    else if (l.kind === "cluster") out.clusters.push(def);
    else out.scopes.push(def);
  }
  return out;
}
function validateFiles(fileList, options = {}) {
  const cwd = options.cwd ?? process.cwd();
  const set = new DiagnosticSet();
  const loaded = [];
  let files = 0;
  for (const f of fileList) {
    const abs = path4.resolve(cwd, f);
    const shown = displayPath(abs, cwd);
    files++;
    const byPath = options.kind ?? kindFromPath(abs);
    if (byPath === "config") {
      checkConfig(abs, shown, options.env ?? process.env, set);
      continue;
    }
    const doc = readDocument(abs, shown, set);
    if (!doc) continue;
    const kind = byPath ?? kindFromContent(doc.value);
    if (!kind) {
      set.add(
        atStart(
          shown,
          "cannot tell whether this is a job, a cluster, a secret scope or a config: put it under jobs/, clusters/ or secret-scopes/, or pass --kind"
        )
      );
      continue;
    }
    if (kind === "config") {
      checkConfig(abs, shown, options.env ?? process.env, set);
      continue;
    }
    const result = validateDocument(doc, { kind, unknownFields: "error" }, set);
    loaded.push({ kind, file: abs, path: shown, doc, values: result.values });
  }
  crossFileRules(loaded, [""], set);
  return { diagnostics: sortDiagnostics(set.result([""])), files };
}

// src/core/validate/types.ts
function hasErrors(report) {
  return report.diagnostics.some((d) => d.severity === "error");
}

// src/core/deploy/engine.ts
import os from "node:os";

// src/core/auth/cache.ts
var DEFAULT_REFRESH_MARGIN_MS = 5 * 6e4;
var RETRY_AFTER_FAILURE_MS = 1e4;
var MIN_REMAINING_MS = 3e4;
var RefreshingToken = class {
  constructor(fetchToken, options = {}) {
    this.fetchToken = fetchToken;
    this.options = options;
    this.now = options.now ?? Date.now;
    this.marginMs = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
    if (!Number.isFinite(this.marginMs) || this.marginMs < 0)
      throw new TypeError("refreshMarginMs must be a non-negative number");
  }
  fetchToken;
  options;
  current;
  inFlight;
  now;
  marginMs;
  /** Counts fetches, for tests and diagnostics. */
  fetches = 0;
  async get() {
    const current = this.current;
    if (current && this.now() < current.refreshAt) return current.token;
    this.inFlight ??= this.refresh().finally(() => {
      this.inFlight = void 0;
    });
    try {
      return await this.inFlight;
    } catch (error) {
      if (current && this.now() < current.expiresAt - MIN_REMAINING_MS) {
        current.refreshAt = Math.min(
          this.now() + RETRY_AFTER_FAILURE_MS,
          current.expiresAt - MIN_REMAINING_MS
        );
        this.options.onStaleRefreshError?.(error);
        return current.token;
      }
      throw error;
    }
  }
  /** Forgets the cached token, so the next `get` fetches a new one. */
  invalidate() {
    this.current = void 0;
  }
  async refresh() {
    this.fetches++;
    const obtainedAt = this.now();
    const issued = await this.fetchToken();
    const lifetime = Math.max(0, issued.expiresAt - obtainedAt);
    let refreshAt = issued.expiresAt - Math.min(this.marginMs, lifetime / 2);
    if (issued.refreshAfter !== void 0 && issued.refreshAfter > obtainedAt)
      refreshAt = Math.min(refreshAt, issued.refreshAfter);
    this.current = { token: issued.token, expiresAt: issued.expiresAt, refreshAt };
    return issued.token;
  }
};

// src/core/auth/errors.ts
var CredentialError = class extends Error {
  name = "CredentialError";
};
function decodeJwtClaims(token) {
  const parts = token.split(".");
  if (parts.length !== 3) return void 0;
  try {
    const v = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
    return typeof v === "object" && v !== null && !Array.isArray(v) ? v : void 0;
  } catch {
    return void 0;
  }
}
function describeClaims(claims) {
  if (!claims) return "an ID token that could not be decoded";
  const aud = Array.isArray(claims.aud) ? claims.aud.join(",") : String(claims.aud ?? "");
  const parts = [
    `issuer '${String(claims.iss ?? "")}'`,
    `subject '${String(claims.sub ?? "")}'`,
    `audience '${aud}'`
  ];
  if (typeof claims.job_workflow_ref === "string")
    parts.push(`job_workflow_ref '${claims.job_workflow_ref}'`);
  return parts.join(", ");
}
function scrub2(text, secrets) {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join("***");
  return out;
}
var GITHUB_FIC_HINT = "For GitHub Actions add a federated credential (app registration \u2192 Certificates & secrets \u2192 Federated credentials) with issuer 'https://token.actions.githubusercontent.com', audience 'api://AzureADTokenExchange' and exactly the subject above (a job with `environment: NAME` has subject 'repo:ORG/REPO:environment:NAME').";
var ADO_FIC_HINT = "For Azure DevOps the service connection's federated credential must carry the issuer and subject shown on the service connection's page; recreate or re-verify the connection if they differ.";
function aadDescription(text, code) {
  const m = new RegExp(`AADSTS${code}:\\s*(.*?)(?:\\s+Trace ID:|$)`, "s").exec(text);
  return (m ? m[1] : text).trim();
}
function explainAadsts(text, ctx) {
  const m = /AADSTS(\d+)/.exec(text);
  if (!m) return void 0;
  const code = m[1];
  const at = `region ${ctx.region} (auth ${ctx.type}): `;
  const tenant = ctx.tenantId ?? "(the CLI/identity default)";
  const client = ctx.clientId ?? "(the default identity)";
  const fic = ctx.type === "azure-pipelines" ? ADO_FIC_HINT : GITHUB_FIC_HINT;
  const say = (message2) => new ConfigurationError(`${at}${message2} (AADSTS${code})`);
  switch (code) {
    case "700016":
      return say(
        `client_id ${client} is not an application in tenant ${tenant}. Check client_id \u2014 the app registration's "Application (client) ID", not its object ID \u2014 and that tenant_id is the tenant the app is registered in.`
      );
    case "90002":
      return say(
        `tenant_id ${tenant} was not found at ${ctx.authorityHost}. Check tenant_id (the "Directory (tenant) ID") and that authority_host / AZURE_AUTHORITY_HOST is the cloud the tenant lives in.`
      );
    case "900023":
      return say(`tenant_id '${tenant}' is neither a tenant ID (a GUID) nor a verified domain of a tenant.`);
    case "7000215":
      return say(
        `the client secret in ${ctx.secretEnv ?? "the configured variable"} is not a valid secret of client_id ${client}. Store the secret's Value (shown once at creation), not its Secret ID, and check that client_id is the app the secret belongs to.`
      );
    case "7000222":
      return say(
        `the client secret in ${ctx.secretEnv ?? "the configured variable"} has expired. Create a new secret for client_id ${client} and update the CI secret.`
      );
    case "700211":
    case "700212":
    case "700213":
    case "70021":
      return say(
        `no federated credential of client_id ${client} matches this run's ID token (${describeClaims(ctx.assertionClaims)}). ${fic}`
      );
    case "700024":
      return say(
        `the ID token used as client assertion was not within its valid time range (${describeClaims(ctx.assertionClaims)}); check the machine's clock.`
      );
    case "7000112":
    case "7000111":
      return say(
        `the application ${client} is disabled in tenant ${tenant}. Enable it, or use another service principal.`
      );
    case "500011":
      return say(
        `the AzureDatabricks resource (2ff814a6-3304-4ab8-85cb-cd0e6f879c1d) does not exist in tenant ${tenant}. Check tenant_id: it must be the tenant of the Databricks workspace.`
      );
    case "53003":
      return say(
        `a Conditional Access policy in tenant ${tenant} blocks sign-in for client_id ${client}. Ask the tenant administrator to exclude this workload identity or allow the runner's network.`
      );
    case "7000218":
      return say("the token request carried neither a client secret nor a client assertion.");
    default:
      return new CredentialError(
        `${at}Entra ID refused a token for client_id ${client} in tenant ${tenant}: AADSTS${code}: ${scrub2(aadDescription(text, code), ctx.secrets)}`
      );
  }
}

// src/core/auth/fetch.ts
import { Agent as HttpsAgent2 } from "node:https";
import { getCACertificates, rootCertificates } from "node:tls";

// node_modules/node-fetch/src/index.js
import http2 from "node:http";
import https from "node:https";
import zlib from "node:zlib";
import Stream2, { PassThrough as PassThrough2, pipeline as pump } from "node:stream";
import { Buffer as Buffer3 } from "node:buffer";

// node_modules/data-uri-to-buffer/dist/index.js
function dataUriToBuffer(uri) {
  if (!/^data:/i.test(uri)) {
    throw new TypeError('`uri` does not appear to be a Data URI (must begin with "data:")');
  }
  uri = uri.replace(/\r?\n/g, "");
  const firstComma = uri.indexOf(",");
  if (firstComma === -1 || firstComma <= 4) {
    throw new TypeError("malformed data: URI");
  }
  const meta = uri.substring(5, firstComma).split(";");
  let charset = "";
  let base64 = false;
  const type = meta[0] || "text/plain";
  let typeFull = type;
  for (let i = 1; i < meta.length; i++) {
    if (meta[i] === "base64") {
      base64 = true;
    } else if (meta[i]) {
      typeFull += `;${meta[i]}`;
      if (meta[i].indexOf("charset=") === 0) {
        charset = meta[i].substring(8);
      }
    }
  }
  if (!meta[0] && !charset.length) {
    typeFull += ";charset=US-ASCII";
    charset = "US-ASCII";
  }
  const encoding = base64 ? "base64" : "ascii";
  const data = unescape(uri.substring(firstComma + 1));
  const buffer = Buffer.from(data, encoding);
  buffer.type = type;
  buffer.typeFull = typeFull;
  buffer.charset = charset;
  return buffer;
}
var dist_default = dataUriToBuffer;

// node_modules/node-fetch/src/body.js
import Stream, { PassThrough } from "node:stream";
import { types, deprecate, promisify } from "node:util";
import { Buffer as Buffer2 } from "node:buffer";

// node_modules/node-fetch/src/errors/base.js
var FetchBaseError = class extends Error {
  constructor(message2, type) {
    super(message2);
    Error.captureStackTrace(this, this.constructor);
    this.type = type;
  }
  get name() {
    return this.constructor.name;
  }
  get [Symbol.toStringTag]() {
    return this.constructor.name;
  }
};

// node_modules/node-fetch/src/errors/fetch-error.js
var FetchError = class extends FetchBaseError {
  /**
   * @param  {string} message -      Error message for human
   * @param  {string} [type] -        Error type for machine
   * @param  {SystemError} [systemError] - For Node.js system error
   */
  constructor(message2, type, systemError) {
    super(message2, type);
    if (systemError) {
      this.code = this.errno = systemError.code;
      this.erroredSysCall = systemError.syscall;
    }
  }
};

// node_modules/node-fetch/src/utils/is.js
var NAME = Symbol.toStringTag;
var isURLSearchParameters = (object) => {
  return typeof object === "object" && typeof object.append === "function" && typeof object.delete === "function" && typeof object.get === "function" && typeof object.getAll === "function" && typeof object.has === "function" && typeof object.set === "function" && typeof object.sort === "function" && object[NAME] === "URLSearchParams";
};
var isBlob = (object) => {
  return object && typeof object === "object" && typeof object.arrayBuffer === "function" && typeof object.type === "string" && typeof object.stream === "function" && typeof object.constructor === "function" && /^(Blob|File)$/.test(object[NAME]);
};
var isAbortSignal = (object) => {
  return typeof object === "object" && (object[NAME] === "AbortSignal" || object[NAME] === "EventTarget");
};
var isDomainOrSubdomain = (destination, original) => {
  const orig = new URL(original).hostname;
  const dest = new URL(destination).hostname;
  return orig === dest || orig.endsWith(`.${dest}`);
};
var isSameProtocol = (destination, original) => {
  const orig = new URL(original).protocol;
  const dest = new URL(destination).protocol;
  return orig === dest;
};

// node_modules/node-fetch/src/body.js
var pipeline = promisify(Stream.pipeline);
var INTERNALS = /* @__PURE__ */ Symbol("Body internals");
var Body = class {
  constructor(body, {
    size = 0
  } = {}) {
    let boundary = null;
    if (body === null) {
      body = null;
    } else if (isURLSearchParameters(body)) {
      body = Buffer2.from(body.toString());
    } else if (isBlob(body)) {
    } else if (Buffer2.isBuffer(body)) {
    } else if (types.isAnyArrayBuffer(body)) {
      body = Buffer2.from(body);
    } else if (ArrayBuffer.isView(body)) {
      body = Buffer2.from(body.buffer, body.byteOffset, body.byteLength);
    } else if (body instanceof Stream) {
    } else if (body instanceof FormData) {
      body = formDataToBlob(body);
      boundary = body.type.split("=")[1];
    } else {
      body = Buffer2.from(String(body));
    }
    let stream = body;
    if (Buffer2.isBuffer(body)) {
      stream = Stream.Readable.from(body);
    } else if (isBlob(body)) {
      stream = Stream.Readable.from(body.stream());
    }
    this[INTERNALS] = {
      body,
      stream,
      boundary,
      disturbed: false,
      error: null
    };
    this.size = size;
    if (body instanceof Stream) {
      body.on("error", (error_) => {
        const error = error_ instanceof FetchBaseError ? error_ : new FetchError(`Invalid response body while trying to fetch ${this.url}: ${error_.message}`, "system", error_);
        this[INTERNALS].error = error;
      });
    }
  }
  get body() {
    return this[INTERNALS].stream;
  }
  get bodyUsed() {
    return this[INTERNALS].disturbed;
  }
  /**
   * Decode response as ArrayBuffer
   *
   * @return  Promise
   */
  async arrayBuffer() {
    const { buffer, byteOffset, byteLength } = await consumeBody(this);
    return buffer.slice(byteOffset, byteOffset + byteLength);
  }
  async formData() {
    const ct = this.headers.get("content-type");
    if (ct.startsWith("application/x-www-form-urlencoded")) {
      const formData = new FormData();
      const parameters = new URLSearchParams(await this.text());
      for (const [name, value2] of parameters) {
        formData.append(name, value2);
      }
      return formData;
    }
    const { toFormData } = await import("./multipart-parser-TF334JZO.js");
    return toFormData(this.body, ct);
  }
  /**
   * Return raw response as Blob
   *
   * @return Promise
   */
  async blob() {
    const ct = this.headers && this.headers.get("content-type") || this[INTERNALS].body && this[INTERNALS].body.type || "";
    const buf = await this.arrayBuffer();
    return new fetch_blob_default([buf], {
      type: ct
    });
  }
  /**
   * Decode response as json
   *
   * @return  Promise
   */
  async json() {
    const text = await this.text();
    return JSON.parse(text);
  }
  /**
   * Decode response as text
   *
   * @return  Promise
   */
  async text() {
    const buffer = await consumeBody(this);
    return new TextDecoder().decode(buffer);
  }
  /**
   * Decode response as buffer (non-spec api)
   *
   * @return  Promise
   */
  buffer() {
    return consumeBody(this);
  }
};
Body.prototype.buffer = deprecate(Body.prototype.buffer, "Please use 'response.arrayBuffer()' instead of 'response.buffer()'", "node-fetch#buffer");
Object.defineProperties(Body.prototype, {
  body: { enumerable: true },
  bodyUsed: { enumerable: true },
  arrayBuffer: { enumerable: true },
  blob: { enumerable: true },
  json: { enumerable: true },
  text: { enumerable: true },
  data: { get: deprecate(
    () => {
    },
    "data doesn't exist, use json(), text(), arrayBuffer(), or body instead",
    "https://github.com/node-fetch/node-fetch/issues/1000 (response)"
  ) }
});
async function consumeBody(data) {
  if (data[INTERNALS].disturbed) {
    throw new TypeError(`body used already for: ${data.url}`);
  }
  data[INTERNALS].disturbed = true;
  if (data[INTERNALS].error) {
    throw data[INTERNALS].error;
  }
  const { body } = data;
  if (body === null) {
    return Buffer2.alloc(0);
  }
  if (!(body instanceof Stream)) {
    return Buffer2.alloc(0);
  }
  const accum = [];
  let accumBytes = 0;
  try {
    for await (const chunk of body) {
      if (data.size > 0 && accumBytes + chunk.length > data.size) {
        const error = new FetchError(`content size at ${data.url} over limit: ${data.size}`, "max-size");
        body.destroy(error);
        throw error;
      }
      accumBytes += chunk.length;
      accum.push(chunk);
    }
  } catch (error) {
    const error_ = error instanceof FetchBaseError ? error : new FetchError(`Invalid response body while trying to fetch ${data.url}: ${error.message}`, "system", error);
    throw error_;
  }
  if (body.readableEnded === true || body._readableState.ended === true) {
    try {
      if (accum.every((c) => typeof c === "string")) {
        return Buffer2.from(accum.join(""));
      }
      return Buffer2.concat(accum, accumBytes);
    } catch (error) {
      throw new FetchError(`Could not create Buffer from response body for ${data.url}: ${error.message}`, "system", error);
    }
  } else {
    throw new FetchError(`Premature close of server response while trying to fetch ${data.url}`);
  }
}
var clone = (instance2, highWaterMark) => {
  let p1;
  let p2;
  let { body } = instance2[INTERNALS];
  if (instance2.bodyUsed) {
    throw new Error("cannot clone body after it is used");
  }
  if (body instanceof Stream && typeof body.getBoundary !== "function") {
    p1 = new PassThrough({ highWaterMark });
    p2 = new PassThrough({ highWaterMark });
    body.pipe(p1);
    body.pipe(p2);
    instance2[INTERNALS].stream = p1;
    body = p2;
  }
  return body;
};
var getNonSpecFormDataBoundary = deprecate(
  (body) => body.getBoundary(),
  "form-data doesn't follow the spec and requires special treatment. Use alternative package",
  "https://github.com/node-fetch/node-fetch/issues/1167"
);
var extractContentType = (body, request) => {
  if (body === null) {
    return null;
  }
  if (typeof body === "string") {
    return "text/plain;charset=UTF-8";
  }
  if (isURLSearchParameters(body)) {
    return "application/x-www-form-urlencoded;charset=UTF-8";
  }
  if (isBlob(body)) {
    return body.type || null;
  }
  if (Buffer2.isBuffer(body) || types.isAnyArrayBuffer(body) || ArrayBuffer.isView(body)) {
    return null;
  }
  if (body instanceof FormData) {
    return `multipart/form-data; boundary=${request[INTERNALS].boundary}`;
  }
  if (body && typeof body.getBoundary === "function") {
    return `multipart/form-data;boundary=${getNonSpecFormDataBoundary(body)}`;
  }
  if (body instanceof Stream) {
    return null;
  }
  return "text/plain;charset=UTF-8";
};
var getTotalBytes = (request) => {
  const { body } = request[INTERNALS];
  if (body === null) {
    return 0;
  }
  if (isBlob(body)) {
    return body.size;
  }
  if (Buffer2.isBuffer(body)) {
    return body.length;
  }
  if (body && typeof body.getLengthSync === "function") {
    return body.hasKnownLength && body.hasKnownLength() ? body.getLengthSync() : null;
  }
  return null;
};
var writeToStream = async (dest, { body }) => {
  if (body === null) {
    dest.end();
  } else {
    await pipeline(body, dest);
  }
};

// node_modules/node-fetch/src/headers.js
import { types as types2 } from "node:util";
import http from "node:http";
var validateHeaderName = typeof http.validateHeaderName === "function" ? http.validateHeaderName : (name) => {
  if (!/^[\^`\-\w!#$%&'*+.|~]+$/.test(name)) {
    const error = new TypeError(`Header name must be a valid HTTP token [${name}]`);
    Object.defineProperty(error, "code", { value: "ERR_INVALID_HTTP_TOKEN" });
    throw error;
  }
};
var validateHeaderValue = typeof http.validateHeaderValue === "function" ? http.validateHeaderValue : (name, value2) => {
  if (/[^\t\u0020-\u007E\u0080-\u00FF]/.test(value2)) {
    const error = new TypeError(`Invalid character in header content ["${name}"]`);
    Object.defineProperty(error, "code", { value: "ERR_INVALID_CHAR" });
    throw error;
  }
};
var Headers = class _Headers extends URLSearchParams {
  /**
   * Headers class
   *
   * @constructor
   * @param {HeadersInit} [init] - Response headers
   */
  constructor(init) {
    let result = [];
    if (init instanceof _Headers) {
      const raw = init.raw();
      for (const [name, values] of Object.entries(raw)) {
        result.push(...values.map((value2) => [name, value2]));
      }
    } else if (init == null) {
    } else if (typeof init === "object" && !types2.isBoxedPrimitive(init)) {
      const method = init[Symbol.iterator];
      if (method == null) {
        result.push(...Object.entries(init));
      } else {
        if (typeof method !== "function") {
          throw new TypeError("Header pairs must be iterable");
        }
        result = [...init].map((pair) => {
          if (typeof pair !== "object" || types2.isBoxedPrimitive(pair)) {
            throw new TypeError("Each header pair must be an iterable object");
          }
          return [...pair];
        }).map((pair) => {
          if (pair.length !== 2) {
            throw new TypeError("Each header pair must be a name/value tuple");
          }
          return [...pair];
        });
      }
    } else {
      throw new TypeError("Failed to construct 'Headers': The provided value is not of type '(sequence<sequence<ByteString>> or record<ByteString, ByteString>)");
    }
    result = result.length > 0 ? result.map(([name, value2]) => {
      validateHeaderName(name);
      validateHeaderValue(name, String(value2));
      return [String(name).toLowerCase(), String(value2)];
    }) : void 0;
    super(result);
    return new Proxy(this, {
      get(target, p, receiver) {
        switch (p) {
          case "append":
          case "set":
            return (name, value2) => {
              validateHeaderName(name);
              validateHeaderValue(name, String(value2));
              return URLSearchParams.prototype[p].call(
                target,
                String(name).toLowerCase(),
                String(value2)
              );
            };
          case "delete":
          case "has":
          case "getAll":
            return (name) => {
              validateHeaderName(name);
              return URLSearchParams.prototype[p].call(
                target,
                String(name).toLowerCase()
              );
            };
          case "keys":
            return () => {
              target.sort();
              return new Set(URLSearchParams.prototype.keys.call(target)).keys();
            };
          default:
            return Reflect.get(target, p, receiver);
        }
      }
    });
  }
  get [Symbol.toStringTag]() {
    return this.constructor.name;
  }
  toString() {
    return Object.prototype.toString.call(this);
  }
  get(name) {
    const values = this.getAll(name);
    if (values.length === 0) {
      return null;
    }
    let value2 = values.join(", ");
    if (/^content-encoding$/i.test(name)) {
      value2 = value2.toLowerCase();
    }
    return value2;
  }
  forEach(callback, thisArg = void 0) {
    for (const name of this.keys()) {
      Reflect.apply(callback, thisArg, [this.get(name), name, this]);
    }
  }
  *values() {
    for (const name of this.keys()) {
      yield this.get(name);
    }
  }
  /**
   * @type {() => IterableIterator<[string, string]>}
   */
  *entries() {
    for (const name of this.keys()) {
      yield [name, this.get(name)];
    }
  }
  [Symbol.iterator]() {
    return this.entries();
  }
  /**
   * Node-fetch non-spec method
   * returning all headers and their values as array
   * @returns {Record<string, string[]>}
   */
  raw() {
    return [...this.keys()].reduce((result, key) => {
      result[key] = this.getAll(key);
      return result;
    }, {});
  }
  /**
   * For better console.log(headers) and also to convert Headers into Node.js Request compatible format
   */
  [/* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom")]() {
    return [...this.keys()].reduce((result, key) => {
      const values = this.getAll(key);
      if (key === "host") {
        result[key] = values[0];
      } else {
        result[key] = values.length > 1 ? values : values[0];
      }
      return result;
    }, {});
  }
};
Object.defineProperties(
  Headers.prototype,
  ["get", "entries", "forEach", "values"].reduce((result, property) => {
    result[property] = { enumerable: true };
    return result;
  }, {})
);
function fromRawHeaders(headers = []) {
  return new Headers(
    headers.reduce((result, value2, index, array) => {
      if (index % 2 === 0) {
        result.push(array.slice(index, index + 2));
      }
      return result;
    }, []).filter(([name, value2]) => {
      try {
        validateHeaderName(name);
        validateHeaderValue(name, String(value2));
        return true;
      } catch {
        return false;
      }
    })
  );
}

// node_modules/node-fetch/src/utils/is-redirect.js
var redirectStatus = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
var isRedirect = (code) => {
  return redirectStatus.has(code);
};

// node_modules/node-fetch/src/response.js
var INTERNALS2 = /* @__PURE__ */ Symbol("Response internals");
var Response = class _Response extends Body {
  constructor(body = null, options = {}) {
    super(body, options);
    const status = options.status != null ? options.status : 200;
    const headers = new Headers(options.headers);
    if (body !== null && !headers.has("Content-Type")) {
      const contentType = extractContentType(body, this);
      if (contentType) {
        headers.append("Content-Type", contentType);
      }
    }
    this[INTERNALS2] = {
      type: "default",
      url: options.url,
      status,
      statusText: options.statusText || "",
      headers,
      counter: options.counter,
      highWaterMark: options.highWaterMark
    };
  }
  get type() {
    return this[INTERNALS2].type;
  }
  get url() {
    return this[INTERNALS2].url || "";
  }
  get status() {
    return this[INTERNALS2].status;
  }
  /**
   * Convenience property representing if the request ended normally
   */
  get ok() {
    return this[INTERNALS2].status >= 200 && this[INTERNALS2].status < 300;
  }
  get redirected() {
    return this[INTERNALS2].counter > 0;
  }
  get statusText() {
    return this[INTERNALS2].statusText;
  }
  get headers() {
    return this[INTERNALS2].headers;
  }
  get highWaterMark() {
    return this[INTERNALS2].highWaterMark;
  }
  /**
   * Clone this response
   *
   * @return  Response
   */
  clone() {
    return new _Response(clone(this, this.highWaterMark), {
      type: this.type,
      url: this.url,
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
      ok: this.ok,
      redirected: this.redirected,
      size: this.size,
      highWaterMark: this.highWaterMark
    });
  }
  /**
   * @param {string} url    The URL that the new response is to originate from.
   * @param {number} status An optional status code for the response (e.g., 302.)
   * @returns {Response}    A Response object.
   */
  static redirect(url, status = 302) {
    if (!isRedirect(status)) {
      throw new RangeError('Failed to execute "redirect" on "response": Invalid status code');
    }
    return new _Response(null, {
      headers: {
        location: new URL(url).toString()
      },
      status
    });
  }
  static error() {
    const response = new _Response(null, { status: 0, statusText: "" });
    response[INTERNALS2].type = "error";
    return response;
  }
  static json(data = void 0, init = {}) {
    const body = JSON.stringify(data);
    if (body === void 0) {
      throw new TypeError("data is not JSON serializable");
    }
    const headers = new Headers(init && init.headers);
    if (!headers.has("content-type")) {
      headers.set("content-type", "application/json");
    }
    return new _Response(body, {
      ...init,
      headers
    });
  }
  get [Symbol.toStringTag]() {
    return "Response";
  }
};
Object.defineProperties(Response.prototype, {
  type: { enumerable: true },
  url: { enumerable: true },
  status: { enumerable: true },
  ok: { enumerable: true },
  redirected: { enumerable: true },
  statusText: { enumerable: true },
  headers: { enumerable: true },
  clone: { enumerable: true }
});

// node_modules/node-fetch/src/request.js
import { format as formatUrl } from "node:url";
import { deprecate as deprecate2 } from "node:util";

// node_modules/node-fetch/src/utils/get-search.js
var getSearch = (parsedURL) => {
  if (parsedURL.search) {
    return parsedURL.search;
  }
  const lastOffset = parsedURL.href.length - 1;
  const hash = parsedURL.hash || (parsedURL.href[lastOffset] === "#" ? "#" : "");
  return parsedURL.href[lastOffset - hash.length] === "?" ? "?" : "";
};

// node_modules/node-fetch/src/utils/referrer.js
import { isIP } from "node:net";
function stripURLForUseAsAReferrer(url, originOnly = false) {
  if (url == null) {
    return "no-referrer";
  }
  url = new URL(url);
  if (/^(about|blob|data):$/.test(url.protocol)) {
    return "no-referrer";
  }
  url.username = "";
  url.password = "";
  url.hash = "";
  if (originOnly) {
    url.pathname = "";
    url.search = "";
  }
  return url;
}
var ReferrerPolicy = /* @__PURE__ */ new Set([
  "",
  "no-referrer",
  "no-referrer-when-downgrade",
  "same-origin",
  "origin",
  "strict-origin",
  "origin-when-cross-origin",
  "strict-origin-when-cross-origin",
  "unsafe-url"
]);
var DEFAULT_REFERRER_POLICY = "strict-origin-when-cross-origin";
function validateReferrerPolicy(referrerPolicy) {
  if (!ReferrerPolicy.has(referrerPolicy)) {
    throw new TypeError(`Invalid referrerPolicy: ${referrerPolicy}`);
  }
  return referrerPolicy;
}
function isOriginPotentiallyTrustworthy(url) {
  if (/^(http|ws)s:$/.test(url.protocol)) {
    return true;
  }
  const hostIp = url.host.replace(/(^\[)|(]$)/g, "");
  const hostIPVersion = isIP(hostIp);
  if (hostIPVersion === 4 && /^127\./.test(hostIp)) {
    return true;
  }
  if (hostIPVersion === 6 && /^(((0+:){7})|(::(0+:){0,6}))0*1$/.test(hostIp)) {
    return true;
  }
  if (url.host === "localhost" || url.host.endsWith(".localhost")) {
    return false;
  }
  if (url.protocol === "file:") {
    return true;
  }
  return false;
}
function isUrlPotentiallyTrustworthy(url) {
  if (/^about:(blank|srcdoc)$/.test(url)) {
    return true;
  }
  if (url.protocol === "data:") {
    return true;
  }
  if (/^(blob|filesystem):$/.test(url.protocol)) {
    return true;
  }
  return isOriginPotentiallyTrustworthy(url);
}
function determineRequestsReferrer(request, { referrerURLCallback, referrerOriginCallback } = {}) {
  if (request.referrer === "no-referrer" || request.referrerPolicy === "") {
    return null;
  }
  const policy = request.referrerPolicy;
  if (request.referrer === "about:client") {
    return "no-referrer";
  }
  const referrerSource = request.referrer;
  let referrerURL = stripURLForUseAsAReferrer(referrerSource);
  let referrerOrigin = stripURLForUseAsAReferrer(referrerSource, true);
  if (referrerURL.toString().length > 4096) {
    referrerURL = referrerOrigin;
  }
  if (referrerURLCallback) {
    referrerURL = referrerURLCallback(referrerURL);
  }
  if (referrerOriginCallback) {
    referrerOrigin = referrerOriginCallback(referrerOrigin);
  }
  const currentURL = new URL(request.url);
  switch (policy) {
    case "no-referrer":
      return "no-referrer";
    case "origin":
      return referrerOrigin;
    case "unsafe-url":
      return referrerURL;
    case "strict-origin":
      if (isUrlPotentiallyTrustworthy(referrerURL) && !isUrlPotentiallyTrustworthy(currentURL)) {
        return "no-referrer";
      }
      return referrerOrigin.toString();
    case "strict-origin-when-cross-origin":
      if (referrerURL.origin === currentURL.origin) {
        return referrerURL;
      }
      if (isUrlPotentiallyTrustworthy(referrerURL) && !isUrlPotentiallyTrustworthy(currentURL)) {
        return "no-referrer";
      }
      return referrerOrigin;
    case "same-origin":
      if (referrerURL.origin === currentURL.origin) {
        return referrerURL;
      }
      return "no-referrer";
    case "origin-when-cross-origin":
      if (referrerURL.origin === currentURL.origin) {
        return referrerURL;
      }
      return referrerOrigin;
    case "no-referrer-when-downgrade":
      if (isUrlPotentiallyTrustworthy(referrerURL) && !isUrlPotentiallyTrustworthy(currentURL)) {
        return "no-referrer";
      }
      return referrerURL;
    default:
      throw new TypeError(`Invalid referrerPolicy: ${policy}`);
  }
}
function parseReferrerPolicyFromHeader(headers) {
  const policyTokens = (headers.get("referrer-policy") || "").split(/[,\s]+/);
  let policy = "";
  for (const token of policyTokens) {
    if (token && ReferrerPolicy.has(token)) {
      policy = token;
    }
  }
  return policy;
}

// node_modules/node-fetch/src/request.js
var INTERNALS3 = /* @__PURE__ */ Symbol("Request internals");
var isRequest = (object) => {
  return typeof object === "object" && typeof object[INTERNALS3] === "object";
};
var doBadDataWarn = deprecate2(
  () => {
  },
  ".data is not a valid RequestInit property, use .body instead",
  "https://github.com/node-fetch/node-fetch/issues/1000 (request)"
);
var Request = class _Request extends Body {
  constructor(input, init = {}) {
    let parsedURL;
    if (isRequest(input)) {
      parsedURL = new URL(input.url);
    } else {
      parsedURL = new URL(input);
      input = {};
    }
    if (parsedURL.username !== "" || parsedURL.password !== "") {
      throw new TypeError(`${parsedURL} is an url with embedded credentials.`);
    }
    let method = init.method || input.method || "GET";
    if (/^(delete|get|head|options|post|put)$/i.test(method)) {
      method = method.toUpperCase();
    }
    if (!isRequest(init) && "data" in init) {
      doBadDataWarn();
    }
    if ((init.body != null || isRequest(input) && input.body !== null) && (method === "GET" || method === "HEAD")) {
      throw new TypeError("Request with GET/HEAD method cannot have body");
    }
    const inputBody = init.body ? init.body : isRequest(input) && input.body !== null ? clone(input) : null;
    super(inputBody, {
      size: init.size || input.size || 0
    });
    const headers = new Headers(init.headers || input.headers || {});
    if (inputBody !== null && !headers.has("Content-Type")) {
      const contentType = extractContentType(inputBody, this);
      if (contentType) {
        headers.set("Content-Type", contentType);
      }
    }
    let signal = isRequest(input) ? input.signal : null;
    if ("signal" in init) {
      signal = init.signal;
    }
    if (signal != null && !isAbortSignal(signal)) {
      throw new TypeError("Expected signal to be an instanceof AbortSignal or EventTarget");
    }
    let referrer = init.referrer == null ? input.referrer : init.referrer;
    if (referrer === "") {
      referrer = "no-referrer";
    } else if (referrer) {
      const parsedReferrer = new URL(referrer);
      referrer = /^about:(\/\/)?client$/.test(parsedReferrer) ? "client" : parsedReferrer;
    } else {
      referrer = void 0;
    }
    this[INTERNALS3] = {
      method,
      redirect: init.redirect || input.redirect || "follow",
      headers,
      parsedURL,
      signal,
      referrer
    };
    this.follow = init.follow === void 0 ? input.follow === void 0 ? 20 : input.follow : init.follow;
    this.compress = init.compress === void 0 ? input.compress === void 0 ? true : input.compress : init.compress;
    this.counter = init.counter || input.counter || 0;
    this.agent = init.agent || input.agent;
    this.highWaterMark = init.highWaterMark || input.highWaterMark || 16384;
    this.insecureHTTPParser = init.insecureHTTPParser || input.insecureHTTPParser || false;
    this.referrerPolicy = init.referrerPolicy || input.referrerPolicy || "";
  }
  /** @returns {string} */
  get method() {
    return this[INTERNALS3].method;
  }
  /** @returns {string} */
  get url() {
    return formatUrl(this[INTERNALS3].parsedURL);
  }
  /** @returns {Headers} */
  get headers() {
    return this[INTERNALS3].headers;
  }
  get redirect() {
    return this[INTERNALS3].redirect;
  }
  /** @returns {AbortSignal} */
  get signal() {
    return this[INTERNALS3].signal;
  }
  // https://fetch.spec.whatwg.org/#dom-request-referrer
  get referrer() {
    if (this[INTERNALS3].referrer === "no-referrer") {
      return "";
    }
    if (this[INTERNALS3].referrer === "client") {
      return "about:client";
    }
    if (this[INTERNALS3].referrer) {
      return this[INTERNALS3].referrer.toString();
    }
    return void 0;
  }
  get referrerPolicy() {
    return this[INTERNALS3].referrerPolicy;
  }
  set referrerPolicy(referrerPolicy) {
    this[INTERNALS3].referrerPolicy = validateReferrerPolicy(referrerPolicy);
  }
  /**
   * Clone this request
   *
   * @return  Request
   */
  clone() {
    return new _Request(this);
  }
  get [Symbol.toStringTag]() {
    return "Request";
  }
};
Object.defineProperties(Request.prototype, {
  method: { enumerable: true },
  url: { enumerable: true },
  headers: { enumerable: true },
  redirect: { enumerable: true },
  clone: { enumerable: true },
  signal: { enumerable: true },
  referrer: { enumerable: true },
  referrerPolicy: { enumerable: true }
});
var getNodeRequestOptions = (request) => {
  const { parsedURL } = request[INTERNALS3];
  const headers = new Headers(request[INTERNALS3].headers);
  if (!headers.has("Accept")) {
    headers.set("Accept", "*/*");
  }
  let contentLengthValue = null;
  if (request.body === null && /^(post|put)$/i.test(request.method)) {
    contentLengthValue = "0";
  }
  if (request.body !== null) {
    const totalBytes = getTotalBytes(request);
    if (typeof totalBytes === "number" && !Number.isNaN(totalBytes)) {
      contentLengthValue = String(totalBytes);
    }
  }
  if (contentLengthValue) {
    headers.set("Content-Length", contentLengthValue);
  }
  if (request.referrerPolicy === "") {
    request.referrerPolicy = DEFAULT_REFERRER_POLICY;
  }
  if (request.referrer && request.referrer !== "no-referrer") {
    request[INTERNALS3].referrer = determineRequestsReferrer(request);
  } else {
    request[INTERNALS3].referrer = "no-referrer";
  }
  if (request[INTERNALS3].referrer instanceof URL) {
    headers.set("Referer", request.referrer);
  }
  if (!headers.has("User-Agent")) {
    headers.set("User-Agent", "node-fetch");
  }
  if (request.compress && !headers.has("Accept-Encoding")) {
    headers.set("Accept-Encoding", "gzip, deflate, br");
  }
  let { agent } = request;
  if (typeof agent === "function") {
    agent = agent(parsedURL);
  }
  const search = getSearch(parsedURL);
  const options = {
    // Overwrite search to retain trailing ? (issue #776)
    path: parsedURL.pathname + search,
    // The following options are not expressed in the URL
    method: request.method,
    headers: headers[/* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom")](),
    insecureHTTPParser: request.insecureHTTPParser,
    agent
  };
  return {
    /** @type {URL} */
    parsedURL,
    options
  };
};

// node_modules/node-fetch/src/errors/abort-error.js
var AbortError = class extends FetchBaseError {
  constructor(message2, type = "aborted") {
    super(message2, type);
  }
};

// node_modules/node-fetch/src/index.js
var supportedSchemas = /* @__PURE__ */ new Set(["data:", "http:", "https:"]);
async function fetch(url, options_) {
  return new Promise((resolve3, reject) => {
    const request = new Request(url, options_);
    const { parsedURL, options } = getNodeRequestOptions(request);
    if (!supportedSchemas.has(parsedURL.protocol)) {
      throw new TypeError(`node-fetch cannot load ${url}. URL scheme "${parsedURL.protocol.replace(/:$/, "")}" is not supported.`);
    }
    if (parsedURL.protocol === "data:") {
      const data = dist_default(request.url);
      const response2 = new Response(data, { headers: { "Content-Type": data.typeFull } });
      resolve3(response2);
      return;
    }
    const send = (parsedURL.protocol === "https:" ? https : http2).request;
    const { signal } = request;
    let response = null;
    const abort = () => {
      const error = new AbortError("The operation was aborted.");
      reject(error);
      if (request.body && request.body instanceof Stream2.Readable) {
        request.body.destroy(error);
      }
      if (!response || !response.body) {
        return;
      }
      response.body.emit("error", error);
    };
    if (signal && signal.aborted) {
      abort();
      return;
    }
    const abortAndFinalize = () => {
      abort();
      finalize();
    };
    const request_ = send(parsedURL.toString(), options);
    if (signal) {
      signal.addEventListener("abort", abortAndFinalize);
    }
    const finalize = () => {
      request_.abort();
      if (signal) {
        signal.removeEventListener("abort", abortAndFinalize);
      }
    };
    request_.on("error", (error) => {
      reject(new FetchError(`request to ${request.url} failed, reason: ${error.message}`, "system", error));
      finalize();
    });
    fixResponseChunkedTransferBadEnding(request_, (error) => {
      if (response && response.body) {
        response.body.destroy(error);
      }
    });
    if (process.version < "v14") {
      request_.on("socket", (s) => {
        let endedWithEventsCount;
        s.prependListener("end", () => {
          endedWithEventsCount = s._eventsCount;
        });
        s.prependListener("close", (hadError) => {
          if (response && endedWithEventsCount < s._eventsCount && !hadError) {
            const error = new Error("Premature close");
            error.code = "ERR_STREAM_PREMATURE_CLOSE";
            response.body.emit("error", error);
          }
        });
      });
    }
    request_.on("response", (response_) => {
      request_.setTimeout(0);
      const headers = fromRawHeaders(response_.rawHeaders);
      if (isRedirect(response_.statusCode)) {
        const location = headers.get("Location");
        let locationURL = null;
        try {
          locationURL = location === null ? null : new URL(location, request.url);
        } catch {
          if (request.redirect !== "manual") {
            reject(new FetchError(`uri requested responds with an invalid redirect URL: ${location}`, "invalid-redirect"));
            finalize();
            return;
          }
        }
        switch (request.redirect) {
          case "error":
            reject(new FetchError(`uri requested responds with a redirect, redirect mode is set to error: ${request.url}`, "no-redirect"));
            finalize();
            return;
          case "manual":
            break;
          case "follow": {
            if (locationURL === null) {
              break;
            }
            if (request.counter >= request.follow) {
              reject(new FetchError(`maximum redirect reached at: ${request.url}`, "max-redirect"));
              finalize();
              return;
            }
            const requestOptions = {
              headers: new Headers(request.headers),
              follow: request.follow,
              counter: request.counter + 1,
              agent: request.agent,
              compress: request.compress,
              method: request.method,
              body: clone(request),
              signal: request.signal,
              size: request.size,
              referrer: request.referrer,
              referrerPolicy: request.referrerPolicy
            };
            if (!isDomainOrSubdomain(request.url, locationURL) || !isSameProtocol(request.url, locationURL)) {
              for (const name of ["authorization", "www-authenticate", "cookie", "cookie2"]) {
                requestOptions.headers.delete(name);
              }
            }
            if (response_.statusCode !== 303 && request.body && options_.body instanceof Stream2.Readable) {
              reject(new FetchError("Cannot follow redirect with body being a readable stream", "unsupported-redirect"));
              finalize();
              return;
            }
            if (response_.statusCode === 303 || (response_.statusCode === 301 || response_.statusCode === 302) && request.method === "POST") {
              requestOptions.method = "GET";
              requestOptions.body = void 0;
              requestOptions.headers.delete("content-length");
            }
            const responseReferrerPolicy = parseReferrerPolicyFromHeader(headers);
            if (responseReferrerPolicy) {
              requestOptions.referrerPolicy = responseReferrerPolicy;
            }
            resolve3(fetch(new Request(locationURL, requestOptions)));
            finalize();
            return;
          }
          default:
            return reject(new TypeError(`Redirect option '${request.redirect}' is not a valid value of RequestRedirect`));
        }
      }
      if (signal) {
        response_.once("end", () => {
          signal.removeEventListener("abort", abortAndFinalize);
        });
      }
      let body = pump(response_, new PassThrough2(), (error) => {
        if (error) {
          reject(error);
        }
      });
      if (process.version < "v12.10") {
        response_.on("aborted", abortAndFinalize);
      }
      const responseOptions = {
        url: request.url,
        status: response_.statusCode,
        statusText: response_.statusMessage,
        headers,
        size: request.size,
        counter: request.counter,
        highWaterMark: request.highWaterMark
      };
      const codings = headers.get("Content-Encoding");
      if (!request.compress || request.method === "HEAD" || codings === null || response_.statusCode === 204 || response_.statusCode === 304) {
        response = new Response(body, responseOptions);
        resolve3(response);
        return;
      }
      const zlibOptions = {
        flush: zlib.Z_SYNC_FLUSH,
        finishFlush: zlib.Z_SYNC_FLUSH
      };
      if (codings === "gzip" || codings === "x-gzip") {
        body = pump(body, zlib.createGunzip(zlibOptions), (error) => {
          if (error) {
            reject(error);
          }
        });
        response = new Response(body, responseOptions);
        resolve3(response);
        return;
      }
      if (codings === "deflate" || codings === "x-deflate") {
        const raw = pump(response_, new PassThrough2(), (error) => {
          if (error) {
            reject(error);
          }
        });
        raw.once("data", (chunk) => {
          if ((chunk[0] & 15) === 8) {
            body = pump(body, zlib.createInflate(), (error) => {
              if (error) {
                reject(error);
              }
            });
          } else {
            body = pump(body, zlib.createInflateRaw(), (error) => {
              if (error) {
                reject(error);
              }
            });
          }
          response = new Response(body, responseOptions);
          resolve3(response);
        });
        raw.once("end", () => {
          if (!response) {
            response = new Response(body, responseOptions);
            resolve3(response);
          }
        });
        return;
      }
      if (codings === "br") {
        body = pump(body, zlib.createBrotliDecompress(), (error) => {
          if (error) {
            reject(error);
          }
        });
        response = new Response(body, responseOptions);
        resolve3(response);
        return;
      }
      response = new Response(body, responseOptions);
      resolve3(response);
    });
    writeToStream(request_, request).catch(reject);
  });
}
function fixResponseChunkedTransferBadEnding(request, errorCallback) {
  const LAST_CHUNK = Buffer3.from("0\r\n\r\n");
  let isChunkedTransfer = false;
  let properLastChunkReceived = false;
  let previousChunk;
  request.on("response", (response) => {
    const { headers } = response;
    isChunkedTransfer = headers["transfer-encoding"] === "chunked" && !headers["content-length"];
  });
  request.on("socket", (socket) => {
    const onSocketClose = () => {
      if (isChunkedTransfer && !properLastChunkReceived) {
        const error = new Error("Premature close");
        error.code = "ERR_STREAM_PREMATURE_CLOSE";
        errorCallback(error);
      }
    };
    const onData = (buf) => {
      properLastChunkReceived = Buffer3.compare(buf.slice(-5), LAST_CHUNK) === 0;
      if (!properLastChunkReceived && previousChunk) {
        properLastChunkReceived = Buffer3.compare(previousChunk.slice(-3), LAST_CHUNK.slice(0, 3)) === 0 && Buffer3.compare(buf.slice(-2), LAST_CHUNK.slice(3)) === 0;
      }
      previousChunk = buf;
    };
    socket.prependListener("close", onSocketClose);
    socket.on("data", onData);
    request.on("close", () => {
      socket.removeListener("close", onSocketClose);
      socket.removeListener("data", onData);
    });
  });
}

// src/core/auth/fetch.ts
var AuthTransportError = class extends Error {
  constructor(message2, code) {
    super(message2);
    this.code = code;
  }
  code;
  name = "AuthTransportError";
};
var TLS_CODE = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/;
function isTlsTrustCode(code) {
  return TLS_CODE.test(code);
}
function trustedCas(extra) {
  const defaults = typeof getCACertificates === "function" ? getCACertificates("default") : rootCertificates;
  return [...defaults, ...extra];
}
var agents = /* @__PURE__ */ new WeakMap();
function agentFor(url, ca) {
  if (!ca || ca.length === 0 || !url.startsWith("https:")) return void 0;
  let agent = agents.get(ca);
  if (!agent) {
    agent = new HttpsAgent2({ ca: trustedCas(ca), keepAlive: false });
    agents.set(ca, agent);
  }
  return agent;
}
var defaultSleep2 = (ms) => new Promise((resolve3) => setTimeout(resolve3, ms));
async function authRequest(url, request, options = {}) {
  const attempts = options.attempts ?? 3;
  const sleep = options.sleep ?? defaultSleep2;
  let last;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) await sleep(500 * 2 ** (attempt - 2));
    last = await once(url, request, options);
    if (last instanceof AuthTransportError) {
      if (isTlsTrustCode(last.code)) throw last;
      continue;
    }
    if (last.status !== 429 && last.status < 500) return last;
  }
  if (last instanceof AuthTransportError) throw last;
  return last;
}
async function once(url, request, options) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 3e4);
  const init = {
    method: request.method,
    headers: request.headers,
    signal: controller.signal,
    redirect: "manual"
  };
  if (request.body !== void 0) init.body = request.body;
  const agent = agentFor(url, options.ca);
  if (agent) init.agent = agent;
  try {
    const res = await fetch(url, init);
    return { status: res.status, text: await res.text() };
  } catch (e) {
    const err = e;
    if (err.name === "AbortError") return new AuthTransportError("no answer within the timeout", "TIMEOUT");
    const code = err.code ?? err.erroredSysCall ?? "NETWORK_ERROR";
    const reason = /reason: (.*)$/s.exec(err.message)?.[1] ?? err.message;
    return new AuthTransportError(reason.replace(/https?:\/\/\S+/g, "<url>").trim(), code);
  } finally {
    clearTimeout(timer);
  }
}
function jsonObject(text) {
  try {
    const v = JSON.parse(text);
    return typeof v === "object" && v !== null && !Array.isArray(v) ? v : void 0;
  } catch {
    return void 0;
  }
}

// src/core/auth/id-tokens.ts
var prefix = (w) => `region ${w.region} (auth ${w.type}): `;
function githubIdTokens(where, env, mask, http3) {
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL?.trim();
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN?.trim();
  if (!url || !requestToken) {
    const missing = [
      !url ? "ACTIONS_ID_TOKEN_REQUEST_URL" : void 0,
      !requestToken ? "ACTIONS_ID_TOKEN_REQUEST_TOKEN" : void 0
    ].filter(Boolean);
    throw new ConfigurationError(
      `${prefix(where)}${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not set, so GitHub will not issue an ID token to this job. Add \`permissions: id-token: write\` to the job (and to the caller of a reusable workflow). Outside GitHub Actions use another auth type (azure-client-secret, azure-cli, azure-pipelines, pat).`
    );
  }
  mask(requestToken);
  return async (audience) => {
    const separator = url.includes("?") ? "&" : "?";
    let res;
    try {
      res = await authRequest(
        `${url}${separator}audience=${encodeURIComponent(audience)}`,
        { method: "GET", headers: { Authorization: `Bearer ${requestToken}`, Accept: "application/json" } },
        http3
      );
    } catch (e) {
      throw transportError(where, "GitHub\u2019s ID-token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL)", e);
    }
    const value2 = jsonObject(res.text)?.value;
    if (res.status === 200 && typeof value2 === "string" && value2 !== "") {
      mask(value2);
      return value2;
    }
    if (res.status === 401 || res.status === 403)
      throw new ConfigurationError(
        `${prefix(where)}GitHub refused the ID-token request (HTTP ${res.status}). ACTIONS_ID_TOKEN_REQUEST_TOKEN is valid only inside the job that received it; check that the job has \`permissions: id-token: write\`.`
      );
    throw new CredentialError(
      `${prefix(where)}GitHub's ID-token endpoint answered HTTP ${res.status} without a token: ${scrub2(res.text.slice(0, 200), [requestToken])}`
    );
  };
}
function azurePipelinesIdTokens(where, serviceConnectionId, env, mask, http3) {
  const uri = env.SYSTEM_OIDCREQUESTURI?.trim();
  const accessToken = env.SYSTEM_ACCESSTOKEN?.trim();
  if (!uri)
    throw new ConfigurationError(
      `${prefix(where)}SYSTEM_OIDCREQUESTURI is not set: auth type azure-pipelines works only inside an Azure Pipelines job (the agent sets it). Elsewhere use another auth type.`
    );
  if (!accessToken)
    throw new ConfigurationError(
      `${prefix(where)}SYSTEM_ACCESSTOKEN is not set. Map it into the step's environment: \`env: { SYSTEM_ACCESSTOKEN: $(System.AccessToken) }\`.`
    );
  mask(accessToken);
  return async () => {
    const separator = uri.includes("?") ? "&" : "?";
    let res;
    try {
      res = await authRequest(
        `${uri}${separator}api-version=7.1&serviceConnectionId=${encodeURIComponent(serviceConnectionId)}`,
        {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            Authorization: `Bearer ${accessToken}`,
            // Without it Azure DevOps answers an auth problem with a redirect to a sign-in page.
            "X-TFS-FedAuthRedirect": "Suppress"
          }
        },
        http3
      );
    } catch (e) {
      throw transportError(where, "the Azure DevOps OIDC endpoint (SYSTEM_OIDCREQUESTURI)", e);
    }
    const token = jsonObject(res.text)?.oidcToken;
    if (res.status === 200 && typeof token === "string" && token !== "") {
      mask(token);
      return token;
    }
    if (res.status === 401 || res.status === 403)
      throw new ConfigurationError(
        `${prefix(where)}Azure DevOps refused SYSTEM_ACCESSTOKEN (HTTP ${res.status}). Map \`SYSTEM_ACCESSTOKEN: $(System.AccessToken)\` into the step's env, and allow this pipeline to use service connection ${serviceConnectionId}.`
      );
    if (res.status === 400 || res.status === 404)
      throw new ConfigurationError(
        `${prefix(where)}Azure DevOps has no workload-identity service connection ${serviceConnectionId} for this pipeline (HTTP ${res.status}). Check service_connection_id (the connection's ID, a GUID, from its URL or properties) and that the connection uses workload identity federation.`
      );
    throw new CredentialError(
      `${prefix(where)}the Azure DevOps OIDC endpoint answered HTTP ${res.status} without a token: ${scrub2(res.text.slice(0, 200), [accessToken])}`
    );
  };
}
function transportError(where, what, e) {
  if (!(e instanceof AuthTransportError)) return e instanceof Error ? e : new Error(String(e));
  if (isTlsTrustCode(e.code))
    return new ConfigurationError(
      `${prefix(where)}the TLS certificate of ${what} is not trusted (${e.code}). For a private or emulated endpoint add its CA to NODE_EXTRA_CA_CERTS.`
    );
  return new CredentialError(`${prefix(where)}could not reach ${what}: ${e.message} (${e.code})`);
}

// src/core/auth/databricks-oidc.ts
var TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
var JWT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";
function databricksOidcAudience(region, auth, env) {
  return auth.audience?.trim() || env.DATABRICKS_TOKEN_AUDIENCE?.trim() || `${tokenEndpoint(region)}`;
}
function tokenEndpoint(region) {
  return `${new URL(region.host).origin}/oidc/v1/token`;
}
function databricksOidcProvider(region, auth, env, options) {
  const at = `region ${region.name} (auth databricks-oidc): `;
  const clientId = auth.client_id?.trim();
  if (!clientId)
    throw new ConfigurationError(`${at}client_id (the service principal's application ID) is required`);
  const seen = [];
  const mask = (secret) => {
    if (secret === "") return;
    seen.push(secret);
    if (seen.length > 32) seen.splice(0, seen.length - 32);
    options.mask?.(secret);
  };
  const extraCa = options.ca === void 0 ? [] : typeof options.ca === "string" ? [options.ca] : [...options.ca];
  const http3 = { ca: extraCa, timeoutMs: options.timeoutMs };
  const where = { region: region.name, type: "databricks-oidc" };
  const idTokens = githubIdTokens(where, env, mask, http3);
  const audience = databricksOidcAudience(region, auth, env);
  const endpoint = tokenEndpoint(region);
  const exchange = async () => {
    const idToken = await idTokens(audience);
    const form = new URLSearchParams({
      grant_type: TOKEN_EXCHANGE,
      subject_token: idToken,
      subject_token_type: JWT_TOKEN_TYPE,
      scope: "all-apis",
      client_id: clientId
    });
    const obtainedAt = (options.now ?? Date.now)();
    let res;
    try {
      res = await authRequest(
        endpoint,
        {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
          body: form.toString()
        },
        http3
      );
    } catch (e) {
      throw transportError(where, `the workspace's token endpoint ${endpoint}`, e);
    }
    const body = jsonObject(res.text);
    const accessToken = body?.access_token;
    if (res.status === 200 && typeof accessToken === "string" && accessToken !== "") {
      mask(accessToken);
      const expiresIn = Number(body?.expires_in);
      const seconds = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 300;
      return { token: accessToken, expiresAt: obtainedAt + seconds * 1e3 };
    }
    const error = typeof body?.error === "string" ? body.error : void 0;
    const description = typeof body?.error_description === "string" ? body.error_description : void 0;
    const said = scrub2([error, description].filter(Boolean).join(": ") || res.text.slice(0, 200), seen);
    if (res.status === 404)
      throw new ConfigurationError(
        `${at}${endpoint} does not exist (HTTP 404): check the region's host; token federation needs a workspace URL (https://adb-\u2026.azuredatabricks.net).`
      );
    if (res.status === 400 || res.status === 401 || res.status === 403)
      throw new ConfigurationError(
        `${at}Databricks refused to exchange the GitHub ID token for client_id ${clientId} (HTTP ${res.status}: ${said}). The token has ${describeClaims(decodeJwtClaims(idToken))}. The service principal needs a federation policy with issuer 'https://token.actions.githubusercontent.com', that subject, and that audience \u2014 or set \`audience\` (or DATABRICKS_TOKEN_AUDIENCE) to the audience the policy expects (by default the Databricks account ID).`
      );
    throw new CredentialError(`${at}the token exchange at ${endpoint} failed (HTTP ${res.status}): ${said}`);
  };
  const cache2 = new RefreshingToken(exchange, {
    now: options.now,
    refreshMarginMs: options.refreshMarginMs,
    onStaleRefreshError: (e) => options.warn?.(`${at}token refresh failed, using the current token meanwhile: ${e.message}`)
  });
  return {
    kind: "databricks-oidc",
    source: `Databricks service principal ${clientId} (GitHub OIDC federation)`,
    token: () => cache2.get()
  };
}

// src/core/auth/entra.ts
var AZURE_DATABRICKS_APP_ID = "2ff814a6-3304-4ab8-85cb-cd0e6f879c1d";
var AZURE_DATABRICKS_SCOPE = `${AZURE_DATABRICKS_APP_ID}/.default`;
var AZURE_MANAGEMENT_SCOPE = "https://management.core.windows.net//.default";
var TOKEN_EXCHANGE_AUDIENCE = "api://AzureADTokenExchange";
var PUBLIC_AUTHORITY_HOST = "https://login.microsoftonline.com";
var KNOWN_AUTHORITY_HOSTS = /* @__PURE__ */ new Set([
  "login.microsoftonline.com",
  "login.microsoftonline.us",
  "login.chinacloudapi.cn",
  "login.partner.microsoftonline.cn"
]);
var TENANT_ID = /^[0-9a-zA-Z.-]+$/;
var WORKSPACE_RESOURCE_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Databricks\/workspaces\/[^/]+$/i;
function isEntraAuth(auth) {
  return auth.type !== "pat" && auth.type !== "databricks-oidc";
}
function resolveAuthorityHost(region, auth, env) {
  const fromConfig = auth.authority_host?.trim();
  const fromEnv = env.AZURE_AUTHORITY_HOST?.trim();
  const raw = fromConfig || fromEnv || PUBLIC_AUTHORITY_HOST;
  const origin = fromConfig ? "authority_host" : fromEnv ? "AZURE_AUTHORITY_HOST" : "the default";
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigurationError(`region ${region} (auth ${auth.type}): ${origin} '${raw}' is not a URL`);
  }
  if (url.protocol !== "https:")
    throw new ConfigurationError(
      `region ${region} (auth ${auth.type}): ${origin} '${raw}' must be an https:// URL (MSAL refuses any other authority)`
    );
  return { host: url.origin, custom: !KNOWN_AUTHORITY_HOSTS.has(url.hostname.toLowerCase()) };
}
function assertionSource(fetchToken) {
  let current;
  let failed;
  return {
    get() {
      current ??= fetchToken().catch((error) => {
        failed = { error };
        current = void 0;
        throw error;
      });
      return current;
    },
    reset() {
      current = void 0;
      failed = void 0;
    },
    takeError() {
      const f = failed;
      failed = void 0;
      return f?.error;
    }
  };
}
function requireNonEmpty(region, type, key, value2) {
  const v = value2?.trim();
  if (!v) throw new ConfigurationError(`region ${region} (auth ${type}): ${key} is required`);
  return v;
}
function checkTenant(region, type, tenant) {
  if (!TENANT_ID.test(tenant))
    throw new ConfigurationError(
      `region ${region} (auth ${type}): tenant_id '${tenant}' is not a tenant ID: use the "Directory (tenant) ID" GUID (or the tenant's domain)`
    );
}
async function entraProvider(region, auth, env, options) {
  const name = region.name;
  const at = `region ${name} (auth ${auth.type}): `;
  const authority = resolveAuthorityHost(name, auth, env);
  const resourceId = auth.workspace_resource_id?.trim() || void 0;
  if (resourceId && !WORKSPACE_RESOURCE_ID.test(resourceId))
    throw new ConfigurationError(
      `${at}workspace_resource_id '${resourceId}' is not a workspace's Azure resource ID: expected /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Databricks/workspaces/<name> (the workspace's "JSON View" in the portal)`
    );
  const seen = [];
  const mask = (secret) => {
    if (secret === "") return;
    if (!seen.includes(secret)) {
      seen.push(secret);
      if (seen.length > 32) seen.splice(0, seen.length - 32);
    }
    options.mask?.(secret);
  };
  const extraCa = options.ca === void 0 ? [] : typeof options.ca === "string" ? [options.ca] : [...options.ca];
  const http3 = { ca: extraCa, timeoutMs: options.timeoutMs };
  const common = {
    authorityHost: authority.host,
    disableInstanceDiscovery: authority.custom,
    ...extraCa.length > 0 ? { tlsOptions: { ca: trustedCas(extraCa) } } : {}
  };
  const where = { region: name, type: auth.type };
  let tenantId;
  let clientId;
  let secretEnv;
  let build;
  let assertions;
  switch (auth.type) {
    case "azure-client-secret": {
      tenantId = requireNonEmpty(name, auth.type, "tenant_id", auth.tenant_id);
      clientId = requireNonEmpty(name, auth.type, "client_id", auth.client_id);
      checkTenant(name, auth.type, tenantId);
      const envName = requireNonEmpty(name, auth.type, "client_secret_env", auth.client_secret_env);
      secretEnv = `environment variable ${envName}`;
      const raw = env[envName];
      if (raw === void 0 || raw.trim() === "")
        throw new ConfigurationError(
          `${at}environment variable ${envName} is ${raw === void 0 ? "not set" : "empty"}: it must hold the client secret of client_id ${clientId} (set it from a CI secret).`
        );
      const secret = raw.trim();
      mask(secret);
      const t = tenantId;
      const c = clientId;
      build = (identity2) => ({
        credential: new identity2.ClientSecretCredential(t, c, secret, common),
        source: `Entra ID service principal ${c} (client secret from ${envName})`
      });
      break;
    }
    case "azure-oidc": {
      tenantId = requireNonEmpty(name, auth.type, "tenant_id", auth.tenant_id);
      clientId = requireNonEmpty(name, auth.type, "client_id", auth.client_id);
      checkTenant(name, auth.type, tenantId);
      const idTokens = githubIdTokens(where, env, mask, http3);
      const source = assertionSource(() => idTokens(TOKEN_EXCHANGE_AUDIENCE));
      assertions = source;
      let last;
      const t = tenantId;
      const c = clientId;
      build = (identity2) => ({
        // Called by MSAL whenever it needs a new Entra token: GitHub ID tokens live minutes.
        credential: new identity2.ClientAssertionCredential(
          t,
          c,
          async () => {
            const token = await source.get();
            last = decodeJwtClaims(token);
            return token;
          },
          common
        ),
        source: `Entra ID service principal ${c} (GitHub OIDC)`,
        lastAssertion: () => last
      });
      break;
    }
    case "azure-pipelines": {
      tenantId = requireNonEmpty(name, auth.type, "tenant_id", auth.tenant_id);
      clientId = requireNonEmpty(name, auth.type, "client_id", auth.client_id);
      checkTenant(name, auth.type, tenantId);
      const connection = requireNonEmpty(
        name,
        auth.type,
        "service_connection_id",
        auth.service_connection_id
      );
      const source = assertionSource(azurePipelinesIdTokens(where, connection, env, mask, http3));
      assertions = source;
      let last;
      const t = tenantId;
      const c = clientId;
      build = (identity2) => ({
        credential: new identity2.ClientAssertionCredential(
          t,
          c,
          async () => {
            const token = await source.get();
            last = decodeJwtClaims(token);
            return token;
          },
          common
        ),
        source: `Entra ID service principal ${c} (Azure DevOps service connection ${connection})`,
        lastAssertion: () => last
      });
      break;
    }
    case "azure-cli":
      build = (identity2) => ({
        // `az` can take a while on its first call (it may refresh its own token cache).
        credential: new identity2.AzureCliCredential({ processTimeoutInMs: 6e4 }),
        source: "the Azure CLI\u2019s signed-in account (az login)"
      });
      break;
    case "azure-msi": {
      const miClient = auth.client_id?.trim() || void 0;
      clientId = miClient;
      build = (identity2) => ({
        credential: new identity2.ManagedIdentityCredential(miClient ? { clientId: miClient } : {}),
        source: miClient ? `user-assigned managed identity ${miClient}` : "the system-assigned managed identity"
      });
      break;
    }
  }
  const identity = await import("./esm-YW7DAW5U.js");
  let built;
  try {
    built = build(identity);
  } catch (e) {
    throw new ConfigurationError(`${at}${scrub2(e instanceof Error ? e.message : String(e), seen)}`);
  }
  const { credential } = built;
  const context = () => ({
    region: name,
    type: auth.type,
    tenantId,
    clientId,
    authorityHost: authority.host,
    secretEnv,
    assertionClaims: built.lastAssertion?.(),
    secrets: seen
  });
  const explain = async (e) => {
    const own = assertions?.takeError();
    if (own instanceof Error) return own;
    if (e instanceof ConfigurationError || e instanceof CredentialError) return e;
    const message2 = e instanceof Error ? e.message : String(e);
    const mapped = explainAadsts(message2, context());
    if (mapped) return mapped;
    if (auth.type === "azure-cli") return explainCli(at, message2, seen);
    if (auth.type === "azure-msi") return explainMsi(at, clientId, message2, seen);
    if (/endpoints_resolution_error|ENOTFOUND|ECONNREFUSED|certificate|self.signed/i.test(message2) && tenantId) {
      const probed = await probeAuthority(authority.host, tenantId, context(), http3);
      if (probed) return probed;
    }
    return new CredentialError(`${at}could not get an Entra ID token: ${scrub2(message2, seen)}`);
  };
  const fetchScope = async (scope) => {
    let token;
    assertions?.reset();
    try {
      token = await credential.getToken(scope);
    } catch (e) {
      throw await explain(e);
    }
    if (!token) throw new CredentialError(`${at}Entra ID returned no token for ${scope}`);
    mask(token.token);
    return {
      token: token.token,
      expiresAt: token.expiresOnTimestamp,
      refreshAfter: token.refreshAfterTimestamp
    };
  };
  const refresh = {
    now: options.now,
    refreshMarginMs: options.refreshMarginMs,
    onStaleRefreshError: (e) => options.warn?.(`${at}token refresh failed, using the current token meanwhile: ${e.message}`)
  };
  const databricks = new RefreshingToken(() => fetchScope(AZURE_DATABRICKS_SCOPE), refresh);
  const management = resourceId ? new RefreshingToken(() => fetchScope(AZURE_MANAGEMENT_SCOPE), refresh) : void 0;
  const provider = {
    kind: "entra",
    source: built.source,
    token: () => databricks.get()
  };
  if (resourceId && management) {
    return {
      ...provider,
      headers: async () => ({
        "X-Databricks-Azure-Workspace-Resource-Id": resourceId,
        "X-Databricks-Azure-SP-Management-Token": await management.get()
      })
    };
  }
  return provider;
}
async function probeAuthority(host, tenantId, ctx, http3) {
  const at = `region ${ctx.region} (auth ${ctx.type}): `;
  try {
    const res = await authRequest(
      `${host}/${encodeURIComponent(tenantId)}/v2.0/.well-known/openid-configuration`,
      { method: "GET" },
      { ...http3, attempts: 1 }
    );
    const description = jsonObject(res.text)?.error_description;
    if (typeof description === "string") return explainAadsts(description, ctx);
    if (res.status !== 200)
      return new ConfigurationError(
        `${at}the authority host ${host} answered HTTP ${res.status} for tenant ${tenantId}'s OpenID configuration: check authority_host / AZURE_AUTHORITY_HOST and tenant_id`
      );
    return void 0;
  } catch (e) {
    return transportError(ctx, `the Entra authority ${host}`, e);
  }
}
function explainCli(at, message2, secrets) {
  if (/Azure CLI could not be found/i.test(message2))
    return new ConfigurationError(
      `${at}the Azure CLI (az) is not on PATH. In Azure DevOps run the command inside an AzureCLI@2 task with a workload-identity service connection; on a laptop install the Azure CLI and run \`az login\`.`
    );
  if (/az login/i.test(message2))
    return new ConfigurationError(
      `${at}the Azure CLI is not signed in. Run \`az login\` (on a laptop), or run the command inside an AzureCLI@2 task, which signs in with its service connection.`
    );
  return new CredentialError(`${at}the Azure CLI could not get a token: ${scrub2(message2, secrets)}`);
}
function explainMsi(at, clientId, message2, secrets) {
  if (/identity not found/i.test(message2))
    return new ConfigurationError(
      clientId ? `${at}no managed identity with client_id ${clientId} is assigned to this machine: assign it, or fix client_id (leave it out for the system-assigned identity).` : `${at}this machine has no system-assigned managed identity: enable it, or give the client_id of a user-assigned one.`
    );
  if (/network unreachable|endpoint, but it is not available|ENETUNREACH|EHOSTUNREACH|ECONNREFUSED|timed? ?out/i.test(
    message2
  ))
    return new ConfigurationError(
      `${at}no managed identity endpoint is reachable from this machine. azure-msi works only where Azure provides one (a VM or scale set, App Service, Container Apps, or a self-hosted agent on them); elsewhere use another auth type.`
    );
  return new CredentialError(`${at}the managed identity could not get a token: ${scrub2(message2, secrets)}`);
}

// src/core/auth/pat.ts
var DEFAULT_TOKEN_ENV = "DATABRICKS_TOKEN";
function patProvider(token, source = "a personal access token") {
  return {
    kind: "pat",
    source,
    token: () => Promise.resolve(token)
  };
}
function patFromEnv(envName = DEFAULT_TOKEN_ENV, env = process.env) {
  const raw = env[envName];
  if (raw === void 0 || raw.trim() === "") {
    throw new ConfigurationError(
      `Environment variable ${envName} is ${raw === void 0 ? "not set" : "empty"}: it must hold the Databricks personal access token for this region (set it from a secret in the workflow).`
    );
  }
  const token = raw.trim();
  if (/\s/.test(token)) {
    throw new ConfigurationError(
      `Environment variable ${envName} contains whitespace inside the token: it must hold exactly one Databricks personal access token.`
    );
  }
  return patProvider(token, `environment variable ${envName}`);
}

// src/core/auth/index.ts
async function tokenProviderFor(region, env = process.env, options = {}) {
  const auth = region.auth;
  if (auth.type === "pat") {
    const provider = patFromEnv(auth.token_env, env);
    options.mask?.(await provider.token());
    return provider;
  }
  if (auth.type === "databricks-oidc") return databricksOidcProvider(region, auth, env, options);
  if (isEntraAuth(auth)) return entraProvider(region, auth, env, options);
  throw new ConfigurationError(
    `region ${region.name}: unknown auth type '${auth.type}'; use one of pat, azure-client-secret, azure-oidc, azure-cli, azure-pipelines, azure-msi, databricks-oidc`
  );
}
function checkKeyVaultAuth(region, scopes = []) {
  if (isEntraAuth(region.auth)) return;
  const which = scopes.length === 0 ? "a Key Vault-backed secret scope" : `Key Vault-backed secret scope${scopes.length > 1 ? "s" : ""} ${scopes.map((s) => `'${s}'`).join(", ")}`;
  const why = region.auth.type === "pat" ? "a personal access token" : "a Databricks OAuth token (databricks-oidc), not an Entra ID token";
  throw new ConfigurationError(
    `region ${region.name}: cannot create ${which} with auth type ${region.auth.type}: Azure Databricks creates Key Vault-backed scopes only for a Microsoft Entra ID token, and this region authenticates with ${why}. Use an Entra auth type for this region (azure-oidc, azure-client-secret, azure-pipelines, azure-cli or azure-msi), or make the scope \`backend: databricks\`.`
  );
}

// src/core/deploy/state.ts
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
var STATE_VERSION = 1;
function stateFilePath(configName) {
  return `/Shared/.databricks-dr/${configName}/state.json`;
}
function newRegionState(config, region, role) {
  return {
    version: STATE_VERSION,
    config,
    region,
    role,
    epoch: 0,
    updated_at: (/* @__PURE__ */ new Date(0)).toISOString(),
    updated_by: "",
    jobs: {},
    clusters: {},
    scopes: {}
  };
}
function parseRegionState(text, where) {
  let value2;
  try {
    value2 = JSON.parse(text);
  } catch {
    throw new Error(
      `${where}: the state file is not valid JSON; restore it from the other region or delete it`
    );
  }
  const v = value2;
  if (typeof v !== "object" || v === null || typeof v.version !== "number" || v.version > STATE_VERSION) {
    throw new Error(
      `${where}: state file version ${String(v?.version)} is newer than this tool understands; upgrade databricks-dr`
    );
  }
  if (v.role !== "active" && v.role !== "passive" || typeof v.epoch !== "number") {
    throw new Error(`${where}: the state file has no valid role/epoch; restore it or delete it`);
  }
  return { ...newRegionState(v.config ?? "", v.region ?? "", v.role), ...v };
}
function serializeRegionState(state) {
  return `${JSON.stringify(state, null, 2)}
`;
}
var SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };
function scryptAsync(value2, salt, keylen, N) {
  return new Promise(
    (resolve3, reject) => scrypt(
      value2,
      salt,
      keylen,
      { N, r: SCRYPT.r, p: SCRYPT.p },
      (err, key) => err ? reject(err) : resolve3(key)
    )
  );
}
async function fingerprintSecret(value2, salt = randomBytes(16)) {
  const hash = await scryptAsync(value2, salt, SCRYPT.keylen, SCRYPT.N);
  return `scrypt$${SCRYPT.N}$${salt.toString("base64")}$${hash.toString("base64")}`;
}
async function secretMatchesFingerprint(value2, fingerprint) {
  if (!fingerprint) return false;
  const [algo, n, saltB64, hashB64] = fingerprint.split("$");
  if (algo !== "scrypt" || !saltB64 || !hashB64) return false;
  const expected = Buffer.from(hashB64, "base64");
  const actual = await scryptAsync(value2, Buffer.from(saltB64, "base64"), expected.length, Number(n));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// src/core/deploy/state-io.ts
async function readRegionState(client, configName, region, initialRole, probe = {}) {
  const path5 = stateFilePath(configName);
  try {
    const res = await client.http.get(
      "/api/2.0/workspace/export",
      { path: path5, format: "AUTO" },
      probe
    );
    const content = Buffer.from(res.content ?? "", "base64");
    return { state: parseRegionState(content.toString("utf8"), `region ${region}: ${path5}`), exists: true };
  } catch (err) {
    if (isNotFound(err)) return { state: newRegionState(configName, region, initialRole), exists: false };
    throw err;
  }
}
async function writeRegionState(client, state, exists) {
  const path5 = stateFilePath(state.config);
  if (!exists) await client.workspace.mkdirs(path5.slice(0, path5.lastIndexOf("/")));
  await client.workspace.importContent(path5, serializeRegionState(state), {
    format: "AUTO",
    overwrite: true
  });
}

// src/core/roles/index.ts
async function readRoles(config, clients, probe = {}) {
  const infos = await Promise.all(
    config.regions.map(async (region) => {
      const client = clients.get(region.name);
      if (!client)
        return {
          name: region.name,
          reachable: false,
          exists: false,
          error: "no credentials for this region"
        };
      try {
        const loaded = await readRegionState(client, config.name, region.name, region.role, probe);
        return { name: region.name, reachable: true, state: loaded.state, exists: loaded.exists };
      } catch (err) {
        return { name: region.name, reachable: false, exists: false, error: describeError(err) };
      }
    })
  );
  return computeRoles(config, infos);
}
function computeRoles(config, infos) {
  const regions = new Map(infos.map((i) => [i.name, i]));
  const reachable = infos.filter((i) => i.reachable && i.state);
  const recorded = reachable.filter((i) => i.exists);
  const epoch = Math.max(0, ...recorded.map((i) => i.state.epoch));
  let active;
  if (recorded.length === 0) {
    active = config.regions.find((r) => r.role === "active")?.name;
  } else {
    const configActive = config.regions.find((r) => r.role === "active")?.name;
    const activeAtTop = recorded.filter((i) => i.state.role === "active" && i.state.epoch === epoch).sort(
      (a, b) => (b.state.promoted_at ?? "").localeCompare(a.state.promoted_at ?? "") || Number(b.name === configActive) - Number(a.name === configActive)
    );
    active = activeAtTop[0]?.name;
  }
  const stale = reachable.filter((i) => i.exists && i.state.role === "active" && i.name !== active).map((i) => i.name);
  return { regions, active, epoch, verified: infos.every((i) => i.reachable), stale };
}
function roleOf(view, region) {
  return view.active === region ? "active" : "passive";
}

// src/core/deploy/compare.ts
function matches(pattern, path5) {
  const p = pattern.split("/");
  const s = path5.split("/");
  return p.length === s.length && p.every((seg, i) => seg === "*" || seg === s[i]);
}
function lookup(table, path5) {
  if (!table) return void 0;
  for (const [pattern, value2] of Object.entries(table)) if (matches(pattern, path5)) return value2;
  return void 0;
}
function isEmpty(v) {
  if (v === void 0 || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === "object") return Object.keys(v).length === 0;
  return false;
}
function isObject5(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function equivalent(desired, actual, options = {}, path5 = "") {
  if (options.ignore?.some((p) => matches(p, path5))) return true;
  if (desired === void 0) {
    if (isEmpty(actual)) return true;
    const d = lookup(options.defaults, path5);
    return d !== void 0 && equivalent(d, actual, options, path5);
  }
  if (actual === void 0) {
    if (isEmpty(desired)) return true;
    const d = lookup(options.defaults, path5);
    return d !== void 0 && equivalent(desired, d, options, path5);
  }
  if (Array.isArray(desired) || Array.isArray(actual)) {
    if (!Array.isArray(desired) || !Array.isArray(actual) || desired.length !== actual.length) return false;
    const key = lookup(options.keyedArrays, path5);
    if (key) {
      const byKey = new Map(actual.filter(isObject5).map((a) => [a[key], a]));
      return desired.every(
        (d) => isObject5(d) && byKey.has(d[key]) && equivalent(d, byKey.get(d[key]), options, `${path5}/*`)
      );
    }
    return desired.every((d, i) => equivalent(d, actual[i], options, `${path5}/${i}`));
  }
  if (isObject5(desired) || isObject5(actual)) {
    if (!isObject5(desired) || !isObject5(actual)) return false;
    const keys = /* @__PURE__ */ new Set([...Object.keys(desired), ...Object.keys(actual)]);
    for (const k of keys)
      if (!equivalent(desired[k], actual[k], options, path5 ? `${path5}/${k}` : k)) return false;
    return true;
  }
  return desired === actual;
}
function differingFields(desired, actual, options = {}) {
  const keys = /* @__PURE__ */ new Set([...Object.keys(desired), ...Object.keys(actual)]);
  return [...keys].filter((k) => !equivalent(desired[k], actual[k], options, k)).sort();
}

// src/core/deploy/normalize.ts
var JOB_COMPARE = {
  defaults: {
    timeout_seconds: 0,
    format: "MULTI_TASK",
    max_concurrent_runs: 1,
    "tasks/*/run_if": "ALL_SUCCESS",
    "tasks/*/timeout_seconds": 0,
    "tasks/*/notebook_task/source": "WORKSPACE",
    "tasks/*/spark_python_task/source": "WORKSPACE",
    "tasks/*/sql_task/file/source": "WORKSPACE",
    "tasks/*/max_retries": 0,
    "tasks/*/retry_on_timeout": false,
    "tasks/*/disable_auto_optimization": false,
    edit_mode: "UI_LOCKED",
    // Activation writes the pause status explicitly; a file that leaves it out means UNPAUSED.
    "schedule/pause_status": "UNPAUSED",
    "trigger/pause_status": "UNPAUSED",
    "continuous/pause_status": "UNPAUSED",
    // Job clusters get a security mode when none is given.
    "job_clusters/*/new_cluster/data_security_mode": "SINGLE_USER",
    "tasks/*/new_cluster/data_security_mode": "SINGLE_USER",
    performance_target: "STANDARD"
  },
  // The server names the identity a job runs as when the file does not; that is not a change.
  // A policy's apply_policy_default_values is applied, not echoed back.
  ignore: [
    "run_as",
    "deployment",
    "job_clusters/*/new_cluster/apply_policy_default_values",
    "tasks/*/new_cluster/apply_policy_default_values"
  ],
  keyedArrays: {
    tasks: "task_key",
    job_clusters: "job_cluster_key",
    environments: "environment_key",
    parameters: "name",
    "tasks/*/depends_on": "task_key"
  }
};
var CLUSTER_READ_ONLY = [
  "cluster_id",
  "state",
  "state_message",
  "start_time",
  "terminated_time",
  "last_restarted_time",
  "last_state_loss_time",
  "last_activity_time",
  "termination_reason",
  "cluster_source",
  "creator_user_name",
  "default_tags",
  "spec",
  "driver",
  "executors",
  "spark_context_id",
  "jdbc_port",
  "cluster_memory_mb",
  "cluster_cores",
  "cluster_log_status",
  "init_scripts_safe_mode",
  "effective_spark_version",
  "is_pinned",
  "disk_spec",
  "pinned_by_user_name"
];
var CLUSTER_COMPARE = {
  defaults: { autotermination_minutes: 0, enable_elastic_disk: true },
  ignore: [...CLUSTER_READ_ONLY]
};
function clusterSettingsOf(details) {
  const spec = details.spec;
  const source = typeof spec === "object" && spec !== null ? spec : details;
  const out = {};
  for (const [k, v] of Object.entries(source)) {
    if (!CLUSTER_READ_ONLY.includes(k)) out[k] = v;
  }
  return out;
}
function comparableClusters(desired, actual) {
  const d = { ...desired };
  const a = { ...actual };
  for (const side of [d, a]) {
    if (side.driver_node_type_id !== void 0 && side.driver_node_type_id === side.node_type_id)
      delete side.driver_node_type_id;
  }
  if (d.single_user_name === void 0) delete a.single_user_name;
  if (d.cluster_name === void 0 && a.cluster_name === "") delete a.cluster_name;
  return [d, a];
}
function withManagedClusterTag(spec, configName) {
  return { ...spec, custom_tags: withManagementTag(spec.custom_tags, configName) };
}

// src/core/deploy/clusters.ts
var STABLE = /* @__PURE__ */ new Set(["RUNNING", "TERMINATED", "ERROR", "UNKNOWN"]);
var RUNNING_LIKE = /* @__PURE__ */ new Set(["PENDING", "RUNNING", "RESTARTING", "RESIZING"]);
function isRunningLike(state) {
  return RUNNING_LIKE.has(String(state));
}
async function listClusters(ctx) {
  return ctx.client.clusters.listAll({ clusterSources: ["API", "UI"] });
}
function resolveExternalClusters(ctx, all) {
  for (const name of ctx.config.external_clusters) {
    const matches2 = all.filter((c) => c.cluster_name === name);
    if (matches2.length === 1) ctx.clusterIds.set(name, matches2[0].cluster_id);
    else if (matches2.length > 1)
      ctx.result.errors.push(
        `external cluster "${name}" is ambiguous in region ${ctx.region.name}: ${matches2.length} clusters have that name; rename all but one`
      );
  }
}
async function deployClusters(ctx, all) {
  const api = ctx.client.clusters;
  const passive = ctx.role === "passive" && ctx.config.passive.terminate_clusters;
  const owned = all.filter((c) => ownedBy(c.custom_tags, ctx.config.name));
  const changes = [];
  let unchanged = 0;
  const desiredNames = /* @__PURE__ */ new Set();
  for (const def of ctx.project.clusters) {
    const written = def.byRegion[ctx.region.name];
    const name = String(written.cluster_name ?? def.name);
    desiredNames.add(name);
    const { permissions: rawPermissions, ...file } = written;
    const permissions = rawPermissions;
    const missing = [];
    const spec = resolveClusterSpec(
      withManagedClusterTag(file, ctx.config.name),
      ctx.catalog,
      missing
    );
    if (missing.length > 0) {
      ctx.result.errors.push(`cluster "${name}": ${describeMissing(missing, ctx.region.name)}`);
      continue;
    }
    const mine = owned.filter((c) => c.cluster_name === name);
    if (mine.length > 1) {
      ctx.result.errors.push(
        `cluster "${name}" is ambiguous in region ${ctx.region.name}: ${mine.length} clusters owned by ${ctx.config.name} have that name (${mine.map((c) => c.cluster_id).join(", ")}); delete the extra ones`
      );
      continue;
    }
    let existing = mine[0];
    if (!existing) {
      const others = all.filter((c) => c.cluster_name === name);
      if (others.length > 0 && !ctx.adopt) {
        ctx.result.errors.push(
          `cluster "${name}" exists in region ${ctx.region.name} but is not managed by databricks-dr (${ctx.config.name}); rename one of them, or run with --adopt to take it over`
        );
        continue;
      }
      if (others.length > 1) {
        ctx.result.errors.push(
          `cannot adopt cluster "${name}" in region ${ctx.region.name}: ${others.length} clusters have that name`
        );
        continue;
      }
      existing = others[0];
    }
    if (!existing) {
      changes.push(
        planned("cluster", name, "create", async () => {
          const id2 = await createOnce(ctx, name, spec);
          ctx.clusterIds.set(name, id2);
          ctx.state.clusters[name] = { cluster_id: id2 };
          await api.pin(id2);
          if (permissions) {
            const acl2 = await aclToWrite(ctx, "clusters", id2, permissions);
            if (acl2) await writePermissions(ctx.client, "clusters", id2, acl2);
          }
          if (passive) await api.terminate(id2);
        })
      );
      ctx.clusterIds.set(name, `<new cluster ${name}>`);
      continue;
    }
    const id = existing.cluster_id;
    ctx.clusterIds.set(name, id);
    ctx.state.clusters[name] = { cluster_id: id };
    const [d, a] = comparableClusters(spec, clusterSettingsOf(existing));
    const fields = differingFields(d, a, CLUSTER_COMPARE);
    const specChanged = fields.length > 0;
    const acl = permissions ? await aclToWrite(ctx, "clusters", id, permissions) : void 0;
    if (acl) fields.push("permissions");
    const running = isRunningLike(existing.state);
    if (fields.length > 0) {
      changes.push(
        planned(
          "cluster",
          name,
          "update",
          async () => {
            if (specChanged) {
              await waitForStable(ctx, id);
              await api.edit(id, spec);
            }
            if (acl) await writePermissions(ctx.client, "clusters", id, acl);
            if (!existing.is_pinned) await api.pin(id);
            if (passive) {
              const now = await api.get(id);
              if (isRunningLike(now.state)) await api.terminate(id);
            }
          },
          { fields, id }
        )
      );
      continue;
    }
    if (!existing.is_pinned) changes.push(planned("cluster", name, "pin", () => api.pin(id), { id }));
    if (passive && running)
      changes.push(planned("cluster", name, "terminate", () => api.terminate(id), { id }));
    if (existing.is_pinned && !(passive && running)) unchanged++;
  }
  countUnchanged(ctx, "cluster", unchanged);
  for (const c of owned) {
    if (desiredNames.has(String(c.cluster_name))) continue;
    if (ctx.config.prune.clusters) {
      changes.push(
        planned(
          "cluster",
          String(c.cluster_name),
          "delete",
          () => ctx.client.clusters.permanentDelete(c.cluster_id),
          {
            id: c.cluster_id
          }
        )
      );
    } else {
      noteUnmanaged(ctx, "cluster", String(c.cluster_name), "prune.clusters");
    }
  }
  for (const name of Object.keys(ctx.state.clusters))
    if (!desiredNames.has(name)) delete ctx.state.clusters[name];
  await applyChanges(ctx, "cluster", changes, { concurrency: 4 });
}
async function createOnce(ctx, name, spec) {
  try {
    return (await ctx.client.clusters.create(spec)).cluster_id;
  } catch (err) {
    if (!isOutcomeUnknown(err)) throw err;
    const found = (await listClusters(ctx)).find(
      (c) => c.cluster_name === name && ownedBy(c.custom_tags, ctx.config.name)
    );
    if (found) return found.cluster_id;
    return (await ctx.client.clusters.create(spec)).cluster_id;
  }
}
async function waitForStable(ctx, id, timeoutMs = 30 * 6e4) {
  const start = Date.now();
  let delay = 200;
  for (; ; ) {
    const c = await ctx.client.clusters.get(id);
    if (STABLE.has(String(c.state))) return;
    if (Date.now() - start > timeoutMs)
      throw new Error(
        `cluster ${id} in region ${ctx.region.name} stayed ${c.state} for ${Math.round(timeoutMs / 6e4)} min`
      );
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 1e4);
  }
}
function resolveManagedClusters(ctx, all) {
  for (const def of ctx.project.clusters) {
    const name = String(def.byRegion[ctx.region.name].cluster_name ?? def.name);
    const mine = all.filter((c) => c.cluster_name === name && ownedBy(c.custom_tags, ctx.config.name));
    if (mine.length === 1) ctx.clusterIds.set(name, mine[0].cluster_id);
  }
}

// src/core/deploy/job-settings.ts
function isSingleTaskJob(settings) {
  return !Array.isArray(settings.tasks) && SINGLE_TASK_TYPES.some((k) => k in settings);
}
function toMultiTask(settings) {
  if (!isSingleTaskJob(settings)) return settings;
  const job = {};
  const task = { task_key: "main" };
  for (const [k, v] of Object.entries(settings)) {
    if (SINGLE_TASK_FIELDS.includes(k)) task[k] = v;
    else job[k] = v;
  }
  job.tasks = [task];
  return job;
}
function resolveClusterNames(settings, clusterIdByName) {
  const missing = [];
  const tasks = Array.isArray(settings.tasks) ? settings.tasks : [];
  const resolveTask = (task) => {
    let out = task;
    if (typeof task.existing_cluster_name === "string") {
      const { existing_cluster_name: name, ...rest } = task;
      const id = clusterIdByName.get(name);
      if (id === void 0) missing.push(name);
      out = { ...rest, existing_cluster_id: id ?? `<unresolved:${name}>` };
    }
    const forEach = out.for_each_task;
    if (forEach && typeof forEach.task === "object" && forEach.task !== null) {
      out = { ...out, for_each_task: { ...forEach, task: resolveTask(forEach.task) } };
    }
    return out;
  };
  return { settings: { ...settings, tasks: tasks.map(resolveTask) }, missing };
}
function withManagedDefaults(settings, configName) {
  return {
    ...settings,
    tags: withManagementTag(settings.tags, configName),
    max_concurrent_runs: settings.max_concurrent_runs ?? 1,
    // Jobs 2.2 turns queueing on when `queue` is absent; writing it makes the value explicit.
    queue: settings.queue ?? { enabled: true }
  };
}
function pauseOf(block) {
  if (typeof block !== "object" || block === null) return void 0;
  return block.pause_status ?? "UNPAUSED";
}
function writtenValues(settings) {
  const queue = settings.queue;
  return {
    max_concurrent_runs: settings.max_concurrent_runs ?? 1,
    schedule: pauseOf(settings.schedule),
    trigger: pauseOf(settings.trigger),
    continuous: pauseOf(settings.continuous),
    queue: queue?.enabled ?? true
  };
}
function withRunnableValues(settings, values) {
  const out = {
    ...settings,
    max_concurrent_runs: values.max_concurrent_runs,
    queue: { enabled: values.queue }
  };
  for (const key of ["schedule", "trigger", "continuous"]) {
    const block = settings[key];
    const status = values[key];
    if (typeof block === "object" && block !== null && status) out[key] = { ...block, pause_status: status };
  }
  return out;
}
function passiveValues(settings, passive) {
  const written = writtenValues(settings);
  const pause = (s) => s && passive.pause_schedules ? "PAUSED" : s;
  return {
    max_concurrent_runs: passive.max_concurrent_runs,
    schedule: pause(written.schedule),
    trigger: pause(written.trigger),
    continuous: pause(written.continuous),
    // A run over the limit is skipped, not queued to fire at failover.
    queue: false
  };
}

// src/core/roles/transition.ts
var RUNNABLE_FIELDS = ["max_concurrent_runs", "queue", "schedule", "trigger", "continuous"];
function runnableUpdate(current, values) {
  const target = withRunnableValues(current, values);
  const subset = (s) => Object.fromEntries(RUNNABLE_FIELDS.filter((f) => s[f] !== void 0).map((f) => [f, s[f]]));
  const fields = differingFields(subset(target), subset(current), {
    defaults: { max_concurrent_runs: 1, queue: { enabled: false } }
  });
  const newSettings = {};
  for (const f of fields) newSettings[f] = target[f];
  return { newSettings, fields };
}
async function changeRole(change) {
  const { client, config, state, result } = change;
  const roleChanged = state.role !== change.role || state.epoch !== change.epoch;
  if (roleChanged) {
    result.changes.push({
      kind: "region",
      name: change.regionName,
      action: change.role === "active" ? "activate" : "passivate",
      fields: [`role ${state.role} \u2192 ${change.role}`, `epoch ${state.epoch} \u2192 ${change.epoch}`],
      status: change.dryRun ? "planned" : "applied"
    });
    if (!change.dryRun) {
      if (change.role === "active") state.promoted_at = (/* @__PURE__ */ new Date()).toISOString();
      state.role = change.role;
      state.epoch = change.epoch;
      state.updated_at = (/* @__PURE__ */ new Date()).toISOString();
      state.updated_by = change.runIdentity;
      await writeRegionState(client, state, change.stateExists);
    }
  }
  result.role = change.role;
  result.epoch = change.epoch;
  const target = {
    region: { name: change.regionName },
    dryRun: change.dryRun,
    reporter: change.reporter,
    result,
    wrote: false
  };
  const jobs = change.jobs ?? await client.jobs.listAll();
  const changes = [];
  for (const job of jobs.filter((j) => ownedBy(j.settings?.tags, config.name))) {
    const name = String(job.settings.name ?? job.job_id);
    const current = job.settings;
    let values;
    if (change.role === "active") {
      values = state.jobs[name]?.written;
      if (!values) {
        result.warnings.push(
          `job "${name}" in region ${change.regionName} has no recorded written values; run deploy to record them (left as it is)`
        );
        continue;
      }
    } else {
      values = passiveValues(current, config.passive);
    }
    const { newSettings, fields } = runnableUpdate(current, values);
    if (fields.length > 0) {
      changes.push(
        planned(
          "job",
          name,
          change.role === "active" ? "activate" : "passivate",
          () => client.jobs.update(job.job_id, { newSettings }),
          { fields, id: job.job_id }
        )
      );
    }
    if (change.role === "passive" && change.cancelRuns) {
      changes.push(
        planned(
          "job",
          name,
          "cancel-runs",
          () => client.jobs.cancelAllRuns(job.job_id, { allQueuedRuns: true }),
          { id: job.job_id }
        )
      );
    }
  }
  const clusterIds = Object.entries(state.clusters);
  if (clusterIds.length > 0 && (change.role === "passive" ? config.passive.terminate_clusters : change.startClusters)) {
    for (const [name, { cluster_id: id }] of clusterIds) {
      const cluster = await client.clusters.tryGet(id);
      if (!cluster) continue;
      const running = isRunningLike(cluster.state);
      if (change.role === "passive" && running)
        changes.push(planned("cluster", name, "terminate", () => client.clusters.terminate(id), { id }));
      if (change.role === "active" && cluster.state === "TERMINATED")
        changes.push(planned("cluster", name, "start", () => startCluster(client, id), { id }));
    }
  }
  await applyChanges(target, "job", changes, {
    concurrency: 8,
    label: change.role === "active" ? "activating" : "passivating"
  });
}
async function startCluster(client, id) {
  try {
    await client.clusters.start(id);
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}

// src/core/deploy/jobs.ts
async function listJobs(ctx) {
  return ctx.client.jobs.listAll({ expandTasks: true });
}
function apiSettings(written) {
  const { permissions, ...settings } = written;
  return { settings, permissions };
}
function desiredJob(ctx, written, jobIds) {
  const { settings: file, permissions } = apiSettings(written);
  const { settings: withClusters, missing: missingClusters } = resolveClusterNames(
    toMultiTask(file),
    ctx.clusterIds
  );
  const missing = [];
  const resolved = resolveJobReferences(withClusters, ctx.catalog, jobIds, missing);
  const asWritten = withManagedDefaults(resolved, ctx.config.name);
  const values = writtenValues(asWritten);
  const passive = withRunnableValues(asWritten, passiveValues(asWritten, ctx.config.passive));
  const settings = ctx.role === "passive" || !ctx.rolesVerified ? passive : asWritten;
  return { settings, values, missingClusters, missing, permissions };
}
async function deployJobs(ctx, all) {
  const api = ctx.client.jobs;
  const owned = all.filter((j) => ownedBy(j.settings?.tags, ctx.config.name));
  const byName2 = (name) => all.filter((j) => String(j.settings?.name ?? "").toLowerCase() === name);
  let unchanged = 0;
  const desiredNames = /* @__PURE__ */ new Set();
  ctx.result.jobIds = {};
  const configNames = new Set(
    ctx.project.jobs.map((d) => String(d.byRegion[ctx.region.name].name ?? d.name).toLowerCase())
  );
  const jobIds = /* @__PURE__ */ new Map();
  for (const j of all) {
    const n = String(j.settings?.name ?? "").toLowerCase();
    if (configNames.has(n) ? ownedBy(j.settings?.tags, ctx.config.name) : byName2(n).length === 1)
      jobIds.set(n, j.job_id);
  }
  const plans = [];
  for (const def of ctx.project.jobs) {
    const written = def.byRegion[ctx.region.name];
    const first = desiredJob(ctx, written, jobIds);
    const name = String(first.settings.name ?? def.name);
    const key = name.toLowerCase();
    desiredNames.add(key);
    if (first.missingClusters.length > 0) {
      ctx.result.errors.push(
        `job "${name}": cluster ${first.missingClusters.map((m) => `"${m}"`).join(", ")} not found in region ${ctx.region.name}; define it under clusters or list it in external_clusters`
      );
      continue;
    }
    const missing = first.missing.filter((m) => !(m.kind === "job" && configNames.has(m.name.toLowerCase())));
    if (missing.length > 0) {
      ctx.result.errors.push(`job "${name}": ${describeMissing(missing, ctx.region.name)}`);
      continue;
    }
    const mine = owned.filter((j) => String(j.settings.name ?? "").toLowerCase() === key);
    if (mine.length > 1) {
      ctx.result.errors.push(
        `job "${name}" is ambiguous in region ${ctx.region.name}: ${mine.length} jobs owned by ${ctx.config.name} have that name (ids ${mine.map((j) => j.job_id).join(", ")}); delete the extra ones`
      );
      continue;
    }
    let existing = mine[0];
    if (!existing) {
      const others = byName2(key);
      if (others.length > 0 && !ctx.adopt) {
        ctx.result.errors.push(
          `job "${name}" exists in region ${ctx.region.name} (id ${others[0].job_id}) but is not managed by databricks-dr (${ctx.config.name}); rename one of them, or run with --adopt to take it over`
        );
        continue;
      }
      if (others.length > 1) {
        ctx.result.errors.push(
          `cannot adopt job "${name}" in region ${ctx.region.name}: ${others.length} jobs have that name`
        );
        continue;
      }
      existing = others[0];
    }
    const current = existing;
    const settingsNow = () => {
      const d = desiredJob(ctx, written, jobIds);
      return !ctx.rolesVerified && current ? withRunnableValues(d.settings, writtenValues(current.settings)) : d.settings;
    };
    const runs = jobNamesRun(written).filter((n) => configNames.has(n) && n !== key);
    if (!existing) {
      plans.push({
        key,
        runs,
        change: planned("job", name, "create", async () => {
          const id2 = await createOnce2(ctx, name, settingsNow());
          jobIds.set(key, id2);
          ctx.state.jobs[name] = { job_id: id2, written: first.values };
          ctx.result.jobIds[name] = id2;
          if (first.permissions) {
            const acl2 = await aclToWrite(ctx, "jobs", id2, first.permissions);
            if (acl2) await writePermissions(ctx.client, "jobs", id2, acl2);
          }
        })
      });
      continue;
    }
    const id = existing.job_id;
    ctx.result.jobIds[name] = id;
    const previous = ctx.state.jobs[name];
    ctx.state.jobs[name] = { job_id: id, written: first.values };
    if (!previous || previous.job_id !== id || JSON.stringify(previous.written) !== JSON.stringify(first.values))
      ctx.wrote ||= !ctx.dryRun;
    const fields = differingFields(settingsNow(), existing.settings, JOB_COMPARE);
    const acl = first.permissions ? await aclToWrite(ctx, "jobs", id, first.permissions) : void 0;
    if (acl) fields.push("permissions");
    if (fields.length === 0) {
      unchanged++;
      continue;
    }
    plans.push({
      key,
      runs,
      change: planned(
        "job",
        name,
        "update",
        async () => {
          if (fields.some((f) => f !== "permissions")) await api.reset(id, settingsNow());
          if (acl) await writePermissions(ctx.client, "jobs", id, acl);
        },
        { fields, id }
      )
    });
  }
  countUnchanged(ctx, "job", unchanged);
  const deletes = [];
  for (const j of owned) {
    const name = String(j.settings.name ?? j.job_id);
    if (desiredNames.has(name.toLowerCase())) continue;
    if (ctx.config.prune.jobs) {
      deletes.push(
        planned(
          "job",
          name,
          "delete",
          async () => {
            await api.delete(j.job_id);
            delete ctx.state.jobs[name];
          },
          { id: j.job_id }
        )
      );
    } else {
      noteUnmanaged(ctx, "job", name, "prune.jobs");
    }
  }
  const ownedIds = new Set(owned.map((j) => j.job_id));
  for (const [name, entry] of Object.entries(ctx.state.jobs)) {
    if (!ownedIds.has(entry.job_id) && !desiredNames.has(name.toLowerCase())) delete ctx.state.jobs[name];
  }
  const pending = new Set(plans.filter((p) => p.change.change.action === "create").map((p) => p.key));
  let remaining = plans;
  while (remaining.length > 0) {
    const wave = remaining.filter((p) => p.runs.every((r) => !pending.has(r) || r === p.key));
    if (wave.length === 0) {
      ctx.result.errors.push(
        `jobs ${remaining.map((p) => `"${p.change.change.name}"`).join(", ")} run each other through run_job_task in a cycle; break the cycle`
      );
      break;
    }
    await applyChanges(
      ctx,
      "job",
      wave.map((p) => p.change),
      { concurrency: 8 }
    );
    for (const p of wave) pending.delete(p.key);
    remaining = remaining.filter((p) => !wave.includes(p));
  }
  await applyChanges(ctx, "job", deletes, { concurrency: 8 });
}
async function createOnce2(ctx, name, settings) {
  try {
    return (await ctx.client.jobs.create(settings)).job_id;
  } catch (err) {
    if (!isOutcomeUnknown(err)) throw err;
    const found = (await ctx.client.jobs.listAll({ name })).find(
      (j) => ownedBy(j.settings?.tags, ctx.config.name)
    );
    if (found) {
      await ctx.client.jobs.reset(found.job_id, settings);
      return found.job_id;
    }
    return (await ctx.client.jobs.create(settings)).job_id;
  }
}

// src/core/deploy/notebooks.ts
import { createHash } from "node:crypto";
import { closeSync as closeSync2, openSync as openSync2, readFileSync as readFileSync4, readSync as readSync2 } from "node:fs";
var MANIFEST_NAME = ".databricks-dr-manifest.json";
function hashEntry(entry, content) {
  return createHash("sha256").update(`${entry.objectType}:${entry.language ?? ""}:${entry.format}
`).update(content).digest("hex");
}
var HASH_CHUNK = Buffer.allocUnsafe(64 * 1024);
function hashFile(entry) {
  const hash = createHash("sha256").update(`${entry.objectType}:${entry.language ?? ""}:${entry.format}
`);
  const fd = openSync2(entry.file, "r");
  try {
    for (let n = readSync2(fd, HASH_CHUNK); n > 0; n = readSync2(fd, HASH_CHUNK))
      hash.update(HASH_CHUNK.subarray(0, n));
  } finally {
    closeSync2(fd);
  }
  return hash.digest("hex");
}
var runHashes = /* @__PURE__ */ new WeakMap();
function plannedHash(ctx, entry) {
  let hashes = runHashes.get(ctx.project);
  if (!hashes) {
    hashes = /* @__PURE__ */ new Map();
    runHashes.set(ctx.project, hashes);
  }
  let hash = hashes.get(entry.file);
  if (hash === void 0) {
    hash = hashFile(entry);
    hashes.set(entry.file, hash);
  }
  return hash;
}
function parentOf(path5) {
  const i = path5.lastIndexOf("/");
  return i <= 0 ? "/" : path5.slice(0, i);
}
async function deployNotebooks(ctx) {
  const mappings = ctx.config.notebooks;
  for (let i = 0; i < mappings.length; i++) {
    await deployMapping(
      ctx,
      mappings[i],
      ctx.project.notebooks.filter((e) => e.mapping === i)
    );
  }
}
async function deployMapping(ctx, mapping, entries) {
  const ws = ctx.client.workspace;
  const target = mapping.target;
  const manifestPath = `${target}/${MANIFEST_NAME}`;
  const relativeOf = (p) => p.slice(target.length + 1);
  const actual = /* @__PURE__ */ new Map();
  const wanted = /* @__PURE__ */ new Set();
  for (const e of entries)
    for (let d = parentOf(e.workspacePath); d.length > target.length; d = parentOf(d)) wanted.add(d);
  const [rootListing, early] = await Promise.all([
    listOrEmpty(ctx, target),
    readManifest(ctx, manifestPath, { quiet: true }).catch(() => void 0)
  ]);
  const manifestInfo = rootListing?.find((o) => o.path === manifestPath);
  const manifest = manifestInfo ? early ?? await readManifest(ctx, manifestPath) : { version: 1, files: {} };
  for (const rel of Object.keys(manifest.files)) {
    for (let d = parentOf(`${target}/${rel}`); d.length > target.length; d = parentOf(d)) wanted.add(d);
  }
  const since = manifestInfo?.modified_at;
  let notebooksWithoutTime = false;
  const record = (objects) => {
    for (const o of objects) {
      actual.set(o.path, o);
      if (o.object_type === "NOTEBOOK" && o.modified_at === void 0) notebooksWithoutTime = true;
    }
  };
  if (rootListing) {
    record(rootListing);
    let frontier = rootListing.filter((o) => o.object_type === "DIRECTORY" && wanted.has(o.path)).map((o) => o.path);
    while (frontier.length > 0) {
      const listings = await mapLimit(frontier, 32, (dir) => ws.list(dir));
      frontier = [];
      for (const objects of listings) {
        record(objects);
        for (const o of objects)
          if (o.object_type === "DIRECTORY" && wanted.has(o.path)) frontier.push(o.path);
      }
    }
  }
  const editedByHand = /* @__PURE__ */ new Set();
  if (since !== void 0) {
    for (const o of actual.values()) {
      if (o.path !== manifestPath && o.modified_at !== void 0 && o.modified_at > since)
        editedByHand.add(o.path);
    }
    if (notebooksWithoutTime) {
      const dirs = [
        target,
        ...[...actual.values()].filter((o) => o.object_type === "DIRECTORY").map((o) => o.path)
      ];
      const listings = await mapLimit(dirs, 8, (dir) => ws.list(dir, { notebooksModifiedAfter: since }));
      for (const objects of listings) {
        for (const o of objects) if (o.object_type === "NOTEBOOK") editedByHand.add(o.path);
      }
    }
  }
  const next = { version: 1, files: { ...manifest.files } };
  const uploads = [];
  const newPaths = [];
  let unchanged = 0;
  for (const entry of entries) {
    const rel = relativeOf(entry.workspacePath);
    const hash = plannedHash(ctx, entry);
    const existing = actual.get(entry.workspacePath);
    const owned = rel in manifest.files;
    if (existing && !owned && !ctx.adopt) {
      ctx.result.errors.push(
        `${entry.workspacePath} exists in region ${ctx.region.name} but was not deployed by databricks-dr (${ctx.config.name}); move it away, or run with --adopt to take it over`
      );
      continue;
    }
    const sameType = existing?.object_type === entry.objectType;
    if (existing && sameType && owned && manifest.files[rel] === hash && !editedByHand.has(entry.workspacePath)) {
      unchanged++;
      continue;
    }
    const action = existing ? "update" : "create";
    if (!owned) newPaths.push(rel);
    const fields = existing && editedByHand.has(entry.workspacePath) ? ["edited in the workspace"] : void 0;
    uploads.push(
      planned(
        "notebook",
        entry.workspacePath,
        action,
        async () => {
          const content = readFileSync4(entry.file);
          if (existing && !sameType) await ws.delete(entry.workspacePath, { recursive: false });
          await ws.importContent(entry.workspacePath, content, {
            format: entry.format,
            language: entry.objectType === "NOTEBOOK" && entry.format === "SOURCE" ? entry.language : void 0,
            overwrite: true
          });
          next.files[rel] = hashEntry(entry, content);
        },
        fields ? { fields } : {}
      )
    );
  }
  countUnchanged(ctx, "notebook", unchanged);
  const desired = new Set(entries.map((e) => relativeOf(e.workspacePath)));
  const deletes = [];
  for (const rel of Object.keys(manifest.files)) {
    if (desired.has(rel)) continue;
    const path5 = `${target}/${rel}`;
    if (!actual.has(path5)) {
      if (!ctx.dryRun) delete next.files[rel];
      continue;
    }
    if (!mapping.delete_orphans) {
      noteUnmanaged(ctx, "notebook", path5);
      continue;
    }
    deletes.push(
      planned("notebook", path5, "delete", async () => {
        await ws.delete(path5, { recursive: false });
        delete next.files[rel];
      })
    );
  }
  const desiredPaths = new Set(entries.map((e) => e.workspacePath));
  for (const o of actual.values()) {
    if (o.object_type === "DIRECTORY" || o.path === manifestPath || desiredPaths.has(o.path)) continue;
    if (!(relativeOf(o.path) in manifest.files)) noteUnmanaged(ctx, "notebook", o.path);
  }
  if (ctx.dryRun) {
    await applyChanges(ctx, "notebook", [...uploads, ...deletes]);
    return;
  }
  if (uploads.length === 0 && deletes.length === 0 && sameFiles(manifest, next)) return;
  const missingDirs = [...new Set(uploads.map((u) => parentOf(u.change.name)))].filter(
    (d) => d !== target && !actual.has(d)
  );
  const leaves = missingDirs.filter((d) => !missingDirs.some((o) => o !== d && o.startsWith(`${d}/`)));
  if (!rootListing || leaves.length > 0) {
    await mapLimit(leaves.length > 0 ? leaves : [target], 8, (d) => ws.mkdirs(d));
  }
  if (newPaths.length > 0) {
    const pending = { version: 1, files: { ...manifest.files } };
    for (const rel of newPaths) pending.files[rel] = "";
    await writeManifest(ctx, manifestPath, pending);
    for (const rel of newPaths) next.files[rel] = "";
  }
  try {
    await applyChanges(ctx, "notebook", [...uploads, ...deletes], { concurrency: 16 });
  } finally {
    await writeManifest(ctx, manifestPath, next);
  }
}
function sameFiles(a, b) {
  const ka = Object.keys(a.files);
  return ka.length === Object.keys(b.files).length && ka.every((k) => a.files[k] === b.files[k]);
}
async function listOrEmpty(ctx, path5) {
  try {
    return await ctx.client.workspace.list(path5);
  } catch (err) {
    if (isNotFound(err)) return void 0;
    throw err;
  }
}
async function readManifest(ctx, path5, options = {}) {
  const content = await ctx.client.workspace.exportContent(path5, "AUTO");
  try {
    const value2 = JSON.parse(content.toString("utf8"));
    if (value2 && typeof value2.files === "object" && value2.files !== null)
      return { version: 1, files: { ...value2.files } };
  } catch {
  }
  if (options.quiet) return void 0;
  ctx.result.warnings.push(
    `${path5} in region ${ctx.region.name} is not a valid manifest; every file is uploaded again`
  );
  return { version: 1, files: {} };
}
async function writeManifest(ctx, path5, manifest) {
  const sorted = { version: 1, files: Object.fromEntries(Object.entries(manifest.files).sort()) };
  await ctx.client.workspace.importContent(path5, `${JSON.stringify(sorted, null, 1)}
`, {
    format: "AUTO",
    overwrite: true
  });
  ctx.wrote = true;
}

// src/core/deploy/scopes.ts
function secretValues(scopes, regions, env) {
  const values = /* @__PURE__ */ new Map();
  const missing = /* @__PURE__ */ new Set();
  for (const def of scopes) {
    for (const region of regions) {
      const file = def.byRegion[region];
      for (const [key, source] of Object.entries(file.secrets ?? {})) {
        const value2 = env[source.env];
        if (value2 === void 0 || value2 === "") missing.add(`${source.env} (secret ${file.scope}/${key})`);
        else values.set(source.env, value2);
      }
    }
  }
  return { values, missing: [...missing].sort() };
}
async function callerName(ctx) {
  try {
    const me = await ctx.client.http.get(
      "/api/2.0/preview/scim/v2/Me"
    );
    return me.userName ?? me.applicationId;
  } catch {
    return void 0;
  }
}
async function deployScopes(ctx) {
  const api = ctx.client.secrets;
  const defs = ctx.project.scopes;
  const existing = defs.length > 0 || Object.keys(ctx.state.scopes).length > 0 ? await api.listScopes() : [];
  const byName2 = new Map(existing.map((s) => [s.name, s]));
  const changes = [];
  let unchanged = 0;
  const me = defs.some((d) => Array.isArray(d.byRegion[ctx.region.name].acls)) ? await callerName(ctx) : void 0;
  const reads = new Map(
    await Promise.all(
      defs.map(async (def) => {
        const file = def.byRegion[ctx.region.name];
        const current = byName2.get(file.scope);
        const [secrets, acls] = await Promise.all([
          current && (file.backend ?? "databricks") === "databricks" ? api.listSecrets(file.scope) : void 0,
          current && Array.isArray(file.acls) ? api.listAcls(file.scope).catch((err) => {
            if (isPremiumOnly(err)) return "standard-tier";
            throw err;
          }) : void 0
        ]);
        return [file.scope, { secrets, acls }];
      })
    )
  );
  for (const def of defs) {
    const file = def.byRegion[ctx.region.name];
    const name = file.scope;
    const backend = file.backend ?? "databricks";
    const apiBackend = backend === "azure_keyvault" ? "AZURE_KEYVAULT" : "DATABRICKS";
    const current = byName2.get(name);
    const owned = name in ctx.state.scopes;
    if (current?.backend_type && current.backend_type !== apiBackend) {
      ctx.result.errors.push(
        `secret scope "${name}" in region ${ctx.region.name} is ${current.backend_type}-backed, the repo says ${apiBackend}; a scope cannot change backend: delete it in the workspace or rename the scope in the repo`
      );
      continue;
    }
    if (current && !owned && !ctx.adopt) {
      ctx.result.errors.push(
        `secret scope "${name}" exists in region ${ctx.region.name} but is not managed by databricks-dr (${ctx.config.name}); rename one of them, or run with --adopt to take it over`
      );
      continue;
    }
    const fingerprints = { ...ctx.state.scopes[name]?.secrets ?? {} };
    ctx.state.scopes[name] = { backend, secrets: fingerprints };
    let scopeChanged = false;
    if (!current) {
      scopeChanged = true;
      changes.push(
        planned("secret_scope", name, "create", async () => {
          await createScopeOnce(ctx, name, file);
        })
      );
    } else if (!owned) {
      ctx.wrote ||= !ctx.dryRun;
    }
    if (backend === "databricks") {
      const present = new Set((reads.get(name)?.secrets ?? []).map((s) => s.key));
      const changedKeys = [];
      for (const [key, source] of Object.entries(file.secrets ?? {})) {
        const value2 = ctx.env[source.env] ?? "";
        if (present.has(key) && await secretMatchesFingerprint(value2, fingerprints[key])) continue;
        changedKeys.push(key);
        changes.push(
          planned("secret_scope", `${name}/${key}`, present.has(key) ? "update" : "create", async () => {
            await api.putSecret(name, key, value2);
            fingerprints[key] = await fingerprintSecret(value2);
          })
        );
      }
      for (const key of Object.keys(fingerprints)) {
        if (file.secrets && key in file.secrets) continue;
        delete fingerprints[key];
        if (!present.has(key)) continue;
        changedKeys.push(key);
        changes.push(planned("secret_scope", `${name}/${key}`, "delete", () => api.deleteSecret(name, key)));
      }
      if (changedKeys.length > 0) scopeChanged = true;
    }
    if (Array.isArray(file.acls)) {
      const read = reads.get(name)?.acls;
      if (read === "standard-tier") {
        noteStandardTier(ctx);
        continue;
      }
      const acls = read ?? [];
      const have = new Map(acls.map((a) => [a.principal, a.permission]));
      for (const acl of file.acls) {
        if (have.get(acl.principal) === acl.permission) continue;
        scopeChanged = true;
        changes.push(
          planned(
            "secret_scope",
            `${name} acl ${acl.principal}`,
            have.has(acl.principal) ? "update" : "create",
            () => api.putAcl(name, acl.principal, acl.permission)
          )
        );
      }
      const listed = new Set(file.acls.map((a) => a.principal));
      for (const [principal, permission] of have) {
        if (listed.has(principal) || principal === me && permission === "MANAGE") continue;
        scopeChanged = true;
        changes.push(
          planned("secret_scope", `${name} acl ${principal}`, "delete", () => api.deleteAcl(name, principal))
        );
      }
    }
    if (!scopeChanged) unchanged++;
  }
  countUnchanged(ctx, "secret_scope", unchanged);
  const desired = new Set(
    defs.map((d) => String(d.byRegion[ctx.region.name].scope))
  );
  for (const name of Object.keys(ctx.state.scopes)) {
    if (desired.has(name)) continue;
    if (!byName2.has(name)) {
      delete ctx.state.scopes[name];
      continue;
    }
    if (ctx.config.prune.secret_scopes) {
      changes.push(
        planned("secret_scope", name, "delete", async () => {
          await api.deleteScope(name);
          delete ctx.state.scopes[name];
        })
      );
    } else {
      noteUnmanaged(ctx, "secret_scope", name, "prune.secret_scopes");
    }
  }
  const creates = changes.filter(
    (c) => c.change.action === "create" && !c.change.name.includes("/") && !c.change.name.includes(" acl ")
  );
  await applyChanges(ctx, "secret_scope", creates, { concurrency: 4 });
  const rest = changes.filter(
    (c) => !creates.includes(c) && !(ctx.standardTier && c.change.name.includes(" acl "))
  );
  await applyChanges(ctx, "secret_scope", rest, { concurrency: 4 });
}
function isPremiumOnly(err) {
  return err instanceof DatabricksError && (err.status === 400 || err.status === 403) && /premium|ACL is not supported/i.test(err.message);
}
function noteStandardTier(ctx) {
  if (ctx.standardTier) return;
  ctx.standardTier = true;
  ctx.result.warnings.push(
    `region ${ctx.region.name} is on the Standard tier: secret scopes are created with MANAGE for all users (initial_manage_principal: users) and their ACLs are skipped; use the Premium tier to restrict them`
  );
}
async function createScopeOnce(ctx, name, file) {
  const request = file.backend === "azure_keyvault" ? { scope: name, scope_backend_type: "AZURE_KEYVAULT", backend_azure_keyvault: file.keyvault } : { scope: name, scope_backend_type: "DATABRICKS" };
  try {
    await ctx.client.secrets.createScope(
      ctx.standardTier ? { ...request, initial_manage_principal: "users" } : request
    );
  } catch (err) {
    if (isPremiumOnly(err) && !ctx.standardTier) {
      noteStandardTier(ctx);
      await ctx.client.secrets.createScope({ ...request, initial_manage_principal: "users" });
      return;
    }
    if (!isOutcomeUnknown(err)) throw err;
    if ((await ctx.client.secrets.listScopes()).some((s) => s.name === name)) return;
    await ctx.client.secrets.createScope(request);
  }
}

// src/core/deploy/types.ts
var ASSET_ORDER = ["secret_scope", "notebook", "cluster", "job"];
var ONLY_NAMES = {
  secret_scopes: "secret_scope",
  notebooks: "notebook",
  clusters: "cluster",
  jobs: "job"
};
function emptyRegionResult(status = "ok") {
  return { status, changes: [], unchanged: {}, errors: [], warnings: [] };
}

// src/core/deploy/engine.ts
function parseOnly(only) {
  if (!only || only.length === 0) return [...ASSET_ORDER];
  const kinds = /* @__PURE__ */ new Set();
  for (const raw of only.flatMap((o) => o.split(",")).map((o) => o.trim()).filter(Boolean)) {
    const kind = ONLY_NAMES[raw];
    if (!kind)
      throw new UsageError(`--only ${raw}: use ${Object.keys(ONLY_NAMES).join(", ")} (comma-separated)`);
    kinds.add(kind);
  }
  return ASSET_ORDER.filter((k) => kinds.has(k));
}
async function prepareRun(options) {
  const env = options.env ?? process.env;
  const { reporter } = options;
  const kinds = parseOnly(options.only);
  const report = validateProject(options.configFile, { env, cwd: options.cwd });
  for (const d of report.diagnostics) reporter.annotate(d);
  if (hasErrors(report) || !report.project) {
    throw new ValidationError(
      report.diagnostics.filter((d) => d.severity === "error"),
      { reported: true }
    );
  }
  const project = report.project;
  const { config } = project;
  const names = options.regions?.flatMap((r) => r.split(",")).map((r) => r.trim()).filter(Boolean) ?? [];
  for (const n of names) {
    if (!config.regions.some((r) => r.name === n))
      throw new UsageError(
        `--region ${n}: no such region in ${options.configFile} (regions: ${config.regions.map((r) => r.name).join(", ")})`
      );
  }
  const regions = names.length > 0 ? config.regions.filter((r) => names.includes(r.name)) : config.regions;
  const problems = [];
  const warnings = [];
  const clients = await createClients(config.regions, env, reporter, options.client, (region, message2) => {
    if (regions.includes(region)) problems.push(`region ${region.name}: ${message2}`);
    else warnings.push(`region ${region.name} cannot be checked for fencing: ${message2}`);
  });
  for (const region of regions) {
    const kvScopes = project.scopes.filter((s) => s.byRegion[region.name]?.backend === "azure_keyvault");
    if (kinds.includes("secret_scope") && kvScopes.length > 0) {
      try {
        checkKeyVaultAuth(
          region,
          kvScopes.map((s) => s.name)
        );
      } catch (err) {
        problems.push(err instanceof Error ? err.message : String(err));
      }
    }
  }
  if (kinds.includes("secret_scope")) {
    const { values, missing } = secretValues(
      project.scopes,
      regions.map((r) => r.name),
      env
    );
    for (const v of values.values()) reporter.mask(v);
    if (missing.length > 0)
      problems.push(`secret values missing from the environment: ${missing.join(", ")}`);
  }
  if (problems.length > 0) {
    for (const c of clients.values()) c.close();
    throw new ConfigurationError(`nothing was written:
  ${problems.join("\n  ")}`);
  }
  return { project, regions, kinds, clients, warnings };
}
async function createClients(regions, env, reporter, settings = {}, onProblem) {
  const { ca, ...clientSettings } = settings;
  const clients = /* @__PURE__ */ new Map();
  for (const region of regions) {
    try {
      const tokenProvider = await tokenProviderFor(region, env, {
        mask: (secret) => reporter.mask(secret),
        warn: (message2) => reporter.logger.warning(message2),
        ca
      });
      clients.set(
        region.name,
        new DatabricksClient({
          region: region.name,
          host: region.host,
          tokenProvider,
          logger: reporter.logger,
          ...clientSettings
        })
      );
    } catch (err) {
      onProblem(region, err instanceof Error ? err.message : String(err));
    }
  }
  return clients;
}
function runIdentity(env) {
  if (env.GITHUB_RUN_ID && env.GITHUB_REPOSITORY)
    return `${env.GITHUB_SERVER_URL ?? "https://github.com"}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
  if (env.TF_BUILD && env.BUILD_BUILDID)
    return `${env.SYSTEM_COLLECTIONURI ?? ""}${env.SYSTEM_TEAMPROJECT ?? ""}/_build/results?buildId=${env.BUILD_BUILDID}`;
  return `${os.userInfo().username}@${os.hostname()}`;
}
var PROBE = { timeoutMs: 15e3, deadlineMs: 3e4 };
async function runDeploy(options) {
  const env = options.env ?? process.env;
  const run = await prepareRun(options);
  const config = run.project.config;
  const dryRun = options.dryRun === true;
  const result = {
    command: dryRun ? "plan" : "deploy",
    regions: {},
    warnings: [...run.warnings]
  };
  try {
    const view = await readRoles(config, run.clients, options.probe ?? PROBE);
    result.rolesVerified = view.verified;
    if (!view.verified) {
      result.warnings.push(
        "roles unverified: not every region could be read, so no job's runnable status is changed (definitions are still deployed; new jobs are created passive)"
      );
    }
    if (!dryRun && !options.skipPreflight) {
      const reports = await Promise.all(
        run.regions.map(async (region) => {
          const info = view.regions.get(region.name);
          const client = run.clients.get(region.name);
          return info.reachable && client ? preflightRegion(client, region, run.project) : void 0;
        })
      );
      const notReady = run.regions.filter((_, i) => reports[i] && !regionReady(reports[i]));
      if (notReady.length > 0) {
        run.regions.forEach((region, i) => {
          const r = emptyRegionResult();
          if (reports[i]) recordChecks(r, reports[i]);
          if (r.status === "ok") {
            r.status = "skipped";
            r.warnings.push(
              `not deployed: region ${notReady.map((x) => x.name).join(", ")} is not ready (preflight); nothing was written anywhere`
            );
          }
          result.regions[region.name] = r;
        });
        return result;
      }
    }
    for (const name of view.stale) {
      const info = view.regions.get(name);
      const r = emptyRegionResult();
      result.regions[name] = r;
      r.warnings.push(
        `region ${name} was active at epoch ${info.state.epoch}; ${view.active ?? "another region"} is active at epoch ${view.epoch}: fenced`
      );
      try {
        await changeRole({
          client: run.clients.get(name),
          config,
          regionName: name,
          state: info.state,
          stateExists: info.exists,
          role: "passive",
          epoch: view.epoch,
          dryRun,
          reporter: options.reporter,
          result: r,
          runIdentity: runIdentity(env)
        });
      } catch (err) {
        r.status = "failed";
        r.errors.push(`fencing failed: ${describeError(err)}`);
      }
      info.state.role = "passive";
    }
    const outcomes = await Promise.all(
      run.regions.map((region) => deployRegion(run, region, view, options, env))
    );
    run.regions.forEach((r, i) => {
      const fenced = result.regions[r.name];
      result.regions[r.name] = fenced ? mergeResults(fenced, outcomes[i]) : outcomes[i];
    });
    for (const region of config.regions) {
      const info = view.regions.get(region.name);
      if (!result.regions[region.name] && !info.reachable) {
        const r = emptyRegionResult("unreachable");
        r.unfenced = true;
        r.warnings.push(
          `region ${region.name} could not be reached (${info.error}); it will be checked and fenced when it answers`
        );
        result.regions[region.name] = r;
      }
    }
    result.activeRegion = view.active;
  } finally {
    for (const c of run.clients.values()) c.close();
  }
  return result;
}
function mergeResults(first, second) {
  return {
    ...second,
    status: first.status === "ok" ? second.status : first.status,
    changes: [...first.changes, ...second.changes],
    errors: [...first.errors, ...second.errors],
    warnings: [...first.warnings, ...second.warnings]
  };
}
async function deployRegion(run, region, view, options, env) {
  const result = emptyRegionResult();
  const config = run.project.config;
  const info = view.regions.get(region.name);
  const client = run.clients.get(region.name);
  if (!client || !info.reachable || !info.state) {
    result.status = "unreachable";
    result.errors.push(
      `region ${region.name} could not be reached: ${info.error ?? "no client"}; it stays pending and is reconciled on the next run`
    );
    return result;
  }
  const role = roleOf(view, region.name);
  const ctx = {
    config,
    region,
    client,
    project: run.project,
    state: info.state,
    role,
    rolesVerified: view.verified,
    dryRun: options.dryRun === true,
    adopt: options.adopt === true,
    reporter: options.reporter,
    result,
    env,
    clusterIds: /* @__PURE__ */ new Map(),
    wrote: false,
    catalog: { policies: /* @__PURE__ */ new Map(), pools: /* @__PURE__ */ new Map(), warehouses: /* @__PURE__ */ new Map() },
    identity: memo(() => deployingIdentity(client))
  };
  result.role = role;
  result.epoch = view.epoch;
  try {
    const kinds = run.kinds;
    if (kinds.includes("cluster") || kinds.includes("job")) {
      ctx.catalog = await loadCatalog(client, referencedNames(run.project, region.name));
    }
    if (kinds.includes("secret_scope")) await deployScopes(ctx);
    if (kinds.includes("notebook")) await deployNotebooks(ctx);
    if (kinds.includes("cluster") || kinds.includes("job")) {
      const clusters = await listClusters(ctx);
      resolveExternalClusters(ctx, clusters);
      if (kinds.includes("cluster")) await deployClusters(ctx, clusters);
      else resolveManagedClusters(ctx, clusters);
    }
    if (kinds.includes("job")) await deployJobs(ctx, await listJobs(ctx));
  } catch (err) {
    result.errors.push(err instanceof RegionAbort ? err.message : describeError(err));
    if (isUnreachable(err)) result.status = "unreachable";
  }
  result.clusterIds = Object.fromEntries([...ctx.clusterIds].filter(([, id]) => !id.startsWith("<")));
  const epochBehind = ctx.state.epoch !== view.epoch && view.verified;
  if (!ctx.dryRun && (ctx.wrote || !info.exists || epochBehind) && result.status !== "unreachable") {
    if (view.verified) {
      ctx.state.role = role;
      ctx.state.epoch = view.epoch;
    }
    ctx.state.updated_at = (/* @__PURE__ */ new Date()).toISOString();
    ctx.state.updated_by = runIdentity(env);
    try {
      await writeRegionState(client, ctx.state, info.exists);
    } catch (err) {
      result.errors.push(`the state file could not be written: ${describeError(err)}`);
    }
  }
  if (result.errors.length > 0 && result.status === "ok") result.status = "failed";
  if (result.changes.some((c) => c.status === "failed") && result.status === "ok") result.status = "failed";
  return result;
}
function memo(fn) {
  let p;
  return () => {
    p ??= fn();
    return p;
  };
}

// src/core/deploy/render.ts
var SYMBOL = {
  create: "+",
  update: "~",
  delete: "-",
  passivate: "\u2193",
  activate: "\u2191",
  terminate: "\u25A0",
  start: "\u25B6",
  pin: "\u26B2",
  "cancel-runs": "\u2715"
};
var KIND = {
  region: ["region", "regions"],
  secret_scope: ["secret scope", "secret scopes"],
  notebook: ["notebook", "notebooks"],
  cluster: ["cluster", "clusters"],
  job: ["job", "jobs"]
};
function plural(kind, n) {
  return `${n} ${KIND[kind][n === 1 ? 0 : 1]}`;
}
function unchangedText(r) {
  const parts = Object.entries(r.unchanged).filter(([, n]) => n > 0).map(([k, n]) => plural(k, n));
  return parts.length > 0 ? parts.join(", ") : "nothing";
}
function regionHeading(name, r) {
  const role = r.role ? `${r.role}${r.epoch !== void 0 ? `, epoch ${r.epoch}` : ""}` : "role unknown";
  return `${name} (${role}): ${r.status}${r.unfenced ? ", UNFENCED" : ""}`;
}
function changeText(c, planned2) {
  const fields = c.fields && c.fields.length > 0 ? ` (${c.fields.join(", ")})` : "";
  const status = planned2 ? "" : `  [${c.status}]`;
  const error = c.error ? `: ${c.error}` : "";
  return `${SYMBOL[c.action]} ${c.action} ${KIND[c.kind][0]} ${c.name}${fields}${status}${error}`;
}
function renderText(result) {
  const planned2 = result.command === "plan";
  const lines = (result.warnings ?? []).map((w) => `warning: ${w}`);
  for (const [name, r] of Object.entries(result.regions)) {
    lines.push(regionHeading(name, r));
    if (r.changes.length === 0 && r.status !== "unreachable")
      lines.push(planned2 ? "  no changes" : "  nothing to change");
    for (const c of r.changes) lines.push(`  ${changeText(c, planned2)}`);
    if (r.status !== "unreachable" && result.command !== "failover")
      lines.push(`  unchanged: ${unchangedText(r)}`);
    for (const w of r.warnings) lines.push(`  warning: ${w}`);
    for (const e of r.errors) lines.push(`  error: ${e}`);
  }
  return `${lines.join("\n")}
`;
}
function escapeCell(s) {
  return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
function renderMarkdown(result, title = `databricks-dr ${result.command}`) {
  const planned2 = result.command === "plan";
  const out = [`## ${title}`, ""];
  for (const w of result.warnings ?? []) out.push(`> [!WARNING]
> ${escapeCell(w)}`, "");
  for (const [name, r] of Object.entries(result.regions)) {
    out.push(`### ${escapeCell(regionHeading(name, r))}`, "");
    if (r.changes.length > 0) {
      out.push(planned2 ? "| | kind | name | change |" : "| | kind | name | change | result |");
      out.push(planned2 ? "|---|---|---|---|" : "|---|---|---|---|---|");
      for (const c of r.changes) {
        const what = `${c.action}${c.fields?.length ? ` (${c.fields.join(", ")})` : ""}`;
        const cells = [SYMBOL[c.action], KIND[c.kind][0], `\`${escapeCell(c.name)}\``, escapeCell(what)];
        if (!planned2) cells.push(escapeCell(c.error ? `${c.status}: ${c.error}` : c.status));
        out.push(`| ${cells.join(" | ")} |`);
      }
      out.push("");
    } else if (r.status !== "unreachable") {
      out.push(planned2 ? "No changes." : "Nothing to change.", "");
    }
    if (r.status !== "unreachable" && result.command !== "failover")
      out.push(`Unchanged: ${unchangedText(r)}.`, "");
    for (const w of r.warnings) out.push(`> [!WARNING]
> ${escapeCell(w)}`, "");
    for (const e of r.errors) out.push(`> [!CAUTION]
> ${escapeCell(e)}`, "");
  }
  return `${out.join("\n")}
`;
}
function exitCodeOf(result) {
  const regions = Object.values(result.regions);
  return regions.every((r) => r.status === "ok" || r.status === "skipped") && regions.some((r) => r.status === "ok") ? 0 : 1;
}

// src/core/outputs.ts
function commandOutputs(result) {
  const outputs = { result: JSON.stringify(result) };
  if (result.command === "deploy" || result.command === "plan") {
    const jobIds = {};
    const clusterIds = {};
    for (const [region, r] of Object.entries(result.regions)) {
      if (r.jobIds) jobIds[region] = r.jobIds;
      if (r.clusterIds) clusterIds[region] = r.clusterIds;
    }
    outputs["job-ids"] = JSON.stringify(jobIds);
    outputs["cluster-ids"] = JSON.stringify(clusterIds);
  }
  if (result.command !== "drift") outputs["active-region"] = result.activeRegion ?? "";
  if (result.command === "drift") outputs.drift = String(result.drift === true);
  return outputs;
}

// src/core/drift/index.ts
import { createHash as createHash2 } from "node:crypto";
import { readFileSync as readFileSync5 } from "node:fs";
function itemsOf(r) {
  const items = [];
  for (const c of r.changes) {
    if (c.kind === "secret_scope" && c.action !== "create" && c.action !== "delete" && c.name.includes(" acl ")) {
      items.push({ kind: c.kind, name: c.name, status: "differs", fields: ["permission"] });
      continue;
    }
    switch (c.action) {
      case "create":
        items.push({ kind: c.kind, name: c.name, status: "missing" });
        break;
      case "delete":
        items.push({ kind: c.kind, name: c.name, status: "unmanaged" });
        break;
      case "update":
        items.push({ kind: c.kind, name: c.name, status: "differs", fields: c.fields ?? ["content"] });
        break;
      case "terminate":
        items.push({
          kind: c.kind,
          name: c.name,
          status: "differs",
          fields: ["state (running in a passive region)"]
        });
        break;
      case "pin":
        items.push({ kind: c.kind, name: c.name, status: "differs", fields: ["is_pinned"] });
        break;
      default:
        items.push({ kind: c.kind, name: c.name, status: "differs", fields: c.fields ?? [c.action] });
    }
  }
  for (const u of r.unmanaged ?? []) items.push({ kind: u.kind, name: u.name, status: "unmanaged" });
  return items;
}
function normalizeText(s) {
  return s.replace(/\r\n/g, "\n").replace(/\s+$/, "");
}
function comparable(entry, content) {
  if (entry.format === "JUPYTER") {
    try {
      const nb = JSON.parse(content.toString("utf8"));
      return (nb.cells ?? []).map((c) => normalizeText(Array.isArray(c.source) ? c.source.join("") : c.source ?? "")).join("\n\0\n");
    } catch {
      return content.toString("utf8");
    }
  }
  if (entry.objectType === "NOTEBOOK") return normalizeText(content.toString("utf8"));
  return createHash2("sha256").update(content).digest("hex");
}
async function runDrift(options) {
  const plan = await runDeploy({ ...options, dryRun: true });
  const result = { ...plan, command: "drift" };
  for (const r of Object.values(result.regions)) {
    r.drift = itemsOf(r);
    const unchanged = Object.values(r.unchanged).reduce((a, b) => a + (b ?? 0), 0);
    r.inSync = unchanged;
  }
  if (options.deep) await deepCompare(options, result);
  result.drift = Object.values(result.regions).some(
    (r) => (r.drift?.length ?? 0) > 0 || r.status === "unreachable"
  );
  return result;
}
async function deepCompare(options, result) {
  const run = await prepareRun({ ...options, only: ["notebooks"] });
  try {
    await Promise.all(
      run.regions.map(async (region) => {
        const r = result.regions[region.name];
        const client = run.clients.get(region.name);
        if (!r || !client || r.status === "unreachable") return;
        const flagged = new Set((r.drift ?? []).filter((d) => d.kind === "notebook").map((d) => d.name));
        const entries = run.project.notebooks.filter((e) => !flagged.has(e.workspacePath));
        await mapLimit(entries, 8, async (entry) => {
          const format2 = entry.format === "JUPYTER" ? "JUPYTER" : entry.objectType === "NOTEBOOK" ? "SOURCE" : "AUTO";
          try {
            const remote = await client.workspace.exportContent(entry.workspacePath, format2);
            if (comparable(entry, remote) !== comparable(entry, readFileSync5(entry.file))) {
              r.drift.push({
                kind: "notebook",
                name: entry.workspacePath,
                status: "differs",
                fields: ["content"]
              });
              r.inSync = Math.max(0, (r.inSync ?? 0) - 1);
            }
          } catch (err) {
            if (!isNotFound(err)) throw err;
            r.drift.push({ kind: "notebook", name: entry.workspacePath, status: "missing" });
          }
        });
      })
    );
  } finally {
    for (const c of run.clients.values()) c.close();
  }
}
function renderDriftText(result) {
  const lines = (result.warnings ?? []).map((w) => `warning: ${w}`);
  for (const [name, r] of Object.entries(result.regions)) {
    const head = `${name} (${r.role ?? "role unknown"}${r.epoch !== void 0 ? `, epoch ${r.epoch}` : ""})`;
    if (r.status === "unreachable") {
      lines.push(`${head}: unreachable${r.errors[0] ? ` \u2014 ${r.errors[0]}` : ""}`);
      continue;
    }
    const items = r.drift ?? [];
    lines.push(
      `${head}: ${items.length === 0 ? "in sync" : `${items.length} drifted`} (${r.inSync ?? 0} in sync)`
    );
    for (const d of items)
      lines.push(`  ${d.status.padEnd(9)} ${d.kind} ${d.name}${d.fields ? ` (${d.fields.join(", ")})` : ""}`);
    for (const e of r.errors) lines.push(`  error: ${e}`);
  }
  return `${lines.join("\n")}
`;
}
function renderDriftMarkdown(result) {
  const out = ["## databricks-dr drift", ""];
  for (const [name, r] of Object.entries(result.regions)) {
    const items = r.drift ?? [];
    out.push(
      `### ${name} (${r.role ?? "role unknown"}): ${r.status === "unreachable" ? "unreachable" : items.length === 0 ? "in sync" : `${items.length} drifted`}`,
      ""
    );
    if (items.length > 0) {
      out.push("| status | kind | name | what differs |", "|---|---|---|---|");
      for (const d of items)
        out.push(
          `| ${d.status} | ${d.kind} | \`${d.name.replace(/\|/g, "\\|")}\` | ${(d.fields ?? []).join(", ")} |`
        );
      out.push("");
    }
    out.push(`In sync: ${r.inSync ?? 0}.`, "");
    for (const e of r.errors) out.push(`> [!CAUTION]
> ${e}`, "");
  }
  return `${out.join("\n")}
`;
}

// src/core/failover/index.ts
var FAILOVER_PROBE = { timeoutMs: 5e3, deadlineMs: 1e4 };
async function runFailover(options) {
  const env = options.env ?? process.env;
  const now = options.now ?? Date.now;
  const started = now();
  const config = loadConfig(options.configFile, { env });
  const target = targetRegion(config, options.to);
  const dryRun = options.dryRun === true;
  const result = { command: "failover", regions: {}, warnings: [] };
  const clients = await createClients(
    config.regions,
    env,
    options.reporter,
    options.client,
    (region, message2) => {
      if (region === target) throw new ConfigurationError(`region ${region.name}: ${message2}`);
      result.warnings.push(`region ${region.name} cannot be passivated: ${message2}`);
    }
  );
  try {
    const view = await readRoles(config, clients, options.probe ?? FAILOVER_PROBE);
    result.rolesVerified = view.verified;
    const targetInfo = view.regions.get(target.name);
    if (!targetInfo.reachable || !targetInfo.state) {
      const r = emptyRegionResult("unreachable");
      r.errors.push(
        `region ${target.name} could not be reached (${targetInfo.error}); it cannot be made active`
      );
      result.regions[target.name] = r;
      return result;
    }
    if (!targetInfo.exists) {
      const r = emptyRegionResult("failed");
      r.errors.push(`region ${target.name} has never been deployed (no state file); run deploy first`);
      result.regions[target.name] = r;
      return result;
    }
    const alreadyActive = view.active === target.name && view.stale.length === 0;
    const epoch = alreadyActive ? view.epoch : view.epoch + 1;
    const identity = runIdentity(env);
    const others = config.regions.filter((r) => r !== target);
    const activate = (async () => {
      const r = emptyRegionResult();
      result.regions[target.name] = r;
      try {
        await changeRole({
          client: clients.get(target.name),
          config,
          regionName: target.name,
          state: targetInfo.state,
          stateExists: true,
          role: "active",
          epoch,
          dryRun,
          reporter: options.reporter,
          result: r,
          runIdentity: identity,
          startClusters: options.startClusters
        });
        if (!dryRun) result.timeToActiveMs = now() - started;
      } catch (err) {
        r.status = "failed";
        r.errors.push(`activation failed: ${describeError(err)}`);
      }
      if (r.changes.some((c) => c.status === "failed")) r.status = "failed";
    })();
    const passivate = others.map(async (region) => {
      const info = view.regions.get(region.name);
      const r = emptyRegionResult();
      result.regions[region.name] = r;
      if (!info.reachable || !info.state) {
        r.status = "unreachable";
        r.unfenced = true;
        r.warnings.push(
          `region ${region.name} did not answer (${info.error}): it is unfenced and may still run jobs; the next deploy or failover that reaches it passivates it first`
        );
        return;
      }
      try {
        await changeRole({
          client: clients.get(region.name),
          config,
          regionName: region.name,
          state: info.state,
          stateExists: info.exists,
          role: "passive",
          epoch,
          dryRun,
          reporter: options.reporter,
          result: r,
          runIdentity: identity,
          cancelRuns: options.cancelRuns
        });
      } catch (err) {
        r.status = "failed";
        r.unfenced = true;
        r.errors.push(`passivation failed: ${describeError(err)}`);
      }
    });
    await Promise.all([activate, ...passivate]);
    result.activeRegion = result.regions[target.name].status === "ok" ? target.name : view.active;
    const ordered = {};
    for (const r of config.regions) ordered[r.name] = result.regions[r.name];
    result.regions = ordered;
  } finally {
    for (const c of clients.values()) c.close();
  }
  return result;
}
function failoverExitCode(result, to) {
  return result.regions[to]?.status === "ok" ? 0 : 1;
}
function targetRegion(config, name) {
  const target = config.regions.find((r) => r.name === name);
  if (!target) {
    throw new UsageError(
      `--to ${name}: no such region (regions: ${config.regions.map((r) => r.name).join(", ")})`
    );
  }
  return target;
}

// src/core/failover/drill.ts
async function runDrill(options) {
  const env = options.env ?? process.env;
  const now = options.now ?? Date.now;
  const config = loadConfig(options.configFile, { env });
  if (!config.drill) {
    throw new ConfigurationError(
      "failover --drill needs a smoke job: add `drill: { job: <a job of this config>, timeout_minutes: 30 }` to the config"
    );
  }
  const drill = config.drill;
  const target = targetRegion(config, options.to);
  const clients = await createClients(
    config.regions,
    env,
    options.reporter,
    options.client,
    (region, message2) => {
      if (region === target) throw new ConfigurationError(`region ${region.name}: ${message2}`);
    }
  );
  const report = { target: target.name, steps: [], smokeJob: drill.job };
  let result;
  try {
    const before = await readRoles(config, clients, options.probe ?? FAILOVER_PROBE);
    if (!before.active)
      throw new ConfigurationError("no region is active: a drill starts from a working active region");
    if (before.active === target.name) {
      throw new UsageError(
        `${target.name} is already active: drill a passive region (e.g. --to ${config.regions.find((r) => r.name !== target.name)?.name})`
      );
    }
    const previous = before.active;
    const previousClient = clients.get(previous);
    const wasRunning = [];
    for (const { cluster_id: id } of Object.values(before.regions.get(previous)?.state?.clusters ?? {})) {
      const c = await previousClient.clusters.tryGet(id);
      if (c && isRunningLike(c.state)) wasRunning.push(id);
    }
    let t = now();
    const promoted = await runFailover({ ...options, to: target.name });
    const promoteOk = promoted.regions[target.name]?.status === "ok";
    report.steps.push({
      step: "promote",
      status: promoteOk ? "ok" : "failed",
      ms: now() - t,
      detail: promoteOk ? void 0 : promoted.regions[target.name]?.errors.join("; ")
    });
    t = now();
    if (promoteOk) {
      try {
        const smoke = await runSmokeJob(
          clients.get(target.name),
          config.name,
          drill.job,
          drill.timeout_minutes * 6e4,
          options.pollMs,
          options.reporter
        );
        report.runId = smoke.runId;
        report.resultState = smoke.resultState;
        report.steps.push({
          step: "smoke test",
          status: smoke.resultState === "SUCCESS" ? "ok" : "failed",
          ms: now() - t,
          detail: `run ${smoke.runId}: ${smoke.lifeCycleState}${smoke.resultState ? ` / ${smoke.resultState}` : ""}${smoke.message ? ` \u2014 ${smoke.message}` : ""}`
        });
      } catch (err) {
        report.steps.push({
          step: "smoke test",
          status: "failed",
          ms: now() - t,
          detail: describeError(err)
        });
      }
    } else {
      report.steps.push({ step: "smoke test", status: "skipped", ms: 0, detail: "the promotion failed" });
    }
    t = now();
    result = await runFailover({ ...options, to: previous, startClusters: false, cancelRuns: false });
    let restored = result.regions[previous]?.status === "ok";
    let restarted = 0;
    for (const id of restored ? wasRunning : []) {
      try {
        if (await settledState(previousClient, id) === "TERMINATED") {
          await previousClient.clusters.start(id);
          restarted++;
        }
      } catch (err) {
        restored = false;
        result.regions[previous].errors.push(
          `cluster ${id} could not be started again: ${describeError(err)}`
        );
      }
    }
    report.restoredTo = previous;
    report.steps.push({
      step: "restore",
      status: restored ? "ok" : "failed",
      ms: now() - t,
      detail: restored ? `${previous} is active again${restarted > 0 ? `; ${restarted} cluster${restarted === 1 ? "" : "s"} that were running started again` : ""}` : result.regions[previous]?.errors.join("; ")
    });
  } finally {
    for (const c of clients.values()) c.close();
  }
  return { ...result, command: "drill", drillReport: report };
}
async function runSmokeJob(client, configName, jobName, timeoutMs, pollMs, reporter) {
  const job = (await client.jobs.listAll({ name: jobName })).find(
    (j) => ownedBy(j.settings?.tags, configName)
  );
  if (!job) throw new Error(`the smoke job "${jobName}" is not deployed in this region; deploy first`);
  const { run_id: runId } = await client.jobs.runNow(job.job_id, {
    idempotency_token: `databricks-dr-drill-${job.job_id}-${Date.now()}`
  });
  reporter.logger.info(`drill: smoke job "${jobName}" started as run ${runId}`);
  let delay = pollMs ?? 500;
  const deadline = Date.now() + timeoutMs;
  for (; ; ) {
    const run = await client.jobs.getRun(runId);
    const life = String(run.state?.life_cycle_state ?? "");
    if (["TERMINATED", "SKIPPED", "INTERNAL_ERROR"].includes(life)) {
      return {
        runId,
        lifeCycleState: life,
        resultState: run.state?.result_state,
        message: run.state?.state_message
      };
    }
    if (Date.now() > deadline) {
      await client.jobs.cancelRun(runId).catch(() => void 0);
      return {
        runId,
        lifeCycleState: `${life} (timed out after ${Math.round(timeoutMs / 6e4)} min; cancelled)`
      };
    }
    await new Promise((r) => setTimeout(r, delay));
    delay = pollMs ?? Math.min(delay * 2, 15e3);
  }
}
function drillExitCode(result) {
  return result.drillReport.steps.every((s) => s.status === "ok") ? 0 : 1;
}
function renderDrill(report) {
  const lines = [`drill of ${report.target} (smoke job "${report.smokeJob}")`];
  for (const s of report.steps)
    lines.push(
      `  ${s.step.padEnd(11)} ${s.status.padEnd(7)} ${(s.ms / 1e3).toFixed(1).padStart(6)} s${s.detail ? `  ${s.detail}` : ""}`
    );
  const total = report.steps.reduce((a, s) => a + s.ms, 0);
  lines.push(
    `  total ${(total / 1e3).toFixed(1)} s; roles ${report.steps.at(-1)?.status === "ok" ? `restored (${report.restoredTo} active)` : "NOT restored \u2014 check the regions"}`
  );
  return `${lines.join("\n")}
`;
}
function renderDrillMarkdown(report) {
  const out = [
    `## databricks-dr drill of ${report.target}`,
    "",
    "| step | result | time | detail |",
    "|---|---|---|---|"
  ];
  for (const s of report.steps)
    out.push(
      `| ${s.step} | ${s.status} | ${(s.ms / 1e3).toFixed(1)} s | ${(s.detail ?? "").replace(/\|/g, "\\|")} |`
    );
  return `${out.join("\n")}
`;
}
async function settledState(client, id, timeoutMs = 15 * 6e4) {
  const deadline = Date.now() + timeoutMs;
  let delay = 100;
  for (; ; ) {
    const c = await client.clusters.get(id);
    if (c.state !== "TERMINATING") return String(c.state);
    if (Date.now() > deadline) throw new Error(`cluster ${id} stayed ${c.state}`);
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 5e3);
  }
}

// src/core/preflight/command.ts
async function runPreflight(options) {
  const run = await prepareRun({ ...options, only: ["notebooks", "clusters", "jobs"] });
  const result = { command: "preflight", regions: {} };
  try {
    const view = await readRoles(run.project.config, run.clients, options.probe ?? PROBE);
    result.activeRegion = view.active;
    const outcomes = await Promise.all(
      run.regions.map(async (region) => {
        const r = emptyRegionResult();
        const info = view.regions.get(region.name);
        r.role = roleOf(view, region.name);
        r.epoch = view.epoch;
        const client = run.clients.get(region.name);
        if (!client || !info.reachable) {
          r.status = "unreachable";
          r.errors.push(`region ${region.name} could not be reached: ${info.error ?? "no credentials"}`);
          return r;
        }
        recordChecks(r, await preflightRegion(client, region, run.project));
        return r;
      })
    );
    run.regions.forEach((region, i) => {
      result.regions[region.name] = outcomes[i];
    });
  } finally {
    for (const c of run.clients.values()) c.close();
  }
  return result;
}

// src/core/reporter.ts
var ProgressThrottle = class {
  constructor(now = Date.now) {
    this.now = now;
  }
  now;
  last = /* @__PURE__ */ new Map();
  shouldPrint(u) {
    const key = `${u.region}/${u.kind}`;
    const percent = u.total === 0 ? 100 : Math.floor(u.done / u.total * 100);
    const prev = this.last.get(key);
    const at = this.now();
    if (!prev || u.done === u.total || percent >= prev.percent + 10 || at - prev.at >= 5e3) {
      if (prev && prev.percent === percent && u.done !== u.total) return false;
      this.last.set(key, { percent, at });
      return true;
    }
    return false;
  }
};
function formatProgress(u) {
  const percent = u.total === 0 ? 100 : Math.floor(u.done / u.total * 100);
  return `${u.region}: ${u.kind} ${u.done}/${u.total} (${percent}%)`;
}
function redact(text, secrets) {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join("***");
  return out;
}

export {
  ConfigurationError,
  UsageError,
  formatDiagnostic,
  ValidationError,
  didYouMean,
  nullLogger,
  streamLogger,
  VERSION,
  DEFAULT_CONFIG_FILE,
  DEFAULT_RATE_LIMITS,
  apiFamily,
  TokenBucket,
  renderChecksMarkdown,
  renderChecksText,
  validateProject,
  validateFiles,
  hasErrors,
  runDeploy,
  renderText,
  renderMarkdown,
  exitCodeOf,
  ProgressThrottle,
  formatProgress,
  redact,
  commandOutputs,
  runDrift,
  renderDriftText,
  renderDriftMarkdown,
  runFailover,
  failoverExitCode,
  runDrill,
  drillExitCode,
  renderDrill,
  renderDrillMarkdown,
  runPreflight
};
