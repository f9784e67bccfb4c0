namespace EksAdvisories.Data;

/// <summary>One broken rule in advisory data: where (JSON path) and what is wrong, quoting the value.</summary>
internal readonly record struct DataProblem(string Path, string Message);
