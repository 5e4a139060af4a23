namespace Open311.Core.Messaging;

/// <summary>
/// Hands an SMS to the municipality's provider; throwing means it was not accepted and may be
/// tried again. A provider whose API <see cref="HttpSmsGateway"/>'s settings cannot describe
/// implements this in one class and registers it instead.
/// </summary>
public interface ISmsGateway
{
    Task SendAsync(SmsMessage message, CancellationToken cancellationToken);
}
