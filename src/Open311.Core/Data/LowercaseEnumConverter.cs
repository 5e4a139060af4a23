using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Open311.Core.Data;

/// <summary>Stores an enum as its lower-case name, the spelling Open311 uses on the wire (<c>singlevaluelist</c>, <c>open</c>).</summary>
internal sealed class LowercaseEnumConverter<T>() : ValueConverter<T, string>(
    value => value.ToOpen311(),
    text => Enum.Parse<T>(text, true))
    where T : struct, Enum;
