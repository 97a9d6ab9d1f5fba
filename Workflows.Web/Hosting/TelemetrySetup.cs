using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Workflows.Core.Telemetry;

namespace Workflows.Web.Hosting;

/// <summary>
/// OpenTelemetry traces, metrics and logs over OTLP, switched on by the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// (and read with the other standard <c>OTEL_*</c> variables: protocol, headers, service name, intervals). Without it
/// nothing is collected: no exporter, no instrumentation cost. Traces: ASP.NET Core, HttpClient (webhooks, e-mail
/// APIs), EF Core and Npgsql; metrics: the same plus the product's own meter <see cref="WorkflowsMetrics.MeterName"/>.
/// </summary>
public static class TelemetrySetup
{
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public const string ProtocolKey = "OTEL_EXPORTER_OTLP_PROTOCOL";

    public static IServiceCollection AddWorkflowsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration[EndpointKey] is not { Length: > 0 } endpoint)
        {
            return services;
        }

        Check(endpoint, configuration[ProtocolKey]);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : "workflows",
                serviceInstanceId: Environment.MachineName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter("Npgsql")
                .AddMeter(WorkflowsMetrics.MeterName))
            .UseOtlpExporter();
        return services;
    }

    /// <summary>A mistyped address or protocol would only show as telemetry that never arrives: it stops the start instead.</summary>
    private static void Check(string endpoint, string? protocol)
    {
        var wrong = new List<string>();
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            wrong.Add($"{EndpointKey} must be an absolute http(s) address of an OTLP collector, such as http://otel-collector:4318 (was \"{endpoint}\").");
        }

        if (protocol is { Length: > 0 } && protocol is not ("grpc" or "http/protobuf"))
        {
            wrong.Add($"{ProtocolKey} must be grpc or http/protobuf (was \"{protocol}\").");
        }

        if (wrong.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", wrong));
        }
    }
}
