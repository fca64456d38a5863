using System.Collections.Concurrent;
using System.Reflection;

namespace MatGenDiscovery.Runtime.Activation;

/// <summary>Checks once per interface that every member can be dispatched as a grain call.</summary>
internal static class GrainInterfaceValidator
{
    private static readonly ConcurrentDictionary<Type, string?> Problems = new();

    /// <exception cref="InvalidGrainInterfaceException">The interface declares an undispatchable member.</exception>
    public static void Validate(Type grainInterface)
    {
        var problem = Problems.GetOrAdd(grainInterface, FindProblem);
        if (problem is not null)
        {
            throw new InvalidGrainInterfaceException(grainInterface, problem);
        }
    }

    private static string? FindProblem(Type grainInterface)
    {
        if (!grainInterface.IsInterface)
        {
            return "it is not an interface";
        }

        var members = grainInterface.GetInterfaces().Append(grainInterface)
            .SelectMany(i => i.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly));
        foreach (var member in members)
        {
            var problem = member switch
            {
                MethodInfo method => GrainMethodInvoker.GetProblem(method),
                PropertyInfo property => $"member {property.Name} is a property; grain interfaces may only declare methods",
                EventInfo @event => $"member {@event.Name} is an event; grain interfaces may only declare methods",
                _ => null,
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }
}
