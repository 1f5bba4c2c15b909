'use strict';
// The schemas of kubernetes-models accept fields they do not declare, where `kubectl apply` (strict field
// validation) refuses them, so a misspelt field (`livenessProb:`) would pass. The field names each type declares are
// read from the package's type declarations (.d.ts) instead; a type whose declaration is not a plain interface
// (quantities, int-or-string, free maps) is not looked into, so this never rejects what it cannot read.
const fs = require('node:fs');
const path = require('node:path');

const cache = new Map();

function packageDir(name) {
  return path.dirname(require.resolve(`${name}/package.json`));
}

function resolveImport(spec, fromFile) {
  if (spec.startsWith('.')) return path.resolve(path.dirname(fromFile), `${spec}.d.ts`);
  const parts = spec.split('/');
  const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  const rest = parts.slice(name.split('/').length).join('/');
  return path.join(packageDir(name), `${rest}.d.ts`);
}

/** { fields: Map(name -> declaration file of its object type, or null), imports } of the first interface in a .d.ts. */
function declaration(file) {
  if (cache.has(file)) return cache.get(file);
  let result = null;
  if (fs.existsSync(file)) {
    const text = fs.readFileSync(file, 'utf8');
    const imports = new Map();
    for (const m of text.matchAll(/^import \{ (\w+) \} from "([^"]+)";$/gm)) imports.set(m[1], resolveImport(m[2], file));
    const body = /^export interface \w+(?: extends [\w, ]+)? \{\n([\s\S]*?)^\}/m.exec(text);
    if (body) {
      const fields = new Map();
      for (const m of body[1].matchAll(/^ {4}"([^"]+)"\??: (.*?);?$/gm)) {
        const type = /^(?:Array<)?(\w+)>?$/.exec(m[2]);
        fields.set(m[1], type && imports.has(type[1]) ? imports.get(type[1]) : null);
      }
      result = { fields };
    }
  }
  cache.set(file, result);
  return result;
}

function walk(value, file, where, errors) {
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, file, `${where}[${i}]`, errors));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const decl = declaration(file);
  if (!decl) return;
  for (const [key, child] of Object.entries(value)) {
    if (!decl.fields.has(key)) {
      errors.push(`${where ? `${where}.` : ''}${key}: unknown field`);
    } else if (decl.fields.get(key)) {
      walk(child, decl.fields.get(key), where ? `${where}.${key}` : key, errors);
    }
  }
}

/** Unknown fields of a document whose model lives at kubernetes-models/<apiVersion>/<kind>. */
function unknownFields(doc) {
  const errors = [];
  walk(doc, path.join(packageDir('kubernetes-models'), doc.apiVersion, `${doc.kind}.d.ts`), '', errors);
  return errors;
}

module.exports = { unknownFields };
