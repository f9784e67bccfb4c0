namespace EksAdvisories.Ipamd;

/// <summary>What the aws-node DaemonSet says: the aws-node container image and its IPAMD settings.</summary>
internal sealed record DaemonSetDocument(string Image, string ImagePath, AwsNodeEnv Env);
