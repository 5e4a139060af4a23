namespace Open311.Core;

public enum AdminOutcome
{
    Done,
    NotFound,
    Invalid,
    /// <summary>The change clashes with what is stored: a taken code, a thing still in use.</summary>
    Conflict,
}

/// <summary>One reason a field of an administrative change was refused.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>What an administrative change (catalogue, workflows, areas, accounts) came to: the changed thing, or why not.</summary>
public sealed record AdminResult<T>(AdminOutcome Outcome, T? Value, IReadOnlyList<FieldError> Errors, string? Message)
{
    public static AdminResult<T> Done(T value) => new(AdminOutcome.Done, value, [], null);

    public static AdminResult<T> NotFound(string message) => new(AdminOutcome.NotFound, default, [], message);

    public static AdminResult<T> Invalid(IReadOnlyList<FieldError> errors) => new(AdminOutcome.Invalid, default, errors, null);

    public static AdminResult<T> Conflict(string message) => new(AdminOutcome.Conflict, default, [], message);
}
