using System.ComponentModel.DataAnnotations;
using System.Net;

namespace ActorSegments.Server.Configuration;

/// <summary>How this silo identifies itself and where it listens for other silos.</summary>
public sealed class ClusterHostingOptions : IValidatableObject
{
    public const string SectionName = "ActorSegments:Cluster";

    private const string Id = "^[A-Za-z0-9_.-]{1,150}$";
    private const string IdExpected = "must be 1-150 letters, digits, '-', '_' or '.'";

    /// <summary>Names the stored data (grain state and reminder rows carry it); keep it stable for the life of a deployment.</summary>
    [Required]
    [RegularExpression(Id, ErrorMessage = IdExpected)]
    public string ServiceId { get; set; } = "actorsegments";

    /// <summary>Silos with the same cluster id join each other; a blue/green deployment uses a new one.</summary>
    [Required]
    [RegularExpression(Id, ErrorMessage = IdExpected)]
    public string ClusterId { get; set; } = "actorsegments";

    /// <summary>Silo-to-silo port.</summary>
    [Range(1, 65_535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port for external Orleans clients; 0 (default) disables it, since clients use the gRPC API.</summary>
    [Range(0, 65_535)]
    public int GatewayPort { get; set; }

    /// <summary>The IP address other silos reach this one at (default 127.0.0.1, for one machine).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// Run as a Kubernetes pod (<c>Microsoft.Orleans.Hosting.Kubernetes</c>): the silo takes its name and address from
    /// the pod (<c>POD_NAME</c>, <c>POD_IP</c>, <c>POD_NAMESPACE</c>), its service and cluster ids from
    /// <c>ORLEANS_SERVICE_ID</c> and <c>ORLEANS_CLUSTER_ID</c> (the pod's <c>orleans/serviceId</c> and
    /// <c>orleans/clusterId</c> labels), and declares silos dead as soon as their pods are gone. Membership still
    /// lives in PostgreSQL.
    /// </summary>
    public bool Kubernetes { get; set; }

    /// <summary>An address is checked by parsing it: no annotation says "an IP address".</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(AdvertisedAddress, out _))
        {
            yield return new ValidationResult($"must be an IP address such as 10.0.0.5 (got '{AdvertisedAddress}').", [nameof(AdvertisedAddress)]);
        }
    }
}
