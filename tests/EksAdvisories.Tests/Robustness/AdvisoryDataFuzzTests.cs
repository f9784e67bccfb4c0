using System.Text;
using CsCheck;

namespace EksAdvisories.Tests.Robustness;

/// <summary>Damaged advisory data: AdvisoryCatalog.Load either reads it or throws AdvisoryDataException naming the source.</summary>
public class AdvisoryDataFuzzTests
{
    private static readonly byte[] Original = File.ReadAllBytes(Path.Combine(RepositoryPaths.Advisories, "EKSA-2023-0001.json"));

    private static readonly Gen<byte[]> Damaged = Gen.OneOf(
        // Flip a few bytes anywhere.
        Gen.Int[1, 8].SelectMany(n => Gen.Int[0, Original.Length - 1].Array[n].SelectMany(positions => Gen.Byte.Array[n].Select(values =>
        {
            var copy = (byte[])Original.Clone();
            for (var i = 0; i < positions.Length; i++) copy[positions[i]] = values[i];
            return copy;
        }))),
        // Cut the file short.
        Gen.Int[0, Original.Length - 1].Select(length => Original[..length]),
        // Swap a value for another type or an out-of-range one.
        Gen.OneOf(
            Gen.Const(("\"revision\": 2", "\"revision\": 99999999999999999999")),
            Gen.Const(("\"revision\": 2", "\"revision\": -1")),
            Gen.Const(("\"published\": \"2023-11-21T00:00:00Z\"", "\"published\": \"yesterday\"")),
            Gen.Const(("\"events\": [", "\"events\": {\"x\": [")),
            Gen.Const(("\"fixed\": \"1.12.5\"", "\"fixed\": null")),
            Gen.Const(("\"fixed\": \"1.12.5\"", "\"fixed\": \"1.12.5\", \"introduced\": \"1.0.0\"")),
            Gen.Const(("\"glossary\": [", "\"glossary\": [null, ")),
            Gen.Const(("\"aliases\": [", "\"aliases\": [1, ")))
            .Select(swap => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Original).Replace(swap.Item1, swap.Item2, StringComparison.Ordinal))));

    [Fact]
    public void Damaged_advisory_data_is_read_or_refused_with_the_one_documented_exception()
    {
        Damaged.Sample(bytes =>
        {
            try
            {
                var catalog = AdvisoryCatalog.Load(new MemoryStream(bytes), "fuzzed.json");
                Assert.NotEmpty(catalog.Advisories);
            }
            catch (AdvisoryDataException e)
            {
                Assert.StartsWith("fuzzed.json", e.Message, StringComparison.Ordinal);
            }
        }, iter: 5_000);
    }
}
