using System.Reflection;
using MatGenDiscovery.Grains.Contracts.Campaigns;
using MatGenDiscovery.Grains.Contracts.Generators;
using MatGenDiscovery.Grains.Contracts.Validation;
using MatGenDiscovery.Runtime.Broker.Dispatch;
using MatGenDiscovery.Runtime.Broker.Messages;

namespace MatGenDiscovery.LoadBenchmark;

/// <summary>
/// What host and workers agree on: the queues, the grain keys, the random generator's element pool and the
/// validator's rules (SMACT charge neutrality and electronegativity balance, at most 4 elements, no predictors).
/// </summary>
public static class LoadWorkload
{
    public const string GeneratorRole = "load-generator";
    public const string ValidatorRole = "load-validator";
    public const string GeneratorKey = "load.random";
    public const string ValidatorKey = "load";
    public const string FamilyKeyPrefix = "load/";

    private static readonly MethodInfo Generate = typeof(IGeneratorGrain).GetMethod(nameof(IGeneratorGrain.GenerateAsync))!;
    private static readonly MethodInfo Validate = typeof(IValidatorGrain).GetMethod(nameof(IValidatorGrain.ValidateAsync))!;

    public static GeneratorSpec GeneratorSpec { get; } = new(
        "random",
        null,
        null,
        null,
        ["Li", "Na", "K", "Mg", "Ca", "Sr", "Ba", "Al", "Ti", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "O", "S", "N", "F", "Cl"],
        [],
        MaxArity: 4,
        MaxCount: 6);

    public static ValidatorSpec ValidatorSpec { get; } = new(new ConstraintConfig { MaxArity = 4 }, [], Seed: 1);

    public static GrainInterfaceCatalog Catalog() =>
        new GrainInterfaceCatalog().Add<IGeneratorGrain>(GeneratorRole).Add<IValidatorGrain>(ValidatorRole);

    public static GrainCallRequest GenerateRequest(CandidateRequest request, Uri replyAddress) =>
        Request(Generate, GeneratorKey, request, replyAddress);

    public static GrainCallRequest ValidateRequest(ValidationRequest request, Uri replyAddress) =>
        Request(Validate, ValidatorKey, request, replyAddress);

    public static T Result<T>(GrainCallResponse response, string what) =>
        response.Succeeded
            ? (T)GrainCallSerializer.DeserializeResult(typeof(T) == typeof(CandidateBatch) ? Generate : Validate, response.ResultJson)!
            : throw new InvalidOperationException($"{what} failed on the worker: {response.ErrorType}: {response.ErrorMessage}");

    private static GrainCallRequest Request(MethodInfo method, string key, object argument, Uri replyAddress) => new(
        method.DeclaringType!.FullName!,
        key,
        GrainMethodSignature.Of(method),
        GrainCallSerializer.SerializeArguments(method, [argument]),
        Guid.NewGuid(),
        replyAddress);
}
