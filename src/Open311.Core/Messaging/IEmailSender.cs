namespace Open311.Core.Messaging;

/// <summary>Hands e-mail over for delivery; throwing means it was not handed over and may be tried again.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
