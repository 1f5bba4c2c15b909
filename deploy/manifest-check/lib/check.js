'use strict';
// Every check of a set of manifests; an error names the file, the document's index in it and the object.
const { schemaErrors } = require('./schema');
const { isKustomization, kustomizationErrors } = require('./kustomization');
const { siloErrors } = require('./silo-rules');

function label(entry) {
  const { kind = '?', metadata = {} } = entry.doc ?? {};
  return `${entry.file}#${entry.index} (${kind}/${metadata.name ?? metadata.generateName ?? '?'})`;
}

/** entries: [{ file, dir, index, doc }] as loadManifests returns them. */
function manifestErrors(entries) {
  const docs = entries.map((e) => e.doc);
  return entries.flatMap((entry) => {
    const errors = isKustomization(entry.doc) ? kustomizationErrors(entry.doc, entry.dir) : schemaErrors(entry.doc);
    if (entry.doc?.kind === 'Deployment') {
      try {
        errors.push(...siloErrors(entry.doc, docs));
      } catch (error) {
        errors.push(`the silo rules could not read it (${error.message})`);
      }
    }
    return errors.map((e) => `${label(entry)}: ${e}`);
  });
}

module.exports = { manifestErrors };
