namespace Open311.Core.Requests;

/// <summary>A photo uploaded with a request, already stripped of its metadata.</summary>
public class RequestMedia
{
    public Guid Id { get; set; }
    public long RequestId { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
