namespace Open311.Core.Requests;

/// <summary>Why a submission was refused. <see cref="NotFound"/> errors name a missing thing (HTTP 404), the rest bad input (400).</summary>
public sealed record IntakeError(string Description, bool NotFound = false);
