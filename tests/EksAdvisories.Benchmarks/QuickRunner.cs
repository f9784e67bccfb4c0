using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace EksAdvisories.Benchmarks;

/// <summary>
/// Runs every benchmark method once, in process, without measuring: proves in CI that the benchmarks still build and run.
/// Benchmarks of the <see cref="StartupBenchmarks.Category"/> category are left out: they need the tool packed and
/// installed first (minutes of NativeAOT compile), which the tool's end-to-end tests already do.
/// </summary>
public static class QuickRunner
{
    public static IReadOnlyList<string> RunAll(TextWriter log)
    {
        var ran = new List<string>();
        var types = typeof(QuickRunner).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
            .Where(t => t.GetCustomAttribute<BenchmarkCategoryAttribute>()?.Categories.Contains(StartupBenchmarks.Category) != true)
            .OrderBy(t => t.Name, StringComparer.Ordinal);
        foreach (var type in types)
        {
            var instance = Activator.CreateInstance(type)!;
            foreach (var property in type.GetProperties().Where(p => p.GetCustomAttribute<ParamsAttribute>() is not null))
            {
                property.SetValue(instance, property.GetCustomAttribute<ParamsAttribute>()!.Values[0]);
            }

            Invoke<GlobalSetupAttribute>(type, instance);
            foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null).OrderBy(m => m.Name, StringComparer.Ordinal))
            {
                Invoke<IterationSetupAttribute>(type, instance);
                method.Invoke(instance, null);
                ran.Add($"{type.Name}.{method.Name}");
                log.WriteLine($"ran {type.Name}.{method.Name}");
            }

            Invoke<GlobalCleanupAttribute>(type, instance);
        }

        return ran;
    }

    private static void Invoke<TAttribute>(Type type, object instance)
        where TAttribute : Attribute
    {
        foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<TAttribute>() is not null))
        {
            method.Invoke(instance, null);
        }
    }
}
