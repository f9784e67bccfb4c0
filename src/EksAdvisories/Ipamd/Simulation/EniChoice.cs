namespace EksAdvisories.Ipamd;

/// <summary>
/// Which ENI the model lets IPAMD ask when several have room. GetENINeedsIP returns the first ENI of a Go map walk
/// (data_store.go v1.12.2:1089-1104), and Go randomizes map order on every walk, so any candidate can be asked. The model
/// runs the two extremes instead of every order: a verdict that holds for both holds for every order.
/// </summary>
internal enum EniChoice
{
    /// <summary>Ask an ENI whose request EC2 grants whenever there is one (the lowest device number among them).</summary>
    Best = 0,

    /// <summary>Ask an ENI whose request EC2 refuses whenever there is one (the lowest device number among them).</summary>
    Worst = 1,
}
