// The tests start builds that each want both cores, and the .csx tests redirect the process-wide Console;
// running them one at a time is both faster on a small machine and correct.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
