# Workflows: build with the .NET SDK, run on the ASP.NET Core runtime as the image's non-root "app" user.
#   docker build -t workflows .
# See docs/deploy.md for the settings a production container needs.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# The project files first, so the restore layer is reused while only code changes.
COPY Directory.Build.props Directory.Packages.props ./
COPY Workflows.Core/Workflows.Core.csproj Workflows.Core/
COPY Workflows.Web/Workflows.Web.csproj Workflows.Web/
RUN dotnet restore Workflows.Web/Workflows.Web.csproj
COPY Workflows.Core/ Workflows.Core/
COPY Workflows.Web/ Workflows.Web/
RUN dotnet publish Workflows.Web/Workflows.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl only for the HEALTHCHECK below; the runtime image has no HTTP client of its own.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_NOLOGO=1
EXPOSE 8080
# The image's built-in unprivileged user (uid 1654); the app writes nothing outside the database and /tmp.
USER app
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
    CMD curl --fail --silent --show-error http://127.0.0.1:8080/health/ready || exit 1
ENTRYPOINT ["dotnet", "Workflows.Web.dll"]
