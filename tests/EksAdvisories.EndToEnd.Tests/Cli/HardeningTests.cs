using System.Text;
using EksAdvisories.EndToEnd.Tests.Infrastructure;
using EksAdvisories.Tests;

namespace EksAdvisories.EndToEnd.Tests.Cli;

/// <summary>
/// Bad input and bad surroundings, each of which once crashed the checker (exit 134 and a stack trace) or made it lie:
/// every one now exits with its documented code and one line on standard error naming the input.
/// </summary>
public sealed class HardeningTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new("cli-hardening");

    public void Dispose() => _temp.Dispose();

    private static string Example(string name) => RepositoryPaths.Combine("samples", "snapshots", name);

    /// <summary>The exit code, one line on standard error holding <paramref name="fragment"/>, no stack trace, no output.</summary>
    private static void AssertCleanFailure(ProcessResult run, int exitCode, string fragment)
    {
        Assert.True(run.ExitCode == exitCode, run.Describe());
        Assert.True(run.StandardError.Contains(fragment, StringComparison.Ordinal), run.Describe());
        Assert.True(CliProcess.Lines(run.StandardError).Length == 1, "one line on standard error: " + run.Describe());
        AssertNoStackTrace(run);
    }

    private static void AssertNoStackTrace(ProcessResult run)
    {
        var all = run.StandardOutput + run.StandardError;
        Assert.False(all.Contains("Unhandled exception", StringComparison.Ordinal) || all.Contains("   at ", StringComparison.Ordinal), run.Describe());
    }

    /// <summary>JSON of the wrong shape, with the JSON path the message must name.</summary>
    public static TheoryData<string, string> WrongShapes => new()
    {
        { """{"spec":null}""", "$.spec is null; expected an object" },
        { """{"spec":1}""", "$.spec is the number 1; expected an object" },
        { """{"spec":{"template":[]}}""", "$.spec.template is an array; expected an object" },
        { """{"spec":{"template":{"spec":{"containers":[null]}}}}""", "$.spec.template.spec.containers[0] is null; expected an object" },
        { """{"spec":{"template":{"spec":{"initContainers":"x"}}}}""", "$.spec.template.spec.initContainers is a string; expected an array" },
        { """{"spec":{"template":{"spec":{"containers":[{"image":7}]}}}}""", "$.spec.template.spec.containers[0].image is the number 7; expected a string" },
        { """{"addon":null}""", "$.addon is null; expected an object" },
        { """{"addon":{"addonVersion":["v1.12.2"]}}""", "$.addon.addonVersion is an array; expected a string" },
        { """{"addon":{"addonName":"vpc-cni","addonVersion":"\ud800"}}""", "$.addon.addonVersion holds an escape that is not a character" },
        { """[{"addonVersion":"v1.12.2"}]""", "$ is an array; expected an object" },
    };

    [Theory]
    [MemberData(nameof(WrongShapes))]
    public async Task Json_of_the_wrong_shape_on_standard_input_exits_3_naming_the_json_path(string json, string message)
    {
        var run = await CliProcess.RunAsync(["check-version", "-"], json);

        AssertCleanFailure(run, 3, "standard input: " + message);
        Assert.True(run.StandardOutput.Length == 0, run.Describe());
    }

    [Theory]
    [MemberData(nameof(WrongShapes))]
    public async Task Json_of_the_wrong_shape_in_a_file_exits_3_naming_the_file_and_the_json_path(string json, string message)
    {
        var path = _temp.Combine("document.json");
        await File.WriteAllTextAsync(path, json, TestContext.Current.CancellationToken);

        var run = await CliProcess.RunAsync(["check-version", "--file", path]);

        AssertCleanFailure(run, 3, path + ": " + message);
    }

    [Theory]
    [InlineData("coredns", "v1.12.0-eksbuild.1")]
    [InlineData("aws-ebs-csi-driver", "v1.12.0-eksbuild.1")]
    public async Task A_describe_addon_document_of_another_add_on_is_an_input_error_naming_it(string addon, string version)
    {
        var run = await CliProcess.RunAsync(["check-version", "-"], $$$"""{"addon":{"addonName":"{{{addon}}}","addonVersion":"{{{version}}}"}}""");

        AssertCleanFailure(run, 3, $"$.addon.addonName is '{addon}', another add-on; expected vpc-cni");
        Assert.DoesNotContain("AFFECTED", run.StandardOutput, StringComparison.Ordinal);
    }

    /// <summary>v1.12.2 encoded the ways editors and shells write text (PowerShell's '>' writes UTF-16 with a mark).</summary>
    public static TheoryData<string, byte[]> Encodings => new()
    {
        { "UTF-8 with BOM", [0xEF, 0xBB, 0xBF, .. "v1.12.2\n"u8] },
        { "UTF-16 LE with BOM", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("v1.12.2\r\n")] },
        { "UTF-16 BE with BOM", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("v1.12.2\n")] },
        { "UTF-16 LE without BOM", Encoding.Unicode.GetBytes("v1.12.2\n") },
        { "UTF-32 LE with BOM", [0xFF, 0xFE, 0x00, 0x00, .. Encoding.UTF32.GetBytes("v1.12.2\n")] },
        { "describe-addon JSON in UTF-16 LE with BOM", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("""{"addon":{"addonName":"vpc-cni","addonVersion":"v1.12.2"}}""")] },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task Standard_input_in_any_unicode_encoding_gets_the_same_verdict_as_utf8(string encoding, byte[] bytes)
    {
        var run = await CliProcess.RunAsync(["check-version"], bytes);

        Assert.True(run.ExitCode == 1, encoding + ": " + run.Describe());
        Assert.Equal("v1.12.2  EKSA-2023-0001  AFFECTED", CliProcess.Lines(run.StandardOutput)[0]);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task A_file_in_any_unicode_encoding_gets_the_same_verdict_as_utf8(string encoding, byte[] bytes)
    {
        var path = _temp.Combine("versions.txt");
        await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);

        var run = await CliProcess.RunAsync(["check-version", "--file", path]);

        Assert.True(run.ExitCode == 1, encoding + ": " + run.Describe());
        Assert.Equal("v1.12.2  EKSA-2023-0001  AFFECTED", CliProcess.Lines(run.StandardOutput)[0]);
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_exit_3_instead_of_being_judged_as_replacement_characters()
    {
        var run = await CliProcess.RunAsync(["check-version"], [.. "v1.12.2"u8, 0xC3, 0x28, (byte)'\n']);

        AssertCleanFailure(run, 3, "standard input: is not valid UTF-8");
    }

    [Fact]
    public async Task A_file_over_64_MiB_is_refused_by_its_size_before_it_is_read()
    {
        var path = _temp.Combine("huge.txt");
        using (var file = File.Create(path)) file.SetLength(1200L * 1024 * 1024); // sparse: costs no disk

        var run = await CliProcess.RunAsync(["check-version", "--file", path]);

        AssertCleanFailure(run, 3, $"{path}: is {1200L * 1024 * 1024} bytes, over the limit of 64 MiB");
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(30), run.Describe());
    }

    [Fact]
    public async Task Standard_input_over_64_MiB_is_refused_once_it_passes_the_limit()
    {
        var run = await CliProcess.RunInShellAsync("< <(head -c 70000000 /dev/zero 2>/dev/null | tr '\\0' v 2>/dev/null)", "check-version");

        AssertCleanFailure(run, 3, "standard input: is over the limit of 64 MiB");
        Assert.True(run.StandardOutput.Length == 0, run.Describe());
    }

    [Fact]
    public async Task A_line_too_long_to_be_a_version_is_refused_rather_than_echoed_back()
    {
        var run = await CliProcess.RunAsync(["check-version"], "v1.12.5\n" + new string('a', 100_000) + "\n");

        AssertCleanFailure(run, 3, "standard input: line 2 is 100000 characters long; a version or image reference is at most 1024");
        Assert.True(run.StandardOutput.Length == 0, run.Describe());
    }

    [Fact]
    public async Task An_at_sign_is_an_argument_not_a_response_file()
    {
        var version = await CliProcess.RunAsync(["check-version", "@/tmp"]);
        var node = await CliProcess.RunAsync(["check-node", "@/tmp"]);

        Assert.True(version.ExitCode == 2, version.Describe());
        Assert.Contains("@/tmp  EKSA-2023-0001  UNKNOWN", version.StandardOutput, StringComparison.Ordinal);
        AssertCleanFailure(node, 3, "@/tmp: the snapshot directory does not exist");
    }

    [Theory]
    [InlineData("> /dev/full", "No space left on device", "check-version", "v1.12.2")]
    [InlineData(">&-", "Bad file descriptor", "check-version", "v1.12.2")]
    [InlineData("> /dev/full", "No space left on device", "check-node", "samples/snapshots/stuck-affected")]
    [InlineData(">&-", "Bad file descriptor", "show", "--format", "osv")]
    [InlineData("> /dev/full", "No space left on device", "--help")]
    public async Task An_output_that_cannot_be_written_exits_4_with_one_line(string redirection, string reason, params string[] arguments)
    {
        var run = await CliProcess.RunInShellAsync(redirection, arguments);

        AssertCleanFailure(run, 4, "eks-advisories: cannot write to standard output: " + reason);
    }

    [Fact]
    public async Task A_file_given_as_a_snapshot_folder_is_called_a_file()
    {
        var path = _temp.Combine("passwd");
        await File.WriteAllTextAsync(path, "root:x:0:0::/root:/bin/bash\n", TestContext.Current.CancellationToken);

        var run = await CliProcess.RunAsync(["check-node", path]);

        AssertCleanFailure(run, 3, $"{path}: this is a file, not a directory");
    }

    [Fact]
    public async Task A_directory_where_a_snapshot_file_belongs_is_called_a_directory_not_missing()
    {
        var folder = CopyOf("in-sync");
        File.Delete(Path.Combine(folder, "enis.json"));
        Directory.CreateDirectory(Path.Combine(folder, "enis.json"));

        var run = await CliProcess.RunAsync(["check-node", folder]);

        AssertCleanFailure(run, 3, $"{folder}: enis.json: '{Path.Combine(folder, "enis.json")}' is a directory, not a file");
    }

    // A clone inside a 0700 folder (mktemp -d) cannot be entered by 'nobody': the first such ancestor, or null.
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static string? FolderClosedToOthers(string path)
    {
        for (var dir = Path.GetDirectoryName(Path.GetFullPath(path)); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            if ((File.GetUnixFileMode(dir) & UnixFileMode.OtherExecute) == 0) return dir;
        }

        return null;
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_snapshot_folder_that_cannot_be_listed_is_called_unreadable_not_missing()
    {
        var folder = CopyOf("in-sync");
        File.SetUnixFileMode(folder, UnixFileMode.None);
        try
        {
            // Root reads every folder, so as root the checker runs as 'nobody' (setpriv), the way a user without rights would.
            ProcessResult run;
            if (Environment.UserName != "root")
            {
                run = await CliProcess.RunAsync(["check-node", folder]);
            }
            else
            {
                Assert.SkipUnless(File.Exists("/usr/bin/setpriv"), "running as root without setpriv: no way to be a user the folder refuses");
                var closed = FolderClosedToOthers(CliProcess.DllPath);
                Assert.SkipWhen(closed is not null, $"running as root in a clone under '{closed}', which other users cannot enter, so 'nobody' cannot start the tool");
                File.SetUnixFileMode(_temp.Path, (UnixFileMode)0b111_101_101);
                run = await ChildProcess.RunAsync("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", Tools.Dotnet, CliProcess.DllPath, "check-node", folder],
                    RepositoryPaths.Root, TimeSpan.FromSeconds(60), new Dictionary<string, string?> { ["HOME"] = "/tmp" });
            }

            AssertCleanFailure(run, 3, $"{folder}: the snapshot directory cannot be read");
            Assert.DoesNotContain("missing", run.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public async Task Check_node_validates_the_kubernetes_version_as_check_version_does()
    {
        var node = await CliProcess.RunAsync(["check-node", "--k8s", "garbage", Example("in-sync")]);
        var version = await CliProcess.RunAsync(["check-version", "--k8s", "garbage", "v1.12.2"]);

        AssertCleanFailure(node, 3, "--k8s: 'garbage' is not a Kubernetes version");
        AssertCleanFailure(version, 3, "--k8s: 'garbage' is not a Kubernetes version");
        Assert.True(node.StandardOutput.Length == 0, node.Describe());
    }

    [Fact]
    public async Task A_cni_version_file_naming_another_image_is_refused()
    {
        var folder = CopyOf("stuck-affected");
        await File.WriteAllTextAsync(Path.Combine(folder, "cni-version.txt"), "nginx:v1.12.2\n", TestContext.Current.CancellationToken);

        var run = await CliProcess.RunAsync(["check-node", folder]);

        AssertCleanFailure(run, 3, "cni-version.txt: the file names the image 'nginx:v1.12.2' (repository 'nginx'), which is not the VPC CNI");
        Assert.DoesNotContain("Stuck", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cni_version_file_naming_the_cni_image_is_read()
    {
        var folder = CopyOf("stuck-affected");
        await File.WriteAllTextAsync(Path.Combine(folder, "cni-version.txt"),
            "602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.12.2\n", TestContext.Current.CancellationToken);

        var run = await CliProcess.RunAsync(["check-node", folder]);

        Assert.True(run.ExitCode == 1, run.Describe());
        Assert.Contains("IPAMD reconcile check: Stuck", run.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--verbose")]
    [InlineData(null)]
    public async Task Usage_errors_print_no_stack_trace_even_with_verbose(string? verbose)
    {
        string[] arguments = verbose is null ? ["check-version", "--fail-on", "nope", "v1"] : ["check-version", verbose, "--fail-on", "nope", "v1"];

        var run = await CliProcess.RunAsync(arguments, environment: new Dictionary<string, string?> { ["EKS_ADVISORIES_VERBOSE"] = "1" });

        AssertCleanFailure(run, 3, "--fail-on: 'nope'");
    }

    private string CopyOf(string example)
    {
        var folder = _temp.Combine(example + "-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Example(example))) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        return folder;
    }
}
