namespace Open311.Core.Messaging;

/// <summary>
/// One e-mail to one address. <paramref name="Id"/> becomes its Message-ID, the same on every
/// attempt, so a mail server or client can recognise a message sent twice after a lost reply;
/// <paramref name="Unsubscribe"/> becomes the List-Unsubscribe headers (one click, RFC 8058).
/// </summary>
public sealed record EmailMessage(Guid Id, string To, string Subject, string TextBody, string? HtmlBody = null, Uri? Unsubscribe = null);
