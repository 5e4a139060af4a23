namespace Open311.Core.Outbox;

/// <summary>Where an outbox message stands.</summary>
public enum DeliveryStatus
{
    /// <summary>Waiting for its first attempt or for a retry.</summary>
    Pending,
    Delivered,
    /// <summary>Every attempt failed; it waits for an administrator to retry or discard it.</summary>
    Failed,
    /// <summary>An administrator decided it should never be delivered.</summary>
    Discarded,
}
