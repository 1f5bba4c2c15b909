'use strict';
// What docker-compose.yml's silos need beyond what `docker-compose config` checks: each advertises the fixed
// address it has on the network, all share one cluster, they start after the migration, and a stop fits before SIGKILL.
const { composeDurationSeconds, shutdownBudgetErrors, endpointErrors } = require('./settings');

function environment(service) {
  const env = service.environment ?? {};
  if (!Array.isArray(env)) return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? undefined : String(v)]));
  return Object.fromEntries(env.map((entry) => {
    const at = String(entry).indexOf('=');
    return at < 0 ? [entry, undefined] : [entry.slice(0, at), entry.slice(at + 1)];
  }));
}

function siloErrors(name, service, services) {
  const env = environment(service);
  const errors = [];
  const address = env.ActorSegments__Cluster__AdvertisedAddress;
  const fixed = Object.values(service.networks ?? {}).map((n) => n?.ipv4_address).filter(Boolean);
  if (!fixed.includes(address)) errors.push(`ActorSegments__Cluster__AdvertisedAddress (${address}) must be one of the service's ipv4_address values (${fixed.join(', ') || 'none'})`);
  if (!env.ActorSegments__Postgres__ConnectionString) errors.push('ActorSegments__Postgres__ConnectionString: required (without it a silo runs alone, in memory)');
  errors.push(...endpointErrors(env));
  if (env.ActorSegments__Postgres__MigrateOnStart === 'false') {
    const migrations = Object.entries(service.depends_on ?? {})
      .filter(([dependency, how]) => how?.condition === 'service_completed_successfully' && [].concat(services[dependency]?.command ?? []).includes('migrate'));
    if (migrations.length === 0) errors.push('MigrateOnStart is false but the silo does not wait for a `migrate` service to complete');
  }
  const grace = service.stop_grace_period === undefined ? 10 : composeDurationSeconds(service.stop_grace_period);
  errors.push(...shutdownBudgetErrors(env, grace, 'stop_grace_period'));
  return errors.map((e) => `service ${name}: ${e}`);
}

/** Errors of a parsed compose file; silos are the services that set an advertised address or run the server. */
function composeErrors(compose) {
  const services = compose?.services ?? {};
  const silos = Object.entries(services).filter(([, s]) => environment(s).ActorSegments__Cluster__AdvertisedAddress !== undefined);
  if (silos.length === 0) return ['no silo service (one setting ActorSegments__Cluster__AdvertisedAddress)'];
  const errors = silos.flatMap(([name, service]) => siloErrors(name, service, services));
  for (const setting of ['ActorSegments__Cluster__ServiceId', 'ActorSegments__Cluster__ClusterId']) {
    const values = new Set(silos.map(([, s]) => environment(s)[setting]));
    if (values.size > 1) errors.push(`${setting}: silos disagree (${[...values].join(', ')}), so they would not form one cluster`);
  }
  const addresses = silos.map(([, s]) => environment(s).ActorSegments__Cluster__AdvertisedAddress);
  if (new Set(addresses).size !== addresses.length) errors.push('ActorSegments__Cluster__AdvertisedAddress: two silos advertise the same address');
  return errors;
}

module.exports = { composeErrors };
