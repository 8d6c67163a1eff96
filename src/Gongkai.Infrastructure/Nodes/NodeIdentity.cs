namespace Gongkai.Infrastructure.Nodes;

/// <summary>
/// This process among the nodes of a deployment: <c>Gongkai:Node:Name</c>, or the host name with the process id.
/// Recorded as the holder of job leases and e-mail claims, and as the <c>node</c> of metrics.
/// </summary>
public sealed record NodeIdentity(string Name)
{
    public static NodeIdentity From(string? configured) =>
        new(string.IsNullOrWhiteSpace(configured) ? $"{Environment.MachineName}:{Environment.ProcessId}" : configured.Trim());
}
