namespace EksAdvisories.Ipamd;

/// <summary>
/// The upstream mechanics the model follows that changed after the regression and are not this advisory's concern; the
/// checker fills them from its table of upstream changes (<see cref="UpstreamMechanics"/>), each with the tag it came in.
/// </summary>
/// <param name="PrefixPoolEarlyReturn">
/// Through v1.16.2: in prefix mode without an IP target, increaseDatastorePool and tryAssignCidrs return before any request
/// when the warm-prefix shortfall is 0 (ipamd.go v1.12.2:768-779, 894-905), so WARM_PREFIX_TARGET=0 never allocates.
/// </param>
/// <param name="TrunkEniSkipped">From v1.16.4: GetENINeedsIP never picks the trunk ENI (data_store.go v1.16.4, PR 2801).</param>
/// <param name="ExactSetReconcile">From v1.19.0: the reconcile compares IMDS's and the datastore's address sets, not their counts (PR 3033).</param>
internal readonly record struct ModelMechanics(bool PrefixPoolEarlyReturn, bool TrunkEniSkipped, bool ExactSetReconcile)
{
    /// <summary>The v1.11 - v1.12 lines, the advisory's own: early return, no trunk skip, count-only reconcile.</summary>
    public static ModelMechanics RegressionEra { get; } = new(true, false, false);
}
