using EksAdvisories.Ipamd;
using System.Net;
using System.Text.Json;
using Amazon;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace EksAdvisories.Collection;

/// <summary>
/// Reads EC2's view of the node with the AWS SDK: DescribeNetworkInterfaces filtered on <c>attachment.instance-id</c>
/// (required) and DescribeInstanceTypes for the node's type. Credentials come from the SDK's default chain (environment,
/// profile, web identity, the instance profile); the endpoint from the SDK's standard settings
/// (<c>AWS_ENDPOINT_URL_EC2</c>, <c>AWS_ENDPOINT_URL</c>, else the region's); the region from IMDS, else the SDK's
/// default (<c>AWS_REGION</c>). Retries and the per-attempt timeout are the SDK's, set from the options.
/// </summary>
internal static class Ec2Collector
{
    /// <summary>The EC2 calls one collection makes, each with its own retries; the worst case waits for each in turn.</summary>
    public const int CallsPerCollection = 2;

    /// <summary>More pages than any node has ENIs (15 at most, 1 page) means a broken endpoint, not a node.</summary>
    private const int MaxPages = 20;

    public static async Task<(byte[]? NetworkInterfaces, byte[]? InstanceType)> CollectAsync(
        ImdsFacts imds, NodeCollectionOptions options, ICollection<CollectionProblem> problems, CancellationToken cancellation)
    {
        const string Source = "EC2 DescribeNetworkInterfaces";
        if (imds.InstanceId is null)
        {
            problems.Add(new CollectionProblem(SnapshotFileNames.Ec2NetworkInterfaces, Source,
                "the instance id is unknown (IMDS gave none), so the node's ENIs cannot be asked for", "IMDS's instance-id", IsRequired: true));
            problems.Add(new CollectionProblem(SnapshotFileNames.InstanceType, "EC2 DescribeInstanceTypes",
                "the instance type is unknown (IMDS gave none)", "IMDS's instance-type", IsRequired: false));
            return (null, null);
        }

        AmazonEC2Client client;
        try
        {
            client = new AmazonEC2Client(Config(imds.Region, options));
        }
        catch (AmazonClientException e)
        {
            problems.Add(new CollectionProblem(SnapshotFileNames.Ec2NetworkInterfaces, Source, "the EC2 client could not be set up: " + e.Message,
                "AWS credentials from the SDK's default chain (the node's instance profile) and a region", IsRequired: true));
            return (null, null);
        }

        using (client)
        {
            var interfaces = await DescribeNetworkInterfacesAsync(client, imds.InstanceId, options, problems, cancellation).ConfigureAwait(false);
            var type = imds.InstanceType is null
                ? null
                : await DescribeInstanceTypeAsync(client, imds.InstanceType, options, problems, cancellation).ConfigureAwait(false);
            return (interfaces, type);
        }
    }

    private static AmazonEC2Config Config(string? region, NodeCollectionOptions options)
    {
        var config = new AmazonEC2Config
        {
            Timeout = options.Ec2Timeout,
            MaxErrorRetry = options.Ec2MaxRetries,
            RetryMode = RequestRetryMode.Standard,
        };
        // IMDS's region is the node's own; without it the SDK's default region chain (AWS_REGION, the profile) decides.
        if (!string.IsNullOrWhiteSpace(region)) config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        return config;
    }

    private static async Task<byte[]?> DescribeNetworkInterfacesAsync(
        AmazonEC2Client client, string instanceId, NodeCollectionOptions options, ICollection<CollectionProblem> problems, CancellationToken cancellation)
    {
        var all = new List<NetworkInterface>();
        string? next = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var request = new DescribeNetworkInterfacesRequest
            {
                Filters = [new Filter("attachment.instance-id", [instanceId])],
                NextToken = next,
            };
            var response = await CallAsync(() => client.DescribeNetworkInterfacesAsync(request, cancellation), "DescribeNetworkInterfaces",
                SnapshotFileNames.Ec2NetworkInterfaces, "the IAM permission ec2:DescribeNetworkInterfaces", required: true, options, problems, cancellation).ConfigureAwait(false);
            if (response is null) return null;
            all.AddRange(response.NetworkInterfaces ?? []);
            next = response.NextToken;
            if (string.IsNullOrEmpty(next)) break;
        }

        return JsonSerializer.SerializeToUtf8Bytes(Ec2DocumentMapper.Map(all), Ec2JsonContext.Default.NetworkInterfacesDocument);
    }

    private static async Task<byte[]?> DescribeInstanceTypeAsync(
        AmazonEC2Client client, string instanceType, NodeCollectionOptions options, ICollection<CollectionProblem> problems, CancellationToken cancellation)
    {
        var request = new DescribeInstanceTypesRequest { InstanceTypes = [instanceType] };
        var response = await CallAsync(() => client.DescribeInstanceTypesAsync(request, cancellation), "DescribeInstanceTypes",
            SnapshotFileNames.InstanceType, "the IAM permission ec2:DescribeInstanceTypes", required: false, options, problems, cancellation).ConfigureAwait(false);
        if (response is null) return null;
        if (response.InstanceTypes is not { Count: > 0 })
        {
            problems.Add(new CollectionProblem(SnapshotFileNames.InstanceType, "EC2 DescribeInstanceTypes", $"EC2 knows no instance type '{instanceType}'", "an instance type EC2 describes", IsRequired: false));
            return null;
        }

        return JsonSerializer.SerializeToUtf8Bytes(Ec2DocumentMapper.Map(response.InstanceTypes), Ec2JsonContext.Default.InstanceTypesDocument);
    }

    /// <summary>One SDK call; every failure but the caller's own cancellation becomes a problem naming the call and what it needs.</summary>
    private static async Task<T?> CallAsync<T>(
        Func<Task<T>> call, string operation, string part, string needs, bool required, NodeCollectionOptions options,
        ICollection<CollectionProblem> problems, CancellationToken cancellation)
        where T : class
    {
        var source = "EC2 " + operation;
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (AmazonServiceException e) when (e.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized || e.ErrorCode is "UnauthorizedOperation" or "AccessDenied" or "AccessDeniedException")
        {
            problems.Add(new CollectionProblem(part, source, $"EC2 refused {operation} ({e.ErrorCode ?? ((int)e.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)}: {e.Message})", needs, required));
        }
        catch (AmazonServiceException e)
        {
            problems.Add(new CollectionProblem(part, source, $"EC2 {operation} failed ({e.ErrorCode ?? "HTTP " + (int)e.StatusCode}: {e.Message})", needs, required));
        }
        catch (AmazonClientException e)
        {
            // No credentials, no region, an endpoint that cannot be reached after the SDK's retries.
            problems.Add(new CollectionProblem(part, source, $"EC2 {operation} could not be made: {e.Message}",
                needs + " and AWS credentials from the SDK's default chain (the node's instance profile)", required));
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellation.IsCancellationRequested))
        {
            var detail = e is OperationCanceledException
                ? $"no answer within {options.Ec2Timeout.TotalSeconds:0.#} s per attempt ({options.Ec2MaxRetries} retries)"
                : e.Message;
            problems.Add(new CollectionProblem(part, source, $"EC2 {operation} could not be made: {detail}", needs + " and the EC2 endpoint reachable", required));
        }

        return null;
    }
}
