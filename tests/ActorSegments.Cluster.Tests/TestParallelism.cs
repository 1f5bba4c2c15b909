// Each test runs a cluster of server processes and a PostgreSQL of its own; two at once would only compete for the
// cores (and for the other test assemblies running meanwhile), so they run one after another.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
