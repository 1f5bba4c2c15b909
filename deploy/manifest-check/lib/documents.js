'use strict';
// Reads every YAML document of a directory tree, remembering where each came from for error messages.
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

function yamlFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return yamlFiles(full);
      return /\.ya?ml$/.test(entry.name) ? [full] : [];
    });
}

/** Parses text that may hold several documents; `merge` resolves `<<:` keys the way docker-compose does. */
function parseAll(text, where) {
  const docs = YAML.parseAllDocuments(text, { merge: true });
  return docs.map((doc, index) => {
    const problems = [...doc.errors, ...doc.warnings];
    if (problems.length > 0) {
      throw new Error(`${where}#${index}: not valid YAML: ${problems.map((p) => p.message).join('; ')}`);
    }
    return doc.toJS({ maxAliasCount: 100 });
  });
}

/** { entries: [{ file, dir, index, doc }] of every non-empty document under dir, errors } (file is relative to base). */
function loadManifests(dir, base) {
  const entries = [];
  const errors = [];
  for (const file of yamlFiles(dir)) {
    const where = path.relative(base, file);
    try {
      parseAll(fs.readFileSync(file, 'utf8'), where).forEach((doc, index) => {
        if (doc !== null && doc !== undefined) entries.push({ file: where, dir: path.dirname(file), index, doc });
      });
    } catch (error) {
      errors.push(error.message);
    }
  }
  return { entries, errors };
}

module.exports = { loadManifests, parseAll };
