namespace Open311.Core.Privacy;

/// <summary>How the contact-retention job runs (configuration section <c>Retention</c>); how long data is kept is per jurisdiction.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Whether this instance runs the job; every instance may, since each batch's rows are claimed by one.</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>How often the job looks for closed requests whose retention has passed.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Requests anonymised in one transaction.</summary>
    public int BatchSize { get; set; } = 200;
}
