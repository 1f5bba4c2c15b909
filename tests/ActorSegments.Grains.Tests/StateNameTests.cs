using System.Reflection;

namespace ActorSegments.Grains.Tests;

public sealed class StateNameTests
{
    [Fact]
    public void PersistentStateNames_AreUniqueAcrossGrainTypes()
    {
        // Orleans' ADO.NET storage keys rows by state name and grain key only; two grain types sharing a state name
        // and a key would read each other's state.
        var names = typeof(GrainStorageNames).Assembly.GetTypes()
            .Where(t => typeof(Grain).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetConstructors().SelectMany(c => c.GetParameters()))
            .Select(p => p.GetCustomAttribute<PersistentStateAttribute>())
            .OfType<PersistentStateAttribute>()
            .Select(a => a.StateName)
            .ToList();

        Assert.NotEmpty(names);
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }
}
