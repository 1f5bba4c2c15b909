'use strict';
// Reads the values the server will see, in the formats it parses them.

/** Seconds of a .NET TimeSpan setting ([d.]hh:mm:ss[.fraction]); a bare number means days, as TimeSpan.Parse reads it. */
function timeSpanSeconds(text) {
  const value = String(text).trim();
  if (/^\d+$/.test(value)) return Number(value) * 86400;
  const m = /^(?:(\d+)\.)?(\d+):(\d+)(?::(\d+)(?:\.(\d+))?)?$/.exec(value);
  if (!m) return NaN;
  const [, days = '0', hours, minutes, seconds = '0', fraction = '0'] = m;
  return Number(days) * 86400 + Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds) + Number(`0.${fraction}`);
}

/** Seconds of a compose duration such as 100s, 1m30s, 2h. */
function composeDurationSeconds(text) {
  const value = String(text).trim();
  if (!/^(\d+(\.\d+)?(h|m|s|ms|us))+$/.test(value)) return NaN;
  const unit = { h: 3600, m: 60, s: 1, ms: 0.001, us: 0.000001 };
  return [...value.matchAll(/(\d+(?:\.\d+)?)(h|ms|us|m|s)/g)].reduce((sum, m) => sum + Number(m[1]) * unit[m[2]], 0);
}

/**
 * The graceful stop must fit in the time before SIGKILL: the readiness delay (not-ready while still serving) plus
 * the host's shutdown budget (DOTNET_SHUTDOWNTIMEOUTSECONDS) must be less than `grace` seconds, and the budget must
 * hold more than the readiness delay and the drain.
 */
function shutdownBudgetErrors(env, grace, graceName) {
  const delay = env.ActorSegments__Shutdown__ReadinessDelay;
  const budget = env.DOTNET_SHUTDOWNTIMEOUTSECONDS;
  if (budget === undefined) return ['DOTNET_SHUTDOWNTIMEOUTSECONDS: not set (the host default is too short for a silo to leave)'];
  const delaySeconds = delay === undefined ? 0 : timeSpanSeconds(delay);
  const budgetSeconds = Number(budget);
  if (Number.isNaN(delaySeconds)) return [`ActorSegments__Shutdown__ReadinessDelay: '${delay}' is not a TimeSpan`];
  if (!Number.isInteger(budgetSeconds) || budgetSeconds <= 0) return [`DOTNET_SHUTDOWNTIMEOUTSECONDS: '${budget}' is not a positive whole number`];
  const errors = [];
  if (!(grace > delaySeconds + budgetSeconds)) {
    errors.push(`${graceName} (${grace}) must exceed ReadinessDelay (${delaySeconds}) + DOTNET_SHUTDOWNTIMEOUTSECONDS (${budgetSeconds})`);
  }
  // The drain (default 30 s) comes before the silo's own stop (snapshots, journal flush, leaving the cluster).
  const drain = env.ActorSegments__Shutdown__DrainTimeout;
  const drainSeconds = drain === undefined ? 30 : timeSpanSeconds(drain);
  if (Number.isNaN(drainSeconds)) errors.push(`ActorSegments__Shutdown__DrainTimeout: '${drain}' is not a TimeSpan`);
  else if (!(budgetSeconds > delaySeconds + drainSeconds)) {
    errors.push(`DOTNET_SHUTDOWNTIMEOUTSECONDS (${budgetSeconds}) must exceed ReadinessDelay (${delaySeconds}) + DrainTimeout (${drainSeconds}), leaving the silo time to stop`);
  }
  return errors;
}

const ANY_ADDRESS = /^http:\/\/(0\.0\.0\.0|\*|\+|\[::\]):\d+$/;

/** Containers must bind both endpoints on every interface (the server's defaults are loopback). */
function endpointErrors(env) {
  return ['Kestrel__Endpoints__Grpc__Url', 'Kestrel__Endpoints__Http__Url']
    .filter((name) => !ANY_ADDRESS.test(env[name] ?? ''))
    .map((name) => `${name}: must listen on every interface, e.g. http://0.0.0.0:<port> (got ${env[name] ?? 'unset'})`);
}

module.exports = { timeSpanSeconds, composeDurationSeconds, shutdownBudgetErrors, endpointErrors };
