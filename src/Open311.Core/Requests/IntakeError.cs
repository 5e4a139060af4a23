namespace Open311.Core.Requests;

/// <summary>Why a submission was refused. <see cref="NotFound"/> errors name a missing thing (HTTP 404), the rest bad input (400).</summary>
public sealed record IntakeError(string Description, bool NotFound = false)
{
    /// <summary>The <see cref="NewRequest"/> setting the error is about, where a channel may call it by another name (<c>notify_sms</c>, <c>language</c>).</summary>
    public string? Field { get; private init; }

    /// <summary>What is wrong with <see cref="Field"/>, without its name.</summary>
    public string Reason { get; private init; } = Description;

    /// <summary>An error about one setting, described as <c>{field}: {reason}</c>.</summary>
    public static IntakeError About(string field, string reason) => new($"{field}: {reason}") { Field = field, Reason = reason };
}
