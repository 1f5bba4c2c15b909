# The server image: one process, an Orleans silo with the gRPC and HTTP endpoints co-hosted.
#   docker build -t actorsegments-server .
#   docker run ... actorsegments-server            # the server
#   docker run ... actorsegments-server migrate    # apply the PostgreSQL schema and exit
# Base images are arguments so a registry mirror can stand in (--build-arg SDK_IMAGE=... and so on).
# RUNTIME_IMAGE and NATIVE_DEPS_IMAGE must be the same distribution and release: see the native-deps stage.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled
ARG NATIVE_DEPS_IMAGE=ubuntu:24.04

FROM ${SDK_IMAGE} AS build
WORKDIR /source
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Restore from the project files alone, so the package layer is rebuilt only when a reference changes, not on every
# source edit. Every project the server references (directly or not) must be listed here.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY protos/ protos/
COPY src/ActorSegments.Domain/ActorSegments.Domain.csproj src/ActorSegments.Domain/
COPY src/ActorSegments.Abstractions/ActorSegments.Abstractions.csproj src/ActorSegments.Abstractions/
COPY src/ActorSegments.Grains/ActorSegments.Grains.csproj src/ActorSegments.Grains/
COPY src/ActorSegments.Postgres/ActorSegments.Postgres.csproj src/ActorSegments.Postgres/
COPY src/ActorSegments.InMemory/ActorSegments.InMemory.csproj src/ActorSegments.InMemory/
COPY src/ActorSegments.ML/ActorSegments.ML.csproj src/ActorSegments.ML/
COPY src/ActorSegments.Content/ActorSegments.Content.csproj src/ActorSegments.Content/
COPY src/ActorSegments.Protos/ActorSegments.Protos.csproj src/ActorSegments.Protos/
COPY src/ActorSegments.Console/ActorSegments.Console.csproj src/ActorSegments.Console/
COPY src/ActorSegments.Server/ActorSegments.Server.csproj src/ActorSegments.Server/
RUN dotnet restore src/ActorSegments.Server/ActorSegments.Server.csproj -r linux-x64

COPY src/ src/
# Framework-dependent: the runtime image brings ASP.NET Core, so the image carries only the application.
RUN dotnet publish src/ActorSegments.Server/ActorSegments.Server.csproj -c Release -r linux-x64 --self-contained false \
      --no-restore -p:UseAppHost=false -o /app

# Microsoft.ML ships native libraries: libFastTreeNative.so, libLdaNative.so and LightGBM's lib_lightgbm.so. `ldd` on
# the published ones: all need libc, libm, libstdc++ and libgcc_s, which the chiseled runtime image has; lib_lightgbm
# also needs libgomp.so.1 (OpenMP), which it lacks, and the image has no package manager. So libgomp is taken from the
# libgomp1 package of the runtime image's Ubuntu release and copied into the library directory the loader searches.
FROM ${NATIVE_DEPS_IMAGE} AS native-deps
RUN apt-get update \
    && apt-get install -y --no-install-recommends libgomp1 \
    && mkdir /native \
    && cp -L "$(dpkg -L libgomp1 | grep '/libgomp\.so\.1$' | head -n 1)" /native/libgomp.so.1

# Chiseled: no shell, no package manager, runs as the non-root user `app` (uid 1654). Invariant globalization is on,
# so the image needs no ICU.
FROM ${RUNTIME_IMAGE} AS runtime
WORKDIR /app
# A container listens on every interface (the server's own defaults are loopback, for a laptop). The base image's
# ASPNETCORE_HTTP_PORTS=8080 is cleared: the named endpoints replace it, and Kestrel would warn at every start.
ENV ASPNETCORE_HTTP_PORTS= \
    Kestrel__Endpoints__Grpc__Url=http://0.0.0.0:5000 \
    Kestrel__Endpoints__Http__Url=http://0.0.0.0:5080
COPY --from=native-deps /native/libgomp.so.1 /usr/lib/x86_64-linux-gnu/libgomp.so.1
COPY --from=build /app ./
# 5000 gRPC (HTTP/2), 5080 HTTP/1.1 (JSON API, /healthz, /livez, /metrics, /dashboard), 11111 silo-to-silo.
EXPOSE 5000 5080 11111
ENTRYPOINT ["dotnet", "ActorSegments.Server.dll"]
