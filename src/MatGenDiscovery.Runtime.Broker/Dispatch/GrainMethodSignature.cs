using System.Reflection;

namespace MatGenDiscovery.Runtime.Broker.Dispatch;

/// <summary>Stable method identity for messages: <c>Name(Full.Param.Type1,Full.Param.Type2)</c>.</summary>
public static class GrainMethodSignature
{
    public static string Of(MethodInfo method) =>
        $"{method.Name}({string.Join(",", method.GetParameters().Select(p => p.ParameterType.FullName))})";
}
