namespace EksAdvisories.Tests.Robustness;

public class ConcurrencyTests
{
    private static readonly string[] Inputs =
    [
        "v1.12.2-eksbuild.1", "v1.11.3", "v1.12.5-eksbuild.1", "latest", "v1.12", "v1.11.5-eksbuild.1",
        "602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.12.1-eksbuild.2", "garbage", "v1.13", "1.12.3",
    ];

    [Fact]
    public void Eight_threads_evaluating_get_the_same_answers_as_one()
    {
        var advisory = AdvisoryCatalog.Default.Get("EKSA-2023-0001");
        var expected = Inputs.Select(i => Describe(advisory.Evaluate(i))).ToArray();
        var failures = 0;
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            for (var round = 0; round < 2_000; round++)
            {
                // Mix in fresh strings so the bounded verdict cache also fills, empties and refills under contention.
                var i = (round + t) % Inputs.Length;
                var input = round % 3 == 0 ? new string(Inputs[i].AsSpan()) : Inputs[i];
                var catalogVerdict = AdvisoryCatalog.Default.Evaluate("aws-node", input)[0];
                if (Describe(catalogVerdict) != expected[i]) Interlocked.Increment(ref failures);
                if (round % 7 == 0) advisory.Evaluate($"v1.{round % 20}.{t}-eksbuild.{round}");
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Equal(0, failures);
    }

    private static string Describe(AdvisoryVerdict v) => $"{v.Status}|{v.AsPublished}|{v.Version}|{v.Reason}|{v.Action?.Summary}";
}
