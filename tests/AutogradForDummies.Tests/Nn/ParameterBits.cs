using AutogradForDummies.Nn;

namespace AutogradForDummies.Tests.Nn;

/// <summary>A module's parameters as bit patterns, to compare models exactly (negative zero and NaN included).</summary>
internal static class ParameterBits
{
    public static long[] Of(Module module) => [.. module.Parameters().Select(p => BitConverter.DoubleToInt64Bits(p.Data))];
}
