using System.Text.Json.Nodes;

namespace EksAdvisories.EndToEnd.Tests.Live;

/// <summary>Asserts that every member of one JSON document is in another, with the same value (arrays item by item).</summary>
internal static class JsonSubset
{
    public static void AssertContained(JsonNode? part, JsonNode? whole, string path)
    {
        switch (part)
        {
            case JsonObject obj:
                var wholeObject = Assert.IsType<JsonObject>(whole, exactMatch: false);
                foreach (var (name, value) in obj)
                {
                    Assert.True(wholeObject.ContainsKey(name), $"{path}.{name} is not in the AWS CLI's output");
                    AssertContained(value, wholeObject[name], $"{path}.{name}");
                }

                break;
            case JsonArray array:
                var wholeArray = Assert.IsType<JsonArray>(whole, exactMatch: false);
                Assert.True(array.Count == wholeArray.Count, $"{path} has {array.Count} items, the AWS CLI's {wholeArray.Count}");
                for (var i = 0; i < array.Count; i++) AssertContained(array[i], wholeArray[i], $"{path}[{i}]");
                break;
            default:
                Assert.True(JsonNode.DeepEquals(part, whole), $"{path} is {part?.ToJsonString()}, the AWS CLI's {whole?.ToJsonString()}");
                break;
        }
    }
}
